#!/usr/bin/env node
// HTML extraction speed and quality on ../shared/eval/aeb: Parallax and @mozilla/readability on
// linkedom over the same decoded pages in one run; F1 of both (aeb-score.mjs), median and p95 ms
// per page, and the speed ratio.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { Readability } from '@mozilla/readability';
import { requireShared, score, tmpFile } from './lib-eval.mjs';
import { extractHtml } from '../src/extract/html/index.ts';
import { decodeBytes } from '../src/ingest/decode.ts';

const dir = requireShared('eval', 'aeb', 'html');
const gt = requireShared('eval', 'aeb', 'ground-truth.json');
const pages = readdirSync(dir).filter((f) => f.endsWith('.html.gz')).map((f) => {
  const d = decodeBytes(gunzipSync(readFileSync(join(dir, f))), '.html');
  return { id: f.replace(/\.html\.gz$/, ''), html: 'text' in d ? d.text : '' };
});
const stats = (xs) => { const s = [...xs].sort((a, b) => a - b); return { median: s[Math.floor(s.length / 2)], p95: s[Math.floor(s.length * 0.95)] }; };
function run(name, f) {
  const pred = {};
  const times = [];
  for (const p of pages) { const t0 = performance.now(); pred[p.id] = { articleBody: f(p.html) }; times.push(performance.now() - t0); }
  const out = score('aeb-score.mjs', [gt, tmpFile('pred.json', JSON.stringify(pred))]);
  return { name, f1: /F1 ([\d.]+)/.exec(out)[1], ...stats(times) };
}
const ours = run('Parallax', (html) => extractHtml(html, { origin: 'bench' }).text);
const theirs = run('Readability + linkedom', (html) => { try { const { document } = parseHTML(html); return new Readability(document).parse()?.textContent ?? ''; } catch { return ''; } });
for (const r of [ours, theirs]) console.log(`${r.name.padEnd(24)} F1 ${r.f1}  median ${r.median.toFixed(2)} ms  p95 ${r.p95.toFixed(2)} ms`);
console.log(`speed ratio (Readability median / Parallax median): ${(theirs.median / ours.median).toFixed(2)}×  (${pages.length} pages)`);
