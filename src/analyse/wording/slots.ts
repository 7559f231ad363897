/**
 * Phrases that fill the same slot of one claim. Where outlets carry one claim (statements aligned
 * as saying the same thing, see claims.ts), their sentences are aligned word by word (longest
 * common subsequence of word parts); where the two differ between aligned words, each side's
 * noun phrase around the difference is its way of naming that part: "soaring prices" against
 * "rising prices", "export economy" against "export-led economy", "walkout" against
 * "strike". Only differences that are noun phrases on both sides count, none naming a person or
 * giving a number (those are who and how many, not wording), and only where the words that differ
 * are not said elsewhere in the other sentence (then the difference is one of order, not of
 * words).
 *
 * @module
 */
import type { StoryClaim, StoryWording } from '../../types.js';
import type { StoryContext } from '../context.js';
import { buildClaims } from '../claims.js';
import { stem } from '../similarity/text.js';
import { perMillion } from '../similarity/background.js';
import { relatedNouns } from '../similarity/nouns.js';
import { divergence, locate, outletOf, personSpans } from './find.js';
import { capitalised, head, modifier, nominal, bodyParts, partsBetween, spanText, spellingKey, unbroken, type Part } from './phrase.js';

/** At most this many claims are aligned word by word. */
const MAX_CLAIMS = 150;
/** At most this many sentences of one claim are compared pairwise (one per outlet). */
const MAX_SENTENCES = 6;
/** A sentence longer than this (in parts) is not aligned: its slots are too many to be sure of. */
const MAX_PARTS = 80;
/** A variant of one word must be rarer than this (per million words of general English). */
const LONE_WORD_PER_MILLION = 300;
/** How far (in parts) from a difference an aligned content word may stand to place it. */
const ANCHOR_REACH = 3;
/** At most this many word parts in a variant. */
const MAX_VARIANT_PARTS = 5;
/** At most this many variants in one row: more means a chain of loose pairings. */
const MAX_VARIANTS = 5;

interface Aligned {
  article: string;
  text: string;
  base: number;
  parts: Part[];
}

interface SlotPair {
  a: string;
  b: string;
  /** Share of the longer sentence's parts aligned with the other: how closely the two correspond. */
  aligned: number;
  /** Found only by aligning a clause with the other sentence: weaker evidence, see CLAUSE_CONFIDENCE. */
  clause: boolean;
}

/** The longest common subsequence of two rows of word keys (stems), as matched index pairs. */
function lcs(x: string[], y: string[]): [number, number][] {
  const n = x.length;
  const m = y.length;
  const dp = new Uint16Array((n + 1) * (m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      dp[i * (m + 1) + j] = x[i] === y[j] ? dp[(i + 1) * (m + 1) + j + 1] + 1 : Math.max(dp[(i + 1) * (m + 1) + j], dp[i * (m + 1) + j + 1]);
    }
  }
  const out: [number, number][] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (x[i] === y[j]) out.push([i++, j++]);
    else if (dp[(i + 1) * (m + 1) + j] >= dp[i * (m + 1) + j + 1]) i++;
    else j++;
  }
  return out;
}

/**
 * The noun phrase around a difference [from, to): its stop words at either end trimmed, the parts
 * hyphenated to it taken in, a head noun after it taken in, and — when the other side has no
 * words there (a modifier one outlet adds) — the modifier before it too.
 */
