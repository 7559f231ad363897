/**
 * Disagreements: the same fact given differently by different outlets. Within each claim carried
 * by several articles (statements aligned as saying the same thing), the sentences are compared on
 * three things a reader would check:
 *
 * - figures: the numbers each gives for the same thing ("12 people" against "15 people"; a
 *   figure counts what the word after it names), years, days of dates and clock times aside;
 * - dates: the day each resolves to ("the day before" against "on December 1"), relative
 *   expressions resolved against each article's publication date;
 * - who: the person each names, when each names exactly one, they differ, and the sentences are
 *   otherwise alike ("who said it").
 *
 * A difference is flagged only when two articles each give a value and the values differ; an
 * article that gives none is silent, not in disagreement.
 *
 * @module
 */
import type { StoryClaim, StoryDisagreement } from '../types.js';
import type { StoryContext } from './context.js';
import type { DateMention } from '../enrich/types.js';
import { articleDates } from './timeline.js';
import { contentStems, isContentWord, stem } from './similarity/text.js';

const WORD_NUMBERS: Record<string, string> = {
  two: '2', three: '3', four: '4', five: '5', six: '6', seven: '7', eight: '8', nine: '9', ten: '10', eleven: '11', twelve: '12',
  dozen: '12', twenty: '20', thirty: '30', forty: '40', fifty: '50', hundred: '100',
};

/** The figures a sentence gives: numbers as digits, not years, not parts of dates or clock times. */
export function figures(sentence: string): string[] {
  return [...new Set(measures(sentence).map((m) => m.value))].sort();
}

/** A figure with what it counts: the word after it ("12 people" → people), if a content word. */
export interface Measure {
  value: string;
  unit: string | null;
}

const DATE_OR_TIME = /\b(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?\s+\d{1,2}\b|\b\d{1,2}\s+(?:January|February|March|April|May|June|July|August|September|October|November|December)\b|\b\d{1,2}:\d{2}\b/g;

export function measures(sentence: string): Measure[] {
  const out: Measure[] = [];
  const masked = sentence.replace(DATE_OR_TIME, (m) => ' '.repeat(m.length));
  const re = /\b\d[\d,]*(?:\.\d+)?\b|\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozen|twenty|thirty|forty|fifty|hundred)\b/gi;
  let m: RegExpExecArray | null;
  while ((m = re.exec(masked))) {
    const raw = m[0].toLowerCase();
    const value = WORD_NUMBERS[raw] ?? raw.replace(/,(?=\d{3}\b)/g, '');
    if (/^(?:1[89]|20)\d{2}$/.test(value)) continue;
    // The counted noun comes after any magnitude ("1.5 million people"); a magnitude alone
    // ("$1 million") names no unit, and a currency converted in brackets is no second figure.
    const after = masked.slice(m.index + m[0].length).replace(/^\s*(?:million|billion|thousand|trillion|per cent|percent|%)\b/i, '');
    const next = /^\s*([\p{L}][\p{L}-]*)/u.exec(after)?.[1] ?? '';
    const unit = next && isContentWord(next) && !/^(?:million|billion|thousand|trillion)$/i.test(next) ? stem(next) : null;
    out.push({ value, unit });
  }
  return out;
}

/**
 * Versions that give different figures for the same thing: a unit ("people") both give, with
 * other numbers. "64 kilometres" against "40 miles" is the same distance in two units, not a
 * disagreement; "12 people" against "15 people" is one.
 */
function conflicting(a: Measure[], b: Measure[]): boolean {
  for (const x of a) {
    if (!x.unit) continue;
    const theirs = b.filter((y) => y.unit === x.unit).map((y) => y.value);
    const mine = a.filter((y) => y.unit === x.unit).map((y) => y.value);
    if (theirs.length && !theirs.some((v) => mine.includes(v))) return true;
  }
  return false;
}

interface Version {
  text: string;
  articles: string[];
}

function addVersion(versions: Map<string, Version>, key: string, text: string, article: string): void {
  const v = versions.get(key);
  if (!v) versions.set(key, { text, articles: [article] });
  else if (!v.articles.includes(article)) v.articles.push(article);
}

