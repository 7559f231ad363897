import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gunzipSync } from 'node:zlib';
import { createApp } from '../../src/present/web/app.js';
import { startServer } from '../../src/present/web/server.js';
import { openApi } from '../../src/present/web/openapi.js';
import type { SearchHit, StoredStory } from '../../src/store/types.js';
import type { Article, Story } from '../../src/types.js';
import { fixture, fixtureStore, fixtureStory, toArticle } from './fixture.js';

const here = '[web/api] ';
const TOKEN = 'test-token-0123456789';

async function setup(options: Parameters<typeof createApp>[1] = { allowIngest: { token: TOKEN }, maxBodyBytes: 10_000 }) {
  const store = await fixtureStore();
  return { store, app: createApp(store, options) };
}

// The JSON the API answers with, as these tests read it.
interface Page<T> { items: T[]; next: string | null }
interface ArticleJson extends Omit<Article, 'raw' | 'enrichment'> {
  story: string | null;
  /** Never sent: the tests check it stays out. */
  enrichment?: unknown;
}
interface ErrorJson { status: number; message: string }
interface OutletJson { name: string; articles: number }
interface SearchJson { items: SearchHit[]; stories: StoredStory[] }
interface OpenApiJson { openapi: string; paths: Record<string, Record<string, unknown>> }

/** A response's JSON body, read as the shape the caller names. */
const json = async <T>(r: Response | Promise<Response>): Promise<T> => (await r).json() as Promise<T>;

test(here + 'stories page by page; a cursor continues after the last story seen even when a bigger story arrives', async () => {
  const { store, app } = await setup();
  const first = await json<Page<StoredStory>>(app.request('/api/stories?limit=1'));
  assert.deepEqual(first.items.map((s: { id: string }) => s.id), ['grain-talks']);
  assert.equal(first.items[0].sourceCount, 3);
  assert.equal(first.items[0].articleCount, 3);
  assert.ok(first.next);
  // A four-outlet story now ranks first: an offset would hand out grain-talks again.
  const big = ['a', 'b', 'c', 'd'].map((x, i) => toArticle({ id: `big-${x}`, source: `Outlet ${x}`, url: null, title: `Big ${x}`, byline: null, published: `2025-06-0${i + 1}`, language: 'de', text: `Big story text ${x}.` }));
  await store.upsertArticles(big);
  await store.assignStories(big.map((a) => [a.id, 'big'] as [string, string]));
  const second = await json<Page<StoredStory>>(app.request(`/api/stories?limit=1&cursor=${first.next}`));
  assert.deepEqual(second.items.map((s: { id: string }) => s.id), ['hostile']);
  assert.equal(second.next, null);
  const all = await json<Page<StoredStory>>(app.request('/api/stories'));
  assert.deepEqual(all.items.map((s: { id: string }) => s.id), ['big', 'grain-talks', 'hostile']);
  await store.close();
});

test(here + "a story is the analysis JSON, as stored", async () => {
  const { store, app } = await setup();
  const story = await json<Story>(app.request('/api/stories/grain-talks'));
  const want = fixtureStory('grain-talks');
  for (const k of ['title', 'claims', 'quotes', 'wording', 'timeline', 'summary', 'entities'] as const) assert.deepEqual(story[k], want[k], k);
  assert.deepEqual(story.articles.map((a: { id: string }) => a.id), want.articles);
  // Served as stored bytes: the same JSON again, revalidated by its ETag, gzipped on request.
  const r = await app.request('/api/stories/grain-talks', { headers: { 'accept-encoding': 'gzip' } });
  assert.equal(r.headers.get('content-encoding'), 'gzip');
  assert.deepEqual(JSON.parse(gunzipSync(Buffer.from(await r.arrayBuffer())).toString('utf8')), story);
  assert.equal((await app.request('/api/stories/grain-talks', { headers: { 'if-none-match': r.headers.get('etag')! } })).status, 304);
  await store.close();
});

test(here + 'filters: outlet, language and dates', async () => {
  const { store, app } = await setup();
  const ids = async (q: string) => (await json<Page<StoredStory>>(app.request(`/api/stories?${q}`))).items.map((s: { id: string }) => s.id);
  const rows: [string, string[]][] = [
    ['outlet=Eastern%20Wire', ['grain-talks']],
    ['outlet=Nobody', []],
    ['lang=en', ['grain-talks', 'hostile']],
    ['lang=fr', []],
    ['from=2025-05-01', ['grain-talks']],
    ['to=2025-04-30', ['hostile']],
    ['to=2025-04-01', ['hostile']],
    ['from=2025-05-07&to=2025-05-07', ['grain-talks']],
  ];
  for (const [q, want] of rows) assert.deepEqual(await ids(q), want, q);
  assert.equal((await app.request('/api/stories?from=yesterday')).status, 400);
  await store.close();
});

