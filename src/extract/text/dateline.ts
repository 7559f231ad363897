/**
 * Datelines that open wire and agency copy:
 *   BRUSSELS, December 3. /TASS/. …      MOSCOW, Dec 3 (Reuters) - …
 *   WASHINGTON (AP) — …                  KYIV, Ukraine — …
 *
 * @module
 */
import { parseDate } from '../pubdate.js';

export interface Dateline {
  dateline: string;
  /** The agency credited in it: TASS, Reuters, AP. */
  agency: string | null;
  /** The date it gives, `--12-03` when it has no year. */
  date: string | null;
  /** The paragraph without the dateline. */
  rest: string;
}

const PLACE = String.raw`\p{Lu}[\p{Lu}\p{M} .'’-]{1,40}?(?:,\s*\p{Lu}[\p{L}.]*(?:\s\p{Lu}[\p{L}.]*)?)?`;
const DAY = String.raw`(?:\p{L}{3,9}\.?\s+\d{1,2}|\d{1,2}\.?\s+\p{L}{3,9})(?:,?\s+\d{4})?`;
/**
 * Each pattern with a sign it cannot match without, checked first: a pattern's Unicode classes
 * take milliseconds to compile on first use, and most datelines have neither an agency's slashes
 * nor its brackets, so a one-page `parallax extract` compiles one pattern, not three. Made on
 * first use for the same reason.
 */
const PATTERNS: { needs: (paragraph: string) => boolean; source: string; re?: RegExp }[] = [
  // TASS, Interfax: PLACE, DATE. /AGENCY/.
  { needs: (p) => p.includes('/'), source: String.raw`^(${PLACE}),\s+(${DAY})\.?\s*\/\s*(\p{L}[\p{L}\d-]*)\s*\/\.?\s+` },
  // Reuters, AP, AFP: PLACE[, DATE] (AGENCY) -
  { needs: (p) => p.includes('('), source: String.raw`^(${PLACE})(?:,\s+(${DAY}))?\s+\((\p{Lu}[\p{L}\d &.-]{0,30})\)\s*[-–—:]\s*` },
  // House style: PLACE — (upper-case place, a dash)
  { needs: (p) => /[–—-]/.test(p), source: String.raw`^(\p{Lu}[\p{Lu}\p{M} .'’-]{2,40}(?:,\s*\p{Lu}[\p{L}.]*)?)()\s+[–—-]{1,2}\s+()` },
];

/**
 * False when no pattern can match: each starts with a capital followed by a capital, a mark, a
 * space or one of . ' ’ -, so a paragraph opening with a lower-case letter, an ASCII sign or digit,
 * or a capital and then a lower-case letter ("The …", most of them) is passed over. The patterns'
 * Unicode classes take some ten milliseconds to compile on first use, a good part of a one-page
 * `parallax extract`.
 */
function mayOpenDateline(paragraph: string): boolean {
  const first = paragraph.charCodeAt(0);
  if (first < 0x80 && !(first >= 0x41 && first <= 0x5a)) return false;
  const c0 = paragraph[0];
  if (c0 !== c0.toUpperCase()) return false;
  const c1 = paragraph[1];
  return c1 !== undefined && c1 === c1.toUpperCase();
}

export function splitDateline(paragraph: string): Dateline | null {
  if (!mayOpenDateline(paragraph)) return null;
  for (const pattern of PATTERNS) {
    if (!pattern.needs(paragraph)) continue;
    pattern.re ??= new RegExp(pattern.source, 'u');
    const m = pattern.re.exec(paragraph);
    if (!m) continue;
    const place = m[1];
    // A place in a dateline is written in capitals; "The", "Moreover" are sentence openers.
    const placeHead = place.split(',')[0];
    if (placeHead !== placeHead.toUpperCase() || placeHead.replace(/[^\p{L}]/gu, '').length < 3) continue;
    const rest = paragraph.slice(m[0].length);
    if (!/^\s*["“«„]?\p{Lu}/u.test(rest)) continue;
    return {
      dateline: m[0].trim().replace(/\s*[-–—:]$/, ''),
      agency: m[3] ? normaliseAgency(m[3]) : null,
      date: m[2] ? parseDate(m[2]) : null,
      rest,
    };
  }
  return null;
}

function normaliseAgency(a: string): string {
  return a.trim();
}
