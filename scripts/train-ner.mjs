#!/usr/bin/env node
// Trains the named-entity model shipped in models/ner/model.json.gz from the CoNLL-2003 English
// training set (../shared/eval/conll2003/eng.train; research-use text, which never enters the
// repository — only the weights learned from it do). Usage:
//   node --import tsx scripts/train-ner.mjs [--epochs=N] [--dev]
// --dev scores each epoch on eng.testa (used only to choose the number of epochs).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { Perceptron, TAGS, features, view, NerModel } from '../src/enrich/ner/perceptron.ts';

const root = new URL('..', import.meta.url).pathname;
const train = join(root, '..', 'shared', 'eval', 'conll2003', 'eng.train');
const dev = join(root, '..', 'shared', 'eval', 'conll2003', 'eng.testa');
if (!existsSync(train)) { console.log(`no ${train}: cannot train`); process.exit(0); }
const epochs = Number(process.argv.find((a) => a.startsWith('--epochs='))?.slice(9) ?? 8);
const showDev = process.argv.includes('--dev');

/** Sentences of [word, IOB2 tag]; the files use IOB1, converted here. */
function read(file) {
  const out = [];
  let cur = [];
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim() || line.startsWith('-DOCSTART-')) { if (cur.length) out.push(cur); cur = []; continue; }
    const c = line.trim().split(/\s+/);
    cur.push([c[0], c[c.length - 1]]);
  }
  if (cur.length) out.push(cur);
  for (const s of out) {
    s.forEach((t, i) => {
      const [b, type] = t[1].split('-');
      if (b === 'I' && (i === 0 || s[i - 1][1] === 'O' || s[i - 1][1].slice(2) !== type)) t[1] = `B-${type}`;
    });
  }
  return out;
}

const sentences = read(train);
// Gazetteer: the entity types each word had in training entities (a word seen once is noise).
const counts = new Map();
for (const s of sentences) for (const [w, t] of s) if (t !== 'O') { const k = w.toLowerCase(); const m = counts.get(k) ?? new Map(); m.set(t.slice(2), (m.get(t.slice(2)) ?? 0) + 1); counts.set(k, m); }
const gazetteer = {};
for (const [w, m] of counts) { const types = [...m].filter(([, n]) => n >= 2).map(([t]) => t).sort(); if (types.length) gazetteer[w] = types.join('|'); }

const tagIndex = new Map(TAGS.map((t, i) => [t, i]));
const model = new Perceptron(TAGS.length);
let seed = 7;
const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);

function devF1(weights) {
  if (!existsSync(dev)) return null;
  const m = new NerModel({ tags: TAGS, weights, gazetteer });
  const spans = (tags) => { const out = new Set(); let st = -1, ty = null; tags.forEach((t, i) => { if (t === 'O' || t.startsWith('B-') || t.slice(2) !== ty) { if (ty) out.add(`${st}:${i}:${ty}`); ty = t === 'O' ? null : t.slice(2); st = i; } }); if (ty) out.add(`${st}:${tags.length}:${ty}`); return out; };
  let tp = 0, np = 0, ng = 0;
  for (const s of read(dev)) {
    const g = spans(s.map((t) => t[1])); const p = spans(m.tag(s.map((t) => t[0])));
    ng += g.size; np += p.size; for (const x of p) if (g.has(x)) tp++;
  }
  const P = tp / np, R = tp / ng;
  return (200 * P * R) / (P + R);
}

for (let e = 1; e <= epochs; e++) {
  const t0 = Date.now();
  const order = sentences.map((_, i) => i).sort(() => rand() - 0.5);
  let errors = 0, total = 0;
  for (const si of order) {
    const s = sentences[si];
    const words = s.map((t) => t[0]);
    const v = view(words);
    const tags = [];
    for (let i = 0; i < words.length; i++) {
      const f = features(v, i, tags[i - 1] ?? '<s>', tags[i - 2] ?? '<s>', gazetteer);
      const sc = model.scores(f);
      let guess = 0; for (let k = 1; k < TAGS.length; k++) if (sc[k] > sc[guess]) guess = k;
      const truth = tagIndex.get(s[i][1]);
      model.update(truth, guess, f);
      if (truth !== guess) errors++;
      total++;
      // The history is the model's own guesses, as it will be when tagging.
      tags.push(TAGS[guess]);
    }
  }
  const f1 = showDev ? devF1(model.averaged()) : null;
  console.log(`epoch ${e}: training error ${(100 * errors / total).toFixed(2)}% in ${((Date.now() - t0) / 1000).toFixed(1)} s${f1 !== null ? `; dev F1 ${f1.toFixed(1)}` : ''}`);
}
const weights = model.averaged(0.02);
mkdirSync(join(root, 'models', 'ner'), { recursive: true });
const file = join(root, 'models', 'ner', 'model.json.gz');
writeFileSync(file, gzipSync(JSON.stringify({ tags: TAGS, weights, gazetteer }), { level: 9 }));
console.log(`wrote ${file}: ${Object.keys(weights).length} features, ${(readFileSync(file).length / 2 ** 20).toFixed(1)} MiB`);
