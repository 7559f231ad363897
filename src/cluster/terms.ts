/**
 * Terms for comparing articles. News puts what an article is about first, so the title and the
 * lead count more than the tail. Four kinds of term:
 *
 * - words: lower-cased, stop words dropped, crude suffixes folded (`strikes` → `strike`);
 * - names (`@sarah palin`, `@palin`): capitalised phrases inside sentences, which is where people,
 *   places and organisations show; they are what tells one event from another of the same kind.
 *   A name of a few words also gives its initials as a word (`gm` from `General Motors`), which
 *   is how the acronym reads elsewhere;
 * - numbers (`#23`, `#7.6`): casualties, sums and dates differ between events of the same kind;
 * - Han text, which has no spaces, as character pairs (`地震` from `墨西哥地震`).
 *
 * A page saved as text with its chrome (menus, share buttons, other stories' headlines) counts
 * by its prose only (see {@link proseOf}).
 *
 * @module
 */

import { compileAtOnce } from '../lang/regexp.js';
import { nextAt } from './scan.js';
import { cedict, segment } from '../lang/cedict.js';
import { CLUSTER_STOP_LANGUAGES, stopwords } from '../lang/stopwords.js';
import { wordList, wordPairs } from '../lang/lists.js';
import { lightStem } from '../lang/fold.js';
import { nameKey } from '../lang/romanise.js';
import { snowballStemmer } from '../lang/snowball.js';
import { monthOf } from '../lang/calendar.js';
import { countryOfPhrase, countriesInHan, countryForm, countryOfWord, inflects } from '../lang/countries.js';
import { identifyLanguage } from '../lang/identify.js';
import { joinNumbers, normaliseNumber } from './anchors.js';
import { decimalMark } from '../lang/numbers.js';
import { wordChance } from './background.js';

/** Term → weighted count. */
export type TermVector = Map<string, number>;

/** What the term extraction found in one article. */
export interface DocTerms {
  terms: TermVector;
  /** Content words seen (before weighting): how much text there was to go on. */
  length: number;
}

/** Stop words of every language a feed mixes (data/lang/{en,ms}/stopwords-cluster.txt), read on first use. */
let STOP: ReadonlySet<string> | null = null;
/** Months, full and short ("May", "Sept"), which open no name. */
let MONTHS: ReadonlySet<string> | null = null;
/**
 * The commonest words of Malay and Indonesian news with their English (data/lang/ms/english.tsv),
 * so that a report in Malay meets one in English on more than names and numbers.
 */
let MALAY_ENGLISH: ReadonlyMap<string, string> | null = null;

function loadLists(): void {
  STOP = stopwords('cluster', CLUSTER_STOP_LANGUAGES);
  MONTHS = new Set([...wordList('en', 'months'), ...wordList('en', 'month-abbreviations')]);
  MALAY_ENGLISH = wordPairs('ms', 'english');
}

/** A light stemmer: enough to meet "strikes"/"strike"/"striking", "voted"/"vote", "stopped"/"stop" (see src/lang/fold.ts). */
export const fold = lightStem;

