/**
 * Month names in every language, read back to the month's number: the names that Intl.DateTimeFormat
 * (ICU's CLDR data, shipped with Node) gives in each locale, standalone ("сентябрь"), in a date
 * ("30 сентября") and short ("sept."), so that a date written in any language is one term.
 * Built on first use; nothing is read from files.
 *
 * @module
 */
import { LOCALES } from './countries.js';

let table: Map<string, number> | null = null;

function build(): Map<string, number> {
  const t = new Map<string, number>();
  const add = (name: string, month: number): void => {
    const w = name.toLowerCase().replace(/\.$/, '');
    // Two letters or digits (zh "8月" as a short month) say nothing; a name two months share
    // (none should) keeps the first.
    if (w.length < 3 || /\d/.test(w) || t.has(w)) return;
    t.set(w, month);
  };
  for (const locale of LOCALES) {
    let long: Intl.DateTimeFormat;
    let short: Intl.DateTimeFormat;
    let inDate: Intl.DateTimeFormat;
    try {
      long = new Intl.DateTimeFormat(locale, { month: 'long', timeZone: 'UTC' });
      short = new Intl.DateTimeFormat(locale, { month: 'short', timeZone: 'UTC' });
      inDate = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', timeZone: 'UTC' });
    } catch {
      continue;
    }
    for (let m = 0; m < 12; m++) {
      const d = new Date(Date.UTC(2020, m, 15));
      add(long.format(d), m + 1);
      add(short.format(d), m + 1);
      const part = inDate.formatToParts(d).find((p) => p.type === 'month');
      if (part) add(part.value, m + 1);
    }
  }
  return t;
}

/** The month (1–12) a lower-case word names in any language, or 0. */
export function monthOf(word: string): number {
  table ??= build();
  return table.get(word) ?? 0;
}
