/**
 * How each outlet describes a person: the title or description it puts before the name ("outgoing
 * harbour master Jane Doe") or in apposition after it ("Jane Doe, the outgoing chairman of the
 * Harbour Board,"). The referent is certain (the name says who), so a row is as sure as the
 * grammar that found its descriptions; what differs is how the person is presented ("adviser" or
 * "chief negotiator", "former" or not).
 *
 * Only descriptions of two words or more: a lone title before a surname ("President Doe", "Ms.
 * Doe") is a form of reference, shown by names.ts.
 *
 * @module
 */
import type { StoryWording } from '../../types.js';
import type { StoryContext } from '../context.js';
import { divergence, locate, outletOf } from './find.js';
import { bodyParts, capitalised, spellingKey, type Part } from './phrase.js';

/** Confidence of a row: the grammar of an appositive or a title can be misread, the person cannot. */
const DESCRIPTION_CONFIDENCE = 0.75;
/** At most this many words in a description. */
const MAX_WORDS = 8;
/** At most this many variants in one row. */
const MAX_VARIANTS = 6;
/** Words that may join a title's parts: "Secretary of State", "chairman of the Harbour Board". */
const JOINS = new Set(['of', 'for', 'the', 'and']);
/** Determiners opening an appositive: "Jane Doe, the outgoing chairman, said". */
const APPOSITIVE_OPENER = /^(?:the|a|an|his|her|their|its)$/;

export function descriptionVariants(ctx: StoryContext): StoryWording[] {
  const outlet = outletOf(ctx);
  const out: StoryWording[] = [];
  const byArticle = new Map(ctx.articles.map((a) => [a.id, a]));
  for (const e of ctx.entities) {
    if (e.kind !== 'person' || e.name.split(/\s+/).length < 2) continue;
    const found = new Map<string, { text: string; outlets: Set<string> }>();
    for (const m of e.mentions) {
      if (m.start === undefined || m.end === undefined || m.text.split(/\s+/).length < 2) continue;
      const a = byArticle.get(m.article);
      if (!a || ctx.duplicateOf.has(a.id)) continue;
      const parts = bodyParts(ctx, a);
      const first = indexAt(parts, m.start);
      const last = indexAt(parts, m.end - 1);
      if (first < 0 || last < 0) continue;
      // A title before two names ("harbour masters Jane Doe and John Roe") is no one's own.
      const shared = /^\s+and\s+\p{Lu}/u.test(a.text.slice(m.end, m.end + 8));
      for (const d of [shared ? null : before(a.text, parts, first), after(a.text, parts, last)]) {
        if (!d) continue;
        const key = spellingKey(d);
        const held = found.get(key) ?? { text: d, outlets: new Set<string>() };
        held.outlets.add(outlet(a.id));
        found.set(key, held);
      }
    }
    if (found.size < 2) continue;
    const texts = [...found.values()].sort((x, y) => y.outlets.size - x.outlets.size || x.text.localeCompare(y.text)).slice(0, MAX_VARIANTS).map((f) => f.text);
    const variants = locate(ctx, texts, false, undefined, true);
    if (variants.length < 2 || divergence(ctx, variants) === 0) continue;
    out.push({
      concept: `how outlets describe ${e.name}`,
      variants: variants.map((v) => ({ text: v.text, articles: v.articles })),
      evidence: variants.flatMap((v) => v.evidence),
      confidence: DESCRIPTION_CONFIDENCE,
    });
  }
  return out;
}

/** The index of the part holding an offset, or -1. */
function indexAt(parts: Part[], offset: number): number {
  let lo = 0;
  let hi = parts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (parts[mid].end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo < parts.length && parts[lo].start <= offset ? lo : -1;
}

/**
 * The title before a name: the words right before it, back to a determiner, a punctuation mark or
 * a word that is no modifier, ending on a noun ("outgoing harbour master"); capitalised words and
 * "of" between them count ("Secretary of State").
 */
function before(text: string, parts: Part[], first: number): string | null {
  let from = first;
  for (let k = first - 1; k >= 0 && first - k <= MAX_WORDS; k--) {
    const p = parts[k];
    if (!parts[k + 1].joined) break;
    const cap = capitalised(p);
    if (p.cls === 'N' || p.cls === 'J' || (cap && p.cls !== 'D' && p.cls !== 'O')) from = k;
    else if (JOINS.has(p.fold) && p.fold !== 'the' && k > 0 && capitalised(parts[k - 1]) && cap === false && capitalised(parts[k + 1])) from = k;
    else break;
  }
  // Back to the first word that is no joining word; the last word before the name is the head.
  while (from < first && JOINS.has(parts[from].fold)) from++;
  if (first - from < 2 || parts[first - 1].cls !== 'N') return null;
  // A possessive inside ("Acme's chief Jane Doe") makes the title someone else's.
  for (let k = from; k < first; k++) if (parts[k].fold.endsWith("'s")) return null;
  return text.slice(parts[from].start, parts[first - 1].end).replace(/\s+/g, ' ');
}

/**
 * The appositive after a name: ", the outgoing chairman of the Harbour Board," — a determiner,
 * then modifiers ending on a noun, maybe with "of"/"for" and what it governs, closed by a comma
 * or the sentence's end. The determiner is left out of the description.
 */
function after(text: string, parts: Part[], last: number): string | null {
  const det = parts[last + 1];
  if (!det || !/^\s*,\s*$/.test(text.slice(parts[last].end, det.start)) || !APPOSITIVE_OPENER.test(det.fold)) return null;
  const from = last + 2;
  let to = from;
  while (to < parts.length && to - from < MAX_WORDS) {
    const p = parts[to];
    if (to > from && !p.joined) break;
    if (p.cls === 'N' || p.cls === 'J' || p.cls === 'G' || capitalised(p) || (JOINS.has(p.fold) && to > from)) to++;
    else return null;
  }
  if (to === from || to - from > MAX_WORDS) return null;
  // Closed by a comma, a full stop or a dash: the appositive is whole.
  const close = text.slice(parts[to - 1].end, parts[to - 1].end + 2);
  if (!/^\s*[,.;—–-]/.test(close) && to < parts.length) return null;
  // A comma inside a name's list ("Bureau of Wool, Flax and Silk") does not close it: the
  // description would be cut, so none is taken.
  if (/^\s*,/.test(close) && to < parts.length && capitalised(parts[to - 1]) && capitalised(parts[to])) return null;
  let end = to - 1;
  while (end > from && JOINS.has(parts[end].fold)) end--;
  if (end - from < 1 || parts[end].cls === 'J') return null;
  return text.slice(parts[from].start, parts[end].end).replace(/\s+/g, ' ');
}
