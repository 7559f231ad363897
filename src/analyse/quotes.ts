/**
 * The same statement across outlets. Each quote is cut into statements (its sentences, and
 * clauses joined by "and that"), since one outlet quotes in one breath what another quotes apart.
 * Statements are grouped when their speakers resolve to the same entity and their words agree:
 * one holds most of the other's content words, weighted by how rare each word is in the story
 * (so "unbroken" and "pledge" count for more than "Norland" and "league"), after folding
 * inflections. "Norland's future is in the league" and "the future of Norland is in the league"
 * are then one quote carried by two articles.
 *
 * @module
 */
import type { Article, Evidence, StoryEntity, StoryQuote } from '../types.js';
import type { QuoteSpan, Sentence } from '../enrich/types.js';
import { splitSentences } from '../enrich/sentences.js';
import { foldWord } from './entities.js';
import { speakerKind } from './speaker-kind.js';
import { stopwords } from '../lang/stopwords.js';
import { wordPairs } from '../lang/lists.js';
import { statementStem } from '../lang/stem.js';

/** A statement's content words: its words without the function words, each stemmed (src/lang). */
export function contentWords(text: string): Set<string> {
  const stop = stopwords('function', 'en');
  const out = new Set<string>();
  for (const w of text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []) {
    if (stop.has(w) || w.length < 2) continue;
    out.add(statementStem(w));
  }
  return out;
}

/** Two statements of at most this many content words each turn on their negations. */
const SHORT = 6;

