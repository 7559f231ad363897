/**
 * Grouping articles into stories, streaming and explainable.
 *
 * Each article becomes a short sparse vector of TF-IDF terms (title and lead above the tail,
 * names and numbers as terms of their own; see `terms.ts`). A new article:
 *
 * 1. is checked for being a copy of an earlier one (same URL, MinHash/LSH over word shingles, or
 *    the same headline when there is no text): a copy joins its original's story and is marked;
 * 2. finds its candidate neighbours through an inverted index of each term's most recent
 *    articles (a bounded list), scoring them by their shared term weights, and through them the
 *    candidate stories, so the cost per article does not grow with the collection;
 * 3. scores each candidate story by the cosine with its centroid and with its nearest member,
 *    damped by the gap in time, and joins the best one above a threshold that depends on how
 *    much text there was to compare (a headline says less than a report);
 * 4. merges its new story with another candidate when their centroids turn out to be alike; the
 *    articles of the smaller story move, and are reported as moved.
 *
 * Every assignment is kept with its evidence (shared terms, nearest article, similarities, gap),
 * and the state can be saved as JSON and restored to go on grouping where it stopped.
 *
 * @module
 */
import type { Assignment, ClusterDoc, Clusterer, Explanation } from './types.js';
import { termVector, urlWords } from './terms.js';
import { NearDuplicateIndex, type NearDuplicateState } from './minhash.js';

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
   * Least centroid cosine, as a share of the threshold, for a story to count at all: a close
   * nearest article alone would chain unrelated headlines into a big story.
   */
  minCentroidShare: number;
  /**
   * How far a story's score falls when the article names none of the story's people, places and
   * organisations: the score is multiplied by `entityFloor` at no shared names, rising to 1 when
   * the cosine over names alone reaches `entityFull`. An event of the same kind with other
   * people or places is another story.
   */
  entityFloor: number;
  entityFull: number;
  /** Least cosine with the story's nearest article, as a share of the threshold. */
  minNearestShare: number;
  /** Weight of name terms (`@…`) against plain words and numbers. */
  nameBoost: number;
  /** Centroid cosine at which two stories merge, when a report and when a headline links them. */
  mergeThresholdLong: number;
  mergeThresholdShort: number;
  /** Days of gap between an article and a story before similarity starts to fade. */
  graceDays: number;
  /** Days over which similarity fades by a factor e beyond the grace period. */
  fadeDays: number;
  /** Days of gap beyond which an article never joins a story. */
  windowDays: number;
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
  /** Estimated Jaccard similarity of word 3-shingles at which a text is a copy. */
  duplicateJaccard: number;
}

export const DEFAULT_PARAMS: ClusterParams = {
  thresholdLong: 0.25,
  thresholdShort: 0.18,
  longText: 60,
  centroidWeightLong: 1,
  centroidWeightShort: 0.5,
  minCentroidShare: 0.5,
  minNearestShare: 0,
  nameBoost: 1,
  entityFloor: 1,
  entityFull: 0.3,
  mergeThresholdLong: 0.7,
  mergeThresholdShort: 0.25,
  graceDays: 3,
  fadeDays: 10,
  windowDays: 45,
  vectorTerms: 150,
  indexTerms: 30,
  postingCap: 80,
  exactCandidates: 50,
  centroidTerms: 1000,
  duplicateJaccard: 0.7,
};

/**
 * Document frequencies from a background collection: how common each term is in news at large,
 * so that the first articles of a stream are weighed sensibly before the stream has its own counts.
 */
export interface TermPrior {
  docs: number;
  df: Map<string, number>;
}

