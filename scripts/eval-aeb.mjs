#!/usr/bin/env node
// Main-content extraction on the article-extraction benchmark (../shared/eval/aeb): every page
// decoded and extracted by Parallax, scored with aeb-score.mjs exactly as the benchmark's
// published table; then title and date accuracy where the ground truth's URL allows a check.
// usage: node --import tsx scripts/eval-aeb.mjs [--per-page] [--dump DIR]
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { join } from 'node:path';
import { requireShared, score, tmpFile } from './lib-eval.mjs';
import { extractHtml } from '../src/extract/html/index.ts';
import { decodeHtml } from '../src/ingest/html-decode.ts';
import { dateFromUrl } from '../src/extract/html/metadata.ts';
import { detectLanguage } from '../src/lang/detect.ts';

const perPage = process.argv.includes('--per-page');
const dumpAt = process.argv.indexOf('--dump');
const dump = dumpAt > 0 ? process.argv[dumpAt + 1] : null;
const dir = requireShared('eval', 'aeb', 'html');
const gt = requireShared('eval', 'aeb', 'ground-truth.json');
const truth = JSON.parse(readFileSync(gt, 'utf8'));
const pred = {};
const times = [];
const articles = {};
const declared = {};
for (const f of readdirSync(dir).filter((x) => x.endsWith('.html.gz')).sort()) {
  const id = f.replace(/\.html\.gz$/, '');
  const { html } = decodeHtml(gunzipSync(readFileSync(join(dir, f))));
  declared[id] = /<html[^>]*\slang=["']?([a-zA-Z]{2,3})/i.exec(html)?.[1].toLowerCase() ?? null;
  const t0 = performance.now();
  const a = extractHtml(html, { origin: f, url: truth[id]?.url ?? null });
  times.push(performance.now() - t0);
  pred[id] = { articleBody: a.text };
  articles[id] = a;
}
if (dump) {
  mkdirSync(dump, { recursive: true });
  for (const [id, a] of Object.entries(articles)) writeFileSync(join(dump, `${id.slice(0, 8)}.txt`), `${a.title}\n${a.published}\n\n${a.text}\n\n==== TRUTH\n${truth[id].articleBody}\n`);
}
const out = score('aeb-score.mjs', [gt, tmpFile('pred.json', JSON.stringify(pred)), ...(perPage ? ['--per-page'] : [])]);

// Dates: a date in the URL path is the publication day on news sites, in the outlet's time zone;
// a page date found in the page itself (not the URL) counts as right within a day of it (a UTC
// time-stamp of an evening story falls on the next day).
let dated = 0;
let dateRight = 0;
let dateFound = 0;
const dayNumber = (d) => Date.UTC(+d.slice(0, 4), +d.slice(5, 7) - 1, +d.slice(8, 10)) / 864e5;
let titled = 0;
let titleSuffixed = 0;
const squashName = (s) => (s ?? '').toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
for (const [id, t] of Object.entries(truth)) {
  const a = articles[id];
  if (a.title) titled++;
  // A title that still ends with " | Outlet" or " - domain" kept the <title> decoration.
  const tail = a.title ? /\s[|–—-]\s([^|–—-]+)$/.exec(a.title)?.[1] : null;
  const host = squashName(new URL(t.url).hostname.replace(/^www\./, '').split('.')[0]);
  if (tail && (squashName(tail) === squashName(a.source) || squashName(tail).includes(host))) titleSuffixed++;
  const day = dateFromUrl(t.url);
  if (!day) continue;
  dated++;
  if (!a.published || a.provenance.published === 'url' || !/^\d{4}-\d{2}-\d{2}/.test(a.published)) continue;
  dateFound++;
  if (Math.abs(dayNumber(a.published) - dayNumber(day)) <= 1) dateRight++;
}
// Language: the detector on the true body text against the page's declared <html lang>. The
// declaration is not ground truth (some pages declare `en` over German text), so disagreements
// are listed for reading.
let langPages = 0;
let langAgree = 0;
const disagreements = [];
for (const [id, t] of Object.entries(truth)) {
  if (!declared[id]) continue;
  langPages++;
  const d = detectLanguage(t.articleBody);
  if (d.language === declared[id]) langAgree++;
  else disagreements.push(`${id.slice(0, 8)} declared ${declared[id]}, detected ${d.language}: ${t.articleBody.slice(0, 60).replace(/\s+/g, ' ')}`);
}
console.error(`language disagreements with the declared <html lang>:\n  ${disagreements.join('\n  ')}`);
times.sort((a, b) => a - b);
console.log(`aeb_f1\t${/F1 ([\d.]+)/.exec(out)?.[1]}`);
console.log(`aeb_precision\t${/precision ([\d.]+)/.exec(out)?.[1]}`);
console.log(`aeb_recall\t${/recall ([\d.]+)/.exec(out)?.[1]}`);
console.log(`aeb_cold_median_ms_per_page\t${times[Math.floor(times.length / 2)].toFixed(2)}`);
console.log(`aeb_title_found\t${(titled / Object.keys(truth).length).toFixed(3)}`);
console.log(`aeb_title_with_outlet_suffix\t${(titleSuffixed / Object.keys(truth).length).toFixed(3)}`);
console.log(`aeb_date_pages\t${dated}`);
console.log(`aeb_date_found_in_page\t${dated ? (dateFound / dated).toFixed(3) : 'n/a'}`);
console.log(`aeb_date_accuracy_when_found\t${dateFound ? (dateRight / dateFound).toFixed(3) : 'n/a'}`);
console.log(`aeb_language_pages\t${langPages}`);
console.log(`aeb_language_agreement\t${(langAgree / langPages).toFixed(3)}`);
