/**
 * The story's timeline: every dated expression in its articles, resolved against each article's
 * publication date, with the sentence that dates the event; mentions of the same date merge, with
 * every article that mentions it. Each article's own date of publication is an event too: the
 * report itself.
 *
 * @module
 */
import type { StoryTimelineEvent } from '../types.js';
import type { StoryContext } from './context.js';
import { findDates } from '../enrich/dates.js';
import { stems } from './similarity.js';

const MAX_TEXT = 220;

export function buildTimeline(ctx: StoryContext): StoryTimelineEvent[] {
  const byDate = new Map<string, { texts: { article: string; text: string }[]; articles: Set<string> }>();
  const add = (date: string, article: string, text: string) => {
    const e = byDate.get(date) ?? { texts: [], articles: new Set<string>() };
    e.texts.push({ article, text });
    e.articles.add(article);
    byDate.set(date, e);
  };
  for (const a of ctx.articles) {
    const sentences = ctx.sentences.get(a.id) ?? [];
    for (const d of findDates(a.text, a.published)) {
      if (d.date.startsWith('--')) continue;
      const s = sentences.find((x) => x.start <= d.start && x.end >= d.end);
      add(d.date, a.id, (s?.text ?? d.text).slice(0, MAX_TEXT));
    }
    if (a.published && /^\d{4}-\d{2}-\d{2}/.test(a.published)) add(a.published.slice(0, 10), a.id, a.title ?? sentences[0]?.text ?? '');
  }
  return [...byDate]
    .map(([date, e]) => {
      // The text most like the others on that date describes the event.
      const sets = e.texts.map((t) => new Set(stems(t.text)));
      const best = e.texts
        .map((t, i) => ({ t, score: sets.reduce((acc, s, j) => acc + (i === j ? 0 : [...sets[i]].filter((w) => s.has(w)).length), 0) }))
        .sort((x, y) => y.score - x.score || x.t.text.length - y.t.text.length)[0].t;
      return { date, text: best.text, articles: [...e.articles] };
    })
    .sort((a, b) => a.date.localeCompare(b.date));
}
