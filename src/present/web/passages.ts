/**
 * Where a statement sits in an article: the article's text split into paragraphs and sentences
 * with stable positions (`p3s1`), so that the story page's citations can point at the very sentence
 * they stand for, in the side-by-side view and on the article page alike.
 *
 * @module
 */

/** A sentence's place in an article: paragraph and sentence index, both from 0. */
export interface Position {
  p: number;
  s: number;
}

/** The anchor of a sentence inside its article (unique within the article). */
export const anchorOf = (pos: Position): string => `p${pos.p}s${pos.s}`;

export function paragraphsOf(text: string): string[] {
  return text.split(/\n\s*\n+/).map((p) => p.trim()).filter(Boolean);
}

// A sentence ends at . ! ? (and any closing quotes or brackets) before a space and a capital,
// a digit or an opening quote; "Mr. Stam" or "U.S. officials" are rare enough in news to accept
// the odd extra split, which only makes the marked passage shorter.
const BOUNDARY = /(?<=[.!?…][”"'’)\]]*)\s+(?=[\p{Lu}\p{N}“"‘'(\[])/u;

export function sentencesOf(paragraph: string): string[] {
  return paragraph.split(BOUNDARY).filter((x) => x.trim());
}

/** An article's text as paragraphs of sentences. */
export type Passages = string[][];

export function passagesOf(text: string): Passages {
  return paragraphsOf(text).map(sentencesOf);
}

const words = (s: string): string[] => s.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];

/**
 * The sentence of `passages` that carries `statement`: one that contains it or that it contains,
 * else the one sharing the largest part of its words (at least half), else null. Analysis
 * sentences come from another splitter, so exact equality is not to be expected.
 */
export function locate(passages: Passages, statement: string): Position | null {
  const target = statement.trim();
  if (!target) return null;
  for (let p = 0; p < passages.length; p++)
    for (let s = 0; s < passages[p].length; s++) {
      const x = passages[p][s];
      if (x.includes(target) || (x.length > 20 && target.includes(x))) return { p, s };
    }
  const want = new Set(words(target));
  if (!want.size) return null;
  let best: Position | null = null;
  let bestScore = 0.5;
  for (let p = 0; p < passages.length; p++)
    for (let s = 0; s < passages[p].length; s++) {
      const have = new Set(words(passages[p][s]));
      let common = 0;
      for (const w of want) if (have.has(w)) common++;
      const score = common / Math.max(want.size, have.size);
      if (score > bestScore) {
        bestScore = score;
        best = { p, s };
      }
    }
  return best;
}
