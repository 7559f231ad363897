/**
 * How each outlet words the same thing. Each row is one concept with its variants, each variant
 * with the articles that use it, one body sentence per article and variant as evidence, and a
 * confidence; rows whose variants may not name one referent are tentative. Rows come from:
 *
 * 1. Spellings of one name (wording/spellings.ts): Kyiv/Kiev, Zelenskyy/Zelensky.
 * 2. Forms of reference (wording/names.ts): "President Jane Doe", "Ms. Doe", "Doe"; an acronym and
 *    its long form. How a person is described (wording/descriptions.ts): "outgoing harbour master
 *    Jane Doe", "Jane Doe, the chairman of the Harbour Board". A name with another designator
 *    (wording/designators.ts): "Harlow region" / "Harlow Voivodeship".
 * 3. Hyphenation (wording/hyphens.ts): "cross-border raids" / "cross border raids".
 * 4. Aligned claims (wording/slots.ts): where outlets state one claim, the noun phrases that differ
 *    between their sentences ("soaring prices" / "rising prices").
 * 5. Shared heads (wording/heads.ts): noun phrases sharing a head or modifier, each outlet using
 *    one, in sentences that say much the same ("steel works" / "steel mill").
 * 6. Loaded terms (below, tentative): the words and phrases (1-3 words) an outlet uses that the
 *    other outlets of the story do not, scored by the log-odds ratio with an informative Dirichlet
 *    prior (Monroe, Colaresi and Quinn 2008, "Fightin' Words"): the prior is how common the word
 *    is in general English (similarity/background.ts), so a word used everywhere ("the meeting")
 *    is discounted and one rarely used ("illegal war") stands out. Only the outlet's own voice is
 *    compared: text inside direct quotations is the speaker's wording. Phrases naming people or
 *    organisations are left to parts 1 and 2: they are the story's actors, not its wording.
 *
 * 7. Avoided terms (tentative): the nouns and adjectives every other outlet uses and one never
 *    does, where its length makes that a choice ("blockade" in every report but one).
 *
 * Rows are ordered by how much the outlets differ (wording/order.ts).
 *
 * @module
 */
import type { Article, StoryClaim, StoryWording } from '../types.js';
import type { StoryContext } from './context.js';
import { STOP_WORDS, phraseRuns, stem } from './similarity/text.js';
import { findDates } from '../enrich/dates.js';
import { articleDates } from './timeline.js';
import { wordClass } from './similarity/pos.js';
import { BACKGROUND_SIZE, backgroundProbability } from './similarity/background.js';
import { spellingVariants } from './wording/spellings.js';
import { nameForms } from './wording/names.js';
import { slotVariants } from './wording/slots.js';
import { hyphenVariants } from './wording/hyphens.js';
import { headVariants } from './wording/heads.js';
import { familyVariants } from './wording/families.js';
import { descriptionVariants } from './wording/descriptions.js';
import { designatorVariants } from './wording/designators.js';
import { ordered } from './wording/order.js';
import { locate } from './wording/find.js';
import { DETERMINERS, GOVERNING } from './wording/phrase.js';

/** Strength of the prior, in tokens: how much general usage pulls an outlet's estimate. */
const PRIOR_TOKENS = 2000;
/** z-score of the log-odds above which a phrase is distinctive of an outlet. */
export const WORDING_Z = 1.5;
/** At most this many phrases per outlet, the most distinctive first. */
const MAX_TERMS_PER_OUTLET = 50;
/** Confidence of an outlet's distinctive phrases as a wording row: what it alone says, not a same referent. */
const DISTINCTIVE_CONFIDENCE = 0.4;

/**
 * One outlet's own text: headline, standfirst and body, with direct quotations (the speaker's
 * wording) and date expressions ("the day before": how it dates, not how it names) left out.
 */
function ownVoice(a: Article): string[][] {
  // A story analysed again holds mostly the same articles: each one's runs are worked out once.
  const key = `${a.title ?? ''}\u0000${a.kicker ?? ''}\u0000${a.dek ?? ''}\u0000${a.published ?? ''}\u0000${a.text}`;
  let runs = voices.get(key);
  if (!runs) {
    runs = readVoice(a);
    if (voices.size >= MAX_VOICES) voices.clear();
    voices.set(key, runs);
  }
  return runs;
}

/** Article (headline, standfirst, date, body) → its own voice's runs; shared, not to be changed. */
const voices = new Map<string, string[][]>();
const MAX_VOICES = 10_000;

