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

/**
 * Reviews every small open story, oldest first; returns the articles that changed story, id → new
 * story. With `quiet`, only the stories no article joined in the last `quiet` articles, each once
 * after its last arrival: grouping that never ends (a live collection) reviews a story once it
 * has stopped growing, against the stories formed around it, much as one pass at the end would.
 */
export function settle(state: ClusterState, quiet?: number): Record<string, string> {
  const moved: Record<string, string> = {};
  if (quiet === undefined) {
    for (const s of [...state.open]) {
      state.stories[s].reviewed = state.stories[s].lastArrival;
      review(state, s, moved);
    }
    state.arrivals = [];
    state.arrivalsHead = 0;
    return moved;
  }
  const last = state.docs.size - quiet;
  const a = state.arrivals;
  let i = state.arrivalsHead;
  for (; i < a.length && a[i + 1] < last; i += 2) {
    const story = state.stories[a[i]];
    // Only the story's latest arrival counts, and only once.
    if (story.lastArrival !== a[i + 1] || story.reviewed === story.lastArrival || !state.open.has(a[i])) continue;
    story.reviewed = story.lastArrival;
    review(state, a[i], moved);
  }
  if (i > 4096 && i * 2 > a.length) {
    state.arrivals = a.slice(i);
    i = 0;
  }
  state.arrivalsHead = i;
  return moved;
}
