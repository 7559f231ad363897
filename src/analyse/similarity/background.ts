/**
 * How common a word or phrase is in general English: the prior of the wording comparison. Word
 * counts come from data/background-words.tsv (built by scripts/build-background.mjs from SUBTLEXus
 * word counts), read once on first use; the table has no phrase counts, so a phrase is estimated
 * from its words as if they were independent, never above its rarest word.
 *
 * @module
 */
import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * `word<TAB>count` lines, after `#` comment lines of which one, `#tokens<TAB>N`, gives the number
 * of tokens counted.
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

let table: Map<string, number> | null = null;

function counts(): Map<string, number> {
  if (table) return table;
  table = new Map();
  for (const line of readFileSync(BACKGROUND_FILE, 'utf8').split('\n')) {
    const tab = line.indexOf('\t');
    if (tab > 0 && line[0] !== '#') table.set(line.slice(0, tab), Number(line.slice(tab + 1)));
  }
  return table;
}

function unigram(w: string): number {
  // A word the table lacks was seen fewer than four times (see build-background.mjs): assume one.
  return (counts().get(w) ?? 1) / BACKGROUND_SIZE;
}

/** How often a folded word occurs in the background, per million words. */
export function perMillion(word: string): number {
  return ((counts().get(word) ?? 0) * 1e6) / BACKGROUND_SIZE;
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
