/**
 * Claims: the statements of fact in a story's articles, aligned across outlets.
 *
 * Each article is cut into statements (its sentences; a long sentence that joins two reports with
 * "adding that" or a semicolon gives one statement per clause; "Instead, …" stays with the
 * sentence before). Statements are compared by a weighted overlap (Dice) of their content-word
 * stems and the story's resolved entities (so "Zelenskyy" and "Selensky" count as the same word),
 * rare words counting most, morphological variants ("prioritise", "priority") in part, and a
 * shared pair of neighbouring words ("position … strength") adding to it. Two statements of
 * different articles pair when they overlap enough, or a little less when each is the other's best
 * match in its article (paraphrase shares few words, but an article states a fact once). Pairs are
 * joined strongest first, as in Kruskal's algorithm, into claims that hold at most one statement
 * per article, and only while the joined claims stay alike on average, so that a chain of loose
 * resemblances does not grow into one claim. A short statement most of which a long one holds is
 * paired with it too. Overlap only finds candidates: a pair joins a claim when the two also agree
 * in what they say of the names they share, in negation and in figures (claim-match.ts), with a
 * confidence; a claim carries each article's sentence with its offsets as evidence, and the
 * confidence of its weakest pairing (below TENTATIVE it is marked tentative and counted as one
 * source's). Coverage counts outlets, near-duplicate articles (wire copies) once: `sources` is
 * that count and `copies` lists the copies among the claim's articles, which stay listed.
 *
 * @module
 */
import type { Article, Coverage, StoryClaim } from '../types.js';
import type { Sentence } from '../enrich/types.js';
import type { StoryContext } from './context.js';
import { STOP_WORDS, TermSpace, TermWeights, contentStems, stemsOfTokens, tokenize, type TermVector } from './similarity/text.js';
import { CONTAINED, WEAK_PAIR, pairConfidence, statementFacts, type StatementFacts } from './claim-match.js';
import { TextMemo } from './article-text.js';
import { countWords } from '../lang/words.js';
import { PairTable } from './similarity/pair-table.js';
import { FIRM_ANCHORS, MIN_DICE, pairsAcrossLanguages } from './claims-across.js';

/** Confidence of a pairing across languages that shares FIRM_ANCHORS names and numbers: just firm. */
const FIRM_ACROSS = 0.6;

/** Weighted overlap at which two statements are taken to say the same thing. */
export const CLAIM_SIMILARITY = 0.3;
/**
 * A lower overlap suffices when the two statements are each other's best match in the other's
 * article: paraphrase shares few words, but what an article says about a fact is said once.
 */
export const MUTUAL_SIMILARITY = 0.18;
/** Mean overlap two claims must keep across their statements to be joined into one. */
export const CLAIM_COHESION = 0.2;
/** How many of a statement's rarest terms find its candidate partners. */
const CANDIDATE_TERMS = 12;
/** Of a word held by more statements than this, only this many following a statement are its candidates. */
const POSTINGS_WINDOW = 32;
/** At most this many partners of a statement are compared in full. */
const MAX_CANDIDATES = 40;
/** A sentence longer than this (in words) is cut at clause boundaries that join two reports. */
const LONG_SENTENCE_WORDS = 24;

/** One statement of fact: a sentence or a clause of a long one. */
export interface Statement {
  article: string;
  text: string;
  /** Offsets into the article's text. */
  start: number;
  end: number;
  /** Content-word stems, in order, without the words that name a resolved entity. */
  stems: string[];
  /** Index in the story's entities of each entity the statement names, in order. */
  entities: number[];
  /** What it asserts beyond its words: predicate, negation, figures, quotations. */
  facts: StatementFacts;
}

/**
 * Stems of the verbs and phrases that attribute a statement ("noted", "stressed", "according
 * to"): who reported it is not what was reported, so they take no part in matching statements.
 */