export interface ClustererOptions extends Partial<ClusterParams> {
  /** Background document frequencies (terms as `termVector` makes them). */
  prior?: TermPrior;
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

interface DocState {
  id: string;
  story: number;
  terms: Int32Array;
  weights: Float32Array;
  time: number;
  url: string | null;
}

interface StoryState {
  id: string;
  centroid: Map<number, number>;
  /** Sum of squares of the centroid's weights, kept in step with it. */
  norm2: number;
  /** The same over the centroid's names only. */
  entityNorm2: number;
  members: number[];
  first: number;
  last: number;
  /** Set when the story was merged into another: its index. */
  mergedInto: number;
}

/** What was measured when an article was placed; enough to explain it later. */
interface Evidence {
  story: string;
  score: number;
  centroid: number;
  nearest: string | null;
  nearestScore: number;
  gapDays: number | null;
  /** Cosine over names alone; null when the article or the story names nobody. */
  names?: number | null;
  shared: [number, number][];
  duplicateOf?: string;
  duplicateBy?: string;
  threshold: number;
  /** When it started a story: the closest story it did not join, and its score. */
  closest?: [string, number];
}

interface SnapshotV1 {
  format: 'parallax-cluster';
  version: 1;
  params: ClusterParams;
  vocabulary: string[];
  df: number[];
  docs: { id: string; story: number; terms: number[]; weights: number[]; time: number | null; url: string | null }[];
  stories: { id: string; centroid: [number, number][]; norm2: number; entityNorm2: number; members: number[]; first: number | null; last: number | null; mergedInto: number }[];
  evidence: Evidence[];
  duplicates: NearDuplicateState;
  titles: [string, number][];
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

/** The most recent articles carrying one term, with the term's weight in each; a ring once full. */
class Posting {
  docs = new Int32Array(2);
  weights = new Float32Array(2);
  size = 0;
  private next = 0;

  push(doc: number, weight: number, cap: number): void {
    if (this.size === this.docs.length && this.size < cap) {
      // Most terms are rare: lists start small and grow as their term proves common.
      const size = Math.min(cap, this.size * 2);
      const docs = new Int32Array(size);
      const weights = new Float32Array(size);
      docs.set(this.docs);
      weights.set(this.weights);
      this.docs = docs;
      this.weights = weights;
    }
    if (this.size < this.docs.length) {
      this.docs[this.size] = doc;
      this.weights[this.size] = weight;
      this.size++;
      return;
    }
    // Full: the oldest entry gives way. News moves on, and old articles already have their stories.
    this.docs[this.next] = doc;
    this.weights[this.next] = weight;
    this.next = (this.next + 1) % this.docs.length;
  }
}

const num = (x: number): number | null => (Number.isFinite(x) ? x : null);
const back = (x: number | null): number => (x === null ? NaN : x);

/** The streaming clusterer behind {@link createClusterer}. */
export class StreamingClusterer implements Clusterer {
  readonly name = 'stream-tfidf-nn';
  readonly params: ClusterParams;
  private vocabulary = new Map<string, number>();
  private termNames: string[] = [];
  private df: number[] = [];
  private docs: DocState[] = [];
  private byId = new Map<string, number>();
  private byUrl = new Map<string, number>();
  private byTitle = new Map<string, number>();
  private stories: StoryState[] = [];
  private postings = new Map<number, Posting>();
  /** Scratch space for scoring neighbours, indexed by article; cleared after each use. */
  private acc = new Float64Array(1024);
  private touched: number[] = [];
  /** Scratch space holding the new article's weights, indexed by term. */
  private mine = new Float32Array(1024);
  private evidence: Evidence[] = [];
  private duplicates: NearDuplicateIndex;
  private cache: Map<string, string> | null = null;
  private prior: TermPrior | null;

  constructor(options: ClustererOptions = {}) {
    const { state, prior, ...params } = options;
    this.prior = prior ?? null;
    this.params = { ...DEFAULT_PARAMS, ...params };
    this.duplicates = new NearDuplicateIndex({ threshold: this.params.duplicateJaccard });
    if (state !== undefined) this.restore(state);
  }

