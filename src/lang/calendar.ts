/**
 * Calendar words of every language: each language's month names (standalone "сентябрь", in a date
 * "30 сентября", short "сент."), weekday names, and its words for yesterday and today; and month
 * names of all the news languages read back to the month's number, so that a date written in any
 * language is one term for grouping. They come from the runtime's CLDR data
 * ({@link ./calendar-cldr.ts}); those of the news languages are kept in
 * data/lang/intl/calendar.json (`scripts/build-intl-data.mjs`), since asking ICU for them took a
 * fifth of a second of each process's start. Any other language is asked of the runtime.
 *
 * @module
 */
import { calendarWordsFromRuntime, type CalendarWords } from './calendar-cldr.js';
import { LOCALES } from './countries-cldr.js';
import { LANG_DATA_DIR, storedPerLanguage } from './lists.js';

export type { CalendarWords } from './calendar-cldr.js';

/** The file the news languages' calendar words are kept in. */
export const CALENDAR_FILE = `${LANG_DATA_DIR}intl/calendar.json`;

/** The calendar words of `lang`, or null when CLDR has none for it. */
export const calendarWords: (lang: string) => CalendarWords | null = storedPerLanguage(CALENDAR_FILE, calendarWordsFromRuntime);

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
