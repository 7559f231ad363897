/**
 * What the tagger reads of a word's letters: its shape ("Xx", "dd.dd") and the case of each
 * character, without a string made per character (the case of every letter of a sentence is read
 * to tell a headline in capitals).
 *
 * @module
 */

/** The word's shape: capitals X, small letters x, digits d, anything else a dot; runs of three or more cut to two. */
export function shape(w: string): string {
  const s = w.replace(/\p{Lu}/gu, 'X').replace(/\p{Ll}/gu, 'x').replace(/\d/g, 'd').replace(/[^Xxd]/g, '.');
  return s.replace(/(.)\1{2,}/g, '$1$1');
}

export const UPPER_CASE = 1;
export const LOWER_CASE = 2;
const cases = new Map<number, number>();
/** Whether a character has case (its upper and lower forms differ), and which: {@link UPPER_CASE}, {@link LOWER_CASE}, or 0. */
export function letterCase(cp: number): number {
  if (cp < 128) return cp >= 65 && cp <= 90 ? UPPER_CASE : cp >= 97 && cp <= 122 ? LOWER_CASE : 0;
  let c = cases.get(cp);
  if (c === undefined) {
    const ch = String.fromCodePoint(cp);
    c = ch.toLowerCase() === ch.toUpperCase() ? 0 : ch === ch.toUpperCase() ? UPPER_CASE : LOWER_CASE;
    if (cases.size < 20_000) cases.set(cp, c);
  }
  return c;
}
