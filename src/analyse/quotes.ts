/**
 * The same statement across outlets. Each quote is cut into statements (its sentences, and
 * clauses joined by "and that"), since one outlet quotes in one breath what another quotes apart.
 * Statements are grouped when their speakers resolve to the same entity and their words agree:
 * one holds most of the other's content words, weighted by how rare each word is in the story
 * (so "irreversible" and "path" count for more than "Ukraine" and "NATO"), after folding
 * inflections. "Ukraine's future is in NATO" and "the future of Ukraine is in NATO" are then one
 * quote carried by two articles.
 *
 * @module
 */
import type { Article, StoryEntity, StoryQuote } from '../types.js';
import type { QuoteSpan } from '../enrich/types.js';
import { foldWord } from './entities.js';

const STOP = new Set(
  ('the a an of to in on at for and or but is are was were be been that this it its with as by from we our us you they their he she his her i not ' +
    'will would can could have has had do does did what which who there so if than then also very just about into over more most all any some').split(' '),
);

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

/** The name the finder resolved the speaker to ("he" → "Mark Rutte"), else the words of the span. */
function speakerName(q: QuoteSpan): string | null {
  if (!q.speaker) return null;
  const named = (q.speaker as { name?: unknown }).name;
  return typeof named === 'string' && named ? named : q.speaker.text;
}

/** The entity a speaker names: by the mention its span overlaps, else by its name's last word. */
function speakerEntity(article: string, q: QuoteSpan, entities: StoryEntity[]): StoryEntity | null {
  if (!q.speaker) return null;
  const sp = q.speaker;
  const name = speakerName(q) ?? sp.text;
  const last = foldWord(name.split(/\s+/).pop() ?? '');
  // The resolved name first: "he" resolved to "Mark Rutte" is Rutte's, whatever the span overlaps.
  const byName = entities.filter((e) => e.kind === 'person' && e.mentions.some((m) => foldWord(m.text.split(/\s+/).pop() ?? '') === last));
  if (byName.length === 1) return byName[0];
  // Entities named inside the speaker span, in order; a person first, else the head of the phrase
  // (last: "the statement from the Ukrainian Foreign Ministry" is the ministry's).
  const inside = entities
    .flatMap((e) => e.mentions.filter((m) => m.article === article && m.start !== undefined && m.start < sp.end && (m.end ?? 0) > sp.start).map((m) => ({ e, at: m.start! })))
    .filter((x) => x.e.kind !== 'other')
    .sort((a, b) => a.at - b.at);
  const person = inside.find((x) => x.e.kind === 'person');
  if (person) return person.e;
  const byAnyName = entities.filter((e) => e.kind !== 'other' && e.mentions.some((m) => foldWord(m.text) === foldWord(name)));
  if (byAnyName.length === 1) return byAnyName[0];
  return inside.length ? inside[inside.length - 1].e : null;
}

interface Statement {
  article: string;
  text: string;
  direct: boolean;
  words: Set<string>;
}

/**
 * A quote's statements. Where the reporter's sentence carries the speaker's words in marks ("Rutte
 * said that “the most crucial thing we have to do now” is ensuring that “Ukraine … from a position
 * of strength”"), each quoted fragment is a statement: those are the words outlets share. Otherwise
 * the sentences, and clauses joined by "and that".
 */
export function statements(text: string): string[] {
  const fragments = [...text.matchAll(/["“„«]([^"“”„«»]+)["”»“]/gu)].map((m) => m[1].trim()).filter((f) => f.split(/\s+/).length >= 3);
  // The words outside the marks: a quotation that is the whole content keeps its sentences apart.
  const outside = text.replace(/["“„«][^"“”„«»]+["”»“]/gu, ' ').split(/\s+/).filter((w) => /\p{L}/u.test(w)).length;
  const source = fragments.length >= 2 || (fragments.length === 1 && outside >= 3) ? fragments : [text];
  return source
    .flatMap((t) => t.split(/(?<=[.!?]["”’»]?)\s+(?=["“„«]?\p{Lu})|,?\s+and that\s+|;\s+/u))
    .map((s) => s.trim())
    .filter((s) => /[\p{L}]/u.test(s));
}

/** How rare each word is in the story's statements: rare words say more about which statement it is. */
function rarity(all: Statement[]): (w: string) => number {
  const df = new Map<string, number>();
  for (const s of all) for (const w of s.words) df.set(w, (df.get(w) ?? 0) + 1);
  const n = all.length || 1;
  return (w) => Math.log(1 + n / (df.get(w) ?? 1));
}

/** Weighted share of the smaller statement's words that the other holds. */
function agreement(a: Set<string>, b: Set<string>, weight: (w: string) => number): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let shared = 0;
  let total = 0;
  for (const w of small) {
    total += weight(w);
    if (large.has(w)) shared += weight(w);
  }
  return total ? shared / total : 0;
}

/** Two statements say the same: nearly all of the shorter one's words (rare ones counting more) are in the other. */
const SAME = 0.72;

export function matchQuotes(articles: Article[], quotesByArticle: Map<string, QuoteSpan[]>, entities: StoryEntity[]): StoryQuote[] {
  const perSpeaker = new Map<string, Statement[]>();
  const all: Statement[] = [];
  for (const a of articles) {
    for (const q of quotesByArticle.get(a.id) ?? []) {
      const speaker = speakerEntity(a.id, q, entities)?.name ?? speakerName(q) ?? 'unattributed';
      for (const text of statements(q.text)) {
        const s: Statement = { article: a.id, text, direct: q.direct, words: contentWords(text) };
        if (s.words.size < 2) continue;
        const list = perSpeaker.get(speaker) ?? [];
        list.push(s);
        perSpeaker.set(speaker, list);
        all.push(s);
      }
    }
  }
  const weight = rarity(all);
  const out: StoryQuote[] = [];
  for (const [speaker, list] of perSpeaker) {
    const groups: Statement[][] = [];
    for (const s of list) {
      // Every group it agrees with, among those not yet carrying its article: a long sentence may
      // hold two statements another outlet quotes apart.
      const joined = groups.filter((g) => {
        if (g.some((x) => x.article === s.article)) return false;
        const score = Math.max(...g.map((x) => agreement(x.words, s.words, weight)));
        const small = Math.min(s.words.size, ...g.map((x) => x.words.size));
        return score >= (small <= 3 ? 0.9 : SAME);
      });
      for (const g of joined) g.push(s);
      if (!joined.length) groups.push([s]);
    }
    for (const g of groups) {
      // Direct words first; among them the rendering closest to the others stands for the quote.
      const pool = g.some((r) => r.direct) ? g.filter((r) => r.direct) : g;
      const rep = pool
        .map((r) => ({ r, score: g.reduce((acc, o) => acc + (o === r ? 0 : agreement(o.words, r.words, weight)), 0) }))
        .sort((x, y) => y.score - x.score || x.r.text.length - y.r.text.length)[0].r;
      out.push({
        speaker,
        text: rep.text,
        direct: rep.direct,
        articles: [...new Set(g.map((r) => r.article))],
        renderings: g.map((r) => ({ article: r.article, text: r.text })),
      });
    }
  }
  return out.sort((a, b) => b.articles.length - a.articles.length);
}
