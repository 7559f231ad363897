/**
 * Disagreements: the same fact given differently by different outlets. Within each claim carried
 * by several articles (statements aligned as saying the same thing), the sentences are compared on
 * three things a reader would check:
 *
 * - figures: the numbers each gives for the same thing ("12 people" against "15 people"; a
 *   figure counts what the word after it names), years, days of dates and clock times aside.
 *   A figure is the span its words allow: "more than 12" and "15" agree, "hundreds of
 *   thousands of people" and "more than a million people" do not; figures of different things
 *   ("a million men lost" against "hundreds of thousands dead") are never compared;
 * - dates: the calendar day each gives ("on December 1" against "on December 2"). A date
 *   resolved from a relative expression ("the day before", "on Tuesday") is the engine's reading,
 *   not the outlet's statement: it never makes a disagreement;
 * - who: the person each names, when each names exactly one in the same role (the one who
 *   speaks, or the one spoken of), they differ, and the sentences are otherwise alike ("who
 *   said it").
 *
 * Aligned versions that share few words beside their figures may count different things: that
 * disagreement is kept apart as tentative. Outside the claims, one named rate given differently
 * by two outlets ("interest rates of 16%" against "an interest rate of 20%") is a tentative
 * disagreement too.
 *
 * A difference is flagged only when two articles each give a value and the values differ; an
 * article that gives none is silent, not in disagreement. Each disagreement carries each
 * version's sentence as evidence and a confidence.
 *
 * @module
 */
import type { Article, Evidence, StoryClaim, StoryDisagreement } from '../types.js';
import type { StoryContext } from './context.js';
import { articleDates } from './timeline.js';
import { isContentWord, stem, textStems } from './similarity/text.js';

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
  /** The span of values the words allow: "more than 12" is [12, ∞), "hundreds of thousands" [100000, 1000000). */
  low: number;
  high: number;
  /** The measure as the text names it, for a percentage ("interest rates"). */
  name?: string;
}

const MAGNITUDES: Record<string, number> = { thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12 };

/** The span a qualifier before a figure allows: "more than", "up to", "about" or none. */
function span(value: number, before: string): [number, number] {
  if (/\b(?:more than|over|at least|upwards of|in excess of)\s*$/i.test(before)) return [value, Infinity];
  if (/\b(?:fewer than|less than|under|up to|at most|nearly|almost)\s*$/i.test(before)) return [0, value];
  if (/\b(?:about|around|approximately|roughly|some|an estimated|estimated|close to)\s*$/i.test(before)) return [value * 0.95, value * 1.05];
  return [value, value];
}

