#!/usr/bin/env node
// Main-content extraction on the article-extraction benchmark (../shared/eval/aeb): every page
// extracted by Parallax, scored with aeb-score.mjs exactly as the benchmark's published table.
import { readdirSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { join } from 'node:path';
import { requireShared, score, tmpFile } from './lib-eval.mjs';
import { extractHtml } from '../src/extract/html/index.ts';
import { decodeBytes } from '../src/ingest/decode.ts';

const dir = requireShared('eval', 'aeb', 'html');
const gt = requireShared('eval', 'aeb', 'ground-truth.json');
const truth = JSON.parse(readFileSync(gt, 'utf8'));
const pred = {};
const times = [];
for (const f of readdirSync(dir).filter((x) => x.endsWith('.html.gz'))) {
  const id = f.replace(/\.html\.gz$/, '');
  const d = decodeBytes(gunzipSync(readFileSync(join(dir, f))), '.html');
  const html = 'text' in d ? d.text : '';
  const t0 = performance.now();
  const a = extractHtml(html, { origin: f, url: truth[id]?.url ?? null });
  times.push(performance.now() - t0);
  pred[id] = { articleBody: a.text };
}
const out = score('aeb-score.mjs', [gt, tmpFile('pred.json', JSON.stringify(pred))]);
times.sort((a, b) => a - b);
console.log(`aeb_f1\t${/F1 ([\d.]+)/.exec(out)?.[1]}`);
console.log(`aeb_precision\t${/precision ([\d.]+)/.exec(out)?.[1]}`);
console.log(`aeb_recall\t${/recall ([\d.]+)/.exec(out)?.[1]}`);
console.log(`aeb_median_ms_per_page\t${times[Math.floor(times.length / 2)].toFixed(2)}`);
