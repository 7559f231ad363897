#!/usr/bin/env node
// Named entities in Russian, German and Spanish, on held-out parts of the sets their models learn
// from (../shared/eval/multilingual: factRuEval-2016 dev, GermEval 2014 dev, CoNLL-2002 Spanish
// testa; see scripts/lib-ner-data.mjs). These files are the models' training data, so the figure
// is five-fold cross-validation by document (factRuEval's -DOCSTART- documents; blocks of 25
// sentences where a file has none): for each fold a model is trained on the other four
// (train-ner.mjs --lang=xx --heldout=k/5, the shipped settings) and tags that fold's sentences as
// text, tokens joined by spaces, through recogniseEntities with the language, as
// `parallax entities --conll FILE --language xx` does; the five folds' tags are scored together
// with ner-score.mjs (exact spans, all types the set has). Bars: ru ≥ 85, de and es ≥ 80.
// Also, for comparison, the English model on each whole file (what every article got before the
// languages had models of their own), and the precision of what a language without a model keeps
// (recogniseEntities' conservative path), measured on each file's text as if its language had
// none; and the cost: tokens tagged per CPU second by the shipped model of each language against
// the English one on the same sentences (the bar: a non-English article costs at most twice an
// English one).
// Usage: node --import tsx scripts/eval-ner-multilingual.mjs [--lang=ru,de,es] [--models=N] [--folds=N]
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { root, score, shared, tmpFile } from './lib-eval.mjs';
import { NER_SETS, foldOf, readConll } from './lib-ner-data.mjs';

if (!existsSync(join(shared, 'eval', 'multilingual'))) { console.log(`no ${join(shared, 'eval', 'multilingual')}: skipped`); process.exit(0); }
const arg = (name, dflt) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? dflt;
const languages = arg('lang', 'ru,de,es').split(',');
const folds = Number(arg('folds', '5'));
const models = arg('models', undefined);

const { recogniseEntities, useModelFile, modelFile, MODEL_FILE } = await import('../src/enrich/ner/index.ts');
const { tagConll } = await import('../src/enrich/ner/conll.ts');
const dir = mkdtempSync(join(tmpdir(), 'parallax-ner-'));
const asConll = (sents) => sents.map((s) => s.map(([w, t]) => `${w} ${t}`).join('\n')).join('\n\n');
const f1 = (out, label) => new RegExp(`^${label}:[^\\n]*F1 ([\\d.]+)`, 'm').exec(out)?.[1];
const precision = (out) => /^all: P ([\d.]+)/m.exec(out)?.[1];

for (const lang of languages) {
  const set = NER_SETS[lang];
  if (!existsSync(set.file)) { console.log(`no ${set.file}: ${lang} skipped`); continue; }
  const sentences = readConll(set.file);
  const metric = `ner_${lang}_${set.name}`;
  const shipped = modelFile(lang);
  // Before: the English model on the whole file.
  useModelFile('en', MODEL_FILE);
  const english = score('ner-score.mjs', [tmpFile(`${lang}-en.conll`, tagConll(asConll(sentences), (t) => recogniseEntities(t, 'en')))]);
  // A language without a model: what the conservative path keeps ("xx" has none).
  const without = score('ner-score.mjs', [tmpFile(`${lang}-xx.conll`, tagConll(asConll(sentences), (t) => recogniseEntities(t, 'xx')))]);
  const parts = [];
  for (let k = 0; k < folds; k++) {
    const out = join(dir, `${lang}-${k}.bin`);
    const r = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'scripts', 'train-ner.mjs'), `--lang=${lang}`, `--heldout=${k}/${folds}`, `--out=${out}`, ...(models ? [`--models=${models}`] : [])], { encoding: 'utf8', cwd: root });
    if (r.status !== 0) throw new Error(`training ${lang} fold ${k} failed: ${r.stderr}`);
    useModelFile(lang, out);
    parts.push(tagConll(asConll(sentences.filter((s) => foldOf(s.doc, folds) === k)), (t) => recogniseEntities(t, lang)));
  }
  const held = score('ner-score.mjs', [tmpFile(`${lang}-heldout.conll`, parts.join('\n\n'))]);
  console.log(`${metric}_heldout_f1\t${f1(held, 'all')}`);
  for (const type of ['PER', 'ORG', 'LOC', 'MISC']) if (!/gold 0,/.test(new RegExp(`^${type}:.*$`, 'm').exec(held)?.[0] ?? 'gold 0,')) console.log(`${metric}_heldout_${type.toLowerCase()}_f1\t${f1(held, type)}`);
  console.log(`${metric}_english_model_f1\t${f1(english, 'all')}`);
  // Text in another script keeps nothing there: no precision to speak of, the count says so.
  const kept = Number(/^all:.*pred (\d+)/m.exec(without)?.[1] ?? 0);
  console.log(`${metric}_without_model_spans\t${kept}`);
  if (kept) console.log(`${metric}_without_model_precision\t${precision(without)}`);
  // Cost: the shipped model against the English one, on the same sentences as text (best of 3, CPU time).
  useModelFile(lang, shipped);
  const texts = sentences.map((s) => s.map((t) => t[0]).join(' '));
  const tokens = sentences.reduce((n, s) => n + s.length, 0);
  const speed = (l) => {
    recogniseEntities(texts[0], l);
    let best = Infinity;
    for (let r = 0; r < 3; r++) { const c0 = process.cpuUsage(); for (const t of texts) recogniseEntities(t, l); const c = process.cpuUsage(c0); best = Math.min(best, (c.user + c.system) / 1e6); }
    return tokens / best;
  };
  const own = speed(lang);
  const en = speed('en');
  console.log(`${metric}_tokens_per_cpu_second\t${Math.round(own)}`);
  console.log(`${metric}_cost_vs_english\t${(en / own).toFixed(2)}`);
}
