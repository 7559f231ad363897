/**
 * How common a word or phrase is in general news: the prior of the wording comparison. Counts come
 * from background-data.ts (built by build-background.mjs); a phrase missing from the table is
 * estimated from its parts as if they were independent, never above what the table would have kept.
 *
 * @module
 */
import { BACKGROUND_COUNTS, BACKGROUND_TOKENS } from './background-data.js';

/** Counts below these were not kept when the table was built (see build-background.mjs). */
const MIN_UNIGRAM = 4;
const MIN_BIGRAM = 10;

/** Tokens the background counts come from. */
export const BACKGROUND_SIZE = BACKGROUND_TOKENS;

let table: Map<string, number> | null = null;

function counts(): Map<string, number> {
  if (table) return table;
  table = new Map();
  for (const line of BACKGROUND_COUNTS.split('\n')) {
    const tab = line.indexOf('\t');
    if (tab > 0) table.set(line.slice(0, tab), Number(line.slice(tab + 1)));
  }
  return table;
}

function unigram(w: string): number {
  const n = counts().get(w);
  // A word the table lacks was seen fewer than MIN_UNIGRAM times: assume one occurrence.
  return (n ?? 1) / BACKGROUND_TOKENS;
}

function bigram(a: string, b: string): number {
  const n = counts().get(`${a} ${b}`);
  if (n !== undefined) return n / BACKGROUND_TOKENS;
  return Math.min(unigram(a) * unigram(b), (MIN_BIGRAM - 1) / BACKGROUND_TOKENS, unigram(a), unigram(b));
}

/** The probability of a phrase of one to three folded words in general news. */
export function backgroundProbability(words: readonly string[]): number {
  if (words.length === 1) return unigram(words[0]);
  if (words.length === 2) return bigram(words[0], words[1]);
  // A longer phrase as a chain of overlapping pairs: p(ab) · p(bc) / p(b), capped by its parts.
  let p = bigram(words[0], words[1]);
  for (let i = 2; i < words.length; i++) p = Math.min(p, (p * bigram(words[i - 1], words[i])) / unigram(words[i - 1]), bigram(words[i - 1], words[i]));
  return p;
}
