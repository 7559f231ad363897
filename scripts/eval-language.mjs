#!/usr/bin/env node
// Language identification (src/lang) on ../shared/eval/multilingual/ntrex-dev.jsonl: the same
// documents in ten languages, one sentence a line. Accuracy per language on
//   - sentences of 100 characters or more (the bar: 99 % over the ten languages),
//   - short texts: the first 40-100 characters of each line (cut at a space),
//   - whole documents;
// then how far the confidence can be trusted, time per text and the model's load time.
// usage: node --import tsx scripts/eval-language.mjs [--confusions] [--databases]
//   --databases  also scores each of eld's databases on its own (one window, no post-processing)
import { readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { requireShared } from './lib-eval.mjs';

const file = requireShared('eval', 'multilingual', 'ntrex-dev.jsonl');
const showConfusions = process.argv.includes('--confusions');
const records = readFileSync(file, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));

// The system under test reads `text` only; `language` is the gold label.
const sets = { '100+': [], short: [], document: [] };
for (const r of records) {
  sets.document.push([r.language, r.text]);
  for (const raw of r.text.split('\n')) {
    const line = raw.trim();
    if (line.length >= 100) sets['100+'].push([r.language, line]);
    if (line.length >= 40) {
      let s = line.slice(0, 100);
      const space = s.lastIndexOf(' ');
      if (line.length > 100 && space >= 40) s = s.slice(0, space);
      sets.short.push([r.language, s]);
    }
  }
}

// Load time in a plain Node (no tsx), as the compiled CLI pays it.
const plain = spawnSync(process.execPath, ['--input-type=module', '-e', `
  import { createRequire } from 'node:module';
  import { fileURLToPath } from 'node:url';
  const t = performance.now();
  const entry = import.meta.resolve('eld');
  createRequire(import.meta.url)(fileURLToPath(new URL('static.extrasmall.js', entry)));
  console.log((performance.now() - t).toFixed(0), (process.memoryUsage().heapUsed / 1e6).toFixed(0));
`], { cwd: new URL('..', import.meta.url).pathname, encoding: 'utf8' });
const [plainLoadMs, plainHeapMb] = plain.status === 0 ? plain.stdout.trim().split(' ') : ['-', '-'];

const heapBefore = process.memoryUsage().heapUsed;
const t0 = performance.now();
const { identifyLanguage, languageModelLoadMs } = await import('../src/lang/index.ts');
identifyLanguage('Warming up: this first call loads the model that later calls use.');
const firstCallMs = performance.now() - t0;
const heapMb = (process.memoryUsage().heapUsed - heapBefore) / 1e6;

const languages = [...new Set(records.map((r) => r.language))];
const out = [];
const table = [];
const pct = (a, b) => (b ? ((100 * a) / b).toFixed(2) : '-');
for (const [name, items] of Object.entries(sets)) {
  const right = new Map();
  const total = new Map();
  const confusions = new Map();
  let sure = 0;
  let sureRight = 0;
  const started = performance.now();
  const guesses = items.map(([, text]) => identifyLanguage(text));
  const ms = (performance.now() - started) / items.length;
  items.forEach(([gold], i) => {
    const { lang, confidence } = guesses[i];
    total.set(gold, (total.get(gold) ?? 0) + 1);
    if (lang === gold) right.set(gold, (right.get(gold) ?? 0) + 1);
    else confusions.set(`${gold}->${lang}`, (confusions.get(`${gold}->${lang}`) ?? 0) + 1);
    if (confidence >= 0.5) { sure++; if (lang === gold) sureRight++; }
  });
  const allRight = [...right.values()].reduce((a, b) => a + b, 0);
  const key = name === '100+' ? '100plus' : name;
  table.push([name, items.length, pct(allRight, items.length), ...languages.map((l) => pct(right.get(l) ?? 0, total.get(l) ?? 0)), ms.toFixed(3), pct(sure, items.length), pct(sureRight, sure)]);
  out.push([`language_accuracy_${key}`, (allRight / items.length).toFixed(4)]);
  for (const l of languages) out.push([`language_accuracy_${key}_${l}`, ((right.get(l) ?? 0) / total.get(l)).toFixed(4)]);
  out.push([`language_ms_per_text_${key}`, ms.toFixed(3)]);
  out.push([`language_confident_share_${key}`, (sure / items.length).toFixed(4)]);
  out.push([`language_confident_accuracy_${key}`, sure ? (sureRight / sure).toFixed(4) : '-']);
  for (const pair of ['uk->ru', 'ru->uk', 'az->tr', 'tr->az']) out.push([`language_confused_${key}_${pair.replace('->', '_as_')}`, String(confusions.get(pair) ?? 0)]);
  if (showConfusions || confusions.size) {
    process.stderr.write(`${name}: ${[...confusions].sort((a, b) => b[1] - a[1]).slice(0, showConfusions ? 50 : 10).map(([k, v]) => `${k} ${v}`).join(', ') || 'no confusions'}\n`);
  }
}

const head = ['set', 'texts', 'all %', ...languages, 'ms/text', 'conf≥.5 %', 'acc there %'];
const widths = head.map((h, i) => Math.max(h.length, ...table.map((r) => String(r[i]).length)));
process.stderr.write(`\n${head.map((h, i) => h.padStart(widths[i])).join('  ')}\n`);
for (const r of table) process.stderr.write(`${r.map((c, i) => String(c).padStart(widths[i])).join('  ')}\n`);
process.stderr.write(`model load: ${languageModelLoadMs().toFixed(0)} ms here (first call ${firstCallMs.toFixed(0)} ms, heap +${heapMb.toFixed(0)} MB); plain node: ${plainLoadMs} ms, heap ${plainHeapMb} MB\n`);

if (process.argv.includes('--databases')) {
  for (const db of ['extrasmall', 'small', 'medium', 'large']) {
    const t = performance.now();
    const { eld } = await import(`eld/${db}`);
    const load = performance.now() - t;
    const row = [];
    for (const [name, items] of Object.entries(sets)) {
      const s = performance.now();
      const ok = items.filter(([gold, text]) => eld.detect(text).language === gold).length;
      row.push(`${name} ${pct(ok, items.length)} % (${((performance.now() - s) / items.length).toFixed(3)} ms)`);
    }
    process.stderr.write(`eld/${db}: load ${load.toFixed(0)} ms; ${row.join('; ')}\n`);
  }
}

out.push(['language_model_load_ms', languageModelLoadMs().toFixed(0)]);
out.push(['language_model_load_ms_plain_node', plainLoadMs]);
for (const [k, v] of out) console.log(`${k}\t${v}`);
