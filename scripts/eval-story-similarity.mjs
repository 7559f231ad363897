#!/usr/bin/env node
// Story similarity on ../shared/eval/multilingual/semeval2022-pairs-dev.jsonl (SemEval-2022 Task 8
// pairs of news articles, in one language or two, with an overall score from 1 = the same story to
// 4 = unrelated): the Pearson correlation of the clusterer's similarity of each pair
// (src/cluster/pairs.ts: all texts vectorised as one collection, raised across languages as the
// clusterer raises it) with 5 − overall, per language pair and over all pairs.
//   node --import tsx scripts/eval-story-similarity.mjs
// Bar: ≥ 0.70 overall.
import { readFileSync } from 'node:fs';
import { requireShared } from './lib-eval.mjs';
import { pairSimilarities } from '../src/cluster/pairs.ts';

const file = requireShared('eval', 'multilingual', 'semeval2022-pairs-dev.jsonl');
const rows = readFileSync(file, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
const docs = [];
const pairs = [];
for (const r of rows) {
  const a = docs.push({ id: `${r.pair_id}/1`, title: r.title1, text: r.text1 ?? '', published: null, source: null, url: null }) - 1;
  const b = docs.push({ id: `${r.pair_id}/2`, title: r.title2, text: r.text2 ?? '', published: null, source: null, url: null }) - 1;
  pairs.push([a, b]);
}
const t0 = performance.now();
const sims = pairSimilarities(docs, pairs);
const seconds = (performance.now() - t0) / 1000;

function pearson(x, y) {
  const n = x.length;
  const mx = x.reduce((s, v) => s + v, 0) / n;
  const my = y.reduce((s, v) => s + v, 0) / n;
  let sxy = 0, sxx = 0, syy = 0;
  for (let i = 0; i < n; i++) { sxy += (x[i] - mx) * (y[i] - my); sxx += (x[i] - mx) ** 2; syy += (y[i] - my) ** 2; }
  return sxx && syy ? sxy / Math.sqrt(sxx * syy) : NaN;
}
const groups = new Map([['all', rows.map((_, i) => i)]]);
rows.forEach((r, i) => { const k = `${r.lang1}-${r.lang2}`; groups.set(k, [...(groups.get(k) ?? []), i]); });
console.log('\npair   n    Pearson');
const out = [];
for (const [k, idx] of groups) {
  const p = pearson(idx.map((i) => sims[i]), idx.map((i) => 5 - rows[i].overall));
  console.log(`${k.padEnd(6)} ${String(idx.length).padStart(3)}  ${p.toFixed(3)}`);
  out.push(`similarity_pearson_${k.replace('-', '_')}\t${p.toFixed(3)}`);
}
console.log('');
for (const l of out) console.log(l);
console.log(`similarity_seconds\t${seconds.toFixed(1)}`);