  private termId(t: string): number {
    let id = this.vocabulary.get(t);
    if (id === undefined) {
      id = this.termNames.length;
      this.vocabulary.set(t, id);
      this.termNames.push(t);
      this.df.push(0);
    }
    return id;
  }

  /** The article's unit TF-IDF vector over its strongest terms, and how much text it had. */
  private vectorise(doc: ClusterDoc): { terms: Int32Array; weights: Float32Array; length: number } {
    let { terms, length } = termVector(doc.title, doc.text);
    if (length < this.params.longText && doc.url) {
      // A headline alone is short; the address often spells the full headline out.
      const slug = termVector(null, urlWords(doc.url));
      for (const [t, w] of slug.terms) if (!t.startsWith('@')) terms.set(t, Math.max(terms.get(t) ?? 0, 1));
    }
    const n = this.docs.length + 1 + (this.prior?.docs ?? 0);
    const scored: [number, number][] = [];
    for (const [t, tf] of terms) {
      const id = this.termId(t);
      this.df[id]++;
      const df = this.df[id] + (this.prior?.df.get(t) ?? 0);
      // A headline names one or two things, and which ones is luck: names weigh more only where
      // there is text enough for them to be a profile.
      const boost = t.charCodeAt(0) === 64 ? 1 + (this.params.nameBoost - 1) * Math.min(1, length / this.params.longText) : 1;
      scored.push([id, boost * (1 + Math.log(tf)) * (Math.log((n + 1) / (df + 1)) + 1)]);
    }
    scored.sort((a, b) => b[1] - a[1]);
    const kept = scored.slice(0, this.params.vectorTerms);
    let norm = 0;
    for (const [, w] of kept) norm += w * w;
    norm = Math.sqrt(norm) || 1;
    return { terms: Int32Array.from(kept, (k) => k[0]), weights: Float32Array.from(kept, (k) => k[1] / norm), length };
  }

  private storyOf(docIndex: number): StoryState {
    return this.stories[this.docs[docIndex].story];
  }

  private timeFactor(time: number, story: StoryState): { factor: number; gap: number | null } {
    if (!Number.isFinite(time) || !Number.isFinite(story.first)) return { factor: 1, gap: null };
    const gap = time < story.first ? (story.first - time) / DAY : time > story.last ? (time - story.last) / DAY : 0;
    if (gap > this.params.windowDays) return { factor: 0, gap };
    return { factor: gap <= this.params.graceDays ? 1 : Math.exp(-(gap - this.params.graceDays) / this.params.fadeDays), gap };
  }

  private isName(term: number): boolean {
    return this.termNames[term].charCodeAt(0) === 64;
  }

  /** Cosine over names only between an article and a story; null when either names nobody. */
  private nameCosine(terms: Int32Array, weights: Float32Array, story: StoryState): number | null {
    let dot = 0;
    let norm2 = 0;
    for (let i = 0; i < terms.length; i++) {
      if (!this.isName(terms[i])) continue;
      norm2 += weights[i] * weights[i];
      dot += weights[i] * (story.centroid.get(terms[i]) ?? 0);
    }
    if (!norm2 || !story.entityNorm2) return null;
    return dot / Math.sqrt(norm2 * story.entityNorm2);
  }

  private centroidCosine(terms: Int32Array, weights: Float32Array, story: StoryState): number {
    let dot = 0;
    for (let i = 0; i < terms.length; i++) dot += weights[i] * (story.centroid.get(terms[i]) ?? 0);
    return story.norm2 > 0 ? dot / Math.sqrt(story.norm2) : 0;
  }

  private thresholdFor(length: number): number {
    const { thresholdShort, thresholdLong, longText } = this.params;
    const x = Math.min(1, length / longText);
    return thresholdShort + (thresholdLong - thresholdShort) * x;
  }

