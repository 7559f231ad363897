/**
 * Grouping articles into stories, streaming and explainable.
 *
 * Each article becomes a sparse vector of TF-IDF terms (title and lead above the tail, names and
 * numbers as terms of their own, the prose of a page saved with its chrome; see `terms.ts`). The
 * document frequencies start from a prior of general English (`background.ts`), so that a
 * handful of reports of one matter, grouped on their own, are not told apart by their angles
 * merely because what they share is in every one of them. A new article:
 *
 * 1. is checked for being a copy of an earlier one (same address, MinHash/LSH over word
 *    shingles, or the same headline when there is no text): a copy joins its original's story
 *    and is marked, so that one agency's text in ten outlets counts as one source;
 * 2. finds its candidate neighbours through an inverted index holding, per term, the most recent
 *    articles (a bounded ring); the closest ones are compared over their whole vectors, and
 *    their stories are the candidates, so the cost per article does not grow with the collection;
 * 3. scores each candidate story by the cosine with its centroid and with its nearest article,
 *    faded by the gap in time (and lowered when a report and the story name nobody in common),
 *    and joins the best one above a threshold. How much text there was
 *    sets the threshold and the mix: a report's words make a profile worth comparing with a
 *    story's centroid; a headline's are a hint, best matched against the closest headlines,
 *    several of them, since one alike may share no more than a stock phrase;
 * 4. merges its story with another candidate whose centroid turns out alike; the articles of
 *    the smaller story move, and are reported as moved.
 *
 * A batch ends with {@link StreamingClusterer.settle}: each small story is scored again against
 * the stories as they stand, and joins the larger one its articles now fit. The first articles
 * of a matter are placed on the least evidence; by the end the story they missed has formed.
 *
 * Stories past the time window (or untouched for long, when undated) close: they keep their
 * articles and explanations but leave the index and free their vectors, so memory follows the
 * live stories. Every assignment is kept with its evidence (shared terms, nearest article,
 * similarities, gap), and the state can be saved as JSON and restored to go on grouping.
 *
 * @module
 */
export type { Clusterer, ClusterDoc, Assignment, Explanation } from './types.js';
export { NearDuplicateIndex } from './minhash.js';
export { DEFAULT_PARAMS, type ClusterParams, type ClustererOptions } from './params.js';
export { timeOf } from './time.js';
export { urlKey } from './copies.js';
export { StreamingClusterer, createClusterer } from './clusterer.js';
