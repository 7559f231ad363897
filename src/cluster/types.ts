/**
 * Grouping articles into stories. A clusterer is fed articles one at a time, roughly in
 * publication order, and keeps its own state; the store persists the assignments it returns.
 *
 * @module
 */

export type { ClusterDoc } from '../types.js';
import type { ClusterDoc } from '../types.js';

export interface Assignment {
  id: string;
  story: string;
  /** Similarity to the story it joined; 0 when it started a new story. */
  score: number;
  /** Articles whose story changed as a consequence (merges, moves): id → new story. */
  moved?: Record<string, string>;
  /** Set when the article is a near-duplicate (wire copy, republication) of another. */
  duplicateOf?: string;
}

export interface Explanation {
  id: string;
  story: string;
  score: number;
  /** The terms and entities the article shares with its story, with their weights. */
  shared: { term: string; weight: number }[];
  reason: string;
}

export interface Clusterer {
  readonly name: string;
  add(doc: ClusterDoc): Assignment;
  /**
   * Ends a batch: looks again at the small stories now that every article is in, and returns
   * the articles that changed story (id → new story). Adding may go on afterwards.
   */
  settle(): Record<string, string>;
  /** The current story of every article seen so far. */
  assignments(): Map<string, string>;
  explain(id: string): Explanation | null;
}
