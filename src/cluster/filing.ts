/**
 * Filing a new article in the inverted index (`postings.ts`) under its strongest terms.
 *
 * @module
 */
import type { ClusterState } from './state.js';
import { Posting } from './postings.js';

/**
 * Files an article under its strongest terms (`indexTerms`); a posting that has wrapped round is
 * listed for the next sweep (see `sweep.ts`).
 */
export function fileArticle(state: ClusterState, docIndex: number): void {
  const terms = state.docs.termsOf(docIndex);
  const weights = state.docs.weightsOf(docIndex);
  const n = Math.min(state.params.indexTerms, terms.length);
  for (let i = 0; i < n; i++) {
    let p = state.postings.get(terms[i]);
    if (!p) state.postings.set(terms[i], (p = new Posting(terms[i])));
    p.push(docIndex, weights[i], state.params.postingCap);
    if (p.next !== 0 && !p.due) {
      p.due = true;
      state.due.push(p);
    }
  }
}