// A run of CJK script, or a word of any other script: "10分钟" is the number 10 and a Han run.
export const TOKEN = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]+|(?:[^\P{L}\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]|[\p{M}\p{N}])+(?:['’.,&-](?:[^\P{L}\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]|[\p{M}\p{N}])+)*/gu;
/** TOKEN at one place (sticky); see {@link nextToken}. Compiled at once (`lang/regexp.ts`): every article's terms are read with it. */
export const TOKEN_AT = compileAtOnce(new RegExp(TOKEN.source, 'uy'));
/**
 * Where the next token of `text` at or after `from` starts, with its end in `TOKEN_AT.lastIndex`;
 * -1 when there is none (see `scan.ts`).
 */
export const nextToken = (text: string, from: number): number => nextAt(TOKEN_AT, text, from);

const HAN = /^\p{Script=Han}/u;
const GLOSS_WORD = /[A-Za-z\u00c0-\u024f]+(?:['’-][A-Za-z\u00c0-\u024f]+)*/g;
const CJK = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const UPPER = /^\p{Lu}/u;
const DIGIT = /^\p{N}/u;

/**
 * Weight of the English gloss words of Chinese text against the zone's own weight: enough to
 * meet a report in another language, while the character pairs keep matching Chinese to Chinese.
 */
export const GLOSS_WEIGHT = 1.5;

/** The English of a Han run's dictionary words, as English text would give them (words and names). */
function addGlosses(out: TermVector, run: string, weight: number): void {
  const words = cedict();
  if (!words) return;
  if (!STOP) loadLists();
  const stop = STOP!;
  for (const { gloss } of segment(run, words)) {
    let phrase: string[] = [];
    const flush = (): void => {
      if (phrase.length > 1) bump(out, `@${phrase.join(' ')}`, weight);
      phrase = [];
    };
    for (const w of gloss.text.match(GLOSS_WORD) ?? []) {
      const lower = w.toLowerCase();
      if (gloss.name && UPPER.test(w) && !stop.has(lower)) {
        phrase.push(lower);
        bump(out, `@${lower}`, weight);
      } else flush();
      if (stop.has(lower) || lower.length < 3) continue;
      bump(out, fold(lower), weight);
    }
    flush();
  }
}

/**
 * The term of a one-word name: a country's code, whatever language names it (`&DE` for Germany,
 * Deutschland, Германии); else the name's phonetic key (`%slns` for Zelensky, Selenskyj,
 * Зеленского; see romanise.ts), which is where reports in other scripts and spellings meet it;
 * else the name itself. A key stands in for the name rather than beside it: beside it, a name
 * would count twice between two reports in one language.
 */
function nameTerm(lower: string, inflected: boolean): string {
  const cache = inflected ? NAME_TERMS_INFLECTED : NAME_TERMS;
  let term = cache.get(lower);
  if (term !== undefined) return term;
  const country = countryOfWord(countryForm(lower), inflected);
  // A word common in English ("Police" in a headline) is no name to spell in other scripts.
  const key = country ? null : wordChance(lower) < COMMON_NAME ? nameKey(lower) : null;
  term = country ? `&${country}` : key ? `%${key}` : `@${lower}`;
  // Names repeat from article to article: each is worked out once (the cache is bounded).
  if (cache.size >= NAME_CACHE) cache.clear();
  cache.set(lower, term);
  return term;
}

/** Term of each name word seen, for languages without endings and with them (see {@link nameTerm}). */
const NAME_TERMS = new Map<string, string>();
const NAME_TERMS_INFLECTED = new Map<string, string>();
const NAME_CACHE = 200_000;

/**
 * Chance in English (see background.ts) at and above which a capitalised word keeps its own term
 * instead of a phonetic key: such a word is common, not a name to be spelled in other scripts.
 */
const COMMON_NAME = 0.01;

/** Weight of a date against its zone's: as a number's, a date alone is weak evidence (many events fall on one day). */
const DATE_WEIGHT = 1;

function noMonth(): number {
  return 0;
}

// Constants, not literals in the loop: a literal makes a new object each time it is reached.
const STOP_MARKS = /[.!?:;"“”()\n]/;
const BLANK = /^[ \t]*$/;
const DOTS = /\./g;

/** A day and month in Han script: 9月30日. */
const HAN_DATE = /(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]/g;

const DAY = /^(\d{1,2})(?:st|nd|rd|th|er|e|\.)?$/;
/** The day of the month a number token can be ("30", "30th", "30."), or 0. */
function dayOf(raw: string): number {
  // A day is two digits and two letters at most: longer numbers ("2026", "1,500") need no match.
  if (raw.length > 4) return 0;
  const m = DAY.exec(raw);
  const d = m ? Number(m[1]) : 0;
  return d >= 1 && d <= 31 ? d : 0;
}

/**
 * The term of a day of a month, in whatever language and order it was written: a day on its own
 * is a small number like any other, with its month it names one date.
 */
function dateTerm(month: number, day: number): string {
  return `~${month}-${day}`;
}

/** Languages whose words are stemmed with their Snowball stemmer (see {@link termVector}). */
const STEMMED: ReadonlySet<string> = new Set(['ar']);

/** Letters (without the article and clitics) from which an Arabic word is keyed as a possible name. */
const ARABIC_NAME_LETTERS = 5;

/** Words of a name up to which its initials are a term too. */
const MAX_ACRONYM = 4;

/** The initials of a name's words, lower-cased as words are: `gm` for `general motors`. */
function initials(phrase: string[]): string {
  let out = '';
  for (const w of phrase) out += w[0];
  return out;
}

function bump(out: TermVector, t: string, w: number): void {
  out.set(t, (out.get(t) ?? 0) + w);
}

/** What the language of an article changes in reading it (see {@link termVector}). */
interface ZoneLanguage {
  /** Names take endings: a name's stem with a short ending is matched too. */
  inflected: boolean;
  /** The language's own stop words. */
  own: ReadonlySet<string> | null;
  stem: (word: string) => string;
  /** The language's decimal mark, null when not known. */
  decimal: string | null;
  /**
   * Prose, where digits apart by a space may be one number ("20 000") and a day beside a month a
   * date; not words of an address ("/2014/03/05/…-march-5").
   */
  prose: boolean;
  /** Words in lower case may name a country or a nationality: every known language but English and Malay. */
  lowerCountries: boolean;
}

/**
 * Adds the terms of one zone of text. `names` is false where capitals mark no names (a Title Case
 * headline capitalises every word).
 */
function addZone(out: TermVector, text: string, weight: number, names: boolean, zone: ZoneLanguage, dates = true): number {
  const { inflected, own, stem } = zone;
  // Without dates, no day or month is ever noted, so no date term is made.
  const monthOfWord = dates && zone.prose ? monthOf : noMonth;
  // Unknown language: English's decimal mark, the commonest in the collections grouped.
  const decimal = zone.decimal ?? '.';
  if (!STOP) loadLists();
  if (zone.prose) text = joinNumbers(text);
  // Han dates ("9月30日") as dates written in words are (see `dateTerm`).
  if (dates && zone.prose && text.includes("月")) for (const h of text.matchAll(HAN_DATE)) bump(out, dateTerm(Number(h[1]), Number(h[2])), weight * DATE_WEIGHT);
  /** The day (1–31) or the month of the token before, when it was one. */
  let day = 0;
  let month = 0;
  const stopWords = STOP!;
  const months = MONTHS!;
  const malayEnglish = MALAY_ENGLISH!;
  let count = 0;
  let phrase: string[] = [];
  let prevEnd = -1;
  const flush = (): void => {
    if (phrase.length > 1) {
      // A country named in several words ("United States", "Соединённые Штаты") by its code.
      const country = countryOfPhrase(phrase, inflected);
      bump(out, country ? `&${country}` : `@${phrase.join(' ')}`, weight);
      // Its initials, as the word an acronym gives ("General Motors" meets "GM"). Long runs
      // are seldom shortened so.
      if (phrase.length <= MAX_ACRONYM) bump(out, initials(phrase), weight);
    }
    phrase = [];
  };
  // The tokens one by one (each one's end is read before the body runs, which may look for tokens in other text).
  for (let start = nextToken(text, 0), tokenEnd = TOKEN_AT.lastIndex; start >= 0; start = nextToken(text, tokenEnd), tokenEnd = TOKEN_AT.lastIndex) {
    const raw = text.slice(start, tokenEnd);
    // Names run across plain spaces only: "Sarah Palin" is one, "Palin, Alaska" two. A single
    // space, by far the commonest gap, is settled without cutting it out.
    let afterStop: boolean;
    let plain: boolean;
    // A day written as an ordinal with a stop before its month ("30. September").
    let ordinal = false;
    if (prevEnd < 0) {
      afterStop = true;
      plain = true;
    } else if (start === prevEnd + 1 && text.charCodeAt(prevEnd) === 32) {
      afterStop = false;
      plain = true;
    } else {
      const between = text.slice(prevEnd, start);
      afterStop = STOP_MARKS.test(between);
      plain = BLANK.test(between);
      ordinal = day > 0 && between === '. ';
    }
    if (!plain && phrase.length) flush();
    prevEnd = start + raw.length;
    // ASCII needs no Unicode tables: no CJK there, and a digit is 0–9.
    const c0 = raw.charCodeAt(0);
    const ascii = c0 < 128;
    if (!ascii && CJK.test(raw)) {
      flush();
      day = 0;
      month = 0;
      count += raw.length;
      if (raw.length === 1) bump(out, raw, weight);
      for (let i = 0; i + 2 <= raw.length; i++) bump(out, raw.slice(i, i + 2), weight);
      if (HAN.test(raw)) {
        addGlosses(out, raw, weight * GLOSS_WEIGHT);
        for (const c of countriesInHan(raw)) bump(out, `&${c}`, weight);
      }
      continue;
    }
    if (ascii ? c0 >= 48 && c0 <= 57 : DIGIT.test(raw)) {
      flush();
      // Years and small counts alike: "19" on its own is weak, but idf decides that, not us.
      // A number alone is weak evidence (dates, counts and scores repeat everywhere): half weight.
      // Read to one form whatever the script and the separators (see anchors.ts).
      const n = normaliseNumber(raw, decimal);
      if (n !== null) bump(out, `#${n}`, weight * 0.5);
      else bump(out, raw.toLowerCase(), weight);
      count++;
      // A day of the month after its month ("September 30"); or before it, seen at the month.
      const d = dayOf(raw);
      if (d && month && plain) bump(out, dateTerm(month, d), weight * DATE_WEIGHT);
      day = plain || !month ? d : 0;
      month = 0;
      continue;
    }
    // A possessive 's and a final full stop go; the checks on the last characters spare most
    // words the regular expressions.
    let word = raw;
    const end = raw.length;
    const c1 = raw.charCodeAt(end - 2);
    if (raw.charCodeAt(end - 1) === 115 && (c1 === 39 || c1 === 0x2019)) word = raw.slice(0, end - 2);
    if (word.charCodeAt(word.length - 1) === 46) word = word.slice(0, -1);
    let lower = word.toLowerCase();
    if (lower.includes('.')) lower = lower.replace(DOTS, '');
    const w0 = word.charCodeAt(0);
    const capital = w0 < 128 ? w0 >= 65 && w0 <= 90 : UPPER.test(word);
    const stop = stopWords.has(lower) || own !== null && own.has(lower);
    // A month in any language after a day ("30 сентября", "30 Eylül"), or before one.
    const named = lower.length >= 3 ? monthOfWord(lower) : 0;
    if (named && day && (plain || ordinal)) bump(out, dateTerm(named, day), weight * DATE_WEIGHT);
    month = named;
    day = 0;
    // A nationality or a country in lower case, as languages other than English write the
    // adjective ("немецкий", "allemand"; see countries.ts).
    if (zone.lowerCountries && !capital && !stop && lower.length >= 4) {
      const country = countryOfWord(countryForm(lower), inflected);
      if (country) bump(out, `&${country}`, weight);
    }
    if (names && capital && !afterStop && !months.has(lower)) {
      if (!stop) {
        phrase.push(lower);
        bump(out, nameTerm(lower, inflected), weight);
      }
    } else if (phrase.length) {
      flush();
    }
    // Arabic has no capitals to mark names: its words are read for countries.
    if (c0 >= 0x600 && c0 < 0x700 && lower.length >= 3) {
      const country = countryOfWord(countryForm(lower), inflected);
      if (country) bump(out, `&${country}`, weight);
      else if (countryForm(lower).length >= ARABIC_NAME_LETTERS) {
        // Nor does it mark names: a long word, as foreign names written in it are, is keyed
        // too, so that the name meets its Latin or Cyrillic spelling.
        const key = nameKey(lower);
        if (key) bump(out, `%${key}`, weight);
      }
    }
    if (stop || lower.length < 3 && !(capital && word.length >= 2 && word === word.toUpperCase())) continue;
    count++;
    bump(out, stem(lower), weight);
    const english = malayEnglish.get(lower);
    if (english) bump(out, fold(english), weight);
  }
  flush();
  return count;
}

/** Words of a URL path that name the article ("/2014/03/sbarro-files-for-bankruptcy"). */
export function urlWords(url: string | null): string {
  if (!url) return '';
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return '';
  }
  const slugs = path.split('/').filter((p) => /[a-z]{3,}[-_][a-z]{2,}/i.test(p));
  return slugs.map((s) => s.replace(/\.\w+$/, '').replace(/[-_+]+/g, ' ')).join(' ');
}

/** Is this headline written in Title Case, where capitals say nothing about names? */
export function isTitleCase(title: string): boolean {
  const words = title.match(/\p{L}+/gu) ?? [];
  if (words.length < 3) return false;
  const capitalised = words.filter((w) => UPPER.test(w)).length;
  return capitalised >= words.length * 0.6;
}

/** Words at and above which a line reads as prose even without a closing stop (a cut sentence). */
const PROSE_WORDS = 16;

/** Least words of a line that closes a sentence, for it to count as prose. */
const SENTENCE_WORDS = 3;

/**
 * Words of prose (two or three sentences) enough to stand for a text without its other lines;
 * with less, the text is more likely a list or a brief than prose in chrome.
 */
const MIN_PROSE = 30;

/** Characters that close a sentence, and those that may follow the stop (quotes, brackets). */
const STOPS = new Set([...'.!?…:;。！？'].map((c) => c.charCodeAt(0)));
const CLOSERS = new Set([...'"\'”’»)]」』'].map((c) => c.charCodeAt(0)));

/**
 * The prose of a text, when it reads as a page saved with its chrome: its title (the first line)
 * and its lines that close a sentence or are long enough to be one. Chrome (menus, share buttons,
 * other stories' headlines, sign-up prompts) comes as short lines with no stop; its words, and the
 * names in it, would weigh as much as the report's, and in the lead more. A text is taken to carry
 * chrome only when such lines are at least as many as its prose lines: a report's own headline,
 * dateline or short quote, a few lines among many sentences, stay. With too little prose left (a
 * list, a brief), the text is kept whole.
 */
export function proseOf(text: string): string {
  if (text.indexOf('\n') < 0) return text;
  // A first pass only counts, allocating nothing: most texts are prose throughout.
  let kept = 0;
  let other = 0;
  for (let from = 0, first = true; from < text.length; ) {
    let to = text.indexOf('\n', from);
    if (to < 0) to = text.length;
    const words = countWords(text, from, to);
    if (words) {
      if (first || isProse(text, from, to, words)) kept++;
      else other++;
      first = false;
    }
    from = to + 1;
  }
  if (other < kept) return text;
  const lines: string[] = [];
  // A line met again is chrome too (a menu, a footer shown twice); a report does not repeat itself.
  const seen = new Set<string>();
  let prose = 0;
  for (const line of text.split('\n')) {
    const t = line.trim();
    if (!t || seen.has(t)) continue;
    const words = countWords(t, 0, t.length);
    if (!seen.size || isProse(t, 0, t.length, words)) {
      lines.push(t);
      prose += words;
    }
    seen.add(t);
  }
  return prose >= MIN_PROSE ? lines.join('\n') : text;
}

/**
 * Whether the line `s[from, to)` of `words` words reads as prose: long enough to be a sentence, or
 * closing one. "Contact us:", "Confidential tip?": a label or a prompt closes with a stop too, so
 * a closed line needs a few words.
 */
function isProse(s: string, from: number, to: number, words: number): boolean {
  if (words >= PROSE_WORDS) return true;
  if (words < SENTENCE_WORDS) return false;
  let i = to - 1;
  while (i > from && s.charCodeAt(i) <= 32) i--;
  while (i > from && CLOSERS.has(s.charCodeAt(i))) i--;
  return STOPS.has(s.charCodeAt(i));
}

/** Words of `s[from, to)`, each CJK character counting as one (that script has no spaces). */
function countWords(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = from, inWord = false; i < to; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x2e80) {
      n++;
      inWord = false;
      continue;
    }
    const space = c <= 32;
    if (!space && !inWord) n++;
    inWord = !space;
  }
  return n;
}

/**
 * The zones of an article, weighted: title 3, lead 2, the rest 1, cut off after `maxChars`; the
 * text's prose only (see {@link proseOf}).
 */
export function termVector(title: string | null, body: string, maxChars = 5000, lang = 0, prose = true): DocTerms {
  const terms: TermVector = new Map();
  let length = 0;
  const code = LANGUAGES[lang] ?? '';
  const zone: ZoneLanguage = {
    // Names take endings in some languages ("Германии"): their stems are matched there.
    inflected: inflects(code),
    // The language's own function words too (data/lang/LANG/stopwords-cluster.txt): in a collection
    // of many languages they are in few articles, and would weigh as names do.
    own: lang > 2 ? stopwords('cluster', code) : null,
    // Arabic writes its article, prepositions and pronouns onto the word: without its stemmer
    // hardly two forms of a word meet. Other languages keep the light fold, by which their
    // unstemmed forms still meet cognates in other languages (Snowball for German, French,
    // Spanish, Turkish and Russian measured no better on the multilingual set, worse for German
    // and Russian).
    stem: (STEMMED.has(code) ? snowballStemmer(code) : null) ?? fold,
    // "3.294" is a decimal in English and 3,294 in German: the language's own mark decides.
    decimal: decimalMark(code),
    prose,
    lowerCountries: lang > 2,
  };
  // A headline's date is no event's: "March 5" in a headline of a few words outweighs them and
  // meets every other headline of that day; the report's own text dates the event.
  if (title) length += addZone(terms, title, 3, !isTitleCase(title), zone, false);
  const text = proseOf(body);
  const lead = text.slice(0, 600);
  length += addZone(terms, lead, 2, true, zone);
  if (text.length > 600) length += addZone(terms, text.slice(600, maxChars), 1, true, zone);
  return { terms, length };
}

/**
 * Languages told apart for comparing across them; 0 when it cannot be told. English, Malay and
 * Chinese first (told by their function words and script); the others as the language layer
 * identifies them. A language not listed counts as unknown.
 */
export const LANGUAGES = ['', 'en', 'ms', 'zh', 'de', 'fr', 'es', 'it', 'pt', 'nl', 'pl', 'cs', 'ru', 'uk', 'bg', 'sr', 'el', 'tr', 'az', 'ar', 'fa', 'he', 'hi', 'id', 'vi', 'ja', 'ko', 'sv', 'da', 'nb', 'fi', 'hu', 'ro', 'hr'] as const;
const LANGUAGE_INDEX = new Map<string, number>(LANGUAGES.map((l, i) => [l, i]));

/** Different function words a text needs to be taken for English or Malay on them. */
const MIN_DISTINCT_MARKS = 4;

const HAN_CHARS = /\p{Script=Han}/gu;
const LETTERS = /\p{L}/gu;
const WORD_AT = /\p{L}+/uy;

/** Whether any UTF-16 unit of `s` is at or above `code`. */
function hasFrom(s: string, code: number): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) >= code) return true;
  return false;
}

