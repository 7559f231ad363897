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
    state.scratchAnchor = new Uint8Array(count * 2);
  }
  const ids = state.scratchIds;
  const anchor = state.scratchAnchor;
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
    // Names, their keys and countries (the vocabulary's names), and numbers: what reports in two languages share.
    anchor[j] = vocabulary.isName[id] || t.charCodeAt(0) === 35 ? 1 : 0;
    // The frequencies are read after entering the term: entering may have grown the array.
    ws[j] = (1 + Math.log(tf)) * (Math.log((n + 1 + pseudo) / (++vocabulary.df[id] + 1 + pseudo * vocabulary.prior[id])) + 1);
    j++;
  }
  // Heaviest first, ties in the order the terms came: what a stable sort of the pairs gives.
  const order = state.scratchOrder.subarray(0, count);
  for (let i = 0; i < count; i++) order[i] = i;
  order.sort((a, b) => ws[b] - ws[a] || a - b);
  const kept = Math.min(count, state.params.vectorTerms);
  // An article in another language than English is filed and looked up under its strongest names
  // and numbers too: its own words, rare in a collection mostly in English, outweigh them and would
  // fill its index terms, and a report of the same event in English shares none of them.
  if (lang > 1) fileAnchorsFirst(order, anchor, kept, state.params.indexTerms, ANCHOR_SLOTS);
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

/** Index terms of an article in a language other than English that its strongest anchors may take. */
const ANCHOR_SLOTS = 10;

/**
 * Reorders `order` (term positions, heaviest first) so that its first `index` hold the strongest
 * anchors beyond them, up to `slots`, in place of the lightest terms that are no anchors; the
 * terms keep their weights, and the order is by weight within the index terms and after them.
 */
export function fileAnchorsFirst(order: Int32Array, anchor: Uint8Array, kept: number, index: number, slots: number): void {
  if (kept <= index) return;
  const late: number[] = [];
  for (let k = index; k < kept && late.length < slots; k++) if (anchor[order[k]]) late.push(k);
  if (!late.length) return;
  // The lightest terms of the index block that are no anchors give way.
  const out: number[] = [];
  for (let k = index - 1; k >= 0 && out.length < late.length; k--) if (!anchor[order[k]]) out.push(k);
  const swaps = Math.min(late.length, out.length);
  if (!swaps) return;
  const moved = new Set(late.slice(0, swaps));
  const dropped = new Set(out.slice(0, swaps));
  const head: number[] = [];
  const tail: number[] = [];
  for (let k = 0; k < kept; k++) {
    if (k < index ? !dropped.has(k) : moved.has(k)) head.push(order[k]);
    else tail.push(order[k]);
  }
  // The positions keep their weight order within each part: the index block, then the rest.
  for (let k = 0; k < kept; k++) order[k] = k < head.length ? head[k] : tail[k - head.length];
}
