#!/usr/bin/env node
// Story-page latency under load (run under `node --import tsx`, as `npm run bench -- web` does).
//
// The store: --n articles (default 100,000) in SQLite, made by recombining the texts of
// ../shared/eval/stories (each generated article is one dev article's text with a paragraph of
// another appended, so no two are the same), in stories of ~10 articles; plus the measured story:
// the 50 first articles of the largest dev story (mcms-dev's 53), given 40 outlets and two days of
// publication times, and analysed for real.
// The load: the server on 127.0.0.1 in this process; 32 concurrent keep-alive clients in a worker
// thread (so the clients do not share the server's event loop) requesting that story's page for
// --seconds (default 10), once as a browser would (gzip) and once uncompressed.
// Prints median, p99 and requests/s, the page's weight, and METRIC lines.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';
import { openSqliteStore } from '../src/store/sqlite.ts';
import { fromRecord } from '../src/ingest/files.ts';
import { extractItem, storyAnalysis } from '../src/pipeline/index.ts';
import { startServer } from '../src/present/web/server.ts';

const root = new URL('..', import.meta.url).pathname;
const dir = join(root, '..', 'shared', 'eval', 'stories');
if (!existsSync(dir)) {
  console.log(`no ${dir}: the web benchmark needs the evaluation stories; skipped`);
  process.exit(0);
}
const arg = (k, d) => Number(process.argv.find((a) => a.startsWith(`--${k}=`))?.split('=')[1] ?? d);
const n = arg('n', 100_000);
const seconds = arg('seconds', 10);
const clients = arg('clients', 32);

const records = [];
for (const f of ['ecbplus-dev', 'basil-dev', 'mcms-dev'])
  for (const l of readFileSync(join(dir, `${f}.jsonl`), 'utf8').split('\n').filter(Boolean)) records.push(JSON.parse(l));
const byStory = new Map();
for (const r of records) byStory.set(r.story, [...(byStory.get(r.story) ?? []), r]);
// Articles of the largest story that clean into an article (some are too short to), up to 50.
const measured = [...byStory.values()].sort((a, b) => b.length - a.length)[0];

const t0 = performance.now();
// Each dev text is cleaned once; the generated articles are recombinations of the clean ones.
const base = [];
for (const r of records) {
  const { story: _story, ...rec } = r;
  const item = extractItem(fromRecord(rec, 'bench', null));
  if ('article' in item) base.push(item.article);
}
// --db=PATH keeps the store there, and reuses it when it is already there (building takes minutes).
const keep = process.argv.find((a) => a.startsWith('--db='))?.slice(5);
const dbDir = keep ? null : mkdtempSync(join(tmpdir(), 'parallax-bench-web-'));
const reuse = !!keep && existsSync(keep);
const store = await openSqliteStore(keep ?? join(dbDir, 'web.db'));
const day = Date.UTC(2024, 0, 1);
let batch = [];
const assign = [];
const flush = async () => {
  await store.upsertArticles(batch);
  batch = [];
};
for (let i = 0; i < (reuse ? 0 : n - 50); i++) {
  const a = base[i % base.length];
  const other = base[(i * 7919 + 13) % base.length];
  const extra = other.blocks[0]?.text ?? '';
  const text = `${a.text}\n\n${extra}`;
  const id = `${a.id}~${i}`;
  const published = new Date(day + Math.floor(i / 10) * 3_600_000).toISOString().slice(0, 16);
  batch.push({
    ...a,
    id,
    source: `Outlet ${i % 400}`,
    published,
    text,
    blocks: [...a.blocks, { kind: 'paragraph', text: extra }],
    contentHash: createHash('sha256').update(id + text).digest('hex'),
    raw: { kind: 'text', origin: id, content: text },
  });
  assign.push([id, `s${Math.floor(i / 10)}`]);
  if (batch.length === 2000) await flush();
}
let kept = reuse ? 50 : 0;
for (let j = 0; kept < 50 && j < measured.length * 2; j++) {
  const { story: _story, ...rec } = measured[j % measured.length];
  const published = new Date(Date.UTC(2025, 2, 3) + kept * 3_500_000).toISOString().slice(0, 16);
  // A second pass over the story (when fewer than 50 clean) reprints an article under another outlet.
  const item = extractItem(fromRecord({ ...rec, id: `measured-${j}`, source: `Outlet ${kept % 40}`, published }, 'bench', null));
  if ('article' in item) {
    batch.push(item.article);
    assign.push([item.article.id, 'measured']);
    kept++;
  }
}
await flush();
await store.assignStories(assign);
const built = performance.now();
const story = await storyAnalysis(store, 'measured');
const analysed = performance.now();
// What a server does once at start (and again when the article count changes): list every story.
const listStart = performance.now();
await store.listStories();
const listing = performance.now() - listStart;
const server = await startServer({ store, port: 0 });
const url = `${server.url}/story/measured`;

// Warm the page cache, and weigh the page.
const plain = await (await fetch(url, { headers: { 'accept-encoding': 'identity' } })).arrayBuffer();
const weight = plain.byteLength;
const dump = process.argv.find((a) => a.startsWith('--dump='))?.slice(7);
if (dump) (await import('node:fs')).writeFileSync(dump, Buffer.from(plain));
const zipped = gzipSync(Buffer.from(plain)).byteLength;

