#!/usr/bin/env node
// Quotations in Russian on ADAQ (../shared/eval/multilingual/adaq-ru.jsonl: 208 single sentences,
// 100 with a quotation, cue/source/content spans), scored with quote-score.mjs (a quotation is
// found when a prediction covers more than 30 % of its content; the speaker is right when its
// span overlaps the annotated source). The sentences come without their articles, so names are
// tagged from the sentence alone (with the Russian tagger where there is one).
// Usage: node --import tsx scripts/eval-quotes-multilingual.mjs
import { readFileSync } from 'node:fs';
import { requireShared, score, tmpFile } from './lib-eval.mjs';

const file = requireShared('eval', 'multilingual', 'adaq-ru.jsonl');
const { findQuotes } = await import('../src/enrich/quotes/index.ts');
const ner = await import('../src/enrich/ner/index.ts');
const rows = readFileSync(file, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
// quote-score keys records by `article`; ADAQ's are source files of several sentences each.
const gold = rows.map((r) => ({ ...r, article: r.sentence_id }));
const entitiesOf = (text) => ner.recogniseEntities(text, 'ru');
const pred = gold.map((r) => ({
  article: r.article,
  quotes: findQuotes(r.text, entitiesOf(r.text), { language: 'ru' }).map((q) => ({ start: q.start, end: q.end, direct: q.direct, speaker: q.speaker && { start: q.speaker.start, end: q.speaker.end } })),
}));
const out = score('quote-score.mjs', [tmpFile('gold.jsonl', gold.map((g) => JSON.stringify(g)).join('\n')), tmpFile('pred.jsonl', pred.map((p) => JSON.stringify(p)).join('\n'))]);
const line = out.split('\n').find((l) => l.startsWith('all @0.3')) ?? '';
const num = (re) => re.exec(line)?.[1];
console.log(`quotes_ru_adaq_precision_at_0.3\t${num(/P ([\d.]+)/)}`);
console.log(`quotes_ru_adaq_recall_at_0.3\t${num(/R ([\d.]+)/)}`);
console.log(`quotes_ru_adaq_f1_at_0.3\t${num(/F1 ([\d.]+)/)}`);
console.log(`quotes_ru_adaq_speaker_right_at_0.3\t${num(/speaker ([\d.]+)%/)}%`);
