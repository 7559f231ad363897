/**
 * An article as a vector: its terms (see `terms.ts`) weighed by TF-IDF, with document frequencies
 * that start from a prior of general English (see `background.ts`), kept to the strongest and
 * scaled to unit length.
 *
 * @module
 */
import type { ClusterDoc } from './types.js';
import { termVector, urlWords } from './terms.js';
import type { ClusterState } from './state.js';

/** The article's unit TF-IDF vector over its strongest terms, and how much text it had. */
export function vectorise(state: ClusterState, doc: ClusterDoc, lang: number): { terms: Int32Array; weights: Float32Array; length: number } {
  const { terms, length } = termVector(doc.title, doc.text, 5000, lang);
  if (length < state.params.longText && doc.url) {
    // A headline alone is short; the address often spells the full headline out. Its words
    // weigh as a lead does: below the headline, above the tail.
    const slug = termVector(null, urlWords(doc.url), 5000, 0, false);
    for (const t of slug.terms.keys()) if (!t.startsWith('@')) terms.set(t, Math.max(terms.get(t) ?? 0, 2));
  }
  const n = state.docs.size + 1;
  const count = terms.size;
  if (state.scratchIds.length < count) {
    state.scratchIds = new Int32Array(count * 2);
    state.scratchWeights = new Float64Array(count * 2);
    state.scratchOrder = new Int32Array(count * 2);
  }
  const ids = state.scratchIds;
  const ws = state.scratchWeights;
  const vocabulary = state.vocabulary;
  // The prior gives way as the collection grows: past a few times `priorDocs` articles, the
  // collection's own frequencies are the better guide (news names a country at war far more often than
  // general English does).
  const prior = state.params.priorDocs ? state.params.priorDocs * Math.exp(-n / state.params.priorDocs) : 0;
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
  const order = state.scratchOrder.subarray(0, count);
  for (let i = 0; i < count; i++) order[i] = i;
  order.sort((a, b) => ws[b] - ws[a] || a - b);
  const kept = Math.min(count, state.params.vectorTerms);
  let norm = 0;
  for (let k = 0; k < kept; k++) norm += ws[order[k]] * ws[order[k]];
  norm = Math.sqrt(norm) || 1;
  // Views of scratch space: the store keeps its own copy, and nothing vectorises again
  // before `add` is done with these.
  if (state.vectorIds.length < kept) {
    state.vectorIds = new Int32Array(kept * 2);
    state.vectorWeights = new Float32Array(kept * 2);
  }
  const out = state.vectorIds.subarray(0, kept);
  const weights = state.vectorWeights.subarray(0, kept);
  for (let k = 0; k < kept; k++) {
    out[k] = ids[order[k]];
    weights[k] = ws[order[k]] / norm;
  }
  return { terms: out, weights, length };
}
