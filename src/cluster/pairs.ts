/**
 * How alike two articles are, as the clusterer sees them: the cosine of their TF-IDF vectors, with
 * the document frequencies of the collection they come with, raised across languages (see
 * `languageBoost`; two reports in different languages share names, numbers, countries and
 * glosses, not their wording, so their cosine is lower for the same event), capped at 1, and its
 * square root taken: cosines of unrelated reports crowd near 0 and those of reports of one event
 * spread over the rest, and the root puts them on a scale closer to how alike readers judge two
 * reports (Pearson with the SemEval-2022 Task 8 development scores 0.666 → 0.706). For comparing
 * pairs without grouping them.
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
 * The share of a cosine across languages of one script against one within a language, for a pair
 * on its own. The clusterer's share (0.3) is a bar to join, set low so that a report in another
 * language can join its story at all; a pair's similarity is a measure, and across languages of
 * one script it came out closest to one-language pairs judged alike at 0.5 (SemEval-2022 Task 8
 * development pairs, German-English).
 */
const PAIR_CROSS_LANGUAGE_SHARE = 0.5;

/**
 * The similarity (0..1) of each pair of `docs` (indexes into it). All of `docs` are vectorised in
 * one collection first, so that a term every article has weighs little.
 */
export function pairSimilarities(docs: readonly ClusterDoc[], pairs: readonly (readonly [number, number])[], params: Partial<ClusterParams> = {}): number[] {
  const state = new ClusterState({ ...DEFAULT_PARAMS, ...params });
  const pairParams = { ...state.params, crossLanguageShare: params.crossLanguageShare ?? PAIR_CROSS_LANGUAGE_SHARE };
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
    const boost = languageBoost(pairParams, ONE_LANGUAGE[x.lang], ONE_LANGUAGE[y.lang]);
    return Math.sqrt(Math.min(1, dot * boost));
  });
}
