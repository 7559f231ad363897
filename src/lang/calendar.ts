/**
 * Calendar words of every language, from the CLDR data the runtime ships (Intl): each language's
 * month names (standalone "сентябрь", in a date "30 сентября", short "сент."), weekday names, and
 * its words for yesterday and today; and month names of all the news languages read back to the
 * month's number, so that a date written in any language is one term for grouping. Built on first
 * use; nothing is read from files.
 *
 * @module
 */
import { LOCALES } from './countries.js';

/** The calendar words of one language, lower case. */
export interface CalendarWords {
  /** Forms of each month (standalone, in a date, abbreviated), by month 0–11. */
  months: string[][];
  /** Forms of each weekday, Sunday first (Chinese and Japanese also the short one: 周二). */
  weekdays: string[][];
  /** Whether the language writes weekdays with a capital (German, Turkish). */
  weekdayCapitalised: boolean;
  /** "yesterday" and "today", or none where CLDR has only digits ("in 1 day"). */
  yesterday: string | null;
  today: string | null;
}

/** Languages written without spaces, whose short weekday names cannot be mistaken for a word. */
const SPACELESS = new Set(['zh', 'ja']);

const languages = new Map<string, CalendarWords | null>();

function partOf(lang: string, options: Intl.DateTimeFormatOptions, date: Date, type: 'month' | 'weekday'): string {
  const p = new Intl.DateTimeFormat(lang, { ...options, timeZone: 'UTC' }).formatToParts(date).find((x) => x.type === type);
  return (p?.value ?? '').toLowerCase();
}

/** The runtime's calendar words of `lang`, or null when it has none for it. */
export function calendarWords(lang: string): CalendarWords | null {
  if (languages.has(lang)) return languages.get(lang)!;
  let cal: CalendarWords | null = null;
  if (Intl.DateTimeFormat.supportedLocalesOf([lang]).length) {
    const months = Array.from({ length: 12 }, (_, m) => {
      const d = new Date(Date.UTC(2021, m, 3));
      const forms = [partOf(lang, { month: 'long' }, d, 'month'), partOf(lang, { day: 'numeric', month: 'long' }, d, 'month'), partOf(lang, { month: 'short' }, d, 'month')];
      return [...new Set(forms.filter((f) => f && !/\d/.test(f)))];
    });
    // 2021-01-03 was a Sunday.
    const weekdays = Array.from({ length: 7 }, (_, w) => {
      const d = new Date(Date.UTC(2021, 0, 3 + w));
      const forms = [partOf(lang, { weekday: 'long' }, d, 'weekday')];
      if (SPACELESS.has(lang)) forms.push(partOf(lang, { weekday: 'short' }, d, 'weekday'));
      return [...new Set(forms.filter(Boolean))];
    });
    const rel = new Intl.RelativeTimeFormat(lang, { numeric: 'auto' });
    const word = (n: number) => {
      const w = rel.format(n, 'day').toLowerCase();
      return /\d/.test(w) ? null : w;
    };
    const capital = new Intl.DateTimeFormat(lang, { weekday: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2021, 0, 5)));
    cal = { months, weekdays, weekdayCapitalised: /^\p{Lu}/u.test(capital), yesterday: word(-1), today: word(0) };
    // A locale CLDR does not know falls back to another's names or to numbers: none then.
    if (months.some((f) => !f.length) || months[0][0] === months[1][0]) cal = null;
  }
  languages.set(lang, cal);
  return cal;
}

let table: Map<string, number> | null = null;

function build(): Map<string, number> {
  const t = new Map<string, number>();
  for (const locale of LOCALES) {
    const cal = calendarWords(locale);
    if (!cal) continue;
    cal.months.forEach((forms, m) => {
      for (const form of forms) {
        const w = form.replace(/\.$/, '');
        // Two letters say nothing; a name two months share (none should) keeps the first.
        if (w.length >= 3 && !t.has(w)) t.set(w, m + 1);
      }
    });
  }
  return t;
}

/** The month (1–12) a lower-case word names in any language, or 0. */
export function monthOf(word: string): number {
  table ??= build();
  return table.get(word) ?? 0;
}
