/**
 * A server started with `prepare` analyses, while its analysis pool stands idle, the stories that
 * have no analysis yet, so that their pages are made before anyone opens them; a story added by an
 * ingest request is prepared too. Real parts: a SQLite file, a server on 127.0.0.1 whose analysis
 * threads open it.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '../../src/present/web/server.js';
import type { Store } from '../../src/store/types.js';
import { fixtureStore, toArticle } from './fixture.js';

const here = '[web/preparer] ';

/** Invented reports of one story, none analysed. */
async function addStory(store: Store, id: string, count: number): Promise<void> {
  const articles = Array.from({ length: count }, (_, i) =>
    toArticle({
      id: `${id}-${i}`, source: `Outlet ${i}`, url: `https://outlet${i}.example/${id}/${i}`, title: `Ferry strike ${id} enters day ${i + 2}`, byline: null,
      published: `2025-04-0${1 + i}`, language: 'en',
      text: `Ferry crews in Harwick stayed off work for a ${i + 2}nd day on ${id} business, said union official Dana Morrow. "We will not sail until the rota is fixed," Morrow told reporters. The operator said ${40 + i} crossings were cancelled.`,
    }),
  );
  await store.upsertArticles(articles);
  await store.assignStories(articles.map((a) => [a.id, id] as [string, string]));
}

async function until(what: string, ok: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 900; i++) {
    if (await ok()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  assert.fail(`never: ${what}`);
}

const newDb = () => join(mkdtempSync(join(tmpdir(), 'parallax-prepare-')), 'web.db');

test(here + 'stories without an analysis are analysed before anyone asks', { timeout: 180_000 }, async () => {
  const store = await fixtureStore(newDb());
  for (const id of ['north', 'south', 'east']) await addStory(store, id, 3);
  assert.deepEqual((await store.storiesWithoutAnalysis(10)).sort(), ['east', 'north', 'south']);
  const server = await startServer({ store, port: 0, prepare: { idleMs: 20 } });
  try {
    await until('the three stories analysed', async () => (await store.storiesWithoutAnalysis(10)).length === 0);
    const page = await fetch(`${server.url}/story/north`);
    assert.equal(page.status, 200);
    assert.equal(page.headers.get('parallax-analysis'), null);
    assert.match(await page.text(), /Ferry strike north/);
  } finally {
    await server.close();
    await store.close();
  }
});

test(here + 'a story added by an ingest request is analysed before anyone asks', { timeout: 180_000 }, async () => {
  const store = await fixtureStore(newDb());
  const server = await startServer({ store, port: 0, prepare: { idleMs: 20 }, allowIngest: { token: 'prepare-token-0123456789' } });
  try {
    const posted = await fetch(`${server.url}/api/articles`, {
      method: 'POST',
      headers: { authorization: 'Bearer prepare-token-0123456789', 'content-type': 'application/json' },
      body: JSON.stringify({ id: 'lone-1', source: 'Gazette', published: '2025-05-02', title: 'Observatory reopens after repairs', text: 'The hill observatory at Carnwell reopened on Friday after two years of repairs to its dome, director Ines Vale said. Visitors can book evening sessions from June.' }),
    });
    assert.equal(posted.status, 201);
    const { story } = (await posted.json()) as { story: string };
    await until('the posted story analysed', async () => (await store.getAnalysis(story)) !== null);
  } finally {
    await server.close();
    await store.close();
  }
});
