/**
 * A neutral summary: the claims most outlets carry, each said by the sentence that stands for it
 * (a real sentence of a cited article, so nothing is said that the cited articles do not say),
 * citing every article that carries the claim. Claims carried by one outlet only are marked `exclusive`.
 * Length grows with the story: 3 sentences for 2 articles, up to 10 for 50.
 *
 * @module
 */
import type { StoryClaim, StorySummarySentence } from '../types.js';
import type { StoryContext } from './context.js';
import { StoryVocabulary, stems } from './similarity.js';

export function summaryLength(articles: number): number {
  return Math.max(3, Math.min(10, Math.round(3 + 7 * Math.log(articles / 2 + 1) / Math.log(26))));
}

export function summarise(ctx: StoryContext, claims: StoryClaim[]): StorySummarySentence[] {
  const want = summaryLength(ctx.articles.length);
  const vocab = new StoryVocabulary();
  for (const c of claims) vocab.add(stems(c.text));
  const chosen: { claim: StoryClaim; words: Set<string> }[] = [];
  const ranked = [...claims].sort((a, b) => b.articles.length - a.articles.length || a.text.length - b.text.length);
  for (const c of ranked) {
    if (chosen.length >= want) break;
    const words = new Set(stems(c.text));
    // Skip a claim the summary already says, and quotes in the first person.
    if (chosen.some((x) => vocab.similarity(x.words, words) > 0.5)) continue;
    if (/^["“«„]/.test(c.text) || /\b(?:I|we|our)\b/.test(c.text)) continue;
    // A sentence that leans on the one before it ("made this statement", "He added") does not
    // stand alone in a summary.
    if (/^(?:He|She|They|It|This|These|That|Those|But|And|However)\b/.test(c.text) || /\b(?:this|these|that) (?:statement|remarks?|report|move|step|decision)\b/i.test(c.text)) continue;
    if (c.text.length > 320) continue;
    chosen.push({ claim: c, words });
  }
  return chosen.map(({ claim }) => ({
    text: claim.text,
    articles: claim.articles,
    ...(claim.articles.length === 1 && ctx.articles.length > 1 ? { exclusive: true } : {}),
  }));
}
