/**
 * How each language writes numbers: its decimal mark, from CLDR (Node's ICU). Kept for the news
 * languages in data/lang/intl/numbers.json (`scripts/build-intl-data.mjs`): the first
 * Intl.NumberFormat of a process took some 15 ms, most of it ICU loading its number data, which
 * every story comparison and every grouping paid. Other languages are asked of the runtime.
 *
 * @module
 */
import { LANG_DATA_DIR, storedPerLanguage } from './lists.js';

/** The file the decimal marks are kept in. */
export const NUMBERS_FILE = `${LANG_DATA_DIR}intl/numbers.json`;

/** The decimal mark CLDR gives a language, "." or ","; null for an unknown language or another mark. */
export function decimalMarkFromRuntime(lang: string): string | null {
  if (!lang) return null;
  try {
    const part = new Intl.NumberFormat(lang, { numberingSystem: 'latn' }).formatToParts(1.5).find((p) => p.type === 'decimal')?.value;
    return part === '.' || part === ',' ? part : null;
  } catch {
    return null;
  }
}

/**
 * The decimal mark of a language (ISO 639-1), "." or ","; null for an unknown language or another
 * mark.
 */
export const decimalMark: (lang: string) => string | null = storedPerLanguage(NUMBERS_FILE, decimalMarkFromRuntime);
