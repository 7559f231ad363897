/**
 * Claims: the statements of fact in a story's articles, aligned across outlets. Each sentence
 * joins the claim whose sentences it resembles most (rare shared words count most), if similar
 * enough and if that claim has no sentence from the same article yet; else it starts a claim.
 * Coverage counts outlets, with near-duplicate articles (wire copies) counted once.
 *
 * @module
 */
import type { Coverage, StoryClaim } from '../types.js';
import type { StoryContext } from './context.js';
import { StoryVocabulary, stems } from './similarity.js';

/** Weighted Dice similarity at which two sentences state the same thing. */
export const CLAIM_SIMILARITY = 0.34;

interface Group {
  sentences: { article: string; text: string; words: Set<string> }[];
}

export function independentArticles(ctx: StoryContext, ids: string[]): Set<string> {
  return new Set(ids.map((id) => ctx.duplicateOf.get(id) ?? id));
}

export function coverageOf(n: number, total: number): Coverage {
  if (n >= total) return 'all';
  if (n > total / 2) return 'most';
  if (n > 1) return 'some';
  return 'one';
}

export function buildClaims(ctx: StoryContext): StoryClaim[] {
  const vocab = new StoryVocabulary();
  const items: { article: string; text: string; words: Set<string> }[] = [];
  for (const a of ctx.articles) {
    for (const s of ctx.sentences.get(a.id) ?? []) {
      const words = new Set(stems(s.text));
      // Headings and fragments are not statements.
      if (words.size < 4 || !/[.!?"”’]$/.test(s.text)) continue;
      items.push({ article: a.id, text: s.text, words });
      vocab.add(words);
    }
  }
  const groups: Group[] = [];
  // Word → claims holding it: a sentence is compared only with claims it shares a word with.
  const byWord = new Map<string, Set<Group>>();
  for (const it of items) {
    let best: Group | null = null;
    let bestScore = 0;
    // Candidates through the sentence's rarest words only: a claim that shares none of them
    // cannot reach the similarity bar, and common words would make every claim a candidate.
    const candidates = new Set<Group>();
    const rare = [...it.words].sort((a, b) => vocab.weight(b) - vocab.weight(a)).slice(0, 8);
    for (const w of rare) for (const g of byWord.get(w) ?? []) candidates.add(g);
    for (const g of candidates) {
      if (g.sentences.some((s) => s.article === it.article)) continue;
      let score = 0;
      for (const s of g.sentences) score = Math.max(score, vocab.similarity(s.words, it.words));
      if (score > bestScore) { bestScore = score; best = g; }
    }
    let home: Group;
    if (best && bestScore >= CLAIM_SIMILARITY) (home = best).sentences.push(it);
    else groups.push((home = { sentences: [it] }));
    for (const w of it.words) {
      if (!byWord.has(w)) byWord.set(w, new Set());
      byWord.get(w)!.add(home);
    }
  }
  const total = independentArticles(ctx, ctx.articles.map((a) => a.id)).size;
  return groups
    .map((g) => {
      const articles = [...new Set(g.sentences.map((s) => s.article))];
      // The sentence closest to the others stands for the claim.
      const rep = g.sentences
        .map((s) => ({ s, score: g.sentences.reduce((acc, o) => acc + (o === s ? 0 : vocab.similarity(s.words, o.words)), 0) }))
        .sort((a, b) => b.score - a.score || a.s.text.length - b.s.text.length)[0].s;
      return {
        text: rep.text,
        articles,
        sentences: g.sentences.map((s) => ({ article: s.article, text: s.text })),
        coverage: coverageOf(independentArticles(ctx, articles).size, total),
      };
    })
    .sort((a, b) => b.articles.length - a.articles.length);
}

/** Per outlet, the claims only it carries: the story's exclusives and blind spots. */
export function exclusivesBySource(ctx: StoryContext, claims: StoryClaim[]): { source: string; claims: string[] }[] {
  if (ctx.articles.length < 2) return [];
  const sourceOf = new Map(ctx.articles.map((a) => [a.id, a.source ?? a.id]));
  const out = new Map<string, string[]>();
  for (const c of claims) {
    const sources = new Set(c.articles.map((id) => sourceOf.get(id)!));
    if (sources.size !== 1) continue;
    const [s] = sources;
    out.set(s, [...(out.get(s) ?? []), c.text]);
  }
  return [...out].map(([source, cl]) => ({ source, claims: cl }));
}
