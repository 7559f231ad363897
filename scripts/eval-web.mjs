#!/usr/bin/env node
// Main-content extraction on the broad web set (../shared/eval/web: 1,958 pages from nine
// extraction benchmarks): every page decoded and extracted by Parallax (the product's HTML path)
// and by @mozilla/readability on linkedom in the same run, scored with aeb-score.mjs; F1 per source
// and overall, for each half of the pages (`tune`: pages whose id's SHA-1 starts with an even byte,
// the half rules may be tuned on; `held`: the other half, to check that a gain carries over),
// empty outputs, and Parallax's median time per page.
// usage: node --import tsx scripts/eval-web.mjs [--no-readability] [--per-page] [--dump DIR] [--only SOURCE]
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { gunzipSync } from 'node:zlib';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { requireShared, score, shared, tmpFile } from './lib-eval.mjs';
import { extractHtml } from '../src/extract/html/index.ts';
import { decodeHtml } from '../src/ingest/html-decode.ts';

const arg = (name) => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1] : null; };
const withReadability = !process.argv.includes('--no-readability');
const perPage = process.argv.includes('--per-page');
const dump = arg('--dump');
const only = arg('--only');
const dir = requireShared('eval', 'web', 'html');
const gt = requireShared('eval', 'web', 'ground-truth.json');
const { metricsFromTpFpFns } = await import(pathToFileURL(join(shared, 'tools', 'aeb-metric.mjs')).href);
const { parseHTML } = await import('linkedom');
const { Readability } = await import('@mozilla/readability');

const truth = JSON.parse(readFileSync(gt, 'utf8'));
/** The tuning half: a stable split that does not depend on a source's file naming. */
const half = (id) => (createHash('sha1').update(id).digest()[0] % 2 === 0 ? 'tune' : 'held');
const ids = readdirSync(dir).filter((f) => f.endsWith('.html.gz')).map((f) => f.replace(/\.html\.gz$/, '')).filter((id) => id in truth).sort()
  .filter((id) => !only || truth[id].source === only);
const times = [];
const ours = {};
const theirs = {};
const articles = {};
for (const id of ids) {
  const { html } = decodeHtml(gunzipSync(readFileSync(join(dir, `${id}.html.gz`))));
  const t0 = performance.now();
  const a = extractHtml(html, { origin: id, url: truth[id].url ?? null });
  times.push(performance.now() - t0);
  ours[id] = { articleBody: a.text };
  if (dump) articles[id] = a;
  if (withReadability) {
    let text = '';
    try { const { document } = parseHTML(html); text = new Readability(document).parse()?.textContent ?? ''; } catch { /* an empty result */ }
    theirs[id] = { articleBody: text };
  }
}
if (dump) {
  mkdirSync(dump, { recursive: true });
  for (const [id, a] of Object.entries(articles)) writeFileSync(join(dump, `${id}.txt`), `${a.title}\n\n${a.text}\n\n==== TRUTH\n${truth[id].articleBody}\n`);
}

/** Per-page [tp, fp, fn] from the scorer's --per-page lines. */
function scorePages(pred) {
  const subset = Object.fromEntries(ids.map((id) => [id, truth[id]]));
  const out = score('aeb-score.mjs', [tmpFile('gt.json', JSON.stringify(subset)), tmpFile('pred.json', JSON.stringify(pred)), '--per-page']);
  const rows = {};
  for (const line of out.split('\n')) {
    const m = /^(\S+) ([\d.]+) ([\d.]+) ([\d.]+)$/.exec(line);
    if (m) rows[m[1]] = [+m[2], +m[3], +m[4]];
  }
  return { rows, f1: +/F1 ([\d.]+)/.exec(out)[1] };
}
const oursScored = scorePages(ours);
const theirsScored = withReadability ? scorePages(theirs) : null;
if (perPage) for (const id of ids) console.error(`${id}\t${truth[id].source}\t${half(id)}\tF1 ${pageF1(oursScored.rows[id]).toFixed(3)}${theirsScored ? `\treadability ${pageF1(theirsScored.rows[id]).toFixed(3)}` : ''}\tP ${ratio(oursScored.rows[id], 1).toFixed(3)}\tR ${ratio(oursScored.rows[id], 2).toFixed(3)}`);

function pageF1([tp, fp, fn]) { return tp + fp + fn ? (2 * tp) / (2 * tp + fp + fn) : 1; }
function ratio(row, k) { return row[0] + row[k] ? row[0] / (row[0] + row[k]) : 1; }
const f1Of = (scored, group) => (scored && group.length ? metricsFromTpFpFns(group.map((id) => scored.rows[id])).f1 : NaN);
const empty = (pred, group) => group.filter((id) => !pred[id]?.articleBody?.trim()).length;
const fmt = (x) => (Number.isNaN(x) ? '  -  ' : x.toFixed(3));

const sources = [...new Set(ids.map((id) => truth[id].source))].sort((a, b) => ids.filter((i) => truth[i].source === b).length - ids.filter((i) => truth[i].source === a).length);
const metrics = [];
const table = [['source', 'half', 'pages', 'Parallax F1', 'Readability F1', 'Parallax empty', 'Readability empty']];
for (const source of [...sources, 'all']) {
  const all = ids.filter((id) => source === 'all' || truth[id].source === source);
  for (const h of ['tune', 'held', 'both']) {
    const group = h === 'both' ? all : all.filter((id) => half(id) === h);
    const p = f1Of(oursScored, group);
    const r = f1Of(theirsScored, group);
    table.push([source, h, String(group.length), fmt(p), fmt(r), String(empty(ours, group)), withReadability ? String(empty(theirs, group)) : '-']);
    const suffix = source === 'all' ? '' : `_${source.replace(/[^\w]/g, '_')}`;
    if (h === 'both') {
      metrics.push([`web_f1${suffix}`, fmt(p)]);
      if (withReadability) metrics.push([`web_readability_f1${suffix}`, fmt(r)]);
    } else if (source === 'all') metrics.push([`web_f1_${h}`, fmt(p)]);
  }
  table.push(null);
}
const w = table[0].map((_, k) => Math.max(...table.filter(Boolean).map((r) => r[k].length)));
for (const row of table) console.error(row ? row.map((c, k) => (k < 2 ? c.padEnd(w[k]) : c.padStart(w[k]))).join('  ') : '');
times.sort((a, b) => a - b);
for (const [k, v] of metrics) console.log(`${k}\t${v}`);
console.log(`web_empty\t${empty(ours, ids)}`);
if (withReadability) console.log(`web_readability_empty\t${empty(theirs, ids)}`);
console.log(`web_median_ms_per_page\t${times[Math.floor(times.length / 2)].toFixed(2)}`);
console.log(`web_p95_ms_per_page\t${times[Math.floor(times.length * 0.95)].toFixed(2)}`);
