/**
 * Sentence similarity within a story: content words folded to stems, weighted by how rare they
 * are in the story (a word every sentence uses says little), compared by weighted Dice overlap.
 *
 * @module
 */

const STOP = new Set(
  ('the a an of to in on at for and or but is are was were be been being that this these those it its with as by from we our us you ' +
    'they their them he she his her i not will would can could should has have had do does did what which who whom there here also ' +
    'than then so such very more most any some all no nor only just about into over after before while during since until said says ' +
    'told according one two would its it\'s however other others now still even because if when where how why').split(' '),
);

export function stems(text: string): string[] {
  const out: string[] = [];
  for (const w of text.toLowerCase().normalize('NFKD').replace(/\p{M}/gu, '').match(/[\p{L}\p{N}]+/gu) ?? []) {
    if (STOP.has(w) || (w.length < 3 && !/\d/.test(w))) continue;
    out.push(w.replace(/(?:ing|ed|es|s|ly|ment|ship)$/u, '').slice(0, 6));
  }
  return out;
}

export class StoryVocabulary {
  private df = new Map<string, number>();
  private n = 0;

  add(words: Iterable<string>): void {
    this.n++;
    for (const w of new Set(words)) this.df.set(w, (this.df.get(w) ?? 0) + 1);
  }

  weight(w: string): number {
    return Math.log((this.n + 1) / ((this.df.get(w) ?? 0) + 0.5));
  }

  similarity(a: Set<string>, b: Set<string>): number {
    let shared = 0;
    let ta = 0;
    let tb = 0;
    for (const w of a) { const x = this.weight(w); ta += x; if (b.has(w)) shared += x; }
    for (const w of b) tb += this.weight(w);
    return ta + tb ? (2 * shared) / (ta + tb) : 0;
  }
}
