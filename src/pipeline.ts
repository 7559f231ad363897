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
import { groupPending, regroupAll, storedClusterer } from './cluster/stored.js';

export { groupPending, storedClusterer };
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
  // Always: articles a crashed run stored but never grouped are pending too.
  await groupPending(store);
  summary.stories = (await store.listStories()).length;
  return summary;
}

export function toClusterDoc(a: Article): ClusterDoc {
  return { id: a.id, title: a.title, text: a.text, published: a.published, source: a.source, url: a.url };
}

/**
 * Groups every stored article into stories again from scratch, in publication order (the
 * `regroup` command): what the incremental steps give, up to the order articles arrived in.
 */
export async function regroup(store: Store): Promise<void> {
  await regroupAll(store);
}

/** Grouping done as articles are stored: see {@link groupAsStored}. */
export interface StreamGrouping {
  /** A batch just written, with what the store did with each article. */
  stored(articles: Article[], results: UpsertResult[]): Promise<void>;
  /** Groups what is still pending. */
  finish(): Promise<void>;
}

/**
 * Grouping while a bulk ingest (an archive) stores articles: a grouping step every `step` new
 * articles, overlapping the extraction, and one at the end. Each step feeds its articles in
 * publication order; an archive is crawled about in the order news appears, so steps of a few
 * thousand give the stories one pass over the whole collection gives.
 */
export async function groupAsStored(store: Store, options: { step?: number } = {}): Promise<StreamGrouping> {
  const step = options.step ?? 2000;
  let since = 0;
  return {
    async stored(_articles, results) {
      since += results.filter((r) => r === 'inserted').length;
      if (since < step) return;
      since = 0;
      await groupPending(store);
    },
    async finish() {
      await groupPending(store);
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
 * Why each article of a story is in it, as the clusterer that grouped it explains (rebuilt from
 * the store when this process has none).
 */
export async function explainStory(store: Store, storyId: string): Promise<string[]> {
  const members = new Set((await store.listArticles({ story: storyId })).map((a) => a.id));
  const clusterer = await storedClusterer(store);
  const lines: string[] = [];
  for (const id of members) {
    const e = clusterer.explain(id);
    if (!e) continue;
    const terms = e.shared.slice(0, 8).map((t) => `${t.term} (${t.weight.toFixed(2)})`).join(', ');
    lines.push(`${id}: ${e.reason}; similarity ${e.score.toFixed(2)}${terms ? '; shared: ' + terms : ''}`);
  }
  return lines;
}