  private addToStory(storyIndex: number, docIndex: number): void {
    const s = this.stories[storyIndex];
    const d = this.docs[docIndex];
    d.story = storyIndex;
    s.members.push(docIndex);
    for (let i = 0; i < d.terms.length; i++) {
      const old = s.centroid.get(d.terms[i]) ?? 0;
      const w = old + d.weights[i];
      s.centroid.set(d.terms[i], w);
      s.norm2 += w * w - old * old;
      if (this.isName(d.terms[i])) s.entityNorm2 += w * w - old * old;
    }
    if (s.centroid.size > this.params.centroidTerms * 2) this.pruneCentroid(s);
    if (Number.isFinite(d.time)) {
      s.first = Number.isFinite(s.first) ? Math.min(s.first, d.time) : d.time;
      s.last = Number.isFinite(s.last) ? Math.max(s.last, d.time) : d.time;
    }
  }

  private pruneCentroid(s: StoryState): void {
    const kept = [...s.centroid].sort((a, b) => b[1] - a[1]).slice(0, this.params.centroidTerms);
    s.centroid = new Map(kept);
    s.norm2 = kept.reduce((a, [, w]) => a + w * w, 0);
    s.entityNorm2 = kept.reduce((a, [t, w]) => a + (this.isName(t) ? w * w : 0), 0);
  }

  private newStory(docIndex: number): number {
    const index = this.stories.length;
    this.stories.push({ id: this.docs[docIndex].id, centroid: new Map(), norm2: 0, entityNorm2: 0, members: [], first: NaN, last: NaN, mergedInto: -1 });
    this.addToStory(index, docIndex);
    return index;
  }

  private index(docIndex: number): void {
    const d = this.docs[docIndex];
    const n = Math.min(this.params.indexTerms, d.terms.length);
    for (let i = 0; i < n; i++) {
      let p = this.postings.get(d.terms[i]);
      if (!p) this.postings.set(d.terms[i], (p = new Posting()));
      p.push(docIndex, d.weights[i], this.params.postingCap);
    }
  }


  /** Moves every article of story `from` into story `into`; returns the moved ids. */
  private merge(from: number, into: number, moved: Record<string, string>): void {
    const src = this.stories[from];
    const dst = this.stories[into];
    for (const m of src.members) {
      this.addToStory(into, m);
      moved[this.docs[m].id] = dst.id;
    }
    src.members = [];
    src.centroid = new Map();
    src.norm2 = 0;
    src.entityNorm2 = 0;
    src.mergedInto = into;
  }

