/**
 * Grouping articles into stories, streaming and explainable.
 *
 * Each article becomes a sparse vector of TF-IDF terms (title and lead above the tail, names and
 * numbers as terms of their own, the prose of a page saved with its chrome; see `terms.ts`). The
 * document frequencies start from a prior of general English (`background.ts`), so that a
 * handful of reports of one matter, grouped on their own, are not told apart by their angles
 * merely because what they share is in every one of them. A new article:
 *
 * 1. is checked for being a copy of an earlier one (same address, MinHash/LSH over word
 *    shingles, or the same headline when there is no text): a copy joins its original's story
 *    and is marked, so that one agency's text in ten outlets counts as one source;
 * 2. finds its candidate neighbours through an inverted index holding, per term, the most recent
 *    articles (a bounded ring); the closest ones are compared over their whole vectors, and
 *    their stories are the candidates, so the cost per article does not grow with the collection;
 * 3. scores each candidate story by the cosine with its centroid and with its nearest article,
 *    faded by the gap in time (and lowered when a report and the story name nobody in common),
 *    and joins the best one above a threshold. How much text there was
 *    sets the threshold and the mix: a report's words make a profile worth comparing with a
 *    story's centroid; a headline's are a hint, best matched against the closest headlines,
 *    several of them, since one alike may share no more than a stock phrase;
 * 4. merges its story with another candidate whose centroid turns out alike; the articles of
 *    the smaller story move, and are reported as moved.
 *
 * A batch ends with {@link StreamingClusterer.settle}: each small story is scored again against
 * the stories as they stand, and joins the larger one its articles now fit. The first articles
 * of a matter are placed on the least evidence; by the end the story they missed has formed.
 *
 * Stories past the time window (or untouched for long, when undated) close: they keep their
 * articles and explanations but leave the index and free their vectors, so memory follows the
 * live stories. Every assignment is kept with its evidence (shared terms, nearest article,
 * similarities, gap), and the state can be saved as JSON and restored to go on grouping.
 *
 * @module
 */
import type { Assignment, ClusterDoc, Clusterer, Explanation } from './types.js';
import { LANGUAGES, languageOf, termVector, urlWords } from './terms.js';
import { NearDuplicateIndex, type NearDuplicateState } from './minhash.js';
import { priorChance } from './background.js';

export type { Clusterer, ClusterDoc, Assignment, Explanation } from './types.js';
export { NearDuplicateIndex } from './minhash.js';

/** Tuning of the clusterer; the defaults were chosen on the dev sets and suit news in general. */
export interface ClusterParams {
  /** Score needed to join a story when the article has plenty of text. */
  thresholdLong: number;
  /** Score needed to join a story when the article is a headline (or little more). */
  thresholdShort: number;
  /** Content words at and above which an article counts as having plenty of text. */
  longText: number;
  /**
   * Weight of the centroid cosine against the nearest-member cosine in a story's score, for a
   * report and for a headline. A report's story has a centroid worth comparing with; a story of
   * headlines is a spread of short texts, where the closest one says more.
   */
  centroidWeightLong: number;
  centroidWeightShort: number;
  /**
   * For a bare headline, the closest articles of a story whose cosines are averaged into its
   * nearest-article score, a story with fewer counting the missing ones as 0. One close headline
   * may share a stock phrase ("files for bankruptcy") with a headline on another matter; several
   * close ones rarely do. A few words matching one other headline is weak evidence, so a
   * headline joins a story of one or two only on a closer match than it needs for a larger one.
   */
  nearestCount: number;
  /**
   * Content words up to which an article reads as a bare headline (most have five to ten): the
   * average over `nearestCount` applies in full up to it and gives way to the single nearest
   * article by twice as many, where there is text enough for one match to mean something.
   */
  headlineWords: number;
  /**
   * Least centroid cosine, as a share of the threshold, for a story to count at all: a close
   * nearest article alone would chain unrelated headlines into a big story.
   */
  minCentroidShare: number;
  /**
   * Share of the joining threshold at which another candidate story counts as related (a
   * follow-up, a development, an earlier chapter): linked, not merged. Measured before the fade
   * in time, since follow-ups come later by nature.
   */
  relatedShare: number;
  /**
   * Factor on the score of a story that shares no name with an article, when both name several
   * (`minNames`) and are in one language: two reports of one event name at least one person,
   * place or body in common, while two events of a kind told with the same words (a quake, a
   * strike, a verdict) name none. Words alone may still join them, on a score this much higher.
   */
  unnamedShare: number;
  /** Names each side needs for `unnamedShare` to apply. */
  minNames: number;
  /** Centroid cosine at which two stories merge, when a report and when a headline links them. */
  mergeThresholdLong: number;
  mergeThresholdShort: number;
  /** Days of gap between an article and a story before similarity starts to fade. */
  graceDays: number;
  /** Days over which similarity fades by a factor e beyond the grace period. */
  fadeDays: number;
  /** Days of gap beyond which an article never joins a story. */
  windowDays: number;
  /**
   * Pseudo-articles of general English counted beside the collection's own in each term's
   * document frequency (see `background.ts`), fading as e^(−n / priorDocs) over the first n
   * articles: while the collection is small, and above all when it is a handful of reports of one
   * matter, how common a word is in English decides its weight, not that every report at hand has
   * it. 0 turns the prior off.
   */
  priorDocs: number;
  /** Terms kept per article vector. */
  vectorTerms: number;
  /** Terms per article entered in (and looked up in) the inverted index. */
  indexTerms: number;
  /** Most recent articles kept per term in the inverted index. */
  postingCap: number;
  /** Candidate articles compared over their whole vectors, best index scores first. */
  exactCandidates: number;
  /** Terms kept per story centroid. */
  centroidTerms: number;
  /**
   * Share of the threshold an article needs against a story told only in other languages (an
   * English report and a Malay or a Chinese one): they share names, numbers and the dictionary's
   * glosses, not their wording, so the same event scores lower across languages.
   */
  crossLanguageShare: number;
  /** Estimated Jaccard similarity of word 3-shingles at which a text is a copy. */
  duplicateJaccard: number;
  /**
   * Articles after which a story nobody joined is closed, when dates do not close it first (a
   * dated story closes once the newest article is `windowDays` past it). A closed story keeps
   * its articles and their explanations, but leaves the index and frees its vectors.
   */
  retireAfter: number;
  /** Articles between two sweeps for stories to close. */
  sweepEvery: number;
  /**
   * Articles up to which a story counts as small and is looked at again when a batch is settled
   * (see {@link StreamingClusterer.settle}).
   */
  reviewSize: number;
}

export const DEFAULT_PARAMS: ClusterParams = {
  thresholdLong: 0.25,
  thresholdShort: 0.15,
  longText: 60,
  centroidWeightLong: 1,
  centroidWeightShort: 0.3,
  nearestCount: 3,
  headlineWords: 8,
  minCentroidShare: 0.5,
  relatedShare: 0.6,
  unnamedShare: 0.7,
  minNames: 2,
  mergeThresholdLong: 0.9,
  mergeThresholdShort: 0.25,
  graceDays: 3,
  fadeDays: 10,
  windowDays: 45,
  priorDocs: 15,
  vectorTerms: 150,
  indexTerms: 30,
  postingCap: 80,
  exactCandidates: 50,
  centroidTerms: 1000,
  crossLanguageShare: 0.3,
  duplicateJaccard: 0.7,
  retireAfter: 100_000,
  sweepEvery: 10_000,
  reviewSize: 5,
};

