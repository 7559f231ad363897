/**
 * Publication dates completed from the story. An article whose page gave no year ("BRUSSELS,
 * December 3") or no date at all is dated from the other reports of the same event: the year of
 * the dated article nearest in month-day, or, with no date at all, the story's earliest date at
 * day precision. Each completion is a message on the article, so the guess is never silent.
 *
 * @module
 */
import type { Article } from '../types.js';

export function completeDates(articles: Article[]): Article[] {
  const dated = articles.map((a) => a.published).filter((d): d is string => !!d && /^\d{4}-\d{2}-\d{2}/.test(d)).sort();
  if (!dated.length) return articles;
  return articles.map((a) => {
    if (a.published && !a.published.startsWith('--')) return a;
    let completed: string;
    let reason: string;
    if (a.published) {
      const md = a.published.slice(2, 7);
      const match = dated.find((d) => d.slice(5, 10) === md) ?? dated[0];
      completed = `${match.slice(0, 4)}-${md}`;
      reason = `the page gives "${a.published}" without a year; the year is taken from the story's other reports`;
    } else {
      completed = dated[0].slice(0, 10);
      reason = 'the page gives no date; dated from the earliest report of the same story';
    }
    return {
      ...a,
      published: completed,
      provenance: { ...a.provenance, published: 'story' },
      messages: [...a.messages, { stage: 'analyse', rule: 'date:from-story', reason, level: 'warning' as const }],
    };
  });
}