const DATE_OR_TIME = /\b(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?\s+\d{1,2}\b|\b\d{1,2}\s+(?:January|February|March|April|May|June|July|August|September|October|November|December)\b|\b\d{1,2}:\d{2}\b/g;

// Between a measure and its percentage: verbs, auxiliaries, prepositions and hedges ("interest
// rates had climbed to approximately 16%", "a key rate of around 20%").
const BETWEEN_MEASURE_AND_FIGURE = /^(?:\p{L}+ed|is|are|was|were|has|have|had|be|been|stands?|stood|reach(?:es)?|hits?|sits?|remains?|holds?|keeps?|maintains?|rises?|rose|falls?|fell|climbs?|grows?|grew|at|to|of|by|from|around|about|approximately|roughly|nearly|almost|some|just|over|under|above|below|up|down|more|less|than|higher|lower|high|low|near|record|peak|level|percent|per|cent|a|an|the)$/iu;

/**
 * What a percentage measures when no noun follows it: the nearest word before it that is none of
 * the verbs, prepositions and hedges between a measure and its figure, with the word naming it
 * ("interest rates had climbed to approximately 16%" → interest rate). Marked as a percentage:
 * 16% of a rate is no count.
 */
function percentOf(before: string): { unit: string; name: string } | null {
  const words = (before.match(/[\p{L}][\p{L}'’-]*/gu) ?? []).reverse().slice(0, 8);
  const at = words.findIndex((w) => !BETWEEN_MEASURE_AND_FIGURE.test(w));
  if (at < 0 || !isContentWord(words[at])) return null;
  // The word before the head names which rate it is ("unemployment rate", "interest rates"):
  // two rates of one story are not one measure.
  const modifier = words[at + 1] && isContentWord(words[at + 1]) && !BETWEEN_MEASURE_AND_FIGURE.test(words[at + 1]) ? `${stem(words[at + 1])} ` : '';
  return { unit: `%${modifier}${stem(words[at])}`, name: modifier ? `${words[at + 1]} ${words[at]}` : words[at] };
}

/** Sentence → its measures, for {@link measures}. */
const MEASURES_CACHE = new Map<string, readonly Measure[]>();

/**
 * The figures a sentence gives, each with what it counts. Memoised by text: the claims read the
 * figures of every statement, and the disagreements those of the same sentences again. The
 * measures are shared between callers (never changed); the array is each caller's own.
 */
export function measures(sentence: string): Measure[] {
  let ms = MEASURES_CACHE.get(sentence);
  if (ms === undefined) {
    ms = readMeasures(sentence);
    if (MEASURES_CACHE.size > 50_000) MEASURES_CACHE.clear();
    MEASURES_CACHE.set(sentence, ms);
  }
  return ms.slice();
}

function readMeasures(sentence: string): Measure[] {
  const out: Measure[] = [];
  const masked = sentence.replace(DATE_OR_TIME, (m) => ' '.repeat(m.length));
  // Round counts in words: "hundreds of thousands", "tens of thousands", "millions", "a million".
  const vague = /\b(?:(tens|hundreds) of )?(thousands|millions|billions)\b|\b(?:a|one) (thousand|million|billion)\b/gi;
  const re = /\b\d[\d,]*(?:\.\d+)?\b|\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozen|twenty|thirty|forty|fifty|hundred)\b/gi;
  const unitAfter = (from: number): string | null => {
    const after = masked.slice(from).replace(/^\s*(?:of\s+)?(?:million|billion|thousand|trillion|per cent|percent|%)\b/i, '').replace(/^\s+of\b/i, '');
    const next = /^\s*([\p{L}][\p{L}-]*)/u.exec(after)?.[1] ?? '';
    return next && isContentWord(next) && !/^(?:million|billion|thousand|trillion|thousands|millions|billions)$/i.test(next) ? stem(next) : null;
  };
  let m: RegExpExecArray | null;
  const taken: [number, number][] = [];
  // Dozens: "two dozen" and "two-dozen" are 24, "dozens of" anywhere from 24 to a gross.
  const dozens = /\b(?:(\d{1,3}|a|one|two|three|four|five|six|seven|eight|nine|ten)[- ])?(dozens?)\b(?:\s+of\b)?/gi;
  while ((m = dozens.exec(masked))) {
    const times = m[1] ? (WORD_NUMBERS[m[1].toLowerCase()] ? Number(WORD_NUMBERS[m[1].toLowerCase()]) : /^(?:a|one)$/i.test(m[1]) ? 1 : Number(m[1])) : 1;
    const [low, high] = /s$/i.test(m[2]) && !m[1] ? [24, 143] : span(times * 12, masked.slice(0, m.index));
    taken.push([m.index, m.index + m[0].length]);
    out.push({ value: m[0].toLowerCase().replace(/\s+of$/, ''), unit: unitAfter(m.index + m[0].length), low, high });
  }
  while ((m = vague.exec(masked))) {
    const scale = MAGNITUDES[(m[2] ?? m[3]).toLowerCase().replace(/s$/, '')];
    const times = m[1] ? (m[1].toLowerCase() === 'tens' ? 10 : 100) : 1;
    const exact = !!m[3];
    const [low, high] = exact ? span(scale, masked.slice(0, m.index)) : [times * scale, times * scale * 10 - 1];
    taken.push([m.index, m.index + m[0].length]);
    out.push({ value: m[0].toLowerCase(), unit: unitAfter(m.index + m[0].length), low, high });
  }
  while ((m = re.exec(masked))) {
    if (taken.some(([a, b]) => m!.index >= a && m!.index < b)) continue;
    const raw = m[0].toLowerCase();
    const value = WORD_NUMBERS[raw] ?? raw.replace(/,(?=\d{3}\b)/g, '');
    if (/^(?:1[89]|20)\d{2}$/.test(value)) continue;
    // The counted noun comes after any magnitude ("1.5 million people"); a magnitude alone
    // ("$1 million") names no unit, and a currency converted in brackets is no second figure.
    const magnitude = /^\s*(million|billion|thousand|trillion)\b/i.exec(masked.slice(m.index + m[0].length))?.[1];
    const number = Number(value) * (magnitude ? MAGNITUDES[magnitude.toLowerCase()] : 1);
    const [low, high] = span(number, masked.slice(0, m.index));
    const percent = /^\s*(?:%|per ?cent\b)/i.test(masked.slice(m.index + m[0].length));
    const counted = unitAfter(m.index + m[0].length);
    const rate = !counted && percent ? percentOf(masked.slice(0, m.index)) : null;
    out.push({ value, unit: counted ?? rate?.unit ?? null, low, high, ...(rate ? { name: rate.name } : {}) });
  }
  return out;
}

/**
 * Versions that give different figures for the same thing: a unit ("people") both give, with
 * other numbers. "64 kilometres" against "40 miles" is the same distance in two units, not a
 * disagreement; "12 people" against "15 people" is one.
 */
function conflicting(a: Measure[], b: Measure[]): boolean {
  const meets = (x: Measure, y: Measure) => x.low <= y.high && y.low <= x.high;
  for (const x of a) {
    if (!x.unit) continue;
    const theirs = b.filter((y) => y.unit === x.unit);
    const mine = a.filter((y) => y.unit === x.unit);
    if (theirs.length && !theirs.some((y) => mine.some((z) => meets(y, z)))) return true;
  }
  return false;
}

interface Version {
  text: string;
  articles: string[];
  evidence: Evidence[];
}

function addVersion(versions: Map<string, Version>, key: string, text: string, a: Article, at: number): void {
  const evidence = { article: a.id, text, start: at, end: at + text.length };
  const v = versions.get(key);
  if (!v) versions.set(key, { text, articles: [a.id], evidence: [evidence] });
  else if (!v.articles.includes(a.id)) {
    v.articles.push(a.id);
    v.evidence.push(evidence);
  }
}

/** Words that make the name beside them the one who speaks ("Baehr said", "according to Baehr"). */
const SPEECH_BEFORE = /\b(?:said|says|told|according to|added|stated)\s+(?:\p{Lu}\p{L}*\.?\s+)?$/u;
const SPEECH_AFTER = /^\s*(?:,[^,]{0,60},\s*)?(?:said|says|told|added|stated)\b/;

/** Whether a person's mention is the speaker of its sentence rather than one it speaks of. */
function speaks(text: string, p: { start: number; end: number }): boolean {
  return SPEECH_BEFORE.test(text.slice(Math.max(0, p.start - 40), p.start)) || SPEECH_AFTER.test(text.slice(p.end, p.end + 80));
}

/**
 * Days apart at most for two dates to be one act dated differently: a slip of a day or a week.
 * Dates further apart in sentences a claim aligned are two acts ("invaded on 24 February 2022",
 * "reports emerged on 24 February 2026"), not one told two ways.
 */
const SAME_ACT_DAYS = 14;

function spanDays(days: string[]): number {
  const t = days.map((d) => Date.parse(d));
  return (Math.max(...t) - Math.min(...t)) / 86_400_000;
}

/** How sure each kind of disagreement is: two calendar days are plain; figures and names depend on the words around; a rate found apart from the claims least. */
const CONFIDENCE = { date: 0.8, figures: 0.7, who: 0.6, unaligned: 0.4 } as const;

function disagreement(about: string, versions: Version[], confidence: number): StoryDisagreement {
  return {
    about,
    versions: versions.map((v) => ({ text: v.text, articles: v.articles })),
    evidence: versions.flatMap((v) => v.evidence),
    confidence,
  };
}

export function findDisagreements(ctx: StoryContext, claims: StoryClaim[]): StoryDisagreement[] {
  const byId = new Map(ctx.articles.map((a) => [a.id, a]));
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
      const at = a.text.indexOf(s.text);
      if (at < 0) continue;
      const ms = measures(s.text);
      if (ms.some((x) => x.unit)) {
        figureOf.set(s.article, ms);
        addVersion(byFigures, ms.filter((x) => x.unit).map((x) => `${x.value} ${x.unit}`).sort().join(', '), s.text, a, at);
      }
      // Only days the text itself gives on the calendar: a resolved relative date is no statement.
      const days = [...new Set(articleDates(a).filter((d) => d.start >= at && d.end <= at + s.text.length && !d.relative && /^\d{4}-\d{2}-\d{2}$/.test(d.date)).map((d) => d.date))];
      if (days.length === 1) addVersion(byDate, days[0], s.text, a, at);
      const inSentence = (persons.get(a.id) ?? []).filter((p) => p.start >= at && p.end <= at + s.text.length);
      const named = [...new Set(inSentence.map((p) => p.name))];
      // The role goes with the name: who said it against who did it is no disagreement.
      if (named.length === 1) addVersion(byPerson, `${named[0]}|${speaks(a.text, inSentence[0])}`, s.text, a, at);
    }
    const short = c.text.length > 100 ? `${c.text.slice(0, 100)}…` : c.text;
    if (byFigures.size > 1) {
      // Only versions at odds with another on a figure of the same thing are shown.
      const versions = [...byFigures.values()];
      const atOdds = versions.filter((v) => versions.some((o) => o !== v && conflicting(figureOf.get(v.articles[0])!, figureOf.get(o.articles[0])!)));
      if (atOdds.length > 1) {
        // Versions that share little beside their figures may count different things (two
        // victims' ages, two sentences' years): kept apart as tentative.
        const alike = wordShare(atOdds.map((v) => v.text)) >= FIGURES_ALIKE;
        const row = disagreement(`the figures in: ${short}`, atOdds, alike ? CONFIDENCE.figures : CONFIDENCE.unaligned);
        out.push(alike ? row : { ...row, tentative: true });
      }
    }
    if (byDate.size > 1 && spanDays([...byDate.keys()]) <= SAME_ACT_DAYS) out.push(disagreement(`the date of: ${short}`, [...byDate.values()], CONFIDENCE.date));
    const roles = new Set([...byPerson.keys()].map((k) => k.split('|')[1]));
    if (byPerson.size > 1 && roles.size === 1 && sameWordsBesideNames([...byPerson.values()].map((v) => v.text), [...byPerson.keys()].map((k) => k.split('|')[0]))) {
      out.push(disagreement(`who is named in: ${short}`, [...byPerson.values()], CONFIDENCE.who));
    }
  }
  out.push(...ratesApart(ctx));
  return out;
}

/**
 * The same named rate given differently by two outlets where the claims did not align the
 * sentences ("interest rates had climbed to 16%" against "an interest rate of around 20%"). Only
 * a rate named in two words (which rate: "interest rate", not "rate") counts as the same
 * measure, only between outlets, only where both sentences give the same years (or none: a
 * figure of 2019 against one of now is a change, not a disagreement); being unaligned, such a
 * disagreement is tentative.
 */
function ratesApart(ctx: StoryContext): StoryDisagreement[] {
  const seen: { measure: Measure; source: string; article: Article; sentence: { text: string; start: number; end: number }; years: string }[] = [];
  for (const a of ctx.articles) {
    const dates = articleDates(a);
    for (const s of ctx.sentences.get(a.id) ?? []) {
      if (!s.text.includes('%') && !/per ?cent/i.test(s.text)) continue;
      const years = [...new Set(dates.filter((d) => d.start >= s.start && d.end <= s.end).map((d) => d.date.slice(0, 4)))].sort().join(',');
      for (const measure of measures(s.text)) {
        if (measure.unit?.startsWith('%') && measure.unit.includes(' ')) seen.push({ measure, source: a.source ?? a.id, article: a, sentence: s, years });
      }
    }
  }
  // Compared within each measure only: a large story names many rates, each a few times.
  const byMeasure = new Map<string, typeof seen>();
  for (const x of seen) byMeasure.set(x.measure.unit!, [...(byMeasure.get(x.measure.unit!) ?? []), x]);
  const out: StoryDisagreement[] = [];
  const pairs = new Set<string>();
  for (const list of byMeasure.values()) {
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        const x = list[i];
        const y = list[j];
        if (x.source === y.source || x.article.id === y.article.id) continue;
        if (x.years !== y.years) continue;
        if (x.measure.low <= y.measure.high && y.measure.low <= x.measure.high) continue;
        const key = [x.article.id, x.sentence.start, y.article.id, y.sentence.start].join('|');
        if (pairs.has(key)) continue;
        pairs.add(key);
        const version = (v: typeof x): Version => ({ text: v.sentence.text, articles: [v.article.id], evidence: [{ article: v.article.id, text: v.sentence.text, start: v.sentence.start, end: v.sentence.end }] });
        out.push({ ...disagreement(`the ${x.measure.name ?? 'rate'}: ${x.measure.value}% or ${y.measure.value}%`, [version(x), version(y)], CONFIDENCE.unaligned), tentative: true });
      }
    }
  }
  return out;
}

/** Share of content words two versions have in common, names aside, for "who said it" to be the only difference. */
const SAME_WORDS = 0.6;

/**
 * True when the versions say the same words but for the names: "Brell said the talks failed"
 * against "Kessel said the talks failed". Sentences that merely name different people
 * while saying different things are different statements, not a disagreement.
 */
function sameWordsBesideNames(texts: string[], names: string[]): boolean {
  return wordShare(texts, names) >= SAME_WORDS;
}

/** Share of content words beside figures at which two versions with different figures tell one thing. */
const FIGURES_ALIKE = 0.3;

/** The least share of content words (names and figures aside) any two of the texts have in common. */
function wordShare(texts: string[], names: string[] = []): number {
  const nameWords = new Set(names.flatMap((n) => textStems(n)));
  const sets = texts.map((t) => new Set(textStems(t).filter((w) => !nameWords.has(w) && !/\d/.test(w))));
  let least = 1;
  for (let i = 0; i < sets.length; i++) {
    for (let j = i + 1; j < sets.length; j++) {
      let shared = 0;
      for (const w of sets[i]) if (sets[j].has(w)) shared++;
      least = Math.min(least, shared / Math.max(1, sets[i].size, sets[j].size));
    }
  }
  return least;
}
