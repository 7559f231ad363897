/**
 * The tag schemes of the tagger: IOB2, which it reports, and BILOU, which its models learn, with
 * the moves between them.
 *
 * @module
 */

/** IOB2 tags: what the tagger reports. */
export const TAGS = ['O', 'B-PER', 'I-PER', 'B-ORG', 'I-ORG', 'B-LOC', 'I-LOC', 'B-MISC', 'I-MISC'] as const;
export type Tag = (typeof TAGS)[number];

/**
 * BILOU tags: what the model learns. Marking the last token of a name (L-) and one-word names
 * (U-) apart lets the features of a name's end and of a lone word speak for themselves.
 */
export const BILOU_TAGS: readonly string[] = ['O', ...['PER', 'ORG', 'LOC', 'MISC'].flatMap((t) => ['B', 'I', 'L', 'U'].map((p) => `${p}-${t}`))];

/** Whether BILOU tag `next` may follow `prev` (`<s>` at the start of a sentence). */
export function allowed(prev: string, next: string): boolean {
  const open = prev.startsWith('B-') || prev.startsWith('I-');
  if (open) return (next.startsWith('I-') || next.startsWith('L-')) && next.slice(2) === prev.slice(2);
  return !(next.startsWith('I-') || next.startsWith('L-'));
}

/** IOB2 → BILOU. */
export function toBilou(tags: readonly string[]): string[] {
  return tags.map((t, i) => {
    if (t === 'O') return t;
    const continues = tags[i + 1] === `I-${t.slice(2)}`;
    if (t.startsWith('B-')) return continues ? t : `U-${t.slice(2)}`;
    return continues ? t : `L-${t.slice(2)}`;
  });
}

/** BILOU → IOB2. */
export function toBio(tags: readonly string[]): string[] {
  return tags.map((t) => (t.startsWith('U-') ? `B-${t.slice(2)}` : t.startsWith('L-') ? `I-${t.slice(2)}` : t));
}

/** The best-scoring tag that may follow `prev` (index into `tags`). */
export function bestAllowed(scores: ArrayLike<number>, tags: readonly string[], prev: string): number {
  let best = -1;
  for (let k = 0; k < tags.length; k++) if ((best < 0 || scores[k] > scores[best]) && allowed(prev, tags[k])) best = k;
  return best < 0 ? 0 : best;
}
