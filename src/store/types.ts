/**
 * The store: articles, their stories and a full-text index. One interface, several backends
 * (SQLite embedded by default); every method is async so that a networked backend fits.
 *
 * @module
 */
import type { Article, ClusterDoc, Story } from '../types.js';

export type UpsertResult = 'inserted' | 'updated' | 'unchanged';

export interface StoredStory {
  id: string;
  title: string;
  articleCount: number;
  sourceCount: number;
  first: string | null;
  last: string | null;
}

export interface SearchHit {
  id: string;
  title: string | null;
  source: string | null;
  snippet: string;
  story: string | null;
}

/** Where the stored grouping stands (see {@link Store.commitGrouping}). */
export interface GroupingState {
  /** The last grouping step committed; 0 before any. */
  seq: number;
  /** The step of the last full regroup: every article grouped before it was fed again in it. */
  base: number;
  /** Articles awaiting grouping. */
  pending: number;
  /** The grouping code's version that made the steps (null before any). */
  version: string | null;
}

/** One grouping step: the articles it fed, and the stories that changed. */
export interface GroupingStep {
  /** The step this one follows; the commit is refused when another process committed meanwhile. */
  expect: number;
  seq: number;
  /** Ids fed to the clusterer in this step, in the order fed (publication order). */
  fed: string[];
  /** Article → story, for every article whose story this step set or changed. */
  assignments: [string, string][];
  /** A full regroup: `fed` is the whole collection. */
  base?: boolean;
  /** The grouping code's version (see `groupingVersion`). */
  version: string;
}

/**
 * The clusterer's state as it stood after grouping step `seq`, in binary form (see
 * `cluster/snapshot-binary.ts`): a process with no clusterer in memory restores the newest one and
 * replays only the steps after it, instead of the whole collection.
 */
export interface GroupingCheckpoint {
  seq: number;
  /** The grouping code's version that made it: one of another version is not used. */
  version: string;
  /** Articles the clusterer held. */
  articles: number;
  data: Uint8Array;
}

/** A checkpoint to save: its bytes whole, or in pieces of any size, taken in order as they are written. */
export type GroupingCheckpointToSave = Omit<GroupingCheckpoint, 'data'> & { data: Uint8Array | Iterable<Uint8Array> };

/** The state key under which the grouping's step counter is kept. */
export const GROUPING_KEY = 'grouping';

export interface Store {
  readonly kind: string;
  /** Inserts or updates an article by id; a same-hash re-ingest changes nothing. */
  upsertArticle(article: Article): Promise<UpsertResult>;
  /** Several articles in one transaction: all land or none. */
  upsertArticles(articles: Article[]): Promise<UpsertResult[]>;
  getArticle(id: string): Promise<Article | null>;
  listArticles(options?: { story?: string; source?: string; limit?: number; offset?: number }): Promise<Article[]>;
  countArticles(): Promise<number>;
  /**
   * What grouping reads of every article (no raw input, no blocks), in publication order, as a
   * stream: memory stays flat however large the collection.
   */
  iterateForGrouping(): AsyncIterable<ClusterDoc>;
  /**
   * Incremental grouping. Each article records the grouping step that fed it to the clusterer
   * (none yet: pending). Replaying the grouped articles step by step, each step in publication
   * order, rebuilds the clusterer's state exactly, so the stored grouping is the clusterer's state:
   * a process that holds the clusterer in memory goes on from it, and one that does not rebuilds
   * it. A crash between storing articles and grouping them leaves them pending, to be grouped by
   * the next step.
   */
  groupingState(): Promise<GroupingState>;
  /** Articles awaiting grouping, in publication order. */
  iteratePending(): AsyncIterable<ClusterDoc>;
  /** Grouped articles of steps after `after`, by step, each step in publication order. */
  iterateGrouped(after: number): AsyncIterable<{ doc: ClusterDoc; seq: number }>;
  /** Commits a step in one transaction; false (nothing written) when `expect` is not the last step. */
  commitGrouping(step: GroupingStep): Promise<boolean>;
  /** The newest grouping checkpoint, or null when none was saved. */
  groupingCheckpoint(): Promise<GroupingCheckpoint | null>;
  /** Saves a grouping checkpoint and drops the older ones. */
  saveGroupingCheckpoint(checkpoint: GroupingCheckpointToSave): Promise<void>;
  /** Records story assignments (article id → story id). */
  assignStories(assignments: Map<string, string> | [string, string][]): Promise<void>;
  storyOf(articleId: string): Promise<string | null>;
  listStories(options?: { limit?: number; offset?: number }): Promise<StoredStory[]>;
  /**
   * Stores what the enrich stage found in articles (their `enrichment`), each only where the
   * stored article still has the same content hash: an article updated meanwhile keeps its new
   * text and gets no stale enrichment. Changes nothing else (no cached analysis is dropped).
   */
  saveEnrichments(articles: Article[]): Promise<void>;
  /**
   * Stories that have no cached analysis, the most widely carried first (as the front page lists
   * them): what a server analyses ahead of its readers while it is idle.
   */
  storiesWithoutAnalysis(limit: number): Promise<string[]>;
  /** Caches a story's analysis; invalidated when its articles change. */
  saveAnalysis(story: Story): Promise<void>;
  getAnalysis(storyId: string): Promise<Story | null>;
  /** When the cached analysis was made (null when there is none): a cheap version for caches of what is built from it. */
  analysisStamp(storyId: string): Promise<string | null>;
  /** Drops every cached analysis (after a change that touches all stories, such as outlet profiles). */
  clearAnalyses(): Promise<void>;
  search(query: string, options?: { limit?: number }): Promise<SearchHit[]>;
  /**
   * Small JSON state kept beside the data, by key: a clusterer's snapshot, a feed's ETag and next
   * poll time. Keys are namespaced by their owner, e.g. `feed:https://…`.
   */
  getState<T = unknown>(key: string): Promise<T | null>;
  setState(key: string, value: unknown): Promise<void>;
  listState<T = unknown>(prefix: string): Promise<{ key: string; value: T }[]>;
  close(): Promise<void>;
}
