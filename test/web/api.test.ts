import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteStore } from '../../src/store/sqlite.js';
import { collectInputs, ingestItems } from '../../src/pipeline.js';
import { createApp } from '../../src/present/web/app.js';
import { storyFixtures } from '../cli/helpers.js';
import type { Store } from '../../src/store/types.js';

const here = '[web/api] ';
const TOKEN = 'test-token-0123456789';

async function setup(): Promise<{ store: Store; app: ReturnType<typeof createApp> }> {
  const store = await openSqliteStore(join(mkdtempSync(join(tmpdir(), 'parallax-web-')), 'web.db'));
  await ingestItems(store, collectInputs([storyFixtures]));
  return { store, app: createApp(store, { allowIngest: { token: TOKEN }, maxBodyBytes: 10_000 }) };
}

test(here + 'stories page by page with cursors, then a story as the analyse JSON', async () => {
  const { store, app } = await setup();
  const first = await (await app.request('/api/stories?limit=1')).json();
  assert.equal(first.items.length, 1);
  assert.equal(first.items[0].sourceCount, 3);
  assert.ok(first.next);
  const second = await (await app.request(`/api/stories?limit=1&cursor=${first.next}`)).json();
  assert.notEqual(second.items[0].id, first.items[0].id);
  assert.equal(second.next, null);
  const story = await (await app.request(`/api/stories/${first.items[0].id}`)).json();
  for (const k of ['id', 'title', 'articles', 'entities', 'quotes', 'claims', 'wording', 'timeline', 'summary']) assert.ok(k in story, k);
  assert.equal(story.articles.length, 3);
  await store.close();
});

test(here + 'errors are JSON with a status and a message', async () => {
  const { store, app } = await setup();
  for (const [path, status] of [['/api/stories/nope', 404], ['/api/stories?cursor=!!', 400], ['/api/stories?limit=0', 400], ['/api/nowhere', 404], ['/api/search', 400]] as const) {
    const r = await app.request(path);
    assert.equal(r.status, status, path);
    const body = await r.json();
    assert.equal(body.status, status);
    assert.equal(typeof body.message, 'string');
  }
  await store.close();
});

test(here + 'ingest needs the token, a known content type and a small body', async () => {
  const { store, app } = await setup();
  const post = (body: string, type: string, token = TOKEN) =>
    app.request('/api/articles', { method: 'POST', body, headers: { 'content-type': type, authorization: `Bearer ${token}` } });
  assert.equal((await post('{}', 'application/json', 'wrong')).status, 401);
  assert.equal((await post('x', 'application/xml')).status, 415);
  assert.equal((await post('x'.repeat(20_000), 'text/plain')).status, 413);
  assert.equal((await post('{"id": "e"}', 'application/json')).status, 422);
  const ok = await post(JSON.stringify({ id: 'new-1', source: 'Port News', title: 'Dockers return to work', published: '2025-03-15', text: 'Dock workers in Rotterdam returned to work on Friday after the FNV union deal ended their strike, the port authority said.' }), 'application/json');
  assert.equal(ok.status, 201);
  assert.equal((await ok.json()).result, 'inserted');
  const art = await (await app.request('/api/articles/new-1')).json();
  assert.equal(art.source, 'Port News');
  const off = createApp(store);
  assert.equal((await off.request('/api/articles', { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } })).status, 403);
  await store.close();
});

test(here + 'pages are HTML with a strict CSP and escape what articles say', async () => {
  const { store, app } = await setup();
  const { fromRecord } = await import('../../src/ingest/files.js');
  await ingestItems(store, [fromRecord({ id: 'evil', source: '<script>alert(1)</script>', title: 'Title \u202Egnp.exe <img src=x onerror=alert(1)>', url: 'javascript:alert(1)', published: '2025-03-14', text: 'The council <b>approved</b> the <script>alert(2)</script> budget on Monday, officials said.\n\nIt will take effect in April, the mayor said.' }, 'evil', null)]);
  const r = await app.request('/article/evil');
  assert.equal(r.status, 200);
  assert.match(r.headers.get('content-security-policy') ?? '', /default-src 'none'; script-src 'self'/);
  const html = await r.text();
  assert.ok(!/<script>alert/.test(html));
  assert.ok(!/<img src=x/.test(html));
  assert.ok(!/href="javascript:/.test(html));
  assert.ok(!html.includes('\u202E'));
  const front = await app.request('/');
  assert.equal(front.status, 200);
  assert.match(await front.text(), /Dock workers end three-week strike|Rotterdam/);
  assert.equal((await (await app.request('/api/openapi.json')).json()).openapi, '3.1.0');
  await store.close();
});
