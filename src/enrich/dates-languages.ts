/**
 * Dated expressions in languages other than English, with the names of months and weekdays and the
 * words for yesterday and today taken from the Unicode CLDR data built into the runtime (`Intl`),
 * so that every language the runtime knows is read the same way and no word list is kept by hand:
 *
 * - day, month name and year in the language's order: "3. Dezember 2024", "3 декабря 2024 года",
 *   "3 décembre 2024", "3 de diciembre de 2024", "3 Aralık 2024"; month name and year ("im
 *   Dezember 2024", "в декабре 2024"); a month name matches in any case ending the language gives
 *   it (декабрь, декабря, декабре), by the stem its CLDR forms share;
 * - numeric dates, day first as these languages write them: 03.12.2024, 3/12/2024;
 * - Chinese and Japanese 2024年12月3日, 12月3日, 2024年12月;
 * - a weekday ("am Dienstag", "во вторник", "mardi", "el martes"): the last such day up to the
 *   publication; "yesterday" and "today" in the language, from the publication date.
 *
 * A day without a year takes the publication's year, or the year before when that would put it
 * more than a week after the publication. Precision first: a bare number is never a year here
 * (only with a month, or as 2024年), and relative days inside quotation marks are the speaker's,
 * not the article's, so they are left out.
 *
 * @module
 */
import type { DateMention } from './types.js';
import { wordList } from '../lang/lists.js';
import { calendarWords, type CalendarWords } from '../lang/calendar.js';
import { quotedAt } from './quoted.js';

const DAY = 86_400_000;
const pad = (n: number) => String(n).padStart(2, '0');
const isoDay = (d: Date) => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;

/** A language's calendar words (lang/calendar.ts) with the stems that meet their case endings. */
interface Calendar extends CalendarWords {
  /** The stem a month's forms share, for case endings CLDR does not list. */
  stems: string[];
  weekdayStems: string[];
}

const calendars = new Map<string, Calendar | null>();

/** The common beginning of some words. */
function stemOf(forms: string[]): string {
  const words = forms.filter((f) => !f.endsWith('.'));
  if (!words.length) return '';
  // One form only: a final vowel is a case ending in the languages that decline (пятница → пятницу).
  if (words.length === 1) return /[aeiouyаеёиоуыэюяєії]$/u.test(words[0]) && words[0].length >= 5 ? words[0].slice(0, -1) : words[0];
  let s = words[0];
  for (const w of words) while (!w.startsWith(s)) s = s.slice(0, -1);
  return s;
}

/** The calendar words of `lang` with their stems, or null when the runtime has none for it. */
function calendar(lang: string): Calendar | null {
  if (calendars.has(lang)) return calendars.get(lang)!;
  const words = calendarWords(lang);
  const cal = words && { ...words, stems: words.months.map(stemOf), weekdayStems: words.weekdays.map(stemOf) };
  calendars.set(lang, cal);
  return cal;
}

/** Languages written without spaces: their month words stand next to digits (12月). */
const SPACELESS = new Set(['zh', 'ja']);

/** Which month a word names, by its CLDR forms or by their stem plus a case ending of up to two letters; -1 for none. */
function monthIn(cal: Calendar, word: string): number {
  const w = word.toLowerCase();
  for (let m = 0; m < 12; m++) if (cal.months[m].includes(w) || cal.months[m].includes(`${w}.`)) return m;
  for (let m = 0; m < 12; m++) {
    const s = cal.stems[m];
    if (s.length >= 3 && w.startsWith(s) && w.length - s.length <= 2) return m;
  }
  return -1;
}

function weekdayOf(cal: Calendar, word: string): number {
  const w = word.toLowerCase();
  for (let d = 0; d < 7; d++) {
    if (cal.weekdays[d].includes(w)) return d;
    const s = cal.weekdayStems[d];
    if (s.length >= 4 && w.startsWith(s) && w.length - s.length <= 2) return d;
  }
  return -1;
}

/** Noon of the publication day, so that whole days can be added without time-zone slips. */
function base(published: string | null): Date | null {
  if (!published || !/^\d{4}-\d{2}-\d{2}/.test(published)) return null;
  return new Date(`${published.slice(0, 10)}T12:00:00Z`);
}

/** A valid calendar day, or null (31 February). */
function day(y: number, m: number, d: number): string | null {
  if (m < 0 || m > 11 || d < 1 || d > 31) return null;
  const t = new Date(Date.UTC(y, m, d, 12));
  return t.getUTCMonth() === m ? isoDay(t) : null;
}

/** The year of a day given without one: the publication's, or the year before when the day would fall more than a week after it. */
function yearFor(m: number, d: number, ref: Date | null): number | null {
  if (!ref) return null;
  const y = ref.getUTCFullYear();
  return Date.UTC(y, m, d, 12) - ref.getTime() > 7 * DAY ? y - 1 : y;
}

const WORD = /[\p{L}\p{M}]+\.?/gu;