  add(doc: ClusterDoc): Assignment {
    this.cache = null;
    const p = this.params;
    if (this.byId.has(doc.id)) {
      // The same article again (a re-run, an update under the same id): it stays where it is.
      const d = this.docs[this.byId.get(doc.id)!];
      return { id: doc.id, story: this.stories[d.story].id, score: 1 };
    }
    const { terms, weights, length } = this.vectorise(doc);
    const time = timeOf(doc.published);
    const docIndex = this.docs.length;
    const me: DocState = { id: doc.id, story: -1, terms, weights, time, url: doc.url };
    this.docs.push(me);
    this.byId.set(doc.id, docIndex);
    const threshold = this.thresholdFor(length);
    const longness = Math.min(1, length / p.longText);
    const centroidWeight = p.centroidWeightShort + (p.centroidWeightLong - p.centroidWeightShort) * longness;
    const mergeThreshold = p.mergeThresholdShort + (p.mergeThresholdLong - p.mergeThresholdShort) * longness;

    // 1. Copies.
    const dup = this.findCopy(doc, docIndex);
    if (dup) {
      const original = this.docs[dup.of];
      this.addToStory(original.story, docIndex);
      this.index(docIndex);
      const story = this.stories[original.story];
      const shared = this.sharedTerms(terms, weights, story);
      this.evidence[docIndex] = {
        story: story.id, score: dup.similarity, centroid: this.centroidCosine(terms, weights, story), nearest: original.id,
        nearestScore: dup.similarity, gapDays: null, shared, duplicateOf: original.id, duplicateBy: dup.by, threshold,
      };
      return { id: doc.id, story: story.id, score: dup.similarity, duplicateOf: original.id };
    }

    // 2. Neighbours through the inverted index, and their stories.
    if (this.acc.length < this.docs.length) {
      const grown = new Float64Array(this.docs.length * 2);
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
      for (let j = 0; j < posting.size; j++) {
        const other = docs[j];
        if (acc[other] === 0) touched.push(other);
        acc[other] += w * ws[j] + 1e-12;
      }
    }
    // The index sees only each article's strongest terms; the closest candidates are compared in
    // full, so that a story's nearest article is measured, not estimated.
    if (this.mine.length < this.termNames.length) this.mine = new Float32Array(this.termNames.length * 2);
    const mine = this.mine;
    for (let i = 0; i < terms.length; i++) mine[terms[i]] = weights[i];
    let cut = -Infinity;
    if (touched.length > p.exactCandidates) {
      const sorted = Float64Array.from(touched, (t) => acc[t]).sort();
      cut = sorted[sorted.length - p.exactCandidates];
    }
    // Only the closest candidates, and their stories, are weighed: a bounded amount of work
    // however large the collection and however common the article's words.
    const neighbour = new Map<number, number>();
    for (const other of touched) {
      const approx = acc[other];
      acc[other] = 0;
      if (approx < cut || neighbour.size >= p.exactCandidates) continue;
      const o = this.docs[other];
      let sim = 0;
      for (let i = 0; i < o.terms.length; i++) sim += mine[o.terms[i]] * o.weights[i];
      neighbour.set(other, sim);
    }
    for (let i = 0; i < terms.length; i++) mine[terms[i]] = 0;
    const nearestIn = new Map<number, { doc: number; sim: number }>();
    for (const [other, sim] of neighbour) {
      const s = this.docs[other].story;
      const cur = nearestIn.get(s);
      if (!cur || sim > cur.sim) nearestIn.set(s, { doc: other, sim });
    }

    // 3. The best story.
    type Scored = { story: number; score: number; centroid: number; nearest: number; nearestSim: number; gap: number | null; names: number | null };
    const scored: Scored[] = [];
    for (const [s, near] of nearestIn) {
      const story = this.stories[s];
      const { factor, gap } = this.timeFactor(time, story);
      if (factor === 0) continue;
      const centroid = this.centroidCosine(terms, weights, story);
      if (centroid < p.minCentroidShare * threshold || near.sim < p.minNearestShare * threshold) continue;
      const raw = centroidWeight * centroid + (1 - centroidWeight) * near.sim;
      const names = this.nameCosine(terms, weights, story);
      const floor = 1 - (1 - p.entityFloor) * longness;
      const nameFactor = names === null ? 1 : Math.min(1, floor + ((1 - floor) * names) / p.entityFull);
      scored.push({ story: s, score: raw * factor * nameFactor, centroid, nearest: near.doc, nearestSim: near.sim, gap, names });
    }
    scored.sort((a, b) => b.score - a.score);
    const best = scored[0];
    let storyIndex: number;
    const joined = best !== undefined && best.score >= threshold;
    if (joined) {
      storyIndex = best.story;
      this.addToStory(storyIndex, docIndex);
    } else {
      storyIndex = this.newStory(docIndex);
    }
    this.index(docIndex);

    // 4. Merges: another candidate story the article also fits, whose centroid is like its own.
    const moved: Record<string, string> = {};
    for (const c of scored.slice(0, 5)) {
      if (c.story === storyIndex || c.score < threshold) continue;
      const a = this.stories[storyIndex];
      const b = this.stories[c.story];
      if (b.mergedInto >= 0 || !b.members.length) continue;
      if (this.timeFactor(Number.isFinite(a.first) ? a.first : NaN, b).factor === 0) continue;
      const sim = this.storyCosine(a, b);
      if (sim < mergeThreshold) continue;
      const [from, into] = a.members.length > b.members.length ? [c.story, storyIndex] : [storyIndex, c.story];
      this.merge(from, into, moved);
      storyIndex = into;
    }
    delete moved[doc.id];

    const story = this.stories[storyIndex];
    const chosen = scored.find((s) => s.story === storyIndex);
    const score = !joined && !chosen ? 0 : chosen?.score ?? 0;
    this.evidence[docIndex] = {
      story: story.id, score, centroid: chosen?.centroid ?? 0,
      nearest: chosen ? this.docs[chosen.nearest].id : null, nearestScore: chosen?.nearestSim ?? 0,
      gapDays: chosen?.gap ?? null, names: chosen?.names ?? null, shared: chosen ? this.sharedTerms(terms, weights, story) : [], threshold,
    };
    if (!joined && best) this.evidence[docIndex].closest = [this.stories[best.story].id, best.score];
    const out: Assignment = { id: doc.id, story: story.id, score };
    if (Object.keys(moved).length) out.moved = moved;
    return out;
  }

