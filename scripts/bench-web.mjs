#!/usr/bin/env node
// Story-page latency under load: a SQLite store of --n articles (default 20,000; recombined from
// ../shared/eval/stories as in bench-cluster, plus one story of 50 articles), the server on
// 127.0.0.1, and 32 concurrent clients requesting that story's page for --seconds (default 10).
// Prints median and p99 latency, requests per second and the page's weight.
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteStore } from '../src/store/sqlite.ts';
import { fromRecord } from '../src/ingest/files.ts';
import { extractItem, storyAnalysis } from '../src/pipeline.ts';
import { startServer } from '../src/present/web/server.ts';

const root = new URL('..', import.meta.url).pathname;
const dir = join(root, '..', 'shared', 'eval', 'stories');
if (!existsSync(dir)) { console.log(`no ${dir}: skipped`); process.exit(0); }
const arg = (k, d) => Number(process.argv.find((a) => a.startsWith(`--${k}=`))?.split('=')[1] ?? d);
const n = arg('n', 20000);
const seconds = arg('seconds', 10);
const base = [];
for (const f of ['ecbplus-dev', 'basil-dev', 'mcms-dev'])
  for (const l of readFileSync(join(dir, `${f}.jsonl`), 'utf8').split('\n').filter(Boolean)) { const { story, ...r } = JSON.parse(l); base.push(r); }
const store = await openSqliteStore(join(mkdtempSync(join(tmpdir(), 'parallax-bench-web-')), 'web.db'));
let batch = [];
const assign = [];
for (let i = 0; i < n; i++) {
  const r = base[i % base.length];
  const k = Math.floor(i / base.length);
  const item = extractItem(fromRecord({ ...r, id: `${r.id}~${k}` }, 'bench', null));
  if (!('article' in item)) continue;
  batch.push(item.article);
  // Stories as the clusterer would make them are not what is measured here: articles are
  // assigned by copy, 50 articles to the measured story and ~10 to every other.
  assign.push([item.article.id, i < 50 ? 'measured' : `s${Math.floor(i / 10)}`]);
  if (batch.length === 500) { await store.upsertArticles(batch); batch = []; }
}
await store.upsertArticles(batch);
await store.assignStories(assign);
await storyAnalysis(store, 'measured');
const server = await startServer({ store, port: 0 });
const url = `${server.url}/story/measured`;
const weight = (await (await fetch(url)).arrayBuffer()).byteLength;
const lat = [];
const end = Date.now() + seconds * 1000;
await Promise.all(Array.from({ length: 32 }, async () => {
  while (Date.now() < end) { const t0 = performance.now(); const r = await fetch(url); await r.arrayBuffer(); lat.push(performance.now() - t0); }
}));
lat.sort((a, b) => a - b);
console.log(`store: ${await store.countArticles()} articles; story page of 50 articles, 32 concurrent clients for ${seconds} s`);
console.log(`median ${lat[Math.floor(lat.length / 2)].toFixed(1)} ms, p99 ${lat[Math.floor(lat.length * 0.99)].toFixed(1)} ms, ${(lat.length / seconds).toFixed(0)} requests/s; page ${(weight / 1024).toFixed(0)} KB`);
await server.close();
await store.close();
