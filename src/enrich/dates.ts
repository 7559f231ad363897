/**
 * Dated expressions in article text, resolved to calendar dates with the precision the text
 * gives: a year (1994), a season (summer 2023 → `2023`, the season kept in the text), a month
 * (March 2022, "in November"), a day (3 December 2024, 2024-12-03).
 *
 * A month-day without a year ("December 3") takes the year of the last full date the paragraph
 * gave or of a year earlier in its sentence ("In 2019, on March 3"), else the last such day
 * before the publication when its clause is in the past tense, the next one when it looks ahead,
 * and the nearest one otherwise. Relative expressions are resolved against the publication date:
 * "the day before", "yesterday", "today", "tomorrow", "on Tuesday", "next year", "last month",
 * "two days ago". Spans counted from another date are resolved from it: "two days later" and
 * "the next day" from the date the text gave last, "exactly one month after the flood", "a day
 * after the report" and "the tenth anniversary of the flood" from their sentence's date (they
 * date the happening they name). A weekday is the past one unless the words that
 * govern it look ahead ("will vote on Thursday", "as early as Thursday"): the nearest tense
 * marker before it in its clause decides, else the nearest after it. A vague span ("last week",
 * "this week") is dated at the precision that holds all of it: its month when the whole week lies
 * in one month, else nothing; and nothing when a closer date follows it ("last week, on November
 * 28"). "The past year" is the twelve months to now, not a calendar year: no date. Inside a
 * quotation, "tomorrow" is the speaker's, not the article's: day-precise relative expressions
 * there are left out, while a month or a year ("this month", "last year") holds for the speaker
 * as for the article. A span of years ("from 2013 to 2022", "2013-2022") is no event: neither
 * end is dated. A month's abbreviation inside a hyphenated name ("Mar-a-Lago") is no month.
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
import { findDatesIn } from './dates-languages.js';
import { quotedAt } from './quoted.js';

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

/**
 * The year of a month(-day) given without one: the last such day before the reference date when
 * the clause speaks of the past ("met in March"), the next one when it looks ahead ("will meet
 * in March"), else the one nearest the reference date.
 */
function nearestYear(month: number, day: number, ref: Date | null, tense: Tense = null): number | null {
  if (!ref) return null;
  const y = ref.getUTCFullYear();
  const candidates = [y - 1, y, y + 1].map((yy) => ({ yy, at: Date.UTC(yy, month, day, 12) - ref.getTime() }));
  // Within a few days of the report either way, the nearest holds whatever the tense: a dateline
  // a day ahead of the publication's time zone, a report written the day before it ran.
  const fits = (c: { at: number }) => Math.abs(c.at) <= TENSE_SLACK || (tense === 'past' ? c.at <= 0 : tense === 'future' ? c.at >= 0 : true);
  return candidates.filter(fits).sort((a, b) => Math.abs(a.at) - Math.abs(b.at))[0].yy;
}

/** Days around the publication within which a month-day's tense does not move its year. */
const TENSE_SLACK = 7 * DAY;

