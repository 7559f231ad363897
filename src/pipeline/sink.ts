/**
 * The store and group steps of the pipeline, as one sink every entry feeds (files, archives,
 * feeds, the HTTP API, workers): extracted articles are stored in batches, one transaction each
 * (a kill loses at most one batch, and what is stored awaits grouping), and grouped into stories
 * in incremental steps, so that a step costs what it adds, not what the store holds.
 *
 * @module
 */
import type { Article } from '../types.js';
import type { Store, UpsertResult } from '../store/types.js';
import { checkpointGrouping, groupPending } from '../cluster/stored.js';
import type { Extracted, Failure } from './extract.js';
import { enrichExtracted } from './enrich.js';

/** What storing some inputs did. */
export interface StoreSummary {
  inserted: number;
  updated: number;
  unchanged: number;
  failed: Failure[];
}

export interface SinkOptions {
  /**
   * When to group: at the end (`'end'`, the default), also every this many new articles (a
   * number: a long archive is grouped as it is read), or not at all (`false`: the articles stay
   * pending for a grouping step elsewhere, such as a worker's group job).
   */
  group?: 'end' | number | false;
  /**
   * A second article with an id already seen in this run: reported as a failure (`'fail'`, the
   * default: two files claiming one id), skipped (`'first'`: one item in several feeds), or
   * taking the first one's place (`'last'`: a page captured twice in an archive).
   */
  duplicates?: 'fail' | 'first' | 'last';
  /** Articles per store transaction (100). */
  batch?: number;
  /**
   * Enrich each article before it is stored (default true), unless it comes enriched (from an
   * extraction thread). False leaves it to the story's first analysis.
   */
  enrich?: boolean;
  /**
   * Save a grouping checkpoint at the end when at least this many articles were grouped since the
   * last one (default `CHECKPOINT_LEAST`, 500): a bulk ingest leaves the next process a state to
   * start from. False for none: a server storing one article a request leaves it to the grouping
   * steps, which save one as the collection grows.
   */
  checkpoint?: number | false;
}

export interface Sink {
  /** One extracted input: an article is stored with the next batch, a failure reported. */
  add(extracted: Extracted, origin?: string): Promise<void>;
  /** Stores what is left, groups (as the options say), and says what was done. */
  finish(): Promise<StoreSummary>;
}

export function createSink(store: Store, options: SinkOptions = {}): Sink {
  const size = options.batch ?? 100;
  const group = options.group ?? 'end';
  const duplicates = options.duplicates ?? 'fail';
  const summary: StoreSummary = { inserted: 0, updated: 0, unchanged: 0, failed: [] };
  const seen = new Set<string>();
  let batch = new Map<string, Article>();
  let sinceStep = 0;
  // Batches are written one after the other, whoever adds them (extraction threads finish out of order).
  let writing: Promise<void> = Promise.resolve();
  const flush = (): Promise<void> => {
    if (!batch.size) return writing;
    const articles = [...batch.values()];
    batch = new Map();
    writing = writing.then(async () => {
      const results: UpsertResult[] = await store.upsertArticles(articles);
      for (const r of results) summary[r]++;
      sinceStep += results.filter((r) => r === 'inserted').length;
      if (typeof group === 'number' && sinceStep >= group) {
        sinceStep = 0;
        await groupPending(store);
      }
    });
    return writing;
  };
  return {
    async add(extracted, origin) {
      if ('failure' in extracted) {
        summary.failed.push(extracted.failure);
        return;
      }
      if (options.enrich !== false) enrichExtracted(extracted);
      const a = extracted.article;
      if (seen.has(a.id) && !(duplicates === 'last' && batch.has(a.id))) {
        if (duplicates === 'fail') summary.failed.push({ origin: origin ?? a.id, error: `duplicate id "${a.id}" in this batch` });
        if (duplicates !== 'last') return;
      }
      seen.add(a.id);
      batch.set(a.id, a);
      if (batch.size >= size) await flush();
    },
    async finish() {
      await flush();
      // Also when this run stored nothing new: articles a stopped run stored but never grouped are pending.
      if (group !== false) {
        await groupPending(store);
        if (options.checkpoint !== false) await checkpointGrouping(store, options.checkpoint);
      }
      return summary;
    },
  };
}
