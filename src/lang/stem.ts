/**
 * The analysis's English stemmer, for comparing sentences, quoted statements and wording:
 *
 * - {@link stem}: a light stemmer in the manner of Porter's first steps on a word folded by
 *   {@link foldToken} (case, diacritics, curly apostrophes);
 * - {@link statementStem}: the same after an irregular past form is taken to its base ("won" →
 *   "win", data/lang/LANG/irregular-verbs.tsv), so that "has not won" and "did not win" meet.
 *
 * Grouping does not use these: it folds suffixes with `lightStem` (fold.ts), by which its
 * tuned weights and background counts are keyed.
 *
 * @module
 */
import { foldToken } from './fold.js';
import { wordPairs } from './lists.js';

const STEM_CACHE = new Map<string, string>();

/**
 * A light English stemmer in the manner of Porter's first steps: plurals, possessives, -ing, -ed,
 * -ly, -ment, -ness, -ation, -ise/-ize. Enough to meet "agreed"/"agree", "talks"/"talk",
 * "prioritise"/"prioritize". The word is folded first ({@link foldToken}).
 */
export function stem(word: string): string {
  const hit = STEM_CACHE.get(word);
  if (hit !== undefined) return hit;
  let w = foldToken(word).replace(/'s$|'$/, '').replace(/[.']/g, '');
  if (/^\d/.test(w)) w = w.replace(/,/g, '');
  else if (w.length > 3) {
    w = w.replace(/-/g, '');
    w = w
      .replace(/(?:isation|ization)s?$/, 'ize')
      .replace(/(?:ational)$/, 'ate')
      .replace(/ies$/, 'y')
      .replace(/sses$/, 'ss')
      .replace(/([^su])s$/, '$1')
      .replace(/(\w{3,})(?:ingly|edly)$/, '$1')
      .replace(/(\w{3,})ing$/, '$1')
      .replace(/(\w{3,})ed$/, '$1')
      .replace(/(\w{3,}(?:al|ful|ous|ive|ent|ant|ate|ed|ic|ar|ous|less))ly$/, '$1')
      .replace(/(\w{4,})(?:ment|ness)$/, '$1')
      .replace(/(\w{3,})(?:ation|ition)$/, '$1')
      .replace(/(\w{3,})is(e)?$/, '$1iz')
      .replace(/(\w{3,})iz(e)?$/, '$1iz')
      .replace(/([^aeiou])\1$/, '$1')
      .replace(/(\w{3,})e$/, '$1')
      .replace(/(\w{2,})y$/, '$1i');
  }
  if (STEM_CACHE.size > 200_000) STEM_CACHE.clear();
  STEM_CACHE.set(word, w);
  return w;
}

/**
 * The stem of a lower-case word of a quoted statement: an irregular past form to its base first
 * (data/lang/LANG/irregular-verbs.tsv: "won" → "win"), then {@link stem}.
 */
export function statementStem(word: string, lang = 'en'): string {
  return stem(wordPairs(lang, 'irregular-verbs').get(word) ?? word);
}
