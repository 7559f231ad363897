/**
 * Near-duplicates within a story: wire copies and republications, so that one agency's text in
 * ten outlets counts as one source. Word 5-shingles compared by Jaccard similarity; a story holds
 * at most a few hundred articles, so comparing its pairs is cheap (grouping a whole collection
 * uses MinHash with LSH instead, in the cluster stage).
 *
 * @module
 */
import type { Article } from '../types.js';

/** Jaccard similarity of 5-shingles above which two articles are one text. */
export const DUPLICATE_JACCARD = 0.5;

function shingles(text: string): Set<string> {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const out = new Set<string>();
  for (let i = 0; i + 5 <= words.length; i++) out.add(words.slice(i, i + 5).join(' '));
  return out;
}

/** Article id → the id of the earlier article it copies. */
export function findNearDuplicates(articles: Article[]): Map<string, string> {
  const ordered = [...articles].sort((a, b) => (a.published ?? '').localeCompare(b.published ?? '') || a.id.localeCompare(b.id));
  const sets = ordered.map((a) => shingles(a.text));
  const out = new Map<string, string>();
  for (let i = 0; i < ordered.length; i++) {
    for (let j = 0; j < i; j++) {
      if (out.has(ordered[j].id)) continue;
      const [small, large] = sets[i].size < sets[j].size ? [sets[i], sets[j]] : [sets[j], sets[i]];
      if (!small.size) continue;
      let inter = 0;
      for (const s of small) if (large.has(s)) inter++;
      if (inter / (sets[i].size + sets[j].size - inter) >= DUPLICATE_JACCARD) {
        out.set(ordered[i].id, ordered[j].id);
        break;
      }
    }
  }
  return out;
}
