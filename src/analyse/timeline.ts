/**
 * The story's timeline: every dated expression in its articles, resolved against each article's
 * publication date (see enrich/dates.ts), with the clause that dates the event. One happening told
 * by several outlets is one entry with all their articles:
 *
 * - mentions of the same date whose clauses resemble each other are one event (the coarser the
 *   date, the more they must share), and so are mentions of the same day in sentences the
 *   claims aligned as saying the same thing; never two sentences of one article;
 * - an outlet that tells the event in a sentence aligned with a dated one, without dating it
 *   itself, carries the event too (at a lower confidence);
 * - an article's own publication joins the event of its day that most outlets date, if its
 *   headline and lead share anything with it (else, where single outlets date that day, the one
 *   they tell best); a headline is never an event of its own.
 *
 * Different happenings of the same date (two things in 2022, a morning and a night) stay apart.
 * Headlines, photo captions and short lines of page chrome date nothing. A span counted from a
 * date ("the tenth anniversary of the flood") dates the happening it names, whose words, not
 * its sentence's, tell which event it is. Each entry carries each article's sentence as evidence
 * and a confidence: a calendar date in the text is surer than a resolved relative one, and an
 * outlet added through an aligned undated sentence surer than neither.
 *
 * @module
 */
import type { Article, Evidence, StoryClaim, StoryTimelineEvent } from '../types.js';
import type { DateMention, Sentence } from '../enrich/types.js';
import type { StoryContext } from './context.js';
import { findDates } from '../enrich/dates.js';
import { TermWeights, textStems, weightedOverlap } from './similarity/text.js';

/**
 * Article text → its dated expressions and the publication date they were resolved against. By
 * text, not by article object: the analysis copies an article whose date it completes (see
 * dates.ts), and a story analysed again would otherwise find every such article's dates again.
 */
const datesCache = new Map<string, { published: string | null | undefined; dates: DateMention[] }>();
/** Texts {@link datesCache} keeps before it starts afresh. */
const MAX_DATED_TEXTS = 10_000;

/** An article's dated expressions, found once per text and date however many sections and analyses ask (shared: never changed). */
export function articleDates(a: Article): DateMention[] {
  const hit = datesCache.get(a.text);
  if (hit && hit.published === a.published) return hit.dates;
  const dates = findDates(a.text, a.published, a.language);
  if (datesCache.size >= MAX_DATED_TEXTS) datesCache.clear();
  datesCache.set(a.text, { published: a.published, dates });
  return dates;
}

/** An event's text is cut to its clause when the sentence is longer than this (in words). */
const LONG_SENTENCE_WORDS = 30;
/** An event's text longer than this (in characters) is cut to a window around its date. */
const MAX_TEXT = 320;

/** The clause of a sentence around a date: between semicolons or dashes, if the sentence is long. */
export function clauseAround(sentence: string, start: number, end: number): string {
  if (sentence.split(/\s+/).length <= LONG_SENTENCE_WORDS) return sentence;
  // Dashes in pairs enclose an aside ("the plan — endorsed by him — would end it"): no cut there.
  const dashes = [...sentence.matchAll(/\s+[—–]\s+/g)];
  const semicolons = [...sentence.matchAll(/;\s+/g)];
  const cuts = [...semicolons, ...(dashes.length % 2 ? dashes : [])].map((m) => [m.index!, m.index! + m[0].length]);
  let from = 0;
  let to = sentence.length;
  for (const [a, b] of cuts) {
    if (a < start) from = Math.max(from, b);
    else if (a >= end) to = Math.min(to, a);
  }
  const clause = sentence.slice(from, to).trim();
  return clause.split(/\s+/).length >= 6 ? clause : sentence;
}

/** A text cut to at most MAX_TEXT characters around [start, end), at word boundaries. */
function around(text: string, start: number, end: number): string {
  if (text.length <= MAX_TEXT) return text;
  const room = Math.max(0, MAX_TEXT - (end - start));
  let from = Math.max(0, start - Math.floor(room / 2));
  let to = Math.min(text.length, from + MAX_TEXT);
  from = Math.max(0, to - MAX_TEXT);
  if (from > 0) from = text.indexOf(' ', from) + 1 || from;
  if (to < text.length) to = text.lastIndexOf(' ', to) > from ? text.lastIndexOf(' ', to) : to;
  return `${from > 0 ? '…' : ''}${text.slice(from, to).trim()}${to < text.length ? '…' : ''}`;
}

