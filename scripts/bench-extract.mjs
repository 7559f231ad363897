#!/usr/bin/env node
// HTML extraction speed and quality, Parallax against @mozilla/readability on linkedom over the
// same decoded pages in one run, on two sets: ../shared/eval/aeb (181 pages; F1 by aeb-score.mjs)
// and then ../shared/eval/web (1,958 pages from nine extraction benchmarks, read and decoded as
// scripts/eval-web.mjs does). All 1,958 web pages took 8.5 minutes (Readability alone about 51 s a
// pass), so the web set is a fixed sample: every 2nd page of the ids sorted (979 pages), with F1
// by aeb-score.mjs over that sample (eval-web.mjs scores every page). For each set: F1 of both,
// median and p95 ms per page, and the speed ratio (Readability median / Parallax median). Both
// extractors first run once over every page untimed (warm JIT); then three rounds, each running
// one extractor over all pages and then the other, with a garbage collection before each pass
// when node runs with --expose-gc (as `npm run bench` does), so neither pays for the other's
// garbage; a page's time is its fastest round, which keeps load bursts from other processes out
// of the figures. A set that is absent is reported as skipped. The aeb lines (`extract_…`) are as
// before; the web set's are `web_extract_…`.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { Readability } from '@mozilla/readability';
import { score, shared, tmpFile } from './lib-eval.mjs';
import { extractHtml } from '../src/extract/html/index.ts';
import { decodeHtml } from '../src/ingest/html-decode.ts';

/** Every page of a set: html/ID.html.gz beside ground-truth.json, or null (and a note) when absent. */
function readSet(name, { needTruth = false } = {}) {
  const dir = join(shared, 'eval', name, 'html');
  const gt = join(shared, 'eval', name, 'ground-truth.json');
  for (const p of [dir, gt]) if (!existsSync(p)) { console.log(`no ${p}: skipped`); return null; }
  const truth = JSON.parse(readFileSync(gt, 'utf8'));
  const ids = readdirSync(dir).filter((f) => f.endsWith('.html.gz')).map((f) => f.replace(/\.html\.gz$/, ''))
    .filter((id) => !needTruth || id in truth).sort();
  const pages = ids.map((id) => ({ id, url: truth[id]?.url ?? null, html: decodeHtml(gunzipSync(readFileSync(join(dir, `${id}.html.gz`)))).html }));
  return { gt, truth, pages };
}
const stats = (xs) => { const s = [...xs].sort((a, b) => a - b); return { median: s[Math.floor(s.length / 2)], p95: s[Math.floor(s.length * 0.95)], total: s.reduce((a, b) => a + b, 0) }; };
const extractors = [
  { name: 'Parallax', f: (p) => extractHtml(p.html, { origin: 'bench', url: p.url }).text },
  { name: 'Readability + linkedom', f: (p) => { try { const { document } = parseHTML(p.html); return new Readability(document).parse()?.textContent ?? ''; } catch { return ''; } } },
];
/** Warm pass, three timed rounds, F1 of each extractor's last round: [ours, theirs]. */
function measure(pages, gt) {
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
  return extractors.map((x, k) => {
    const out = score('aeb-score.mjs', [gt, tmpFile('pred.json', JSON.stringify(preds[k]))]);
    return { name: x.name, f1: /F1 ([\d.]+)/.exec(out)[1], ...stats(times[k]) };
  });
}
function report([ours, theirs], n) {
  for (const r of [ours, theirs]) console.log(`${r.name.padEnd(24)} F1 ${r.f1}  median ${r.median.toFixed(2)} ms  p95 ${r.p95.toFixed(2)} ms  total ${(r.total / 1000).toFixed(2)} s`);
  console.log(`speed ratio (Readability median / Parallax median): ${(theirs.median / ours.median).toFixed(2)}×  (${n} pages)`);
}

const aeb = readSet('aeb');
if (aeb) {
  const [ours, theirs] = measure(aeb.pages, aeb.gt);
  report([ours, theirs], aeb.pages.length);
  console.log(`extract_f1\t${ours.f1}`);
  console.log(`extract_readability_f1\t${theirs.f1}`);
  console.log(`extract_median_ms\t${ours.median.toFixed(2)}`);
  console.log(`extract_p95_ms\t${ours.p95.toFixed(2)}`);
  console.log(`extract_readability_median_ms\t${theirs.median.toFixed(2)}`);
  console.log(`extract_speed_ratio\t${(theirs.median / ours.median).toFixed(2)}`);
}

// The web set: pages with ground truth, in id order; WEB_EVERY > 1 keeps every WEB_EVERY-th page only.
const WEB_EVERY = 2;
console.log('\n== web');
const web = readSet('web', { needTruth: true });
if (web) {
  const all = web.pages.length;
  const pages = web.pages.filter((_, i) => i % WEB_EVERY === 0);
  web.pages = null;
  const gt = tmpFile('gt.json', JSON.stringify(Object.fromEntries(pages.map((p) => [p.id, web.truth[p.id]]))));
  console.log(WEB_EVERY === 1 ? `all ${all} pages of ../shared/eval/web` : `sample: ${pages.length} of the ${all} pages of ../shared/eval/web (1 in ${WEB_EVERY}, by id sorted, from the first; F1 over the sample)`);
  const t0 = performance.now();
  const [ours, theirs] = measure(pages, gt);
  report([ours, theirs], pages.length);
  console.log(`(web set measured in ${((performance.now() - t0) / 1000).toFixed(0)} s)`);
  console.log(`web_extract_pages\t${pages.length}`);
  console.log(`web_extract_f1\t${ours.f1}`);
  console.log(`web_extract_readability_f1\t${theirs.f1}`);
  console.log(`web_extract_median_ms\t${ours.median.toFixed(2)}`);
  console.log(`web_extract_p95_ms\t${ours.p95.toFixed(2)}`);
  console.log(`web_extract_readability_median_ms\t${theirs.median.toFixed(2)}`);
  console.log(`web_extract_readability_p95_ms\t${theirs.p95.toFixed(2)}`);
  console.log(`web_extract_speed_ratio\t${(theirs.median / ours.median).toFixed(2)}`);
}