export interface ClustererOptions extends Partial<ClusterParams> {
  /** A snapshot from {@link StreamingClusterer.snapshot}: grouping goes on from there. */
  state?: unknown;
}

const DAY = 86_400_000;

/** Milliseconds since 1970 for an ISO date of any precision; NaN when unknown. */
export function timeOf(published: string | null): number {
  if (!published || published.startsWith('--')) return NaN;
  const p = published.length === 4 ? `${published}-07-01` : published.length === 7 ? `${published}-15` : published;
  return Date.parse(p);
}

/** Entries per block of the vector store: 4 MiB of term ids and 4 MiB of weights. */
const BLOCK = 1 << 20;

/**
 * The articles, one typed column per field rather than one object each, and their vectors end to
 * end in large blocks rather than two small arrays each: a million articles are then a few
 * hundred arrays to the garbage collector, whose marking would otherwise cost more with every
 * article kept. A closed story's vectors are dropped; a block whose live part falls low is
 * compacted, so that memory follows the open stories.
 */
class DocColumns {
  size = 0;
  ids: string[] = [];
  story = new Int32Array(1024);
  time = new Float64Array(1024);
  /** Its language (an index into LANGUAGES of `terms.ts`); 0 when it could not be told. */
  lang = new Uint8Array(1024);
  /** Its content words (capped): how much text it had, which sets its bars (see `bars`). */
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

/** `to` with `from` copied into its start. */
function grow<T extends Int32Array | Float64Array | Float32Array | Uint8Array | Uint16Array>(from: T, to: T): T {
  to.set(from as never);
  return to;
}

interface StoryState {
  id: string;
  centroid: CentroidTable;
  /** Sum of squares of the centroid's weights, kept in step with it. */
  norm2: number;
  members: number[];
  first: number;
  last: number;
  /** Index of the article that joined last. */
  lastArrival: number;
  /** Set when the story was merged into another: its index. */
  mergedInto: number;
  /** Closed: out of the index, its vectors freed (see `retireAfter`). */
  retired: boolean;
  /** Related stories by index, with the strongest similarity seen between them. */
  related: Map<number, number>;
  /** Its articles per language (indexed as LANGUAGES of `terms.ts`; 0 is unknown). */
  langs: number[];
  /** Names (`@…` terms) in its centroid, kept in step with it. */
  names: number;
}

/**
 * The terms seen so far, numbered in order of first sight, with their document frequencies.
 * The characters of all terms sit end to end in one array and are found through a hash table of
 * their own: hundreds of thousands of terms are then a few arrays, not as many strings and map
 * entries for the garbage collector, and a lookup compares characters in flat memory.
 */
class Vocabulary {
  size = 0;
  /** Per term: articles that had it, and 1 when it is a name (`@…`). */
  df = new Int32Array(1024);
  isName = new Uint8Array(1024);
  /** Per term: the chance an English article has it, before any is seen (see `background.ts`). */
  prior = new Float32Array(1024);
  private chars = new Uint16Array(1 << 16);
  private used = 0;
  /** Per term: where its characters start (its end is where the next one starts). */
  private starts = new Int32Array(1025);
  /** Hash slots, two numbers each: the term's hash and 1 + its number (0 when free). */
  private slots = new Int32Array(2 * 2048);

  /** The number of term `t`, entering it (with a frequency of 0) when new. */
  id(t: string): number {
    let h = 0x811c9dc5;
    for (let i = 0; i < t.length; i++) h = Math.imul(h ^ t.charCodeAt(i), 0x01000193);
    h ^= h >>> 15;
    const slots = this.slots;
    const mask = (slots.length >> 1) - 1;
    let at = h & mask;
    for (;;) {
      const id = slots[2 * at + 1] - 1;
      if (id < 0) break;
      if (slots[2 * at] === h && this.is(id, t)) return id;
      at = (at + 1) & mask;
    }
    return this.enter(t, h, at);
  }

  private is(id: number, t: string): boolean {
    const from = this.starts[id];
    if (this.starts[id + 1] - from !== t.length) return false;
    const chars = this.chars;
    for (let i = 0; i < t.length; i++) if (chars[from + i] !== t.charCodeAt(i)) return false;
    return true;
  }

  private enter(t: string, h: number, at: number): number {
    const id = this.size++;
    if (this.size === this.df.length) {
      const n = this.df.length * 2;
      this.df = grow(this.df, new Int32Array(n));
      this.isName = grow(this.isName, new Uint8Array(n));
      this.prior = grow(this.prior, new Float32Array(n));
      this.starts = grow(this.starts, new Int32Array(n + 1));
    }
    if (this.used + t.length > this.chars.length) {
      let n = this.chars.length * 2;
      while (n < this.used + t.length) n *= 2;
      const chars = new Uint16Array(n);
      chars.set(this.chars);
      this.chars = chars;
    }
    for (let i = 0; i < t.length; i++) this.chars[this.used + i] = t.charCodeAt(i);
    this.used += t.length;
    this.starts[id + 1] = this.used;
    this.isName[id] = t.charCodeAt(0) === 64 ? 1 : 0;
    this.prior[id] = priorChance(t);
    this.slots[2 * at] = h;
    this.slots[2 * at + 1] = id + 1;
    // Kept under half full, so that probes stay short.
    if (this.size * 2 > this.slots.length >> 1) this.rehash();
    return id;
  }

  private rehash(): void {
    const old = this.slots;
    const slots = new Int32Array(old.length * 2);
    const mask = (slots.length >> 1) - 1;
    for (let s = 0; s < old.length; s += 2) {
      if (old[s + 1] === 0) continue;
      let at = old[s] & mask;
      while (slots[2 * at + 1] !== 0) at = (at + 1) & mask;
      slots[2 * at] = old[s];
      slots[2 * at + 1] = old[s + 1];
    }
    this.slots = slots;
  }

