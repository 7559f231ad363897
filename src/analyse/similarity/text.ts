/**
 * Words for comparing sentences within a story: tokens folded (case, diacritics, curly quotes),
 * stop words dropped, content words reduced to a light stem, and a weighted overlap in which rare
 * words count most and morphological variants that the stemmer leaves apart ("prioritise",
 * "priority") still count in part through a shared prefix.
 *
 * @module
 */
import { memoByKey } from './memo.js';
import { PairTable } from './pair-table.js';
import { stopwords } from '../../lang/stopwords.js';
import { foldToken } from '../../lang/fold.js';
import { stem } from '../../lang/stem.js';
import { SPACELESS, spacelessWords } from '../../lang/words.js';

/** Function words: they carry no claim of their own (data/lang/en/stopwords.txt). */
export const STOP_WORDS: ReadonlySet<string> = stopwords('function', 'en');

/** The folder and the stemmer of the language layer, for the modules of the analysis that import them from here. */
export { foldToken, stem };

/** Tokens of a text with their offsets: letters and digits, inner hyphens and apostrophes kept. */
export function tokenize(text: string): { text: string; start: number; end: number }[] {
  const out: { text: string; start: number; end: number }[] = [];
  const re = /[\p{L}\p{N}]+(?:[-'’.,][\p{L}\p{N}]+)*/gu;
  // Chinese and Japanese run their words together: a token of theirs is cut into its words.
  const spaceless = SPACELESS.test(text);
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    let t = m[0];
    if (spaceless && SPACELESS.test(t)) {
      for (const w of spacelessWords(t)) out.push({ text: w.text, start: m.index + w.start, end: m.index + w.end });
      continue;
    }
    // A full stop or comma inside a token belongs to a number ("1.5", "12,000") or an initialism.
    if (/[.,]/.test(t) && !/^[\d.,]+$/.test(t) && !/^(?:\p{L}\.)+\p{L}$/u.test(t)) {
      const cut = t.search(/[.,]/);
      t = t.slice(0, cut);
      re.lastIndex = m.index + cut;
    }
    out.push({ text: t, start: m.index, end: m.index + t.length });
  }
  return out;
}

/** True when a token is worth comparing: not a stop word, not a lone letter. */
export function isContentWord(token: string): boolean {
  const f = foldToken(token);
  return !STOP_WORDS.has(f) && (f.length > 1 || /\d/.test(f));
}

/** Token → its stem, or null for a token that is no content word (see {@link contentStems}). */
const CONTENT_CACHE = new Map<string, string | null>();

/** The stems of a text's content words, in order. */
export function contentStems(text: string): string[] {
  return stemsOfTokens(tokenize(text));
}

/** {@link contentStems} of a text already tokenized (its {@link tokenize} tokens). */
export function stemsOfTokens(tokens: readonly { text: string }[]): string[] {
  const out: string[] = [];
  for (const t of tokens) {
    let s = CONTENT_CACHE.get(t.text);
    if (s === undefined) {
      s = isContentWord(t.text) ? stem(t.text) : null;
      if (CONTENT_CACHE.size > 200_000) CONTENT_CACHE.clear();
      CONTENT_CACHE.set(t.text, s);
    }
    if (s !== null) out.push(s);
  }
  return out;
}

/**
 * {@link contentStems} of a sentence or statement, memoised by its text: the claims, the
 * disagreements, the timeline and the summary each read the same sentences' words (the summary
 * three times over), and a story analysed again (a watch, a server) reads them all again. The
 * array is shared between callers, hence read-only.
 */
export const textStems: (text: string) => readonly string[] = memoByKey(100_000, contentStems);

/**
 * {@link contentStems} of one token (a token may still split: "U.S.-led"), memoised: statements
 * ask for the same words again and again.
 */
export const tokenStems: (token: string) => readonly string[] = memoByKey(200_000, contentStems);

/**
 * Document frequencies over a set of statements (a story's sentences): a word every statement
 * uses says little about which statements agree.
 */
export class TermWeights {
  private readonly df = new Map<string, number>();
  private docs = 0;

  private readonly cache = new Map<string, number>();

  add(terms: Iterable<string>): void {
    this.docs++;
    this.cache.clear();
    for (const t of new Set(terms)) this.df.set(t, (this.df.get(t) ?? 0) + 1);
  }

  /** Inverse document frequency, never below a small floor so that common words still count a little. */
  weight(term: string): number {
    let w = this.cache.get(term);
    if (w === undefined) {
      w = Math.max(0.1, Math.log((this.docs + 1) / ((this.df.get(term) ?? 0) + 0.5)));
      this.cache.set(term, w);
    }
    return w;
  }

  frequency(term: string): number {
    return this.df.get(term) ?? 0;
  }

  get size(): number {
    return this.docs;
  }
}

/** Length of the common prefix of two strings. */
function commonPrefix(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  let i = 0;
  while (i < n && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

/** Two stems are variants of one word when they share a long prefix ("priorit-iz", "priorit-i"). */
export function softMatch(a: string, b: string): boolean {
  // Cheap rejections first: most pairs differ in their first letters.
  if (a.length < 4 || b.length < 4 || a.charCodeAt(0) !== b.charCodeAt(0) || a.charCodeAt(3) !== b.charCodeAt(3)) return false;
  if (!isWordTerm(a) || !isWordTerm(b)) return false;
  const p = commonPrefix(a, b);
  return p >= 5 || (p >= 4 && p >= Math.min(a.length, b.length));
}

/** Neither an entity id (`@3`) nor a number: a word whose variants a prefix can find. */
function isWordTerm(t: string): boolean {
  if (t.charCodeAt(0) === 64) return false;
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c >= 48 && c <= 57) return false;
  }
  return true;
}

/** Weight of a pair-of-words term relative to a word. */
export const PAIR_WEIGHT = 0.3;

/** Weight of a partial (prefix) match relative to an exact one. */
const SOFT_CREDIT = 0.7;

/**
 * Weighted Dice overlap of two sets of terms: twice the weight of what they share over the weight
 * of both. Terms that match only through {@link softMatch} count {@link SOFT_CREDIT} of their weight.
 */
export function weightedOverlap(a: ReadonlySet<string>, b: ReadonlySet<string>, weights: TermWeights): number {
  let shared = 0;
  let total = 0;
  const unmatchedB: string[] = [];
  for (const t of b) {
    total += weights.weight(t);
    if (!a.has(t)) unmatchedB.push(t);
  }
  for (const t of a) {
    const w = weights.weight(t);
    total += w;
    if (b.has(t)) shared += 2 * w;
    else {
      for (let i = 0; i < unmatchedB.length; i++) {
        const u = unmatchedB[i];
        if (softMatch(t, u)) {
          shared += SOFT_CREDIT * (w + weights.weight(u));
          unmatchedB.splice(i, 1);
          break;
        }
      }
    }
  }
  return total ? shared / total : 0;
}

/** True when `text` holds only white space (as `\s` reads it) from `from` to `to`. */
function blank(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 32 || (c >= 9 && c <= 13)) continue;
    if (c < 128) return false;
    if (!/\s/.test(text[i])) return false;
  }
  return true;
}

