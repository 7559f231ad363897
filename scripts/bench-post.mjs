#!/usr/bin/env node
// One article posted into a large stored collection: `POST /api/articles` on a real server over a
// SQLite store of --size articles (100,000 by default), until the response names the article's
// story (extracted, stored, grouped in one incremental step). The bar: under 100 ms at the median.
//   node --import tsx scripts/bench-post.mjs [--size=100000] [--posts=40]
//
// The collection is built by scripts/lib-bench-corpus.mjs (the full-text story sets recombined to
// size, as scripts/bench-cluster.mjs builds its corpus). It is stored and grouped once (`regroup`, timed), and the server is started on it. The
// posted articles are further copies, never stored before. Also timed: a fresh process's first
// grouping step on the same store (the server does it as it starts), which restores the clusterer
// from the checkpoint the regroup left in the store; and, for comparison, what one article cost before grouping was
// incremental: a regroup of the whole collection.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteStore } from '../src/store/sqlite.ts';
import { extractItem, regroup } from '../src/pipeline/index.ts';
import { fromRecord } from '../src/ingest/files.ts';
import { startServer } from '../src/present/web/server.ts';
import { corpus, storiesDir } from './lib-bench-corpus.mjs';

// Every article needs an outlet to be stored under; the sets leave some without.
const fromSets = corpus();
const record = fromSets && ((i) => { const r = fromSets(i); return { ...r, source: r.source ?? `outlet${i % 40}` }; });
if (!record) { console.log(`no ${storiesDir}: skipped (the benchmark builds its collection from it)`); process.exit(0); }
const arg = (name, dflt) => Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? dflt);
const size = arg('size', 100_000);
const posts = arg('posts', 40);

const tmp = mkdtempSync(join(tmpdir(), 'parallax-bench-post-'));
const path = join(tmp, 'store.db');
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
try {
  let t = performance.now();
  let store = await openSqliteStore(path);
  let batch = [];
  for (let i = 0; i < size; i++) {
    const r = extractItem(fromRecord(record(i), `bench:${i}`, null));
    if ('article' in r) batch.push(r.article);
    if (batch.length === 1000 || i === size - 1) { await store.upsertArticles(batch); batch = []; }
  }
  const built = (performance.now() - t) / 1000;
  t = performance.now();
  await regroup(store);
  const regroupSecs = (performance.now() - t) / 1000;
  const count = await store.countArticles();
  await store.close();

  // A fresh process's view: a new store object has no clusterer; its first step rebuilds it.
  store = await openSqliteStore(path);
  const token = 'bench-token-0123456789';
  t = performance.now();
  const server = await startServer({ store, port: 0, allowIngest: { token } });
  const { groupPending } = await import('../src/pipeline/index.ts');
  await groupPending(store); // waits for the start-up step (steps on one store run one at a time)
  const warmSecs = (performance.now() - t) / 1000;
  const times = [];
  let unplaced = 0;
  for (let p = 0; p < posts; p++) {
    const rec = record(size + p * 37);
    const t0 = performance.now();
    const res = await fetch(`${server.url}/api/articles`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(rec) });
    const body = await res.json();
    times.push(performance.now() - t0);
    if (res.status !== 201 || !body.story) unplaced++;
  }
  await server.close();
  await store.close();
  console.log(`collection: ${count} articles stored in ${built.toFixed(0)} s; one regroup of it ${regroupSecs.toFixed(1)} s (what every new article cost before grouping was incremental)`);
  console.log(`server start on it: clusterer restored from the store's checkpoint in ${warmSecs.toFixed(1)} s`);
  console.log(`POST /api/articles, ${posts} new articles one after another: median ${median(times).toFixed(1)} ms, max ${Math.max(...times).toFixed(1)} ms (bar: median < 100 ms)${unplaced ? `; ${unplaced} not placed in a story` : ''}`);
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