  /** The term numbered `id`. */
  name(id: number): string {
    const from = this.starts[id];
    const to = this.starts[id + 1];
    // In slices, since a call takes only so many arguments.
    let out = '';
    for (let i = from; i < to; i += 4096) out += String.fromCharCode(...this.chars.subarray(i, Math.min(to, i + 4096)));
    return out;
  }
}

/** Articles per language of one article in each language, for {@link StreamingClusterer.languageBoost}. */
const ONE_LANGUAGE = LANGUAGES.map((_, l) => LANGUAGES.map((_, k) => (k === l ? 1 : 0)));

/** Related stories kept per story: the strongest links. */
const RELATED = 10;

const EMPTY_TERMS = new Int32Array(0);
const EMPTY_WEIGHTS = new Float32Array(0);
const EMPTY_VALUES = new Float64Array(0);
/** Shared terms kept per article for its explanation. */
const SHARED = 8;
const HOW = ['', 'the same address', 'the same text', 'the same headline'] as const;

/**
 * What was measured when each article was placed, enough to explain it later; one typed column
 * per figure, so that a million explanations cost about a hundred megabytes, not a gigabyte.
 */
class EvidenceLog {
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

interface SnapshotV1 {
  format: 'parallax-cluster';
  version: 1;
  params: ClusterParams;
  vocabulary: string[];
  df: number[];
  clock: number | null;
  /**
   * `lang` and `words`: see {@link DocColumns}; absent in snapshots made before languages were
   * told apart and before the review of small stories.
   */
  docs: { id: string; story: number; terms: number[]; weights: number[]; time: number | null; lang?: number; words?: number }[];
  stories: { id: string; centroid: [number, number][]; norm2: number; members: number[]; first: number | null; last: number | null; lastArrival: number; mergedInto: number; retired: boolean; related: [number, number][] }[];
  evidence: Record<string, (number | null)[]>;
  duplicates: NearDuplicateState;
  urls: [number, number][];
  titles: [number, number][];
  /** Term → its posting list as it stands (articles, weights, where the ring goes on). */
  postings: [number, number[], number[], number][];
}

/**
 * An address with what does not change the page taken off (scheme, `www.`, fragment, tracking
 * parameters); the query stays, since `article.aspx?id=…` names the article.
 */
export function urlKey(url: string): string {
  const [base, query = ''] = url.replace(/\\/g, '').replace(/#.*$/, '').split('?', 2);
  const kept = query.split('&').filter((p) => p && !/^(utm_\w+|ref|src|cmp|smid|partner|fbclid|gclid)=/i.test(p)).join('&');
  return base.replace(/^https?:\/\/(www\.)?/i, '').replace(/\/$/, '').toLowerCase() + (kept ? `?${kept}` : '');
}

/**
 * A 53-bit hash of a string (two 32-bit hashes side by side): a million keys are unlikely to
 * collide, and a number costs a map far less than the string would.
 */
function hash53(s: string): number {
  let h1 = 0x811c9dc5;
  let h2 = 0x9747b28c;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995);
    h2 ^= h2 >>> 15;
  }
  return (h1 >>> 0) * 0x200000 + ((h2 >>> 0) & 0x1fffff);
}

/** The most recent articles carrying one term, with the term's weight in each; a ring once full. */
class Posting {
  docs: number[] = [];
  weights: number[] = [];
  next = 0;
  /** Listed for the next sweep: it may hold articles of closing stories, or has wrapped round. */
  due = false;

  constructor(readonly term: number) {}

  push(doc: number, weight: number, cap: number): void {
    if (this.docs.length < cap) {
      this.docs.push(doc);
      this.weights.push(weight);
      return;
    }
    // Full: the oldest entry gives way. News moves on, and old articles already have their stories.
    this.docs[this.next] = doc;
    this.weights[this.next] = weight;
    this.next = (this.next + 1) % cap;
  }

  /** Drops the entries of articles `gone` says are gone; false when nothing is left. */
  keep(gone: (doc: number) => boolean): boolean {
    if (this.next === 0) {
      // Already oldest first: filtered where it is.
      let n = 0;
      for (let j = 0; j < this.docs.length; j++) {
        if (gone(this.docs[j])) continue;
        this.docs[n] = this.docs[j];
        this.weights[n] = this.weights[j];
        n++;
      }
      this.docs.length = n;
      this.weights.length = n;
      return n > 0;
    }
    const docs: number[] = [];
    const weights: number[] = [];
    // Oldest first, so that the ring goes on replacing the oldest.
    for (let k = 0; k < this.docs.length; k++) {
      const j = (this.next + k) % this.docs.length;
      if (gone(this.docs[j])) continue;
      docs.push(this.docs[j]);
      weights.push(this.weights[j]);
    }
    this.docs = docs;
    this.weights = weights;
    this.next = 0;
    return docs.length > 0;
  }
}

/**
 * A story's centroid, term → summed weight: an open-addressing table over three typed arrays
 * instead of a Map, so that a story costs the garbage collector three objects, not a thousand
 * entries, and lookups stay in flat memory. Entries are kept and iterated in insertion order,
 * as a Map's would be: cosines summed in the same order come out the same to the last bit.
 */
class CentroidTable {
  size = 0;
  keys: Int32Array;
  values: Float64Array;
  /**
   * Hash slots, two numbers each: the term, and 1 + its entry's position (0 when free). Side by
   * side, a probe reads one cache line.
   */
  private slots: Int32Array;

  constructor(capacity = 0) {
    this.keys = capacity ? new Int32Array(capacity) : EMPTY_TERMS;
    this.values = capacity ? new Float64Array(capacity) : EMPTY_VALUES;
    this.slots = capacity ? new Int32Array(2 * slotsFor(capacity)) : EMPTY_TERMS;
  }

  /** Where term `t` is among the entries; -1 when absent. */
  find(t: number): number {
    const slots = this.slots;
    if (!slots.length) return -1;
    const mask = (slots.length >> 1) - 1;
    for (let h = Math.imul(t, 0x9e3779b1) >>> 0 & mask; ; h = (h + 1) & mask) {
      const at = slots[2 * h + 1];
      if (at === 0) return -1;
      if (slots[2 * h] === t) return at - 1;
    }
  }

  /** The weight of term `t`; 0 when absent (every weight kept is positive). */
  get(t: number): number {
    const at = this.find(t);
    return at < 0 ? 0 : this.values[at];
  }

  /** Adds `w` to term `t`'s weight (entering it last when new) and returns the weight it had. */
  add(t: number, w: number): number {
    const at = this.find(t);
    if (at >= 0) {
      const old = this.values[at];
      this.values[at] = old + w;
      return old;
    }
    this.append(t, w);
    return 0;
  }

  /** Enters a term known to be absent. */
  append(t: number, w: number): void {
    if (this.size === this.keys.length) this.grow();
    const i = this.size++;
    this.keys[i] = t;
    this.values[i] = w;
    const slots = this.slots;
    const mask = (slots.length >> 1) - 1;
    let h = Math.imul(t, 0x9e3779b1) >>> 0 & mask;
    while (slots[2 * h + 1] !== 0) h = (h + 1) & mask;
    slots[2 * h] = t;
    slots[2 * h + 1] = i + 1;
  }

  private grow(): void {
    const n = Math.max(16, this.keys.length * 2);
    const keys = new Int32Array(n);
    keys.set(this.keys);
    const values = new Float64Array(n);
    values.set(this.values);
    this.keys = keys;
    this.values = values;
    const slots = new Int32Array(2 * slotsFor(n));
    const mask = (slots.length >> 1) - 1;
    for (let i = 0; i < this.size; i++) {
      let h = Math.imul(keys[i], 0x9e3779b1) >>> 0 & mask;
      while (slots[2 * h + 1] !== 0) h = (h + 1) & mask;
      slots[2 * h] = keys[i];
      slots[2 * h + 1] = i + 1;
    }
    this.slots = slots;
  }

  entries(): [number, number][] {
    const out: [number, number][] = [];
    for (let i = 0; i < this.size; i++) out.push([this.keys[i], this.values[i]]);
    return out;
  }
}

/** Hash slots for `n` entries: a power of two at least twice as many, so probes stay short. */
function slotsFor(n: number): number {
  let s = 16;
  while (s < n * 2) s *= 2;
  return s;
}

/**
 * The k-th largest of the first `n` values (k ≥ 1), found by partitioning (Hoare's selection)
 * instead of sorting them all: the same value a sort would put there, in linear time.
 * Reorders the values.
 */
function kthLargest(a: Float64Array, n: number, k: number): number {
  // The k-th largest is the (n − k)-th smallest, counting from 0.
  const target = n - k;
  let lo = 0;
  let hi = n - 1;
  while (lo < hi) {
    const pivot = a[(lo + hi) >>> 1];
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i] < pivot) i++;
      while (a[j] > pivot) j--;
      if (i <= j) {
        const t = a[i];
        a[i] = a[j];
        a[j] = t;
        i++;
        j--;
      }
    }
    if (target <= j) hi = j;
    else if (target >= i) lo = i;
    else return a[target];
  }
  return a[target];
}

