/**
 * A table of numbers keyed by ordered pairs of non-negative integers, for the comparisons of a
 * story's statements (claims.ts) and the word pairs of a {@link TermSpace} (text.ts).
 *
 * @module
 */

/**
 * Numbers by ordered pair of non-negative integers, in open addressing over typed arrays: the
 * alignment keeps hundreds of thousands of overlaps, and a Map would box each one.
 */
export class PairTable {
  private first = new Int32Array(1024).fill(-1);
  private second = new Int32Array(1024);
  private values = new Float64Array(1024);
  private size = 0;

  private slot(i: number, j: number): number {
    const mask = this.first.length - 1;
    let h = (Math.imul(i, 0x9e3779b1) ^ Math.imul(j, 0x85ebca6b)) >>> 0;
    h = (h ^ (h >>> 15)) & mask;
    while (this.first[h] !== -1 && (this.first[h] !== i || this.second[h] !== j)) h = (h + 1) & mask;
    return h;
  }

  /** The number kept for (i, j), NaN if none. */
  get(i: number, j: number): number {
    const h = this.slot(i, j);
    return this.first[h] === -1 ? NaN : this.values[h];
  }

  set(i: number, j: number, v: number): void {
    let h = this.slot(i, j);
    if (this.first[h] === -1) {
      if (2 * (this.size + 1) > this.first.length) {
        this.grow();
        h = this.slot(i, j);
      }
      this.first[h] = i;
      this.second[h] = j;
      this.size++;
    }
    this.values[h] = v;
  }

  private grow(): void {
    const { first, second, values } = this;
    this.first = new Int32Array(first.length * 2).fill(-1);
    this.second = new Int32Array(first.length * 2);
    this.values = new Float64Array(first.length * 2);
    for (let h = 0; h < first.length; h++) {
      if (first[h] === -1) continue;
      const to = this.slot(first[h], second[h]);
      this.first[to] = first[h];
      this.second[to] = second[h];
      this.values[to] = values[h];
    }
  }
}
