#!/usr/bin/env node
// Grouping throughput and peak memory at growing collection sizes (`--sizes=10000,100000`).
// The corpus is built from ../shared/eval/stories by recombination: each copy of an article gets a
// new id, its date shifted by 30 days per copy, and its capitalised names swapped for other names
// of the corpus, so copies form new stories rather than joining the old ones.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createClusterer } from '../src/cluster/index.ts';

const root = new URL('..', import.meta.url).pathname;
const dir = join(root, '..', 'shared', 'eval', 'stories');
if (!existsSync(dir)) { console.log(`no ${dir}: skipped`); process.exit(0); }
const sizes = (process.argv.find((a) => a.startsWith('--sizes='))?.slice(8) ?? '10000,100000').split(',').map(Number);
const base = [];
for (const f of ['ecbplus-dev', 'basil-dev', 'mcms-dev', 'uci-headlines-dev'])
  for (const l of readFileSync(join(dir, `${f}.jsonl`), 'utf8').split('\n').filter(Boolean)) { const { story, ...r } = JSON.parse(l); base.push(r); }
const names = [...new Set(base.flatMap((r) => (r.title ?? '').match(/\b\p{Lu}\p{Ll}{3,}\b/gu) ?? []))];
const shift = (d, days) => { const t = Date.parse(d ?? '2020-01-01'); return Number.isNaN(t) ? null : new Date(t + days * 86400000).toISOString().slice(0, 10); };
function* corpus(n) {
  for (let i = 0; i < n; i++) {
    const r = base[i % base.length];
    const k = Math.floor(i / base.length);
    if (!k) { yield r; continue; }
    const swap = (s) => (s ?? '').replace(/\b\p{Lu}\p{Ll}{3,}\b/gu, (w) => names[(names.indexOf(w) + k * 7919) % names.length] ?? w);
    yield { ...r, id: `${r.id}~${k}`, title: swap(r.title), text: swap(r.text), published: shift(r.published, 30 * k) };
  }
}
for (const n of sizes) {
  global.gc?.();
  const c = createClusterer();
  let peak = 0;
  const t0 = performance.now();
  let i = 0;
  for (const r of corpus(n)) {
    c.add({ id: String(r.id), title: r.title ?? null, text: r.text ?? '', published: r.published ?? null, source: r.source ?? null, url: r.url ?? null });
    if (++i % 5000 === 0) peak = Math.max(peak, process.memoryUsage().rss);
  }
  const secs = (performance.now() - t0) / 1000;
  peak = Math.max(peak, process.memoryUsage().rss);
  console.log(`${String(n).padStart(8)} articles: ${(n / secs).toFixed(0).padStart(6)} articles/s, ${secs.toFixed(1)} s, peak RSS ${(peak / 2 ** 20).toFixed(0)} MiB`);
}
