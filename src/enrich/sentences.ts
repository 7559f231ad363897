/**
 * Sentence splitting with character offsets. Handles abbreviations (U.S., Gen., Dec.), initials,
 * decimals, ellipses, and quotation marks that close after the full stop.
 *
 * @module
 */
import type { Sentence } from './types.js';

/** Words after which a full stop does not end a sentence. */
const ABBREVIATIONS = new Set(
  ('mr mrs ms dr prof gen col lt sgt capt cmdr adm gov sen rep rev st jr sr co corp inc ltd no vs etc fig approx dept est ' +
    'jan feb mar apr jun jul aug sep sept oct nov dec mon tue wed thu fri sat sun u.s u.k u.n e.u a.m p.m i.e e.g').split(' '),
);

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
    if (ch !== '.' && ch !== '!' && ch !== '?' && ch !== '…') continue;
    // Run on through closing quotes and brackets and repeated marks.
    let j = i + 1;
    while (j < text.length && /[.!?…"”’»)\]]/.test(text[j])) j++;
    if (j < text.length && !/\s/.test(text[j])) continue;
    // The next sentence must start with a capital, a digit or an opening quote.
    let k = j;
    while (k < text.length && text[k] === ' ') k++;
    if (k < text.length && text[k] !== '\n' && !/[\p{Lu}\d"“‘«„(\[]/u.test(text[k])) continue;
    if (ch === '.') {
      const word = /([\p{L}.]+)$/u.exec(text.slice(Math.max(0, i - 12), i))?.[1] ?? '';
      const w = word.toLowerCase().replace(/\.$/, '');
      if (ABBREVIATIONS.has(w) || /^\p{Lu}$/u.test(word) || /^(\p{L}\.)+\p{L}$/u.test(word)) continue;
    }
    push(j);
    i = j - 1;
  }
  push(text.length);
  return out;
}
