/**
 * Countries named in any language: the region names that Intl.DisplayNames (ICU's CLDR data,
 * shipped with Node) gives in each locale, long and short, read back to the region's code, so that
 * "Germany", "Deutschland", "Германии", "ألمانيا" and "德国" are all `DE`. Nothing is read from
 * files: the table is built on first use (some 20,000 names, a few tens of milliseconds).
 *
 * Words are matched whole, or, in languages that inflect names (see {@link inflects}), as a name's
 * stem followed by a short ending ("Германии", "Almanya'nın", "Almaniyada"). Arabic words are read
 * without the article and the one-letter words written onto them. Han text is scanned for the
 * names as substrings, longest first, since it has no spaces.
 *
 * @module
 */

/** Locales whose region names are read: the languages of most of the world's news. */
export const LOCALES = [
  'en', 'de', 'fr', 'es', 'it', 'pt', 'nl', 'sv', 'da', 'nb', 'fi', 'pl', 'cs', 'sk', 'sl', 'hr', 'sr', 'bs', 'hu',
  'ro', 'bg', 'ru', 'uk', 'be', 'el', 'tr', 'az', 'kk', 'uz', 'ka', 'hy', 'ar', 'fa', 'ur', 'he', 'hi', 'bn',
  'id', 'ms', 'vi', 'th', 'zh', 'ja', 'ko', 'sw', 'lt', 'lv', 'et', 'ca', 'sq', 'mk',
];

/** Languages whose nouns take endings, where a name's stem with a short ending still names it. */
const INFLECTING = new Set(['ru', 'uk', 'be', 'bg', 'pl', 'cs', 'sk', 'sl', 'hr', 'sr', 'bs', 'hu', 'fi', 'et', 'lt', 'lv', 'tr', 'az', 'kk', 'uz', 'ka', 'hy', 'el', 'de', 'ro', 'ar', 'fa']);

/** Whether names in `lang` take endings (Russian "Германии", Turkish "Almanya'da"). */
export function inflects(lang: string): boolean {
  return INFLECTING.has(lang);
}

/** Least letters of a stem matched with an ending: shorter stems begin too many other words. */
const MIN_STEM = 4;
/** Most letters of an ending after a stem. */
const MAX_ENDING = 4;

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
function stemOf(w: string): string {
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

interface Table {
  /** One-word names, whole. */
  words: Map<string, string>;
  /** One-word names' stems, for inflected forms. */
  stems: Map<string, string>;
  /** Names of several words by their first word: the rest of the words and the code. */
  phrases: Map<string, { rest: string[]; code: string }[]>;
  /** Han names, and their longest length. */
  han: Map<string, string>;
  hanMax: number;
}

let table: Table | null = null;

function build(): Table {
  const t: Table = { words: new Map(), stems: new Map(), phrases: new Map(), han: new Map(), hanMax: 0 };
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
          if (name.length >= 2 && !t.han.has(name)) {
            t.han.set(name, code);
            t.hanMax = Math.max(t.hanMax, name.length);
          }
          continue;
        }
        const words = (name.match(/[\p{L}\p{M}'’]+/gu) ?? []).map(countryForm);
        if (!words.length) continue;
        if (words.length === 1) {
          const w = words[0];
          if (w.length < 3) continue;
          if (!t.words.has(w)) t.words.set(w, code);
          const s = stemOf(w);
          if (s.length >= MIN_STEM && !t.stems.has(s)) t.stems.set(s, code);
        } else {
          const list = t.phrases.get(words[0]) ?? [];
          if (!list.some((p) => p.code === code && p.rest.join(' ') === words.slice(1).join(' '))) list.push({ rest: words.slice(1), code });
          t.phrases.set(words[0], list);
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
      if (!name || /\s/.test(name)) continue;
      if (/^\p{Script=Han}+$/u.test(name)) continue;
      const w = countryForm(name);
      if (w.length < 4) continue;
      if (!t.words.has(w)) t.words.set(w, code);
      const s = stemOf(w);
      if (s.length >= MIN_STEM && !t.stems.has(s)) t.stems.set(s, code);
    }
  }
  // Longest phrases first, so that "South Sudan" is not read as "Sudan".
  for (const list of t.phrases.values()) list.sort((a, b) => b.rest.length - a.rest.length);
  return t;
}

function tableOf(): Table {
  return (table ??= build());
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
