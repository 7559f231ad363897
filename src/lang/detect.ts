/**
 * Language identification for articles: the project's one identifier ({@link identifyLanguage} in
 * src/lang) under the names and answers the extractors use: a BCP 47 primary subtag or null.
 *
 * Measured against the declared `<html lang>` of the eval/aeb pages (`scripts/eval-aeb.mjs`,
 * `aeb_language_agreement`); where the two disagree the page's declaration is often the one that
 * is wrong (German pages declared `en`). Accuracy by language: `scripts/eval-language.mjs`.
 *
 * @module
 */

import { identifiableLanguages, identifyLanguage } from './identify.js';

/** Fewer letters than this prove nothing (a score line, a button label). */
const MIN_LETTERS = 20;
/** Below this confidence the answer is a guess (a table of names matching a few n-grams). */
const MIN_CONFIDENCE = 0.1;

function countLetters(text: string, enough: number): number {
  let n = 0;
  for (const _ of text.matchAll(/\p{L}/gu)) if (++n >= enough) break;
  return n;
}

/**
 * The language of `text` as a BCP 47 primary subtag (ISO 639-1), or null when the text is too
 * short or matches no language well. `confidence` is between 0 and 1.
 */
export function detectLanguage(text: string): { language: string | null; confidence: number } {
  const sample = text.length > 3000 ? text.slice(0, 3000) : text;
  if (countLetters(sample, MIN_LETTERS) < MIN_LETTERS) return { language: null, confidence: 0 };
  const { lang, confidence } = identifyLanguage(sample);
  if (lang === 'und' || confidence < MIN_CONFIDENCE) return { language: null, confidence };
  return { language: lang, confidence };
}

/** True when {@link detectLanguage} can recognise `language` (so its silence or disagreement means something). */
export function isDetectable(language: string): boolean {
  return identifiableLanguages().has(language);
}
