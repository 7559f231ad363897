/**
 * How common a word or phrase is in general English: the prior of the wording comparison. Word
 * counts come from data/background-words.tsv (built by scripts/build-background.mjs from SUBTLEXus
 * word counts), read once on first use; the table has no phrase counts, so a phrase is estimated
 * from its words as if they were independent, never above its rarest word.
 *
 * @module
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { SortedLines } from '../../lang/sorted-lines.js';

/**
 * `word<TAB>count` lines sorted by word (searched in place, see `lang/sorted-lines.ts`), after `#`
 * comment lines of which one, `#tokens<TAB>N`, gives the number of tokens counted.
 */
export const BACKGROUND_FILE = fileURLToPath(new URL('../../../data/background-words.tsv', import.meta.url));

/**
 * The `#tokens` line of the file's header (its first few hundred bytes), read on import without
 * the table: {@link BACKGROUND_SIZE} is a constant that callers read directly.
 */
function headerTokens(file: string): number {
  const fd = openSync(file, 'r');
  const head = Buffer.alloc(4096);
  const n = readSync(fd, head, 0, head.length, 0);
  closeSync(fd);
  const m = /^#tokens\t(\d+)$/m.exec(head.toString('utf8', 0, n));
  if (!m) throw new Error(`${file}: no #tokens line in its header`);
  return Number(m[1]);
}

/** Tokens the background counts come from (the table itself is read on first use). */
export const BACKGROUND_SIZE = headerTokens(BACKGROUND_FILE);

let table: SortedLines | null = null;

/** The count of a folded word, or undefined when the table lacks it. */
function count(w: string): number | undefined {
  const value = (table ??= SortedLines.fromFile(BACKGROUND_FILE)).get(w);
  return value === undefined ? undefined : Number(value);
}

function unigram(w: string): number {
  // A word the table lacks was seen fewer than four times (see build-background.mjs): assume one.
  return (count(w) ?? 1) / BACKGROUND_SIZE;
}

/** How often a folded word occurs in the background, per million words. */
export function perMillion(word: string): number {
  return ((count(word) ?? 0) * 1e6) / BACKGROUND_SIZE;
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
  return Math.max(Math.min(p, rarest), 1 / BACKGROUND_SIZE);
}
