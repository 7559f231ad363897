/**
 * Sentence splitting with character offsets. Handles abbreviations (U.S., Gen., Dec.), initials,
 * decimals, ellipses, and quotation marks that close after the full stop. A sentence ends at a
 * full stop, question or exclamation mark or ellipsis (with any closing quotes and brackets after
 * it) that a space and a capital, digit or opening quote follow; after a title ("Gen.") or an
 * initial it never does, after an abbreviation that can close a sentence ("U.S.") only when a
 * word that typically opens one follows. Blocks are paragraphs, separated by blank lines.
 *
 * @module
 */
import type { Sentence } from './types.js';

/** Titles before a name: a full stop after them never ends a sentence. */
const TITLES = new Set(
  ('mr mrs ms dr prof gen col lt sgt capt cmdr adm gov sen rep rev st no vs fig approx dept est ' +
    'jan feb mar apr jun jul aug sep sept oct nov dec mon tue wed thu fri sat sun i.e e.g').split(' '),
);
/** Abbreviations that may also close a sentence ("He works for the U.S. He lives…"). */
const ABBREVIATIONS = new Set('co corp inc ltd jr sr etc u.s u.k u.n e.u a.m p.m'.split(' '));
/** Words that open sentences and rarely follow an abbreviation inside one. */
const SENTENCE_STARTERS = new Set(
  'He She It They We I The This That These Those There But And However Meanwhile In On At A An His Her Their Its Our'.split(' '),
);

/** The full stops, question and exclamation marks of Chinese and Japanese (。！？｡), by code. */
const FULL_WIDTH_STOPS = new Set([0x3002, 0xff01, 0xff1f, 0xff61]);
/** What may follow such a stop in the same sentence: more stops, closing quotes and brackets. */
const FULL_WIDTH_RUN = /[。！？｡!?"”’»)\]」』）》]/;
/** The question mark of Arabic script, the Urdu full stop and the Devanagari danda (؟۔।), followed by a space. */
const CASELESS_STOPS = new Set([0x61f, 0x6d4, 0x964]);

export function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  let block = 0;
  let start = 0;
  const push = (end: number) => {
    let s = start;
    let e = end;
    while (s < e && /\s/.test(text[s])) s++;
    while (e > s && /\s/.test(text[e - 1])) e--;
    if (e > s) out.push({ start: s, end: e, text: text.slice(s, e), block });
    start = end;
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '\n' && text[i + 1] === '\n') {
      push(i);
      while (text[i + 1] === '\n') i++;
      start = i + 1;
      block++;
      continue;
    }
    // Every character passes here: those below Arabic script are told apart without a lookup.
    const code = ch.charCodeAt(0);
    if (code >= 0x600 && FULL_WIDTH_STOPS.has(code)) {
      // Chinese and Japanese end a sentence with a stop of their own and no space after it.
      let j = i + 1;
      while (j < text.length && FULL_WIDTH_RUN.test(text[j])) j++;
      push(j);
      i = j - 1;
      continue;
    }
    if (ch !== '.' && ch !== '!' && ch !== '?' && ch !== '…' && !(code >= 0x600 && CASELESS_STOPS.has(code))) continue;
    // Run on through closing quotes and brackets and repeated marks.
    let j = i + 1;
    while (j < text.length && /[.!?…"”’»)\]]/.test(text[j])) j++;
    if (j < text.length && !/\s/.test(text[j])) continue;
    // The next sentence must start with a capital, a digit or an opening quote; or a letter of a
    // script without case (Arabic, Hebrew, Devanagari), which has no capital to show.
    let k = j;
    while (k < text.length && text[k] === ' ') k++;
    if (k < text.length && text[k] !== '\n' && !/[\p{Lu}\p{Lo}\d"“‘«„(\[]/u.test(text[k])) continue;
    if (ch === '.') {
      const word = /([\p{L}.]+)$/u.exec(text.slice(Math.max(0, i - 12), i))?.[1] ?? '';
      const w = word.toLowerCase().replace(/\.$/, '');
      if (TITLES.has(w) || /^\p{Lu}$/u.test(word)) continue;
      // "U.S.", "p.m." and "Inc." may end a sentence: they do when a word that starts sentences follows.
      if (ABBREVIATIONS.has(w) || /^(\p{L}\.)+\p{L}$/u.test(word)) {
        const next = /^\s+([\p{L}]+)/u.exec(text.slice(j, j + 20))?.[1] ?? '';
        if (!SENTENCE_STARTERS.has(next)) continue;
      }
    }
    push(j);
    i = j - 1;
  }
  push(text.length);
  return out;
}
