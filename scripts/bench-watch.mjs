#!/usr/bin/env node
// Rounds of `watch` on collections of different sizes: does a round cost what its new articles
// cost, whatever the size of the collection? For each size, a SQLite store of that many articles
// (scripts/lib-bench-corpus.mjs) is grouped once; a feed on a loopback HTTP server then offers
// --items new article pages a round, and rounds of the watch loop (poll, fetch, extract, enrich,
// store, group) run one after another in one process, as `parallax watch` runs them. The first
// round of a process also restores the clusterer from the store's checkpoint (which the regroup
// that built the collection saved), so it is reported apart; later rounds are reported by their
// median wall time and CPU time (the first few rounds after a restore run colder, so use at least
// a dozen). A last process on a copy without the checkpoint shows what the first round would cost
// replaying every stored step.
//   node --import tsx scripts/bench-watch.mjs [--sizes=2000,20000] [--rounds=13] [--items=10]
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { openSqliteStore } from '../src/store/sqlite.ts';
import { extractItem, regroup } from '../src/pipeline/index.ts';
import { fromRecord } from '../src/ingest/files.ts';
import { addFeed, pollDue } from '../src/pipeline/watch.ts';
import { corpus, storiesDir } from './lib-bench-corpus.mjs';

// Every article needs an outlet to be stored under; the sets leave some without.
const fromSets = corpus();
const record = fromSets && ((i) => { const r = fromSets(i); return { ...r, source: r.source ?? `outlet${i % 40}` }; });
if (!record) { console.log(`no ${storiesDir}: skipped (the benchmark builds its collections from it)`); process.exit(0); }
const opt = (name, dflt) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? dflt;
const sizes = opt('sizes', '2000,20000').split(',').map(Number);
const rounds = Number(opt('rounds', 13));
const items = Number(opt('items', 10));
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const esc = (s) => String(s ?? '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

const rows = [];
for (const size of sizes) {
  const tmp = mkdtempSync(join(tmpdir(), 'parallax-bench-watch-'));
  try {
    const store = await openSqliteStore(join(tmp, 'store.db'));
    let batch = [];
    for (let i = 0; i < size; i++) {
      const r = extractItem(fromRecord(record(i), `bench:${i}`, null));
      if ('article' in r) batch.push(r.article);
      if (batch.length === 1000 || i === size - 1) { await store.upsertArticles(batch); batch = []; }
    }
    await regroup(store);
    await store.close();

    // The feed: round r offers articles size + r·items … ; each page is the article as HTML.
    let round = 0;
    const server = createServer((req, res) => {
      const url = new URL(req.url, 'http://x');
      if (url.pathname === '/feed.xml') {
        const first = size + round * items;
        const entries = Array.from({ length: items }, (_, k) => {
          const r = record(first + k);
          return `<item><title>${esc(r.title)}</title><link>http://127.0.0.1:${server.address().port}/a/${first + k}</link><pubDate>${new Date(r.published).toUTCString()}</pubDate></item>`;
        }).join('');
        res.writeHead(200, { 'content-type': 'application/rss+xml' });
        res.end(`<?xml version="1.0"?><rss version="2.0"><channel><title>Bench</title><link>http://127.0.0.1/</link><description>bench</description>${entries}</channel></rss>`);
        return;
      }
      const m = /^\/a\/(\d+)$/.exec(url.pathname);
      if (!m) { res.writeHead(404); res.end(); return; }
      const r = record(Number(m[1]));
      const paras = r.text.split(/\n+/).map((p) => `<p>${esc(p)}</p>`).join('');
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(`<!doctype html><html><head><title>${esc(r.title)}</title><meta property="article:published_time" content="${r.published}"><meta property="og:site_name" content="${esc(r.source)}"></head><body><article><h1>${esc(r.title)}</h1>${paras}</article></body></html>`);
    });
    await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
    const feed = `http://127.0.0.1:${server.address().port}/feed.xml`;

    // One process's watch loop: a fresh store object, as `parallax watch` opens it.
    const live = await openSqliteStore(join(tmp, 'store.db'));
    await addFeed(live, feed, null, { allowPrivate: true });
    const times = [];
    const cpu = [];
    let stored = 0;
    for (round = 0; round < rounds; round++) {
      const t = performance.now();
      const c = process.cpuUsage();
      const reports = await pollDue(live, { every: true, hostDelayMs: 0, ignoreRobots: true });
      times.push(performance.now() - t);
      const d = process.cpuUsage(c);
      cpu.push((d.user + d.system) / 1000);
      stored += reports.reduce((n, r) => n + r.inserted, 0);
    }
    const count = await live.countArticles();
    await live.close();

    // The first round again, in a process that finds no checkpoint: every stored step replayed.
    const bare = await openSqliteStore(join(tmp, 'store.db'));
    const cp = await bare.groupingCheckpoint();
    await bare.close();
    const db = new Database(join(tmp, 'store.db'));
    db.exec('DELETE FROM grouping_checkpoints');
    db.close();
    const replaying = await openSqliteStore(join(tmp, 'store.db'));
    round = rounds;
    const t = performance.now();
    await pollDue(replaying, { every: true, hostDelayMs: 0, ignoreRobots: true });
    const replayFirst = performance.now() - t;
    await replaying.close();
    server.close();
    const later = times.slice(1);
    rows.push({ size, first: times[0], replayFirst, checkpointMiB: (cp?.data.length ?? 0) / 2 ** 20, later: median(later), laterCpu: median(cpu.slice(1)), perArticle: median(later) / items, stored, count });
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}
console.log(`watch rounds of ${items} new articles each (${rounds} rounds a collection; the first also restores the clusterer from the store's checkpoint):`);
console.log('collection  checkpoint  first round  (replaying, no checkpoint)  later rounds: wall, CPU (medians)  per new article  stored');
for (const r of rows) console.log(`${String(r.size).padStart(10)}  ${r.checkpointMiB.toFixed(1).padStart(6)} MiB  ${(r.first / 1000).toFixed(2).padStart(9)} s  ${(r.replayFirst / 1000).toFixed(2).padStart(24)} s  ${r.later.toFixed(0).padStart(16)} ms, ${r.laterCpu.toFixed(0).padStart(4)} ms  ${r.perArticle.toFixed(1).padStart(12)} ms  ${r.stored}/${items * rounds} (${r.count} in all)`);
if (rows.length > 1) console.log(`later rounds, largest against smallest collection: wall ${(rows.at(-1).later / rows[0].later).toFixed(2)}×, CPU ${(rows.at(-1).laterCpu / rows[0].laterCpu).toFixed(2)}× for ${(rows.at(-1).size / rows[0].size).toFixed(0)}× the articles`);
