/**
 * Named-entity recognition: the trained tagger in models/ner/ over a tokenizer that keeps each
 * token's character offsets, so that spans point into the article text. Without the model file,
 * the rule-based recogniser stands in (and says so once on stderr).
 *
 * Each language with a model of its own (English, Russian, German, Spanish) is tagged by it; each
 * model loads on the first text of its language. Text in another language gets only what the
 * English tagger finds that holds across languages (see {@link recogniseEntities}).
 *
 * @module
 */
import { compileAtOnce } from '../../lang/regexp.js';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { EntitySpan, EntityType } from '../types.js';
import type { NerModel } from './perceptron.js';
import { decodeModel } from './model-file.js';
import { recogniseByRules } from './rules.js';
import { recogniseChinese } from './chinese.js';
import { repairSpans } from './repair.js';
import { PLACES } from './gazetteer.js';
import { scriptOf } from '../../lang/identify.js';

/** The English model (CoNLL-2003). */
export const MODEL_FILE = fileURLToPath(new URL('../../../models/ner/model.bin', import.meta.url));

/** Languages with a model of their own; English is also the model for text of unknown language. */
export const NER_LANGUAGES: readonly string[] = ['en', 'ru', 'de', 'es'];

const modelFiles = new Map<string, string>(NER_LANGUAGES.map((l) => [l, l === 'en' ? MODEL_FILE : fileURLToPath(new URL(`../../../models/ner/${l}.bin`, import.meta.url))]));

/** The model file of a language with a model (models/ner/<lang>.bin; English: model.bin). */
export function modelFile(lang: string): string | undefined {
  return modelFiles.get(lang);
}

/**
 * Tags `lang` with the model in `file` from now on (evaluation: a model trained without the
 * held-out part). The model loads on the next call, as any other.
 */
export function useModelFile(lang: string, file: string): void {
  modelFiles.set(lang, file);
  models.delete(lang);
}

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
/** One token (global: searched for), as {@link tokenize} reads them. */
export const TOKEN = new RegExp(
  `[\\p{L}\\p{N}][\\p{L}\\p{N}-]*\\.(?:com|org|net|gov|edu|info|io)(?![\\p{L}\\p{N}])|(?:\\p{L}\\.){2,}|(?:${ABBREVIATIONS})\\.(?=\\s)|(?<![^\\n])\\d{1,3}\\.(?=\\s)|(?<![\\p{L}\\p{N}.])[+.]\\d+(?:[.,]\\d+)*|-{2,}|\\.{2,}|\\p{Lu}\\.(?=\\s+\\p{Lu})|['’](?:s|S|re|ve|ll|d|m)(?![\\p{L}\\p{N}])|[\\p{L}\\p{N}]+(?:(?:[-'’&]|[.,:/](?=\\p{N}))[\\p{L}\\p{N}]+)*|\\S`,
  'gu',
);

/**
 * Tokens as CoNLL-2003 has them: words (with inner hyphens, apostrophes and dots of initials and
 * abbreviations), numbers, the possessive 's apart, and each punctuation mark on its own.
 * Offsets count from `offset` (where `text` starts in a longer text).
 */
