#!/usr/bin/env node
// WARC ingest to a SQLite store, end to end: a WARC.gz of --records response records (default
// 10,000) made from the real news pages of ../shared/eval/aeb/html repeated under new URLs (one gzip
// member per record, as Common Crawl writes them), streamed, decoded, extracted on --threads worker
// threads (default: one per core, at most 4), stored in batches and grouped into stories, all
// inside the one timed `ingestWarc` call: the pages/s figure is from opening the archive to the
// last story assignment written.
// --replay times the earlier way instead: ingest without grouping, then `regroup` replaying the
// stored collection, reported as two figures (reading and storing, then with grouping).
// --check then regroups the store from scratch (untimed) and compares its stories with the ones
// the timed run stored: groups of articles, and story ids.
// Prints pages/s and MB/s, CPU time of all threads per page, and peak RSS of the process (worker
// threads included) sampled every 50 ms.
//
//   node --import tsx scripts/bench-warc.mjs [--records=10000] [--threads=2] [--replay] [--check]
import { createWriteStream, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync, gzipSync } from 'node:zlib';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dir = join(root, '..', 'shared', 'eval', 'aeb', 'html');
if (!existsSync(dir)) {
  console.log(`bench-warc: ${dir} is absent (the evaluation data is not here): skipped`);
  process.exit(0);
}
const arg = (name, fallback) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback;
const records = Number(arg('records', 10000));
const { openSqliteStore } = await import('../src/store/sqlite.ts');
const { ingestWarc } = await import('../src/pipeline/warc.ts');
const { defaultThreads } = await import('../src/pipeline/extract-pool.ts');
const { regroup } = await import('../src/pipeline/index.ts');
// The engine settings `parallax` makes for itself (src/cli/engine.ts), so the figures are the command's.
(await import('../src/cli/engine.ts')).tuneEngine();
const threads = Number(arg('threads', defaultThreads()));
const replay = process.argv.includes('--replay');
const check = process.argv.includes('--check');

const pages = readdirSync(dir).filter((f) => f.endsWith('.html.gz')).sort().map((f) => gunzipSync(readFileSync(join(dir, f))));
const work = mkdtempSync(join(tmpdir(), 'parallax-bench-warc-'));
try {
  const file = join(work, 'bench.warc.gz');
  const out = createWriteStream(file);
  let raw = 0;
  for (let i = 0; i < records; i++) {
    const body = Buffer.concat([Buffer.from('HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n'), pages[i % pages.length]]);
    const head = Buffer.from(`WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://news${i % 40}.example/${Math.floor(i / 40)}/article-${i}\r\nWARC-Date: 2025-03-14T10:00:00Z\r\nWARC-Record-ID: <urn:uuid:bench-${i}>\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: ${body.length}\r\n\r\n`);
    const rec = Buffer.concat([head, body, Buffer.from('\r\n\r\n')]);
    raw += rec.length;
    if (!out.write(gzipSync(rec))) await new Promise((r) => out.once('drain', r));
  }
  await new Promise((r) => out.end(r));
  const size = statSync(file).size;
  globalThis.gc?.();
  let peak = 0;
  const timer = setInterval(() => { peak = Math.max(peak, process.memoryUsage().rss); }, 50);
  const store = await openSqliteStore(join(work, 'warc.db'));
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const s = await ingestWarc(store, file, { threads, regroup: !replay });
  const t1 = performance.now();
  if (replay) await regroup(store);
  const t2 = performance.now();
  const cpu = process.cpuUsage(cpu0);
  clearInterval(timer);
  peak = Math.max(peak, process.memoryUsage().rss);
  const stories = (await store.listStories()).length;
  const read = (t1 - t0) / 1000;
  const all = (t2 - t0) / 1000;
  const mib = (b) => b / 2 ** 20;
  console.log(`${records} records (${mib(size).toFixed(0)} MiB gzipped, ${mib(raw).toFixed(0)} MiB raw); ${threads} extraction threads`);
  console.log(`${s.html} HTML pages: ${s.inserted} stored, ${s.failed.length} failed; ${stories} stories`);
  if (replay) {
    console.log(`read, extract, store: ${read.toFixed(1)} s, ${(s.html / read).toFixed(0)} pages/s, ${(mib(raw) / read).toFixed(1)} MB/s raw`);
    console.log(`with grouping:        ${all.toFixed(1)} s, ${(s.html / all).toFixed(0)} pages/s, ${(mib(raw) / all).toFixed(1)} MB/s raw (grouping replayed after: ${((t2 - t1) / 1000).toFixed(1)} s)`);
  } else {
    console.log(`read, extract, store, group: ${all.toFixed(1)} s, ${(s.html / all).toFixed(0)} pages/s, ${(mib(raw) / all).toFixed(1)} MB/s raw (grouped as stored)`);
  }
  // CPU time of every thread of the process: what the work costs whatever else the machine runs.
  const cpuMs = (cpu.user + cpu.system) / 1000;
  console.log(`CPU ${(cpuMs / 1000).toFixed(1)} s in all threads: ${(cpuMs / s.html).toFixed(2)} ms per page (wall ${all.toFixed(1)} s; load average ${(await import('node:os')).loadavg()[0].toFixed(1)})`);
  console.log(`peak RSS ${mib(peak).toFixed(0)} MiB`);
  if (check) {
    const storyOf = async () => {
      const m = new Map();
      for await (const { id } of store.iterateForGrouping()) m.set(id, await store.storyOf(id));
      return m;
    };
    const groups = (m) => {
      const g = new Map();
      for (const [id, story] of m) g.set(story, [...(g.get(story) ?? []), id]);
      return new Set([...g.values()].map((ids) => ids.sort().join(' ')));
    };
    const timed = await storyOf();
    await regroup(store);
    const again = await storyOf();
    const [a, b] = [groups(timed), groups(again)];
    const same = [...a].filter((g) => b.has(g)).length;
    const sameId = [...timed].filter(([id, story]) => again.get(id) === story).length;
    console.log(`check against a regroup from scratch: ${a.size} stories vs ${b.size}, ${same} the same groups of articles${same === a.size && a.size === b.size ? ' (identical grouping)' : ''}; ${sameId} of ${timed.size} articles under the same story id`);
  }
  await store.close();
  console.log(`warc_cpu_ms_per_page\t${(cpuMs / s.html).toFixed(2)}`);
  console.log(`warc_pages_per_s\t${(s.html / all).toFixed(0)}`);
  if (replay) console.log(`warc_ingest_pages_per_s\t${(s.html / read).toFixed(0)}`);
  console.log(`warc_mb_per_s\t${(mib(raw) / all).toFixed(1)}`);
  console.log(`warc_peak_rss_mib\t${mib(peak).toFixed(0)}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
