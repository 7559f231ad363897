/**
 * Coarse word classes for finding noun phrases: a lexicon of each word's most frequent class in a
 * tagged news corpus (data/word-classes.tsv, built by scripts/build-lexicon.mjs, read on first
 * use), and suffix rules for the rest. A unigram tagger: right for most words, enough to tell
 * "illegal war" (a name for something) from "Sybiha argued" (a clause).
 *
 * @module
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** `word<TAB>class` lines after `#` comment lines. */
export const LEXICON_FILE = fileURLToPath(new URL('../../../data/word-classes.tsv', import.meta.url));

/**
 * N noun, J adjective or participle used as one, V finite verb, G -ing form, R adverb,
 * D determiner, O anything else (prepositions, pronouns, conjunctions, numbers).
 */
export type WordClass = 'N' | 'J' | 'V' | 'G' | 'R' | 'D' | 'O';

/** Penn Treebank tag → coarse class. */
export function coarseClass(tag: string): WordClass {
  if (tag.startsWith('NN')) return 'N';
  if (tag.startsWith('JJ') || tag === 'VBN') return 'J';
  if (tag === 'VBG') return 'G';
  if (tag.startsWith('VB') || tag === 'MD') return 'V';
  if (tag.startsWith('RB')) return 'R';
  if (tag === 'DT' || tag === 'PDT') return 'D';
  return 'O';
}

/** The class a word's form suggests, for words the lexicon does not hold. */
export function guessClass(word: string): WordClass {
  if (/^\d/.test(word)) return 'O';
  if (/ly$/.test(word) && word.length > 4) return 'R';
  if (/ing$/.test(word) && word.length > 5) return 'G';
  if (/(?:ed|ous|ive|ful|less|able|ible|ic|ical|ian|ish|-\p{L}+ed)$/u.test(word) && word.length > 4) return 'J';
  return 'N';
}

let table: Map<string, WordClass> | null = null;

/** The class of a folded (lower-case) word. */
export function wordClass(word: string): WordClass {
  if (!table) {
    table = new Map();
    for (const line of readFileSync(LEXICON_FILE, 'utf8').split('\n')) {
      const tab = line.indexOf('\t');
      if (tab > 0 && line[0] !== '#') table.set(line.slice(0, tab), line.slice(tab + 1) as WordClass);
    }
  }
  let c = table.get(word);
  if (c === undefined) {
    c = guessClass(word);
    // Guesses are kept too: a story repeats its words. The table stays bounded.
    if (table.size < 200_000) table.set(word, c);
  }
  return c;
}
