/**
 * The article store: one typed column per field of an article (id, story, date, language, length,
 * copy keys), and the articles' vectors end to end in large blocks, freed as their stories close.
 *
 * @module
 */
import { EMPTY_TERMS, EMPTY_WEIGHTS, grow } from './arrays.js';

/** Entries per block of the vector store: 4 MiB of term ids and 4 MiB of weights. */
const BLOCK = 1 << 20;

/**
 * The articles, one typed column per field rather than one object each, and their vectors end to
 * end in large blocks rather than two small arrays each: a million articles are then a few
 * hundred arrays to the garbage collector, whose marking would otherwise cost more with every
 * article kept. A closed story's vectors are dropped; a block whose live part falls low is
 * compacted, so that memory follows the open stories.
 */
export class DocColumns {
  size = 0;
  ids: string[] = [];
  story = new Int32Array(1024);
  time = new Float64Array(1024);
  /** Its language (an index into LANGUAGES of `terms.ts`); 0 when it could not be told. */
  lang = new Uint8Array(1024);
  /** Its content words (capped): how much text it had, which sets its bars (see `bars` in `params.ts`). */
  words = new Uint16Array(1024);
  /** Where the article's vector is: block, start in it, length (0 once its story closed). */
  block = new Int32Array(1024);
  start = new Int32Array(1024);
  length = new Int32Array(1024);
  /** The keys it is filed under as the first at its address and with its headline; NaN if not. */
  urlKey = new Float64Array(1024).fill(NaN);
  titleKey = new Float64Array(1024).fill(NaN);

  termBlocks: Int32Array[] = [];
  weightBlocks: Float32Array[] = [];
  /** Per block: entries still in use, and the articles placed in it (for compaction). */
  private live: number[] = [];
  private placed: number[][] = [];
  /** Block being filled, and how far. */
  private current = -1;
  private fill = 0;
  /** Blocks emptied, to be reused. */
  private spare: number[] = [];

  push(id: string, story: number, terms: ArrayLike<number>, weights: ArrayLike<number>, n: number, time: number, lang: number, words: number): number {
    const i = this.size++;
    if (i === this.story.length) {
      const size = i * 2;
      this.story = grow(this.story, new Int32Array(size));
      this.time = grow(this.time, new Float64Array(size));
      this.lang = grow(this.lang, new Uint8Array(size));
      this.words = grow(this.words, new Uint16Array(size));
      this.block = grow(this.block, new Int32Array(size));
      this.start = grow(this.start, new Int32Array(size));
      this.length = grow(this.length, new Int32Array(size));
      this.urlKey = grow(this.urlKey, new Float64Array(size).fill(NaN));
      this.titleKey = grow(this.titleKey, new Float64Array(size).fill(NaN));
    }
    this.ids.push(id);
    this.story[i] = story;
    this.time[i] = time;
    this.lang[i] = lang;
    this.words[i] = Math.min(words, 0xffff);
    this.place(i, terms, weights, n);
    return i;
  }

  /** Copies a vector into the block being filled (a fresh one when it does not fit). */
  private place(doc: number, terms: ArrayLike<number>, weights: ArrayLike<number>, n: number): void {
    if (this.current < 0 || this.fill + n > this.termBlocks[this.current].length) {
      const size = Math.max(BLOCK, n);
      const reuse = this.spare.pop();
      const b = reuse ?? this.termBlocks.length;
      this.termBlocks[b] = new Int32Array(size);
      this.weightBlocks[b] = new Float32Array(size);
      this.live[b] = 0;
      this.placed[b] = [];
      this.current = b;
      this.fill = 0;
    }
    const b = this.current;
    const at = this.fill;
    const t = this.termBlocks[b];
    const w = this.weightBlocks[b];
    for (let k = 0; k < n; k++) {
      t[at + k] = terms[k];
      w[at + k] = weights[k];
    }
    this.fill += n;
    this.live[b] += n;
    this.placed[b].push(doc);
    this.block[doc] = b;
    this.start[doc] = at;
    this.length[doc] = n;
  }

  /** The article's term ids and weights, as views into the store (valid until the next compaction). */
  termsOf(doc: number): Int32Array {
    return this.termBlocks[this.block[doc]].subarray(this.start[doc], this.start[doc] + this.length[doc]);
  }

  weightsOf(doc: number): Float32Array {
    return this.weightBlocks[this.block[doc]].subarray(this.start[doc], this.start[doc] + this.length[doc]);
  }

  /** Frees an article's vector (its story closed). */
  drop(doc: number): void {
    const n = this.length[doc];
    if (!n) return;
    this.live[this.block[doc]] -= n;
    this.length[doc] = 0;
  }

  /**
   * Releases blocks nothing uses any more, and moves what is left of blocks under a quarter used
   * to the block being filled, so that each block freed costs at most a quarter block of copying.
   */
  compact(): void {
    for (let b = 0; b < this.termBlocks.length; b++) {
      if (b === this.current || this.placed[b] === undefined || this.live[b] * 4 >= this.termBlocks[b].length) continue;
      const terms = this.termBlocks[b];
      const weights = this.weightBlocks[b];
      for (const doc of this.placed[b]) {
        if (this.block[doc] !== b || !this.length[doc]) continue;
        const at = this.start[doc];
        const n = this.length[doc];
        this.place(doc, terms.subarray(at, at + n), weights.subarray(at, at + n), n);
      }
      this.termBlocks[b] = EMPTY_TERMS;
      this.weightBlocks[b] = EMPTY_WEIGHTS;
      this.live[b] = 0;
      (this.placed as (number[] | undefined)[])[b] = undefined;
      this.spare.push(b);
    }
  }
}
