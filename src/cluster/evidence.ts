/**
 * What the clusterer keeps to explain each placement: the figures measured when an article was
 * placed (`EvidenceLog`), the terms it shares with its story (`keepShared`), and the sentence
 * `explain` makes of them.
 *
 * @module
 */
import type { Explanation } from './types.js';
import type { ClusterState } from './state.js';
import { storyOf, type StoryState } from './stories.js';

/** Shared terms kept per article for its explanation. */
export const SHARED = 8;
const HOW = ['', 'the same address', 'the same text', 'the same headline'] as const;

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

/** Keeps the article's terms that weigh most in its story's centroid, for its explanation. */
export function keepShared(state: ClusterState, docIndex: number, terms: Int32Array, weights: Float32Array, story: StoryState): void {
  const norm = Math.sqrt(story.norm2) || 1;
  const out: [number, number][] = [];
  for (let i = 0; i < terms.length; i++) {
    const c = story.centroid.get(terms[i]);
    if (c) out.push([terms[i], (weights[i] * c) / norm]);
  }
  out.sort((a, b) => b[1] - a[1]);
  for (let k = 0; k < Math.min(SHARED, out.length); k++) {
    state.evidence.sharedTerms[docIndex * SHARED + k] = out[k][0];
    state.evidence.sharedWeights[docIndex * SHARED + k] = out[k][1];
  }
}

/** Why an article is in its story, from its evidence; null for an unknown article. */
export function explain(state: ClusterState, id: string): Explanation | null {
  const i = state.byId.get(id);
  if (i === undefined) return null;
  const ev = state.evidence;
  const story = storyOf(state, i);
  const shared: { term: string; weight: number }[] = [];
  for (let k = 0; k < SHARED; k++) {
    const t = ev.sharedTerms[i * SHARED + k];
    if (t < 0) break;
    shared.push({ term: state.vocabulary.name(t).replace(/^#/, ''), weight: Math.round(ev.sharedWeights[i * SHARED + k] * 1000) / 1000 });
  }
  const score = ev.score[i];
  const threshold = ev.threshold[i].toFixed(2);
  let reason: string;
  if (ev.duplicateOf[i] >= 0) {
    const how = ev.duplicateBy[i] === 2 ? `the same text, MinHash Jaccard ${score.toFixed(2)}` : HOW[ev.duplicateBy[i]];
    reason = `a copy of ${state.docs.ids[ev.duplicateOf[i]]} (${how}), so it joined that article's story`;
  } else if (ev.nearest[i] < 0) {
    const closest = ev.closest[i] >= 0 ? `the closest, ${state.stories[ev.closest[i]].id}, scored ${ev.closestScore[i].toFixed(2)}` : 'no story in reach shares its strongest terms';
    reason = `started a new story: ${closest}, under the ${threshold} needed`;
  } else {
    const gap = Number.isNaN(ev.gap[i]) ? '' : `, ${ev.gap[i].toFixed(1)} days from the story's dates`;
    const names = Number.isNaN(ev.names[i]) ? '' : `, names cosine ${ev.names[i].toFixed(2)}`;
    reason = `joined the story it matched best: score ${score.toFixed(2)} ≥ ${threshold} (centroid cosine ${ev.centroid[i].toFixed(2)}, nearest article ${state.docs.ids[ev.nearest[i]]} at ${ev.nearestScore[i].toFixed(2)}${names}${gap})`;
  }
  const first = state.stories[ev.story[i]];
  if (first && first.id !== story.id) reason += `; its story ${first.id} later merged into ${story.id}`;
  return { id, story: story.id, score, shared, reason };
}
