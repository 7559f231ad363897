/**
 * The stages wired together: read inputs → extract → store → group into stories → analyse.
 * The CLI, the HTTP API and the workers all go through here.
 *
 * @module
 */
import type { Article, Story } from './types.js';
import type { Store } from './store/types.js';
import { expandPaths, readInputs, type InputItem } from './ingest/files.js';
import { extractArticle } from './extract/index.js';
import { analyseStory, analysisVersion } from './analyse/index.js';
import { createClusterer } from './cluster/index.js';
import { ensureEnriched } from './enrich/index.js';
import type { ClusterDoc } from './cluster/types.js';
import type { StoredStory, UpsertResult } from './store/types.js';
import type { StoryCoverage } from './types.js';
import { profileStory, USER_OUTLETS_KEY, type Outlet } from './outlets/index.js';
import { BLINDSPOT_MIN_OUTLETS } from './outlets/coverage.js';

export interface Failure {
  origin: string;
  error: string;
}

export interface IngestSummary {
  inserted: number;
  updated: number;
  unchanged: number;
  failed: Failure[];
  stories: number;
}

export interface Progress {
  done: number;
  total: number;
  origin: string;
}

/** Articles are committed in batches: one transaction each, so a kill loses at most one batch. */
const BATCH = 100;

/** Reads every path into input items (bad ones carry their error). */
export function collectInputs(paths: string[]): InputItem[] {
  const { files, errors } = expandPaths(paths);
  const items: InputItem[] = [...errors];
  for (const f of files) items.push(...readInputs(f));
  return items;
}

/** Extracts one item, turning an extractor failure into a reported one. */
export function extractItem(item: InputItem): { article: Article } | { failure: Failure } {
  if (!item.ok) return { failure: { origin: item.origin, error: item.error } };
  try {
    const article = extractArticle({ raw: item.raw, record: item.record, defaultId: item.defaultId });
    const fatal = article.messages.find((m) => m.level === 'error');
    if (!article.text.trim()) return { failure: { origin: item.origin, error: fatal?.reason ?? 'not an article: no body text found' } };
    return { article };
  } catch (err) {
    return { failure: { origin: item.origin, error: `extraction failed: ${(err as Error).message}` } };
  }
}

export async function ingestItems(
  store: Store,
  items: InputItem[],
  onProgress?: (p: Progress) => void,
): Promise<IngestSummary> {
  const summary: IngestSummary = { inserted: 0, updated: 0, unchanged: 0, failed: [], stories: 0 };
  let batch: Article[] = [];
  const seen = new Set<string>();
  const flush = async () => {
    if (!batch.length) return;
    for (const r of await store.upsertArticles(batch)) summary[r]++;
    batch = [];
  };
  for (const [i, item] of items.entries()) {
    const r = extractItem(item);
    if ('failure' in r) summary.failed.push(r.failure);
    else if (seen.has(r.article.id)) summary.failed.push({ origin: item.origin, error: `duplicate id "${r.article.id}" in this batch` });
    else {
      seen.add(r.article.id);
      batch.push(r.article);
    }
    if (batch.length >= BATCH) await flush();
    onProgress?.({ done: i + 1, total: items.length, origin: item.origin });
  }
  await flush();
  if (summary.inserted || summary.updated) await regroup(store);
  summary.stories = (await store.listStories()).length;
  return summary;
}

export function toClusterDoc(a: Article): ClusterDoc {
  return { id: a.id, title: a.title, text: a.text, published: a.published, source: a.source, url: a.url };
}

/**
 * Groups every stored article into stories, in publication order, and records the result.
 * The clusterer is streaming; regrouping from scratch keeps the stored grouping equal to what one
 * pass over the whole collection gives, whatever order the files were ingested in.
 */
export async function regroup(store: Store): Promise<void> {
  const clusterer = await groupCollection(store);
  await store.assignStories(clusterer.assignments());
}