/** A line that opens with its date, as the items of a chronology do ("Feb. 24, 2022: …", "2014 – …"). */
const DATED_ITEM = /^(?:\d{1,4}\b|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d)/;

/**
 * Paragraphs that date nothing: a photo caption (ending in a credit such as "(Photo: …)" or
 * "[Name/Agency]") and a line of page furniture without a sentence's end: the opening line (a
 * headline), a subhead of a few words, or a line in title case. A longer unpunctuated line in
 * sentence case within the body is a sentence a link broke off, and an item of a chronology
 * opens with its date: both date their events.
 */
export function datesNothing(paragraph: string, first = false): boolean {
  const p = paragraph.trim();
  const credit = /(?:\[([^\]]{2,80})\]|\(([^)]{2,80})\))$/.exec(p);
  if (credit && /\/|\bphoto|\bimage|\bgetty\b|\bcredit\b/i.test(credit[1] ?? credit[2])) return true;
  const words = p.split(/\s+/);
  if (/[.!?:"”’)]$/.test(p) || words.length >= 16 || DATED_ITEM.test(p)) return false;
  const capitalised = words.filter((w) => /^\p{Lu}/u.test(w)).length;
  return first || words.length <= SUBHEAD_WORDS || capitalised >= TITLE_CASE * words.length;
}

/** A subhead is this many words at most. */
const SUBHEAD_WORDS = 8;
/** Share of capitalised words from which a line is in title case. */
const TITLE_CASE = 0.6;

/**
 * The happening a counted span names ("a day after | a joint report on the harbour", "the fourth
 * anniversary of | the flood"): the words after the span, to the clause's end, at most eight.
 */
function namedAfter(text: string, d: DateMention): string | null {
  if (!/\b(?:after|before|since|anniversary of)$/i.test(d.text)) return null;
  const rest = /^[^,.;:!?()\n—–]*/.exec(text.slice(d.end))![0];
  const words = rest.trim().split(/\s+/).slice(0, 8).join(' ');
  return words || null;
}

/** Overlap of two mentions' clauses at which they tell the same event of one day. */
const SAME_EVENT = 0.15;

/**
 * The overlap two mentions of one date need to be one event: the coarser the date, the more
 * happenings share it (a year holds many), so the more words they must share.
 */
function sameEventBar(date: string): number {
  return date.length === 4 ? SAME_EVENT + 0.1 : date.length === 7 ? SAME_EVENT + 0.05 : SAME_EVENT;
}

/** Confidence in a date the text gives on the calendar, one resolved from a relative expression, one only aligned. */
const CONFIDENCE = { calendar: 0.9, relative: 0.7, aligned: 0.5 } as const;

interface Mention {
  article: string;
  date: string;
  sentence: Sentence;
  /** The clause around the date, shown as the event's text. */
  text: string;
  /** The words that tell which event it is: the clause's, or those of the happening a counted span names. */
  terms: Set<string>;
  /** The terms are a counted span's named happening ("the invasion"), not a clause. */
  named?: boolean;
  /** The part of the day the text gives ("Tuesday night" → night), if any. */
  part?: string | null;
  confidence: number;
}

/**
 * Union-find over mention indices, with one bar: a group never holds two sentences of one
 * article. An article that dates two sentences to one day tells two things of that day (the ad
 * and the interview of the same Tuesday), however alike their words.
 */
class Groups {
  private readonly parent: number[] = [];
  /** Root → article → the sentence (start offset) it holds there. */
  private readonly held = new Map<number, Map<string, number>>();
  add(article: string, sentence: number): void {
    this.held.set(this.parent.length, new Map([[article, sentence]]));
    this.parent.push(this.parent.length);
  }
  find(i: number): number {
    while (this.parent[i] !== i) i = this.parent[i] = this.parent[this.parent[i]];
    return i;
  }
  /** Joins the groups of a and b unless they hold different sentences of one article. */
  union(a: number, b: number): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra === rb) return;
    const ha = this.held.get(ra)!;
    const hb = this.held.get(rb)!;
    for (const [article, sentence] of hb) if (ha.has(article) && ha.get(article) !== sentence) return;
    const [root, child] = ra < rb ? [ra, rb] : [rb, ra];
    this.parent[child] = root;
    const into = this.held.get(root)!;
    for (const [article, sentence] of this.held.get(child)!) into.set(article, sentence);
    this.held.delete(child);
  }
}