function nounPhrase(parts: Part[], from: number, to: number, inserted: boolean): [number, number] | null {
  while (from < to && (parts[from].cls === 'O' || parts[from].cls === 'D') && !parts[from].hyphen) from++;
  while (to > from && (parts[to - 1].cls === 'O' || parts[to - 1].cls === 'D') && !parts[to]?.hyphen) to--;
  if (from === to && !inserted) return null;
  // Hyphenated compounds stay whole.
  const gapStart = from;
  while (from > 0 && parts[from]?.hyphen) from--;
  while (to < parts.length && parts[to].hyphen) to++;
  // The head: the noun right after a difference that does not end on one ("cap" in "rent cap deal"),
  // ends on a hyphenated compound, which modifies what follows ("export-led economy"), or is a
  // modifier one side adds ("emergency management plans" / "emergency plans").
  if ((from === to || inserted || !head(parts[to - 1]) || parts[to - 1].hyphen) && to < parts.length && head(parts[to])) {
    to++;
    while (to < parts.length && parts[to].hyphen) to++;
  }
  // A lone head is shown with the modifier both sides share ("steel works" / "steel
  // mills"): the bare head says less of what is named.
  const lone = !inserted && from === gapStart && to - from === 1 && from > 0 && modifier(parts[from - 1]) && !parts[from - 1].fold.endsWith("'s");
  if ((inserted && from === gapStart) || from === to || lone) {
    // A modifier one outlet adds ("export-led economy" against "export economy") is shown with a
    // modifier both share (here taken in with the hyphen); without one ("debate" against "budget
    // debate") it is a detail, not a wording.
    if (from === 0 || !modifier(parts[from - 1]) || parts[from - 1].fold.endsWith("'s")) return null;
    from--;
    while (from > 0 && parts[from].hyphen) from--;
  }
  // A possessive in front is whose, not what: "Acme's export economy" is named "export economy".
  for (let k = to - 2; k >= from; k--) {
    if (parts[k].fold.endsWith("'s")) {
      from = k + 1;
      break;
    }
  }
  if (to - from > MAX_VARIANT_PARTS || !head(parts[to - 1]) || parts[to - 1].fold.endsWith("'s")) return null;
  // A capitalised head with a capitalised word after it is the start of a name ("White House").
  if (to < parts.length && capitalised(parts[to - 1]) && capitalised(parts[to])) return null;
  // A lone word as common as "new" or "time" says too little of what is named (and the lexicon
  // may take an adjective for a noun).
  if (to - from === 1 && perMillion(parts[from].fold) >= LONE_WORD_PER_MILLION) return null;
  return nominal(parts, from, to) && unbroken(parts, from, to) ? [from, to] : null;
}

/** Whether a variant names one of the story's people: then the slot is who, not how. */
function namesPerson(s: Aligned, from: number, to: number, people: Map<string, { start: number; end: number }[]>): boolean {
  const a = s.parts[from].start;
  const b = s.parts[to - 1].end;
  return (people.get(s.article) ?? []).some((m) => m.start < b && a < m.end);
}

/**
 * The slot pairs of two aligned runs of words (sentences or clauses); `xWords` and `yWords` are
 * the stems of the whole sentences, for telling a difference of words from one of order.
 */