/**
 * The language of an article, from its commonest function words (English against Malay and
 * Indonesian) or its share of Han characters; 0 (unknown) for a headline or little more, where
 * a few words prove nothing. Reports in different languages of one event share names, numbers
 * and glosses, not their wording, so their cosine is lower: the clusterer needs to know.
 */
export function languageOf(title: string | null, text: string): number {
  if (text.length < 100) return 0;
  const sample = `${title ?? ''}\n${text.slice(0, 3000)}`;
  // Counted by removing what is not counted: one pass each, no array of matches. Han starts at
  // U+2E80, so text with nothing from there up (most of it) has none to count.
  const han = hasFrom(sample, 0x2e80) ? sample.length - sample.replace(HAN_CHARS, '').length : 0;
  if (han >= 20 && han >= (sample.length - sample.replace(LETTERS, '').length) * 0.3) return 3;
  let en = 0;
  let ms = 0;
  // The commonest function words of each (data/lang/LANG/function-marks.txt).
  const englishMarks = wordList('en', 'function-marks');
  const malayMarks = wordList('ms', 'function-marks');
  const lower = sample.toLowerCase();
  // Distinct marks too: one word shared with another language ("in" in German) repeats, while
  // English text uses many of them.
  const distinct = new Set<string>();
  for (let at = nextAt(WORD_AT, lower, 0); at >= 0; ) {
    const end = WORD_AT.lastIndex;
    const word = lower.slice(at, end);
    at = nextAt(WORD_AT, lower, end);
    if (englishMarks.has(word)) en++;
    else if (malayMarks.has(word)) ms++;
    else continue;
    if (distinct.size < MIN_DISTINCT_MARKS) distinct.add(word);
  }
  if (en + ms >= 8 && distinct.size >= MIN_DISTINCT_MARKS) {
    if (en >= 3 * ms) return 1;
    if (ms >= 3 * en) return 2;
    return 0;
  }
  // Neither English nor Malay: the language layer's identifier, when it is sure.
  const guess = identifyLanguage(sample);
  return guess.confidence >= 0.5 ? LANGUAGE_INDEX.get(guess.lang) ?? 0 : 0;
}
