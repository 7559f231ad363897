/**
 * The streaming clusterer: `add` places one article after another (steps 1 to 5 of the module notes
 * of `index.ts`), `settle` ends a batch, and the rest answers questions about the stories. Its
 * state is a `ClusterState`; the larger steps are functions over it in their own modules.
 *
 * @module
 */
import type { Assignment, ClusterDoc, Clusterer, Explanation } from './types.js';
import { languageOf } from './terms.js';
import { DEFAULT_PARAMS, bars, type ClusterParams, type ClustererOptions } from './params.js';
import { ClusterState } from './state.js';
import { timeFactor, timeOf } from './time.js';
import { vectorise } from './vectors.js';
import { findCopy } from './copies.js';
import { fileArticle } from './filing.js';
import { candidates } from './candidates.js';
import { addToStory, current, merge, newStory, relate } from './stories.js';
import { centroidCosine, languageBoost, nameCosine, storyCosine } from './similarity.js';
import { explain, keepShared } from './explain.js';
import { settle } from './review.js';
import { sweep } from './sweep.js';
import { restore, snapshot } from './snapshot.js';
import { encodeState, encodeStateChunks } from './snapshot-binary.js';

/** The streaming clusterer behind {@link createClusterer}. */
export class StreamingClusterer implements Clusterer {
  readonly name = 'stream-tfidf';
  readonly params: ClusterParams;
  private readonly state: ClusterState;
  private cache: Map<string, string> | null = null;

  constructor(options: ClustererOptions = {}) {
    const { state: saved, ...params } = options;
    this.params = { ...DEFAULT_PARAMS, ...params };
    this.state = new ClusterState(this.params);
    if (saved !== undefined) restore(this.state, saved);
  }

  /**
   * The second pass over a batch, once all its articles are in: every small open story is
   * reviewed (see `review`), oldest first. A streaming pass places each article on what came
   * before it; the first articles of a matter had the least to go on. Each story costs one
   * candidate search per article, so the pass costs about as much as adding its articles did.
   * Returns the articles that changed story, id → new story.
   */
  settle(options: { quiet?: number } = {}): Record<string, string> {
    this.cache = null;
    return settle(this.state, options.quiet);
  }

  add(doc: ClusterDoc): Assignment {
    this.cache = null;
    const state = this.state;
    const p = state.params;
    if (state.byId.has(doc.id)) {
      // The same article again (a re-run, an update under the same id): it stays where it is.
      return { id: doc.id, story: state.stories[state.docs.story[state.byId.get(doc.id)!]].id, score: 1 };
    }
    const lang = languageOf(doc.title, doc.text);
    const { terms, weights, length } = vectorise(state, doc, lang);
    const time = timeOf(doc.published);
    if (Number.isFinite(time) && !(time <= state.clock)) state.clock = time;
    const docIndex = state.docs.size;
    if (docIndex > 0 && docIndex % p.sweepEvery === 0) sweep(state);
    state.docs.push(doc.id, -1, terms, weights, terms.length, time, lang, length);
    state.byId.set(doc.id, docIndex);
    const { threshold, mergeThreshold } = bars(state.params, length);
    const ev = state.evidence;
    ev.slot(docIndex);
    ev.threshold[docIndex] = threshold;

    // 1. Copies.
    const dup = findCopy(state, doc, docIndex, time);
    if (dup) {
      const storyIndex = state.docs.story[dup.of];
      const story = state.stories[storyIndex];
      ev.centroid[docIndex] = centroidCosine(terms, weights, story);
      // What it shares with the story as it found it: after joining, its own terms are in the centroid.
      keepShared(state, docIndex, terms, weights, story);
      addToStory(state, storyIndex, docIndex);
      fileArticle(state, docIndex);
      ev.story[docIndex] = storyIndex;
      ev.score[docIndex] = dup.similarity;
      ev.nearest[docIndex] = dup.of;
      ev.nearestScore[docIndex] = dup.similarity;
      ev.duplicateOf[docIndex] = dup.of;
      ev.duplicateBy[docIndex] = dup.by;
      return { id: doc.id, story: story.id, score: dup.similarity, duplicateOf: state.docs.ids[dup.of] };
    }

    // 2–3. Neighbours through the inverted index, and the stories scored against the article.
    const scored = candidates(state, terms, weights, length, lang, time, -1);
    const best = scored[0];
    let storyIndex: number;
    const joined = best !== undefined && best.score >= threshold;
    if (joined) {
      storyIndex = best.story;
      ev.story[docIndex] = storyIndex;
      ev.names[docIndex] = nameCosine(state, terms, weights, state.stories[storyIndex]);
      keepShared(state, docIndex, terms, weights, state.stories[storyIndex]);
      addToStory(state, storyIndex, docIndex);
    } else {
      storyIndex = newStory(state, docIndex);
      ev.story[docIndex] = storyIndex;
      if (best) {
        ev.closest[docIndex] = best.story;
        ev.closestScore[docIndex] = best.score;
      }
    }
    fileArticle(state, docIndex);

    // 4. Merges: another candidate story the article also fits, whose centroid is like its own.
    const moved: Record<string, string> = {};
    for (const c of scored.slice(0, 5)) {
      if (c.story === storyIndex || c.score < threshold) continue;
      const a = state.stories[storyIndex];
      const b = state.stories[c.story];
      if (b.mergedInto >= 0 || !b.members.length) continue;
      if (timeFactor(state.params, a.first, b).factor === 0) continue;
      if (languageBoost(state.params, a.langs, b.langs) * storyCosine(a, b) < mergeThreshold) continue;
      // An article that started a story of its own shares with the one it merges into what that one held.
      if (!joined && a.members.length === 1) keepShared(state, docIndex, terms, weights, b);
      const [from, into] = a.members.length > b.members.length ? [c.story, storyIndex] : [storyIndex, c.story];
      merge(state, from, into, moved);
      storyIndex = into;
    }
    delete moved[doc.id];

    // 5. Related stories: close enough to note, not to merge.
    for (const c of scored.slice(0, 5)) {
      const other = current(state, c.story);
      if (other === storyIndex || c.raw < p.relatedShare * threshold) continue;
      relate(state, storyIndex, other, c.raw);
    }

    const story = state.stories[storyIndex];
    const chosen = scored.find((x) => x.story === storyIndex);
    const score = chosen?.score ?? 0;
    ev.score[docIndex] = score;
    if (chosen) {
      ev.centroid[docIndex] = chosen.centroid;
      ev.nearest[docIndex] = chosen.nearest;
      ev.nearestScore[docIndex] = chosen.nearestSim;
      ev.gap[docIndex] = chosen.gap;
    }
    const out: Assignment = { id: doc.id, story: story.id, score };
    if (Object.keys(moved).length) out.moved = moved;
    return out;
  }

