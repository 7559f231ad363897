#!/usr/bin/env node
// Claims aligned across languages, on NTREX (../shared/eval/multilingual/ntrex-dev.jsonl: each
// news document in ten languages, one sentence a line, line k the same sentence in every
// language). For each document, the English text and one other language's form one story of two
// articles; the story's claims that both carry pair one English sentence with one sentence of the
// other language. A pair is right when both sentences are the same line. Precision: right pairs
// among all pairs; recall: lines paired rightly among all lines. Per language and overall.
// Bars: precision ≥ 0.90, recall ≥ 0.60. Also given for firm pairs alone (tentative ones are shown apart),
// and, beside them, the claims paired between two different documents (see below).
// Usage: node --import tsx scripts/eval-alignment.mjs [--limit=N documents]; SHOW_WRONG=1 prints each wrong pair on stderr.
import { readFileSync } from 'node:fs';
import { requireShared } from './lib-eval.mjs';

const file = requireShared('eval', 'multilingual', 'ntrex-dev.jsonl');
const limit = Number(process.argv.find((a) => a.startsWith('--limit='))?.split('=')[1] ?? Infinity);
const { extractItem } = await import('../src/pipeline/index.ts');
const { fromRecord } = await import('../src/ingest/files.ts');
const { analyseStory } = await import('../src/analyse/index.ts');

const rows = readFileSync(file, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
// Documents by their story label: read here only to build the pairs, never by the system.
const docs = new Map();
for (const r of rows) {
  if (!docs.has(r.story)) docs.set(r.story, {});
  docs.get(r.story)[r.language] = r;
}
const article = (r, i) => {
  const x = extractItem(fromRecord({ id: `${r.id}`, title: r.title, text: r.text, source: `outlet-${r.language}-${i}`, language: r.language }, `ntrex:${r.id}`, null));
  if (!('article' in x)) throw new Error(`${r.id}: ${x.failure.error}`);
  return x.article;
};
/**
 * The line of the record's own text a sentence comes from: the line holding most of its pieces
 * (the sentence splitter may join the end of one line to the next, which holds the rest); -1 when
 * no line holds any, or two hold as many.
 */
const lineOf = (raw, sentence) => {
  const lines = raw.split('\n');
  const votes = new Array(lines.length).fill(0);
  for (let at = 0; at + 12 <= sentence.length; at += 6) {
    const piece = sentence.slice(at, at + 12);
    lines.forEach((l, i) => { if (l.includes(piece)) votes[i]++; });
  }
  const top = Math.max(...votes);
  return top > 0 && votes.filter((v) => v === top).length === 1 ? votes.indexOf(top) : -1;
};
const per = new Map();
let n = 0;
for (const doc of docs.values()) {
  if (n++ >= limit) break;
  const en = doc.en;
  if (!en) continue;
  const enLines = en.text.split('\n');
  for (const [lang, other] of Object.entries(doc)) {
    if (lang === 'en') continue;
    const a = article(en, 0);
    const b = article(other, 1);
    const story = analyseStory([a, b]);
    const s = per.get(lang) ?? { pairs: 0, right: 0, lines: 0, rightLines: new Set(), firmPairs: 0, firmRight: 0, firmLines: new Set() };
    s.lines += Math.min(enLines.length, other.text.split('\n').length);
    for (const c of story.claims ?? []) {
      const ea = c.sentences.filter((x) => x.article === a.id);
      const eb = c.sentences.filter((x) => x.article === b.id);
      if (!ea.length || !eb.length) continue;
      for (const x of ea) for (const y of eb) {
        s.pairs++;
        if (!c.tentative) s.firmPairs++;
        const la = lineOf(en.text, x.text);
        const lb = lineOf(other.text, y.text);
        if (la >= 0 && la === lb) {
          s.right++;
          s.rightLines.add(`${en.id}:${la}`);
          if (!c.tentative) { s.firmRight++; s.firmLines.add(`${en.id}:${la}`); }
        }
        else if (process.env.SHOW_WRONG) console.error(`WRONG ${lang}\n  ${x.text}\n  ${y.text}`);
      }
    }
    per.set(lang, s);
  }
}
// Pairs of different documents: the English of each against every other language of the next
// document (two documents of one event among them). No sentence of one is the translation of a
// sentence of the other: pairs between them rest on shared names and numbers, and none may come
// from taking the two for translations.
const list = [...docs.values()].slice(0, Math.min(docs.size, limit));
let apartPairs = 0, apartClaims = 0;
for (let k = 0; k < list.length && list.length > 1; k++) {
  const en = list[k].en;
  const next = list[(k + 1) % list.length];
  if (!en) continue;
  for (const [lang, other] of Object.entries(next)) {
    if (lang === 'en') continue;
    const story = analyseStory([article(en, 0), article(other, 1)]);
    apartPairs++;
    apartClaims += (story.claims ?? []).filter((c) => c.articles.length === 2).length;
  }
}
let P = 0, R = 0, L = 0, RL = 0, FP = 0, FR = 0, FL = 0;
for (const [lang, s] of [...per].sort()) {
  console.log(`alignment_${lang}_precision\t${s.pairs ? (s.right / s.pairs).toFixed(3) : 'n/a'} (${s.pairs} pairs)`);
  console.log(`alignment_${lang}_recall\t${(s.rightLines.size / s.lines).toFixed(3)}`);
  P += s.pairs; R += s.right; L += s.lines; RL += s.rightLines.size;
  FP += s.firmPairs; FR += s.firmRight; FL += s.firmLines.size;
}
// Firm pairs only: tentative ones are shown apart, as a reader sees them.
console.log(`alignment_firm_precision\t${FP ? (FR / FP).toFixed(3) : 'n/a'} (${FP} pairs)`);
console.log(`alignment_firm_recall\t${(FL / L).toFixed(3)}`);
console.log(`alignment_precision\t${P ? (R / P).toFixed(3) : 'n/a'} (${P} pairs)`);
console.log(`alignment_recall\t${(RL / L).toFixed(3)}`);
console.log(`alignment_apart_claims\t${apartClaims} (claims of two sentences between ${apartPairs} pairs of different documents)`);