/** One pass of a fresh clusterer over the stored collection, in regroup order, the batch settled. */
async function groupCollection(store: Store): Promise<ReturnType<typeof createClusterer>> {
  const clusterer = createClusterer();
  for await (const doc of store.iterateForGrouping()) clusterer.add(doc);
  clusterer.settle();
  return clusterer;
}

/** Regroup order: dated articles by date, undated last, ties by id (as `iterateForGrouping`). */
function groupsBefore(a: ClusterDoc, b: ClusterDoc): boolean {
  if ((a.published === null) !== (b.published === null)) return b.published === null;
  if (a.published !== b.published) return a.published! < b.published!;
  return a.id < b.id;
}

/** A binary min-heap of documents in regroup order. */
class DocHeap {
  private items: ClusterDoc[] = [];
  get size(): number {
    return this.items.length;
  }
  push(doc: ClusterDoc): void {
    const h = this.items;
    let i = h.push(doc) - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!groupsBefore(h[i], h[p])) break;
      [h[i], h[p]] = [h[p], h[i]];
      i = p;
    }
  }
  pop(): ClusterDoc | undefined {
    const h = this.items;
    const top = h[0];
    const last = h.pop();
    if (h.length && last) {
      h[0] = last;
      for (let i = 0; ;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < h.length && groupsBefore(h[l], h[m])) m = l;
        if (r < h.length && groupsBefore(h[r], h[m])) m = r;
        if (m === i) break;
        [h[i], h[m]] = [h[m], h[i]];
        i = m;
      }
    }
    return top;
  }
}

/** Grouping done as articles are stored: see {@link groupAsStored}. */
export interface StreamGrouping {
  /** A batch just written, with what the store did with each article. */
  stored(articles: Article[], results: UpsertResult[]): Promise<void>;
  /** Feeds what is held back and records the stories (or regroups, see {@link groupAsStored}). */
  finish(): Promise<void>;
}

/**
 * Groups articles into stories while a bulk ingest stores them, instead of replaying the whole
 * collection through the clusterer afterwards ({@link regroup}): the grouping overlaps the
 * extraction, and nothing is read back from the store.
 *
 * The clusterer is streaming and order matters to it (document frequencies, the index of recent
 * articles), so the articles are fed as regroup would feed them wherever that is possible:
 * - the store's earlier articles first, in publication order, replayed once when the first new
 *   article lands (an ingest that changes nothing costs nothing);
 * - the new articles through a window of `window` articles that releases them in publication
 *   order: an archive whose articles are out of publication order by fewer than that many records
 *   (news is crawled soon after it appears) is fed exactly as a regroup would feed it, and memory
 *   stays bounded whatever the archive's size;
 * - an update of an article already grouped (its text changed) cannot be fed again, since the
 *   clusterer keeps an article where it first put it: the grouping then falls back to a regroup
 *   at the end, as before.
 * A new article published before earlier ones by more than the window is grouped when it
 * arrives, as a live feed would be; `regroup` (every other ingest path) restores the strict
 * publication order of the whole collection.
 */
export async function groupAsStored(store: Store, options: { window?: number } = {}): Promise<StreamGrouping> {
  const window = options.window ?? 500;
  const earlier = await store.countArticles();
  let clusterer: ReturnType<typeof createClusterer> | null = createClusterer();
  let heap = new DocHeap();
  let primed = earlier === 0;
  let stale = false;
  let changed = false;
  const add = (doc: ClusterDoc) => clusterer!.add(doc);
  return {
    async stored(articles, results) {
      if (results.some((r) => r !== 'unchanged')) changed = true;
      if (stale) return;
      if (results.includes('updated')) {
        // Let go of the partial grouping at once: the regroup at the end starts afresh.
        stale = true;
        clusterer = null;
        heap = new DocHeap();
        return;
      }
      const fresh = articles.filter((_, i) => results[i] === 'inserted');
      if (!fresh.length) return;
      if (!primed) {
        // This batch is the first to add anything, and it is in the store already: skip it.
        const now = new Set(fresh.map((a) => a.id));
        for await (const doc of store.iterateForGrouping()) if (!now.has(doc.id)) add(doc);
        primed = true;
      }
      for (const a of fresh) heap.push(toClusterDoc(a));
      while (heap.size > window) add(heap.pop()!);
    },
    async finish() {
      if (!changed) return;
      if (stale || !clusterer) {
        await regroup(store);
        return;
      }
      while (heap.size) add(heap.pop()!);
      clusterer.settle();
      await store.assignStories(clusterer.assignments());
    },
  };
}

