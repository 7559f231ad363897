/**
 * The story's timeline: every dated expression in its articles, resolved against each article's
 * publication date (see enrich/dates.ts), with the clause that dates the event. Mentions of the
 * same date whose clauses resemble each other are one event, with every article that mentions
 * it; different happenings of the same date (two things in 2022) stay apart. Each article's own
 * publication joins the largest event of its day: the event it reports.
 *
 * @module
 */
import type { Article, StoryTimelineEvent } from '../types.js';
import type { DateMention } from '../enrich/types.js';
import type { StoryContext } from './context.js';
import { findDates } from '../enrich/dates.js';
import { TermWeights, contentStems, weightedOverlap } from './similarity/text.js';

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

/** Overlap of two mentions' clauses at which they tell the same event. */
const SAME_EVENT = 0.15;

interface Mention {
  article: string;
  text: string;
  terms: Set<string>;
  /** The article's own publication: the report itself. */
  report: boolean;
}

export function buildTimeline(ctx: StoryContext): StoryTimelineEvent[] {
  const byDate = new Map<string, Mention[]>();
  const add = (date: string, article: string, text: string, report: boolean) => {
    const short = text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT - 1)}…` : text;
    const list = byDate.get(date) ?? [];
    list.push({ article, text: short, terms: new Set(contentStems(short)), report });
    byDate.set(date, list);
  };
  for (const a of ctx.articles) {
    const sentences = ctx.sentences.get(a.id) ?? [];
    for (const d of articleDates(a)) {
      if (d.date.startsWith('--')) continue;
      const s = sentences.find((x) => x.start <= d.start && x.end >= d.end);
      add(d.date, a.id, s ? clauseAround(s.text, d.start - s.start, d.end - s.start) : d.text, false);
    }
    if (a.published && /^\d{4}-\d{2}-\d{2}/.test(a.published)) add(a.published.slice(0, 10), a.id, a.title ?? sentences[0]?.text ?? '', true);
  }
  const weights = new TermWeights();
  for (const list of byDate.values()) for (const m of list) weights.add(m.terms);
  const out: StoryTimelineEvent[] = [];
  for (const [date, list] of byDate) {
    // Mentions of one date tell one event when their clauses resemble each other (single link);
    // different happenings of the same year stay apart. The reports themselves join the day's
    // largest event: that is the one they report.
    const groups: Mention[][] = [];
    // Groups by term, so that a mention is compared only with groups it shares a word with (a
    // large story dates hundreds of mentions to its main day), and with a few members of each.
    const byTerm = new Map<string, Set<number>>();
    for (const m of list.filter((x) => !x.report)) {
      const candidates = new Set<number>();
      const rare = [...m.terms].sort((x, y) => weights.weight(y) - weights.weight(x)).slice(0, 6);
      for (const t of rare) for (const g of byTerm.get(t) ?? []) candidates.add(g);
      let home = -1;
      for (const g of [...candidates].sort((x, y) => x - y)) {
        if (groups[g].slice(0, 8).some((o) => weightedOverlap(o.terms, m.terms, weights) >= SAME_EVENT)) { home = g; break; }
      }
      if (home < 0) { home = groups.length; groups.push([]); }
      groups[home].push(m);
      for (const t of m.terms) {
        const set = byTerm.get(t) ?? new Set<number>();
        set.add(home);
        byTerm.set(t, set);
      }
    }
    const reports = list.filter((x) => x.report);
    if (reports.length) {
      const largest = groups.reduce<Mention[] | null>((best, g) => (!best || new Set(g.map((x) => x.article)).size > new Set(best.map((x) => x.article)).size ? g : best), null);
      if (largest) largest.push(...reports);
      else groups.push(reports);
    }
    for (const g of groups) {
      // The text most like the others of the event describes it; a report's headline only when
      // nothing in the articles' bodies dates the event.
      const body = g.filter((m) => !m.report);
      const pool = body.length ? body : g;
      const sample = g.length > 30 ? g.slice(0, 30) : g;
      const best = (pool.length > 30 ? pool.slice(0, 30) : pool)
        .map((m) => ({ m, score: sample.reduce((acc, o) => acc + (o === m ? 0 : weightedOverlap(m.terms, o.terms, weights)), 0) }))
        .sort((x, y) => y.score - x.score || x.m.text.length - y.m.text.length)[0].m;
      out.push({ date, text: best.text, articles: [...new Set(g.map((m) => m.article))] });
    }
  }
  return out.sort((a, b) => a.date.localeCompare(b.date) || b.articles.length - a.articles.length);
}