  private storyCosine(a: StoryState, b: StoryState): number {
    const [small, large] = a.centroid.size < b.centroid.size ? [a, b] : [b, a];
    let dot = 0;
    for (const [t, w] of small.centroid) dot += w * (large.centroid.get(t) ?? 0);
    return a.norm2 && b.norm2 ? dot / Math.sqrt(a.norm2 * b.norm2) : 0;
  }

  /** The earlier article this one copies: same address, same text (MinHash) or same headline. */
  private findCopy(doc: ClusterDoc, docIndex: number): { of: number; similarity: number; by: string } | null {
    let found: { of: number; similarity: number; by: string } | null = null;
    if (doc.url) {
      const key = urlKey(doc.url);
      const prior = this.byUrl.get(key);
      if (prior !== undefined) found = { of: prior, similarity: 1, by: 'the same address' };
      else this.byUrl.set(key, docIndex);
    }
    const body = `${doc.title ?? ''}\n${doc.text}`;
    const match = this.duplicates.add(String(docIndex), body);
    if (!found && match) found = { of: Number(match.key), similarity: match.similarity, by: `the same text (MinHash Jaccard ${match.similarity.toFixed(2)})` };
    if (doc.title && doc.text.length < 200) {
      const key = doc.title.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
      if (key.split(' ').length >= 5) {
        const prior = this.byTitle.get(key);
        if (prior !== undefined && !found) found = { of: prior, similarity: 1, by: 'the same headline' };
        else if (prior === undefined) this.byTitle.set(key, docIndex);
      }
    }
    if (found) {
      // Point at the first of the copies, so ten copies of one wire story name one original.
      const ev = this.evidence[found.of];
      if (ev?.duplicateOf !== undefined) found.of = this.byId.get(ev.duplicateOf) ?? found.of;
      if (this.timeFactor(timeOf(doc.published), this.storyOf(found.of)).factor === 0) return null;
    }
    return found;
  }

  private sharedTerms(terms: Int32Array, weights: Float32Array, story: StoryState): [number, number][] {
    const norm = Math.sqrt(story.norm2) || 1;
    const out: [number, number][] = [];
    for (let i = 0; i < terms.length; i++) {
      const c = story.centroid.get(terms[i]);
      if (c) out.push([terms[i], (weights[i] * c) / norm]);
    }
    return out.sort((a, b) => b[1] - a[1]).slice(0, 10);
  }

  assignments(): Map<string, string> {
    if (!this.cache) {
      this.cache = new Map();
      for (const d of this.docs) this.cache.set(d.id, this.stories[d.story].id);
    }
    return new Map(this.cache);
  }

  /** The current story of one article, without copying every assignment. */
  storyOfArticle(id: string): string | null {
    const i = this.byId.get(id);
    return i === undefined ? null : this.stories[this.docs[i].story].id;
  }

