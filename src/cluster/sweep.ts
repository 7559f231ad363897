/**
 * Closing stories: every `sweepEvery` articles, the stories that can no longer be joined leave
 * the inverted index and free their vectors, and the postings they touched are put in order.
 *
 * @module
 */
import type { ClusterState } from './state.js';
import { CentroidTable } from './centroid.js';
import { DAY } from './time.js';

/**
 * Closes the stories that can no longer be joined (past the time window, or untouched for
 * `retireAfter` articles): their vectors are freed and their articles leave the index, so
 * memory follows the active stories, not the whole collection.
 */
export function sweep(state: ClusterState): void {
  const p = state.params;
  const horizon = state.clock - (p.windowDays + p.graceDays) * DAY;
  const gone: number[] = [];
  for (const s of state.open) {
    const story = state.stories[s];
    if ((Number.isFinite(story.last) && story.last < horizon) || state.docs.size - story.lastArrival > p.retireAfter) gone.push(s);
  }
  if (!gone.length) return;
  // Only what the closing articles touched is visited: the postings they were filed under
  // (besides those that wrapped round since the last sweep, which `keep` puts back in order)
  // and their own address and headline keys. A sweep then costs what was added since the
  // last one, not the whole index.
  const due = state.due;
  const { indexTerms } = p;
  const docs = state.docs;
  for (const s of gone) {
    const story = state.stories[s];
    story.retired = true;
    story.centroid = new CentroidTable();
    story.norm2 = 0;
    story.names = 0;
    state.open.delete(s);
    for (const m of story.members) {
      const terms = docs.termBlocks[docs.block[m]];
      const from = docs.start[m];
      const n = Math.min(indexTerms, docs.length[m]);
      for (let i = from; i < from + n; i++) {
        const posting = state.postings.get(terms[i]);
        if (posting && !posting.due) {
          posting.due = true;
          due.push(posting);
        }
      }
      docs.drop(m);
      if (!Number.isNaN(docs.urlKey[m])) state.byUrl.delete(docs.urlKey[m]);
      if (!Number.isNaN(docs.titleKey[m])) state.byTitle.delete(docs.titleKey[m]);
    }
  }
  sweepDue(state);
  docs.compact();
}

/** Puts the listed postings in order (oldest first) and drops their entries of closed stories. */
function sweepDue(state: ClusterState): void {
  const closed = (doc: number): boolean => state.stories[state.docs.story[doc]].retired;
  for (const posting of state.due) {
    posting.due = false;
    if (!posting.keep(closed)) state.postings.delete(posting.term);
  }
  state.due = [];
}
