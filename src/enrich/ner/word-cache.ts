/**
 * What the tagger works out for a word by itself (hashes of its forms, prefixes and suffixes,
 * classes, lexicon facts), kept for the words seen again, which are most of them.
 *
 * The facts sit in one Int32Array, {@link STRIDE} numbers a word, under an index from the word.
 * As an object with three small arrays each, a word cost about 300 bytes; a thread that had read
 * many names (every one new) carried some 60 MB of them. Packed, a word costs its 76 bytes plus
 * the index entry, and nothing in it is left for the collector to trace.
 *
 * @module
 */

/** Offsets of each fact in a word's row. */
export const WORD = 0;
export const LOW = 1;
export const SHAPE = 2;
/** Hashes of the lower-case prefixes of 1–4 letters (4 numbers). */
export const PREFIX = 3;
/** Hashes of the lower-case suffixes of 1–4 letters (4 numbers). */
export const SUFFIX = 7;
/** The word's class in each of the three clusterings, -1 where unknown (3 numbers). */
export const CLASSES = 11;
export const GAZ = 14;
export const CASE_RATIO = 15;
/** {@link DEMONYM} | {@link PLACE} | {@link GIVEN}. */
export const FLAGS = 16;
export const STEM = 17;
export const STEM_GAZ = 18;
/** Numbers a word. */
export const STRIDE = 19;

export const DEMONYM = 1;
export const PLACE = 2;
export const GIVEN = 4;

/** Words kept before the cache starts again (about 20 MB at most). */
const LIMIT = 200_000;

export class WordCache {
  private readonly rows = new Map<string, number>();
  /** The rows, {@link STRIDE} numbers a word; read with the offset {@link get} or {@link add} gives. */
  data = new Int32Array(STRIDE * 1024);
  private used = 0;

  constructor(private readonly limit = LIMIT) {}

  /** The offset of the word's row in {@link data}, or -1 when it has none. */
  get(word: string): number {
    return this.rows.get(word) ?? -1;
  }

  /**
   * A zeroed row for a new word; its offset. When the cache is full it starts again: cheaper than
   * keeping order for eviction, and the words that matter come back at once.
   */
  add(word: string): number {
    if (this.rows.size >= this.limit) {
      this.rows.clear();
      this.used = 0;
    }
    if (this.used + STRIDE > this.data.length) {
      const grown = new Int32Array(Math.min(this.data.length * 2, this.limit * STRIDE));
      grown.set(this.data.subarray(0, this.used));
      this.data = grown;
    }
    const at = this.used;
    this.data.fill(0, at, at + STRIDE);
    this.used += STRIDE;
    this.rows.set(word, at);
    return at;
  }

  get size(): number {
    return this.rows.size;
  }
}