test(here + 'errors are JSON with a status and a message', async () => {
  const { store, app } = await setup();
  const rows: [string, number, RequestInit?][] = [
    ['/api/stories/nope', 404],
    ['/api/articles/nope', 404],
    ['/api/stories?cursor=!!', 400],
    ['/api/stories?cursor=' + Buffer.from('{"o":-1}').toString('base64url'), 400],
    ['/api/articles?cursor=' + Buffer.from('[]').toString('base64url'), 400],
    ['/api/stories?limit=0', 400],
    ['/api/stories?limit=501', 400],
    ['/api/stories?limit=2.5', 400],
    ['/api/nowhere', 404],
    ['/api/search', 400],
    ['/api/search?q=' + 'x'.repeat(501), 400],
    ['/api/stories', 405, { method: 'DELETE' }],
  ];
  for (const [path, status, init] of rows) {
    const r = await app.request(path, init);
    assert.equal(r.status, status, path);
    assert.match(r.headers.get('content-type') ?? '', /application\/json/, path);
    const body = await json<ErrorJson>(r);
    assert.equal(body.status, status, path);
    assert.equal(typeof body.message, 'string', path);
    assert.ok(body.message.length > 3, path);
  }
  await store.close();
});

test(here + 'articles page by page without repeats, filtered by story and outlet, never with their raw input', async () => {
  const { store, app } = await setup();
  // As after a first analysis: the articles carry their enrichment in the store, not in the API.
  const { ensureEnriched } = await import('../../src/enrich/index.js');
  await store.saveEnrichments(ensureEnriched(await store.listArticles()));
  assert.ok((await store.getArticle('eastern-grain'))?.enrichment);
  const seen: string[] = [];
  let next: string | null = null;
  do {
    const page: { items: { id: string; raw?: unknown }[]; next: string | null } = await json(app.request(`/api/articles?limit=2${next ? `&cursor=${next}` : ''}`));
    assert.ok(page.items.length <= 2);
    for (const a of page.items) {
      assert.equal(a.raw, undefined);
      assert.equal((a as { enrichment?: unknown }).enrichment, undefined);
    }
    seen.push(...page.items.map((a) => a.id));
    next = page.next;
  } while (next);
  assert.deepEqual([...seen].sort(), fixture.articles.map((a) => a.id).sort());
  const inStory = await json<Page<ArticleJson>>(app.request('/api/articles?story=grain-talks'));
  assert.deepEqual(inStory.items.map((a: { id: string }) => a.id).sort(), ['courier-grain', 'eastern-grain', 'meridian-grain']);
  const byOutlet = await json<Page<ArticleJson>>(app.request('/api/articles?outlet=Meridian%20Daily'));
  assert.deepEqual(byOutlet.items.map((a: { id: string }) => a.id), ['meridian-grain']);
  const one = await json<ArticleJson>(app.request('/api/articles/eastern-grain'));
  assert.equal(one.story, 'grain-talks');
  assert.equal(one.title, 'Kiev hosts grain corridor meeting');
  assert.equal(one.enrichment, undefined);
  await store.close();
});

test(here + 'outlets with their article counts; search finds articles and their stories', async () => {
  const { store, app } = await setup();
  const outlets = await json<Page<OutletJson>>(app.request('/api/outlets'));
  assert.equal(outlets.items.length, 5);
  assert.deepEqual(outlets.items.find((o: { name: string }) => o.name === 'Northern Courier'), { name: 'Northern Courier', articles: 1 });
  const paged = await json<Page<OutletJson>>(app.request('/api/outlets?limit=2'));
  const rest = await json<Page<OutletJson>>(app.request(`/api/outlets?limit=10&cursor=${paged.next}`));
  assert.equal(paged.items.length + rest.items.length, 5);
  const hits = await json<SearchJson>(app.request('/api/search?q=Istanbul'));
  assert.deepEqual(hits.items.map((x: { id: string }) => x.id), ['eastern-grain']);
  assert.deepEqual(hits.stories.map((x: { id: string }) => x.id), ['grain-talks']);
  const none = await json<SearchJson>(app.request('/api/search?q=zeppelin'));
  assert.deepEqual([none.items, none.stories], [[], []]);
  await store.close();
});

