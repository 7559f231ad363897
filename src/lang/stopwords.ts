/**
 * Stop words, by purpose: what counts as a word without content depends on what the words are for.
 *
 * - `function` (data/lang/LANG/stopwords.txt): function words, which carry no claim of their own;
 *   the analysis compares sentences, quoted statements and wording without them.
 * - `cluster` (stopwords-cluster.txt): words that tell one story from another not at all, which
 *   besides function words are verbs of saying, small numbers, days and common words of time;
 *   grouping reads the lists of every language a feed may mix (English, Malay and Indonesian).
 *
 * @module
 */
import { wordListOf } from './lists.js';

/** The stop lists, by purpose, and their file names. */
const FILES = { function: 'stopwords', cluster: 'stopwords-cluster' } as const;
export type StopList = keyof typeof FILES;

/** The languages whose lists grouping reads together: the languages a feed mixes. */
export const CLUSTER_STOP_LANGUAGES: readonly string[] = ['en', 'ms'];

/** The stop words of `list` in `langs` (one language or several), lower case; read on first use. */
export function stopwords(list: StopList = 'function', langs: string | readonly string[] = 'en'): ReadonlySet<string> {
  return wordListOf(typeof langs === 'string' ? [langs] : langs, FILES[list]);
}

/** Whether `word` (lower case) is a stop word of `list` in `lang`. */
export function isStopword(word: string, list: StopList = 'function', lang = 'en'): boolean {
  return stopwords(list, lang).has(word);
}
