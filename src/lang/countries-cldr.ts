/**
 * The table of country names behind {@link ../countries.ts}, built from the runtime's CLDR data
 * (Intl.DisplayNames): the region names each locale gives, long and short, and the nationality
 * adjectives that are a language's name ("German", "немецкий"), read back to the region's code.
 * Building it asks ICU for some 50,000 names (about 0.1 s), so it runs once, in
 * `scripts/build-intl-data.mjs`, and the result is kept as data (data/lang/intl/countries.json).
 *
 * @module
 */

/** Locales whose region names are read: the languages of most of the world's news. */
export const LOCALES = [
  'en', 'de', 'fr', 'es', 'it', 'pt', 'nl', 'sv', 'da', 'nb', 'fi', 'pl', 'cs', 'sk', 'sl', 'hr', 'sr', 'bs', 'hu',
  'ro', 'bg', 'ru', 'uk', 'be', 'el', 'tr', 'az', 'kk', 'uz', 'ka', 'hy', 'ar', 'fa', 'ur', 'he', 'hi', 'bn',
  'id', 'ms', 'vi', 'th', 'zh', 'ja', 'ko', 'sw', 'lt', 'lv', 'et', 'ca', 'sq', 'mk',
];

/** Least letters of a stem matched with an ending: shorter stems begin too many other words. */
export const MIN_STEM = 4;

const ARABIC_PREFIX = /^(?:[وفبلك]?ال|لل|[وفبلك](?=\p{L}{4}))/u;

/** A word as names are looked up: lower case, Arabic letter variants and prefixes folded. */
export function countryForm(word: string): string {
  let w = word.toLowerCase();
  const c0 = w.charCodeAt(0);
  if (c0 >= 0x600 && c0 < 0x700) {
    w = w.replace(/[أإآ]/g, 'ا').replace(/ة/g, 'ه').replace(/ى/g, 'ي').replace(ARABIC_PREFIX, '');
  }
  return w.replace(/['’]/g, '');
}

/** A name with its final vowels (and Arabic ta marbuta, alif) off: what endings are added to. */
export function stemOf(w: string): string {
  return w.replace(/[aeiouyıəäöüаяеёиыоуэюйьіїєαεηιουωاهي]+$/u, '');
}

/**
 * Languages whose name is also the adjective of one country's people and things ("German",
 * "немецкий"), with that country. Languages of many countries (English, Arabic, Spanish in the
 * Americas is still Spanish) or whose name is no adjective of a country are left out.
 */
const NATIONALITY: readonly (readonly [string, string])[] = [
  ['de', 'DE'], ['fr', 'FR'], ['ru', 'RU'], ['es', 'ES'], ['it', 'IT'], ['ja', 'JP'], ['zh', 'CN'], ['ko', 'KR'], ['tr', 'TR'],
  ['uk', 'UA'], ['pl', 'PL'], ['el', 'GR'], ['fa', 'IR'], ['pt', 'PT'], ['nl', 'NL'], ['sv', 'SE'], ['da', 'DK'], ['fi', 'FI'],
  ['hu', 'HU'], ['cs', 'CZ'], ['ro', 'RO'], ['bg', 'BG'], ['hr', 'HR'], ['sr', 'RS'], ['vi', 'VN'], ['th', 'TH'], ['ka', 'GE'],
  ['hy', 'AM'], ['az', 'AZ'], ['kk', 'KZ'], ['be', 'BY'], ['lt', 'LT'], ['lv', 'LV'], ['et', 'EE'], ['sk', 'SK'], ['sl', 'SI'],
  ['sq', 'AL'], ['mk', 'MK'],
];

/** Codes of countries that no longer exist (ISO 3166-3), whose names some locales give to today's. */
const RETIRED = new Set(['AN', 'BU', 'CS', 'DD', 'FX', 'NT', 'SU', 'TP', 'YD', 'YU', 'ZR']);

/** The table as stored: plain objects, so that it is one JSON file. */
export interface CountryNames {
  /** One-word names, whole → code. */
  words: Record<string, string>;
  /** One-word names' stems, for inflected forms → code. */
  stems: Record<string, string>;
  /** Names of several words by their first word: the rest of the words and the code, longest first. */
  phrases: Record<string, { rest: string[]; code: string }[]>;
  /** Han names → code. */
  han: Record<string, string>;
}

/** The country names of every locale in {@link LOCALES}, from the runtime's CLDR data. */
export function countryNamesFromRuntime(): CountryNames {
  const words = new Map<string, string>();
  const stems = new Map<string, string>();
  const phrases = new Map<string, { rest: string[]; code: string }[]>();
  const han = new Map<string, string>();
  const probe = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'code' });
  const codes: string[] = [];
  for (let a = 65; a < 91; a++) {
    for (let b = 65; b < 91; b++) {
      const c = String.fromCharCode(a, b);
      // Private-use and unknown regions (ZZ, QO…) name nothing one could meet in the news.
      if (c === 'ZZ' || c[0] === 'Q' || c[0] === 'X' && c !== 'XK' || RETIRED.has(c)) continue;
      if (probe.of(c) !== c) codes.push(c);
    }
  }
  const addWord = (w: string) => (code: string) => {
    if (!words.has(w)) words.set(w, code);
    const s = stemOf(w);
    if (s.length >= MIN_STEM && !stems.has(s)) stems.set(s, code);
  };
  for (const locale of LOCALES) {
    for (const style of ['long', 'short'] as const) {
      let names: Intl.DisplayNames;
      try {
        names = new Intl.DisplayNames([locale], { type: 'region', style, fallback: 'none' });
      } catch {
        continue;
      }
      for (const code of codes) {
        const name = names.of(code);
        if (!name) continue;
        if (/^\p{Script=Han}+$/u.test(name)) {
          if (name.length >= 2 && !han.has(name)) han.set(name, code);
          continue;
        }
        const parts = (name.match(/[\p{L}\p{M}'’]+/gu) ?? []).map(countryForm);
        if (!parts.length) continue;
        if (parts.length === 1) {
          if (parts[0].length >= 3) addWord(parts[0])(code);
        } else {
          const list = phrases.get(parts[0]) ?? [];
          if (!list.some((p) => p.code === code && p.rest.join(' ') === parts.slice(1).join(' '))) list.push({ rest: parts.slice(1), code });
          phrases.set(parts[0], list);
        }
      }
    }
  }
  // Nationality adjectives, where a language's name is one ("German", "немецкий", "allemand",
  // "الألمانية"): after the countries' own names, which win where both give a word.
  for (const locale of LOCALES) {
    let names: Intl.DisplayNames;
    try {
      names = new Intl.DisplayNames([locale], { type: 'language', fallback: 'none' });
    } catch {
      continue;
    }
    for (const [language, code] of NATIONALITY) {
      const name = names.of(language);
      if (!name || /\s/.test(name) || /^\p{Script=Han}+$/u.test(name)) continue;
      const w = countryForm(name);
      if (w.length >= 4) addWord(w)(code);
    }
  }
  // Longest phrases first, so that "South Sudan" is not read as "Sudan".
  for (const list of phrases.values()) list.sort((a, b) => b.rest.length - a.rest.length);
  return { words: Object.fromEntries(words), stems: Object.fromEntries(stems), phrases: Object.fromEntries(phrases), han: Object.fromEntries(han) };
}