/** A candidate story as scored against an article (see `candidates`). */
type Scored = { story: number; score: number; raw: number; centroid: number; nearest: number; nearestSim: number; gap: number };

const num = (x: number): number | null => (Number.isFinite(x) ? x : null);
const back = (x: number | null): number => (x === null ? NaN : x);

/** The streaming clusterer behind {@link createClusterer}. */
export class StreamingClusterer implements Clusterer {
  readonly name = 'stream-tfidf';
  readonly params: ClusterParams;
  private vocabulary = new Vocabulary();
  private docs = new DocColumns();
  private byId = new Map<string, number>();
  /** Hash of the address key → first article at it. */
  private byUrl = new Map<number, number>();
  /** Hash of the headline → first article with it. */
  private byTitle = new Map<number, number>();
  private stories: StoryState[] = [];
  /** Stories not closed, by index. */
  private open = new Set<number>();
  /** Newest publication time seen. */
  private clock = NaN;
  private postings = new Map<number, Posting>();
  /** Postings the next sweep must visit (see `sweep`). */
  private due: Posting[] = [];
  /** Scratch space for scoring neighbours, indexed by article; cleared after each use. */
  private acc = new Float64Array(1024);
  private touched: number[] = [];
  /** Scratch space holding the new article's weights, indexed by term. */
  private mine = new Float32Array(1024);
  /** Scratch space for weighing an article's terms and for choosing the closest candidates. */
  private scratchIds = new Int32Array(1024);
  private scratchWeights = new Float64Array(1024);
  private scratchOrder = new Int32Array(1024);
  private scratchScores = new Float64Array(1024);
  private vectorIds = new Int32Array(256);
  private vectorWeights = new Float32Array(256);
  private evidence = new EvidenceLog();
  private duplicates: NearDuplicateIndex;
  private cache: Map<string, string> | null = null;

  constructor(options: ClustererOptions = {}) {
    const { state, ...params } = options;
    this.params = { ...DEFAULT_PARAMS, ...params };
    this.duplicates = new NearDuplicateIndex({ threshold: this.params.duplicateJaccard });
    if (state !== undefined) this.restore(state);
  }

  /** The article's unit TF-IDF vector over its strongest terms, and how much text it had. */
  private vectorise(doc: ClusterDoc, lang: number): { terms: Int32Array; weights: Float32Array; length: number } {
    const { terms, length } = termVector(doc.title, doc.text);
    if (length < this.params.longText && doc.url) {
      // A headline alone is short; the address often spells the full headline out. Its words
      // weigh as a lead does: below the headline, above the tail.
      const slug = termVector(null, urlWords(doc.url));
      for (const t of slug.terms.keys()) if (!t.startsWith('@')) terms.set(t, Math.max(terms.get(t) ?? 0, 2));
    }
    const n = this.docs.size + 1;
    const count = terms.size;
    if (this.scratchIds.length < count) {
      this.scratchIds = new Int32Array(count * 2);
      this.scratchWeights = new Float64Array(count * 2);
      this.scratchOrder = new Int32Array(count * 2);
    }
    const ids = this.scratchIds;
    const ws = this.scratchWeights;
    const vocabulary = this.vocabulary;
    // The prior gives way as the collection grows: past a few times `priorDocs` articles, the
    // collection's own frequencies are the better guide (news names a country at war far more often than
    // general English does).
    const prior = this.params.priorDocs ? this.params.priorDocs * Math.exp(-n / this.params.priorDocs) : 0;
    // English counts say nothing of another language's words: an article in one keeps the
    // collection's frequencies alone.
    const pseudo = lang <= 1 ? prior : 0;
    let j = 0;
    for (const [t, tf] of terms) {
      const id = vocabulary.id(t);
      ids[j] = id;
      // The frequencies are read after entering the term: entering may have grown the array.
      ws[j] = (1 + Math.log(tf)) * (Math.log((n + 1 + pseudo) / (++vocabulary.df[id] + 1 + pseudo * vocabulary.prior[id])) + 1);
      j++;
    }
    // Heaviest first, ties in the order the terms came: what a stable sort of the pairs gives.
    const order = this.scratchOrder.subarray(0, count);
    for (let i = 0; i < count; i++) order[i] = i;
    order.sort((a, b) => ws[b] - ws[a] || a - b);
    const kept = Math.min(count, this.params.vectorTerms);
    let norm = 0;
    for (let k = 0; k < kept; k++) norm += ws[order[k]] * ws[order[k]];
    norm = Math.sqrt(norm) || 1;
    // Views of scratch space: the store keeps its own copy, and nothing vectorises again
    // before `add` is done with these.
    if (this.vectorIds.length < kept) {
      this.vectorIds = new Int32Array(kept * 2);
      this.vectorWeights = new Float32Array(kept * 2);
    }
    const out = this.vectorIds.subarray(0, kept);
    const weights = this.vectorWeights.subarray(0, kept);
    for (let k = 0; k < kept; k++) {
      out[k] = ids[order[k]];
      weights[k] = ws[order[k]] / norm;
    }
    return { terms: out, weights, length };
  }

  private storyOf(docIndex: number): StoryState {
    return this.stories[this.docs.story[docIndex]];
  }

  private timeFactor(time: number, story: StoryState): { factor: number; gap: number } {
    if (story.retired) return { factor: 0, gap: NaN };
    if (!Number.isFinite(time) || !Number.isFinite(story.first)) return { factor: 1, gap: NaN };
    const gap = time < story.first ? (story.first - time) / DAY : time > story.last ? (time - story.last) / DAY : 0;
    if (gap > this.params.windowDays) return { factor: 0, gap };
    return { factor: gap <= this.params.graceDays ? 1 : Math.exp(-(gap - this.params.graceDays) / this.params.fadeDays), gap };
  }

  /** Cosine over names only between an article and a story, for the explanation; NaN when either names nobody. */
  private nameCosine(terms: Int32Array, weights: Float32Array, story: StoryState): number {
    const isName = this.vocabulary.isName;
    let dot = 0;
    let norm2 = 0;
    for (let i = 0; i < terms.length; i++) {
      if (!isName[terms[i]]) continue;
      norm2 += weights[i] * weights[i];
      dot += weights[i] * story.centroid.get(terms[i]);
    }
    let storyNorm2 = 0;
    if (norm2) {
      const { keys, values, size } = story.centroid;
      for (let j = 0; j < size; j++) if (isName[keys[j]]) storyNorm2 += values[j] * values[j];
    }
    return norm2 && storyNorm2 ? dot / Math.sqrt(norm2 * storyNorm2) : NaN;
  }

  /** Whether any of the names (term ids) is in the story's centroid. */
  private sharesName(names: number[], story: StoryState): boolean {
    for (const t of names) if (story.centroid.find(t) >= 0) return true;
    return false;
  }

  private centroidCosine(terms: Int32Array, weights: Float32Array, story: StoryState): number {
    let dot = 0;
    const centroid = story.centroid;
    for (let i = 0; i < terms.length; i++) dot += weights[i] * centroid.get(terms[i]);
    return story.norm2 > 0 ? dot / Math.sqrt(story.norm2) : 0;
  }