/** The load loop, in a worker thread: `clients` keep-alive connections, one request at a time each. */
const loader = `
const { parentPort, workerData } = require('node:worker_threads');
const http = require('node:http');
const { url, clients, seconds, encoding } = workerData;
const agent = new http.Agent({ keepAlive: true, maxSockets: clients });
const lat = [];
let failed = 0;
const end = Date.now() + seconds * 1000;
const once = () => new Promise((resolve) => {
  const t = performance.now();
  http.get(url, { agent, headers: { 'accept-encoding': encoding } }, (res) => {
    res.on('data', () => {});
    res.on('end', () => { if (res.statusCode === 200) lat.push(performance.now() - t); else failed++; resolve(); });
  }).on('error', () => { failed++; resolve(); });
});
Promise.all(Array.from({ length: clients }, async () => { while (Date.now() < end) await once(); }))
  .then(() => { agent.destroy(); parentPort.postMessage({ lat, failed }); });
`;
async function load(encoding) {
  const worker = new Worker(loader, { eval: true, workerData: { url, clients, seconds, encoding } });
  const { lat, failed } = await new Promise((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  });
  await worker.terminate();
  lat.sort((a, b) => a - b);
  const q = (p) => lat[Math.min(lat.length - 1, Math.floor(lat.length * p))];
  return { median: q(0.5), p99: q(0.99), rps: lat.length / seconds, failed, count: lat.length };
}

// Other work on the machine shows in the tail: the load average is printed with the figures.
const loadBefore = loadavg()[0];
// How long the server's event loop was held up (by its own work, its GC, or the machine's other
// processes taking the CPU) tells the server's share of the tail from the rest.
const loopDelay = monitorEventLoopDelay({ resolution: 5 });
loopDelay.enable();
const gzip = await load('gzip, deflate, br');
loopDelay.disable();
const identity = await load('identity');
const loadAfter = loadavg()[0];

// The other pages, one client, for reference.
async function timed(path, times = 20) {
  const lat = [];
  for (let i = 0; i < times; i++) {
    const t = performance.now();
    const r = await fetch(server.url + path);
    await r.arrayBuffer();
    if (r.status !== 200) throw new Error(`${path}: ${r.status}`);
    lat.push(performance.now() - t);
  }
  lat.sort((a, b) => a - b);
  return lat[Math.floor(lat.length / 2)];
}
const front = await timed('/');
const article = await timed(`/article/${encodeURIComponent(story.articles[0].id)}`);
const api = await timed('/api/stories/measured');
// Outlet counts and filter choices need one pass over every article, made once and kept.
const outletsFirst = await timed('/api/outlets', 1);
const outlets = await timed('/api/outlets');

const count = await store.countArticles();
console.log(`store: ${count.toLocaleString('en')} articles in SQLite (${reuse ? 'reused' : `built in ${((built - t0) / 1000).toFixed(0)} s`}); the measured story: ${story.articles.length} articles, ${new Set(story.articles.map((a) => a.source)).size} outlets, analysed in ${((analysed - built) / 1000).toFixed(1)} s`);
console.log(`story page: ${(weight / 1024).toFixed(0)} KB (${(zipped / 1024).toFixed(0)} KB gzipped); ${clients} concurrent clients for ${seconds} s each (load average ${loadBefore.toFixed(1)} before, ${loadAfter.toFixed(1)} after):`);
for (const [name, r] of [['gzip', gzip], ['uncompressed', identity]])
  console.log(`  ${name.padEnd(12)} median ${r.median.toFixed(1)} ms, p99 ${r.p99.toFixed(1)} ms, ${r.rps.toFixed(0)} requests/s, ${r.failed} failed`);
console.log(`  server event loop held up during the gzip run: p99 ${(loopDelay.percentile(99) / 1e6).toFixed(1)} ms, max ${(loopDelay.max / 1e6).toFixed(1)} ms`);
console.log(`one client: front page ${front.toFixed(1)} ms (listing every story, once at start: ${listing.toFixed(0)} ms), article page ${article.toFixed(1)} ms, story JSON ${api.toFixed(1)} ms, outlets ${outlets.toFixed(1)} ms (first, a pass over every article: ${(outletsFirst / 1000).toFixed(1)} s) (medians)`);
console.log(`METRIC\tweb_store_articles\t${count}`);
console.log(`METRIC\tweb_story_page_kb\t${(weight / 1024).toFixed(1)}`);
console.log(`METRIC\tweb_story_page_median_ms\t${gzip.median.toFixed(1)}`);
console.log(`METRIC\tweb_story_page_p99_ms\t${gzip.p99.toFixed(1)}`);
console.log(`METRIC\tweb_story_page_uncompressed_median_ms\t${identity.median.toFixed(1)}`);
console.log(`METRIC\tweb_story_page_uncompressed_p99_ms\t${identity.p99.toFixed(1)}`);
await server.close();
await store.close();
if (dbDir) rmSync(dbDir, { recursive: true, force: true });
