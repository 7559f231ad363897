/**
 * The candidate search, steps 2 and 3 of adding an article: its neighbours through the inverted
 * index, the closest compared over their whole vectors, and their stories scored by centroid and
 * nearest articles, faded by the gap in time. Settling a batch runs it again for each article of a
 * small story.
 *
 * @module
 */
import type { ClusterState } from './state.js';
import { bars } from './params.js';
import { timeFactor } from './time.js';
import { ONE_LANGUAGE, centroidCosine, languageBoost, sharesName } from './similarity.js';

/**
 * The k-th largest of the first `n` values (k ≥ 1), found by partitioning (Hoare's selection)
 * instead of sorting them all: the same value a sort would put there, in linear time.
 * Reorders the values.
 */
function kthLargest(a: Float64Array, n: number, k: number): number {
  // The k-th largest is the (n − k)-th smallest, counting from 0.
  const target = n - k;
  let lo = 0;
  let hi = n - 1;
  while (lo < hi) {
    const pivot = a[(lo + hi) >>> 1];
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i] < pivot) i++;
      while (a[j] > pivot) j--;
      if (i <= j) {
        const t = a[i];
        a[i] = a[j];
        a[j] = t;
        i++;
        j--;
      }
    }
    if (target <= j) hi = j;
    else if (target >= i) lo = i;
    else return a[target];
  }
  return a[target];
}

/** A candidate story as scored against an article (see `candidates`). */
export type Scored = { story: number; score: number; raw: number; centroid: number; nearest: number; nearestSim: number; gap: number };

/**
 * The stories within reach of an article, scored, best first (step 2 and 3 of `add`): its
 * neighbours through the inverted index, compared in full, and their stories by centroid and
 * nearest articles, faded by the gap in time. Story `exclude` (its own, on review) is left out.
 */
export function candidates(state: ClusterState, terms: Int32Array, weights: Float32Array, length: number, lang: number, time: number, exclude: number): Scored[] {
  const p = state.params;
  const { threshold, centroidWeight } = bars(state.params, length);
  if (state.acc.length < state.docs.size) {
    const grown = new Float64Array(state.docs.size * 2);
    grown.set(state.acc);
    state.acc = grown;
  }
  const acc = state.acc;
  const touched = state.touched;
  touched.length = 0;
  const n = Math.min(p.indexTerms, terms.length);
  for (let i = 0; i < n; i++) {
    const posting = state.postings.get(terms[i]);
    if (!posting) continue;
    const w = weights[i];
    const docs = posting.docs;
    const ws = posting.weights;
    for (let j = 0; j < docs.length; j++) {
      const other = docs[j];
      if (acc[other] === 0) touched.push(other);
      acc[other] += w * ws[j] + 1e-12;
    }
  }
  // The index sees only each article's strongest terms; the closest candidates are compared in
  // full, so that a story's nearest article is measured, not estimated. Only they, and their
  // stories, are weighed: a bounded amount of work however large the collection.
  if (state.mine.length < state.vocabulary.size) state.mine = new Float32Array(state.vocabulary.size * 2);
  const mine = state.mine;
  for (let i = 0; i < terms.length; i++) mine[terms[i]] = weights[i];
  let cut = -Infinity;
  if (touched.length > p.exactCandidates) {
    if (state.scratchScores.length < touched.length) state.scratchScores = new Float64Array(touched.length * 2);
    const scores = state.scratchScores;
    for (let i = 0; i < touched.length; i++) scores[i] = acc[touched[i]];
    cut = kthLargest(scores, touched.length, p.exactCandidates);
  }
  // Per story: its closest article, and the closest cosines (language boost included), best first.
  const nearestIn = new Map<number, { doc: number; sim: number; top: number[] }>();
  const k = Math.max(1, Math.round(p.nearestCount));
  // 1 for a bare headline, 0 from twice its words on.
  const headline = k > 1 && p.headlineWords > 0 ? Math.min(1, Math.max(0, 2 - length / p.headlineWords)) : 0;
  let compared = 0;
  const store = state.docs;
  for (const other of touched) {
    const approx = acc[other];
    acc[other] = 0;
    if (approx < cut || compared >= p.exactCandidates) continue;
    compared++;
    const oTerms = store.termBlocks[store.block[other]];
    const oWeights = store.weightBlocks[store.block[other]];
    const from = store.start[other];
    const to = from + store.length[other];
    let sim = 0;
    for (let i = from; i < to; i++) sim += mine[oTerms[i]] * oWeights[i];
    const boosted = languageBoost(state.params, ONE_LANGUAGE[lang], ONE_LANGUAGE[state.docs.lang[other]]) * sim;
    const oStory = state.docs.story[other];
    const cur = nearestIn.get(oStory);
    if (!cur) {
      nearestIn.set(oStory, { doc: other, sim, top: [boosted] });
      continue;
    }
    if (sim > cur.sim) {
      cur.sim = sim;
      cur.doc = other;
    }
    const top = cur.top;
    if (top.length === k && boosted <= top[k - 1]) continue;
    let at = Math.min(top.length, k - 1);
    while (at > 0 && top[at - 1] < boosted) {
      top[at] = top[at - 1];
      at--;
    }
    top[at] = boosted;
  }
  for (let i = 0; i < terms.length; i++) mine[terms[i]] = 0;

  // 3. The best story: centroid and nearest article, faded by the gap in time.
  const scored: Scored[] = [];
  // Only a report says enough for the names it lacks to count (see `unnamedShare`).
  const names: number[] = [];
  if (length >= p.longText) {
    const isName = state.vocabulary.isName;
    for (let i = 0; i < terms.length; i++) if (isName[terms[i]]) names.push(terms[i]);
  }
  const named = names.length >= p.minNames;
  for (const [s, near] of nearestIn) {
    if (s === exclude) continue;
    const story = state.stories[s];
    const { factor, gap } = timeFactor(state.params, time, story);
    if (factor === 0) continue;
    // Against a story told only in other languages, the bar is lower by `crossLanguageShare`:
    // the score is raised by as much, so that joining, merging and relating all see it.
    const centroid = languageBoost(state.params, ONE_LANGUAGE[lang], story.langs) * centroidCosine(terms, weights, story);
    if (centroid < p.minCentroidShare * threshold) continue;
    let nearest = languageBoost(state.params, ONE_LANGUAGE[lang], ONE_LANGUAGE[state.docs.lang[near.doc]]) * near.sim;
    if (headline > 0) {
      let mean = 0;
      for (const x of near.top) mean += x;
      nearest = headline * (mean / k) + (1 - headline) * nearest;
    }
    let raw = centroidWeight * centroid + (1 - centroidWeight) * nearest;
    if (named && story.names >= p.minNames && languageBoost(state.params, ONE_LANGUAGE[lang], story.langs) === 1 && !sharesName(names, story)) raw *= p.unnamedShare;
    scored.push({ story: s, score: raw * factor, raw, centroid, nearest: near.doc, nearestSim: near.sim, gap });
  }
  scored.sort((a, b) => b.score - a.score);
  return scored;
}
