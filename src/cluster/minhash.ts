/**
 * Near-duplicates at collection scale: MinHash signatures over word shingles, found through
 * locality-sensitive hashing (banding), so a new article meets only the few earlier articles that
 * share a band with it, never the whole collection.
 *
 * With `bands × rows` hashes, two texts of Jaccard similarity J share at least one band with
 * probability 1 − (1 − J^rows)^bands; the default 12 × 5 finds 99 % of pairs at J = 0.8 and about
 * 3 % at J = 0.3. Candidates are then checked on their signatures, which estimate J directly.
 *
 * @module
 */
import { compileAtOnce } from '../lang/regexp.js';
import { nextAt } from './scan.js';

/** Options of a {@link NearDuplicateIndex}. */
export interface MinHashOptions {
  /** Words per shingle. Three keeps lightly edited copies (a changed word here and there) close. */
  shingle?: number;
  /** LSH bands; more bands find more pairs at lower similarity, at more memory. */
  bands?: number;
  /** Hashes per band; more rows make a band match stricter. */
  rows?: number;
  /** Estimated Jaccard similarity at or above which two texts are near-duplicates. */
  threshold?: number;
  /** Fewest shingles a text needs to be fingerprinted: a few words say nothing about copying. */
  minShingles?: number;
  /**
   * Items kept per generation. The index keeps two generations and drops the older one when the
   * newer fills, so memory stays bounded on an endless stream; copies are looked for among the
   * last `capacity` to `2 × capacity` items (wire copies run within hours of each other).
   */
  capacity?: number;
}

/** A near-duplicate found for a new item. */
export interface DuplicateMatch {
  /** Key of the earlier item. */
  key: string | number;
  /** Estimated Jaccard similarity of the two shingle sets. */
  similarity: number;
}

// Compiled at once (`lang/regexp.ts`): every article's shingles are read with it.
const SHINGLE_WORD = compileAtOnce(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]|[\p{L}\p{M}\p{N}]+/uy);
const MAX_WORDS = 3000;

/**
 * FNV-1a of each lower-cased word of a text (letters and digits only; Han, kana and Hangul
 * character by character), of the first {@link MAX_WORDS}: hashed where they stand, not cut out.
 */
function wordHashes(text: string): Uint32Array {
  const lower = text.toLowerCase();
  let out = new Uint32Array(Math.min(MAX_WORDS, 64));
  let n = 0;
  for (let at = nextAt(SHINGLE_WORD, lower, 0); at >= 0 && n < MAX_WORDS; ) {
    const end = SHINGLE_WORD.lastIndex;
    if (n === out.length) {
      const grown = new Uint32Array(Math.min(MAX_WORDS, out.length * 2));
      grown.set(out);
      out = grown;
    }
    out[n++] = fnv1aOf(lower, at, end);
    at = nextAt(SHINGLE_WORD, lower, end);
  }
  return out.subarray(0, n);
}

/** 32-bit FNV-1a of a string. */
export function fnv1a(s: string): number {
  return fnv1aOf(s, 0, s.length);
}