test(here + 'ingest: off by default, then token, content type, size, and a valid article', async () => {
  const { store, app } = await setup();
  const post = (body: NonNullable<RequestInit['body']>, type: string | null, token: string | null = TOKEN, path = '/api/articles') =>
    app.request(path, { method: 'POST', body, duplex: 'half', headers: { ...(type ? { 'content-type': type } : {}), ...(token ? { authorization: `Bearer ${token}` } : {}) } } as RequestInit);
  const off = createApp(store);
  assert.equal((await off.request('/api/articles', { method: 'POST', body: '{}', headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` } })).status, 403);
  const rows: [string, () => Response | Promise<Response>, number][] = [
    ['no token', () => post('{}', 'application/json', null), 401],
    ['wrong token', () => post('{}', 'application/json', 'wrong'), 401],
    ['token prefix', () => post('{}', 'application/json', TOKEN.slice(0, -1)), 401],
    ['xml', () => post('<a/>', 'application/xml'), 415],
    ['no type', () => post(new TextEncoder().encode('x'), null), 415],
    ['form', () => post('a=b', 'application/x-www-form-urlencoded'), 415],
    ['too big', () => post('x'.repeat(20_000), 'text/plain'), 413],
    ['too big, streamed', () => post(new Blob(['x'.repeat(20_000)]).stream(), 'text/plain'), 413],
    ['bad json', () => post('{"id": ', 'application/json'), 400],
    ['no text', () => post('{"id": "e"}', 'application/json'), 422],
    ['array', () => post('[1]', 'application/json'), 422],
    ['script url', () => post('{"url": "javascript:alert(1)"}', 'application/json'), 422],
    ['private url', () => post('{"url": "http://127.0.0.1:9/x"}', 'application/json'), 422],
  ];
  for (const [name, send, status] of rows) {
    const r = await send();
    assert.equal(r.status, status, name);
    assert.equal((await json<ErrorJson>(r)).status, status, name);
  }
  const record = { id: 'new-1', source: 'Port News', title: 'Dockers return to work', published: '2025-03-15', text: 'Dock workers in Rotterdam returned to work on Friday after the union deal ended their strike, the port authority said.' };
  const ok = await post(JSON.stringify(record), 'application/json; charset=utf-8');
  assert.equal(ok.status, 201);
  assert.equal((await json<{ result: string }>(ok)).result, 'inserted');
  assert.equal((await post(JSON.stringify(record), 'application/json')).status, 200);
  const art = await json<ArticleJson>(app.request('/api/articles/new-1'));
  assert.equal(art.source, 'Port News');
  // The new article shows in the lists at once.
  const found = await json<Page<ArticleJson>>(app.request('/api/articles?outlet=Port%20News'));
  assert.deepEqual(found.items.map((a: { id: string }) => a.id), ['new-1']);
  const plain = await post('Harbour cranes stood still on Monday as the strike began, the port authority said.', 'text/plain', TOKEN, '/api/articles?id=plain-1&source=Wire');
  assert.equal(plain.status, 201);
  assert.equal((await json<ArticleJson>(app.request('/api/articles/plain-1'))).source, 'Wire');
  await store.close();
});

test(here + 'over a real socket: a chunked body without a length is cut off at the limit; the server binds 127.0.0.1', async () => {
  const store = await fixtureStore();
  const server = await startServer({ store, port: 0, allowIngest: { token: TOKEN }, maxBodyBytes: 10_000 });
  try {
    assert.match(server.url, /^http:\/\/127\.0\.0\.1:\d+$/);
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(`${server.url}/api/articles`, { method: 'POST', headers: { 'content-type': 'text/plain', authorization: `Bearer ${TOKEN}`, 'transfer-encoding': 'chunked' } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', (e) => (e.message.includes('EPIPE') || e.message.includes('ECONNRESET') ? undefined : reject(e)));
      for (let i = 0; i < 40; i++) req.write('x'.repeat(1000));
      req.end();
    });
    assert.equal(status, 413);
    assert.equal(await store.countArticles(), fixture.articles.length);
  } finally {
    await server.close();
    await store.close();
  }
});

test(here + 'ingest by URL fetches the page (a local server, allowed for this test only)', async () => {
  const page = '<html><head><title>Cranes idle</title><meta property="og:site_name" content="Harbour Post"></head><body><article><h1>Cranes idle as strike begins</h1><p>Harbour cranes stood still on Monday as the dock strike began, the port authority said in a statement.</p><p>Ships queued outside the port through the night, pilots said.</p></article></body></html>';
  const server = createServer((req, res) => {
    if (req.url === '/robots.txt') return res.writeHead(404).end();
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/news/cranes`;
  const { store, app } = await setup({ allowIngest: { token: TOKEN }, allowPrivateFetch: true });
  try {
    const r = await app.request('/api/articles', { method: 'POST', body: JSON.stringify({ url }), headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` } });
    const body = await json<ArticleJson>(r);
    assert.equal(r.status, 201, JSON.stringify(body));
    const art = await json<ArticleJson>(app.request(`/api/articles/${encodeURIComponent(body.id)}`));
    assert.match(art.text, /Harbour cranes stood still on Monday/);
    assert.equal(art.url, url);
  } finally {
    server.close();
    await store.close();
  }
});

test(here + 'the OpenAPI description names every API route the app answers', async () => {
  const { store, app } = await setup();
  const doc = await json<OpenApiJson>(app.request('/api/openapi.json'));
  assert.equal(doc.openapi, '3.1.0');
  assert.deepEqual(doc, JSON.parse(JSON.stringify(openApi)));
  const rows: [string, string, string][] = [
    ['get', '/api/stories', '/api/stories'],
    ['get', '/api/stories/{id}', '/api/stories/grain-talks'],
    ['get', '/api/articles', '/api/articles'],
    ['get', '/api/articles/{id}', '/api/articles/courier-grain'],
    ['get', '/api/outlets', '/api/outlets'],
    ['get', '/api/search', '/api/search?q=grain'],
  ];
  for (const [method, path, example] of rows) {
    assert.ok(doc.paths[path]?.[method], `${method} ${path} described`);
    assert.equal((await app.request(example)).status, 200, example);
  }
  assert.ok(doc.paths['/api/articles'].post);
  assert.equal(Object.keys(doc.paths).length, 6);
  await store.close();
});
