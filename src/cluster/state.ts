/**
 * The clusterer's state in one object: the stores of articles, terms, stories and evidence, the
 * indexes over them, and the scratch space of the hot paths. The steps of the algorithm are
 * functions over it in modules of their own (`candidates.ts`, `review.ts`, `sweep.ts`,
 * `snapshot.ts`…); `StreamingClusterer` holds one and drives them.
 *
 * @module
 */
import { NearDuplicateIndex } from './minhash.js';
import type { ClusterParams } from './params.js';
import { DocColumns } from './columns.js';
import { Vocabulary } from './vocabulary.js';
import { EvidenceLog } from './evidence.js';
import type { Posting } from './postings.js';
import type { CentroidTable } from './centroid.js';

export class ClusterState {
  readonly params: ClusterParams;
  vocabulary = new Vocabulary();
  docs = new DocColumns();
  byId = new Map<string, number>();
  /** Hash of the address key → first article at it. */
  byUrl = new Map<number, number>();
  /** Hash of the headline → first article with it. */
  byTitle = new Map<number, number>();
  stories: StoryState[] = [];
  /** Stories not closed, by index. */
  open = new Set<number>();
  /** Newest publication time seen. */
  clock = NaN;
  postings = new Map<number, Posting>();
  /** Postings the next sweep must visit (see `sweep.ts`). */
  due: Posting[] = [];
  /** Scratch space for scoring neighbours, indexed by article; cleared after each use. */
  acc = new Float64Array(1024);
  touched: number[] = [];
  /** Scratch space holding the new article's weights, indexed by term. */
  mine = new Float32Array(1024);
  /** Scratch space for weighing an article's terms and for choosing the closest candidates. */
  scratchIds = new Int32Array(1024);
  scratchWeights = new Float64Array(1024);
  scratchOrder = new Int32Array(1024);
  scratchAnchor = new Uint8Array(1024);
  scratchScores = new Float64Array(1024);
  vectorIds = new Int32Array(256);
  vectorWeights = new Float32Array(256);
  /**
   * Arrivals in order, as (story, article index) pairs from `arrivalsHead` on: stories go quiet
   * in the order of their last arrival, so settle's `quiet` mode finds them at the front.
   */
  arrivals: number[] = [];
  arrivalsHead = 0;
  evidence = new EvidenceLog();
  duplicates: NearDuplicateIndex;

  constructor(params: ClusterParams) {
    this.params = params;
    this.duplicates = new NearDuplicateIndex({ threshold: params.duplicateJaccard });
  }
}

/** One story as the clusterer keeps it. */
export interface StoryState {
  id: string;
  centroid: CentroidTable;
  /** Sum of squares of the centroid's weights, kept in step with it. */
  norm2: number;
  members: number[];
  first: number;
  last: number;
  /** Index of the article that joined last. */
  lastArrival: number;
  /** The last arrival at its last review (settle's `quiet` mode); not saved in snapshots. */
  reviewed?: number;
  /** Set when the story was merged into another: its index. */
  mergedInto: number;
  /** Closed: out of the index, its vectors freed (see `retireAfter`). */
  retired: boolean;
  /** Related stories by index, with the strongest similarity seen between them. */
  related: Map<number, number>;
  /** Its articles per language (indexed as LANGUAGES of `terms.ts`; 0 is unknown). */
  langs: number[];
  /** Names (`@…` terms) in its centroid, kept in step with it. */
  names: number;
}
