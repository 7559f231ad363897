#!/usr/bin/env node
// Ingest-to-analysis throughput: articles per second through extract → store (SQLite file) →
// group → analyse every story, with peak memory. Corpus: the full-text articles of
// ../shared/eval/stories (ECB+, BASIL, Clust-McMs; the `story` field is not read), repeated with new
// ids to reach --n articles (default 2000); without ../shared, a generated corpus.
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fromRecord } from '../src/ingest/files.ts';
import { extractItem, regroup, storyAnalysis } from '../src/pipeline/index.ts';
import { openSqliteStore } from '../src/store/sqlite.ts';

const root = new URL('..', import.meta.url).pathname;
const n = Number(process.argv.find((a) => a.startsWith('--n='))?.slice(4) ?? 2000);
const storiesDir = join(root, '..', 'shared', 'eval', 'stories');
let records = [];
let corpus;
if (existsSync(storiesDir)) {
  for (const f of ['ecbplus-dev.jsonl', 'basil-dev.jsonl', 'mcms-dev.jsonl']) {
    for (const line of readFileSync(join(storiesDir, f), 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const { story, ...rec } = JSON.parse(line);
      records.push(rec);
    }
  }
  corpus = `../shared/eval/stories (ecbplus, basil, mcms: ${records.length} articles)`;
} else {
  const words = 'council budget vote minister river flood strike harbour rail contract union court ruling election'.split(' ');
  for (let i = 0; i < 500; i++) {
    const w = (k) => words[(i * 7 + k * 3) % words.length];
    records.push({ id: `g${i}`, source: `outlet${i % 9}`, title: `The ${w(1)} and the ${w(2)}`, published: `2025-01-${String(1 + (i % 28)).padStart(2, '0')}`, text: Array.from({ length: 12 }, (_, k) => `The ${w(k)} said on Monday that the ${w(k + 1)} would ${w(k + 2)} the ${w(k + 3)}.`).join(' ') });
  }
  corpus = 'generated (no ../shared)';
}
const items = [];
for (let i = 0; items.length < n; i++) {
  const r = records[i % records.length];
  const round = Math.floor(i / records.length);
  items.push(fromRecord({ ...r, id: round ? `${r.id}~${round}` : r.id }, `bench:${i}`, null));
}
let peak = 0;
const sample = () => { peak = Math.max(peak, process.memoryUsage().rss); };
const timer = setInterval(sample, 50);
const dir = mkdtempSync(join(tmpdir(), 'parallax-bench-'));
const store = await openSqliteStore(join(dir, 'bench.db'));

const t0 = performance.now();
const articles = [];
for (const item of items) { const r = extractItem(item); if ('article' in r) articles.push(r.article); }
const t1 = performance.now();
for (let i = 0; i < articles.length; i += 100) await store.upsertArticles(articles.slice(i, i + 100));
const t2 = performance.now();
await regroup(store);
const t3 = performance.now();
const stories = await store.listStories();
for (const s of stories) await storyAnalysis(store, s.id);
const t4 = performance.now();
clearInterval(timer); sample();
await store.close();

const rate = (ms) => (articles.length / (ms / 1000)).toFixed(0);
console.log(`corpus: ${corpus}; ${articles.length} articles, ${stories.length} stories`);
console.log(`extract   ${(t1 - t0).toFixed(0).padStart(7)} ms  ${rate(t1 - t0).padStart(7)} articles/s`);
console.log(`store     ${(t2 - t1).toFixed(0).padStart(7)} ms  ${rate(t2 - t1).padStart(7)} articles/s`);
console.log(`group     ${(t3 - t2).toFixed(0).padStart(7)} ms  ${rate(t3 - t2).padStart(7)} articles/s`);
console.log(`analyse   ${(t4 - t3).toFixed(0).padStart(7)} ms  ${rate(t4 - t3).padStart(7)} articles/s`);
console.log(`end to end ${(t4 - t0).toFixed(0).padStart(6)} ms  ${rate(t4 - t0).padStart(7)} articles/s; peak RSS ${(peak / 2 ** 20).toFixed(0)} MiB`);
