/**
 * The wording rows as shown: one row per set of variants (two methods finding the same pair give
 * one row, the surer one), and the rows ordered by how much the outlets differ, sure rows before
 * tentative ones.
 *
 * @module
 */
import type { StoryWording } from '../../types.js';
import type { StoryContext } from '../context.js';
import { divergence } from './find.js';
import { spellingKey } from './phrase.js';

export function ordered(ctx: StoryContext, rows: StoryWording[]): StoryWording[] {
  const keyOf = (r: StoryWording) => r.variants.map((v) => spellingKey(v.text)).sort().join('\t');
  const best = new Map<string, StoryWording>();
  for (const r of rows) {
    const k = keyOf(r);
    const held = best.get(k);
    if (!held || (r.confidence ?? 0) > (held.confidence ?? 0)) best.set(k, r);
  }
  const scored = [...best.values()].map((r) => ({ r, d: divergence(ctx, r.variants) }));
  scored.sort((a, b) => Number(!!a.r.tentative) - Number(!!b.r.tentative) || b.d - a.d || (b.r.confidence ?? 0) - (a.r.confidence ?? 0) || a.r.concept.localeCompare(b.r.concept));
  return scored.map((x) => x.r);
}
