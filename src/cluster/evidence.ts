/**
 * What the clusterer keeps to explain each placement: the figures measured when an article was
 * placed (`EvidenceLog`); `explain.ts` makes a sentence of them.
 *
 * @module
 */

/** Shared terms kept per article for its explanation. */
export const SHARED = 8;
/** How a copy was recognised, by `duplicateBy`. */
export const HOW = ['', 'the same address', 'the same text', 'the same headline'] as const;

/**
 * What was measured when each article was placed, enough to explain it later; one typed column
 * per figure, so that a million explanations cost about a hundred megabytes, not a gigabyte.
 */
export class EvidenceLog {
  size = 0;
  story = new Int32Array(0);
  score = new Float32Array(0);
  centroid = new Float32Array(0);
  nearest = new Int32Array(0);
  nearestScore = new Float32Array(0);
  /** Days between the article and its story's dates; NaN when either is undated. */
  gap = new Float32Array(0);
  /** Cosine over names alone; NaN when the article or the story names nobody. */
  names = new Float32Array(0);
  threshold = new Float32Array(0);
  /** When it started a story: the closest story it did not join, and that story's score. */
  closest = new Int32Array(0);
  closestScore = new Float32Array(0);
  duplicateOf = new Int32Array(0);
  /** Index into HOW: how the copy was recognised. */
  duplicateBy = new Uint8Array(0);
  sharedTerms = new Int32Array(0);
  sharedWeights = new Float32Array(0);

  private static readonly COLUMNS = ['story', 'score', 'centroid', 'nearest', 'nearestScore', 'gap', 'names', 'threshold', 'closest', 'closestScore', 'duplicateOf', 'duplicateBy', 'sharedTerms', 'sharedWeights'] as const;

  /** Makes room for article `i` and returns it. */
  slot(i: number): number {
    if (i >= this.story.length) {
      // Doubling until article `i` fits: a restored log asks for all its rows at once.
      let n = Math.max(1024, this.story.length * 2);
      while (n <= i) n *= 2;
      for (const c of EvidenceLog.COLUMNS) {
        const old = this[c];
        const width = c === 'sharedTerms' || c === 'sharedWeights' ? SHARED : 1;
        const grown = new (old.constructor as new (n: number) => typeof old)(n * width);
        grown.set(old as never);
        (this as Record<string, unknown>)[c] = grown;
      }
    }
    this.size = Math.max(this.size, i + 1);
    this.nearest[i] = -1;
    this.closest[i] = -1;
    this.duplicateOf[i] = -1;
    this.gap[i] = NaN;
    this.names[i] = NaN;
    this.sharedTerms.fill(-1, i * SHARED, (i + 1) * SHARED);
    return i;
  }

  /** Each column's values in use (views, not copies), in {@link EvidenceLog.COLUMNS} order. */
  columns(): [string, Int32Array | Float32Array | Uint8Array][] {
    return EvidenceLog.COLUMNS.map((c) => [c, this[c].subarray(0, this.size * (c === 'sharedTerms' || c === 'sharedWeights' ? SHARED : 1))]);
  }

  toJSON(): Record<string, (number | null)[]> {
    const out: Record<string, (number | null)[]> = {};
    for (const c of EvidenceLog.COLUMNS) {
      const width = c === 'sharedTerms' || c === 'sharedWeights' ? SHARED : 1;
      out[c] = Array.from(this[c].subarray(0, this.size * width), (x) => (Number.isNaN(x) ? null : x));
    }
    return out;
  }

  static fromJSON(saved: Record<string, (number | null)[]>, size: number): EvidenceLog {
    const log = new EvidenceLog();
    if (size) log.slot(size - 1);
    for (const c of EvidenceLog.COLUMNS) (log[c] as { set(a: ArrayLike<number>): void }).set(saved[c].map((x) => (x === null ? NaN : x)));
    log.size = size;
    return log;
  }
}
