#!/usr/bin/env node
// Grouping across languages on ../shared/eval/multilingual/ntrex-dev.jsonl (74 news documents,
// each in ten languages: one story of ten records): `parallax cluster --jsonl FILE` (which never
// reads the `story` field) scored with ../shared/tools/cluster-score.mjs.
//   node scripts/eval-multilingual-grouping.mjs
// Bar (BCubed F1): ≥ 0.95. Beside it, per pair of languages: the share of the pairs of
// translations grouped together (recall), and of the pairs grouped together that are not
// translations of one document (false links), which is where each language falls short.
import { readFileSync } from 'node:fs';
import { cli, requireShared, score, tmpFile } from './lib-eval.mjs';

const gold = requireShared('eval', 'multilingual', 'ntrex-dev.jsonl');
const t0 = performance.now();
const out = cli(['cluster', '--jsonl', gold]);
const seconds = (performance.now() - t0) / 1000;
const pred = tmpFile('pred.jsonl', out);
const scored = score('cluster-score.mjs', [gold, pred]);
const [, bp, br, bf] = /bcubed: precision ([\d.]+)\s+recall ([\d.]+)\s+F1 ([\d.]+)/.exec(scored) ?? [];
const pf = /pairwise: .*F1 ([\d.]+)/.exec(scored)?.[1];
const predStories = /predicted stories (\d+)/.exec(scored)?.[1];

// The scorer reads the gold file; here it is read for the per-language table only.
const recs = readFileSync(gold, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
const storyOf = new Map(out.split('\n').filter(Boolean).map((l) => { const r = JSON.parse(l); return [String(r.id), r.story]; }));
const langs = ['en', 'de', 'fr', 'es', 'ru', 'uk', 'tr', 'az', 'ar', 'zh'];
const key = (a, b) => (langs.indexOf(a) <= langs.indexOf(b) ? `${a}-${b}` : `${b}-${a}`);
const cell = new Map();
for (let i = 0; i < recs.length; i++) {
  for (let j = i + 1; j < recs.length; j++) {
    const a = recs[i], b = recs[j];
    const same = a.story === b.story;
    const together = storyOf.get(a.id) === storyOf.get(b.id);
    if (!same && !together) continue;
    const k = key(a.language, b.language);
    const c = cell.get(k) ?? { gold: 0, hit: 0, wrong: 0 };
    if (same) { c.gold++; if (together) c.hit++; } else c.wrong++;
    cell.set(k, c);
  }
}
console.log('\nrecall of translation pairs grouped together (false links in brackets where any), row × column');
console.log('    ' + langs.map((l) => l.padStart(9)).join(''));
for (const a of langs) {
  const row = langs.map((b) => {
    const c = cell.get(key(a, b));
    if (!c) return ''.padStart(9);
    return `${(c.gold ? c.hit / c.gold : 1).toFixed(2)}${c.wrong ? `(${c.wrong})` : ''}`.padStart(9);
  });
  console.log(a.padEnd(4) + row.join(''));
}
const perLang = new Map();
for (const [k, c] of cell) for (const l of new Set(k.split('-'))) {
  const p = perLang.get(l) ?? { gold: 0, hit: 0, wrong: 0 };
  p.gold += c.gold; p.hit += c.hit; p.wrong += c.wrong;
  perLang.set(l, p);
}
console.log('');
console.log(`ntrex_bcubed_precision\t${bp}`);
console.log(`ntrex_bcubed_recall\t${br}`);
console.log(`ntrex_bcubed_f1\t${bf}`);
console.log(`ntrex_pairwise_f1\t${pf}`);
console.log(`ntrex_predicted_stories\t${predStories}`);
for (const l of langs) { const p = perLang.get(l); console.log(`ntrex_pair_recall_${l}\t${(p.gold ? p.hit / p.gold : 1).toFixed(3)}`); }
console.log(`ntrex_seconds\t${seconds.toFixed(1)}`);