export function findDisagreements(ctx: StoryContext, claims: StoryClaim[]): StoryDisagreement[] {
  const byId = new Map(ctx.articles.map((a) => [a.id, a]));
  const dates = (id: string) => {
    const a = byId.get(id);
    return a ? articleDates(a) : [];
  };
  // Person entity mentions per article, to tell who each sentence names.
  const persons = new Map<string, { start: number; end: number; name: string }[]>();
  for (const e of ctx.entities) {
    if (e.kind !== 'person') continue;
    for (const m of e.mentions) {
      if (m.start === undefined || m.end === undefined) continue;
      const list = persons.get(m.article) ?? [];
      list.push({ start: m.start, end: m.end, name: e.name });
      persons.set(m.article, list);
    }
  }

  const out: StoryDisagreement[] = [];
  for (const c of claims) {
    if (new Set(c.articles).size < 2) continue;
    const byFigures = new Map<string, Version>();
    const figureOf = new Map<string, Measure[]>();
    const byDate = new Map<string, Version>();
    const byPerson = new Map<string, Version>();
    for (const s of c.sentences) {
      const a = byId.get(s.article);
      if (!a) continue;
      const ms = measures(s.text);
      if (ms.some((x) => x.unit)) {
        figureOf.set(s.article, ms);
        addVersion(byFigures, ms.filter((x) => x.unit).map((x) => `${x.value} ${x.unit}`).sort().join(', '), s.text, s.article);
      }
      const at = a.text.indexOf(s.text);
      if (at < 0) continue;
      const days = [...new Set(dates(a.id).filter((d) => d.start >= at && d.end <= at + s.text.length && /^\d{4}-\d{2}-\d{2}$/.test(d.date)).map((d) => d.date))];
      if (days.length === 1) addVersion(byDate, days[0], s.text, s.article);
      const named = [...new Set((persons.get(a.id) ?? []).filter((p) => p.start >= at && p.end <= at + s.text.length).map((p) => p.name))];
      if (named.length === 1) addVersion(byPerson, named[0], s.text, s.article);
    }
    const short = c.text.length > 100 ? `${c.text.slice(0, 100)}…` : c.text;
    if (byFigures.size > 1) {
      // Only versions at odds with another on a figure of the same thing are shown.
      const versions = [...byFigures.values()];
      const atOdds = versions.filter((v) => versions.some((o) => o !== v && conflicting(figureOf.get(v.articles[0])!, figureOf.get(o.articles[0])!)));
      if (atOdds.length > 1) out.push({ about: `the figures in: ${short}`, versions: atOdds });
    }
    if (byDate.size > 1) out.push({ about: `the date of: ${short}`, versions: [...byDate.values()] });
    if (byPerson.size > 1 && sameWordsBesideNames([...byPerson.values()].map((v) => v.text), [...byPerson.keys()])) {
      out.push({ about: `who is named in: ${short}`, versions: [...byPerson.values()] });
    }
  }
  out.push(...datedApart(ctx, dates, persons));
  return out;
}

/** Days apart at most for two dated mentions of one person's act to be the same act told twice. */
const NEAR_DAYS = 3;

/**
 * The same act dated differently where the claims did not align the sentences (paraphrase): two
 * articles date to nearby but different days what the same person did, and at least one of them
 * by a relative expression ("the day before", resolved against its publication date) against
 * another's calendar date ("on December 1") — the kind of slip a relative date invites.
 */
function datedApart(
  ctx: StoryContext,
  dates: (id: string) => DateMention[],
  persons: Map<string, { start: number; end: number; name: string }[]>,
): StoryDisagreement[] {
  const mentions: { article: string; date: string; relative: boolean; person: string; text: string }[] = [];
  for (const a of ctx.articles) {
    const sentences = ctx.sentences.get(a.id) ?? [];
    for (const d of dates(a.id)) {
      if (!/^\d{4}-\d{2}-\d{2}$/.test(d.date)) continue;
      const s = sentences.find((x) => x.start <= d.start && x.end >= d.end);
      if (!s) continue;
      const named = [...new Set((persons.get(a.id) ?? []).filter((p) => p.start >= s.start && p.end <= s.end).map((p) => p.name))];
      if (named.length !== 1) continue;
      mentions.push({ article: a.id, date: d.date, relative: d.relative && !/\d/.test(d.text), person: named[0], text: s.text });
    }
  }
  const out: StoryDisagreement[] = [];
  const seen = new Set<string>();
  // Per person, relative against calendar mentions only.
  const byPerson = new Map<string, { relative: typeof mentions; calendar: typeof mentions }>();
  for (const m of mentions) {
    const b = byPerson.get(m.person) ?? { relative: [], calendar: [] };
    (m.relative ? b.relative : b.calendar).push(m);
    byPerson.set(m.person, b);
  }
  for (const { relative, calendar } of byPerson.values()) {
    for (const x of relative) for (const y of calendar) {
      if (x.article === y.article || x.date === y.date) continue;
      const apart = Math.abs(Date.parse(x.date) - Date.parse(y.date)) / 86_400_000;
      if (apart > NEAR_DAYS) continue;
      const key = [x.person, x.date, y.date].sort().join('|');
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({
        about: `when ${x.person} acted: ${x.date} or ${y.date}`,
        versions: [{ text: x.text, articles: [x.article] }, { text: y.text, articles: [y.article] }],
      });
    }
  }
  return out;
}


/** Share of content words two versions have in common, names aside, for "who said it" to be the only difference. */
const SAME_WORDS = 0.6;

/**
 * True when the versions say the same words but for the names: "Rutte said the talks failed"
 * against "Stoltenberg said the talks failed". Sentences that merely name different people
 * while saying different things are different statements, not a disagreement.
 */
function sameWordsBesideNames(texts: string[], names: string[]): boolean {
  const nameWords = new Set(names.flatMap((n) => contentStems(n)));
  const sets = texts.map((t) => new Set(contentStems(t).filter((w) => !nameWords.has(w))));
  for (let i = 0; i < sets.length; i++) {
    for (let j = i + 1; j < sets.length; j++) {
      let shared = 0;
      for (const w of sets[i]) if (sets[j].has(w)) shared++;
      if (shared / Math.max(1, sets[i].size, sets[j].size) < SAME_WORDS) return false;
    }
  }
  return true;
}