export function buildTimeline(ctx: StoryContext, claims: StoryClaim[] = []): StoryTimelineEvent[] {
  const mentions: Mention[] = [];
  const seen = new Set<string>();
  for (const a of ctx.articles) {
    const sentences = ctx.sentences.get(a.id) ?? [];
    const paragraphs = a.text.split(/\n\n+/);
    for (const d of articleDates(a)) {
      if (d.date.startsWith('--')) continue;
      const s = sentences.find((x) => x.start <= d.start && x.end >= d.end);
      if (!s || datesNothing(paragraphs[s.block] ?? s.text, s.block === 0)) continue;
      const key = `${a.id}|${d.date}|${s.start}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const text = around(clauseAround(s.text, d.start - s.start, d.end - s.start), d.start - s.start, d.end - s.start);
      // "A day after a joint report" dates the report, not the rest of its sentence: its words
      // tell which event it is.
      const named = namedAfter(a.text, d);
      mentions.push({ article: a.id, date: d.date, sentence: s, text, terms: new Set(textStems(named ?? text)), named: !!named, part: partOfDay(a.text, d), confidence: d.relative ? CONFIDENCE.relative : CONFIDENCE.calendar });
    }
  }
  const weights = new TermWeights();
  for (const m of mentions) weights.add(m.terms);

  const groups = new Groups();
  for (const m of mentions) groups.add(m.article, m.sentence.start);
  joinAlike(mentions, groups, weights);
  const aligned = sentenceIndex(ctx, claims);
  joinAligned(mentions, groups, aligned);

  const byGroup = new Map<number, Mention[]>();
  mentions.forEach((m, i) => {
    const root = groups.find(i);
    const list = byGroup.get(root);
    if (list) list.push(m);
    else byGroup.set(root, [m]);
  });
  const events = [...byGroup.values()];
  const byId = new Map(ctx.articles.map((a) => [a.id, a]));
  for (const g of events) g.push(...alignedUndated(g, aligned, byId, weights));
  joinReports(ctx, events, weights);

  const published = new Map(ctx.articles.map((a) => [a.id, a.published]));
  const out = events.map((g) => toEvent(g, weights, published));
  return out.sort((a, b) => a.date.localeCompare(b.date) || b.articles.length - a.articles.length);
}

/** The part of the day a date names or that follows it: "this morning", "Tuesday night". */
function partOfDay(text: string, d: DateMention): string | null {
  const m = /\b(morning|afternoon|evening|night)\b/i.exec(d.text) ?? /^\s+(morning|afternoon|evening|night)\b/i.exec(text.slice(d.end, d.end + 12));
  return m ? m[1].toLowerCase() : /\btonight\b/i.test(d.text) ? 'night' : null;
}

/**
 * How alike two mentions' words are. Two parts of one day ("Tuesday morning", "Tuesday night")
 * are two happenings, whatever their words. A named happening ("the anniversary of | the
 * invasion") is a few words that a clause telling it holds: the weighted share of them it holds.
 */
function alike(a: Mention, b: Mention, weights: TermWeights): number {
  if (a.part && b.part && a.part !== b.part) return 0;
  // A name of one word ("the war") is any war: only a fuller name is looked for in a clause.
  if (a.named === b.named || (a.named ? a : b).terms.size < 2) return weightedOverlap(a.terms, b.terms, weights);
  const [name, clause] = a.named ? [a, b] : [b, a];
  let held = 0;
  let all = 0;
  for (const t of name.terms) {
    all += weights.weight(t);
    if (clause.terms.has(t)) held += weights.weight(t);
  }
  return all ? held / all : 0;
}

/** A mention is compared with at most this many earlier ones: those sharing most of its words. */
const CANDIDATES = 12;

/**
 * Mentions of one date whose clauses resemble each other (single link). A mention is compared
 * only with the earlier ones of its date that share most of its words (at most CANDIDATES;
 * each word's list is capped), so that a large story dating hundreds of mentions to its main day
 * stays fast.
 */
function joinAlike(mentions: Mention[], groups: Groups, weights: TermWeights): void {
  const byTerm = new Map<string, number[]>();
  for (let i = 0; i < mentions.length; i++) {
    const m = mentions[i];
    const shared = new Map<number, number>();
    for (const t of m.terms) for (const j of byTerm.get(`${m.date}|${t}`) ?? []) shared.set(j, (shared.get(j) ?? 0) + 1);
    // The most alike first: a mention joins the event it tells best, not the first it passes.
    [...shared.entries()]
      .sort((x, y) => y[1] - x[1])
      .slice(0, CANDIDATES)
      .map(([j]) => ({ j, score: alike(mentions[j], m, weights) }))
      .filter((c) => c.score >= sameEventBar(m.date))
      .sort((x, y) => y.score - x.score)
      .forEach((c) => groups.union(i, c.j));
    for (const t of m.terms) {
      const key = `${m.date}|${t}`;
      const list = byTerm.get(key) ?? [];
      if (list.length < 64) list.push(i);
      byTerm.set(key, list);
    }
  }
}

/** Each claim's sentences, found in their articles: article id → sentence start → the claims holding it. */
type Aligned = { claims: { article: string; sentence: Sentence }[][]; at: Map<string, number[]> };

function sentenceIndex(ctx: StoryContext, claims: StoryClaim[]): Aligned {
  const index: Aligned = { claims: [], at: new Map() };
  const texts = new Map(ctx.articles.map((a) => [a.id, a.text]));
  // A claim's sentence may be a clause of the article's sentence: the sentence holding it.
  const holding = (article: string, text: string): Sentence | undefined => {
    const at = texts.get(article)?.indexOf(text) ?? -1;
    return at < 0 ? undefined : ctx.sentences.get(article)?.find((s) => s.start <= at && s.end > at);
  };
  for (const c of claims) {
    if (new Set(c.articles).size < 2) continue;
    const found = c.sentences
      .map((s) => ({ article: s.article, sentence: holding(s.article, s.text) }))
      .filter((x): x is { article: string; sentence: Sentence } => !!x.sentence);
    if (found.length < 2) continue;
    const k = index.claims.length;
    index.claims.push(found);
    for (const f of found) {
      const key = `${f.article}|${f.sentence.start}`;
      index.at.set(key, [...(index.at.get(key) ?? []), k]);
    }
  }
  return index;
}

/**
 * Mentions of one day in sentences a claim aligned across articles: one event, whatever their
 * words. Only for days: a month or a year holds many happenings that loose paraphrases share.
 */
function joinAligned(mentions: Mention[], groups: Groups, aligned: Aligned): void {
  const first = new Map<string, number>();
  mentions.forEach((m, i) => {
    if (m.date.length !== 10) return;
    for (const k of aligned.at.get(`${m.article}|${m.sentence.start}`) ?? []) {
      const key = `${k}|${m.date}`;
      const j = first.get(key);
      if (j === undefined) first.set(key, i);
      else if (mentions[j].article !== m.article) groups.union(i, j);
    }
  });
}

/**
 * Outlets that tell an event in a sentence aligned with one of its dated sentences without dating
 * it themselves: they carry the event too, if the two sentences resemble each other as mentions
 * of one event do (a claim may align looser paraphrases). Only for the news of the article's
 * days: an undated sentence tells what is happening now, and an outlet recalling an event of
 * another year dates it. A sentence that gives a date of its own is left to that date.
 */
function alignedUndated(group: Mention[], aligned: Aligned, byId: Map<string, Article>, weights: TermWeights): Mention[] {
  const has = new Set(group.map((m) => m.article));
  const out: Mention[] = [];
  const date = group[0].date;
  for (const m of group) {
    for (const k of aligned.at.get(`${m.article}|${m.sentence.start}`) ?? []) {
      for (const { article, sentence } of aligned.claims[k]) {
        if (has.has(article)) continue;
        const a = byId.get(article);
        if (!a || !isCurrent(date, a.published) || articleDates(a).some((d) => d.start >= sentence.start && d.end <= sentence.end)) continue;
        const terms = new Set(textStems(sentence.text));
        if (weightedOverlap(terms, m.terms, weights) < SAME_EVENT) continue;
        has.add(article);
        out.push({ article, date, sentence, text: sentence.text, terms, confidence: CONFIDENCE.aligned });
      }
    }
  }
  return out;
}

/** The least resemblance of a report's headline and lead to the day's main event for it to join. */
const REPORT_FLOOR = SAME_EVENT / 3;

/** Days around its publication within which an article tells an event as current news. */
const CURRENT_DAYS = 7;

/**
 * A date is current news for an article: a day of the week before its publication, or its
 * month. An article of the days before tells, undated, what is expected, not what happened.
 */
function isCurrent(date: string, published: string | null): boolean {
  if (!published || !/^\d{4}-\d{2}-\d{2}/.test(published)) return false;
  if (/^\d{4}-\d{2}$/.test(date)) return date === published.slice(0, 7);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return false;
  const after = Date.parse(published.slice(0, 10)) - Date.parse(date);
  return after >= 0 && after <= CURRENT_DAYS * 86_400_000;
}

/**
 * Each article's own publication is evidence of an event of its day: the one most outlets date
 * (a story is grouped as one event: a report of that day reports its main happening), else, if
 * only single outlets date that day, the one its headline and lead tell, if any does. Where the
 * article already dates that event itself, its report adds nothing. A headline is no event.
 */
function joinReports(ctx: StoryContext, events: Mention[][], weights: TermWeights): void {
  // Each day's events, the one most outlets date first: worked out once, on the dated mentions.
  const byDay = new Map<string, { group: Mention[]; articles: Set<string> }[]>();
  for (const group of events) {
    const list = byDay.get(group[0].date) ?? [];
    list.push({ group, articles: new Set(group.map((m) => m.article)) });
    byDay.set(group[0].date, list);
  }
  for (const list of byDay.values()) list.sort((x, y) => y.articles.size - x.articles.size || y.group.length - x.group.length);
  for (const a of ctx.articles) {
    if (!a.published || !/^\d{4}-\d{2}-\d{2}/.test(a.published)) continue;
    const ofDay = byDay.get(a.published.slice(0, 10));
    if (!ofDay) continue;
    const title = (a.title ?? '').trim().toLowerCase();
    const lead = (ctx.sentences.get(a.id) ?? []).find((s) => s.text.trim().toLowerCase() !== title && !datesNothing(s.text, s.block === 0) && s.text.split(/\s+/).length >= 8);
    if (!lead) continue;
    const terms = new Set(textStems(`${a.title ?? ''} ${lead.text}`));
    const resemblance = (g: Mention[]) => Math.max(...g.slice(0, 3).map((m) => weightedOverlap(m.terms, terms, weights)));
    let best: { group: Mention[]; articles: Set<string> } | null = null;
    if (ofDay[0].articles.size >= 2) {
      // The day's event most outlets date is the story's happening of that day, if the report's
      // headline and lead share anything with it at all (a report on another subject does not).
      if (resemblance(ofDay[0].group) >= REPORT_FLOOR) best = ofDay[0];
    } else {
      // Only single outlets date the day: the one the lead tells, among the day's largest events.
      let bestScore = SAME_EVENT;
      for (const e of ofDay.slice(0, 20)) {
        const score = resemblance(e.group);
        if (score >= bestScore) { best = e; bestScore = score; }
      }
    }
    if (best && !best.articles.has(a.id)) best.group.push({ article: a.id, date: a.published.slice(0, 10), sentence: lead, text: lead.text, terms, confidence: CONFIDENCE.aligned });
  }
}

function toEvent(g: Mention[], weights: TermWeights, published: Map<string, string | null>): StoryTimelineEvent {
  // The dated text most like the others of the event describes it: one that tells the event
  // itself before one that counts from it ("the anniversary of the invasion"), and a report of
  // it (published on the day or after) before a preview ("as early as Wednesday").
  const dated = g.filter((m) => m.confidence > CONFIDENCE.aligned);
  const telling = dated.filter((m) => !m.named);
  const reporting = telling.filter((m) => (published.get(m.article) ?? '').slice(0, m.date.length) >= m.date);
  const pool = [reporting, telling, dated, g].find((x) => x.length)!.slice(0, 30);
  const sample = g.slice(0, 30);
  const best = pool
    .map((m) => ({ m, score: sample.reduce((acc, o) => acc + (o === m ? 0 : weightedOverlap(m.terms, o.terms, weights)), 0) }))
    .sort((x, y) => y.score - x.score || x.m.text.length - y.m.text.length)[0].m;
  const articles = [...new Set(g.map((m) => m.article))];
  // One sentence per article: its surest.
  const evidence: Evidence[] = articles.map((id) => {
    const m = g.filter((x) => x.article === id).sort((x, y) => y.confidence - x.confidence)[0];
    return { article: id, text: m.sentence.text, start: m.sentence.start, end: m.sentence.end };
  });
  const confidence = Math.max(...g.map((m) => m.confidence));
  return { date: g[0].date, text: best.text, articles, evidence, confidence };
}
