/**
 * The story's timeline: every dated expression in its articles, resolved against each article's
 * publication date (see enrich/dates.ts), with the clause that dates the event. Mentions of the
 * same date merge into one event with every article that mentions it: a story follows one event,
 * and what its reports date to the same day is, with rare exceptions, the same happening. Each
 * article's own publication is an event too, the report itself, said by its headline.
 *
 * @module
 */
import type { Article, StoryTimelineEvent } from '../types.js';
import type { DateMention } from '../enrich/types.js';
import type { StoryContext } from './context.js';
import { findDates } from '../enrich/dates.js';
import { contentStems } from './similarity/text.js';

const datesCache = new WeakMap<Article, DateMention[]>();

/** An article's dated expressions, found once per article however many sections ask. */
export function articleDates(a: Article): DateMention[] {
  let d = datesCache.get(a);
  if (!d) {
    d = findDates(a.text, a.published);
    datesCache.set(a, d);
  }
  return d;
}

/** An event's text is cut to its clause when the sentence is longer than this (in words). */
const LONG_SENTENCE_WORDS = 30;
const MAX_TEXT = 240;

/** The clause of a sentence around a date: between semicolons or dashes, if the sentence is long. */
export function clauseAround(sentence: string, start: number, end: number): string {
  if (sentence.split(/\s+/).length <= LONG_SENTENCE_WORDS) return sentence;
  const cuts = [...sentence.matchAll(/;\s+|\s+[—–]\s+/g)].map((m) => [m.index!, m.index! + m[0].length]);
  let from = 0;
  let to = sentence.length;
  for (const [a, b] of cuts) {
    if (a < start) from = Math.max(from, b);
    else if (a >= end) to = Math.min(to, a);
  }
  const clause = sentence.slice(from, to).trim();
  return clause.split(/\s+/).length >= 6 ? clause : sentence;
}

export function buildTimeline(ctx: StoryContext): StoryTimelineEvent[] {
  const byDate = new Map<string, { texts: { article: string; text: string }[]; articles: Set<string> }>();
  const add = (date: string, article: string, text: string) => {
    const e = byDate.get(date) ?? { texts: [], articles: new Set<string>() };
    e.texts.push({ article, text: text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT - 1)}…` : text });
    e.articles.add(article);
    byDate.set(date, e);
  };
  for (const a of ctx.articles) {
    const sentences = ctx.sentences.get(a.id) ?? [];
    const mentions = articleDates(a);
    for (const d of mentions) {
      if (d.date.startsWith('--')) continue;
      const s = sentences.find((x) => x.start <= d.start && x.end >= d.end);
      add(d.date, a.id, s ? clauseAround(s.text, d.start - s.start, d.end - s.start) : d.text);
    }
    if (a.published && /^\d{4}-\d{2}-\d{2}/.test(a.published)) add(a.published.slice(0, 10), a.id, a.title ?? sentences[0]?.text ?? '');
  }
  return [...byDate]
    .map(([date, e]) => {
      // The text most like the others on that date describes the event.
      const sets = e.texts.map((t) => new Set(contentStems(t.text)));
      const best = e.texts
        .map((t, i) => ({ t, score: sets.reduce((acc, s, j) => acc + (i === j ? 0 : [...sets[i]].filter((w) => s.has(w)).length), 0) }))
        .sort((x, y) => y.score - x.score || x.t.text.length - y.t.text.length)[0].t;
      return { date, text: best.text, articles: [...e.articles] };
    })
    .sort((a, b) => a.date.localeCompare(b.date));
}
