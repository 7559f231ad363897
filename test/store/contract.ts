/**
 * The store contract: one suite that every backend passes (SQLite, PostgreSQL). A backend's test
 * file calls `runStoreContract` with a factory for a fresh, empty store.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Store } from '../../src/store/types.js';
import type { Article, Story } from '../../src/types.js';

export function makeArticle(id: string, over: Partial<Article> = {}): Article {
  const text = over.text ?? `Article ${id} reports that the council approved the budget on Monday.`;
  return {
    id, source: 'Daily Test', url: `https://example.org/${id}`, title: `Title ${id}`, kicker: null, dek: null, byline: null,
    published: '2025-01-06', dateline: null, language: 'en', blocks: [{ kind: 'paragraph', text }], text,
    contentHash: `hash-${id}-${text.length}`, provenance: {}, removed: [], messages: [],
    raw: { kind: 'text', origin: `${id}.txt`, content: text }, ...over,
  };
}

export function runStoreContract(name: string, open: () => Promise<Store>, skip?: string): void {
  const t = (title: string, fn: (store: Store) => Promise<void>) =>
    test(`[store/${name}] ${title}`, { skip }, async () => {
      const store = await open();
      try {
        await fn(store);
      } finally {
        await store.close();
      }
    });

  t('inserts, then leaves a same-hash article unchanged, then updates a changed one', async (s) => {
    assert.deepEqual(await s.upsertArticles([makeArticle('a'), makeArticle('b')]), ['inserted', 'inserted']);
    assert.equal(await s.upsertArticle(makeArticle('a')), 'unchanged');
    const changed = makeArticle('a', { text: 'A corrected text about the budget vote.', contentHash: 'hash-a-2' });
    assert.equal(await s.upsertArticle(changed), 'updated');
    assert.equal(await s.countArticles(), 2);
    assert.equal((await s.getArticle('a'))?.text, 'A corrected text about the budget vote.');
    assert.equal(await s.getArticle('nope'), null);
  });

  t('keeps the whole article document', async (s) => {
    const a = makeArticle('doc', { dateline: 'OSLO, March 4. /NTB/.', removed: ['Tags:'], messages: [{ stage: 'extract', rule: 'r', reason: 'why', level: 'info' }] });
    await s.upsertArticle(a);
    assert.deepEqual(await s.getArticle('doc'), a);
  });

  t('stores enrichments only where the article is unchanged, and keeps its story analysis', async (s) => {
    await s.upsertArticles([makeArticle('e1'), makeArticle('e2')]);
    await s.assignStories([['e1', 's'], ['e2', 's']]);
    const story = { id: 's', title: 't', articles: [], entities: [], quotes: [], claims: [], wording: [], timeline: [], summary: [] } as Story;
    await s.saveAnalysis(story);
    // e2 changes between reading and storing its enrichment: the new text must stay, unenriched.
    const read = await s.listArticles({ story: 's' });
    await s.upsertArticle(makeArticle('e2', { text: 'A corrected text about the budget vote.', contentHash: 'hash-e2-new' }));
    const enrichment = { version: 'v', text: 'h', entities: [0, 7, 1], quotes: [] };
    await s.saveEnrichments(read.map((a) => ({ ...a, enrichment })));
    assert.deepEqual((await s.getArticle('e1'))?.enrichment, enrichment);
    const e2 = await s.getArticle('e2');
    assert.equal(e2?.text, 'A corrected text about the budget vote.');
    assert.equal(e2?.enrichment, undefined);
    await s.saveEnrichments([]);
    assert.deepEqual(await s.getAnalysis('s'), null, 'the update of e2 dropped the analysis');
    await s.saveAnalysis(story);
    await s.saveEnrichments([{ ...(await s.getArticle('e1'))!, enrichment: { ...enrichment, version: 'w' } }]);
    assert.deepEqual(await s.getAnalysis('s'), story, 'storing an enrichment keeps the analysis');
  });

  t('records stories and lists them biggest first', async (s) => {
    await s.upsertArticles([
      makeArticle('1', { source: 'A' }), makeArticle('2', { source: 'B' }), makeArticle('3', { source: 'C' }), makeArticle('4', { source: 'A' }),
    ]);
    await s.assignStories(new Map([['1', 's1'], ['2', 's1'], ['3', 's1'], ['4', 's2']]));
    const stories = await s.listStories();
    assert.deepEqual(stories.map((x) => [x.id, x.articleCount, x.sourceCount]), [['s1', 3, 3], ['s2', 1, 1]]);
    assert.equal(await s.storyOf('4'), 's2');
    assert.deepEqual((await s.listArticles({ story: 's1' })).map((a) => a.id).sort(), ['1', '2', '3']);
  });

  t('drops a cached analysis when the story changes', async (s) => {
    await s.upsertArticles([makeArticle('1'), makeArticle('2')]);
    await s.assignStories([['1', 's1']]);
    const story = { id: 's1', title: 't', articles: [], entities: [], quotes: [], claims: [], wording: [], timeline: [], summary: [] } as Story;
    assert.equal(await s.analysisStamp('s1'), null);
    await s.saveAnalysis(story);
    assert.deepEqual(await s.getAnalysis('s1'), story);
    const stamp = await s.analysisStamp('s1');
    assert.ok(stamp);
    await s.saveAnalysis({ ...story, title: 'changed' });
    assert.notEqual(await s.analysisStamp('s1'), stamp);
    await s.assignStories([['2', 's1']]);
    assert.equal(await s.getAnalysis('s1'), null);
    await s.saveAnalysis(story);
    await s.clearAnalyses();
    assert.equal(await s.getAnalysis('s1'), null);
  });

  t('finds articles by full-text search, phrases and odd characters included', async (s) => {
    await s.upsertArticles([
      makeArticle('x', { title: 'Harbour strike ends', text: 'Dock workers accepted the new contract on Thursday.' }),
      makeArticle('y', { title: 'Rail link promised', text: 'The minister promised a rail link by 2030.' }),
    ]);
    assert.deepEqual((await s.search('dock workers')).map((h) => h.id), ['x']);
    assert.deepEqual((await s.search('"rail link"')).map((h) => h.id), ['y']);
    assert.deepEqual(await s.search('C++ (draft) AND OR'), []);
    assert.deepEqual(await s.search(''), []);
  });

  t('streams what grouping reads, in publication order, undated last', async (s) => {
    await s.upsertArticles([makeArticle('late', { published: '2025-02-01' }), makeArticle('none', { published: null }), makeArticle('early', { published: '2025-01-01' })]);
    const seen = [];
    for await (const d of s.iterateForGrouping()) seen.push([d.id, d.published, d.title]);
    assert.deepEqual(seen, [['early', '2025-01-01', 'Title early'], ['late', '2025-02-01', 'Title late'], ['none', null, 'Title none']]);
  });

  t('records grouping steps: pending articles, steps replayed in order, a stale commit refused', async (s) => {
    await s.upsertArticles([makeArticle('b', { published: '2025-01-02' }), makeArticle('a', { published: '2025-01-01' })]);
    assert.deepEqual(await s.groupingState(), { seq: 0, base: 0, pending: 2, version: null });
    const pending = [];
    for await (const d of s.iteratePending()) pending.push(d.id);
    assert.deepEqual(pending, ['a', 'b'], 'pending articles come in publication order');
    assert.equal(await s.commitGrouping({ expect: 0, seq: 1, fed: ['a', 'b'], assignments: [['a', 'a'], ['b', 'a']], version: 'v1' }), true);
    assert.equal(await s.storyOf('b'), 'a');
    await s.upsertArticles([makeArticle('c', { published: '2024-12-31' })]);
    assert.deepEqual(await s.groupingState(), { seq: 1, base: 0, pending: 1, version: 'v1' });
    // Another process committed step 2 first: a commit that follows step 1 writes nothing.
    assert.equal(await s.commitGrouping({ expect: 2, seq: 3, fed: ['c'], assignments: [['c', 'a']], version: 'v1' }), false);
    assert.equal(await s.storyOf('c'), null);
    assert.equal(await s.commitGrouping({ expect: 1, seq: 2, fed: ['c'], assignments: [['c', 'c']], version: 'v1' }), true);
    const replay = [];
    for await (const r of s.iterateGrouped(0)) replay.push(`${r.seq}:${r.doc.id}`);
    assert.deepEqual(replay, ['1:a', '1:b', '2:c'], 'by step first, publication order within a step');
    const after = [];
    for await (const r of s.iterateGrouped(1)) after.push(r.doc.id);
    assert.deepEqual(after, ['c']);
    assert.equal(await s.commitGrouping({ expect: 2, seq: 3, fed: ['a', 'b', 'c'], assignments: [['c', 'a']], base: true, version: 'v2' }), true);
    assert.deepEqual(await s.groupingState(), { seq: 3, base: 3, pending: 0, version: 'v2' });
  });

  t('keeps the newest grouping checkpoint, bytes as they were, and drops older ones', async (s) => {
    assert.equal(await s.groupingCheckpoint(), null);
    const bytes = (n: number, seed: number) => Uint8Array.from({ length: n }, (_, i) => (i * 31 + seed) & 255);
    await s.saveGroupingCheckpoint({ seq: 2, version: 'v1', articles: 10, data: bytes(1000, 1) });
    // A view into a larger buffer, at an odd offset: only its own bytes are kept.
    const big = bytes(5003, 7);
    await s.saveGroupingCheckpoint({ seq: 5, version: 'v1', articles: 40, data: big.subarray(3, 5003) });
    const c = await s.groupingCheckpoint();
    assert.ok(c);
    assert.deepEqual({ seq: c.seq, version: c.version, articles: c.articles }, { seq: 5, version: 'v1', articles: 40 });
    assert.deepEqual(Buffer.from(c.data), Buffer.from(big.subarray(3)));
  });

  t('keeps a checkpoint of several mebibytes whole, in order, and no part of one it replaced', async (s) => {
    const bytes = (n: number, seed: number) => Uint8Array.from({ length: n }, (_, i) => (i * 131 + (i >> 16) + seed) & 255);
    const large = bytes(3 * 2 ** 20 + 12_345, 3);
    await s.saveGroupingCheckpoint({ seq: 7, version: 'v1', articles: 9000, data: large.subarray(5) });
    assert.ok(Buffer.from((await s.groupingCheckpoint())!.data).equals(Buffer.from(large.subarray(5))), 'every part back, in its place');
    // The same step saved again, smaller: the parts of the larger one must not trail after it.
    const smaller = bytes(2 ** 20 + 10, 9);
    await s.saveGroupingCheckpoint({ seq: 7, version: 'v1', articles: 9001, data: smaller });
    assert.ok(Buffer.from((await s.groupingCheckpoint())!.data).equals(Buffer.from(smaller)));
    const exact = bytes(2 ** 21, 4);
    await s.saveGroupingCheckpoint({ seq: 8, version: 'v1', articles: 9002, data: exact });
    const c = (await s.groupingCheckpoint())!;
    assert.equal(c.seq, 8);
    assert.ok(Buffer.from(c.data).equals(Buffer.from(exact)), 'a size of whole parts');
  });

  t('keeps a checkpoint given in pieces whole, and the one before when the pieces fail midway', async (s) => {
    const bytes = (n: number, seed: number) => Uint8Array.from({ length: n }, (_, i) => (i * 7 + (i >> 12) + seed) & 255);
    // Pieces of every kind: tiny, empty, larger than a part, ending exactly on a part's edge.
    const pieces = [bytes(12, 1), new Uint8Array(0), bytes(2 ** 20 + 3, 2), bytes(2 ** 20 - 15, 3), bytes(500, 4)];
    await s.saveGroupingCheckpoint({ seq: 3, version: 'v1', articles: 30, data: pieces });
    assert.ok(Buffer.from((await s.groupingCheckpoint())!.data).equals(Buffer.concat(pieces)), 'the pieces end to end');
    function* failing(): Generator<Uint8Array> {
      yield bytes(2 ** 20 + 100, 5);
      yield bytes(2 ** 20, 6);
      throw new Error('the state changed');
    }
    await assert.rejects(s.saveGroupingCheckpoint({ seq: 4, version: 'v1', articles: 40, data: failing() }), /the state changed/);
    const c = (await s.groupingCheckpoint())!;
    assert.equal(c.seq, 3);
    assert.ok(Buffer.from(c.data).equals(Buffer.concat(pieces)), 'nothing of the failed one');
  });

  t('lists the stories without an analysis, the most widely carried first', async (s) => {
    await s.upsertArticles([
      makeArticle('a1', { source: 'One' }), makeArticle('a2', { source: 'Two' }), makeArticle('b1', { source: 'One' }),
      makeArticle('c1', { source: 'One' }), makeArticle('c2', { source: 'Two' }), makeArticle('c3', { source: 'Three' }),
    ]);
    await s.assignStories([['a1', 'A'], ['a2', 'A'], ['b1', 'B'], ['c1', 'C'], ['c2', 'C'], ['c3', 'C']]);
    assert.deepEqual(await s.storiesWithoutAnalysis(10), ['C', 'A', 'B']);
    assert.deepEqual(await s.storiesWithoutAnalysis(1), ['C']);
    await s.saveAnalysis({ id: 'C', title: 't', articles: [], entities: [], quotes: [], claims: [], wording: [], timeline: [], summary: [] } as unknown as Story);
    assert.deepEqual(await s.storiesWithoutAnalysis(10), ['A', 'B']);
  });

  t('keeps small JSON state by key and lists it by prefix', async (s) => {
    await s.setState('feed:https://a.example/rss?x=1_%', { etag: '"1"' });
    await s.setState('feed:https://b.example/rss', { etag: '"2"' });
    await s.setState('other', 1);
    assert.deepEqual(await s.getState('feed:https://a.example/rss?x=1_%'), { etag: '"1"' });
    assert.equal(await s.getState('missing'), null);
    assert.deepEqual((await s.listState('feed:')).map((r) => r.key), ['feed:https://a.example/rss?x=1_%', 'feed:https://b.example/rss']);
  });
}