export function tokenize(text: string, offset = 0): Token[] {
  const out: Token[] = [];
  // Every alternative of TOKEN starts at a character that is not a space, and its last matches any
  // such character: so the tokens are found by skipping spaces and matching TOKEN at the next
  // character (sticky), which gives what a search would without a match array per token.
  const re = TOKEN_AT;
  for (let at = 0; ; ) {
    while (at < text.length && isSpace(text.charCodeAt(at))) at++;
    if (at >= text.length) break;
    re.lastIndex = at;
    if (!re.test(text)) { at++; continue; }
    const stop = re.lastIndex;
    let t = text.slice(at, stop);
    let start = at + offset;
    at = stop;
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

/** Compiled at once (`lang/regexp.ts`), as the grouping's token scanners are: every text is read with it. */
const TOKEN_AT = compileAtOnce(new RegExp(TOKEN.source, 'uy'));

/** What `\s` matches: ECMAScript's white space and line terminators. */
function isSpace(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

const models = new Map<string, NerModel | null>();

/** The model of a language that has one, loaded on first use; null when its file is missing. */
function loadModel(lang = 'en'): NerModel | null {
  const have = models.get(lang);
  if (have !== undefined) return have;
  const file = modelFiles.get(lang)!;
  if (!existsSync(file)) {
    process.stderr.write(`parallax: no named-entity model at ${file}; ${lang === 'en' ? 'using rules' : `no entities in ${lang} text`} (train one with scripts/train-ner.mjs${lang === 'en' ? '' : ` --lang=${lang}`})\n`);
    models.set(lang, null);
    return null;
  }
  const m = decodeModel(readFileSync(file));
  models.set(lang, m);
  return m;
}

/** The languages whose model has been loaded in this process (each loads on the first text that needs it). */
export function loadedModels(): string[] {
  return [...models].filter(([, m]) => m).map(([lang]) => lang);
}

/** IOB2 tags for tokens as given (CoNLL evaluation) by a language's model; null without one. */
export function tagTokens(words: string[], lang = 'en'): string[] | null {
  const m = modelFiles.has(lang) ? loadModel(lang) : null;
  return m ? m.tag(words.map(asTrained)) : null;
}

/**
 * Latin-script languages that capitalise every noun: the English tagger's guesses from capitals
 * mean nothing there ("Montag", "Regierung"), so without a model of their own they get no entities.
 */
const CAPITALISES_NOUNS = new Set(['de', 'lb']);

/** The language whose model tags text of `language` (English for English, unknown and model-less languages in Latin script), or null when none does. */
export function nerModelOf(language: string | null | undefined): string | null {
  return route(language)?.model ?? null;
}

/** Which model tags text of `language`: its own, English for English and unknown text, else none (see {@link recogniseEntities}). */
function route(language: string | null | undefined): { model: string; conservative: boolean } | null {
  const lang = language?.toLowerCase().split(/[-_]/)[0] || 'und';
  if (lang === 'und' || lang === 'en') return { model: 'en', conservative: false };
  if (modelFiles.has(lang)) return { model: lang, conservative: false };
  if (CAPITALISES_NOUNS.has(lang)) return null;
  return { model: 'en', conservative: true };
}

/** The training data writes quotes as ASCII; typographic ones are mapped for the features only. */
const asTrained = (t: string) => (TYPOGRAPHIC.test(t) ? t.replace(/[“”„«»]/g, '"').replace(/[‘’]/g, "'").replace(/[–—]/g, '-') : t);
const TYPOGRAPHIC = /[“”„«»‘’–—]/;

const OPENS_SENTENCE = /^\p{Lu}/u;
const QUOTE = /^["“”'‘’«»„]$/;
const SENTENCE_MARK = /^[.!?]$/;

/**
 * Named entities in `text` (people, organisations, places and other names), with character
 * offsets into it. Works on article text as written: curly quotes, dashes, names in any script
 * with capitals, headlines in capitals. Synchronous; a model loads on the first call that needs it.
 *
 * `language` (ISO 639-1, as the article's; unknown: English) chooses the model. A language
 * without one gets, for precision, only what holds across languages from the English tagger: a
 * person's name of two capitalised words or more, and a known place as the place list writes it
 * ("Paris", "New York"), in Latin script; a language that capitalises its nouns, or text in
 * another script, gets none.
 */
export function recogniseEntities(text: string, language?: string | null): EntitySpan[] {
  // Chinese names come from the dictionary (chinese.ts): the taggers read words between spaces.
  if (language?.toLowerCase().startsWith('zh')) return recogniseChinese(text);
  const r = route(language);
  if (!r) return [];
  const m = loadModel(r.model);
  if (!m) return r.model === 'en' && !r.conservative ? recogniseByRules(text) : [];
  if (r.conservative) return scriptOf(text) === 'Latn' ? tagText(text, m, 'en').filter(holdsAcrossLanguages) : [];
  return tagText(text, m, r.model);
}

const CAPITALISED = /^\p{Lu}[\p{L}\p{M}'’.-]*$/u;

/** A span of the English tagger that a text in another language keeps: a person's full name, or a known place, in Latin script. */
function holdsAcrossLanguages(s: EntitySpan): boolean {
  if (scriptOf(s.text) !== 'Latn') return false;
  if (s.type === 'PER') { const ws = s.text.split(/\s+/); return ws.length >= 2 && ws.every((w) => CAPITALISED.test(w)); }
  return s.type === 'LOC' && PLACES.has(s.text);
}

/** The spans a model finds in a text, sentence by sentence; English's repaired (repair.ts knows English only). */
function tagText(text: string, m: NerModel, lang: string): EntitySpan[] {
  const spans: EntitySpan[] = [];
  // Tag sentence by sentence (the model's unit); a blank line or a full stop before a capital ends one.
  for (const para of text.matchAll(/[^\n]+/g)) {
    const toks = tokenize(para[0], para.index!);
    let from = 0;
    for (let i = 0; i <= toks.length; i++) {
      const next = toks[i + 1]?.text ?? '';
      const end = i === toks.length || (SENTENCE_MARK.test(toks[i].text) && (OPENS_SENTENCE.test(next) || (QUOTE.test(next) && OPENS_SENTENCE.test(toks[i + 2]?.text ?? ''))));
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
  return harmonise(lang === 'en' ? repairSpans(text, spans, (w) => m.caseRatio(w)) : spans);
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
