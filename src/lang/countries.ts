/**
 * Countries named in any language: the region names that Intl.DisplayNames (ICU's CLDR data,
 * shipped with Node) gives in each locale, long and short, read back to the region's code, so that
 * "Germany", "Deutschland", "Германии", "ألمانيا" and "德国" are all `DE`. The table (some 20,000
 * names) is built from the runtime by {@link ./countries-cldr.ts} once, in
 * `scripts/build-intl-data.mjs`, and read here from data/lang/intl/countries.json on first use:
 * asking ICU for every name in every locale took a tenth of a second of each process's start.
 *
 * Words are matched whole, or, in languages that inflect names (see {@link inflects}), as a name's
 * stem followed by a short ending ("Германии", "Almanya'nın", "Almaniyada"). Arabic words are read
 * without the article and the one-letter words written onto them. Han text is scanned for the
 * names as substrings, longest first, since it has no spaces.
 *
 * @module
 */
import { readFileSync } from 'node:fs';
import { countryForm, MIN_STEM, stemOf, type CountryNames } from './countries-cldr.js';
import { LANG_DATA_DIR } from './lists.js';

export { countryForm, LOCALES } from './countries-cldr.js';

/** Languages whose nouns take endings, where a name's stem with a short ending still names it. */
const INFLECTING = new Set(['ru', 'uk', 'be', 'bg', 'pl', 'cs', 'sk', 'sl', 'hr', 'sr', 'bs', 'hu', 'fi', 'et', 'lt', 'lv', 'tr', 'az', 'kk', 'uz', 'ka', 'hy', 'el', 'de', 'ro', 'ar', 'fa']);

/** Whether names in `lang` take endings (Russian "Германии", Turkish "Almanya'da"). */
export function inflects(lang: string): boolean {
  return INFLECTING.has(lang);
}

/** Most letters of an ending after a stem. */
const MAX_ENDING = 4;

/** The file the table is kept in. */
export const COUNTRY_NAMES_FILE = `${LANG_DATA_DIR}intl/countries.json`;

/** A lookup over a parsed JSON object, without a Map made of it. */
class Lookup<T> {
  constructor(private readonly record: Record<string, T>) {}
  get(key: string): T | undefined {
    return Object.hasOwn(this.record, key) ? this.record[key] : undefined;
  }
  keys(): string[] {
    return Object.keys(this.record);
  }
}

/**
 * The parsed file, searched as parsed: copying its 14,000 names into Maps doubled the 7 ms
 * that parsing it takes.
 */
interface Table {
  words: Lookup<string>;
  stems: Lookup<string>;
  phrases: Lookup<{ rest: string[]; code: string }[]>;
  han: Lookup<string>;
  /** The longest Han name's length. */
  hanMax: number;
}

let table: Table | null = null;

function load(): Table {
  const raw = JSON.parse(readFileSync(COUNTRY_NAMES_FILE, 'utf8')) as CountryNames;
  const han = new Lookup(raw.han);
  let hanMax = 0;
  for (const name of han.keys()) hanMax = Math.max(hanMax, name.length);
  return { words: new Lookup(raw.words), stems: new Lookup(raw.stems), phrases: new Lookup(raw.phrases), han, hanMax };
}

function tableOf(): Table {
  return (table ??= load());
}

/**
 * The region codes of the countries named in `words` (already split, in text order), with
 * endings allowed when `inflected`; names of several words only when `phrasesOnly`. Returns
 * each code and the index of the word it starts at.
 */
export function countriesIn(words: readonly string[], inflected: boolean, phrasesOnly = false): { code: string; at: number }[] {
  const t = tableOf();
  const out: { code: string; at: number }[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = countryForm(words[i]);
    const phrases = t.phrases.get(w);
    if (phrases) {
      const hit = phrases.find((p) => p.rest.every((r, k) => {
        const other = words[i + 1 + k];
        return other !== undefined && (countryForm(other) === r || inflected && sameStem(countryForm(other), r));
      }));
      if (hit) {
        out.push({ code: hit.code, at: i });
        i += hit.rest.length;
        continue;
      }
    }
    if (phrasesOnly) continue;
    const code = countryOfWord(w, inflected);
    if (code) out.push({ code, at: i });
  }
  return out;
}

/** The region code of a country named by exactly these words (lower-cased), or null. */
export function countryOfPhrase(words: readonly string[], inflected: boolean): string | null {
  const hits = countriesIn(words, inflected, true);
  return hits.length === 1 && hits[0].at === 0 && tableOf().phrases.get(countryForm(words[0]))?.some((p) => p.code === hits[0].code && p.rest.length === words.length - 1) ? hits[0].code : null;
}

function sameStem(word: string, name: string): boolean {
  const s = stemOf(name);
  return s.length >= MIN_STEM && word.startsWith(s) && word.length - s.length <= MAX_ENDING;
}

/** The region code of one word already in {@link countryForm}, or null. */
export function countryOfWord(w: string, inflected: boolean): string | null {
  const t = tableOf();
  const exact = t.words.get(w);
  if (exact) return exact;
  if (!inflected) return null;
  for (let n = w.length - 1; n >= MIN_STEM && n >= w.length - MAX_ENDING; n--) {
    const code = t.stems.get(w.slice(0, n));
    if (code) return code;
  }
  return null;
}

/** The region codes of the countries named in a run of Han characters, longest names first. */
export function countriesInHan(run: string): string[] {
  const t = tableOf();
  const out: string[] = [];
  for (let i = 0; i < run.length; ) {
    let found = 0;
    for (let n = Math.min(t.hanMax, run.length - i); n >= 2; n--) {
      const code = t.han.get(run.slice(i, i + n));
      if (code) {
        out.push(code);
        found = n;
        break;
      }
    }
    i += found || 1;
  }
  return out;
}