/** Groups articles into stories and analyses each: files in, stories out, no store needed. */
export function analyseArticles(articles: Article[]): Story[] {
  const clusterer = createClusterer();
  const ordered = [...articles].sort((a, b) => (a.published ?? '9999').localeCompare(b.published ?? '9999') || a.id.localeCompare(b.id));
  for (const a of ordered) clusterer.add(toClusterDoc(a));
  clusterer.settle();
  const groups = new Map<string, Article[]>();
  for (const a of articles) {
    const s = clusterer.assignments().get(a.id) ?? a.id;
    if (!groups.has(s)) groups.set(s, []);
    groups.get(s)!.push(a);
  }
  return [...groups.entries()]
    .map(([id, arts]) => analyseStory(arts, { id }))
    .sort((a, b) => b.articles.length - a.articles.length || a.id.localeCompare(b.id));
}

/** A story's analysis from the store, computed and cached when missing. */
export async function storyAnalysis(store: Store, storyId: string): Promise<Story | null> {
  const cached = await store.getAnalysis(storyId);
  if (cached && cached.version === analysisVersion()) return cached;
  const articles = await store.listArticles({ story: storyId });
  if (!articles.length) return null;
  // Each article's entities and quotations are worked out once and kept with it: when the story
  // grows, the next analysis redoes only the new articles' and the comparison.
  const enriched = ensureEnriched(articles);
  if (enriched.length) await store.saveEnrichments(enriched);
  const story = analyseStory(articles, { id: storyId, userOutlets: await userOutlets(store) });
  await store.saveAnalysis(story);
  return story;
}

/** The user's own outlet entries, kept in the store. */
export async function userOutlets(store: Store): Promise<Outlet[]> {
  return (await store.getState<Outlet[]>(USER_OUTLETS_KEY)) ?? [];
}

/** Coverage and blind spots of every story with enough outlets, without a full analysis. */
export async function storyCoverages(store: Store): Promise<{ story: StoredStory; coverage: StoryCoverage }[]> {
  const user = await userOutlets(store);
  const out: { story: StoredStory; coverage: StoryCoverage }[] = [];
  for (const story of await store.listStories()) {
    if (story.sourceCount < BLINDSPOT_MIN_OUTLETS) continue;
    const articles = await store.listArticles({ story: story.id });
    out.push({ story, coverage: profileStory(articles, [], user).coverage });
  }
  return out;
}

/**
 * Why each article of a story is in it: the grouping is replayed over the collection (it is
 * deterministic) and each article's assignment explained by the clusterer.
 */
export async function explainStory(store: Store, storyId: string): Promise<string[]> {
  const members = new Set((await store.listArticles({ story: storyId })).map((a) => a.id));
  const clusterer = await groupCollection(store);
  const lines: string[] = [];
  for (const id of members) {
    const e = clusterer.explain(id);
    if (!e) continue;
    const terms = e.shared.slice(0, 8).map((t) => `${t.term} (${t.weight.toFixed(2)})`).join(', ');
    lines.push(`${id}: ${e.reason}; similarity ${e.score.toFixed(2)}${terms ? '; shared: ' + terms : ''}`);
  }
  return lines;
}