/** Dated expressions of a text in `lang` (see the module comment); none for a language the runtime has no calendar words for. */
export function findDatesIn(lang: string, text: string, published: string | null): DateMention[] {
  const cal = calendar(lang);
  const ref = base(published);
  const out: DateMention[] = [];
  const taken: [number, number][] = [];
  const add = (start: number, end: number, date: string | null, relative: boolean) => {
    if (!date || taken.some(([a, b]) => a < end && b > start)) return;
    taken.push([start, end]);
    out.push({ start, end, text: text.slice(start, end), date, relative });
  };
  let m: RegExpExecArray | null;

  const iso = /\b((?:19|20)\d{2})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])\b/g;
  while ((m = iso.exec(text))) add(m.index, m.index + m[0].length, m[0], false);

  // 2024年12月3日 / 12月3日 / 2024年12月
  const cjk = /(?:((?:19|20)\d{2})\s*年\s*)?(1[0-2]|0?[1-9])\s*月\s*(?:(3[01]|[12]\d|0?[1-9])\s*[日号])?/gu;
  while ((m = cjk.exec(text))) {
    const [, y, mo, d] = m;
    if (!y && !d) continue;
    const month = Number(mo) - 1;
    const year = y ? Number(y) : d ? yearFor(month, Number(d), ref) : null;
    if (year === null) continue;
    add(m.index, m.index + m[0].length, d ? day(year, month, Number(d)) : `${year}-${pad(month + 1)}`, !y);
  }

  // 03.12.2024 / 3/12/2024 (day first, as every language here writes it)
  const numeric = /(?<![\d.\/])(3[01]|[12]\d|0?[1-9])([./])(1[0-2]|0?[1-9])\2((?:19|20)\d{2})(?![\d.\/]\d)/g;
  while ((m = numeric.exec(text))) add(m.index, m.index + m[0].length, day(Number(m[4]), Number(m[3]) - 1, Number(m[1])), false);

  if (cal && !SPACELESS.has(lang)) {
    const words = [...text.matchAll(WORD)].map((w) => ({ start: w.index!, end: w.index! + w[0].length, text: w[0] }));
    for (let i = 0; i < words.length; i++) {
      const w = words[i];
      const month = monthIn(cal, w.text.replace(/\.$/, ''));
      if (month >= 0) {
        // A day before the month ("3. Dezember", "3 de diciembre", "1er mai"), a year after it ("2024", "de 2024", "2024 года").
        const before = /(?:^|[^\d.])((3[01]|[12]\d|0?[1-9])(?:\.|er|-?го)?\s+(?:de\s+)?)$/u.exec(text.slice(Math.max(0, w.start - 10), w.start));
        const wordEnd = w.end - (w.text.endsWith('.') ? 1 : 0);
        const after = /^\.?,?\s+(?:(?:de|del)\s+)?((?:19|20)\d{2})(?!\d)/u.exec(text.slice(wordEnd));
        const start = before ? w.start - before[1].length : w.start;
        const end = after ? wordEnd + after[0].length : wordEnd;
        if (before) {
          const d = Number(before[2]);
          const year = after ? Number(after[1]) : yearFor(month, d, ref);
          if (year !== null) add(start, end, day(year, month, d), !after);
        } else if (after) {
          // A month with a year, no day: but "Mai" alone or as a name's part is no date, so only with the year.
          add(w.start, end, `${after[1]}-${pad(month + 1)}`, false);
        }
        continue;
      }
      if (!ref) continue;
      const wd = weekdayOf(cal, w.text);
      // In a language that writes weekdays small, a capital one is a name's part unless it opens the sentence.
      const opensSentence = /(?:^|[.!?]\s+|\n\s*)$/.test(text.slice(Math.max(0, w.start - 4), w.start));
      if (wd >= 0 && (/^\p{Lu}/u.test(w.text) === cal.weekdayCapitalised || (!cal.weekdayCapitalised && opensSentence)) && !looksAhead(lang, text, w.start)) {
        const back = (ref.getUTCDay() - wd + 7) % 7;
        add(w.start, w.end, isoDay(new Date(ref.getTime() - back * DAY)), true);
      }
    }
  }

  if (ref && cal && SPACELESS.has(lang)) {
    // 星期二 / 周二: weekdays are found as they stand, with no spaces to mark words.
    for (let d = 0; d < 7; d++) {
      for (const form of cal.weekdays[d]) {
        for (let at = text.indexOf(form); at >= 0; at = text.indexOf(form, at + form.length)) {
          const back = (ref.getUTCDay() - d + 7) % 7;
          add(at, at + form.length, isoDay(new Date(ref.getTime() - back * DAY)), true);
        }
      }
    }
  }

  if (ref && cal) {
    const inQuote = quotedAt(text);
    const edge = SPACELESS.has(lang) ? ['', ''] : ['(?<![\\p{L}\\p{M}])', '(?![\\p{L}\\p{M}])'];
    for (const [phrase, shift] of [[cal.yesterday, -1], [cal.today, 0]] as const) {
      if (!phrase) continue;
      const re = new RegExp(`${edge[0]}${phrase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/['’]/g, "['’]")}${edge[1]}`, 'giu');
      while ((m = re.exec(text))) {
        if (inQuote(m.index)) continue;
        add(m.index, m.index + m[0].length, isoDay(new Date(ref.getTime() + shift * DAY)), true);
      }
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

/**
 * Does the clause around `at` speak of the future (data/lang/LANG/future-markers.txt)? Then its
 * weekday is not the last one. A clause ends at punctuation and at the words that open reported
 * speech ("se supo que … habrá": the weekday belongs to the first clause).
 */
function looksAhead(lang: string, text: string, at: number): boolean {
  const markers = wordList(lang, 'future-markers');
  if (!markers.size) return false;
  const opens = wordList(lang, 'speech-conjunctions');
  const left = text.slice(0, at).split(/[.,;:!?\n]/).pop()!.split(/[^\p{L}\p{M}]+/u);
  const right = text.slice(at).split(/[.,;:!?\n]/)[0].split(/[^\p{L}\p{M}]+/u);
  const clause: string[] = [];
  for (let i = left.length - 1; i >= 0 && !opens.has(left[i].toLowerCase()); i--) clause.push(left[i].toLowerCase());
  for (let i = 1; i < right.length && !opens.has(right[i].toLowerCase()); i++) clause.push(right[i].toLowerCase());
  return clause.some((w) => markers.has(w));
}
