/**
 * Dated expressions in article text, resolved to calendar dates with the precision the text
 * gives: a year (1994), a season (summer 2023 → `2023`, the season kept in the text), a month
 * (March 2022, "in November"), a day (3 December 2024, 2024-12-03).
 *
 * A month-day without a year ("December 3") takes the year of the last full date the paragraph
 * gave, else the year that puts it nearest the publication date. Relative expressions are resolved
 * against the publication date: "the day before", "yesterday", "today", "tomorrow", "on Tuesday"
 * (the past Tuesday, or the coming one when the clause speaks of the future: "will", "is due to"),
 * "next year", "last month", "two days ago". A vague span ("last week") gives no date of its own:
 * the date that usually follows it ("last week, on November 28") does. Inside a quotation,
 * "tomorrow" is the speaker's, not the article's: relative expressions there are left out.
 *
 * chrono-node 2.10 was compared on the test cases: it finds month-days, weekdays, "the day
 * before", "two days ago", "this month" and ISO dates as these rules do, but misses bare years
 * ("in 1994", "since 2022") and seasons ("the summer of 2023"), reads "on Tuesday" without regard
 * to tense, and gives "last week" a day; with everything it finds covered here, these rules stand
 * on their own and no second parser runs over every article.
 *
 * @module
 */
import type { DateMention } from './types.js';

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTH_RE =
  '(January|February|March|April|May|June|July|August|September|October|November|December|Jan\\.?|Feb\\.?|Mar\\.?|Apr\\.?|Jun\\.?|Jul\\.?|Aug\\.?|Sept?\\.?|Oct\\.?|Nov\\.?|Dec\\.?)';
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const NUMBERS: Record<string, number> = { a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12 };
const DAY = 86_400_000;

