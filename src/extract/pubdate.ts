/**
 * Publication dates as pages print them, to ISO 8601 with the precision given: `2024-12-03`,
 * `2024-12-03T14:27`, or `--12-03` (ISO 8601's month-day without a year) when the page says
 * only "December 3". Shared by the text and HTML extractors.
 *
 * @module
 */

const MONTH_INDEX: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12,
  // German, French, Spanish, Italian month stems that differ from English in their first letters
  jän: 1, januar: 1, janv: 1, ene: 1, gen: 1, fév: 2, fev: 2, febr: 2, feb_: 2, mär: 3, mars: 3, marz: 3, avr: 4, abr: 4,
  mai: 5, mag: 5, juin: 6, giu: 6, juil: 7, lug: 7, ago: 8, août: 8, aout: 8, set: 9, okt: 10, ott: 10, dez: 12, déc: 12, dic: 12,
};

function monthOf(word: string): number | null {
  const w = word.toLowerCase().replace(/\.$/, '');
  if (w.length < 3) return null;
  for (const len of [6, 5, 4, 3]) {
    const m = MONTH_INDEX[w.slice(0, len)];
    if (m && (len <= w.length)) return m;
  }
  return null;
}

const pad = (n: number) => String(n).padStart(2, '0');

function valid(y: number | null, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1 || d > 31) return false;
  if (y !== null && (y < 1900 || y > 2100)) return false;
  return true;
}

/** A date found in a string, or null. */
export function parseDate(text: string): string | null {
  const s = text.trim();
  let m = /(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?(Z|[+-]\d{2}:?\d{2})?)?/.exec(s);
  if (m) {
    const [, y, mo, d, h, mi, sec, tz] = m;
    if (!valid(+y, +mo, +d)) return null;
    let out = `${y}-${mo}-${d}`;
    if (h) out += `T${h}:${mi}${sec ? ':' + sec : ''}${tz ? (tz === 'Z' ? 'Z' : tz.includes(':') ? tz : tz.slice(0, 3) + ':' + tz.slice(3)) : ''}`;
    return out;
  }
  // 03.12.2024, 3/12/2024 (day first, as most of the world writes it), 2024/12/03
  m = /\b(\d{4})[/.](\d{1,2})[/.](\d{1,2})\b/.exec(s);
  if (m && valid(+m[1], +m[2], +m[3])) return `${m[1]}-${pad(+m[2])}-${pad(+m[3])}`;
  m = /\b(\d{1,2})[./](\d{1,2})[./](\d{4})\b/.exec(s);
  if (m) {
    let [d, mo] = [+m[1], +m[2]];
    if (mo > 12 && d <= 12) [d, mo] = [mo, d];
    if (valid(+m[3], mo, d)) return `${m[3]}-${pad(mo)}-${pad(d)}`;
  }
  // 3 December 2024, 3. Dezember 2024, December 3, 2024, Dec. 3 — with or without the year
  const words = s.split(/[\s,]+/).filter(Boolean);
  for (let i = 0; i < words.length; i++) {
    const mo = monthOf(words[i]);
    if (!mo) continue;
    const before = /^(\d{1,2})\.?$/.exec(words[i - 1] ?? '');
    const after = /^(\d{1,2})(?:st|nd|rd|th)?\.?$/.exec(words[i + 1] ?? '');
    const day = before ? +before[1] : after ? +after[1] : null;
    if (day === null) continue;
    const rest = words.slice(i + 1, i + 4).join(' ');
    const year = /\b(19\d{2}|20\d{2})\b/.exec(rest) ?? /\b(19\d{2}|20\d{2})\b/.exec(words.slice(Math.max(0, i - 3), i).join(' '));
    if (!valid(year ? +year[1] : null, mo, day)) continue;
    return year ? `${year[1]}-${pad(mo)}-${pad(day)}` : `--${pad(mo)}-${pad(day)}`;
  }
  return null;
}

/** "14:27" → "14:27"; "2:27 pm" → "14:27". */
export function parseTime(text: string): string | null {
  const m = /\b([01]?\d|2[0-3])[:.]([0-5]\d)\s*([ap])?\.?m?\.?/i.exec(text);
  if (!m) return null;
  let h = +m[1];
  if (m[3]?.toLowerCase() === 'p' && h < 12) h += 12;
  if (m[3]?.toLowerCase() === 'a' && h === 12) h = 0;
  return `${pad(h)}:${m[2]}`;
}

/** Completes a month-day date (`--12-03`) with the year of a reference date. */
export function withYear(date: string, reference: string | null): string {
  if (!date.startsWith('--') || !reference) return date;
  const y = /^(\d{4})/.exec(reference);
  return y ? `${y[1]}${date.slice(1)}` : date;
}
