/**
 * Languages by their English names ("Russian" for ru), from CLDR (Node's ICU). Kept for the news
 * languages in data/lang/intl/language-names.json (`scripts/build-intl-data.mjs`): the first
 * Intl.DisplayNames of a process took some 11 ms of ICU loading, which every command that prints
 * an article (`parallax extract` of one page) paid. Other codes are asked of the runtime.
 *
 * @module
 */
import { LANG_DATA_DIR, storedPerLanguage } from './lists.js';

/** The file the English names of the news languages are kept in. */
export const LANGUAGE_NAMES_FILE = `${LANG_DATA_DIR}intl/language-names.json`;

let display: Intl.DisplayNames | null = null;

/** The English name CLDR gives a language tag (a valid BCP 47 tag), or null when it has none. */
export function englishLanguageNameFromRuntime(tag: string): string | null {
  display ??= new Intl.DisplayNames('en', { type: 'language', fallback: 'none' });
  try {
    return display.of(tag) ?? null;
  } catch {
    return null;
  }
}

/** The English name of a language tag (a valid BCP 47 tag, as `Intl.getCanonicalLocales` gives it), or null when CLDR has none. */
export const englishLanguageName: (tag: string) => string | null = storedPerLanguage(LANGUAGE_NAMES_FILE, englishLanguageNameFromRuntime);
