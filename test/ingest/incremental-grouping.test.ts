import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openSqliteStore } from '../../src/store/sqlite.js';
import { createSink, explainStory, extractItem, groupPending, ingestItems, regroup } from '../../src/pipeline/index.js';
import type { InputItem } from '../../src/ingest/files.js';
import { storedEnrichment } from '../../src/enrich/index.js';
import type { Store } from '../../src/store/types.js';
import type { Article } from '../../src/types.js';

const here = '[incremental grouping] ';
const dirs = ['../fixtures/cluster/', '../fixtures/story/'].map((d) => fileURLToPath(new URL(d, import.meta.url)));

/** The fixture files as input items, dated a day apart in file order (two share a date, so ids break the tie). */
function items(): InputItem[] {
  const files = dirs.flatMap((d) => readdirSync(d).filter((f) => f.endsWith('.txt')).sort().map((f) => join(d, f)));
  return files.map((f, i) => ({
    ok: true, origin: f, raw: { kind: 'text', origin: f, content: readFileSync(f, 'utf8') },
    record: { id: `a${String(i).padStart(2, '0')}`, published: `2025-03-${String(10 + Math.min(i, 6)).padStart(2, '0')}`, source: `outlet${i % 3}` }, defaultId: null,
  }));
}

function articles(): Article[] {
  return items().map((item) => {
    const r = extractItem(item);
    if (!('article' in r)) throw new Error(r.failure.error);
    return r.article;
  });
}

const tempPath = () => join(mkdtempSync(join(tmpdir(), 'parallax-group-')), 'g.db');

/** The grouping as a set of member lists: comparable whatever the stories are called. */
async function partition(store: Store, list: Article[]): Promise<string[]> {
  const by = new Map<string, string[]>();
  for (const a of list) {
    const s = await store.storyOf(a.id);
    assert.ok(s, `${a.id} has a story`);
    by.set(s, [...(by.get(s) ?? []), a.id]);
  }
  return [...by.values()].map((m) => m.sort().join(' ')).sort();
}

async function regrouped(list: Article[]): Promise<string[]> {
  const store = await openSqliteStore(tempPath());
  try {
    await store.upsertArticles(list);
    await regroup(store);
    return await partition(store, list);
  } finally {
    await store.close();
  }
}

test(here + 'one article at a time, each its own step, gives the stories a regroup from scratch gives', async () => {
  const list = articles();
  const expected = await regrouped(list);
  assert.ok(expected.length < list.length && expected.length > 1, `a grouping worth testing: ${expected.length} stories`);
  const store = await openSqliteStore(tempPath());
  try {
    for (const a of list) {
      await store.upsertArticles([a]);
      const r = await groupPending(store);
      assert.equal(r.fed, 1, 'each step feeds the one new article, not the collection');
    }
    assert.deepEqual(await partition(store, list), expected);
    assert.equal((await store.groupingState()).pending, 0);
  } finally {
    await store.close();
  }
});

test(here + 'two processes on one file take turns: each goes on from the steps the other committed', async () => {
  const list = articles();
  // One handle doing every step...
  const single = await openSqliteStore(tempPath());
  const alone: Record<string, string | null> = {};
  try {
    for (const a of list) {
      await single.upsertArticles([a]);
      await groupPending(single);
    }
    for (const a of list) alone[a.id] = await single.storyOf(a.id);
  } finally {
    await single.close();
  }
  // ...and two handles on one file (two processes, as far as the store can tell) alternating.
  const path = tempPath();
  const one = await openSqliteStore(path);
  const two = await openSqliteStore(path);
  try {
    for (const [i, a] of list.entries()) {
      const s = i % 2 ? two : one;
      await s.upsertArticles([a]);
      await groupPending(s);
    }
    for (const a of list) assert.equal(await one.storyOf(a.id), alone[a.id], a.id);
    // A third, fresh one rebuilds the clusterer from the steps and explains from it.
    const three = await openSqliteStore(path);
    try {
      const story = (await three.listStories())[0];
      const lines = await explainStory(three, story.id);
      assert.equal(lines.length, story.articleCount, 'every article of the story is explained');
    } finally {
      await three.close();
    }
  } finally {
    await one.close();
    await two.close();
  }
});

test(here + 'articles stored but never grouped (a crash between the two) are grouped by the next ingest, even one that changes nothing', async () => {
  const list = articles();
  const path = tempPath();
  const crashed = await openSqliteStore(path);
  await crashed.upsertArticles(list);
  await crashed.close();
  const store = await openSqliteStore(path);
  try {
    const summary = await ingestItems(store, items().slice(0, 2));
    assert.equal(summary.unchanged, 2);
    assert.ok(summary.stories > 0, 'the stories exist after the re-run');
    assert.deepEqual(await partition(store, list), await regrouped(list));
  } finally {
    await store.close();
  }
});

test(here + 'a regroup from scratch gives the stories the steps gave, and steps go on after it', async () => {
  const list = articles();
  const store = await openSqliteStore(tempPath());
  try {
    // Stored a batch of one at a time, grouped in a step every three new articles and at the end.
    const sink = createSink(store, { group: 3, batch: 1 });
    for (const a of list.slice(0, -1)) await sink.add({ article: a });
    await sink.finish();
    const stepped = await partition(store, list.slice(0, -1));
    await regroup(store);
    assert.deepEqual(await partition(store, list.slice(0, -1)), stepped);
    await store.upsertArticles(list.slice(-1));
    assert.equal((await groupPending(store)).fed, 1);
    assert.deepEqual(await partition(store, list), await regrouped(list));
  } finally {
    await store.close();
  }
});

test(here + 'steps made by other grouping code are not replayed: the next step regroups from scratch', async () => {
  const list = articles();
  const path = tempPath();
  const store = await openSqliteStore(path);
  try {
    await store.upsertArticles(list.slice(0, -1));
    await groupPending(store);
    // As another version of the clusterer would have left it: every article in a story of its own.
    const { seq } = await store.groupingState();
    assert.equal(await store.commitGrouping({ expect: seq, seq: seq + 1, fed: [], assignments: list.slice(0, -1).map((a) => [a.id, a.id]), version: 'older code' }), true);
  } finally {
    await store.close();
  }
  const later = await openSqliteStore(path);
  try {
    await later.upsertArticles(list.slice(-1));
    const r = await groupPending(later);
    assert.equal(r.fed, list.length, 'the whole collection was fed again');
    assert.deepEqual(await partition(later, list), await regrouped(list));
  } finally {
    await later.close();
  }
});

test(here + 'articles are enriched as they are stored: the first analysis of their story has nothing left to tag', async () => {
  const list = articles();
  const store = await openSqliteStore(tempPath());
  try {
    const summary = await ingestItems(store, items());
    assert.equal(summary.inserted, list.length);
    for (const a of list) {
      const stored = await store.getArticle(a.id);
      assert.ok(stored?.enrichment && storedEnrichment(stored), `${a.id} is stored with a valid enrichment`);
    }
  } finally {
    await store.close();
  }
});