const BARE_CACHE = new Map<string, string>();

/** A token folded, a possessive ending dropped. */
function foldBare(token: string): string {
  let f = BARE_CACHE.get(token);
  if (f === undefined) {
    f = foldToken(token).replace(/'s$/, '');
    if (BARE_CACHE.size > 200_000) BARE_CACHE.clear();
    BARE_CACHE.set(token, f);
  }
  return f;
}

/**
 * Runs of folded tokens that no punctuation interrupts: the places where a phrase may stand.
 * Tokens inside `skip` spans (e.g. direct quotations) are left out and break the run.
 */
export function phraseRuns(text: string, skip: readonly { start: number; end: number }[] = []): string[][] {
  const runs: string[][] = [];
  let run: string[] = [];
  let prevEnd = -1;
  let k = 0;
  for (const t of tokenize(text)) {
    while (k < skip.length && skip[k].end <= t.start) k++;
    const skipped = k < skip.length && skip[k].start < t.end;
    if (skipped || (prevEnd >= 0 && !blank(text, prevEnd, t.start))) {
      if (run.length) runs.push(run);
      run = [];
    }
    prevEnd = t.end;
    if (!skipped) run.push(foldBare(t.text));
  }
  if (run.length) runs.push(run);
  return runs;
}

/** The word weights of a vector not yet weighed (see {@link TermVector.wordWeights}). */
const NO_WEIGHTS = new Float64Array(0);

/** A statement's terms as sorted integer ids, with the keys their variants share, for {@link TermSpace}. */
export interface TermVector {
  ids: Int32Array;
  /** Id of each term's first five letters (-1: too short, or not a word). */
  k5: Int32Array;
  /** Id of each term's first four letters, for four-letter stems (-1 otherwise). */
  k4: Int32Array;
  /**
   * The positions of the terms with a four-letter key, ordered by that key and then by position,
   * and their keys in the same order: a term's variants are found by a binary search.
   */
  byK4: Int32Array;
  k4Sorted: Int32Array;
  /**
   * Its four-letter keys as bits (key mod 64, low and high 32): a term of another statement whose
   * key's bit is clear has no variant here, and is passed over without a search.
   */
  k4Low: number;
  k4High: number;
  /** The weight of its words, as {@link TermSpace.mass}, when the space held `massAt` statements. */
  mass: number;
  massAt: number;
  /**
   * The weights of its words (its word pairs aside), in the order of `ids`, as of `massAt`: what
   * {@link TermSpace.overlap} adds up for the other side of every pair, read in a row instead of
   * looked up term by term in the space's large tables.
   */
  wordWeights: Float64Array;
}

/**
 * The same weighted overlap as {@link weightedOverlap}, over interned terms: a story's thousands of
 * statement pairs are compared without hashing a string. Add every statement with
 * {@link TermSpace.addStatement}, then compare the vectors it returned.
 */
export class TermSpace {
  private readonly ids = new Map<string, number>();
  /**
   * Pairs of neighbouring words by their two word ids: no string per pair, and no number key
   * beyond the small integers (a Map keyed by `first * 2^26 + second` boxed most of them).
   */
  private readonly pairIds = new PairTable();
  private readonly df: number[] = [];
  /** Per term id, 1 for a pair of words (see {@link PAIR_WEIGHT}), else 0. */
  private readonly pair: number[] = [];
  private docs = 0;
  private weights: Float64Array | null = null;

  /** A new term id; `pair` marks a pair of words. */
  private newTerm(pair: 0 | 1): number {
    this.df.push(0);
    return this.pair.push(pair) - 1;
  }

  private intern(key: string): number {
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.newTerm(0);
      this.ids.set(key, id);
    }
    return id;
  }

  /** Per term id, the ids of its variant keys (-1: none), worked out when the term is first seen. */
  private readonly five: number[] = [];
  private readonly four: number[] = [];

  private termId(t: string): number {
    let id = this.ids.get(t);
    if (id !== undefined) return id;
    id = this.intern(t);
    const word = t.length >= 4 && isWordTerm(t);
    const five = word && t.length >= 5 ? this.intern(`~5${t.slice(0, 5)}`) : -1;
    const four = word ? this.intern(`~4${t.slice(0, 4)}`) : -1;
    this.five[id] = five;
    this.four[id] = four;
    return id;
  }

  private pairId(first: number, second: number): number {
    let id = this.pairIds.get(first, second);
    if (id !== id) {
      id = this.newTerm(1);
      this.pairIds.set(first, second, id);
      this.five[id] = -1;
      this.four[id] = -1;
    }
    return id;
  }

  /**
   * Adds a statement and returns its vector. Its terms: its distinct stems, each pair of
   * neighbouring stems (a rare phrase two statements share says more than its words apart), and
   * `@N` for each entity it names; terms are numbered in that order of first sight.
   */
  addStatement(stems: readonly string[], entities: readonly number[]): TermVector {
    const wordIds = stems.map((t) => this.termId(t));
    const list = [...wordIds];
    for (let k = 1; k < wordIds.length; k++) list.push(this.pairId(wordIds[k - 1], wordIds[k]));
    for (const e of entities) list.push(this.termId(`@${e}`));
    return this.vector(list);
  }

  private vector(list: number[]): TermVector {
    const ids = Int32Array.from(list).sort();
    const k5 = new Int32Array(ids.length);
    const k4 = new Int32Array(ids.length);
    let n = 0;
    for (let i = 0; i < ids.length; i++) {
      // Repeated terms (an iterable that is not a set) count once.
      if (i && ids[i] === ids[i - 1]) continue;
      const id = ids[i];
      ids[n] = id;
      k5[n] = this.five[id] ?? -1;
      k4[n] = this.four[id] ?? -1;
      this.df[id]++;
      n++;
    }
    this.docs++;
    this.weights = null;
    const keyed: number[] = [];
    for (let y = 0; y < n; y++) if (k4[y] >= 0) keyed.push(y);
    keyed.sort((x, y) => k4[x] - k4[y] || x - y);
    const byK4 = Int32Array.from(keyed);
    let k4Low = 0;
    let k4High = 0;
    for (const y of keyed) {
      const bit = k4[y] & 63;
      if (bit < 32) k4Low |= 1 << bit;
      else k4High |= 1 << (bit - 32);
    }
    // (Views cut to the distinct terms only when some repeated: most statements repeat none.)
    const whole = n === ids.length;
    return { ids: whole ? ids : ids.subarray(0, n), k5: whole ? k5 : k5.subarray(0, n), k4: whole ? k4 : k4.subarray(0, n), byK4, k4Sorted: byK4.map((y) => k4[y]), k4Low, k4High, mass: 0, massAt: -1, wordWeights: NO_WEIGHTS };
  }

  /** Inverse document frequency of an interned term, as {@link TermWeights.weight}. */
  private weightsNow(): Float64Array {
    if (!this.weights) {
      const w = new Float64Array(this.df.length);
      for (let i = 0; i < w.length; i++) w[i] = Math.max(0.1, Math.log((this.docs + 1) / (this.df[i] + 0.5)));
      // Word pairs add evidence on top of their words: they count at a fraction, and only when
      // shared (see overlap), so that a paraphrase is not penalised for its own phrasing.
      for (let i = 0; i < w.length; i++) if (this.pair[i]) w[i] *= PAIR_WEIGHT;
      this.weights = w;
    }
    return this.weights;
  }

  /** The weight of a vector's words (its word pairs aside): the denominator of {@link overlap}. */
  mass(v: TermVector): number {
    // The same in every comparison of the vector: worked out once per weighting.
    if (v.massAt !== this.docs) {
      const w = this.weightsNow();
      let total = 0;
      let words = 0;
      for (const id of v.ids) if (!this.pair[id]) words++;
      const ww = new Float64Array(words);
      words = 0;
      for (const id of v.ids) {
        if (this.pair[id]) continue;
        total += w[id];
        ww[words++] = w[id];
      }
      v.mass = total;
      v.wordWeights = ww;
      v.massAt = this.docs;
    }
    return v.mass;
  }

  /** Weights of all interned term ids, indexed by id (valid until the next {@link add}). */
  idWeights(): Float64Array {
    return this.weightsNow();
  }

  /** Weight of an interned term id (see {@link TermVector.ids}). */
  idWeight(id: number): number {
    return this.weightsNow()[id];
  }

  /** Scratch marks of b's matched terms, reused by every comparison (no allocation per pair). */
  private used = new Uint8Array(64);

  /** Weighted Dice overlap; a term matched only by its variant keys counts {@link SOFT_CREDIT}. */
  overlap(a: TermVector, b: TermVector): number {
    const w = this.weightsNow();
    const pair = this.pair;
    let total = this.mass(a);
    // b's word weights added one by one after a's mass, in b's order: the same sum, term for
    // term, as looking each up (a precomputed mass of b would round differently).
    this.mass(b);
    const bw = b.wordWeights;
    for (let j = 0; j < bw.length; j++) total += bw[j];
    if (!total) return 0;
    if (this.used.length < b.ids.length) this.used = new Uint8Array(b.ids.length * 2);
    const usedB = this.used;
    usedB.fill(0, 0, b.ids.length);
    let shared = 0;
    let unmatched = 0;
    let i = 0;
    let j = 0;
    // Exact matches by merging the two sorted id lists.
    while (i < a.ids.length && j < b.ids.length) {
      if (a.ids[i] === b.ids[j]) {
        shared += 2 * w[a.ids[i]];
        if (pair[a.ids[i]]) total += 2 * w[a.ids[i]];
        usedB[j] = 1;
        i++;
        j++;
      } else if (a.ids[i] < b.ids[j]) { i++; unmatched++; }
      else j++;
    }
    if (!unmatched && i === a.ids.length) return shared / total;
    // Variants: a term of a left unmatched against b's unmatched terms with the same beginning.
    let bi = 0;
    for (let x = 0; x < a.ids.length; x++) {
      if (a.k4[x] < 0) continue;
      const id = a.ids[x];
      while (bi < b.ids.length && b.ids[bi] < id) bi++;
      if (bi < b.ids.length && b.ids[bi] === id) continue;
      // b's terms with the same four-letter key, in order of position: the first free one that
      // also matches on five letters (or is a four-letter stem) is the match.
      const key = a.k4[x];
      const bit = key & 63;
      if (!((bit < 32 ? b.k4Low >>> bit : b.k4High >>> (bit - 32)) & 1)) continue;
      const sorted = b.k4Sorted;
      let lo = 0;
      let hi = sorted.length;
      while (lo < hi) { const mid = (lo + hi) >> 1; if (sorted[mid] < key) lo = mid + 1; else hi = mid; }
      for (let q = lo; q < sorted.length && sorted[q] === key; q++) {
        const y = b.byK4[q];
        if (usedB[y]) continue;
        // Five shared letters, or four when one of the two is a four-letter stem.
        if ((a.k5[x] >= 0 && a.k5[x] === b.k5[y]) || a.k5[x] < 0 || b.k5[y] < 0) {
          shared += SOFT_CREDIT * (w[id] + w[b.ids[y]]);
          usedB[y] = 1;
          break;
        }
      }
    }
    return shared / total;
  }
}