// Words before a bare four-digit number that make it a year ("in 1994", "since 2022", "2014 and 2022").
// An attributive year ("the 1994 ban", "the party's 2019 defeat") dates its noun too.
const YEAR_CONTEXT = /(?:\b(?:in|since|from|by|until|till|before|after|of|during|early|late|mid|between|around|through|year|summer|spring|autumn|fall|winter|the|back to)\s+|['’]s\s+|\bmid-|\b(?:1[89]|20)\d{2}(?:\s+(?:and|or)\s+))$/i;
// A superlative before "since": the year is a comparison's baseline ("the lowest since 2009",
// "its worst year since 2002"); a determiner tells a superlative from "protest" or "interest".
const BASELINE = /\b(?:the|its|their|his|her|our)\s+(?:\p{L}{2,}est|most|least|worst|best|first time)\b[^.;!?]*\bsince\s+$/iu;
// A span of years: neither end is an event ("from 2013 to 2022", "2013-2022", "between 2014 and 2016").
const YEAR_SPAN = /\b(?:(?:from|between)\s+)?(?:1[89]|20)\d{2}\s*(?:[–-]|\bto\b|\bthrough\b|\buntil\b|\btill\b|(?<=between\s+\d{4}\s*)and\b)\s*(?:(?:1[89]|20)\d{2}|\d{2})\b/gi;
// Words that put what they govern ahead of the writer ("will vote", "is expected to", reported "would") …
const FUTURE_WORD = /^(?:will|would|shall|upcoming|due|expected|scheduled|\p{L}+['’]ll)$/iu;
// … some only with "to" after them ("is set to", "plans to", "is going to") …
const FUTURE_BEFORE_TO = /^(?:set|plans?|planning|planned|going|hopes?|intends?|aims?)$/i;
// … or behind ("said", "voted", "was"): a past form, regular or among the common irregular ones.
const PAST_WORD = new RegExp(
  '^(?:\\p{L}{2,}ed|was|were|had|did|said|told|met|went|took|made|gave|began|came|spoke|wrote|held|led|left|sent|won|lost|saw|' +
    'found|brought|struck|fell|rose|got|became|broke|chose|drew|flew|grew|knew|ran|sat|stood|thought|threw|sought|fought|' +
    'bought|caught|paid|laid|sold|kept|felt|heard|meant|built|spent|shot|hung|fled|woke|swore|tore|wore|stole)$', 'iu');
// A participle after these is no past: "will be held", "is to be announced", "has been scheduled".
const NOT_PAST_AFTER = /^(?:be|being|been|to|will|would|can|could|may|might|must|shall|should)$/i;
// Just before a weekday, words that can only look ahead: "as early as Thursday".
const AHEAD_BEFORE = /\b(?:as (?:early|soon) as|no (?:earlier|later) than)\s+(?:on\s+)?$/i;

/** The clause around a position: back to the last sentence stop or semicolon, on to the next. */
function clauseBounds(text: string, pos: number): [number, number] {
  const before = text.slice(Math.max(0, pos - 160), pos);
  const stop = before.search(/[.;!?\n][^.;!?\n]*$/);
  const from = stop < 0 ? Math.max(0, pos - 160) : pos - before.length + stop + 1;
  const to = text.slice(pos).search(/[.;!?\n]/);
  return [from, to < 0 ? text.length : pos + to];
}

type Tense = 'future' | 'past' | null;

/**
 * The tense of what a date at [start, end) dates. "As early as Thursday" looks ahead; otherwise
 * the tense marker nearest before the date in its clause ("will vote on Thursday", "said on
 * Thursday") decides, else the nearest after it ("On Thursday, the Senate will vote").
 */
function tenseAt(text: string, start: number, lookAfter = true): Tense {
  const [from, to] = clauseBounds(text, start);
  if (AHEAD_BEFORE.test(text.slice(from, start))) return 'future';
  const words = text.slice(from, to).match(/[\p{L}’']+/gu) ?? [];
  const at = (text.slice(from, start).match(/[\p{L}’']+/gu) ?? []).length;
  const tense = (i: number): Tense => {
    const w = words[i];
    // "Would not say" is a refusal told after the fact, not a plan.
    if (/^would$/i.test(w) && /^(?:not|never)$/i.test(words[i + 1] ?? '')) return 'past';
    if (FUTURE_WORD.test(w) || (FUTURE_BEFORE_TO.test(w) && /^to$/i.test(words[i + 1] ?? ''))) return 'future';
    if (PAST_WORD.test(w) && !NOT_PAST_AFTER.test(words[i - 1] ?? '')) return 'past';
    return null;
  };
  // Nearest before the weekday first (the weekday itself is word `at`), then nearest after it.
  for (let i = at - 1; i >= 0; i--) {
    const t = tense(i);
    if (t) return t;
  }
  for (let i = at + 1; lookAfter && i < words.length; i++) {
    const t = tense(i);
    if (t) return t;
  }
  return null;
}

/** The calendar week (Monday to Sunday) holding a day, `weeks` weeks away. */
function weekOf(ref: Date, weeks: number): [Date, Date] {
  const monday = new Date(ref.getTime() - ((ref.getUTCDay() + 6) % 7) * DAY + weeks * 7 * DAY);
  return [monday, new Date(monday.getTime() + 6 * DAY)];
}

/** A span's month when it lies in one month; otherwise it has no date at a useful precision. */
function monthHolding([a, b]: [Date, Date]): string | null {
  return a.getUTCFullYear() === b.getUTCFullYear() && a.getUTCMonth() === b.getUTCMonth() ? isoMonth(a.getUTCFullYear(), a.getUTCMonth()) : null;
}

/** A relative expression: how to find it, how to resolve it, and at which precision it speaks. */
interface RelativeRule {
  re: RegExp;
  resolve: (m: RegExpExecArray, ref: Date) => string | null;
  /** A month or a year: it holds inside a quotation too (the speaker speaks near the writer's day). */
  coarse?: boolean;
  /** A span with no day of its own: a closer date right after it dates the event instead. */
  vague?: boolean;
}

const RELATIVE: RelativeRule[] = [
  // "The day before, …" is the eve of the report; "the day before the vote" dates the vote (below).
  { re: /\b(?:the day before|the previous day)\b(?!\s+(?:the|a|an|his|her|its|their|this|that|these|those)\b|\s+\p{Lu})|\byesterday\b/giu, resolve: (_, ref) => isoDay(new Date(ref.getTime() - DAY)) },
  { re: /\b(?:today|this morning|this afternoon|this evening|tonight)\b/gi, resolve: (_, ref) => isoDay(ref) },
  // "The next day" follows the day the text last gave, not the report (see anchored spans below).
  { re: /\btomorrow\b/gi, resolve: (_, ref) => isoDay(new Date(ref.getTime() + DAY)) },
  { re: /\b(?:next|the coming) year\b/gi, resolve: (_, ref) => String(ref.getUTCFullYear() + 1), coarse: true },
  { re: /\blast year\b/gi, resolve: (_, ref) => String(ref.getUTCFullYear() - 1), coarse: true },
  { re: /\b(?:this year|the (?:first|second) half of the year|the (?:end|rest|remainder) of the year)\b/gi, resolve: (_, ref) => String(ref.getUTCFullYear()), coarse: true },
  { re: /\bthis month\b/gi, resolve: (_, ref) => isoMonth(ref.getUTCFullYear(), ref.getUTCMonth()), coarse: true },
  { re: /\blast month\b/gi, resolve: (_, ref) => isoMonth(ref.getUTCFullYear(), ref.getUTCMonth() - 1), coarse: true },
  { re: /\bnext month\b/gi, resolve: (_, ref) => isoMonth(ref.getUTCFullYear(), ref.getUTCMonth() + 1), coarse: true },
  { re: /\b(?:earlier |later )?this week\b/gi, resolve: (_, ref) => monthHolding(weekOf(ref, 0)), coarse: true, vague: true },
  { re: /\blast week\b/gi, resolve: (_, ref) => monthHolding(weekOf(ref, -1)), coarse: true, vague: true },
  { re: /\bnext week\b/gi, resolve: (_, ref) => monthHolding(weekOf(ref, 1)), coarse: true, vague: true },
  {
    re: /\b(\d{1,2}|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve) (day|week|month|year)s? ago\b/gi,
    resolve: (mm, ref) => {
      const n = NUMBERS[mm[1].toLowerCase()] ?? Number(mm[1]);
      const unit = mm[2].toLowerCase();
      if (unit === 'day') return isoDay(new Date(ref.getTime() - n * DAY));
      if (unit === 'week') return isoDay(new Date(ref.getTime() - 7 * n * DAY));
      if (unit === 'month') return isoMonth(ref.getUTCFullYear(), ref.getUTCMonth() - n);
      return String(ref.getUTCFullYear() - n);
    },
  },
];

export function findDates(text: string, published: string | null, language?: string | null): DateMention[] {
  // Other languages are read with the runtime's calendar words (dates-languages.ts); English, and text of no known language, here.
  if (language && language !== 'en' && language !== 'und') return findDatesIn(language, text, published);
  const ref = base(published);
  const out: DateMention[] = [];
  const taken: [number, number][] = [];
  const free = (start: number, end: number) => !taken.some(([a, b]) => a < end && b > start);
  const add = (start: number, end: number, date: string, relative: boolean) => {
    if (!free(start, end)) return;
    taken.push([start, end]);
    out.push({ start, end, text: text.slice(start, end), date, relative });
  };
  let m: RegExpExecArray | null;

  // ISO dates: 2024-12-03
  const iso = /\b((?:19|20)\d{2})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])\b/g;
  while ((m = iso.exec(text))) add(m.index, m.index + m[0].length, m[0], false);

  // Spans of years are set aside before any year is read.
  while ((m = YEAR_SPAN.exec(text))) if (free(m.index, m.index + m[0].length)) taken.push([m.index, m.index + m[0].length]);

  // 3 December 2024 / December 3, 2024 / December 3 / 3 December
  const full = new RegExp(`\\b(?:(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH_RE}|${MONTH_RE}\\s+(\\d{1,2})(?:st|nd|rd|th)?)(?:,?\\s+(\\d{4}))?(?![\\p{L}\\d-])`, 'gu');
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
      // The year a paragraph already gave ("On 3 December 2021 … on December 5") holds for it,
      // as does a year earlier in the same sentence ("In 2022, on February 24, …").
      const paraStart = text.lastIndexOf('\n\n', d.start);
      const before = yearOfParagraph.filter((y) => y.at < d.start && y.at > paraStart).pop();
      const inSentence = /\b(?:in|of)\s+((?:1[89]|20)\d{2})\b(?![^.!?\n]*[.!?\n])[^]*$/i.exec(text.slice(Math.max(0, paraStart, d.start - 120), d.start));
      year = before?.year ?? (inSentence ? Number(inSentence[1]) : nearestYear(d.month, d.day, ref, tenseAt(text, d.start)));
      relative = !before && !inSentence;
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

  // Bare years where the words around make them years: "in 1994", "since 2022", "2014 and 2022";
  // not the baseline of a comparison ("the deadliest year since 2022"), where nothing happened.
  const year = /\b(1[89]\d{2}|20\d{2})\b(?![-–]\d|,\d|\.\d)/g;
  while ((m = year.exec(text))) {
    const before = text.slice(Math.max(0, m.index - 24), m.index);
    const sentenceStart = /(?:^|[.!?]\s+|\n)$/.test(before) && /^\d{4},/.test(text.slice(m.index, m.index + 5));
    if (/\bsince\s+$/i.test(before) && BASELINE.test(text.slice(clauseBounds(text, m.index)[0], m.index))) continue;
    if (YEAR_CONTEXT.test(before) || sentenceStart) add(m.index, m.index + 4, m[1], false);
  }

  // A month without a day: "in November", "early December" (the nearest such month); not the
  // first part of a hyphenated name ("Mar-a-Lago").
  const monthOnly = new RegExp(`\\b(?:in|since|by|until|from|early|late|mid-|of|during|last|next|this)\\s+${MONTH_RE}(?![\\p{L}-])`, 'gu');
  while ((m = monthOnly.exec(text))) {
    const month = monthIndex(m[1]);
    if (month < 0 || !ref) continue;
    const start = m.index + m[0].indexOf(m[1]);
    const y = /^last/i.test(m[0]) ? (month >= ref.getUTCMonth() ? ref.getUTCFullYear() - 1 : ref.getUTCFullYear())
      : /^next/i.test(m[0]) ? (month <= ref.getUTCMonth() ? ref.getUTCFullYear() + 1 : ref.getUTCFullYear())
      : month === ref.getUTCMonth() ? ref.getUTCFullYear() // the report's own month, whatever the tense
      : nearestYear(month, 15, ref, tenseAt(text, start))!;
    add(start, start + m[1].length, `${y}-${pad(month + 1)}`, true);
  }

  if (ref) {
    const quoted = quotedAt(text);
    const vague: DateMention[] = [];
    for (const rule of RELATIVE) {
      while ((m = rule.re.exec(text))) {
        if (!rule.coarse && quoted(m.index)) continue;
        const date = rule.resolve(m, ref);
        if (!date) continue;
        add(m.index, m.index + m[0].length, date, true);
        if (rule.vague) vague.push(out[out.length - 1]);
      }
    }
    const weekday = /\b(?:on|last|next|this|coming)?\s*(Sunday|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday)\b/g;
    while ((m = weekday.exec(text))) {
      if (quoted(m.index)) continue;
      // "Saturday, Jan. 15": the calendar date that follows is the day; the weekday names it.
      const end = m.index + m[0].length;
      if (out.some((d) => d.start >= end && d.start - end <= 3)) continue;
      const lead = m[0].length - m[0].trimStart().length;
      const want = WEEKDAYS.indexOf(m[1].toLowerCase());
      const today = ref.getUTCDay();
      const ahead = (want - today + 7) % 7;
      const behind = (today - want + 7) % 7;
      const words = m[0].toLowerCase();
      // News speaks of the current week: the past such day, unless the words look ahead.
      let shift: number;
      if (/next|coming/.test(words)) shift = ahead || 7;
      else if (/last/.test(words)) shift = -(behind || 7);
      // News speaks of the past by default.
      else if (behind && tenseAt(text, m.index + lead) === 'future') shift = ahead;
      else shift = -behind;
      add(m.index + lead, m.index + m[0].length, isoDay(new Date(ref.getTime() + shift * DAY)), true);
    }
    // "Last week, on November 28": the closer date that follows dates the event.
    for (const v of vague) {
      if (out.some((d) => d !== v && d.start >= v.end && d.start - v.end <= 12)) out.splice(out.indexOf(v), 1);
    }
  }
  anchored(text, ref, out, add);
  return out.sort((a, b) => a.start - b.start);
}

type Precision = 'year' | 'month' | 'day';
type Unit = 'day' | 'week' | 'month' | 'year';

const precisionOf = (date: string): Precision => (date.length === 4 ? 'year' : date.length === 7 ? 'month' : 'day');

/**
 * A date moved by a span, at the precision both allow: "two days later" than a day is a day,
 * "two years prior" to a year a year, "one month after" a day a month unless the words make it
 * exact ("exactly one month after", an anniversary), in which case the day holds.
 */
function shiftDate(date: string, n: number, unit: Unit, exact = false): string | null {
  if (!/^\d{4}(?:-\d{2}(?:-\d{2})?)?$/.test(date)) return null;
  const [y, m = 1, d = 1] = date.split('-').map(Number);
  const have = precisionOf(date);
  let want: Precision = have;
  if (!exact && unit === 'year') want = 'year';
  if (!exact && unit === 'month' && have === 'day') want = 'month';
  if (have === 'year' && unit !== 'year') return null;
  const at = new Date(Date.UTC(y, m - 1, d, 12));
  if (unit === 'day' || unit === 'week') at.setUTCDate(at.getUTCDate() + n * (unit === 'week' ? 7 : 1));
  else if (unit === 'month') at.setUTCMonth(at.getUTCMonth() + n);
  else at.setUTCFullYear(at.getUTCFullYear() + n);
  const iso = isoDay(at);
  return want === 'year' ? iso.slice(0, 4) : want === 'month' ? iso.slice(0, 7) : iso;
}

const COUNT = '(\\d{1,2}|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)';
const ORDINALS: Record<string, number> = { first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10 };
const count = (word: string) => NUMBERS[word.toLowerCase()] ?? ORDINALS[word.toLowerCase()] ?? parseInt(word, 10);
const unitOf = (word: string) => word.toLowerCase().replace(/s$/, '') as Unit;

/** How far back a span like "two days later" looks for the date it counts from. */
const ANCHOR_REACH = 600;

/**
 * Spans counted from another date:
 * - "two days later", "two years prior", "the next day": from the date the text gave last, in
 *   the same or the paragraph before (none: no date);
 * - "exactly one month after the massacre", "a day after a joint report", "three days before the
 *   vote", "four years since the merger", "the tenth anniversary of the merger": these date
 *   the happening they name, counted back (or on) from the date of their own sentence, or from
 *   the publication when the sentence gives none and speaks of now (not in the past tense).
 */
function anchored(text: string, ref: Date | null, out: DateMention[], add: (start: number, end: number, date: string, relative: boolean) => void): void {
  const given = () => out.filter((d) => !d.date.startsWith('--')).sort((a, b) => a.start - b.start);
  const sentenceOf = (pos: number): [number, number] => {
    const before = text.slice(0, pos).search(/[.!?\n][^.!?\n]*$/);
    const after = text.slice(pos).search(/[.!?\n]/);
    return [before < 0 ? 0 : before + 1, after < 0 ? text.length : pos + after];
  };
  /**
   * The date of the sentence at pos, and whether the sentence gives it. Else the publication's,
   * if the clause speaks of now (its verb before the span is not past: what follows the span is
   * the named happening's own clause), or if the span counts years, which a report's day cannot
   * upset.
   */
  const dateOfSentence = (pos: number, end: number, unit: Unit): [string, boolean] | null => {
    const [from, to] = sentenceOf(pos);
    const own = given().filter((d) => d.start >= from && d.end <= to && (d.end <= pos || d.start >= end));
    if (own.length) return [own.sort((a, b) => Math.abs(a.start - pos) - Math.abs(b.start - pos))[0].date, true];
    return ref && (unit === 'year' || tenseAt(text, pos, false) !== 'past') ? [isoDay(ref), false] : null;
  };
  const lastBefore = (pos: number): string | null => {
    const paragraphs = text.slice(Math.max(0, pos - ANCHOR_REACH), pos).split(/\n\n/);
    const from = pos - paragraphs.slice(-2).join('\n\n').length;
    return given().filter((d) => d.end <= pos && d.start >= from).pop()?.date ?? null;
  };
  let m: RegExpExecArray | null;
  const later = new RegExp(`\\b${COUNT}\\s+(days?|weeks?|months?|years?)\\s+(later|afterwards|earlier|prior|before)(?=\\s*(?:[,.;:—–)]|--|$))|\\bthe (next|following) (day|week|month|year)\\b`, 'gi');
  while ((m = later.exec(text))) {
    const anchor = lastBefore(m.index);
    if (!anchor) continue;
    const n = m[1] ? count(m[1]) * (/^(?:earlier|prior|before)$/i.test(m[3]) ? -1 : 1) : 1;
    const date = shiftDate(anchor, n, unitOf(m[2] ?? m[5]));
    if (date) add(m.index, m.index + m[0].length, date, true);
  }
  const since = new RegExp(`\\b(exactly\\s+)?${COUNT}\\s+(days?|weeks?|months?|years?)\\s+(after|before|since)\\s+(?=the\\b|an?\\b|his\\b|her\\b|its\\b|their\\b|\\p{Lu})`, 'giu');
  while ((m = since.exec(text))) {
    const from = dateOfSentence(m.index, m.index + m[0].length, unitOf(m[3]));
    if (!from) continue;
    const n = count(m[2]) * (m[4].toLowerCase() === 'before' ? 1 : -1);
    const date = shiftDate(from[0], n, unitOf(m[3]), !!m[1]);
    if (date) add(m.index, m.index + m[0].length - 1, date, true);
  }
  const anniversary = new RegExp(`\\bthe\\s+(?:${COUNT}[- ]year|(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\\d{1,2}(?:st|nd|rd|th)))\\s+anniversary\\s+of\\b`, 'gi');
  while ((m = anniversary.exec(text))) {
    const from = dateOfSentence(m.index, m.index + m[0].length, 'year');
    if (!from) continue;
    // An anniversary falls on the day of what it marks, when the sentence gives that day; a
    // report of the day after would otherwise shift it.
    const date = shiftDate(from[0], -count(m[1] ?? m[2]), 'year', from[1]);
    if (date) add(m.index, m.index + m[0].length, date, true);
  }
}