  private addToStory(storyIndex: number, docIndex: number): void {
    const s = this.stories[storyIndex];
    const docs = this.docs;
    docs.story[docIndex] = storyIndex;
    s.members.push(docIndex);
    s.langs[docs.lang[docIndex]]++;
    s.lastArrival = Math.max(s.lastArrival, docIndex);
    const terms = docs.termBlocks[docs.block[docIndex]];
    const weights = docs.weightBlocks[docs.block[docIndex]];
    const from = docs.start[docIndex];
    const to = from + docs.length[docIndex];
    const centroid = s.centroid;
    const isName = this.vocabulary.isName;
    let norm2 = s.norm2;
    for (let i = from; i < to; i++) {
      const old = centroid.add(terms[i], weights[i]);
      const w = old + weights[i];
      norm2 += w * w - old * old;
      if (old === 0) s.names += isName[terms[i]];
    }
    s.norm2 = norm2;
    if (centroid.size > this.params.centroidTerms * 2) this.pruneCentroid(s);
    const time = docs.time[docIndex];
    if (Number.isFinite(time)) {
      s.first = Number.isFinite(s.first) ? Math.min(s.first, time) : time;
      s.last = Number.isFinite(s.last) ? Math.max(s.last, time) : time;
    }
  }

  private pruneCentroid(s: StoryState): void {
    const { keys, values, size } = s.centroid;
    // Heaviest first, ties in the order the terms came (a stable sort of the entries).
    const order = Array.from({ length: size }, (_, i) => i).sort((a, b) => values[b] - values[a] || a - b);
    const n = Math.min(size, this.params.centroidTerms);
    const kept = new CentroidTable(n);
    let norm2 = 0;
    let names = 0;
    for (let k = 0; k < n; k++) {
      const w = values[order[k]];
      kept.append(keys[order[k]], w);
      norm2 += w * w;
      names += this.vocabulary.isName[keys[order[k]]];
    }
    s.centroid = kept;
    s.norm2 = norm2;
    s.names = names;
  }

  private newStory(docIndex: number): number {
    const index = this.stories.length;
    this.stories.push({ id: this.docs.ids[docIndex], centroid: new CentroidTable(), norm2: 0, members: [], first: NaN, last: NaN, lastArrival: docIndex, mergedInto: -1, retired: false, related: new Map(), langs: LANGUAGES.map(() => 0), names: 0 });
    this.open.add(index);
    this.addToStory(index, docIndex);
    return index;
  }

  private index(docIndex: number): void {
    const terms = this.docs.termsOf(docIndex);
    const weights = this.docs.weightsOf(docIndex);
    const n = Math.min(this.params.indexTerms, terms.length);
    for (let i = 0; i < n; i++) {
      let p = this.postings.get(terms[i]);
      if (!p) this.postings.set(terms[i], (p = new Posting(terms[i])));
      p.push(docIndex, weights[i], this.params.postingCap);
      if (p.next !== 0 && !p.due) {
        p.due = true;
        this.due.push(p);
      }
    }
  }

  /** Moves every article of story `from` into story `into`, noting each move. */
  private merge(from: number, into: number, moved: Record<string, string>): void {
    const src = this.stories[from];
    const dst = this.stories[into];
    for (const m of src.members) {
      this.addToStory(into, m);
      moved[this.docs.ids[m]] = dst.id;
    }
    src.members = [];
    src.centroid = new CentroidTable();
    src.norm2 = 0;
    src.names = 0;
    src.mergedInto = into;
    for (const [o, sim] of src.related) if (this.current(o) !== into) this.relate(into, o, sim);
    src.related = new Map();
    this.open.delete(from);
  }

  /**
   * Closes the stories that can no longer be joined (past the time window, or untouched for
   * `retireAfter` articles): their vectors are freed and their articles leave the index, so
   * memory follows the active stories, not the whole collection.
   */
  private sweep(): void {
    const p = this.params;
    const horizon = this.clock - (p.windowDays + p.graceDays) * DAY;
    const gone: number[] = [];
    for (const s of this.open) {
      const story = this.stories[s];
      if ((Number.isFinite(story.last) && story.last < horizon) || this.docs.size - story.lastArrival > p.retireAfter) gone.push(s);
    }
    if (!gone.length) return;
    // Only what the closing articles touched is visited: the postings they were filed under
    // (besides those that wrapped round since the last sweep, which `keep` puts back in order)
    // and their own address and headline keys. A sweep then costs what was added since the
    // last one, not the whole index.
    const due = this.due;
    const { indexTerms } = p;
    const docs = this.docs;
    for (const s of gone) {
      const story = this.stories[s];
      story.retired = true;
      story.centroid = new CentroidTable();
      story.norm2 = 0;
      story.names = 0;
      this.open.delete(s);
      for (const m of story.members) {
        const terms = docs.termBlocks[docs.block[m]];
        const from = docs.start[m];
        const n = Math.min(indexTerms, docs.length[m]);
        for (let i = from; i < from + n; i++) {
          const posting = this.postings.get(terms[i]);
          if (posting && !posting.due) {
            posting.due = true;
            due.push(posting);
          }
        }
        docs.drop(m);
        if (!Number.isNaN(docs.urlKey[m])) this.byUrl.delete(docs.urlKey[m]);
        if (!Number.isNaN(docs.titleKey[m])) this.byTitle.delete(docs.titleKey[m]);
      }
    }
    this.sweepDue();
    docs.compact();
  }

  /** Puts the listed postings in order (oldest first) and drops their entries of closed stories. */
  private sweepDue(): void {
    const closed = (doc: number): boolean => this.stories[this.docs.story[doc]].retired;
    for (const posting of this.due) {
      posting.due = false;
      if (!posting.keep(closed)) this.postings.delete(posting.term);
    }
    this.due = [];
  }

  /**
   * How much text there was decides how much a score means: a report's words are a profile,
   * a headline's a hint. The bar to join, the share of the centroid in the score, the bar to merge.
   */
  private bars(length: number): { threshold: number; centroidWeight: number; mergeThreshold: number } {
    const p = this.params;
    const longness = Math.min(1, length / p.longText);
    return {
      threshold: p.thresholdShort + (p.thresholdLong - p.thresholdShort) * longness,
      centroidWeight: p.centroidWeightShort + (p.centroidWeightLong - p.centroidWeightShort) * longness,
      mergeThreshold: p.mergeThresholdShort + (p.mergeThresholdLong - p.mergeThresholdShort) * longness,
    };
  }

