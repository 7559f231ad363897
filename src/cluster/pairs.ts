/**
 * How alike two articles are, as the clusterer sees them: the cosine of their TF-IDF vectors, with
 * the document frequencies of the collection they come with, raised across languages as the
 * clusterer raises it (see `languageBoost`) and capped at 1. Two reports in different languages
 * share names, numbers, countries and glosses, not their wording, so their cosine is lower for
 * the same event. For comparing pairs without grouping them (how close two reports are).
 *
 * @module
 */
import type { ClusterDoc } from './types.js';
import { DEFAULT_PARAMS, type ClusterParams } from './params.js';
import { ClusterState } from './state.js';
import { languageOf } from './terms.js';
import { vectorise } from './vectors.js';
import { ONE_LANGUAGE, languageBoost } from './similarity.js';

/**
 * The similarity (0..1) of each pair of `docs` (indexes into it). All of `docs` are vectorised in
 * one collection first, so that a term every article has weighs little.
 */
export function pairSimilarities(docs: readonly ClusterDoc[], pairs: readonly (readonly [number, number])[], params: Partial<ClusterParams> = {}): number[] {
  const state = new ClusterState({ ...DEFAULT_PARAMS, ...params });
  const vectors: { lang: number; weights: Map<number, number> }[] = [];
  for (const doc of docs) {
    const lang = languageOf(doc.title, doc.text);
    const { terms, weights } = vectorise(state, doc, lang);
    const m = new Map<number, number>();
    for (let i = 0; i < terms.length; i++) m.set(terms[i], weights[i]);
    // Counted in, so that the next article's frequencies include this one (as the clusterer does).
    state.docs.push(doc.id, -1, terms, weights, terms.length, NaN, lang, 0);
    vectors.push({ lang, weights: m });
  }
  return pairs.map(([a, b]) => {
    const x = vectors[a];
    const y = vectors[b];
    let dot = 0;
    for (const [t, w] of x.weights) dot += w * (y.weights.get(t) ?? 0);
    const boost = languageBoost(state.params, ONE_LANGUAGE[x.lang], ONE_LANGUAGE[y.lang]);
    return Math.min(1, dot * boost);
  });
}
