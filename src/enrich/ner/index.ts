/**
 * Named-entity recognition: the trained tagger in models/ner/ over a tokenizer that keeps each
 * token's character offsets, so that spans point into the article text. Without the model file,
 * the rule-based recogniser stands in (and says so once on stderr).
 *
 * @module
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { EntitySpan, EntityType } from '../types.js';
import type { NerModel } from './perceptron.js';
import { decodeModel } from './model-file.js';
import { recogniseByRules } from './rules.js';
import { repairSpans } from './repair.js';

export const MODEL_FILE = fileURLToPath(new URL('../../../models/ner/model.bin', import.meta.url));

export interface Token {
  text: string;
  start: number;
  end: number;
}

/** Abbreviations that keep their full stop, as the training data writes them ("Mr.", "Corp."). */
const ABBREVIATIONS = ['Mr', 'Mrs', 'Ms', 'Dr', 'Prof', 'Gen', 'Lt', 'Col', 'Sgt', 'Capt', 'Maj', 'Adm', 'Gov', 'Sen', 'Rep', 'Rev', 'St', 'Jr', 'Sr', 'Inc', 'Corp', 'Ltd', 'Co', 'Jan', 'Feb', 'Aug', 'Sept', 'Sep', 'Oct', 'Nov', 'Dec', 'vs']
  .sort((a, b) => b.length - a.length)
  .map((a) => `(?<![\\p{L}.])${a}`)
  .join('|');

// Web addresses named as outlets ("FactCheck.org"); initials and abbreviations with their dots; the number of a list item at the start of a line
// ("3. Smith"); numbers with a sign or a leading point (+48, .496); runs of dashes and dots; a clitic after a space ("Brell 's", as CoNLL writes
// it); words and numbers, joined across hyphens, apostrophes and ampersands, and across . , : /
// before a digit (1,500; 3.5; 1996-08-31; 10-year-old; AT&T); any other mark alone.
const TOKEN = new RegExp(
  `[\\p{L}\\p{N}][\\p{L}\\p{N}-]*\\.(?:com|org|net|gov|edu|info|io)(?![\\p{L}\\p{N}])|(?:\\p{L}\\.){2,}|(?:${ABBREVIATIONS})\\.(?=\\s)|(?<![^\\n])\\d{1,3}\\.(?=\\s)|(?<![\\p{L}\\p{N}.])[+.]\\d+(?:[.,]\\d+)*|-{2,}|\\.{2,}|\\p{Lu}\\.(?=\\s+\\p{Lu})|['’](?:s|S|re|ve|ll|d|m)(?![\\p{L}\\p{N}])|[\\p{L}\\p{N}]+(?:(?:[-'’&]|[.,:/](?=\\p{N}))[\\p{L}\\p{N}]+)*|\\S`,
  'gu',
);

/**
 * Tokens as CoNLL-2003 has them: words (with inner hyphens, apostrophes and dots of initials and
 * abbreviations), numbers, the possessive 's apart, and each punctuation mark on its own.
 */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  const re = TOKEN;
  for (const m of text.matchAll(re)) {
    let t = m[0];
    let start = m.index!;
    // "Brell's" → "Brell" + "'s", as in the training data.
    const n = t.length;
    if (n > 3 && (t[n - 1] === 's' || t[n - 1] === 'S') && (t[n - 2] === "'" || t[n - 2] === '’')) {
      out.push({ text: t.slice(0, n - 2), start, end: start + n - 2 });
      start += n - 2;
      t = t.slice(n - 2);
    }
    out.push({ text: t, start, end: start + t.length });
  }
  return out;
}

let model: NerModel | null | undefined;

function loadModel(): NerModel | null {
  if (model !== undefined) return model;
  if (!existsSync(MODEL_FILE)) {
    process.stderr.write(`parallax: no named-entity model at ${MODEL_FILE}; using rules (train one with scripts/train-ner.mjs)\n`);
    return (model = null);
  }
  model = decodeModel(readFileSync(MODEL_FILE));
  return model;
}

