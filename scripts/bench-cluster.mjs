#!/usr/bin/env node
// Grouping throughput and peak memory at growing collection sizes.
//   node --import tsx --expose-gc scripts/bench-cluster.mjs --sizes=10000,100000,1000000 [--full-text]
// (`npm run bench -- cluster` runs the default sizes, 10k and 100k; 1M takes several minutes.)
//
// The corpus is built from ../shared/eval/stories (the four dev files, 8,229 articles, `story`
// dropped) by recombination: copy k of an article gets a new id and URL, its date shifted by 30 days
// per copy (articles without a date get one spread over the copy's 30 days), and its capitalised
// names swapped for other names of the corpus (a fixed permutation per copy), so that copies form
// new stories instead of joining the old ones, and the collection keeps growing in time the way a
// news feed does. Articles arrive in date order within each copy.
//
// Each size runs in a fresh clusterer and ends with `settle()`, the second pass over small stories
// that ends a batch, timed with the rest; one size's figures do not include building the corpus
// for the next. Figures: articles/s over wall time, articles per CPU-second of this process (the fairer
// figure on a shared machine), the CPU cost per article in each tenth of the run (flat cost means
// per-article costs that stay level), and peak RSS.
import { createClusterer } from '../src/cluster/index.ts';
import { corpus, FULL_TEXT, storiesDir } from './lib-bench-corpus.mjs';

// The four sets, headlines too (scripts/lib-bench-corpus.mjs recombines them to size); with
// --full-text the three sets of whole articles only (ECB+, BASIL, Clust-McMs: no headline-only item).
const fullText = process.argv.includes('--full-text');
const record = corpus(fullText ? FULL_TEXT : [...FULL_TEXT, 'uci-headlines-dev']);
if (fullText) console.log('corpus: full-text articles only');
if (!record) { console.log(`no ${storiesDir}: skipped (the benchmark builds its corpus from it)`); process.exit(0); }
const sizes = (process.argv.find((a) => a.startsWith('--sizes='))?.slice(8) ?? '10000,100000').split(',').map(Number);

function* articles(n) {
  for (let i = 0; i < n; i++) yield record(i);
}

for (const n of sizes) {
  global.gc?.();
  const c = createClusterer();
  let peak = process.memoryUsage().rss;
  const tenth = Math.max(1, Math.floor(n / 10));
  const laps = [];
  let lapStart = process.cpuUsage();
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  let i = 0;
  let stories = 0;
  for (const r of articles(n)) {
    const a = c.add({ id: String(r.id), title: r.title ?? null, text: r.text ?? '', published: r.published ?? null, source: r.source ?? null, url: r.url ?? null });
    if (a.story === a.id) stories++;
    if (++i % 5000 === 0) peak = Math.max(peak, process.memoryUsage().rss);
    if (i % tenth === 0) { const u = process.cpuUsage(lapStart); laps.push((u.user + u.system) / 1000 / tenth); lapStart = process.cpuUsage(); }
  }
  // The second pass that ends a batch (small stories reviewed) is part of grouping it.
  const s0 = performance.now();
  const moved = Object.keys(c.settle()).length;
  const settleSecs = (performance.now() - s0) / 1000;
  const secs = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const cpuSecs = (cpu.user + cpu.system) / 1e6;
  peak = Math.max(peak, process.memoryUsage().rss);
  console.log(
    `${String(n).padStart(8)} articles: ${(n / secs).toFixed(0).padStart(6)} articles/s (wall ${secs.toFixed(1)} s), ` +
      `${(n / cpuSecs).toFixed(0).padStart(6)} per CPU-second, peak RSS ${(peak / 2 ** 20).toFixed(0)} MiB, ${stories} stories started; ` +
      `settling the batch ${settleSecs.toFixed(1)} s (${moved} articles moved)\n` +
      `          CPU ms/article by tenth of the run: ${laps.map((l) => l.toFixed(2)).join(' ')}`,
  );
}