  /**
   * Stories related to a story (follow-ups, developments, earlier chapters), strongest first,
   * by their current ids; empty for an unknown story.
   */
  related(storyId: string): { story: string; similarity: number }[] {
    const state = this.state;
    const own = state.byId.get(storyId);
    if (own === undefined) return [];
    const s = current(state, state.docs.story[own]);
    if (state.stories[s].id !== storyId) return [];
    const best = new Map<number, number>();
    // Links made before a merge may point at a story merged since.
    for (const [o, sim] of state.stories[s].related) {
      const other = current(state, o);
      if (other !== s && sim > (best.get(other) ?? 0)) best.set(other, sim);
    }
    return [...best].sort((a, b) => b[1] - a[1]).map(([o, similarity]) => ({ story: state.stories[o].id, similarity }));
  }

  assignments(): Map<string, string> {
    if (!this.cache) {
      this.cache = new Map();
      for (let i = 0; i < this.state.docs.size; i++) this.cache.set(this.state.docs.ids[i], this.state.stories[this.state.docs.story[i]].id);
    }
    return new Map(this.cache);
  }

  /** The current story of one article, without copying every assignment. */
  storyOfArticle(id: string): string | null {
    const i = this.state.byId.get(id);
    return i === undefined ? null : this.state.stories[this.state.docs.story[i]].id;
  }

  explain(id: string): Explanation | null {
    return explain(this.state, id);
  }

  /** Articles it holds. */
  get size(): number {
    return this.state.docs.size;
  }

  /** The state in binary form (`snapshot-binary.ts`), for a store's checkpoint; `createClusterer({ state: decodeSnapshot(bytes) })` reads it back. */
  checkpoint(): Buffer {
    return encodeState(this.state);
  }

  /**
   * The same bytes as {@link checkpoint}, in pieces made as they are taken (of `pieceBytes`, a
   * multiple of 8, after the header): add nothing until the last is taken, and use each piece
   * before taking the next, which refills it.
   */
  checkpointChunks(pieceBytes?: number): Iterable<Uint8Array> {
    return encodeStateChunks(this.state, pieceBytes);
  }

  /** The whole state as JSON-serialisable data, for {@link createClusterer}'s `state` option. */
  snapshot(): unknown {
    return snapshot(this.state);
  }
}

/** A streaming clusterer; pass `{ state }` (from `snapshot()`) to go on from a saved state. */
export function createClusterer(options?: ClustererOptions): StreamingClusterer {
  return new StreamingClusterer(options);
}
