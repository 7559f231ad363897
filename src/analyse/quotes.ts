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
  const byMention = entities.find((e) => e.mentions.some((m) => m.article === article && m.start !== undefined && m.start < sp.end && (m.end ?? 0) > sp.start));
  if (byMention && byMention.kind === 'person') return byMention;
  const last = foldWord(sp.text.split(/\s+/).pop() ?? '');
  const persons = entities.filter((e) => e.kind === 'person' && e.mentions.some((m) => foldWord(m.text.split(/\s+/).pop() ?? '') === last));
  return persons.length === 1 ? persons[0] : byMention ?? null;
}

interface Group {
  speaker: string;
  direct: boolean;
  words: Set<string>;
  renderings: { article: string; text: string }[];
}

export function matchQuotes(articles: Article[], quotesByArticle: Map<string, QuoteSpan[]>, entities: StoryEntity[]): StoryQuote[] {
  const groups: Group[] = [];
  for (const a of articles) {
    for (const q of quotesByArticle.get(a.id) ?? []) {
      const ent = speakerEntity(a.id, q, entities);
      const speaker = ent?.name ?? q.speaker?.text ?? 'unattributed';
      const words = contentWords(q.text);
      if (words.size < 2) continue;
      const g = groups.find((x) => x.speaker === speaker && containment(x.words, words) >= 0.6 && !x.renderings.some((r) => r.article === a.id));
      if (g) {
        g.renderings.push({ article: a.id, text: q.text });
        for (const w of words) g.words.add(w);
        g.direct ||= q.direct;
      } else groups.push({ speaker, direct: q.direct, words, renderings: [{ article: a.id, text: q.text }] });
    }
  }
  return groups
    .map((g) => {
      // The rendering most outlets share words with stands for the quote.
      const text = g.renderings.map((r) => r.text).sort((x, y) => y.length - x.length)[0];
      return { speaker: g.speaker, text, direct: g.direct, articles: [...new Set(g.renderings.map((r) => r.article))], renderings: g.renderings };
    })
    .sort((a, b) => b.articles.length - a.articles.length);
}