const REPORTING = new Set(
  contentStems('noted stated added emphasized emphasised stressed reiterated explained recalled pointed declared announced ' +
    'confirmed remarked underlined insisted argued claimed reported reports report told commented quoted cited citing'),
);

/** Confidence below which a claim's weakest pairing is shown as tentative and not counted. */
export const TENTATIVE = 0.55;

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

/** Articles counted once per syndicated text. */
export function independentArticles(ctx: StoryContext, ids: string[]): Set<string> {
  return new Set(ids.map((id) => ctx.duplicateOf.get(id) ?? id));
}

/** all / most (over half) / some (two or more) / one, of the story's independent articles. */
export function coverageOf(n: number, total: number): Coverage {
  if (n >= total) return 'all';
  if (n > total / 2) return 'most';
  if (n > 1) return 'some';
  return 'one';
}

// A clause that reports a second thing: ", adding that …", ", noting that …"; or a semicolon.
const CLAUSE_BREAK = /;\s+|,\s+(?=(?:adding|noting|stressing|saying|recalling|explaining|warning) that\b)|\s+[—–]\s+(?=\p{Ll})/gu;
// A sentence that only makes sense with the one before ("Instead, …") belongs to it.
const CONTINUATION = /^(?:Instead|Rather)\b/;

/** How a sentence ends, in every script: a stop of its own, or a closing quotation mark or bracket. */
const SENTENCE_END = /[.!?"”’»)。！？｡؟۔।」』）]$/;

function isHeading(a: Article, s: Sentence): boolean {
  const block = a.blocks[s.block];
  if (block && block.kind === 'heading') return true;
  return !SENTENCE_END.test(s.text) && countWords(s.text) < 12;
}

/** The statements of one article, with offsets into its text. */
export function splitStatements(a: Article, sentences: Sentence[]): { text: string; start: number; end: number }[] {
  const out: { text: string; start: number; end: number; block: number }[] = [];
  for (const s of sentences) {
    if (isHeading(a, s)) continue;
    const prev = out[out.length - 1];
    if (prev && prev.block === s.block && CONTINUATION.test(s.text)) {
      prev.end = s.end;
      prev.text = a.text.slice(prev.start, prev.end);
      continue;
    }
    const words = s.text.split(/\s+/).length;
    const cuts: number[] = [];
    if (words > LONG_SENTENCE_WORDS) {
      CLAUSE_BREAK.lastIndex = 0;
      let m: RegExpExecArray | null;
      while ((m = CLAUSE_BREAK.exec(s.text))) cuts.push(m.index);
    }
    let from = 0;
    for (const cut of [...cuts, s.text.length]) {
      let piece = s.text.slice(from, cut);
      // A clause cut after "…, adding that" starts at what was added.
      const lead = /^[\s,;—–]*(?:(?:adding|noting|stressing|saying|recalling|explaining|warning) that\s+)?/u.exec(piece)![0].length;
      piece = piece.slice(lead).trimEnd();
      // Too short to stand alone: it stays with the clause before.
      if (piece.split(/\s+/).length < 5 && out.length && cut !== s.text.length) continue;
      if (piece) out.push({ text: piece, start: s.start + from + lead, end: s.start + from + lead + piece.length, block: s.block });
      from = cut;
    }
  }
  return out.map(({ text, start, end }) => ({ text, start, end }));
}

/** Every statement of the story, each with its terms. */
export function storyStatements(ctx: StoryContext): Statement[] {
  // Entity mentions per article, so a statement gets the ids of the entities it names.
  const mentions = new Map<string, { start: number; end: number; id: number }[]>();
  ctx.entities.forEach((e, id) => {
    for (const m of e.mentions) {
      if (m.start === undefined || m.end === undefined) continue;
      const list = mentions.get(m.article) ?? [];
      list.push({ start: m.start, end: m.end, id });
      mentions.set(m.article, list);
    }
  });
  const out: Statement[] = [];
  for (const a of ctx.articles) {
    const ms = mentions.get(a.id) ?? [];
    // The mentions by start, each with its place in `ms`: a statement's are found by a binary
    // search and kept in the order of `ms` (entity by entity), as a filter of `ms` would give them.
    const byStart = ms.map((m, k) => ({ m, k })).sort((x, y) => x.m.start - y.m.start || x.k - y.k);
    for (const st of articleStatements.get(a, ctx.sentences.get(a.id) ?? NO_SENTENCES)) {
      // A name counts once, as its entity: "Harbour Board Chair Tomas Brell" is @harbour, secretary,
      // general, @rutte, and "Zelenskyy" and "Selensky" are the same term.
      let lo = 0;
      let hi = byStart.length;
      while (lo < hi) { const mid = (lo + hi) >> 1; if (byStart[mid].m.start < st.start) lo = mid + 1; else hi = mid; }
      const within: { m: { start: number; end: number; id: number }; k: number }[] = [];
      for (let x = lo; x < byStart.length && byStart[x].m.start <= st.end; x++) if (byStart[x].m.end <= st.end) within.push(byStart[x]);
      const inside = within.sort((x, y) => x.k - y.k).map((x) => x.m);
      let plain = '';
      let at = st.start;
      for (const m of [...inside].sort((x, y) => x.start - y.start)) {
        if (m.start < at) continue;
        plain += a.text.slice(at, m.start) + ' ';
        at = m.end;
      }
      plain += a.text.slice(at, st.end);
      const { stems, facts } = statementTerms(st.text, plain);
      const entities = inside.map((m) => m.id);
      // Its terms (see TermSpace.addStatement): stems, pairs of neighbouring stems ("position …
      // strength", as terms of their own), entities. Fewer than three distinct ones say too little.
      if (termCount(stems, entities) < 3) continue;
      out.push({ article: a.id, ...st, stems, entities, facts });
    }
  }
  return out;
}

const NO_SENTENCES: Sentence[] = [];

/** Each article's statements, cut once per text and its sentences (see article-text.ts). */
const articleStatements = new TextMemo(splitStatements);

/** What a statement's words say: its stems (attribution and stop words aside) and its facts. */
interface StatementTerms {
  stems: string[];
  facts: StatementFacts;
}

/** Statement text and its plain form (names blanked) → its terms; see {@link statementTerms}. */
const TERMS_CACHE = new Map<string, StatementTerms>();

/**
 * The terms of a statement, `text` as written and `plain` without the names of the story's
 * entities, worked out once per pair of texts: tokenizing, stemming and reading the facts of
 * every statement is most of the cost of building the statements, and a story analysed again (a
 * watch, a server, one more article) has nearly all the same statements. Shared between
 * analyses, so never changed by their users.
 */
function statementTerms(text: string, plain: string): StatementTerms {
  const key = plain === text ? text : `${text}\u0000${plain}`;
  let terms = TERMS_CACHE.get(key);
  if (terms === undefined) {
    // The statement's tokens, read once for its stems and its facts.
    const tokens = tokenize(plain);
    const stems = stemsOfTokens(tokens).filter((w) => !REPORTING.has(w) && !STOP_WORDS.has(w));
    terms = { stems, facts: statementFacts(text, plain, REPORTING, tokens) };
    if (TERMS_CACHE.size > 50_000) TERMS_CACHE.clear();
    TERMS_CACHE.set(key, terms);
  }
  return terms;
}

/** How many distinct terms a statement has: stems, pairs of neighbouring stems, and entities. */
function termCount(stems: string[], entities: number[]): number {
  // Three distinct words already make three terms; only short statements are counted in full.
  const seen: string[] = [];
  for (const w of stems) if (!seen.includes(w) && seen.push(w) >= 3) return 3;
  const words = seen.length;
  const pairs = new Set<string>();
  for (let k = 1; k < stems.length; k++) pairs.add(`${stems[k - 1]}+${stems[k]}`);
  return words + pairs.size + new Set(entities).size;
}

/** Claims already aligned for a story context: the wording section asks for them too. */
const claimCache = new WeakMap<StoryContext, StoryClaim[]>();

export function buildClaims(ctx: StoryContext): StoryClaim[] {
  let claims = claimCache.get(ctx);
  if (!claims) {
    claims = alignClaims(ctx);
    claimCache.set(ctx, claims);
  }
  // Copies: a caller may annotate its claims without changing another's.
  return claims.map((c) => ({ ...c, articles: [...c.articles], sentences: c.sentences.map((x) => ({ ...x })) }));
}

function alignClaims(ctx: StoryContext): StoryClaim[] {
  const statements = storyStatements(ctx);
  const weights = new TermSpace();
  const vectors: TermVector[] = statements.map((s) => weights.addStatement(s.stems, s.entities));
  const n = statements.length;
  // Overlaps already worked out, by ordered pair: the cohesion test asks for the same pairs again.
  const known = new PairTable();
  // Statements in two languages share few words: what they share are names and numbers (claims-across.ts).
  const across = pairsAcrossLanguages(statements, new Map(ctx.articles.map((a) => [a.id, a.language?.toLowerCase().split(/[-_]/)[0] ?? null])));
  const sim = (i: number, j: number) => {
    let v = known.get(i, j);
    if (v !== v) {
      v = Math.max(weights.overlap(vectors[i], vectors[j]), across.dice(i, j));
      known.set(i, j, v);
    }
    return v;
  };

  // Candidate pairs: the weight two statements share in exact terms, summed through an inverted
  // index over each statement's rarest terms (a pair sharing none is never looked at); the full
  // overlap is computed only for the closest candidates whose shared weight could reach the bar.
  // Term id → the statements holding it (ids are dense: an array serves as the map).
  const postings: number[][] = [];
  vectors.forEach((v, i) => {
    for (const id of v.ids) {
      const list = postings[id];
      if (list) list.push(i);
      else postings[id] = [i];
    }
  });
  const totals = vectors.map((v) => weights.mass(v));
  const W = weights.idWeights();
  const articleIndex = new Map(ctx.articles.map((a, k) => [a.id, k]));
  const artOf = Int32Array.from(statements.map((st) => articleIndex.get(st.article)!));
  const acc = new Float64Array(n);
  const touched: number[] = [];
  // The candidates of a statement: their statements and exact shares, in the order found.
  const candidates: number[] = [];
  const exacts: number[] = [];
  const top = new Int32Array(CANDIDATE_TERMS);
  const pairs: { i: number; j: number; score: number; contained: number }[] = [];
  // Best overlap of each statement within each other article, by (statement, article).
  const bestIn = new PairTable();
  // Pairs already compared. A pair with a later statement is new (only this statement's own
  // candidates could have found it, and they are distinct); a pair with an earlier one was
  // compared when that one took this one as a candidate. So each statement lists the earlier
  // statements that compared it (a linked list in typed arrays, newest first: no array per
  // statement), marked in `comparedBy` while it is the current one. A statement compares at most
  // MAX_CANDIDATES others, which bounds the lists' room.
  const comparerHead = new Int32Array(n).fill(-1);
  const comparer = new Int32Array(n * MAX_CANDIDATES);
  const nextComparer = new Int32Array(n * MAX_CANDIDATES);
  let comparers = 0;
  const comparedBy = new Int32Array(n).fill(-1);
  for (let i = 0; i < n; i++) {
    touched.length = 0;
    for (let l = comparerHead[i]; l >= 0; l = nextComparer[l]) comparedBy[comparer[l]] = i;
    // Through the statement's rarest words only: a partner sharing none of them cannot come close.
    const rare = rarest(vectors[i].ids, W, CANDIDATE_TERMS, top);
    for (let r = 0; r < rare; r++) {
      const id = top[r];
      const list = postings[id];
      const w = W[id];
      // A word in very many statements: only the next few statements holding it are looked at
      // (joining is transitive, so each statement needs only some of its partners).
      let from = 0;
      if (list.length > POSTINGS_WINDOW) {
        let lo = 0;
        let hi = list.length;
        while (lo < hi) { const mid = (lo + hi) >> 1; if (list[mid] <= i) lo = mid + 1; else hi = mid; }
        from = lo;
      }
      const to = list.length > POSTINGS_WINDOW ? Math.min(list.length, from + POSTINGS_WINDOW) : list.length;
      for (let p = from; p < to; p++) {
        const j = list[p];
        // Both directions: a long statement's rarest words may all be missing from a short
        // paraphrase, whose own rarest words still find the long one.
        if (j === i || artOf[j] === artOf[i]) continue;
        if (acc[j] === 0) touched.push(j);
        acc[j] += w;
      }
    }
    candidates.length = 0;
    exacts.length = 0;
    for (const j of touched) {
      const exact = (2 * acc[j]) / (totals[i] + totals[j]);
      // Variant (prefix) matches can add to the exact share, at most SOFT_CREDIT of the rest; a
      // short statement most of which a long one holds is a candidate too (see claim-match.ts).
      const within = acc[j] / Math.min(totals[i], totals[j]);
      acc[j] = 0;
      if (exact >= MUTUAL_SIMILARITY / 2 || within >= CONTAINED / 2) {
        candidates.push(j);
        exacts.push(exact);
      }
    }
    // In a large story a statement resembles hundreds of others; its closest few by shared words
    // are enough to join it to its claim (the joining is transitive).
    if (candidates.length > MAX_CANDIDATES) closest(candidates, exacts, MAX_CANDIDATES);
    for (const j of candidates) {
      // Each pair once, as (lower, higher), whichever of the two found the other.
      if (j < i) {
        if (comparedBy[j] === i) continue;
      } else {
        comparer[comparers] = i;
        nextComparer[comparers] = comparerHead[j];
        comparerHead[j] = comparers++;
      }
      const a = Math.min(i, j);
      const b = Math.max(i, j);
      // Most candidates fall short and are never asked for again: only a pair that may join a
      // claim is kept for the cohesion test (which works out any other pair it needs).
      const score = weights.overlap(vectors[a], vectors[b]);
      const contained = containment(score, totals[a], totals[b]);
      if (score < MUTUAL_SIMILARITY && contained < CONTAINED) continue;
      known.set(a, b, score);
      pairs.push({ i: a, j: b, score, contained });
      if (!(score <= bestIn.get(a, artOf[b]))) bestIn.set(a, artOf[b], score);
      if (!(score <= bestIn.get(b, artOf[a]))) bestIn.set(b, artOf[a], score);
    }
  }
  // Overlap finds the candidates; what each states (its predicate, negation, figures, quotations)
  // decides whether they state the same fact (see claim-match.ts).
  const facts = statements.map((s) => s.facts);
  const predicateWeights = new TermWeights();
  for (const f of facts) predicateWeights.add(f.predicate);
  const edges = pairs
    .filter(({ i, j, score, contained }) =>
      score >= CLAIM_SIMILARITY || contained >= CONTAINED || (bestIn.get(i, artOf[j]) === score && bestIn.get(j, artOf[i]) === score))
    .map((e) => ({ ...e, confidence: pairConfidence(facts[e.i], facts[e.j], e.score, e.contained, predicateWeights) }));
  const kept = edges.filter((e) => e.confidence >= WEAK_PAIR);
  // Pairs across languages rest on names and numbers alone: firm with three shared, else tentative.
  // Their score ranks them after the pairs of one language that words prove.
  const pairedByWords = new Set(kept.map((e) => e.i * n + e.j));
  for (const p of across.pairs) {
    if (pairedByWords.has(p.i * n + p.j)) continue;
    kept.push({ i: p.i, j: p.j, score: p.dice * CLAIM_SIMILARITY, contained: 0, confidence: p.shared >= FIRM_ANCHORS ? FIRM_ACROSS : WEAK_PAIR });
  }
  // Statements of two articles that translate one another, paired by their place in the two
  // (claims-translation.ts): ranked after every pair by anchors.
  for (const p of across.placed) {
    if (pairedByWords.has(p.i * n + p.j)) continue;
    kept.push({ i: p.i, j: p.j, score: MIN_DICE * CLAIM_SIMILARITY * 0.5, contained: 0, confidence: p.firm ? FIRM_ACROSS : WEAK_PAIR });
  }
  kept.sort((a, b) => b.score - a.score || a.i - b.i || a.j - b.j);

  // Kruskal-like joining under two constraints: one statement per article per claim, and cohesion.
  const groupOf = statements.map((_, i) => i);
  const members = new Map<number, number[]>(statements.map((_, i) => [i, [i]]));
  const articlesOf = new Map<number, Set<string>>(statements.map((st, i) => [i, new Set([st.article])]));
  const find = (x: number): number => (groupOf[x] === x ? x : (groupOf[x] = find(groupOf[x])));
  // Per claim, the confidence of its weakest join: a claim is as sure as its loosest pairing.
  const weakest = new Map<number, number>();
  for (const { i, j, confidence } of kept) {
    const gi = find(i);
    const gj = find(j);
    if (gi === gj) continue;
    const a = members.get(gi)!;
    const b = members.get(gj)!;
    const articles = articlesOf.get(gi)!;
    if (b.some((k) => articles.has(statements[k].article))) continue;
    if (a.length + b.length > 2 && meanSimilarity(a, b, sim) < CLAIM_COHESION) continue;
    groupOf[gj] = gi;
    weakest.set(gi, Math.min(confidence, weakest.get(gi) ?? 1, weakest.get(gj) ?? 1));
    for (const k of b) {
      a.push(k);
      articles.add(statements[k].article);
    }
    members.delete(gj);
    articlesOf.delete(gj);
  }

  const total = independentArticles(ctx, ctx.articles.map((a) => a.id)).size;
  const order = new Map(ctx.articles.map((a, k) => [a.id, k]));
  return [...members.values()]
    .map((group) => {
      group.sort((x, y) => order.get(statements[x].article)! - order.get(statements[y].article)! || x - y);
      const articles = group.map((k) => statements[k].article);
      // The statement closest to the others stands for the claim, unless it cannot stand alone
      // ("made this statement", "He added", a quotation in the first person).
      let rep = group[0];
      let best = -Infinity;
      for (const k of group) {
        let score = -dependence(statements[k].text);
        for (const o of group) if (o !== k) score += sim(k, o);
        if (score > best + 1e-9 || (Math.abs(score - best) <= 1e-9 && statements[k].text.length < statements[rep].text.length)) {
          best = score;
          rep = k;
        }
      }
      const confidence = group.length > 1 ? round(weakest.get(find(group[0])) ?? 1) : 1;
      const tentative = confidence < TENTATIVE;
      const sources = independentArticles(ctx, articles).size;
      const copies = articles.filter((id) => ctx.duplicateOf.has(id));
      return {
        text: statements[rep].text.replace(/^\p{Ll}/u, (c) => c.toUpperCase()),
        articles,
        sentences: group.map((k) => ({ article: statements[k].article, text: statements[k].text })),
        evidence: group.map((k) => ({ article: statements[k].article, text: statements[k].text, start: statements[k].start, end: statements[k].end })),
        confidence,
        ...(tentative ? { tentative } : {}),
        sources,
        ...(copies.length ? { copies } : {}),
        // A tentative pairing is not counted: the claim's coverage is that of one source.
        coverage: coverageOf(tentative ? 1 : sources, total),
      };
    })
    .sort((a, b) => b.articles.length - a.articles.length);
}

/**
 * Keeps in `items` the `k` with the highest `scores` (its parallel array), as the first `k` of a
 * stable sort by descending score would: every item scoring above the k-th highest score, then
 * those scoring just that, in their order, until there are `k`. The order of the kept items is
 * theirs (the caller compares each with the same statement, in any order). Faster than sorting
 * the hundreds of candidates a statement of a large story has.
 */
function closest(items: number[], scores: number[], k: number): void {
  const sorted = Float64Array.from(scores).sort();
  const bar = sorted[sorted.length - k];
  let above = 0;
  for (const x of scores) if (x > bar) above++;
  let ties = k - above;
  let n = 0;
  for (let q = 0; q < items.length; q++) {
    if (scores[q] > bar || (scores[q] === bar && ties-- > 0)) items[n++] = items[q];
  }
  items.length = n;
}

/**
 * The `k` terms of highest weight, heaviest first and, among equal weights, in the order given
 * (a stable sort's first `k`), written into `into`; returns how many.
 */
function rarest(ids: Int32Array, W: Float64Array, k: number, into: Int32Array): number {
  let n = 0;
  for (let x = 0; x < ids.length; x++) {
    const id = ids[x];
    const w = W[id];
    if (n === k && W[into[n - 1]] >= w) continue;
    // After every kept term at least as heavy: ties keep their order.
    let p = n < k ? n : k - 1;
    while (p > 0 && W[into[p - 1]] < w) {
      into[p] = into[p - 1];
      p--;
    }
    into[p] = id;
    if (n < k) n++;
  }
  return n;
}

/**
 * How much a statement leans on its context, 0 when it stands alone: a pronoun or demonstrative
 * subject, "this statement", a quotation opening it, the first person outside quotation marks.
 */
export function dependence(text: string): number {
  let d = 0;
  if (/^(?:He|She|They|It|This|These|That|Those|Such)\b/.test(text) || /\b(?:this|these|that|such) (?:statement|remarks?|report|move|step|decision|comment)s?\b/i.test(text)) d += 0.5;
  if (/^[“"«„‘]/.test(text)) d += 0.3;
  if (/\b(?:I|we|We|our|Our|my|My)\b/.test(text.replace(/[“"«„][^”"»]*[”"»]/g, ' '))) d += 0.3;
  return d;
}

/**
 * The share of the lighter statement's weight that two statements share, from their weighted
 * Dice overlap and their weights (word pairs aside, so an approximation).
 */
function containment(dice: number, a: number, b: number): number {
  return Math.min(1, (dice * (a + b)) / (2 * Math.min(a, b) || 1));
}

/** Mean similarity across two groups, over at most 16 pairs so that large claims stay cheap. */
function meanSimilarity(a: number[], b: number[], sim: (i: number, j: number) => number): number {
  const sa = a.length > 4 ? a.slice(0, 4) : a;
  const sb = b.length > 4 ? b.slice(0, 4) : b;
  let sum = 0;
  for (const x of sa) for (const y of sb) sum += sim(x, y);
  return sum / (sa.length * sb.length);
}

/**
 * Per outlet, the claims only it carries: the story's exclusives and blind spots. A reprint of an
 * outlet's text elsewhere (a near-duplicate) does not make its claims shared: they stay the
 * original's.
 */
export function exclusivesBySource(ctx: StoryContext, claims: StoryClaim[]): { source: string; claims: string[] }[] {
  if (ctx.articles.length < 2) return [];
  const sourceOf = new Map(ctx.articles.map((a) => [a.id, a.source ?? a.id]));
  const out = new Map<string, string[]>();
  for (const c of claims) {
    const originals = independentArticles(ctx, c.articles);
    const sources = new Set([...originals].map((id) => sourceOf.get(id) ?? id));
    if (sources.size !== 1) continue;
    const [s] = sources;
    out.set(s, [...(out.get(s) ?? []), c.text]);
  }
  return [...out].map(([source, cl]) => ({ source, claims: cl }));
}
