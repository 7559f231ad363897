import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openSqliteStore } from '../../src/store/sqlite.js';
import { checkpointGrouping, createSink, explainStory, extractItem, groupPending, ingestItems, regroup } from '../../src/pipeline/index.js';
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

/** The store, counting the articles a process replays from it. */
function counting(store: Store): { store: Store; replayed: () => number } {
  let n = 0;
  const wrapped = new Proxy(store, {
    get(target, prop, receiver) {
      if (prop === 'iterateGrouped') {
        return async function* (after: number) {
          for await (const x of target.iterateGrouped(after)) {
            n++;
            yield x;
          }
        };
      }
      const v = Reflect.get(target, prop, receiver) as unknown;
      return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
    },
  });
  return { store: wrapped, replayed: () => n };
}

test(here + 'a new process starts from the stored checkpoint, replays only the steps after it, and ends with the same stories', async () => {
  const list = articles();
  const expected = await regrouped(list);
  const path = tempPath();
  const cut = Math.floor(list.length / 2);
  const first = await openSqliteStore(path);
  for (const a of list.slice(0, cut)) {
    await first.upsertArticles([a]);
    await groupPending(first);
  }
  assert.equal(await checkpointGrouping(first, 1), true);
  const saved = await first.groupingCheckpoint();
  assert.deepEqual([saved?.seq, saved?.articles], [cut, cut]);
  // Two steps after the checkpoint, then the process stops.
  for (const a of list.slice(cut, cut + 2)) {
    await first.upsertArticles([a]);
    await groupPending(first);
  }
  await first.close();

  const { store, replayed } = counting(await openSqliteStore(path));
  try {
    for (const a of list.slice(cut + 2)) {
      await store.upsertArticles([a]);
      await groupPending(store);
    }
    assert.equal(replayed(), 2, 'the two steps after the checkpoint, not the collection');
    assert.deepEqual(await partition(store, list), expected);
  } finally {
    await store.close();
  }
});

test(here + 'a checkpoint of other code, or one that does not read back, is passed over: the steps are replayed', async () => {
  const list = articles();
  const expected = await regrouped(list);
  for (const spoil of ['version', 'bytes'] as const) {
    const path = tempPath();
    const first = await openSqliteStore(path);
    for (const a of list.slice(0, 6)) {
      await first.upsertArticles([a]);
      await groupPending(first);
    }
    await checkpointGrouping(first, 1);
    const c = (await first.groupingCheckpoint())!;
    await first.saveGroupingCheckpoint(spoil === 'version' ? { ...c, version: 'other code' } : { ...c, data: c.data.subarray(0, c.data.length - 100) });
    await first.close();
    const { store, replayed } = counting(await openSqliteStore(path));
    try {
      for (const a of list.slice(6)) {
        await store.upsertArticles([a]);
        await groupPending(store);
      }
      assert.equal(replayed(), 6, spoil);
      assert.deepEqual(await partition(store, list), expected, spoil);
    } finally {
      await store.close();
    }
  }
});

test(here + 'a bulk ingest ends with a checkpoint of what it grouped; a small one leaves none', async () => {
  const store = await openSqliteStore(tempPath());
  try {
    await ingestItems(store, items());
    assert.equal(await store.groupingCheckpoint(), null, `${items().length} articles replay in a moment`);
    assert.equal(await checkpointGrouping(store, 1000), false, 'under the least');
    const sink = createSink(store, { checkpoint: 10 });
    for (const a of articles()) await sink.add({ article: { ...a, id: `${a.id}-again`, contentHash: `${a.contentHash}-again` } });
    await sink.finish();
    const c = await store.groupingCheckpoint();
    assert.equal(c?.articles, 2 * items().length);
    assert.equal(c?.seq, (await store.groupingState()).seq);
    assert.equal(await checkpointGrouping(store, 1), false, 'nothing new since');
  } finally {
    await store.close();
  }
});
