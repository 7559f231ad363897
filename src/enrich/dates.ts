/**
 * Dated expressions in article text, resolved to calendar dates with the precision the text
 * gives: a year (1994), a season (summer 2023 → `2023`, the season kept in the text), a day
 * (3 December 2024). Relative expressions ("the day before", "yesterday", "on Tuesday", "next
 * year") are resolved against the article's publication date, and a month-day without a year
 * takes the year that puts it nearest the publication date.
 *
 * @module
 */
import type { DateMention } from './types.js';

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTH_RE = '(January|February|March|April|May|June|July|August|September|October|November|December|Jan\\.?|Feb\\.?|Mar\\.?|Apr\\.?|Jun\\.?|Jul\\.?|Aug\\.?|Sept?\\.?|Oct\\.?|Nov\\.?|Dec\\.?)';
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const DAY = 86_400_000;

const pad = (n: number) => String(n).padStart(2, '0');
const iso = (d: Date) => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
const monthIndex = (m: string) => MONTHS.findIndex((x) => x.startsWith(m.toLowerCase().replace('.', '').slice(0, 3)));

function base(published: string | null): Date | null {
  if (!published || !/^\d{4}-\d{2}-\d{2}/.test(published)) return null;
  return new Date(`${published.slice(0, 10)}T12:00:00Z`);
}

/** The year that puts a month-day nearest the reference date. */
function nearestYear(month: number, day: number, ref: Date | null): number | null {
  if (!ref) return null;
  const y = ref.getUTCFullYear();
  const candidates = [y - 1, y, y + 1].map((yy) => ({ yy, d: Math.abs(Date.UTC(yy, month, day, 12) - ref.getTime()) }));
  return candidates.sort((a, b) => a.d - b.d)[0].yy;
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
  // 3 December 2024 / December 3, 2024 / December 3 / 3 December
  const full = new RegExp(`\\b(?:(\\d{1,2})\\s+${MONTH_RE}|${MONTH_RE}\\s+(\\d{1,2})(?:st|nd|rd|th)?)(?:,?\\s+(\\d{4}))?\\b`, 'g');
  while ((m = full.exec(text))) {
    const day = Number(m[1] ?? m[4]);
    const month = monthIndex(m[2] ?? m[3]);
    if (month < 0 || day < 1 || day > 31) continue;
    const year = m[5] ? Number(m[5]) : nearestYear(month, day, ref);
    add(m.index, m.index + m[0].length, year ? `${year}-${pad(month + 1)}-${pad(day)}` : `--${pad(month + 1)}-${pad(day)}`, !m[5]);
  }
  // Seasons and months of a year: "summer of 2023", "in March 2022"
  const season = new RegExp(`\\b(?:the\\s+)?(spring|summer|autumn|fall|winter|${MONTH_RE})\\s+(?:of\\s+)?(\\d{4})\\b`, 'gi');
  while ((m = season.exec(text))) {
    const month = monthIndex(m[1]);
    const isSeason = /^(spring|summer|autumn|fall|winter)$/i.test(m[1]);
    add(m.index, m.index + m[0].length, isSeason || month < 0 ? m[3] : `${m[3]}-${pad(month + 1)}`, false);
  }
  // Bare years in a temporal context: "in 1994", "since 2022", "from 2014", "2008,"
  const year = /\b(?:in|since|from|by|until|before|after|of|early|late|mid-)?\s*\b(19[0-9]{2}|20[0-9]{2})\b/g;
  while ((m = year.exec(text))) {
    const start = m.index + m[0].indexOf(m[1]);
    add(start, start + 4, m[1], false);
  }
  if (ref) {
    const rel: [RegExp, (mm: RegExpExecArray) => string][] = [
      [/\b(?:the day before|the previous day|yesterday)\b/gi, () => iso(new Date(ref.getTime() - DAY))],
      [/\b(?:today|this morning|this evening|tonight)\b/gi, () => iso(ref)],
      [/\btomorrow\b/gi, () => iso(new Date(ref.getTime() + DAY))],
      [/\bnext year\b/gi, () => String(ref.getUTCFullYear() + 1)],
      [/\blast year\b/gi, () => String(ref.getUTCFullYear() - 1)],
      [/\bthis year\b/gi, () => String(ref.getUTCFullYear())],
      [/\b(?:on|last|next|this)?\s*(Sunday|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday)\b/g, (mm) => {
        const want = WEEKDAYS.indexOf(mm[1].toLowerCase());
        const diff = (ref.getUTCDay() - want + 7) % 7;
        // News speaks of the current week: a weekday later than today's is the coming one when
        // the text says "next", else the past one.
        const back = /next/i.test(mm[0]) ? -((want - ref.getUTCDay() + 7) % 7 || 7) : diff;
        return iso(new Date(ref.getTime() - back * DAY));
      }],
    ];
    // Inside a quotation, "tomorrow" is the speaker's tomorrow, not a date the article gives.
    const quoted = (pos: number) => {
      const para = text.slice(text.lastIndexOf('\n', pos) + 1, pos);
      const opens = (para.match(/[“«„]/g) ?? []).length;
      const closes = (para.match(/[”»]/g) ?? []).length;
      const straight = (para.match(/"/g) ?? []).length % 2 === 1;
      return opens > closes || straight;
    };
    for (const [re, f] of rel) while ((m = re.exec(text))) if (!quoted(m.index)) add(m.index, m.index + m[0].length, f(m), true);
  }
  return out.sort((a, b) => a.start - b.start);
}
