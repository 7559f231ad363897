/**
 * Names: one referent under different spellings. For each entity resolved across the story, the
 * words of its mentions are grouped by their transliteration skeleton (Kyiv/Kiev,
 * Zelenskyy/Zelensky/Selensky, Vasyl/Vasil); a group with more than one spelling is reported,
 * each spelling with every article that uses it, headline and standfirst included.
 *
 * @module
 */
import type { StoryWording } from '../../types.js';
import type { StoryContext } from '../context.js';
import { skeleton } from '../entities.js';
import { locate } from './find.js';

/** The entity resolution joined the spellings: as sure as it is. */
const SPELLING_CONFIDENCE = 0.9;

/** Names: each entity's words grouped by spelling skeleton, when the story spells them differently. */
export function spellingVariants(ctx: StoryContext): StoryWording[] {
  // Per entity, its capitalised words grouped by skeleton; the groups with two spellings or more
  // are the candidates, and only their spellings are looked for in the articles.
  const candidates: { concept: string; spellings: Set<string> }[] = [];
  for (const e of ctx.entities) {
    if (e.kind === 'other') continue;
    const groups = new Map<string, Set<string>>();
    for (const m of e.mentions) {
      for (const w of m.text.match(/\p{L}[\p{L}'’]*/gu) ?? []) {
        if (w.length < 2 || !/^\p{Lu}/u.test(w)) continue;
        const bare = w.replace(/['’]s$/, '');
        const key = skeleton(bare);
        if (!groups.has(key)) groups.set(key, new Set());
        groups.get(key)!.add(bare);
      }
    }
    for (const spellings of groups.values()) {
      if (new Set([...spellings].map((s) => s.toLowerCase())).size < 2) continue;
      candidates.push({ concept: e.name, spellings });
    }
  }
  if (!candidates.length) return [];
  // Each article's words as written, headline and standfirst included, to find every spelling:
  // spelling → the articles using it, in story order.
  const usedIn = new Map<string, { ids: string[]; last: number }>();
  for (const c of candidates) for (const s of c.spellings) usedIn.set(s, { ids: [], last: -1 });
  ctx.articles.forEach((a, k) => {
    const text = [a.title, a.kicker, a.dek, a.text].filter(Boolean).join('\n');
    for (const m of text.match(/[\p{L}\p{N}][\p{L}\p{N}'’]*/gu) ?? []) {
      // A possessive's "'s" dropped (as /['’]s$/ would), without a new string for every other word.
      const n = m.length;
      const use = usedIn.get(n > 2 && m.charCodeAt(n - 1) === 115 && (m.charCodeAt(n - 2) === 39 || m.charCodeAt(n - 2) === 0x2019) ? m.slice(0, n - 2) : m);
      if (use && use.last !== k) {
        use.ids.push(a.id);
        use.last = k;
      }
    }
  });
  // A word in the names of two referents ("Vasyl" of two officials) is counted only where it
  // stands in a mention of the one the row is about, never wherever the word stands.
  const owners = new Map<string, Set<string>>();
  for (const e of ctx.entities) {
    for (const m of e.mentions) {
      for (const w of m.text.match(/\p{L}[\p{L}'’]*/gu) ?? []) {
        const bare = w.replace(/['’]s$/, '');
        if (!usedIn.has(bare)) continue;
        const list = owners.get(bare) ?? new Set<string>();
        owners.set(bare, list.add(e.name));
      }
    }
  }
  const byName = new Map(ctx.entities.map((e) => [e.name, e]));
  const order = new Map(ctx.articles.map((a, k) => [a.id, k]));
  const articlesOf = (concept: string, spelling: string): string[] => {
    if ((owners.get(spelling)?.size ?? 0) < 2) return [...usedIn.get(spelling)!.ids];
    const word = new RegExp(`(?<![\\p{L}])${spelling.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}])`, 'u');
    const ids = new Set((byName.get(concept)?.mentions ?? []).filter((m) => word.test(m.text)).map((m) => m.article));
    return [...ids].sort((x, y) => order.get(x)! - order.get(y)!);
  };
  const out: StoryWording[] = [];
  for (const { concept, spellings } of candidates) {
    const variants = [...spellings].map((s) => ({ text: s, articles: articlesOf(concept, s) })).filter((v) => v.articles.length);
    if (variants.length < 2) continue;
    if (new Set(variants.flatMap((v) => v.articles)).size < 2) continue;
    // Evidence: one body sentence per article and spelling.
    const using = new Map(variants.map((v) => [v.text, new Set(v.articles)]));
    const evidence = locate(ctx, variants.map((v) => v.text), true).flatMap((v) => v.evidence.filter((e) => using.get(v.text)!.has(e.article)));
    out.push({ concept, variants, evidence, confidence: SPELLING_CONFIDENCE });
  }
  return out;
}
