/**
 * The analyse step of the pipeline: stories analysed from files (no store) or from the store,
 * where each analysis is cached until its story changes.
 *
 * @module
 */
import type { Article, Story, StoryCoverage } from '../types.js';
import type { Store, StoredStory } from '../store/types.js';
import { analyseStory, analysisVersion } from '../analyse/index.js';
import { createClusterer } from '../cluster/index.js';
import { storedClusterer } from '../cluster/stored.js';
import { ensureEnriched } from '../enrich/index.js';
import { profileStory, USER_OUTLETS_KEY, type Outlet } from '../outlets/index.js';
import { BLINDSPOT_MIN_OUTLETS } from '../outlets/coverage.js';
import { toClusterDoc } from './extract.js';

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
