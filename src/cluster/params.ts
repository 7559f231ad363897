/**
 * The tuning of the clusterer: its parameters and their defaults, the options it is created with,
 * and the bars that the length of an article sets from them.
 *
 * @module
 */

/** Tuning of the clusterer; the defaults were chosen on the dev sets and suit news in general. */
export interface ClusterParams {
  /** Score needed to join a story when the article has plenty of text. */
  thresholdLong: number;
  /** Score needed to join a story when the article is a headline (or little more). */
  thresholdShort: number;
  /** Content words at and above which an article counts as having plenty of text. */
  longText: number;
  /**
   * Weight of the centroid cosine against the nearest-member cosine in a story's score, for a
   * report and for a headline. A report's story has a centroid worth comparing with; a story of
   * headlines is a spread of short texts, where the closest one says more.
   */
  centroidWeightLong: number;
  centroidWeightShort: number;
  /**
   * For a bare headline, the closest articles of a story whose cosines are averaged into its
   * nearest-article score, a story with fewer counting the missing ones as 0. One close headline
   * may share a stock phrase ("files for bankruptcy") with a headline on another matter; several
   * close ones rarely do. A few words matching one other headline is weak evidence, so a
   * headline joins a story of one or two only on a closer match than it needs for a larger one.
   */
  nearestCount: number;
  /**
   * Content words up to which an article reads as a bare headline (most have five to ten): the
   * average over `nearestCount` applies in full up to it and gives way to the single nearest
   * article by twice as many, where there is text enough for one match to mean something.
   */
  headlineWords: number;
  /**
   * Least centroid cosine, as a share of the threshold, for a story to count at all: a close
   * nearest article alone would chain unrelated headlines into a big story.
   */
  minCentroidShare: number;
  /**
   * Share of the joining threshold at which another candidate story counts as related (a
   * follow-up, a development, an earlier chapter): linked, not merged. Measured before the fade
   * in time, since follow-ups come later by nature.
   */
  relatedShare: number;
  /**
   * Factor on the score of a story that shares no name with an article, when both name several
   * (`minNames`) and are in one language: two reports of one event name at least one person,
   * place or body in common, while two events of a kind told with the same words (a quake, a
   * strike, a verdict) name none. Words alone may still join them, on a score this much higher.
   */
  unnamedShare: number;
  /** Names each side needs for `unnamedShare` to apply. */
  minNames: number;
  /** Centroid cosine at which two stories merge, when a report and when a headline links them. */
  mergeThresholdLong: number;
  mergeThresholdShort: number;
  /** Days of gap between an article and a story before similarity starts to fade. */
  graceDays: number;
  /** Days over which similarity fades by a factor e beyond the grace period. */
  fadeDays: number;
  /** Days of gap beyond which an article never joins a story. */
  windowDays: number;
  /**
   * Pseudo-articles of general English counted beside the collection's own in each term's
   * document frequency (see `background.ts`), fading as e^(−n / priorDocs) over the first n
   * articles: while the collection is small, and above all when it is a handful of reports of one
   * matter, how common a word is in English decides its weight, not that every report at hand has
   * it. 0 turns the prior off.
   */
  priorDocs: number;
  /** Terms kept per article vector. */
  vectorTerms: number;
  /** Terms per article entered in (and looked up in) the inverted index. */
  indexTerms: number;
  /** Most recent articles kept per term in the inverted index. */
  postingCap: number;
  /** Candidate articles compared over their whole vectors, best index scores first. */
  exactCandidates: number;
  /** Terms kept per story centroid. */
  centroidTerms: number;
  /**
   * Share of the threshold an article needs against a story told only in other languages (an
   * English report and a Malay or a Chinese one): they share names, numbers and the dictionary's
   * glosses, not their wording, so the same event scores lower across languages.
   */
  crossLanguageShare: number;
  /**
   * The same share when the two sides write in different scripts (Cyrillic against Latin, Arabic
   * against Cyrillic): they share no cognates and no names spelled alike, only names' phonetic
   * keys, countries and numbers.
   */
  crossScriptShare: number;
  /** Estimated Jaccard similarity of word 3-shingles at which a text is a copy. */
  duplicateJaccard: number;
  /**
   * Articles after which a story nobody joined is closed, when dates do not close it first (a
   * dated story closes once the newest article is `windowDays` past it). A closed story keeps
   * its articles and their explanations, but leaves the index and frees its vectors.
   */
  retireAfter: number;
  /** Articles between two sweeps for stories to close. */
  sweepEvery: number;
  /**
   * Articles up to which a story counts as small and is looked at again when a batch is settled
   * (see {@link StreamingClusterer.settle}).
   */
  reviewSize: number;
}

export const DEFAULT_PARAMS: ClusterParams = {
  thresholdLong: 0.25,
  thresholdShort: 0.15,
  longText: 60,
  centroidWeightLong: 1,
  centroidWeightShort: 0.3,
  nearestCount: 3,
  headlineWords: 8,
  minCentroidShare: 0.5,
  relatedShare: 0.6,
  unnamedShare: 0.7,
  minNames: 2,
  mergeThresholdLong: 0.9,
  mergeThresholdShort: 0.25,
  graceDays: 3,
  fadeDays: 10,
  windowDays: 45,
  priorDocs: 15,
  vectorTerms: 150,
  indexTerms: 30,
  postingCap: 80,
  exactCandidates: 50,
  centroidTerms: 1000,
  crossLanguageShare: 0.3,
  crossScriptShare: 0.1,
  duplicateJaccard: 0.7,
  retireAfter: 100_000,
  sweepEvery: 10_000,
  reviewSize: 5,
};

export interface ClustererOptions extends Partial<ClusterParams> {
  /** A snapshot from {@link StreamingClusterer.snapshot}: grouping goes on from there. */
  state?: unknown;
}

/**
 * How much text there was decides how much a score means: a report's words are a profile,
 * a headline's a hint. The bar to join, the share of the centroid in the score, the bar to merge.
 */
export function bars(p: ClusterParams, length: number): { threshold: number; centroidWeight: number; mergeThreshold: number } {
  const longness = Math.min(1, length / p.longText);
  return {
    threshold: p.thresholdShort + (p.thresholdLong - p.thresholdShort) * longness,
    centroidWeight: p.centroidWeightShort + (p.centroidWeightLong - p.centroidWeightShort) * longness,
    mergeThreshold: p.mergeThresholdShort + (p.mergeThresholdLong - p.mergeThresholdShort) * longness,
  };
}