  /**
   * The stories within reach of an article, scored, best first (step 2 and 3 of `add`): its
   * neighbours through the inverted index, compared in full, and their stories by centroid and
   * nearest articles, faded by the gap in time. Story `exclude` (its own, on review) is left out.
   */
  private candidates(terms: Int32Array, weights: Float32Array, length: number, lang: number, time: number, exclude: number): Scored[] {
    const p = this.params;
    const { threshold, centroidWeight } = this.bars(length);
    if (this.acc.length < this.docs.size) {
      const grown = new Float64Array(this.docs.size * 2);
      grown.set(this.acc);
      this.acc = grown;
    }
    const acc = this.acc;
    const touched = this.touched;
    touched.length = 0;
    const n = Math.min(p.indexTerms, terms.length);
    for (let i = 0; i < n; i++) {
      const posting = this.postings.get(terms[i]);
      if (!posting) continue;
      const w = weights[i];
      const docs = posting.docs;
      const ws = posting.weights;
      for (let j = 0; j < docs.length; j++) {
        const other = docs[j];
        if (acc[other] === 0) touched.push(other);
        acc[other] += w * ws[j] + 1e-12;
      }
    }
    // The index sees only each article's strongest terms; the closest candidates are compared in
    // full, so that a story's nearest article is measured, not estimated. Only they, and their
    // stories, are weighed: a bounded amount of work however large the collection.
    if (this.mine.length < this.vocabulary.size) this.mine = new Float32Array(this.vocabulary.size * 2);
    const mine = this.mine;
    for (let i = 0; i < terms.length; i++) mine[terms[i]] = weights[i];
    let cut = -Infinity;
    if (touched.length > p.exactCandidates) {
      if (this.scratchScores.length < touched.length) this.scratchScores = new Float64Array(touched.length * 2);
      const scores = this.scratchScores;
      for (let i = 0; i < touched.length; i++) scores[i] = acc[touched[i]];
      cut = kthLargest(scores, touched.length, p.exactCandidates);
    }
    // Per story: its closest article, and the closest cosines (language boost included), best first.
    const nearestIn = new Map<number, { doc: number; sim: number; top: number[] }>();
    const k = Math.max(1, Math.round(p.nearestCount));
    // 1 for a bare headline, 0 from twice its words on.
    const headline = k > 1 && p.headlineWords > 0 ? Math.min(1, Math.max(0, 2 - length / p.headlineWords)) : 0;
    let compared = 0;
    const store = this.docs;
    for (const other of touched) {
      const approx = acc[other];
      acc[other] = 0;
      if (approx < cut || compared >= p.exactCandidates) continue;
      compared++;
      const oTerms = store.termBlocks[store.block[other]];
      const oWeights = store.weightBlocks[store.block[other]];
      const from = store.start[other];
      const to = from + store.length[other];
      let sim = 0;
      for (let i = from; i < to; i++) sim += mine[oTerms[i]] * oWeights[i];
      const boosted = this.languageBoost(ONE_LANGUAGE[lang], ONE_LANGUAGE[this.docs.lang[other]]) * sim;
      const oStory = this.docs.story[other];
      const cur = nearestIn.get(oStory);
      if (!cur) {
        nearestIn.set(oStory, { doc: other, sim, top: [boosted] });
        continue;
      }
      if (sim > cur.sim) {
        cur.sim = sim;
        cur.doc = other;
      }
      const top = cur.top;
      if (top.length === k && boosted <= top[k - 1]) continue;
      let at = Math.min(top.length, k - 1);
      while (at > 0 && top[at - 1] < boosted) {
        top[at] = top[at - 1];
        at--;
      }
      top[at] = boosted;
    }
    for (let i = 0; i < terms.length; i++) mine[terms[i]] = 0;

    // 3. The best story: centroid and nearest article, faded by the gap in time.
    const scored: Scored[] = [];
    // Only a report says enough for the names it lacks to count (see `unnamedShare`).
    const names: number[] = [];
    if (length >= p.longText) {
      const isName = this.vocabulary.isName;
      for (let i = 0; i < terms.length; i++) if (isName[terms[i]]) names.push(terms[i]);
    }
    const named = names.length >= p.minNames;
    for (const [s, near] of nearestIn) {
      if (s === exclude) continue;
      const story = this.stories[s];
      const { factor, gap } = this.timeFactor(time, story);
      if (factor === 0) continue;
      // Against a story told only in other languages, the bar is lower by `crossLanguageShare`:
      // the score is raised by as much, so that joining, merging and relating all see it.
      const centroid = this.languageBoost(ONE_LANGUAGE[lang], story.langs) * this.centroidCosine(terms, weights, story);
      if (centroid < p.minCentroidShare * threshold) continue;
      let nearest = this.languageBoost(ONE_LANGUAGE[lang], ONE_LANGUAGE[this.docs.lang[near.doc]]) * near.sim;
      if (headline > 0) {
        let mean = 0;
        for (const x of near.top) mean += x;
        nearest = headline * (mean / k) + (1 - headline) * nearest;
      }
      let raw = centroidWeight * centroid + (1 - centroidWeight) * nearest;
      if (named && story.names >= p.minNames && this.languageBoost(ONE_LANGUAGE[lang], story.langs) === 1 && !this.sharesName(names, story)) raw *= p.unnamedShare;
      scored.push({ story: s, score: raw * factor, raw, centroid, nearest: near.doc, nearestSim: near.sim, gap });
    }
    scored.sort((a, b) => b.score - a.score);
    return scored;
  }

  /**
   * Looks again at a small story: its articles are scored against the other stories as they
   * stand now, and the story joins the one at least as large that they fit best. A story is started by the
   * first article of a matter seen, or by one that just missed a story still too small to match
   * well; by now the story it missed may have grown into a profile worth matching.
   */
  private review(s: number, moved: Record<string, string>): void {
    const story = this.stories[s];
    const size = story.members.length;
    if (story.mergedInto >= 0 || story.retired || !size || size > this.params.reviewSize) return;
    const docs = this.docs;
    const totals = new Map<number, number>();
    let bar = 0;
    for (const m of story.members) {
      const words = docs.words[m];
      bar += this.bars(words).threshold;
      for (const c of this.candidates(docs.termsOf(m), docs.weightsOf(m), words, docs.lang[m], docs.time[m], s)) {
        totals.set(c.story, (totals.get(c.story) ?? 0) + c.score);
      }
    }
    let best = -1;
    let bestTotal = 0;
    for (const [c, total] of totals) {
      if (this.stories[c].members.length < size || total <= bestTotal) continue;
      best = c;
      bestTotal = total;
    }
    // The mean score of its articles against the bar they set, as one article would join.
    if (best < 0 || bestTotal < bar) return;
    this.merge(s, best, moved);
  }

  /**
   * The second pass over a batch, once all its articles are in: every small open story is
   * reviewed (see `review`), oldest first. A streaming pass places each article on what came
   * before it; the first articles of a matter had the least to go on. Each story costs one
   * candidate search per article, so the pass costs about as much as adding its articles did.
   * Returns the articles that changed story, id → new story.
   */
  settle(): Record<string, string> {
    this.cache = null;
    const moved: Record<string, string> = {};
    for (const s of [...this.open]) this.review(s, moved);
    return moved;
  }

