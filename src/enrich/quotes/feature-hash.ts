/**
 * Two 32-bit hashes of a feature's text, fed in pieces as the cue scorer reads a token (see
 * `cue-score.ts`), or whole, as the weights table is written (`cues.ts`): the pair is the key a
 * weight is found by.
 *
 * @module
 */

const UPPER = /\p{Lu}/u;
const LOWER = /\p{Ll}/u;

/** Two 32-bit hashes of a text fed in pieces: FNV-1a, and a multiply-xorshift of its own. */
export class FeatureHash {
  h1 = 0;
  h2 = 0;
  start(prefix: string): this {
    this.h1 = 0x811c9dc5 | 0;
    this.h2 = 0x9747b28c | 0;
    return this.text(prefix);
  }
  unit(c: number): this {
    this.h1 = Math.imul(this.h1 ^ c, 0x01000193);
    const h = Math.imul(this.h2 ^ c, 0x5bd1e995);
    this.h2 = h ^ (h >>> 15);
    return this;
  }
  /** The UTF-16 units of `s` from `from` to `to`. */
  text(s: string, from = 0, to = s.length): this {
    for (let i = from; i < to; i++) this.unit(s.charCodeAt(i));
    return this;
  }
  /** A small non-negative integer, as its decimal digits. */
  int(n: number): this {
    if (n >= 10) this.int(Math.floor(n / 10));
    return this.unit(48 + (n % 10));
  }
  /** What `shape()` of `cues.ts` gives for `w`: runs of capitals X, of small letters x, of ASCII digits d, other characters as they are; 5 units at most. */
  shape(w: string): this {
    let out = 0;
    let last = 0; // the class of the previous code point: 1 capital, 2 small letter, 3 digit, 0 other
    for (let i = 0; i < w.length && out < 5; ) {
      const cp = w.codePointAt(i)!;
      const size = cp > 0xffff ? 2 : 1;
      const k = classOf(cp);
      if (k === 0) {
        for (let j = 0; j < size && out < 5; j++, out++) this.unit(w.charCodeAt(i + j));
      } else if (k !== last) {
        this.unit(k === 1 ? 88 : k === 2 ? 120 : 100);
        out++;
      }
      last = k;
      i += size;
    }
    return this;
  }
}

const classes = new Map<number, number>();
/** 1 for a capital (\p{Lu}), 2 for a small letter (\p{Ll}), 3 for an ASCII digit, else 0. */
function classOf(cp: number): number {
  if (cp >= 65 && cp <= 90) return 1;
  if (cp >= 97 && cp <= 122) return 2;
  if (cp >= 48 && cp <= 57) return 3;
  if (cp < 128) return 0;
  let k = classes.get(cp);
  if (k === undefined) {
    const ch = String.fromCodePoint(cp);
    k = UPPER.test(ch) ? 1 : LOWER.test(ch) ? 2 : 0;
    if (classes.size < 10_000) classes.set(cp, k);
  }
  return k;
}

