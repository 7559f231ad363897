import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openSqliteStore } from '../../src/store/sqlite.js';
import { extractItem, groupAsStored, regroup } from '../../src/pipeline.js';
import type { Store } from '../../src/store/types.js';
import type { Article } from '../../src/types.js';

const here = '[group-as-stored] ';
const dirs = ['../fixtures/cluster/', '../fixtures/story/'].map((d) => fileURLToPath(new URL(d, import.meta.url)));

/** The fixture articles, dated a day apart in file order (two share a date, so ids break the tie). */
function articles(): Article[] {
  const files = dirs.flatMap((d) => readdirSync(d).filter((f) => f.endsWith('.txt')).sort().map((f) => join(d, f)));
  return files.map((f, i) => {
    const r = extractItem({
      ok: true, origin: f, raw: { kind: 'text', origin: f, content: readFileSync(f, 'utf8') },
      record: { id: `a${String(i).padStart(2, '0')}`, published: `2025-03-${String(10 + Math.min(i, 6)).padStart(2, '0')}`, source: `outlet${i % 3}` }, defaultId: null,
    });
    if (!('article' in r)) throw new Error(r.failure.error);
    return r.article;
  });
}

let n = 0;
const fresh = () => openSqliteStore(join(mkdtempSync(join(tmpdir(), 'parallax-group-')), `g${n++}.db`));

async function storiesOf(store: Store, list: Article[]): Promise<Record<string, string | null>> {
  const out: Record<string, string | null> = {};
  for (const a of list) out[a.id] = await store.storyOf(a.id);
  return out;
}

/** The stories a regroup from scratch gives the same articles. */
async function regrouped(list: Article[]): Promise<Record<string, string | null>> {
  const store = await fresh();
  try {
    await store.upsertArticles(list);
    await regroup(store);
    return await storiesOf(store, list);
  } finally {
    await store.close();
  }
}

async function streamed(store: Store, batches: Article[][], window?: number): Promise<void> {
  const grouping = await groupAsStored(store, { window });
  for (const b of batches) await grouping.stored(b, await store.upsertArticles(b));
  await grouping.finish();
}

test(here + 'articles stored out of order, within the window, get the stories a regroup gives them', async () => {
  const list = articles();
  const expected = await regrouped(list);
  assert.ok(new Set(Object.values(expected)).size < list.length, 'some articles share a story');
  // Out of order: a fixed shuffle of the first nine, then the rest from the last back.
  const shuffled = [list[5], list[0], list[8], list[2], list[7], list[1], list[4], list[6], list[3], ...list.slice(9).reverse()];
  const store = await fresh();
  try {
    await streamed(store, [shuffled.slice(0, 4), shuffled.slice(4)]);
    assert.deepEqual(await storiesOf(store, list), expected);
  } finally {
    await store.close();
  }
});

test(here + 'an archive in publication order is grouped as a regroup would, whatever the window', async () => {
  const list = articles();
  const expected = await regrouped(list);
  const store = await fresh();
  try {
    await streamed(store, list.map((a) => [a]), 1);
    assert.deepEqual(await storiesOf(store, list), expected);
  } finally {
    await store.close();
  }
});

test(here + "the store's earlier articles are grouped first; an update falls back to a regroup; nothing new changes nothing", async () => {
  const list = articles();
  const expected = await regrouped(list);
  const store = await fresh();
  try {
    await store.upsertArticles(list.slice(0, 5));
    await regroup(store);
    // The later articles, with one earlier article again, unchanged.
    await streamed(store, [[list[2], list[5], list[6]], list.slice(7)], 2);
    assert.deepEqual(await storiesOf(store, list), expected);

    const before = await storiesOf(store, list);
    await streamed(store, [list.slice(0, 3)]);
    assert.deepEqual(await storiesOf(store, list), before, 'an ingest that changes nothing regroups nothing');

    // A story's article corrected under the same id: the clusterer cannot take it again.
    const edited = { ...list[1], contentHash: 'edited', text: list[1].text + ' The figures were later revised.' };
    const grouping = await groupAsStored(store);
    assert.deepEqual(await store.upsertArticles([edited]), ['updated']);
    await grouping.stored([edited], ['updated']);
    await grouping.finish();
    const replayed = await regrouped([...list.slice(0, 1), edited, ...list.slice(2)]);
    assert.deepEqual(await storiesOf(store, list), replayed);
  } finally {
    await store.close();
  }
});