  add(doc: ClusterDoc): Assignment {
    this.cache = null;
    const p = this.params;
    if (this.byId.has(doc.id)) {
      // The same article again (a re-run, an update under the same id): it stays where it is.
      return { id: doc.id, story: this.stories[this.docs.story[this.byId.get(doc.id)!]].id, score: 1 };
    }
    const lang = languageOf(doc.title, doc.text);
    const { terms, weights, length } = this.vectorise(doc, lang);
    const time = timeOf(doc.published);
    if (Number.isFinite(time) && !(time <= this.clock)) this.clock = time;
    const docIndex = this.docs.size;
    if (docIndex > 0 && docIndex % p.sweepEvery === 0) this.sweep();
    this.docs.push(doc.id, -1, terms, weights, terms.length, time, lang, length);
    this.byId.set(doc.id, docIndex);
    const { threshold, mergeThreshold } = this.bars(length);
    const ev = this.evidence;
    ev.slot(docIndex);
    ev.threshold[docIndex] = threshold;

    // 1. Copies.
    const dup = this.findCopy(doc, docIndex, time);
    if (dup) {
      const storyIndex = this.docs.story[dup.of];
      const story = this.stories[storyIndex];
      ev.centroid[docIndex] = this.centroidCosine(terms, weights, story);
      this.addToStory(storyIndex, docIndex);
      this.index(docIndex);
      ev.story[docIndex] = storyIndex;
      ev.score[docIndex] = dup.similarity;
      ev.nearest[docIndex] = dup.of;
      ev.nearestScore[docIndex] = dup.similarity;
      ev.duplicateOf[docIndex] = dup.of;
      ev.duplicateBy[docIndex] = dup.by;
      this.keepShared(docIndex, terms, weights, story);
      return { id: doc.id, story: story.id, score: dup.similarity, duplicateOf: this.docs.ids[dup.of] };
    }

    // 2–3. Neighbours through the inverted index, and the stories scored against the article.
    const scored = this.candidates(terms, weights, length, lang, time, -1);
    const best = scored[0];
    let storyIndex: number;
    const joined = best !== undefined && best.score >= threshold;
    if (joined) {
      storyIndex = best.story;
      ev.story[docIndex] = storyIndex;
      ev.names[docIndex] = this.nameCosine(terms, weights, this.stories[storyIndex]);
      this.addToStory(storyIndex, docIndex);
    } else {
      storyIndex = this.newStory(docIndex);
      ev.story[docIndex] = storyIndex;
      if (best) {
        ev.closest[docIndex] = best.story;
        ev.closestScore[docIndex] = best.score;
      }
    }
    this.index(docIndex);

    // 4. Merges: another candidate story the article also fits, whose centroid is like its own.
    const moved: Record<string, string> = {};
    for (const c of scored.slice(0, 5)) {
      if (c.story === storyIndex || c.score < threshold) continue;
      const a = this.stories[storyIndex];
      const b = this.stories[c.story];
      if (b.mergedInto >= 0 || !b.members.length) continue;
      if (this.timeFactor(a.first, b).factor === 0) continue;
      if (this.languageBoost(a.langs, b.langs) * this.storyCosine(a, b) < mergeThreshold) continue;
      const [from, into] = a.members.length > b.members.length ? [c.story, storyIndex] : [storyIndex, c.story];
      this.merge(from, into, moved);
      storyIndex = into;
    }
    delete moved[doc.id];

    // 5. Related stories: close enough to note, not to merge.
    for (const c of scored.slice(0, 5)) {
      const other = this.current(c.story);
      if (other === storyIndex || c.raw < p.relatedShare * threshold) continue;
      this.relate(storyIndex, other, c.raw);
    }

    const story = this.stories[storyIndex];
    const chosen = scored.find((x) => x.story === storyIndex);
    const score = chosen?.score ?? 0;
    ev.score[docIndex] = score;
    if (chosen) {
      ev.centroid[docIndex] = chosen.centroid;
      ev.nearest[docIndex] = chosen.nearest;
      ev.nearestScore[docIndex] = chosen.nearestSim;
      ev.gap[docIndex] = chosen.gap;
      this.keepShared(docIndex, terms, weights, story);
    }
    const out: Assignment = { id: doc.id, story: story.id, score };
    if (Object.keys(moved).length) out.moved = moved;
    return out;
  }

  /**
   * How much a similarity is raised for being measured across languages, from the articles per
   * language on either side: by 1 / `crossLanguageShare` when they have no language in common,
   * not at all when they have one only, and in between by how much the two mixes overlap.
   * Articles of unknown language count as matching any.
   */
  private languageBoost(a: number[], b: number[]): number {
    let na = 0;
    let nb = 0;
    for (let l = 1; l < a.length; l++) {
      na += a[l];
      nb += b[l];
    }
    if (!na || !nb) return 1;
    let overlap = 0;
    for (let l = 1; l < a.length; l++) overlap += Math.min(a[l] / na, b[l] / nb);
    const share = this.params.crossLanguageShare;
    return 1 / (overlap + (1 - overlap) * share);
  }

  /** The story a story index stands for now, after merges. */
  private current(s: number): number {
    while (this.stories[s].mergedInto >= 0) s = this.stories[s].mergedInto;
    return s;
  }

  private relate(a: number, b: number, similarity: number): void {
    for (const [x, y] of [[a, b], [b, a]]) {
      const links = this.stories[x].related;
      if ((links.get(y) ?? 0) >= similarity) continue;
      links.set(y, similarity);
      if (links.size > RELATED) {
        let weakest = -1;
        for (const [k, v] of links) if (weakest < 0 || v < links.get(weakest)!) weakest = k;
        links.delete(weakest);
      }
    }
  }

  /**
   * Stories related to a story (follow-ups, developments, earlier chapters), strongest first,
   * by their current ids; empty for an unknown story.
   */
  related(storyId: string): { story: string; similarity: number }[] {
    const own = this.byId.get(storyId);
    if (own === undefined) return [];
    const s = this.current(this.docs.story[own]);
    if (this.stories[s].id !== storyId) return [];
    const best = new Map<number, number>();
    // Links made before a merge may point at a story merged since.
    for (const [o, sim] of this.stories[s].related) {
      const other = this.current(o);
      if (other !== s && sim > (best.get(other) ?? 0)) best.set(other, sim);
    }
    return [...best].sort((a, b) => b[1] - a[1]).map(([o, similarity]) => ({ story: this.stories[o].id, similarity }));
  }

  private storyCosine(a: StoryState, b: StoryState): number {
    const [small, large] = a.centroid.size < b.centroid.size ? [a.centroid, b.centroid] : [b.centroid, a.centroid];
    let dot = 0;
    for (let j = 0; j < small.size; j++) dot += small.values[j] * large.get(small.keys[j]);
    return a.norm2 && b.norm2 ? dot / Math.sqrt(a.norm2 * b.norm2) : 0;
  }

  /** The earlier article this one copies: same address, same text (MinHash) or same headline. */
  private findCopy(doc: ClusterDoc, docIndex: number, time: number): { of: number; similarity: number; by: number } | null {
    let found: { of: number; similarity: number; by: number } | null = null;
    if (doc.url) {
      const key = hash53(urlKey(doc.url));
      const prior = this.byUrl.get(key);
      if (prior !== undefined) found = { of: prior, similarity: 1, by: 1 };
      else {
        this.byUrl.set(key, docIndex);
        this.docs.urlKey[docIndex] = key;
      }
    }
    const match = this.duplicates.add(docIndex, `${doc.title ?? ''}\n${doc.text}`);
    if (!found && match) found = { of: Number(match.key), similarity: match.similarity, by: 2 };
    if (doc.title && doc.text.length < 200) {
      const words = doc.title.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
      if (words.split(' ').length >= 5) {
        const key = hash53(words);
        const prior = this.byTitle.get(key);
        if (prior !== undefined && !found) found = { of: prior, similarity: 1, by: 3 };
        else if (prior === undefined) {
          this.byTitle.set(key, docIndex);
          this.docs.titleKey[docIndex] = key;
        }
      }
    }
    if (found) {
      // Point at the first of the copies, so ten copies of one wire story name one original.
      const first = this.evidence.duplicateOf[found.of];
      if (first >= 0) found.of = first;
      if (this.timeFactor(time, this.storyOf(found.of)).factor === 0) return null;
    }
    return found;
  }

