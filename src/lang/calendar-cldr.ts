/**
 * Each language's calendar words from the CLDR data the runtime ships (Intl.DateTimeFormat,
 * Intl.RelativeTimeFormat): what {@link ./calendar.ts} keeps as data for the news languages
 * (`scripts/build-intl-data.mjs` writes them), and asks the runtime for any other language.
 *
 * @module
 */

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

function partOf(lang: string, options: Intl.DateTimeFormatOptions, date: Date, type: 'month' | 'weekday'): string {
  const p = new Intl.DateTimeFormat(lang, { ...options, timeZone: 'UTC' }).formatToParts(date).find((x) => x.type === type);
  return (p?.value ?? '').toLowerCase();
}

/** Whether the runtime has locale data for `lang`; false for a malformed tag (from an input's "language"). */
function supported(lang: string): boolean {
  try {
    return Intl.DateTimeFormat.supportedLocalesOf([lang]).length > 0;
  } catch {
    return false;
  }
}

/** The runtime's calendar words of `lang`, or null when it has none for it. */
export function calendarWordsFromRuntime(lang: string): CalendarWords | null {
  let cal: CalendarWords | null = null;
  if (supported(lang)) {
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
  return cal;
}

