/**
 * The same statement across outlets: quotes are grouped when their speakers resolve to the same
 * entity and their words overlap (one rendering containing most of another's content words, after
 * folding inflections), so "Ukraine's future is in NATO" and "the future of Ukraine is in NATO"
 * are one quote carried by two articles.
 *
 * @module
 */
import type { Article, StoryEntity, StoryQuote } from '../types.js';
import type { QuoteSpan } from '../enrich/types.js';
import { foldWord } from './entities.js';

const STOP = new Set('the a an of to in on at for and or but is are was were be been that this it its with as by from we our us you they their he she his her i not will would can could have has had do does did what which who there'.split(' '));

export function contentWords(text: string): Set<string> {
  const out = new Set<string>();
  for (const w of text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []) {
    if (STOP.has(w) || w.length < 2) continue;
    out.add(stem(w));
  }
  return out;
}

function stem(w: string): string {
  return w.replace(/(?:ing|ed|es|s|ly)$/u, '').slice(0, 7);
}

/** Share of the smaller set's words found in the larger. */
export function containment(a: Set<string>, b: Set<string>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  if (!small.size) return 0;
  let n = 0;
  for (const w of small) if (large.has(w)) n++;
  return n / small.size;
}

/** The entity a speaker span names: by the mention it overlaps, else by a matching surname. */
function speakerEntity(article: string, q: QuoteSpan, entities: StoryEntity[]): StoryEntity | null {
  if (!q.speaker) return null;
  const sp = q.speaker;
  // Entities named inside the speaker span, in order; the head of a phrase comes last
  // ("the statement from the Ukrainian Foreign Ministry" is the ministry's).
  const inside = entities
    .flatMap((e) => e.mentions.filter((m) => m.article === article && m.start !== undefined && m.start < sp.end && (m.end ?? 0) > sp.start).map((m) => ({ e, at: m.start! })))
    .filter((x) => x.e.kind !== 'other')
    .sort((a, b) => a.at - b.at);
  const person = inside.find((x) => x.e.kind === 'person');
  if (person) return person.e;
  const last = foldWord((speakerName(q) ?? sp.text).split(/\s+/).pop() ?? '');
  const persons = entities.filter((e) => e.kind === 'person' && e.mentions.some((m) => foldWord(m.text.split(/\s+/).pop() ?? '') === last));
  if (persons.length === 1) return persons[0];
  return inside.length ? inside[inside.length - 1].e : null;
}

/** The name the finder resolved the speaker to ("he" → "Mark Rutte"), else the words of the span. */
function speakerName(q: QuoteSpan): string | null {
  if (!q.speaker) return null;
  const named = (q.speaker as { name?: unknown }).name;
  return typeof named === 'string' && named ? named : q.speaker.text;
}

interface Rendering {
  article: string;
  text: string;
  direct: boolean;
  words: Set<string>;
}

/** Two renderings say the same thing: one holds nearly all of the other's words. */
function same(a: Set<string>, b: Set<string>): boolean {
  const small = Math.min(a.size, b.size);
  return small >= 2 && containment(a, b) >= (small <= 4 ? 1 : 0.7);
}

export function matchQuotes(articles: Article[], quotesByArticle: Map<string, QuoteSpan[]>, entities: StoryEntity[]): StoryQuote[] {
  const groups: { speaker: string; renderings: Rendering[] }[] = [];
  for (const a of articles) {
    for (const q of quotesByArticle.get(a.id) ?? []) {
      const ent = speakerEntity(a.id, q, entities);
      const speaker = ent?.name ?? speakerName(q) ?? 'unattributed';
      const r: Rendering = { article: a.id, text: q.text, direct: q.direct, words: contentWords(q.text) };
      if (r.words.size < 2) continue;
      // A long quote may hold several statements another outlet quotes apart: it joins each.
      const matches = groups.filter((g) => g.speaker === speaker && g.renderings.some((x) => x.article !== a.id && same(x.words, r.words)) && !g.renderings.some((x) => x.article === a.id));
      if (matches.length) for (const g of matches) g.renderings.push(r);
      else groups.push({ speaker, renderings: [r] });
    }
  }
  // A group whose renderings all stand in a larger group says nothing the larger one does not.
  const key = (r: Rendering) => `${r.article}\u0000${r.text}`;
  const kept = groups.filter((g, i) => {
    const mine = new Set(g.renderings.map(key));
    return !groups.some((o, j) => j !== i && o.renderings.length >= g.renderings.length && (o.renderings.length > g.renderings.length || j < i) && [...mine].every((k) => o.renderings.some((r) => key(r) === k)));
  });
  const out = kept
    .map((g) => {
      // Direct words first; among them the rendering closest to the others stands for the quote.
      const pool = g.renderings.some((r) => r.direct) ? g.renderings.filter((r) => r.direct) : g.renderings;
      const rep = pool
        .map((r) => ({ r, score: g.renderings.reduce((acc, o) => acc + (o === r ? 0 : containment(o.words, r.words)), 0) }))
        .sort((x, y) => y.score - x.score || x.r.text.length - y.r.text.length)[0].r;
      return {
        speaker: g.speaker,
        text: rep.text,
        direct: rep.direct,
        articles: [...new Set(g.renderings.map((r) => r.article))],
        renderings: g.renderings.map((r) => ({ article: r.article, text: r.text })),
      };
    })
    .sort((a, b) => b.articles.length - a.articles.length);
  // Groups that came to stand for the same words by the same speaker are one quote.
  const merged = new Map<string, StoryQuote>();
  for (const q of out) {
    const k = `${q.speaker}\u0000${q.text}`;
    const m = merged.get(k);
    if (!m) { merged.set(k, q); continue; }
    m.articles = [...new Set([...m.articles, ...q.articles])];
    const seen = new Set(m.renderings!.map((r) => `${r.article}\u0000${r.text}`));
    for (const r of q.renderings ?? []) if (!seen.has(`${r.article}\u0000${r.text}`)) m.renderings!.push(r);
  }
  return [...merged.values()];
}