function slotPairs(x: Aligned, y: Aligned, people: Map<string, { start: number; end: number }[]>, names: Set<string>, xWords: Set<string>, yWords: Set<string>, clause = false): SlotPair[] {
  // Words compared by stem: "continues" and "continue" align.
  const xKeys = keysOf(x.parts);
  const yKeys = keysOf(y.parts);
  const matched = lcs(xKeys, yKeys);
  const out: SlotPair[] = [];
  // A difference is placed by the words the two share near it: a content word aligned within
  // ANCHOR_REACH parts before or after it ("shelled the … of the south").
  const anchor = new Uint8Array(x.parts.length);
  for (const [i] of matched) if (x.parts[i].cls !== 'O' && x.parts[i].cls !== 'D') anchor[i] = 1;
  const near = (from: number, to: number) => {
    for (let k = Math.max(0, from); k < Math.min(x.parts.length, to); k++) if (anchor[k]) return true;
    return false;
  };
  // How closely the two correspond: the share of the longer aligned; for a clause against a whole
  // sentence, the density of the alignment over the stretch of each it covers (a clause matched
  // to words scattered over the other sentence is no paraphrase of it).
  let share = matched.length / Math.max(x.parts.length, y.parts.length);
  if (clause) {
    const contentMatches = matched.filter(([i]) => content(x.parts[i])).length;
    const stretch = (k: 0 | 1) => (matched.length ? matched[matched.length - 1][k] - matched[0][k] + 1 : 1);
    share = contentMatches < 2 ? 0 : (2 * matched.length) / (stretch(0) + stretch(1));
  }
  if (share === 0) return [];
  let pi = -1;
  let pj = -1;
  for (const [i, j] of [...matched, [x.parts.length, y.parts.length] as [number, number]]) {
    const gx: [number, number] = [pi + 1, i];
    const gy: [number, number] = [pj + 1, j];
    pi = i;
    pj = j;
    if (gx[0] === gx[1] && gy[0] === gy[1]) continue;
    if (!near(gx[0] - ANCHOR_REACH, gx[0]) && !near(i, i + ANCHOR_REACH)) continue;
    // Against a clause, a long difference (the rest of the other sentence) is cut to the noun
    // phrase next to the aligned word.
    if (clause) {
      const rightAnchor = i < x.parts.length && content(x.parts[i]);
      shrink(x.parts, gx, rightAnchor);
      shrink(y.parts, gy, rightAnchor);
    }
    // Words of one side said elsewhere in the other sentence: a difference of order, not of words.
    const ox = own(x, xKeys, gx, yWords);
    const oy = own(y, yKeys, gy, xWords);
    if (ox + oy === 0 || ox < gx[1] - gx[0] - stops(x.parts, gx) || oy < gy[1] - gy[0] - stops(y.parts, gy)) continue;
    const inserted = gx[0] === gx[1] || gy[0] === gy[1];
    const nx = nounPhrase(x.parts, gx[0], gx[1], inserted);
    const ny = nounPhrase(y.parts, gy[0], gy[1], inserted);
    if (!nx || !ny) continue;
    if (namesPerson(x, nx[0], nx[1], people) || namesPerson(y, ny[0], ny[1], people)) continue;
    const a = spanText(x.text, x.parts, nx[0], nx[1], x.base);
    const b = spanText(y.text, y.parts, ny[0], ny[1], y.base);
    if (spellingKey(a) === spellingKey(b) || names.has(spellingKey(a)) || names.has(spellingKey(b))) continue;
    out.push({ a, b, aligned: share, clause });
  }
  return out;
}

/** The content words of a difference that the other sentence does not say elsewhere. */
function own(s: Aligned, keys: string[], g: [number, number], other: Set<string>): number {
  let n = 0;
  for (let k = g[0]; k < g[1]; k++) if (s.parts[k].cls !== 'O' && s.parts[k].cls !== 'D' && !other.has(keys[k])) n++;
  return n;
}

/**
 * The slot pairs of two sentences: aligned whole, and each clause of one against the whole of the
 * other, since outlets reorder clauses ("X, Doe said" / "Doe said X") and one alignment of the
 * whole sentences keeps only one order.
 */
function alignedPairs(x: Aligned, y: Aligned, people: Map<string, { start: number; end: number }[]>, names: Set<string>): SlotPair[] {
  const xAll = wordsOf(x);
  const yAll = wordsOf(y);
  const out = slotPairs(x, y, people, names, xAll, yAll);
  const cx = clausesOf(x);
  const cy = clausesOf(y);
  if (cx.length > 1) for (const c of cx) out.push(...slotPairs(c, y, people, names, xAll, yAll, true));
  if (cy.length > 1) for (const c of cy) out.push(...slotPairs(x, c, people, names, xAll, yAll, true));
  return out;
}

/**
 * What a sentence is compared by, worked out once however many of a claim's sentences it is
 * aligned with: the stems of its parts (by parts array), its set of stems, its clauses.
 */
const stemKeys = new WeakMap<Part[], string[]>();
const wordSets = new WeakMap<Aligned, Set<string>>();
const clauseLists = new WeakMap<Aligned, Aligned[]>();

function keysOf(parts: Part[]): string[] {
  let keys = stemKeys.get(parts);
  if (!keys) stemKeys.set(parts, (keys = parts.map((p) => stem(p.fold))));
  return keys;
}

function wordsOf(s: Aligned): Set<string> {
  let words = wordSets.get(s);
  if (!words) wordSets.set(s, (words = new Set(keysOf(s.parts))));
  return words;
}