  explain(id: string): Explanation | null {
    const i = this.byId.get(id);
    if (i === undefined) return null;
    const ev = this.evidence[i];
    const story = this.storyOf(i);
    const shared = ev.shared.map(([t, w]) => ({ term: this.termNames[t].replace(/^#/, ''), weight: Math.round(w * 1000) / 1000 }));
    let reason: string;
    if (ev.duplicateOf) reason = `a copy of ${ev.duplicateOf} (${ev.duplicateBy}), so it joined that article's story`;
    else if (ev.score === 0) {
      const closest = ev.closest ? `the closest, ${ev.closest[0]}, scored ${ev.closest[1].toFixed(2)}` : 'no story in reach shares its strongest terms';
      reason = `started a new story: ${closest}, under the ${ev.threshold.toFixed(2)} needed`;
    }
    else {
      const gap = ev.gapDays === null ? '' : `, ${ev.gapDays.toFixed(1)} days from the story's dates`;
      const names = ev.names === null || ev.names === undefined ? '' : `, names cosine ${ev.names.toFixed(2)}`;
      reason = `joined the story it matched best: score ${ev.score.toFixed(2)} ≥ ${ev.threshold.toFixed(2)} (centroid cosine ${ev.centroid.toFixed(2)}, nearest article ${ev.nearest} at ${ev.nearestScore.toFixed(2)}${names}${gap})`;
    }
    if (story.id !== ev.story) reason += `; its story ${ev.story} later merged into ${story.id}`;
    return { id, story: story.id, score: ev.score, shared, reason };
  }

  /** The whole state as JSON-serialisable data, for {@link createClusterer}'s `state` option. */
  snapshot(): unknown {
    const state: SnapshotV1 = {
      format: 'parallax-cluster',
      version: 1,
      params: this.params,
      vocabulary: this.termNames,
      df: this.df,
      docs: this.docs.map((d) => ({ id: d.id, story: d.story, terms: [...d.terms], weights: [...d.weights], time: num(d.time), url: d.url })),
      // The norms are kept as they are, not recomputed: sums in another order differ in the last bit.
      stories: this.stories.map((s) => ({ id: s.id, centroid: [...s.centroid], norm2: s.norm2, entityNorm2: s.entityNorm2, members: s.members, first: num(s.first), last: num(s.last), mergedInto: s.mergedInto })),
      evidence: this.evidence,
      duplicates: this.duplicates.snapshot(),
      titles: [...this.byTitle],
    };
    return state;
  }

  private restore(raw: unknown): void {
    const state = raw as SnapshotV1;
    if (!state || state.format !== 'parallax-cluster' || state.version !== 1) throw new Error('not a clusterer snapshot (format parallax-cluster, version 1)');
    this.termNames = [...state.vocabulary];
    this.vocabulary = new Map(this.termNames.map((t, i) => [t, i]));
    this.df = [...state.df];
    this.docs = state.docs.map((d) => ({ id: d.id, story: d.story, terms: Int32Array.from(d.terms), weights: Float32Array.from(d.weights), time: back(d.time), url: d.url }));
    this.stories = state.stories.map((s) => ({
      id: s.id, centroid: new Map(s.centroid), norm2: s.norm2, entityNorm2: s.entityNorm2, members: [...s.members],
      first: back(s.first), last: back(s.last), mergedInto: s.mergedInto,
    }));
    this.evidence = state.evidence;
    this.duplicates = NearDuplicateIndex.restore(state.duplicates);
    this.byTitle = new Map(state.titles);
    this.docs.forEach((d, i) => {
      this.byId.set(d.id, i);
      if (d.url) {
        const key = urlKey(d.url);
        if (!this.byUrl.has(key)) this.byUrl.set(key, i);
      }
      this.index(i);
    });
  }
}

/** A streaming clusterer; pass `{ state }` (from `snapshot()`) to go on from a saved state. */
export function createClusterer(options?: ClustererOptions): StreamingClusterer {
  return new StreamingClusterer(options);
}
