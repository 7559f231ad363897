/**
 * The pipeline: the stages composed once, and every entry (CLI ingest, fetch, watch, WARC,
 * HTTP ingest, worker) goes through it.
 *
 *   read + decode (ingest/) → extract (extract/) → store + group (sink.ts: store/, cluster/)
 *   → enrich + analyse (analysis.ts: enrich/, analyse/), each story when it is first read
 *
 * Inputs become items (`collectInputs`, the web readers, the archive reader); `extractItem` makes
 * each an article (on extraction threads for bulk input, `extract-pool.ts`); a sink
 * (`createSink`) stores them in batches and groups them in incremental steps; analyses are
 * made and cached per story on demand. The stages never import this folder; it imports them.
 *
 * @module
 */
import type { Store } from '../store/types.js';
import type { InputItem } from '../ingest/files.js';
import { regroupAll } from '../cluster/stored.js';
import { extractItem, type Failure } from './extract.js';
import { createSink, type StoreSummary } from './sink.js';

export { collectInputs, extractItem, toClusterDoc, type Extracted, type Failure } from './extract.js';
export { createSink, type Sink, type SinkOptions, type StoreSummary } from './sink.js';
export { analyseArticles, explainStory, storyAnalysis, storyCoverages, userOutlets } from './analysis.js';
export { checkpointGrouping, groupPending, storedClusterer } from '../cluster/stored.js';

export interface IngestSummary extends StoreSummary {
  /** Stories in the store afterwards. */
  stories: number;
}

export interface Progress {
  done: number;
  total: number;
  origin: string;
}

/**
 * Extracts, stores and groups input items (files, stdin, fetched pages). Given as a stream
 * (`streamInputs`), each item is let go once it is extracted, so memory follows the largest
 * article rather than the batch; `total` in the progress is then 0 (not known in advance).
 */
export async function ingestItems(store: Store, items: Iterable<InputItem> | AsyncIterable<InputItem>, onProgress?: (p: Progress) => void): Promise<IngestSummary> {
  const sink = createSink(store);
  const total = Array.isArray(items) ? items.length : 0;
  let done = 0;
  for await (const item of items) {
    await sink.add(extractItem(item), item.origin);
    onProgress?.({ done: ++done, total, origin: item.origin });
  }
  const summary = await sink.finish();
  return { ...summary, stories: (await store.listStories()).length };
}

/**
 * Groups every stored article into stories again from scratch, in publication order (the
 * `regroup` command): what the incremental steps give, up to the order articles arrived in.
 */
export async function regroup(store: Store): Promise<void> {
  await regroupAll(store);
}

