/**
 * How common a word or phrase is in general English: the prior of the wording comparison. Word
 * counts come from background-data.ts (built by build-background.mjs from SUBTLEXus word counts);
 * the table has no phrase counts, so a phrase is estimated from its words as if they were
 * independent, never above its rarest word.
 *
 * @module
 */
import { BACKGROUND_COUNTS, BACKGROUND_TOKENS } from './background-data.js';

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
  // A word the table lacks was seen fewer than four times (see build-background.mjs): assume one.
  return (counts().get(w) ?? 1) / BACKGROUND_TOKENS;
}

/** How often a folded word occurs in the background, per million words. */
export function perMillion(word: string): number {
  return ((counts().get(word) ?? 0) * 1e6) / BACKGROUND_TOKENS;
}

/** The probability of a phrase of folded words in general English. */
export function backgroundProbability(words: readonly string[]): number {
  let p = 1;
  let rarest = 1;
  for (const w of words) {
    const u = unigram(w);
    p *= u;
    rarest = Math.min(rarest, u);
  }
  // At least one occurrence in the background: the table cannot tell rarer.
  return Math.max(Math.min(p, rarest), 1 / BACKGROUND_TOKENS);
}
