/**
 * The second pass that ends a batch (see `StreamingClusterer.settle`): each small open story is
 * scored again against the stories as they stand, and joins the larger one its articles now fit.
 *
 * @module
 */
import type { ClusterState } from './state.js';
import { bars } from './params.js';
import { candidates } from './candidates.js';
import { merge } from './stories.js';

/**
 * Looks again at a small story: its articles are scored against the other stories as they
 * stand now, and the story joins the one at least as large that they fit best. A story is started by the
 * first article of a matter seen, or by one that just missed a story still too small to match
 * well; by now the story it missed may have grown into a profile worth matching.
 */
function review(state: ClusterState, s: number, moved: Record<string, string>): void {
  const story = state.stories[s];
  const size = story.members.length;
  if (story.mergedInto >= 0 || story.retired || !size || size > state.params.reviewSize) return;
  const docs = state.docs;
  const totals = new Map<number, number>();
  let bar = 0;
  for (const m of story.members) {
    const words = docs.words[m];
    bar += bars(state.params, words).threshold;
    for (const c of candidates(state, docs.termsOf(m), docs.weightsOf(m), words, docs.lang[m], docs.time[m], s)) {
      totals.set(c.story, (totals.get(c.story) ?? 0) + c.score);
    }
  }
  let best = -1;
  let bestTotal = 0;
  for (const [c, total] of totals) {
    if (state.stories[c].members.length < size || total <= bestTotal) continue;
    best = c;
    bestTotal = total;
  }
  // The mean score of its articles against the bar they set, as one article would join.
  if (best < 0 || bestTotal < bar) return;
  merge(state, s, best, moved);
}

/** Reviews every small open story, oldest first; returns the articles that changed story, id → new story. */
export function settle(state: ClusterState): Record<string, string> {
  const moved: Record<string, string> = {};
  for (const s of [...state.open]) review(state, s, moved);
  return moved;
}