const pad = (n: number) => String(n).padStart(2, '0');
const isoDay = (d: Date) => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
const isoMonth = (y: number, m: number) => {
  const d = new Date(Date.UTC(y, m, 1));
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}`;
};
const monthIndex = (m: string) => MONTHS.findIndex((x) => x.startsWith(m.toLowerCase().replace('.', '').slice(0, 3)));

/** Noon of the publication day, so that whole days can be added without time-zone slips. */
function base(published: string | null): Date | null {
  if (!published || !/^\d{4}-\d{2}-\d{2}/.test(published)) return null;
  return new Date(`${published.slice(0, 10)}T12:00:00Z`);
}

/** The year that puts a month(-day) nearest the reference date. */
function nearestYear(month: number, day: number, ref: Date | null): number | null {
  if (!ref) return null;
  const y = ref.getUTCFullYear();
  const candidates = [y - 1, y, y + 1].map((yy) => ({ yy, d: Math.abs(Date.UTC(yy, month, day, 12) - ref.getTime()) }));
  return candidates.sort((a, b) => a.d - b.d)[0].yy;
}

// Words before a bare four-digit number that make it a year ("in 1994", "since 2022", "2014 and 2022").
const YEAR_CONTEXT = /(?:\b(?:in|since|from|by|until|till|before|after|of|during|early|late|mid|between|around|through|year|summer|spring|autumn|fall|winter)\s+|\bmid-|\b(?:1[89]|20)\d{2}(?:\s+(?:and|or|to)\s+|\s*[–-]\s*))$/i;
// The clause speaks of what is to come.
const FUTURE = /\b(?:will|shall|'ll|is to|are to|is due to|are due to|is expected to|are expected to|plans? to|scheduled|set to)\b/i;

/** Where quotations stand, paragraph by paragraph: relative dates there are the speaker's. */
function quotedAt(text: string): (pos: number) => boolean {
  const spans: [number, number][] = [];
  const re = /“[^”\n]*(?:”|$)|«[^»\n]*(?:»|$)|"[^"\n]*(?:"|$)/gm;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) spans.push([m.index, m.index + m[0].length]);
  return (pos) => spans.some(([a, b]) => pos > a && pos < b);
}

export function findDates(text: string, published: string | null): DateMention[] {
  const ref = base(published);
  const out: DateMention[] = [];
  const taken: [number, number][] = [];
  const add = (start: number, end: number, date: string, relative: boolean) => {
    if (taken.some(([a, b]) => a < end && b > start)) return;
    taken.push([start, end]);
    out.push({ start, end, text: text.slice(start, end), date, relative });
  };
  let m: RegExpExecArray | null;

  // ISO dates: 2024-12-03
  const iso = /\b((?:19|20)\d{2})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])\b/g;
  while ((m = iso.exec(text))) add(m.index, m.index + m[0].length, m[0], false);

  // 3 December 2024 / December 3, 2024 / December 3 / 3 December
  const full = new RegExp(`\\b(?:(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH_RE}|${MONTH_RE}\\s+(\\d{1,2})(?:st|nd|rd|th)?)(?:,?\\s+(\\d{4}))?(?![\\p{L}\\d])`, 'gu');
  const yearOfParagraph: { at: number; year: number }[] = [];
  const days: { start: number; end: number; month: number; day: number; year: number | null }[] = [];
  while ((m = full.exec(text))) {
    const day = Number(m[1] ?? m[4]);
    const month = monthIndex(m[2] ?? m[3]);
    if (month < 0 || day < 1 || day > 31) continue;
    const year = m[5] ? Number(m[5]) : null;
    if (year) yearOfParagraph.push({ at: m.index, year });
    days.push({ start: m.index, end: m.index + m[0].length, month, day, year });
  }
  for (const d of days) {
    let year = d.year;
    let relative = false;
    if (!year) {
      // The year a paragraph already gave ("On 3 December 2021 … on December 5") holds for it.
      const paraStart = text.lastIndexOf('\n\n', d.start);
      const before = yearOfParagraph.filter((y) => y.at < d.start && y.at > paraStart).pop();
      year = before?.year ?? nearestYear(d.month, d.day, ref);
      relative = !before;
    }
    add(d.start, d.end, year ? `${year}-${pad(d.month + 1)}-${pad(d.day)}` : `--${pad(d.month + 1)}-${pad(d.day)}`, relative);
  }

  // Seasons and months of a year: "summer of 2023", "in March 2022"
  const season = new RegExp(`\\b(?:the\\s+)?(?:(?:early|late|mid-?)\\s*)?(spring|summer|autumn|fall|winter|${MONTH_RE})\\s+(?:of\\s+)?(\\d{4})\\b`, 'gi');
  while ((m = season.exec(text))) {
    const month = monthIndex(m[1]);
    const isSeason = /^(spring|summer|autumn|fall|winter)$/i.test(m[1]);
    add(m.index, m.index + m[0].length, isSeason || month < 0 ? m[3] : `${m[3]}-${pad(month + 1)}`, false);
  }

  // Bare years where the words around make them years: "in 1994", "since 2022", "2014 and 2022"
  const year = /\b(1[89]\d{2}|20\d{2})\b(?![-–]\d|,\d|\.\d)/g;
  while ((m = year.exec(text))) {
    const before = text.slice(Math.max(0, m.index - 24), m.index);
    const sentenceStart = /(?:^|[.!?]\s+|\n)$/.test(before) && /^\d{4},/.test(text.slice(m.index, m.index + 5));
    if (YEAR_CONTEXT.test(before) || sentenceStart) add(m.index, m.index + 4, m[1], false);
  }

  // A month without a day: "in November", "early December" (the nearest such month)
  const monthOnly = new RegExp(`\\b(?:in|since|by|until|from|early|late|mid-|of|during|last|next|this)\\s+${MONTH_RE}(?![\\p{L}])`, 'gu');
  while ((m = monthOnly.exec(text))) {
    const month = monthIndex(m[1]);
    if (month < 0 || !ref) continue;
    const start = m.index + m[0].indexOf(m[1]);
    const y = /^last/i.test(m[0]) ? (month >= ref.getUTCMonth() ? ref.getUTCFullYear() - 1 : ref.getUTCFullYear())
      : /^next/i.test(m[0]) ? (month <= ref.getUTCMonth() ? ref.getUTCFullYear() + 1 : ref.getUTCFullYear())
      : nearestYear(month, 15, ref)!;
    add(start, start + m[1].length, `${y}-${pad(month + 1)}`, true);
  }

  if (ref) {
    const quoted = quotedAt(text);
    const clauseOf = (pos: number) => {
      const from = Math.max(0, text.lastIndexOf('.', pos), text.lastIndexOf('\n', pos), pos - 120);
      const to = text.slice(pos).search(/[.;\n]/);
      return text.slice(from, to < 0 ? text.length : pos + to);
    };
    const y = ref.getUTCFullYear();
    const mo = ref.getUTCMonth();
    const rel: [RegExp, (mm: RegExpExecArray) => string | null][] = [
      [/\b(?:the day before|the previous day|yesterday)\b/gi, () => isoDay(new Date(ref.getTime() - DAY))],
      [/\b(?:today|this morning|this afternoon|this evening|tonight)\b/gi, () => isoDay(ref)],
      [/\b(?:tomorrow|the next day|the following day)\b/gi, () => isoDay(new Date(ref.getTime() + DAY))],
      [/\b(?:next|the coming) year\b/gi, () => String(y + 1)],
      [/\b(?:last|the previous|the past) year\b/gi, () => String(y - 1)],
      [/\bthis year\b/gi, () => String(y)],
      [/\bthis month\b/gi, () => isoMonth(y, mo)],
      [/\b(?:last|the previous|the past) month\b/gi, () => isoMonth(y, mo - 1)],
      [/\bnext month\b/gi, () => isoMonth(y, mo + 1)],
      [/\b(\d{1,2}|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve) (day|week|month|year)s? ago\b/gi, (mm) => {
        const n = NUMBERS[mm[1].toLowerCase()] ?? Number(mm[1]);
        const unit = mm[2].toLowerCase();
        if (unit === 'day') return isoDay(new Date(ref.getTime() - n * DAY));
        if (unit === 'week') return isoDay(new Date(ref.getTime() - 7 * n * DAY));
        if (unit === 'month') return isoMonth(y, mo - n);
        return String(y - n);
      }],
      [/\b(?:on|last|next|this|coming)?\s*(Sunday|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday)\b/g, (mm) => {
        const want = WEEKDAYS.indexOf(mm[1].toLowerCase());
        const today = ref.getUTCDay();
        const ahead = (want - today + 7) % 7;
        const behind = (today - want + 7) % 7;
        const words = mm[0].toLowerCase();
        // News speaks of the current week: the past such day, unless the text looks ahead.
        let shift: number;
        if (/next|coming/.test(words)) shift = ahead || 7;
        else if (/last/.test(words)) shift = -(behind || 7);
        else if (behind && FUTURE.test(clauseOf(mm.index))) shift = ahead;
        else shift = -behind;
        return isoDay(new Date(ref.getTime() + shift * DAY));
      }],
    ];
    for (const [re, f] of rel) {
      while ((m = re.exec(text))) {
        if (quoted(m.index)) continue;
        const date = f(m);
        const lead = m[0].length - m[0].trimStart().length;
        if (date) add(m.index + lead, m.index + m[0].length, date, true);
      }
    }
  }
  return out.sort((a, b) => a.start - b.start);
}