function readVoice(a: Article): string[][] {
  const runs: string[][] = [];
  const skip = (t: string, dates: { start: number; end: number }[]) => [...quotedSpans(t), ...dates].sort((x, y) => x.start - y.start);
  for (const part of [a.title, a.kicker, a.dek]) if (part) runs.push(...phraseRuns(part, skip(part, findDates(part, a.published, a.language))));
  runs.push(...phraseRuns(a.text, skip(a.text, articleDates(a))));
  return runs;
}

/** Spans inside double quotation marks, paragraph by paragraph (an unclosed quote ends with it). */
export function quotedSpans(text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  const re = /“[^”\n]*(?:”|(?=\n)|$)|«[^»\n]*(?:»|(?=\n)|$)|„[^“”\n]*(?:[“”]|(?=\n)|$)|"[^"\n]*(?:"|(?=\n)|$)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) out.push({ start: m.index, end: m.index + m[0].length });
  return out;
}

/**
 * The noun phrases of a run, 1-3 words: modifiers (adjectives, participles, nouns, an adverb in
 * front) ending on a noun, as in "illegal war", "temporarily occupied territories"; a leading
 * "the" stays with a lone noun ("the conflict"), since the article is part of how it is named.
 */
function phrasesOf(run: string[], into: Map<string, number>, keep: (word: string) => boolean = () => true): void {
  const classes = run.map((w) => (STOP_WORDS.has(w) ? (w === 'the' ? 'D' : 'O') : wordClass(w)));
  for (let end = 0; end < run.length; end++) {
    if (classes[end] !== 'N' || run[end].length < 3 || /^\d/.test(run[end])) continue;
    // The phrase ends on the head noun: "large-scale" in "large-scale invasion" is a modifier.
    if (end + 1 < run.length && classes[end + 1] === 'N') continue;
    for (let n = 1; n <= 3 && end - n + 1 >= 0; n++) {
      const first = end - n + 1;
      const c = classes[first];
      if (n > 1 && !(c === 'N' || c === 'J' || c === 'G' || c === 'R')) break;
      const inner = n > 2 ? classes[first + 1] : 'N';
      if (inner !== 'N' && inner !== 'J' && inner !== 'G') break;
      let kept = false;
      for (let k = first; k <= end && !kept; k++) kept = keep(run[k]);
      if (!kept) continue;
      const g = n === 1 ? run[end] : run.slice(first, end + 1).join(' ');
      into.set(g, (into.get(g) ?? 0) + 1);
      // With what it governs: "grants to the few", "revision of the harbour fees".
      const pp = governed(run, classes, end);
      if (pp > end) {
        const gp = run.slice(first, pp + 1).join(' ');
        into.set(gp, (into.get(gp) ?? 0) + 1);
      }
      if (n === 1 && first > 0 && classes[first - 1] === 'D' && run[first - 1] === 'the') {
        const g = `the ${run[end]}`;
        into.set(g, (into.get(g) ?? 0) + 1);
      }
    }
  }
}

/**
 * Where the phrase governed by the noun at `end` ends ("cuts | to the budget", "grants | for the
 * poor"), or -1: a joining word, a determiner maybe, then up to three modifiers ending on a noun
 * that ends the phrase, or an adjective after a determiner that ends it ("the poor").
 */
function governed(run: string[], classes: string[], end: number): number {
  if (!GOVERNING.has(run[end + 1] ?? '')) return -1;
  let at = end + 2;
  const determined = DETERMINERS.has(run[at] ?? '');
  if (determined) at++;
  // "to" with no determiner is mostly an infinitive ("funds to hire"): a verb, not a thing named.
  else if (run[end + 1] === 'to') return -1;
  for (let k = at; k < run.length && k < at + 3; k++) {
    const c = classes[k];
    if (c === 'N' && classes[k + 1] !== 'N' && run[k].length >= 3 && !/^\d/.test(run[k])) return k;
    if (c === 'J' && determined && k === at && classes[k + 1] !== 'N' && classes[k + 1] !== 'J') return k;
    if (c !== 'N' && c !== 'J' && c !== 'G') return -1;
  }
  return -1;
}

/** Whether a phrase holds a joining word: a noun phrase with what it governs. */
function governs(phrase: string): boolean {
  return phrase.split(' ').some((t) => GOVERNING.has(t));
}

