/**
 * Explanations of placements: the terms an article shares with its story (`keepShared`, kept as
 * it is placed) and the sentence `explain` makes of the evidence log.
 *
 * @module
 */
import type { Explanation } from './types.js';
import type { ClusterState, StoryState } from './state.js';
import { HOW, SHARED } from './evidence.js';
import { storyOf } from './stories.js';

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
