/**
 * Articles as the API and the pages show them, with their publication dates as the story's
 * analysis gives them: a page that printed "December 3" without a year (stored as ISO 8601's
 * month-day, `--12-03`) or no date at all is dated from the other reports of its story, exactly as
 * in the story's JSON, with `provenance.published` "story" and a message saying so. One date per
 * article everywhere: `2024-12-03` for a day, `2024-12-03T14:27…` when the page gave the time; the
 * month-day form only for an article whose year nothing tells (no story with a dated report).
 *
 * @module
 */
import type { Store } from '../../store/types.js';
import type { Article } from '../../types.js';
import { completeDates } from '../../analyse/dates.js';

/** Whether an article's date needs its story: none, or no year. */
const incomplete = (a: Article) => !a.published || a.published.startsWith('--');

/**
 * The articles with their dates completed from their stories (`storyOf` when the caller knows
 * them). A story's articles are read only for the articles that need them, once per story.
 */
export async function withStoryDates(store: Store, articles: Article[], storyOf?: (id: string) => string | null | undefined): Promise<Article[]> {
  if (!articles.some(incomplete)) return articles;
  const byStory = new Map<string, Map<string, Article>>();
  const out: Article[] = [];
  for (const a of articles) {
    if (!incomplete(a)) {
      out.push(a);
      continue;
    }
    const story = storyOf ? storyOf(a.id) : await store.storyOf(a.id);
    if (!story) {
      out.push(a);
      continue;
    }
    let completed = byStory.get(story);
    if (!completed) {
      const members = await store.listArticles({ story, limit: 100_000 });
      completed = new Map(completeDates(members).map((x) => [x.id, x]));
      byStory.set(story, completed);
    }
    const c = completed.get(a.id);
    out.push(c ? { ...a, published: c.published, provenance: c.provenance, messages: c.messages } : a);
  }
  return out;
}