/** A negation anywhere in a statement. */
const NEGATED = /\b(?:not|no|never|nor|cannot|without)\b|n['’]t\b/i;

/** "is not easy" → "is difficult": a negated adjective with a known opposite says the opposite, unnegated. */
export function unnegate(text: string): string {
  // Adjectives and their opposites: "not easy" is said by "difficult" (data/lang/en/opposites.tsv).
  const opposite = wordPairs('en', 'opposites');
  return text.replace(/\b(?:not|n['’]t)\s+(?:so\s+|very\s+|that\s+|too\s+)?([\p{L}]+)\b/giu, (m, adj: string) => opposite.get(adj.toLowerCase()) ?? m)
    .replace(/\b(\p{L}+)n['’]t\s+(?:so\s+|very\s+)?([\p{L}]+)\b/giu, (m, aux: string, adj: string) => (opposite.has(adj.toLowerCase()) ? `${aux} ${opposite.get(adj.toLowerCase())}` : m));
}

/** Share of the smaller set's words found in the larger. */
export function containment(a: Set<string>, b: Set<string>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  if (!small.size) return 0;
  let n = 0;
  for (const w of small) if (large.has(w)) n++;
  return n / small.size;
}

/** The name the finder resolved the speaker to ("he" → "Tomas Brell"), else the words of the span. */
function speakerName(q: QuoteSpan): string | null {
  if (!q.speaker) return null;
  const named = (q.speaker as { name?: unknown }).name;
  return typeof named === 'string' && named ? named : q.speaker.text;
}

/** What {@link speakerEntity} looks up, indexed once per story. */
interface SpeakerIndex {
  /** Folded last word of a person's mention → the persons with such a mention, in story order. */
  personByLast: Map<string, StoryEntity[]>;
  /** Folded mention text → the entities (other than `other`) with such a mention, in story order. */
  byFolded: Map<string, StoryEntity[]>;
  /** Per article, the mentions with offsets, in entity then mention order. */
  placed: Map<string, { e: StoryEntity; start: number; end: number }[]>;
  /** Folded mentions of entities that are neither person, organisation nor place (works, events). */
  others: Set<string>;
}

function speakerIndex(entities: StoryEntity[]): SpeakerIndex {
  const personByLast = new Map<string, StoryEntity[]>();
  const byFolded = new Map<string, StoryEntity[]>();
  const placed = new Map<string, { e: StoryEntity; start: number; end: number }[]>();
  const add = (map: Map<string, StoryEntity[]>, key: string, e: StoryEntity) => {
    const list = map.get(key);
    if (!list) map.set(key, [e]);
    else if (list[list.length - 1] !== e) list.push(e);
  };
  const others = new Set<string>();
  for (const e of entities) {
    for (const m of e.mentions) {
      if (e.kind === 'other') others.add(foldWord(m.text));
      if (e.kind === 'person') add(personByLast, foldWord(m.text.split(/\s+/).pop() ?? ''), e);
      if (e.kind !== 'other') add(byFolded, foldWord(m.text), e);
      if (m.start !== undefined) {
        const list = placed.get(m.article);
        const x = { e, start: m.start, end: m.end ?? 0 };
        if (list) list.push(x);
        else placed.set(m.article, [x]);
      }
    }
  }
  return { personByLast, byFolded, placed, others };
}

/** The entity a speaker names: by the mention its span overlaps, else by its name's last word. */
function speakerEntity(article: string, q: QuoteSpan, index: SpeakerIndex): StoryEntity | null {
  if (!q.speaker) return null;
  const sp = q.speaker;
  const name = speakerName(q) ?? sp.text;
  const last = foldWord(name.split(/\s+/).pop() ?? '');
  // The resolved name first: "he" resolved to "Tomas Brell" is Brell's, whatever the span overlaps.
  const byName = index.personByLast.get(last) ?? [];
  if (byName.length === 1) return byName[0];
  // Entities named inside the speaker span, in order; a person first, else the head of the phrase
  // (last: "the statement from the Ukrainian Foreign Ministry" is the ministry's).
  const inside = (index.placed.get(article) ?? [])
    .filter((m) => m.start < sp.end && m.end > sp.start && m.e.kind !== 'other')
    .map((m) => ({ e: m.e, at: m.start }))
    .sort((a, b) => a.at - b.at);
  // (Unless the finder saw the name modify a noun: "the Marlow campaign" is not Marlow.)
  const person = inside.find((x) => x.e.kind === 'person' && x.e.mentions.some((m) => foldWord(name).endsWith(foldWord(m.text))));
  if (person) return person.e;
  const byAnyName = index.byFolded.get(foldWord(name)) ?? [];
  if (byAnyName.length === 1) return byAnyName[0];
  return inside.length ? inside[inside.length - 1].e : null;
}

interface Statement {
  article: string;
  text: string;
  direct: boolean;
  words: Set<string>;
  /** Says that something is not so (after {@link unnegate}). */
  negated: boolean;
  /** The summed weight of its words (see {@link rarity}). */
  mass: number;
  /** Where it stands in the article's text (the quote's span when it cannot be placed closer). */
  start: number;
  end: number;
  /** How sure the speaker is (see {@link speakerOf}). */
  confidence: number;
}

/**
 * A quote's statements. Where the reporter's sentence carries the speaker's words in marks ("Brell
 * said that “the most crucial thing we have to do now” is ensuring that “Ukraine … from a position
 * of strength”"), each quoted fragment is a statement: those are the words outlets share. Otherwise
 * the sentences, and clauses joined by "and that".
 *
 * A fragment keeps a negation the reporter put just before it: "the town cannot “hope to be
 * rebuilt”" is not the speaker hoping it will be.
 */
export function statements(text: string): string[] {
  const fragments = [...text.matchAll(/["“„«]([^"“”„«»]+)["”»“]/gu)].filter((m) => m[1].trim().split(/\s+/).length >= 3).map((m) => {
    const negation = NEGATION_BEFORE.exec(text.slice(Math.max(0, m.index! - 40), m.index!));
    return negation ? `${negation[0].trim()} ${m[0].trim()}` : m[1].trim();
  });
  // The words outside the marks: a quotation that is the whole content keeps its sentences apart.
  const outside = text.replace(/["“„«][^"“”„«»]+["”»“]/gu, ' ').split(/\s+/).filter((w) => /\p{L}/u.test(w)).length;
  const source = fragments.length >= 2 || (fragments.length === 1 && outside >= 3) ? fragments : [text];
  return source
    .flatMap((t) => t.split(/(?<=[.!?]["”’»]?)\s+(?=["“„«]?\p{Lu})|,?\s+and that\s+|;\s+/u))
    .map((s) => s.trim())
    .filter((s) => /[\p{L}]/u.test(s));
}

/** A negation right before a quoted fragment, with at most one word between ("not", "cannot really", "never"). */
const NEGATION_BEFORE = /\b(?:not|never|no|cannot|can['’]t|won['’]t|don['’]t|doesn['’]t|didn['’]t|isn['’]t|aren['’]t|wasn['’]t|weren['’]t|nor)(?:\s+[\p{L}-]+)?\s+$/iu;

/**
 * The parts of a quote's text inside quotation marks, as [start, end) ranges. A closing mark with
 * no opening one before it closes a quotation opened before the text began (a quote over several
 * sentences, cut into statements); an opening mark never closed runs to the end.
 */
function quotedRanges(text: string): [number, number][] {
  const out: [number, number][] = [];
  let open = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    const opening = '“„«'.includes(c) || (c === '"' && open < 0 && !/[\p{L}\p{N}.,!?]/u.test(text[i - 1] ?? ' '));
    const closing = '”»'.includes(c) || (c === '"' && !opening);
    if (opening && open < 0) open = i + 1;
    else if (closing) { out.push([open < 0 ? 0 : open, i]); open = -1; }
  }
  if (open >= 0) out.push([open, text.length]);
  return out;
}

/**
 * Words in the speaker's own mouth: a statement that is a quotation, or mostly one, given where it
 * stands in its quote's text. A paraphrase holding a quoted phrase ("Smith called the ad
 * “dishonest”") is reported speech.
 */
function isDirect(quoteText: string, from: number, to: number, ranges = quotedRanges(quoteText)): boolean {
  let letters = 0;
  let inside = 0;
  for (let i = from; i < to; i++) {
    if (!/\p{L}/u.test(quoteText[i])) continue;
    letters++;
    if (ranges.some(([a, b]) => a <= i && i < b)) inside++;
  }
  return letters > 0 && inside >= 0.8 * letters;
}

/**
 * Who a quote is given to, and how sure that is: a person or organisation of the story (0.9), a
 * place standing for its government or a description of a speaker ("a senior official", "the
 * report": 0.6), a pronoun nothing resolved (0.3). A span that cannot be a speaker at all
 * ("inflation", "Among the") is no speaker: the quotation stays unattributed (0.25) and reported
 * speech is dropped. A quote no cue introduced (its speaker taken from the sentence or the
 * paragraph) is less sure.
 */
function speakerOf(article: string, q: QuoteSpan, index: SpeakerIndex): { name: string; confidence: number } | null {
  const entity = speakerEntity(article, q, index);
  const guessed = q.cue ? 0 : 0.15;
  if (entity) return { name: entity.name, confidence: (entity.kind === 'place' || entity.kind === 'other' ? 0.6 : 0.9) - guessed };
  const name = speakerName(q);
  // A title the tagger knows for a work or an event ("Star Wars") speaks for no one.
  const kind = name ? speakerKind(name, (n) => index.others.has(foldWord(n.replace(/^(?:the|a|an)\s+/i, '')))) : 'none';
  if (name && kind === 'description') return { name, confidence: 0.6 - guessed };
  if (name && kind === 'pronoun') return { name, confidence: 0.3 };
  return q.direct ? { name: 'unattributed', confidence: 0.25 } : null;
}

/** What a quote's text alone gives for one of its statements (see {@link quoteParts}). */
interface QuotePart {
  text: string;
  /** Where it stands in the quote's text, -1 when it cannot be placed. */
  at: number;
  direct: boolean;
  words: Set<string>;
  negated: boolean;
}

const partsCache = new WeakMap<QuoteSpan, { text: string; parts: QuotePart[] }>();

/**
 * A quote's statements with what their words give, worked out once per quote span: the spans of
 * a stored enrichment are the same objects in every analysis of the story, and cutting and
 * stemming them again would give the same. Shared between analyses, so never changed.
 */
function quoteParts(q: QuoteSpan): QuotePart[] {
  const hit = partsCache.get(q);
  if (hit && hit.text === q.text) return hit.parts;
  // The quotation marks of the quote's text, found once for all its statements.
  const ranges = quotedRanges(q.text);
  const parts = statements(q.text).map((text) => {
    const at = q.text.indexOf(text);
    const direct = at >= 0 ? isDirect(q.text, at, at + text.length, ranges) : isDirect(text, 0, text.length);
    const plain = unnegate(text);
    return { text, at, direct, words: contentWords(plain), negated: NEGATED.test(plain) };
  });
  partsCache.set(q, { text: q.text, parts });
  return parts;
}

/** Text → {@link foldedText}. */
const FOLDED = new Map<string, string>();

/** A statement's words in lower case, one space apart: renderings that differ only in case and punctuation are one. Memoised by text. */
function foldedText(text: string): string {
  let f = FOLDED.get(text);
  if (f === undefined) {
    f = text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
    if (FOLDED.size > 50_000) FOLDED.clear();
    FOLDED.set(text, f);
  }
  return f;
}

/** Rows below this are shown apart, as unsure. */
const TENTATIVE_BELOW = 0.5;

/** The article's sentences that hold `[start, end)`, as evidence. */
function evidenceOf(article: Article, sentences: Sentence[], start: number, end: number): Evidence {
  const hit = sentences.filter((x) => x.start < end && x.end > start);
  const from = hit.length ? hit[0].start : start;
  const to = hit.length ? hit[hit.length - 1].end : end;
  return { article: article.id, text: article.text.slice(from, to), start: from, end: to };
}

/** How rare each word is in the story's statements: rare words say more about which statement it is. */
function rarity(all: Statement[]): (w: string) => number {
  const df = new Map<string, number>();
  for (const s of all) for (const w of s.words) df.set(w, (df.get(w) ?? 0) + 1);
  const n = all.length || 1;
  const weights = new Map<string, number>();
  for (const [w, k] of df) weights.set(w, Math.log(1 + n / k));
  return (w) => weights.get(w) ?? Math.log(1 + n);
}

/** Weighted share of the smaller statement's words that the other holds. */
function agreement(a: Set<string>, b: Set<string>, weight: (w: string) => number): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let shared = 0;
  let total = 0;
  for (const w of small) {
    const x = weight(w);
    total += x;
    if (large.has(w)) shared += x;
  }
  return total ? shared / total : 0;
}

/** Two statements say the same: nearly all of the shorter one's words (rare ones counting more) are in the other. */
const SAME = 0.72;

/**
 * The story's quotes, grouped across articles. `sentences` (article id → its sentences, as the
 * story context holds them) saves splitting an article again for its evidence.
 */
export function matchQuotes(articles: Article[], quotesByArticle: Map<string, QuoteSpan[]>, entities: StoryEntity[], sentences?: Map<string, Sentence[]>): StoryQuote[] {
  const index = speakerIndex(entities);
  const perSpeaker = new Map<string, Statement[]>();
  const all: Statement[] = [];
  const sentencesOf = new Map<string, Sentence[]>(sentences);
  const byId = new Map(articles.map((a) => [a.id, a]));
  for (const a of articles) {
    for (const q of quotesByArticle.get(a.id) ?? []) {
      const who = speakerOf(a.id, q, index);
      if (!who) continue;
      const speaker = who.name;
      for (const { text, at, direct, words, negated } of quoteParts(q)) {
        const start = at >= 0 ? q.start + at : q.start;
        const end = at >= 0 ? start + text.length : q.end;
        const s: Statement = { article: a.id, text, direct, words, negated, mass: 0, start, end, confidence: who.confidence };
        if (s.words.size < 2) continue;
        const list = perSpeaker.get(speaker) ?? [];
        list.push(s);
        perSpeaker.set(speaker, list);
        all.push(s);
      }
    }
  }
  const weight = rarity(all);
  for (const s of all) for (const w of s.words) s.mass += weight(w);
  /** Each article's sentence for a group: the first rendering in each article. */
  const evidence = (g: Statement[]): Evidence[] => {
    const seen = new Set<string>();
    const out: Evidence[] = [];
    for (const r of g) {
      if (seen.has(r.article)) continue;
      seen.add(r.article);
      const a = byId.get(r.article)!;
      let sents = sentencesOf.get(a.id);
      if (!sents) sentencesOf.set(a.id, (sents = splitSentences(a.text)));
      out.push(evidenceOf(a, sents, r.start, r.end));
    }
    return out;
  };
  const out: StoryQuote[] = [];
  for (const [speaker, list] of perSpeaker) {
    const groups: Statement[][] = [];
    const groupArticles: Set<string>[] = [];
    const smallest: number[] = [];
    // Word → the (group, member) entries holding it: a group none of whose members shares a word
    // with a statement cannot agree with it, so only the groups reached here are scored.
    const postings = new Map<string, number[]>();
    const entryGroup: number[] = [];
    const entryMember: Statement[] = [];
    const shared: number[] = [];
    const touched: number[] = [];
    const enter = (gi: number, x: Statement) => {
      const id = entryGroup.length;
      entryGroup.push(gi);
      entryMember.push(x);
      shared.push(0);
      for (const w of x.words) {
        const list = postings.get(w);
        if (list) list.push(id);
        else postings.set(w, [id]);
      }
    };
    for (const s of list) {
      touched.length = 0;
      for (const w of s.words) {
        const ids = postings.get(w);
        if (!ids) continue;
        const x = weight(w);
        for (const id of ids) {
          if (shared[id] === 0) touched.push(id);
          shared[id] += x;
        }
      }
      // Every group it agrees with, among those not yet carrying its article: a long sentence may
      // hold two statements another outlet quotes apart.
      const agrees = new Set<number>();
      for (const id of touched) {
        const bound = shared[id];
        shared[id] = 0;
        const gi = entryGroup[id];
        if (agrees.has(gi) || groupArticles[gi].has(s.article)) continue;
        const x = entryMember[id];
        const small = Math.min(s.words.size, smallest[gi]);
        const bar = small <= 3 ? 0.9 : SAME;
        // The shared weight bounds the agreement (up to rounding); only a member that may reach
        // the bar is scored exactly.
        const total = x.words.size <= s.words.size ? x.mass : s.mass;
        if (bound / total < bar - 1e-9) continue;
        // "We will win" and "He did not win" share their words, not their sense. (In a longer
        // statement a negation may sit in any clause; its many words decide.)
        const polarity = x.negated === s.negated || Math.max(x.words.size, s.words.size) > SHORT;
        if (polarity && agreement(x.words, s.words, weight) >= bar) agrees.add(gi);
      }
      const joined = [...agrees].sort((a, b) => a - b);
      for (const gi of joined) {
        groups[gi].push(s);
        groupArticles[gi].add(s.article);
        smallest[gi] = Math.min(smallest[gi], s.words.size);
        enter(gi, s);
      }
      if (!joined.length) {
        groups.push([s]);
        groupArticles.push(new Set([s.article]));
        smallest.push(s.words.size);
        enter(groups.length - 1, s);
      }
    }
    // Two groups that a statement joined both can end with the same words standing for each:
    // then they are one quote, however the grouping reached it.
    const byText = new Map<string, StoryQuote>();
    for (const g of groups) {
      // Direct words first; among them the rendering closest to the others stands for the quote.
      // (A quote carried once, as most are, is its own rendering.)
      const pool = g.length === 1 ? g : g.some((r) => r.direct) ? g.filter((r) => r.direct) : g;
      const rep = pool.length === 1 ? pool[0] : pool
        .map((r) => ({ r, score: g.reduce((acc, o) => acc + (o === r ? 0 : agreement(o.words, r.words, weight)), 0) }))
        .sort((x, y) => y.score - x.score || x.r.text.length - y.r.text.length)[0].r;
      const key = `${rep.direct}\u0000${foldedText(rep.text)}`;
      const same = byText.get(key);
      if (same) {
        for (const r of g) {
          if (!same.articles.includes(r.article)) { same.articles.push(r.article); same.evidence!.push(...evidence([r])); }
          if (!same.renderings!.some((x) => x.article === r.article && x.text === r.text)) same.renderings!.push({ article: r.article, text: r.text });
        }
        same.confidence = Math.max(same.confidence!, ...g.map((r) => r.confidence));
        if (same.confidence >= TENTATIVE_BELOW) delete same.tentative;
        continue;
      }
      const confidence = Math.max(...g.map((r) => r.confidence));
      const quote: StoryQuote = {
        speaker,
        text: rep.text,
        direct: rep.direct,
        articles: [...new Set(g.map((r) => r.article))],
        renderings: g.map((r) => ({ article: r.article, text: r.text })),
        evidence: evidence(g),
        confidence,
        ...(confidence < TENTATIVE_BELOW ? { tentative: true } : {}),
      };
      byText.set(key, quote);
      out.push(quote);
    }
  }
  return out.sort((a, b) => b.articles.length - a.articles.length);
}
