/**
 * Statements of articles in two languages that say the same thing, found by what a translation
 * keeps whatever its words: the story's entities (one person or place under every spelling and
 * alphabet, see entities.ts) and numbers (read to one form in every script and decimal mark, see
 * cluster/anchors.ts). Words themselves are not compared: no dictionary with a usable licence
 * covers the languages, and a pairing that may be wrong is worse than none.
 *
 * So a pair must share at least two such anchors, one of them a name or both numbers, hold mostly
 * the same anchors (Dice ≥ {@link MIN_DICE}), and be each other's only best match in the other's
 * article. A pair sharing three or more anchors is firm; one sharing two is tentative, shown apart.
 * Two articles that translate one another pair their other statements by their place
 * (claims-translation.ts).
 *
 * @module
 */
import { joinNumbers, normaliseNumber } from '../cluster/anchors.js';
import { decimalMark } from '../lang/numbers.js';
import { alignTranslations, type IndexPair, type PlacedPair } from './claims-translation.js';

/** What this module needs of a statement (see claims.ts). */
export interface AnchoredStatement {
  article: string;
  text: string;
  entities: number[];
}

/** A pair of statements (indices, lower first) in two languages, with its anchor overlap. */
export interface AcrossPair {
  i: number;
  j: number;
  /** Dice overlap of the two anchor sets. */
  dice: number;
  /** Anchors both hold. */
  shared: number;
}

/** Share of anchors two statements must hold in common. */
export const MIN_DICE = 0.5;
/** Anchors from which a pairing is firm rather than tentative. */
export const FIRM_ANCHORS = 3;

const NUMBER = /\p{Nd}[\p{Nd}.,'’\u066b\u066c]*\p{Nd}|\p{Nd}/gu;

/** A statement's anchors: `e<entity>` for each entity it names, `n<number>` for each number other than a single digit. */
function anchorsOf(s: AnchoredStatement, lang: string | null): Set<string> {
  const out = new Set<string>();
  for (const e of s.entities) out.add(`e${e}`);
  const mark = lang ? decimalMark(lang) : null;
  // Thousands grouped by spaces ("20 000") and Han myriads (2万) read as the other languages write them.
  for (const m of joinNumbers(s.text).matchAll(NUMBER)) {
    const n = normaliseNumber(m[0], mark);
    // A single digit ("3 people", "2 days") is too common to tell statements apart.
    if (n && (n.length > 1 || n.includes('.'))) out.add(`n${n}`);
  }
  return out;
}

/**
 * Pairs of statements from articles in different languages (`languageOf`: article id → its
 * language; articles of unknown language are left out) that state the same thing by their anchors.
 */
export function pairsAcrossLanguages(
  statements: readonly AnchoredStatement[],
  languageOf: ReadonlyMap<string, string | null>,
): { pairs: AcrossPair[]; placed: PlacedPair[]; dice: (i: number, j: number) => number } {
  const langs = new Set([...languageOf.values()].filter((l): l is string => !!l));
  if (langs.size < 2) return { pairs: [], placed: [], dice: () => 0 };
  const anchors = statements.map((s) => anchorsOf(s, languageOf.get(s.article) ?? null));
  /** The anchor overlap of two statements in two languages (0 within one language): what words are to statements of one language. */
  const dice = (i: number, j: number): number => {
    const li = languageOf.get(statements[i].article);
    const lj = languageOf.get(statements[j].article);
    if (!li || !lj || li === lj || anchors[i].size < 2 || anchors[j].size < 2) return 0;
    let shared = 0;
    for (const a of anchors[i]) if (anchors[j].has(a)) shared++;
    return shared < 2 ? 0 : (2 * shared) / (anchors[i].size + anchors[j].size);
  };
  // Anchor → statements holding it, so only statements sharing one are compared.
  const postings = new Map<string, number[]>();
  anchors.forEach((set, i) => {
    if (set.size < 2 || !languageOf.get(statements[i].article)) return;
    for (const a of set) {
      const list = postings.get(a);
      if (list) list.push(i);
      else postings.set(a, [i]);
    }
  });
  // Candidate pairs and their overlap.
  const candidates = new Map<number, { j: number; dice: number; shared: number }[]>();
  const add = (i: number, j: number, dice: number, shared: number) => {
    const list = candidates.get(i);
    if (list) list.push({ j, dice, shared });
    else candidates.set(i, [{ j, dice, shared }]);
  };
  const counts = new Map<number, number>();
  for (let i = 0; i < statements.length; i++) {
    const li = languageOf.get(statements[i].article);
    if (!li || anchors[i].size < 2) continue;
    counts.clear();
    for (const a of anchors[i]) for (const j of postings.get(a) ?? []) {
      if (j <= i) continue;
      const lj = languageOf.get(statements[j].article);
      if (!lj || lj === li || statements[j].article === statements[i].article) continue;
      counts.set(j, (counts.get(j) ?? 0) + 1);
    }
    for (const [j, shared] of counts) {
      if (shared < 2) continue;
      const both = [...anchors[i]].filter((a) => anchors[j].has(a));
      if (!both.some((a) => a[0] === 'e') && both.length < 2) continue;
      const dice = (2 * shared) / (anchors[i].size + anchors[j].size);
      if (dice < MIN_DICE) continue;
      add(i, j, dice, shared);
      add(j, i, dice, shared);
    }
  }
  // Each other's only best match in the other's article.
  const bestIn = (i: number, article: string) => {
    const list = (candidates.get(i) ?? []).filter((c) => statements[c.j].article === article);
    const top = Math.max(...list.map((c) => c.dice));
    const at = list.filter((c) => c.dice === top);
    return at.length === 1 ? at[0].j : -1;
  };
  const out: AcrossPair[] = [];
  for (const [i, list] of candidates) {
    for (const c of list) {
      if (c.j < i) continue;
      if (bestIn(i, statements[c.j].article) !== c.j || bestIn(c.j, statements[i].article) !== i) continue;
      out.push({ i, j: c.j, dice: c.dice, shared: c.shared });
    }
  }
  // Articles that translate one another pair more statements by their place (claims-translation.ts),
  // and show which of their anchored pairs fall off the path and are wrong.
  const n = statements.length;
  const { pairs: placed, offPath } = alignTranslations(statements, languageOf, out, (k) => anchors[k]);
  // The pairs off the path are some of `out`'s own.
  const wrong = new Set<IndexPair>(offPath);
  const placedAt = new Set(placed.map((p) => p.i * n + p.j));
  // A pair placed by position counts as holding the least overlap a pair by anchors needs.
  const withPlaced = (i: number, j: number): number => (placedAt.has(Math.min(i, j) * n + Math.max(i, j)) ? Math.max(MIN_DICE, dice(i, j)) : dice(i, j));
  return { pairs: out.filter((p) => !wrong.has(p)).sort((a, b) => a.i - b.i || a.j - b.j), placed, dice: withPlaced };
}
