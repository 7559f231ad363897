#!/usr/bin/env node
// HTML extraction speed and quality on ../shared/eval/aeb: Parallax and @mozilla/readability on
// linkedom over the same decoded pages in one run; F1 of both (aeb-score.mjs), median and p95 ms
// per page, and the speed ratio. Both extractors first run once over every page untimed (warm JIT);
// then three rounds, each running one extractor over all pages and then the other, with a garbage
// collection before each pass when node runs with --expose-gc (as `npm run bench` does), so neither
// pays for the other's garbage; a page's time is its fastest round, which keeps load bursts from
// other processes out of the figures.
import { readdirSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { Readability } from '@mozilla/readability';
import { requireShared, score, tmpFile } from './lib-eval.mjs';
import { extractHtml } from '../src/extract/html/index.ts';
import { decodeHtml } from '../src/extract/html/decode.ts';

const dir = requireShared('eval', 'aeb', 'html');
const gt = requireShared('eval', 'aeb', 'ground-truth.json');
const truth = JSON.parse(readFileSync(gt, 'utf8'));
const pages = readdirSync(dir).filter((f) => f.endsWith('.html.gz')).sort().map((f) => {
  const id = f.replace(/\.html\.gz$/, '');
  return { id, url: truth[id]?.url ?? null, html: decodeHtml(gunzipSync(readFileSync(join(dir, f)))).html };
});
const stats = (xs) => { const s = [...xs].sort((a, b) => a - b); return { median: s[Math.floor(s.length / 2)], p95: s[Math.floor(s.length * 0.95)], total: s.reduce((a, b) => a + b, 0) }; };
const extractors = [
  { name: 'Parallax', f: (p) => extractHtml(p.html, { origin: 'bench', url: p.url }).text },
  { name: 'Readability + linkedom', f: (p) => { try { const { document } = parseHTML(p.html); return new Readability(document).parse()?.textContent ?? ''; } catch { return ''; } } },
];
for (const x of extractors) for (const p of pages) x.f(p);
const times = extractors.map(() => pages.map(() => Infinity));
const preds = extractors.map(() => ({}));
for (let round = 0; round < 3; round++) {
  extractors.forEach((x, k) => {
    globalThis.gc?.();
    pages.forEach((p, i) => {
      const t0 = performance.now();
      const text = x.f(p);
      times[k][i] = Math.min(times[k][i], performance.now() - t0);
      preds[k][p.id] = { articleBody: text };
    });
  });
}
const [ours, theirs] = extractors.map((x, k) => {
  const out = score('aeb-score.mjs', [gt, tmpFile('pred.json', JSON.stringify(preds[k]))]);
  return { name: x.name, f1: /F1 ([\d.]+)/.exec(out)[1], ...stats(times[k]) };
});
for (const r of [ours, theirs]) console.log(`${r.name.padEnd(24)} F1 ${r.f1}  median ${r.median.toFixed(2)} ms  p95 ${r.p95.toFixed(2)} ms  total ${(r.total / 1000).toFixed(2)} s`);
console.log(`speed ratio (Readability median / Parallax median): ${(theirs.median / ours.median).toFixed(2)}×  (${pages.length} pages)`);
console.log(`extract_f1\t${ours.f1}`);
console.log(`extract_readability_f1\t${theirs.f1}`);
console.log(`extract_median_ms\t${ours.median.toFixed(2)}`);
console.log(`extract_p95_ms\t${ours.p95.toFixed(2)}`);
console.log(`extract_readability_median_ms\t${theirs.median.toFixed(2)}`);
console.log(`extract_speed_ratio\t${(theirs.median / ours.median).toFixed(2)}`);
