import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteStore } from '../../src/store/sqlite.js';
import { createApp } from '../../src/present/web/app.js';
import { storyAnalysis } from '../../src/pipeline/index.js';
import { makeArticle } from '../store/contract.js';

test('[web] a story has one title: the list, the API, the analysis and the page agree', async () => {
  const store = await openSqliteStore(join(mkdtempSync(join(tmpdir(), 'parallax-title-')), 't.db'));
  try {
    // The earliest headline is about a side of the story; the later two share most of their words.
    await store.upsertArticles([
      makeArticle('t1', { published: '2025-05-01', source: 'Early Post', title: 'Storm closes mountain pass overnight' }),
      makeArticle('t2', { published: '2025-05-02', source: 'Coast Daily', title: 'Harbour reopens after storm repairs, council says' }),
      makeArticle('t3', { published: '2025-05-03', source: 'Bay Herald', title: 'Council reopens harbour after storm repairs' }),
    ]);
    await store.assignStories([['t1', 's'], ['t2', 's'], ['t3', 's']]);
    const listed = (await store.listStories())[0].title;
    const limited = (await store.listStories({ limit: 1 }))[0].title;
    const analysed = (await storyAnalysis(store, 's'))!.title;
    assert.notEqual(listed, 'Storm closes mountain pass overnight', 'not merely the earliest headline');
    assert.equal(limited, listed);
    assert.equal(analysed, listed);
    const app = createApp(store);
    const api = (await (await app.request('/api/stories')).json()) as { items: { id: string; title: string }[] };
    const one = (await (await app.request('/api/stories/s')).json()) as { title: string };
    assert.equal(api.items[0].title, listed);
    assert.equal(one.title, listed);
    const page = await (await app.request('/story/s')).text();
    const front = await (await app.request('/')).text();
    assert.ok(page.includes(listed) && front.includes(listed), 'the story page and the front page show it');
  } finally {
    await store.close();
  }
});