/** 32-bit FNV-1a of the units of `s` from `from` to `to`. */
function fnv1aOf(s: string, from: number, to: number): number {
  let h = 0x811c9dc5;
  for (let i = from; i < to; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** The finaliser of MurmurHash3: spreads every input bit over the output. */
function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * Hashes of the distinct word shingles of a text, in ascending order (a text shorter than one
 * shingle gives none).
 */
export function shingleHashes(text: string, size = 3): Uint32Array {
  // Each word is hashed once, not once for every shingle it is part of.
  const hashes = wordHashes(text);
  const count = Math.max(0, hashes.length - size + 1);
  const out = new Uint32Array(count);
  for (let i = 0; i < count; i++) {
    let h = 0x811c9dc5;
    for (let j = i; j < i + size; j++) h = Math.imul(h ^ hashes[j], 0x01000193);
    out[i] = h >>> 0;
  }
  // Distinct by sorting in place: a Set would box every hash past 2^30 as a heap number.
  out.sort();
  let distinct = 0;
  for (let i = 0; i < count; i++) if (i === 0 || out[i] !== out[i - 1]) out[distinct++] = out[i];
  return out.subarray(0, distinct);
}

/**
 * The MinHash signature of a set of shingle hashes: for each of `k` hash functions, the least
 * value over the set. Hash function i is `mix(x ^ seed_i)`, each seed a fixed odd constant.
 */
export function signature(shingles: Uint32Array, k: number): Uint32Array {
  const sig = new Uint32Array(k).fill(0xffffffff);
  const seeds = seedsFor(k);
  for (let s = 0; s < shingles.length; s++) {
    const x = shingles[s];
    for (let i = 0; i < k; i++) {
      const v = mix(x ^ seeds[i]);
      if (v < sig[i]) sig[i] = v;
    }
  }
  return sig;
}

const seedCache = new Map<number, Uint32Array>();
function seedsFor(k: number): Uint32Array {
  let s = seedCache.get(k);
  if (!s) {
    s = new Uint32Array(k);
    for (let i = 0; i < k; i++) s[i] = mix(Math.imul(i + 1, 0x9e3779b1)) | 1;
    seedCache.set(k, s);
  }
  return s;
}

/** The share of positions where two signatures agree: an unbiased estimate of Jaccard similarity. */
export function estimateJaccard(a: Uint32Array, b: Uint32Array): number {
  let same = 0;
  for (let i = 0; i < a.length; i++) if (a[i] === b[i]) same++;
  return same / a.length;
}

/** Items are numbered within their generation; signatures sit end to end in one array. */
interface Generation {
  keys: Key[];
  signatures: Uint32Array;
  /** Band hash → the item, or the items, filed under it. */
  buckets: Map<number, number | number[]>;
  /** Per item, the last query that compared it (see `query`), and the last query's number. */
  seen: Int32Array;
  stamp: number;
}

/** An item's name: the caller's id or index. */
export type Key = string | number;

/** Serialisable state of a {@link NearDuplicateIndex}: each generation's keys and signatures. */
export interface NearDuplicateState {
  options: Required<MinHashOptions>;
  generations: { keys: Key[]; signatures: number[] }[];
}

const DEFAULTS: Required<MinHashOptions> = { shingle: 3, bands: 12, rows: 5, threshold: 0.7, minShingles: 8, capacity: 100_000 };
/** A bucket of more items than this is boilerplate shared by everything; it finds nothing useful. */
const BUCKET_CAP = 64;

/** Finds near-duplicate texts among the items added so far, in about constant time per item. */
export class NearDuplicateIndex {
  readonly options: Required<MinHashOptions>;
  private readonly k: number;
  private generations: Generation[] = [];

  constructor(options: MinHashOptions = {}) {
    this.options = { ...DEFAULTS, ...options };
    this.k = this.options.bands * this.options.rows;
    this.generations.push(this.emptyGeneration());
  }

  private emptyGeneration(): Generation {
    return { keys: [], signatures: new Uint32Array(this.k * 64), buckets: new Map(), seen: new Int32Array(64), stamp: 0 };
  }

  /** The signature of a text, or null when the text is too short to fingerprint. */
  fingerprint(text: string): Uint32Array | null {
    const shingles = shingleHashes(text, this.options.shingle);
    if (shingles.length < this.options.minShingles) return null;
    return signature(shingles, this.k);
  }

  private bandKeys(sig: Uint32Array, offset = 0): number[] {
    const { bands, rows } = this.options;
    const keys: number[] = [];
    for (let b = 0; b < bands; b++) {
      let h = mix(b + 1);
      for (let r = 0; r < rows; r++) h = mix(h ^ sig[offset + b * rows + r]);
      keys.push(h);
    }
    return keys;
  }

  /** The most similar earlier item at or above the threshold, if any. */
  query(sig: Uint32Array): DuplicateMatch | null {
    let best: DuplicateMatch | null = null;
    const keys = this.bandKeys(sig);
    const k = this.k;
    const { threshold } = this.options;
    // Fewest agreeing positions that reach the threshold: a candidate is given up as soon as it
    // disagrees in more than the rest, which most (sharers of a boilerplate band) do early.
    let need = 0;
    while (need <= k && need / k < threshold) need++;
    const slack = k - need;
    for (const g of this.generations) {
      // Each item is compared once however many bands it shares: marked with this query's number.
      const stamp = ++g.stamp;
      for (const band of keys) {
        const filed = g.buckets.get(band);
        if (filed === undefined) continue;
        const n = typeof filed === 'number' ? 1 : filed.length;
        for (let f = 0; f < n; f++) {
          const item = typeof filed === 'number' ? filed : filed[f];
          if (g.seen[item] === stamp) continue;
          g.seen[item] = stamp;
          let same = 0;
          let differ = 0;
          const at = item * k;
          const signatures = g.signatures;
          for (let i = 0; i < k; i++) {
            if (signatures[at + i] === sig[i]) same++;
            else if (++differ > slack) break;
          }
          if (differ > slack) continue;
          const similarity = same / k;
          if (similarity >= threshold && (!best || similarity > best.similarity)) best = { key: g.keys[item], similarity };
        }
      }
    }
    return best;
  }

  /** Keeps an item so that later items can be found to copy it. */
  insert(key: Key, sig: Uint32Array): void {
    let g = this.generations[this.generations.length - 1];
    if (g.keys.length >= this.options.capacity) {
      g = this.emptyGeneration();
      this.generations.push(g);
      if (this.generations.length > 2) this.generations.shift();
    }
    const item = g.keys.length;
    g.keys.push(key);
    if ((item + 1) * this.k > g.signatures.length) {
      const grown = new Uint32Array(Math.min(this.options.capacity, g.signatures.length / this.k * 2) * this.k);
      grown.set(g.signatures);
      g.signatures = grown;
    }
    if (item >= g.seen.length) {
      const seen = new Int32Array(g.signatures.length / this.k);
      seen.set(g.seen);
      g.seen = seen;
    }
    g.signatures.set(sig, item * this.k);
    this.file(g, item);
  }

  private file(g: Generation, item: number): void {
    for (const band of this.bandKeys(g.signatures, item * this.k)) {
      const filed = g.buckets.get(band);
      if (filed === undefined) g.buckets.set(band, item);
      else if (typeof filed === 'number') g.buckets.set(band, [filed, item]);
      else if (filed.length < BUCKET_CAP) filed.push(item);
    }
  }

  /** Looks a text up, then keeps it: the earlier item it copies, if any. */
  add(key: Key, text: string): DuplicateMatch | null {
    const sig = this.fingerprint(text);
    if (!sig) return null;
    const match = this.query(sig);
    this.insert(key, sig);
    return match;
  }

  /** What {@link snapshot} holds, the signatures as views rather than copies. */
  views(): { options: Required<MinHashOptions>; generations: { keys: readonly Key[]; signatures: Uint32Array }[] } {
    return { options: this.options, generations: this.generations.map((g) => ({ keys: g.keys, signatures: g.signatures.subarray(0, g.keys.length * this.k) })) };
  }

  snapshot(): NearDuplicateState {
    const { options, generations } = this.views();
    return { options, generations: generations.map((g) => ({ keys: [...g.keys], signatures: [...g.signatures] })) };
  }

  static restore(state: NearDuplicateState): NearDuplicateIndex {
    const index = new NearDuplicateIndex(state.options);
    index.generations = state.generations.map((saved) => {
      const g: Generation = { keys: [...saved.keys], signatures: Uint32Array.from(saved.signatures), buckets: new Map(), seen: new Int32Array(0), stamp: 0 };
      if (!g.signatures.length) g.signatures = new Uint32Array(index.k * 64);
      g.seen = new Int32Array(Math.max(64, g.signatures.length / index.k));
      for (let item = 0; item < g.keys.length; item++) index.file(g, item);
      return g;
    });
    if (!index.generations.length) index.generations.push(index.emptyGeneration());
    return index;
  }
}