  /** Keeps the article's terms that weigh most in its story's centroid, for its explanation. */
  private keepShared(docIndex: number, terms: Int32Array, weights: Float32Array, story: StoryState): void {
    const norm = Math.sqrt(story.norm2) || 1;
    const out: [number, number][] = [];
    for (let i = 0; i < terms.length; i++) {
      const c = story.centroid.get(terms[i]);
      if (c) out.push([terms[i], (weights[i] * c) / norm]);
    }
    out.sort((a, b) => b[1] - a[1]);
    for (let k = 0; k < Math.min(SHARED, out.length); k++) {
      this.evidence.sharedTerms[docIndex * SHARED + k] = out[k][0];
      this.evidence.sharedWeights[docIndex * SHARED + k] = out[k][1];
    }
  }

  assignments(): Map<string, string> {
    if (!this.cache) {
      this.cache = new Map();
      for (let i = 0; i < this.docs.size; i++) this.cache.set(this.docs.ids[i], this.stories[this.docs.story[i]].id);
    }
    return new Map(this.cache);
  }

  /** The current story of one article, without copying every assignment. */
  storyOfArticle(id: string): string | null {
    const i = this.byId.get(id);
    return i === undefined ? null : this.stories[this.docs.story[i]].id;
  }

  explain(id: string): Explanation | null {
    const i = this.byId.get(id);
    if (i === undefined) return null;
    const ev = this.evidence;
    const story = this.storyOf(i);
    const shared: { term: string; weight: number }[] = [];
    for (let k = 0; k < SHARED; k++) {
      const t = ev.sharedTerms[i * SHARED + k];
      if (t < 0) break;
      shared.push({ term: this.vocabulary.name(t).replace(/^#/, ''), weight: Math.round(ev.sharedWeights[i * SHARED + k] * 1000) / 1000 });
    }
    const score = ev.score[i];
    const threshold = ev.threshold[i].toFixed(2);
    let reason: string;
    if (ev.duplicateOf[i] >= 0) {
      const how = ev.duplicateBy[i] === 2 ? `the same text, MinHash Jaccard ${score.toFixed(2)}` : HOW[ev.duplicateBy[i]];
      reason = `a copy of ${this.docs.ids[ev.duplicateOf[i]]} (${how}), so it joined that article's story`;
    } else if (ev.nearest[i] < 0) {
      const closest = ev.closest[i] >= 0 ? `the closest, ${this.stories[ev.closest[i]].id}, scored ${ev.closestScore[i].toFixed(2)}` : 'no story in reach shares its strongest terms';
      reason = `started a new story: ${closest}, under the ${threshold} needed`;
    } else {
      const gap = Number.isNaN(ev.gap[i]) ? '' : `, ${ev.gap[i].toFixed(1)} days from the story's dates`;
      const names = Number.isNaN(ev.names[i]) ? '' : `, names cosine ${ev.names[i].toFixed(2)}`;
      reason = `joined the story it matched best: score ${score.toFixed(2)} ≥ ${threshold} (centroid cosine ${ev.centroid[i].toFixed(2)}, nearest article ${this.docs.ids[ev.nearest[i]]} at ${ev.nearestScore[i].toFixed(2)}${names}${gap})`;
    }
    const first = this.stories[ev.story[i]];
    if (first && first.id !== story.id) reason += `; its story ${first.id} later merged into ${story.id}`;
    return { id, story: story.id, score, shared, reason };
  }

  /** The whole state as JSON-serialisable data, for {@link createClusterer}'s `state` option. */
  snapshot(): unknown {
    const state: SnapshotV1 = {
      format: 'parallax-cluster',
      version: 1,
      params: this.params,
      vocabulary: Array.from({ length: this.vocabulary.size }, (_, i) => this.vocabulary.name(i)),
      df: Array.from(this.vocabulary.df.subarray(0, this.vocabulary.size)),
      clock: num(this.clock),
      docs: this.docs.ids.map((id, i) => ({ id, story: this.docs.story[i], terms: [...this.docs.termsOf(i)], weights: [...this.docs.weightsOf(i)], time: num(this.docs.time[i]), lang: this.docs.lang[i], words: this.docs.words[i] })),
      // The norms are kept as they are, not recomputed: sums in another order differ in the last bit.
      stories: this.stories.map((s) => ({
        id: s.id, centroid: s.centroid.entries(), norm2: s.norm2, members: s.members, first: num(s.first), last: num(s.last),
        lastArrival: s.lastArrival, mergedInto: s.mergedInto, retired: s.retired, related: [...s.related],
      })),
      evidence: this.evidence.toJSON(),
      duplicates: this.duplicates.snapshot(),
      urls: [...this.byUrl],
      titles: [...this.byTitle],
      postings: [...this.postings].map(([t, p]) => [t, p.docs, p.weights, p.next]),
    };
    return state;
  }

  private restore(raw: unknown): void {
    const state = raw as SnapshotV1;
    if (!state || state.format !== 'parallax-cluster' || state.version !== 1) throw new Error('not a clusterer snapshot (format parallax-cluster, version 1)');
    this.vocabulary = new Vocabulary();
    state.vocabulary.forEach((t, i) => {
      this.vocabulary.id(t);
      this.vocabulary.df[i] = state.df[i];
    });
    this.clock = back(state.clock);
    this.docs = new DocColumns();
    for (const d of state.docs) this.docs.push(d.id, d.story, d.terms, d.weights, d.terms.length, back(d.time), d.lang ?? 0, d.words ?? 0);
    this.stories = state.stories.map((s, i) => {
      if (!s.retired && s.mergedInto < 0) this.open.add(i);
      const centroid = new CentroidTable(s.centroid.length);
      for (const [t, w] of s.centroid) centroid.append(t, w);
      return {
        id: s.id, centroid, norm2: s.norm2, members: [...s.members], first: back(s.first), last: back(s.last),
        lastArrival: s.lastArrival, mergedInto: s.mergedInto, retired: s.retired, related: new Map(s.related),
        langs: LANGUAGES.map((_, l) => s.members.filter((m) => this.docs.lang[m] === l).length),
        names: s.centroid.filter(([t]) => this.vocabulary.isName[t]).length,
      };
    });
    this.evidence = EvidenceLog.fromJSON(state.evidence, this.docs.size);
    this.duplicates = NearDuplicateIndex.restore(state.duplicates);
    this.byUrl = new Map(state.urls);
    this.byTitle = new Map(state.titles);
    for (const [h, doc] of this.byUrl) this.docs.urlKey[doc] = h;
    for (const [h, doc] of this.byTitle) this.docs.titleKey[doc] = h;
    this.docs.ids.forEach((id, i) => this.byId.set(id, i));
    for (const [t, docs, weights, next] of state.postings) {
      const posting = new Posting(t);
      posting.docs = [...docs];
      posting.weights = [...weights];
      posting.next = next;
      this.postings.set(t, posting);
      if (next !== 0) {
        posting.due = true;
        this.due.push(posting);
      }
    }
  }
}

/** A streaming clusterer; pass `{ state }` (from `snapshot()`) to go on from a saved state. */
export function createClusterer(options?: ClustererOptions): StreamingClusterer {
  return new StreamingClusterer(options);
}
