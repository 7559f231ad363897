/**
 * Variants joined into rows by their pairs. Pairs are taken strongest first, and a pair that would
 * grow a row past its limit is left out: a long chain of loose pairings ("plan" ~ "proposal" ~
 * "budget" ~ "fee") is cut at its weakest links instead of dropping the sure pairs inside it.
 *
 * @module
 */
import type { StoryWording } from '../../types.js';
import type { StoryContext } from '../context.js';
import { divergence, locate } from './find.js';

/** A pair of variant keys ("a\tb") and how sure it is. */
export type PairScores = ReadonlyMap<string, number>;

export interface Group {
  members: string[];
  /**
   * The weakest pair that joined the group: a row is as sure as its loosest link ("crews" ~
   * "teams" may be sure, "teams" ~ "matches" not).
   */
  confidence: number;
}

export function groupPairs(pairs: PairScores, maxMembers: number): Group[] {
  const parent = new Map<string, string>();
  const size = new Map<string, number>();
  const weakest = new Map<string, number>();
  const find = (k: string): string => {
    let r = k;
    while (parent.has(r) && parent.get(r) !== r) r = parent.get(r)!;
    // Path compression: every key on the way points at the root.
    let x = k;
    while (x !== r) {
      const next = parent.get(x)!;
      parent.set(x, r);
      x = next;
    }
    return r;
  };
  const sorted = [...pairs].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0));
  for (const [key, score] of sorted) {
    const [a, b] = key.split('\t');
    for (const k of [a, b]) {
      if (!parent.has(k)) {
        parent.set(k, k);
        size.set(k, 1);
      }
    }
    const ra = find(a);
    const rb = find(b);
    if (ra === rb) continue;
    if (size.get(ra)! + size.get(rb)! > maxMembers) continue;
    parent.set(ra, rb);
    size.set(rb, size.get(ra)! + size.get(rb)!);
    // Pairs come strongest first: the one joining now is the group's weakest so far.
    weakest.set(rb, score);
  }
  const members = new Map<string, string[]>();
  for (const k of parent.keys()) {
    const r = find(k);
    const list = members.get(r);
    if (list) list.push(k);
    else members.set(r, [k]);
  }
  const out: Group[] = [];
  for (const [r, list] of members) if (list.length > 1) out.push({ members: list.sort(), confidence: weakest.get(r)! });
  return out;
}

/**
 * Rows of phrases joined by their pairs (see {@link groupPairs}): each group's phrases found in
 * the story (`textOf` gives a phrase's text as written), kept when the outlets differ in them, and
 * tentative below `tentativeBelow`.
 */
export function rowsFromPairs(ctx: StoryContext, pairs: PairScores, textOf: (key: string) => string, maxVariants: number, tentativeBelow: number): StoryWording[] {
  const out: StoryWording[] = [];
  for (const { members, confidence } of groupPairs(pairs, maxVariants)) {
    const variants = locate(ctx, members.map(textOf), false, undefined, true);
    if (variants.length < 2 || divergence(ctx, variants) === 0) continue;
    const row: StoryWording = {
      concept: `what outlets call ${variants.map((v) => `"${v.text}"`).join(' / ')}`,
      variants: variants.map((v) => ({ text: v.text, articles: v.articles })),
      evidence: variants.flatMap((v) => v.evidence),
      confidence: Math.round(confidence * 100) / 100,
    };
    if (confidence < tentativeBelow) row.tentative = true;
    out.push(row);
  }
  return out;
}

/**
 * The Dice overlap of the most alike pair of sentence contexts (sets of content stems), 0 when
 * they share fewer than `minShared` words. A person both sentences name (an `@name` element)
 * counts as two words: who it is about ties two sentences more than a word does ("Doe said in a
 * radio appeal" / "Doe said in an appeal to the nation").
 */
export function bestDice(a: readonly Set<string>[], b: readonly Set<string>[], minShared: number): number {
  let best = 0;
  for (const x of a) {
    for (const y of b) {
      let shared = 0;
      for (const w of x) if (y.has(w)) shared += w.startsWith('@') ? 2 : 1;
      if (shared < minShared) continue;
      best = Math.max(best, (2 * shared) / (x.size + y.size));
    }
  }
  return best;
}