function clausesOf(s: Aligned): Aligned[] {
  let list = clauseLists.get(s);
  if (!list) clauseLists.set(s, (list = clauses(s)));
  return list;
}

/** A sentence's clauses: its parts cut where punctuation or a quotation mark stands between two. */
function clauses(s: Aligned): Aligned[] {
  const out: Aligned[] = [];
  let from = 0;
  for (let k = 1; k <= s.parts.length; k++) {
    const cut = k === s.parts.length || /[,;:"“”«»()—–]|\.\s/.test(s.text.slice(s.parts[k - 1].end - s.base, s.parts[k].start - s.base));
    if (!cut) continue;
    if (k - from >= 3) out.push({ ...s, parts: s.parts.slice(from, k) });
    from = k;
  }
  return out;
}

const content = (p: Part) => p.cls !== 'O' && p.cls !== 'D';

/**
 * A difference longer than a variant can be, cut (in place) to the run of modifiers and nouns
 * next to its aligned neighbour: at its end when the word after it is aligned, else at its start.
 */
function shrink(parts: Part[], g: [number, number], atEnd: boolean): void {
  if (g[1] - g[0] <= MAX_VARIANT_PARTS) return;
  const phrasal = (p: Part) => modifier(p) || p.hyphen;
  if (atEnd) {
    let to = g[1];
    while (to > g[0] && !content(parts[to - 1])) to--;
    let from = to;
    while (from > g[0] && (phrasal(parts[from - 1]) || parts[from].hyphen) && to - from < MAX_VARIANT_PARTS) from--;
    g[0] = from;
    g[1] = to;
  } else {
    let from = g[0];
    while (from < g[1] && !content(parts[from])) from++;
    let to = from;
    while (to < g[1] && phrasal(parts[to]) && to - from < MAX_VARIANT_PARTS) to++;
    g[0] = from;
    g[1] = to;
  }
}

function stops(parts: Part[], g: [number, number]): number {
  let n = 0;
  for (let k = g[0]; k < g[1]; k++) if (parts[k].cls === 'O' || parts[k].cls === 'D') n++;
  return n;
}

/**
 * Confidence of a slot row: sentences that correspond word for word but for the slot place it
 * surely, loose paraphrases less so; each further pair and a word both variants share add to it.
 */
function slotConfidence(aligned: number, pairs: number, shareWord: boolean): number {
  return Math.min(0.9, 0.25 + 0.5 * aligned + 0.1 * (pairs - 1) + (shareWord ? 0.1 : 0));
}

/** Below this confidence a slot row is shown as tentative; below SLOT_MIN it is not shown. */
const SLOT_TENTATIVE = 0.6;
const SLOT_MIN = 0.45;
/**
 * A row only clause alignments found, or whose heads differ and WordNet does not relate, is at
 * most this sure (tentative): reordered sentences align less surely than parallel ones, and two
 * heads in one slot may name two things.
 */
const CLAUSE_CONFIDENCE = 0.55;

export function slotVariants(ctx: StoryContext, claims: StoryClaim[] = buildClaims(ctx)): StoryWording[] {
  const outlet = outletOf(ctx);
  const textOf = new Map(ctx.articles.map((a) => [a.id, a.text]));
  const people = personSpans(ctx);
  // A variant that is just a name ("Norland" against "membership") fills the slot with who or
  // where, not with a wording; names against names are compared in names.ts.
  const names = new Set(ctx.entities.flatMap((e) => e.mentions.map((m) => spellingKey(m.text))));
  // Variant (folded) → its spelling, and the pairs that join variants, with how often each is seen.
  const pairCount = new Map<string, number>();
  const pairAligned = new Map<string, number>();
  // Pairs some whole-sentence alignment found (the others come from clause alignments only).
  const wholePair = new Set<string>();
  const spelling = new Map<string, string>();
  const articleOf = new Map(ctx.articles.map((a) => [a.id, a]));
  // The claims more outlets carry first, and at most MAX_CLAIMS of them: a bound on the work in a
  // large story, where the widely carried claims hold most of its shared wording.
  const shared = claims
    .map((c) => ({ c, outlets: new Set(c.articles.map(outlet)).size }))
    .filter((x) => x.outlets >= 2)
    .sort((a, b) => b.outlets - a.outlets)
    .slice(0, MAX_CLAIMS);
  for (const { c: claim } of shared) {
    const seen = new Set<string>();
    const aligned: Aligned[] = [];
    for (const s of claim.sentences) {
      const o = outlet(s.article);
      if (seen.has(o) || aligned.length >= MAX_SENTENCES) continue;
      const text = textOf.get(s.article);
      const base = text?.indexOf(s.text) ?? -1;
      if (base < 0) continue;
      const parts = partsBetween(bodyParts(ctx, articleOf.get(s.article)!), base, base + s.text.length);
      if (parts.length > MAX_PARTS) continue;
      seen.add(o);
      aligned.push({ article: s.article, text: s.text, base, parts });
    }
    for (let i = 0; i < aligned.length; i++) {
      for (let j = i + 1; j < aligned.length; j++) {
        for (const { a, b, aligned: share, clause } of alignedPairs(aligned[i], aligned[j], people, names)) {
          const ka = spellingKey(a);
          const kb = spellingKey(b);
          if (!spelling.has(ka)) spelling.set(ka, a);
          if (!spelling.has(kb)) spelling.set(kb, b);
          const key = ka < kb ? `${ka}\t${kb}` : `${kb}\t${ka}`;
          pairCount.set(key, (pairCount.get(key) ?? 0) + 1);
          pairAligned.set(key, Math.max(pairAligned.get(key) ?? 0, share));
          if (!clause) wholePair.add(key);
        }
      }
    }
  }
  // Variants joined by their pairs; a group that grows past MAX_VARIANTS is a chain and is dropped.
  const parent = new Map<string, string>();
  const find = (k: string): string => {
    const p = parent.get(k) ?? k;
    if (p === k) return k;
    const r = find(p);
    parent.set(k, r);
    return r;
  };
  for (const key of pairCount.keys()) {
    const [a, b] = key.split('\t');
    parent.set(find(a), find(b));
  }
  const groups = new Map<string, string[]>();
  for (const k of spelling.keys()) {
    const r = find(k);
    groups.set(r, [...(groups.get(r) ?? []), k]);
  }
  const out: StoryWording[] = [];
  for (const members of groups.values()) {
    if (members.length < 2 || members.length > MAX_VARIANTS) continue;
    let pairs = 0;
    let share = 0;
    let whole = false;
    for (const [key, n] of pairCount) {
      if (!members.includes(key.split('\t')[0])) continue;
      pairs += n;
      share = Math.max(share, pairAligned.get(key)!);
      whole ||= wholePair.has(key);
    }
    const words = members.map((m) => new Set(m.split(' ')));
    const shareWord = words.some((w, i) => words.some((o, j) => j !== i && [...w].some((x) => o.has(x))));
    const variants = locate(ctx, members.map((m) => spelling.get(m)!), false, undefined, true);
    if (variants.length < 2 || divergence(ctx, variants) === 0) continue;
    // Two heads name one thing when they are one word or WordNet relates them; otherwise the slot
    // may hold two things ("communities" / "children", "federal courts" / "federal agencies").
    const heads = members.map((m) => m.slice(m.lastIndexOf(' ') + 1));
    const agree = heads.some((a, i) => heads.some((b, j) => j > i && (stem(a) === stem(b) || relatedNouns(a, b))));
    const raw = slotConfidence(share, pairs, shareWord);
    const confidence = Math.round((whole && agree ? raw : Math.min(raw, CLAUSE_CONFIDENCE)) * 100) / 100;
    const row: StoryWording = {
      concept: `what outlets call ${variants.map((v) => `"${v.text}"`).join(' / ')}`,
      variants: variants.map((v) => ({ text: v.text, articles: v.articles })),
      evidence: variants.flatMap((v) => v.evidence),
      confidence,
    };
    if (confidence < SLOT_MIN) continue;
    if (confidence < SLOT_TENTATIVE) row.tentative = true;
    out.push(row);
  }
  return out;
}