/** IOB2 tags for tokens as given (CoNLL evaluation); null without a model. */
export function tagTokens(words: string[]): string[] | null {
  const m = loadModel();
  return m ? m.tag(words.map(asTrained)) : null;
}

/** The training data writes quotes as ASCII; typographic ones are mapped for the features only. */
const asTrained = (t: string) => (TYPOGRAPHIC.test(t) ? t.replace(/[“”„«»]/g, '"').replace(/[‘’]/g, "'").replace(/[–—]/g, '-') : t);
const TYPOGRAPHIC = /[“”„«»‘’–—]/;

const OPENS_SENTENCE = /^\p{Lu}/u;
const QUOTE = /^["“”'‘’«»„]$/;

/**
 * Named entities in `text` (people, organisations, places and other names), with character
 * offsets into it. Works on article text as written: curly quotes, dashes, names in any script
 * with capitals, headlines in capitals. Synchronous; the model loads on the first call.
 */
export function recogniseEntities(text: string): EntitySpan[] {
  const m = loadModel();
  if (!m) return recogniseByRules(text);
  const spans: EntitySpan[] = [];
  // Tag sentence by sentence (the model's unit); a blank line or a full stop before a capital ends one.
  for (const para of text.matchAll(/[^\n]+/g)) {
    const toks = tokenize(para[0]).map((t) => ({ ...t, start: t.start + para.index!, end: t.end + para.index! }));
    let from = 0;
    for (let i = 0; i <= toks.length; i++) {
      const next = toks[i + 1]?.text ?? '';
      const end = i === toks.length || (/^[.!?]$/.test(toks[i].text) && (OPENS_SENTENCE.test(next) || (QUOTE.test(next) && OPENS_SENTENCE.test(toks[i + 2]?.text ?? ''))));
      if (!end) continue;
      const sent = toks.slice(from, i === toks.length ? i : i + 1);
      from = i + 1;
      if (!sent.length) continue;
      const tags = m.tag(sent.map((t) => asTrained(t.text)));
      let cur: { start: number; end: number; type: EntityType } | null = null;
      const close = () => {
        if (cur) spans.push({ start: cur.start, end: cur.end, type: cur.type, text: text.slice(cur.start, cur.end) });
        cur = null;
      };
      tags.forEach((tag, k) => {
        if (tag === 'O') return close();
        const type = tag.slice(2) as EntityType;
        if (tag.startsWith('B-') || !cur || cur.type !== type) { close(); cur = { start: sent[k].start, end: sent[k].end, type }; }
        else cur.end = sent[k].end;
      });
      close();
    }
  }
  return harmonise(repairSpans(text, spans, (w) => m.caseRatio(w)));
}

/**
 * One name, one type within a text: a surname alone that the tagger typed otherwise takes the
 * type of the full name it ends ("Tomas Brell" … "Brell said", tagged a place); and a name
 * written three times or more takes the type most of its occurrences have (two thirds at least).
 */
function harmonise(spans: EntitySpan[]): EntitySpan[] {
  const surnames = new Set<string>();
  for (const s of spans) if (s.type === 'PER' && /\s/.test(s.text)) surnames.add(s.text.split(/\s+/).pop()!);
  const typed = spans.map((s) => (s.type !== 'PER' && surnames.has(s.text) ? { ...s, type: 'PER' as EntityType } : s));
  const votes = new Map<string, Map<EntityType, number>>();
  for (const s of typed) {
    const v = votes.get(s.text) ?? new Map<EntityType, number>();
    v.set(s.type, (v.get(s.type) ?? 0) + 1);
    votes.set(s.text, v);
  }
  return typed.map((s) => {
    const v = votes.get(s.text)!;
    if (v.size < 2) return s;
    const total = [...v.values()].reduce((a, b) => a + b, 0);
    const [top, n] = [...v].sort((a, b) => b[1] - a[1])[0];
    return total >= 3 && 3 * n >= 2 * total && top !== s.type ? { ...s, type: top } : s;
  });
}
