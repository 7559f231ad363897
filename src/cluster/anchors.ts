/**
 * Numbers as every language writes them, read to one form, so that a number is a term that reports
 * in different languages share: digits of any script (Arabic-Indic ٢٠, fullwidth ２０), thousands
 * grouped by commas, stops, spaces or apostrophes ("20,000", "20.000", "20 000", "20'000"), decimal
 * commas where the language writes them ("1,5" is 1.5 in German, "3.294" is 3.294 in English and
 * 3294 in German), and the Han myriads (2万 is 20,000; 150万, as 1.5 million is written
 * elsewhere, is 1.5; 12亿 is 1.2, as in "1.2 billion").
 *
 * @module
 */

/** The zero of each run of decimal digits outside ASCII that news is written in. */
const ZEROS = [0x660, 0x6f0, 0x7c0, 0x966, 0x9e6, 0xa66, 0xae6, 0xb66, 0xbe6, 0xc66, 0xce6, 0xd66, 0xe50, 0xed0, 0xf20, 0x1040, 0x17e0, 0x1810, 0xff10];

/** A decimal digit of any script as its ASCII digit, or '' when `c` is none. */
function asciiDigit(c: number): string {
  if (c >= 48 && c <= 57) return String.fromCharCode(c);
  for (const z of ZEROS) if (c >= z && c <= z + 9) return String.fromCharCode(48 + c - z);
  return '';
}

/** A number's digits in ASCII, separators kept; null when a character is neither digit nor separator. */
function toAscii(raw: string): string | null {
  let out = '';
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c >= 48 && c <= 57) out += raw[i];
    else if (c === 44 || c === 46 || c === 0x66b || c === 0x66c || c === 39 || c === 0x2019) out += c === 0x66b ? '.' : c === 0x66c ? ',' : raw[i];
    else {
      const d = asciiDigit(c);
      if (!d) return null;
      out += d;
    }
  }
  return out;
}

/**
 * A number token in one form, its decimal mark a full stop and its grouping gone: "20,000",
 * "20.000", "20'000" → "20000"; "1,5" and "1.5" → "1.5". `decimal` is the decimal mark of the
 * article's language (`decimalMark` of `lang/numbers.ts`): any other separator groups thousands.
 * Without it, a separator followed by exactly three digits groups thousands, as in most languages, and
 * any other is the decimal mark. Digits are kept as written ("4.0", "01"): a version or a code
 * is no other number. Null for what is not a plain number ("3-2", "1.2.3a").
 */
export function normaliseNumber(raw: string, decimal: string | null = null): string | null {
  // The commonest case, ASCII digits alone, is already in its form.
  let i = 0;
  while (i < raw.length && raw.charCodeAt(i) >= 48 && raw.charCodeAt(i) <= 57) i++;
  if (i === raw.length && i > 0) return raw;
  const s = toAscii(raw);
  if (s === null || !/^\d/.test(s)) return null;
  const groups = s.split(/[.,'’]/);
  if (groups.some((g) => !/^\d+$/.test(g))) return null;
  if (groups.length === 1) return s;
  const seps = s.replace(/\d+/g, '');
  let point: number;
  if (decimal !== null) {
    // The language's decimal mark, once and last; every other separator groups.
    const at = seps.indexOf(decimal);
    if (at >= 0 && at !== seps.length - 1) return null;
    point = at >= 0 ? at : -1;
  } else {
    // All groups after the first of three digits: thousands ("1,500", "1.234.567"); else the last
    // separator is the decimal mark.
    point = groups.slice(1).every((g) => g.length === 3) ? -1 : seps.length - 1;
  }
  const whole = point < 0 ? groups : groups.slice(0, -1);
  if (whole.slice(1).some((g) => g.length !== 3)) return null;
  const int = whole.join('');
  return point < 0 ? int : `${int}.${groups[groups.length - 1]}`;
}

/** A digit group and a space (plain, no-break or narrow) before three more digits: "20 000". */
const SPACED = /(?<![\p{N}.,])(\p{Nd}{1,3})((?:[ \u00a0\u202f]\p{Nd}{3})+)(?!\p{Nd})/gu;
/** A number before a Han myriad (万 10^4, 亿 10^8). */
const MYRIAD = /(\d+(?:\.\d+)?)\s*([万萬亿億])/g;

/**
 * The text with numbers grouped by spaces joined ("20 000" → "20000") and Han myriads written
 * out in the scale other languages use (see the module notes). Text with neither comes back as it was.
 */
export function joinNumbers(text: string): string {
  let out = text;
  if (/\p{Nd}[ \u00a0\u202f]\p{Nd}/u.test(out)) out = out.replace(SPACED, (_m, head: string, rest: string) => head + rest.replace(/[ \u00a0\u202f]/g, ''));
  if (/[万萬亿億]/.test(out)) {
    out = out.replace(MYRIAD, (_m, n: string, unit: string) => {
      const value = Number(n) * (unit === '万' || unit === '萬' ? 1e4 : 1e8);
      if (!Number.isFinite(value)) return _m;
      const scaled = value >= 1e9 ? value / 1e9 : value >= 1e6 ? value / 1e6 : value;
      // Rounded to what a report would print, then a space so the Han run stays a run of its own.
      return `${Number(scaled.toPrecision(6))} `;
    });
  }
  return out;
}