/** Words that only name the story's people and organisations. */
function actorWords(ctx: StoryContext): Set<string> {
  const out = new Set<string>();
  for (const e of ctx.entities) {
    if (e.kind !== 'person' && e.kind !== 'organization') continue;
    for (const m of e.mentions) {
      for (const w of m.text.toLowerCase().split(/\s+/)) if (!STOP_WORDS.has(w)) out.add(w.replace(/['’]s$/, ''));
    }
  }
  return out;
}

export interface DistinctivePhrase {
  phrase: string;
  source: string;
  /** z-score of the log-odds ratio, this outlet against the story's others. */
  z: number;
  count: number;
  /** The outlet's articles that use the phrase. */
  articles: string[];
}

/** z-score of the log-odds of a count against general news, with the informative Dirichlet prior. */
function backgroundZ(words: string[], y: number, n: number): number {
  const p = backgroundProbability(words);
  const alpha = PRIOR_TOKENS * p;
  const bg = p * BACKGROUND_SIZE;
  const delta = Math.log((y + alpha) / (n + PRIOR_TOKENS - y - alpha)) - Math.log((bg + alpha) / (BACKGROUND_SIZE + PRIOR_TOKENS - bg - alpha));
  // A background count estimated below one occurrence is counted as one: the table cannot tell rarer.
  return delta / Math.sqrt(1 / (y + alpha) + 1 / (Math.max(1, bg) + alpha));
}

/**
 * Per outlet, the phrases it uses and the others do not, most distinctive first. Words are scored
 * one by one (a word's rate has a reliable background estimate, a phrase's often not): each word
 * the outlet alone uses gets the z-score of its log-odds against general news, and is shown in the
 * longest noun phrase around it that the outlet alone uses ("illegal" → "illegal war").
 */
export function distinctivePhrases(ctx: StoryContext): Map<string, DistinctivePhrase[]> {
  // The summary asks for the same story's phrases as the wording section: work them out once.
  const cached = phraseCache.get(ctx);
  if (cached) return cached;
  const result = computeDistinctivePhrases(ctx);
  phraseCache.set(ctx, result);
  return result;
}

const phraseCache = new WeakMap<StoryContext, Map<string, DistinctivePhrase[]>>();

/** Each outlet's word counts in its own voice, kept from distinctivePhrases for avoidedWords. */
interface WordUse {
  bySource: Map<string, Article[]>;
  runsOf: Map<Article, string[][]>;
  words: Map<string, Map<string, number>>;
  size: Map<string, number>;
  wordTotal: Map<string, number>;
}
const useCache = new WeakMap<StoryContext, WordUse>();

/** An outlet must have this many outlets beside it for what it avoids to say anything. */
const MIN_OTHER_OUTLETS = 2;
/** The count an outlet would have at the others' rate, below which its not using a word is chance. */
const MIN_EXPECTED = 3;
/** At most this many avoided words per outlet, the most expected first. */
const MAX_AVOIDED = 8;

export interface AvoidedWord {
  word: string;
  source: string;
  /** How often the outlet would use it at the rate of the others. */
  expected: number;
  /** The other outlets' articles that use it. */
  articles: string[];
}

/**
 * Per outlet, the nouns and adjectives every other outlet uses and it never does, where its
 * length makes never a choice rather than chance (at the others' rate it would use the word at
 * least MIN_EXPECTED times, and then not at all by chance 5 % of the time or less): the other
 * side of the comparison of word use, "blockade" in every report but one.
 */
export function avoidedWords(ctx: StoryContext): Map<string, AvoidedWord[]> {
  distinctivePhrases(ctx);
  const use = useCache.get(ctx);
  const out = new Map<string, AvoidedWord[]>();
  if (!use || use.bySource.size < MIN_OTHER_OUTLETS + 1) return out;
  const actors = actorWords(ctx);
  const total = [...use.size.values()].reduce((a, b) => a + b, 0);
  // The words missing from exactly one outlet, each with that outlet: one pass over the counts.
  const missingFrom = new Map<string, string[]>();
  const sources = [...use.words.keys()];
  for (const w of use.wordTotal.keys()) {
    if (w.length < 4 || STOP_WORDS.has(w) || actors.has(w) || /\d/.test(w)) continue;
    let missing: string | null = null;
    let gaps = 0;
    for (const s of sources) {
      if (use.words.get(s)!.has(w)) continue;
      missing = s;
      if (++gaps > 1) break;
    }
    if (gaps !== 1) continue;
    const list = missingFrom.get(missing!);
    if (list) list.push(w);
    else missingFrom.set(missing!, [w]);
  }
  for (const [source, candidates] of missingFrom) {
    const own = use.words.get(source)!;
    const n = use.size.get(source)!;
    const others = total - n;
    let ownKeys: Set<string> | null = null;
    const found: AvoidedWord[] = [];
    for (const w of candidates) {
      const expected = (use.wordTotal.get(w)! / others) * n;
      if (expected < MIN_EXPECTED) continue;
      const cls = wordClass(w);
      if (cls !== 'N' && cls !== 'J') continue;
      // The outlet's stems and five-letter beginnings: a word it uses in another form is not avoided.
      if (!ownKeys) {
        ownKeys = new Set<string>();
        for (const t of own.keys()) {
          const st = stem(t);
          ownKeys.add(st);
          if (st.length >= 5) ownKeys.add(`~${st.slice(0, 5)}`);
        }
      }
      const st = stem(w);
      if (ownKeys.has(st) || (st.length >= 5 && ownKeys.has(`~${st.slice(0, 5)}`))) continue;
      const articles: string[] = [];
      for (const [s2, list] of use.bySource) if (s2 !== source) for (const a of list) if (use.runsOf.get(a)!.some((run) => run.includes(w))) articles.push(a.id);
      found.push({ word: w, source, expected, articles });
    }
    found.sort((a, b) => b.expected - a.expected || a.word.localeCompare(b.word));
    if (found.length) out.set(source, found.slice(0, MAX_AVOIDED));
  }
  return out;
}

function computeDistinctivePhrases(ctx: StoryContext): Map<string, DistinctivePhrase[]> {
  const bySource = new Map<string, Article[]>();
  for (const a of ctx.articles) {
    // Syndicated copies speak with their original's voice: count it once.
    if (ctx.duplicateOf.has(a.id)) continue;
    const s = a.source ?? a.id;
    bySource.set(s, [...(bySource.get(s) ?? []), a]);
  }
  const out = new Map<string, DistinctivePhrase[]>();
  if (bySource.size < 2) return out;
  // Words first: a phrase can only be one outlet's if one of its words is (else another outlet
  // uses that word, and no phrase of it is missed by counting only phrases of outlet-only words).
  const runsOf = new Map<Article, string[][]>();
  const words = new Map<string, Map<string, number>>();
  const wordTotal = new Map<string, number>();
  const size = new Map<string, number>();
  for (const [source, articles] of bySource) {
    const w = new Map<string, number>();
    let tokens = 0;
    for (const a of articles) {
      const runs = ownVoice(a);
      runsOf.set(a, runs);
      for (const run of runs) {
        for (const t of run) w.set(t, (w.get(t) ?? 0) + 1);
        tokens += run.length;
      }
    }
    words.set(source, w);
    size.set(source, tokens);
    for (const [g, n] of w) wordTotal.set(g, (wordTotal.get(g) ?? 0) + n);
  }
  useCache.set(ctx, { bySource, runsOf, words, size, wordTotal });
  const phrases = new Map<string, Map<string, number>>();
  const usedBy = new Map<string, string[]>();
  for (const [source, articles] of bySource) {
    const ownWords = new Set<string>();
    for (const [t, k] of words.get(source)!) if (wordTotal.get(t) === k) ownWords.add(t);
    const own = (t: string) => ownWords.has(t);
    const p = new Map<string, number>();
    for (const a of articles) {
      const inArticle = new Map<string, number>();
      for (const run of runsOf.get(a)!) if (run.some(own)) phrasesOf(run, inArticle, own);
      for (const [g, k] of inArticle) {
        p.set(g, (p.get(g) ?? 0) + k);
        const users = usedBy.get(g);
        if (users) users.push(a.id);
        else usedBy.set(g, [a.id]);
      }
    }
    phrases.set(source, p);
  }
  const actors = actorWords(ctx);
  // Per outlet, the stems (and `~` five-letter stem beginnings) of its words; per key, how many outlets use it.
  const stemKeys = new Map<string, Set<string>>();
  const sourcesWith = new Map<string, number>();
  // A word's keys, worked out once for all the outlets using it.
  const keysOfWord = new Map<string, string[]>();
  for (const [source, w] of words) {
    const keys = new Set<string>();
    for (const t of w.keys()) {
      let ks = keysOfWord.get(t);
      if (!ks) {
        const st = stem(t);
        ks = st.length >= 4 && !/\d/.test(st) ? [st, `~${st.slice(0, 5)}`] : [st];
        keysOfWord.set(t, ks);
      }
      for (const k of ks) keys.add(k);
    }
    stemKeys.set(source, keys);
    for (const k of keys) sourcesWith.set(k, (sourcesWith.get(k) ?? 0) + 1);
  }
  for (const [source, p] of phrases) {
    const w = words.get(source)!;
    const n = size.get(source)!;
    // The words only this outlet uses, by how much more it uses them than news at large.
    const wordZ = new Map<string, number>();
    for (const [t, y] of w) {
      if (wordTotal.get(t)! > y || STOP_WORDS.has(t) || actors.has(t) || t.length < 3 || /^\d/.test(t)) continue;
      wordZ.set(t, backgroundZ([t], y, n));
    }
    // A lone word whose variant the other outlets use ("rebuild" against "rebuilt") is not wording
    // they avoid: its stem, or its five-letter beginning (the prefix match of softMatch), is theirs.
    const ownStems = stemKeys.get(source)!;
    const usedElsewhere = (k: string) => (sourcesWith.get(k) ?? 0) > (ownStems.has(k) ? 1 : 0);
    const best = new Map<string, DistinctivePhrase>();
    for (const [g, y] of p) {
      const ws = g.split(' ');
      if (ws.length === 1) {
        const st = stem(g);
        if (usedElsewhere(st) || (st.length >= 4 && usedElsewhere(`~${st.slice(0, 5)}`))) continue;
      }
      if (ws.some((t) => actors.has(t))) continue;
      let top = '';
      for (const t of ws) if ((wordZ.get(t) ?? -Infinity) > (wordZ.get(top) ?? -Infinity)) top = t;
      if (!top) continue;
      const z = wordZ.get(top)!;
      if (z < WORDING_Z) continue;
      // The longest noun phrase around the word, and apart from it the longest with what it
      // governs ("school massacre", "school massacre at the lake"): the second is fuller, the
      // first what the outlet calls the thing.
      const slot = ws.some((t) => GOVERNING.has(t)) ? `${top}\tgoverning` : top;
      const held = best.get(slot);
      if (!held || ws.length > held.phrase.split(' ').length || (ws.length === held.phrase.split(' ').length && y > held.count)) {
        best.set(slot, { phrase: g, source, z, count: y, articles: usedBy.get(g)! });
      }
    }
    out.set(source, [...best.values()].sort((a, b) => b.z - a.z || a.phrase.localeCompare(b.phrase)));
  }
  return out;
}

export function compareWording(ctx: StoryContext, claims?: StoryClaim[]): StoryWording[] {
  const spelled = spellingVariants(ctx);
  const rows = [...spelled, ...nameForms(ctx), ...descriptionVariants(ctx), ...designatorVariants(ctx), ...hyphenVariants(ctx), ...slotVariants(ctx, claims), ...headVariants(ctx), ...familyVariants(ctx)];
  // A spelling already shown as a name variant is not shown again as an outlet's wording.
  const spellings = new Set(spelled.flatMap((w) => w.variants.map((v) => v.text.toLowerCase())));
  for (const [source, phrases] of distinctivePhrases(ctx)) {
    // A phrase inside a longer one that is as distinctive says nothing more.
    const kept: DistinctivePhrase[] = [];
    for (const p of phrases) {
      if (kept.length >= MAX_TERMS_PER_OUTLET) break;
      if (p.phrase.split(' ').some((w) => spellings.has(w))) continue;
      // (A noun phrase is kept beside the longer one that governs it: see distinctivePhrases.)
      if (kept.some((k) => ` ${k.phrase} `.includes(` ${p.phrase} `) && k.count >= p.count && !(governs(k.phrase) && !governs(p.phrase)))) continue;
      kept.push(p);
    }
    // What one outlet alone says is not shown to name what the others name: the row is tentative.
    if (!kept.length) continue;
    // Evidence: a sentence of each article using a phrase (phrases are folded: found regardless of case).
    const own = new Set(kept.flatMap((p) => p.articles));
    const evidence = locate(ctx, kept.map((p) => p.phrase), false, undefined, true).flatMap((v) => v.evidence.filter((e) => own.has(e.article)));
    rows.push({ concept: `wording only ${source} uses`, variants: kept.map((p) => ({ text: p.phrase, articles: p.articles })), evidence, confidence: DISTINCTIVE_CONFIDENCE, tentative: true });
  }
  for (const [source, avoided] of avoidedWords(ctx)) {
    const words = avoided.filter((w) => !spellings.has(w.word));
    if (!words.length) continue;
    const evidence = locate(ctx, words.map((w) => w.word), false, undefined, true).flatMap((v) => v.evidence);
    rows.push({ concept: `wording the others use and ${source} does not`, variants: words.map((w) => ({ text: w.word, articles: w.articles })), evidence, confidence: DISTINCTIVE_CONFIDENCE, tentative: true });
  }
  return ordered(ctx, rows);
}
