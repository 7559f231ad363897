/**
 * Step 1 of adding an article: recognising a copy of an earlier one, by its address, its text
 * (MinHash, see `minhash.ts`) or its headline, so that one agency's text in ten outlets counts as
 * one source.
 *
 * @module
 */
import type { ClusterDoc } from './types.js';
import type { ClusterState } from './state.js';
import { storyOf } from './stories.js';
import { timeFactor } from './time.js';

/**
 * An address with what does not change the page taken off (scheme, `www.`, fragment, tracking
 * parameters); the query stays, since `article.aspx?id=…` names the article.
 */
export function urlKey(url: string): string {
  const [base, query = ''] = url.replace(/\\/g, '').replace(/#.*$/, '').split('?', 2);
  const kept = query.split('&').filter((p) => p && !/^(utm_\w+|ref|src|cmp|smid|partner|fbclid|gclid)=/i.test(p)).join('&');
  return base.replace(/^https?:\/\/(www\.)?/i, '').replace(/\/$/, '').toLowerCase() + (kept ? `?${kept}` : '');
}

/**
 * A 53-bit hash of a string (two 32-bit hashes side by side): a million keys are unlikely to
 * collide, and a number costs a map far less than the string would.
 */
function hash53(s: string): number {
  let h1 = 0x811c9dc5;
  let h2 = 0x9747b28c;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995);
    h2 ^= h2 >>> 15;
  }
  return (h1 >>> 0) * 0x200000 + ((h2 >>> 0) & 0x1fffff);
}

/** The earlier article this one copies: same address, same text (MinHash) or same headline. */
export function findCopy(state: ClusterState, doc: ClusterDoc, docIndex: number, time: number): { of: number; similarity: number; by: number } | null {
  let found: { of: number; similarity: number; by: number } | null = null;
  if (doc.url) {
    const key = hash53(urlKey(doc.url));
    const prior = state.byUrl.get(key);
    if (prior !== undefined) found = { of: prior, similarity: 1, by: 1 };
    else {
      state.byUrl.set(key, docIndex);
      state.docs.urlKey[docIndex] = key;
    }
  }
  const match = state.duplicates.add(docIndex, `${doc.title ?? ''}\n${doc.text}`);
  if (!found && match) found = { of: Number(match.key), similarity: match.similarity, by: 2 };
  if (doc.title && doc.text.length < 200) {
    const words = doc.title.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
    if (words.split(' ').length >= 5) {
      const key = hash53(words);
      const prior = state.byTitle.get(key);
      if (prior !== undefined && !found) found = { of: prior, similarity: 1, by: 3 };
      else if (prior === undefined) {
        state.byTitle.set(key, docIndex);
        state.docs.titleKey[docIndex] = key;
      }
    }
  }
  if (found) {
    // Point at the first of the copies, so ten copies of one wire story name one original.
    const first = state.evidence.duplicateOf[found.of];
    if (first >= 0) found.of = first;
    if (timeFactor(state.params, time, storyOf(state, found.of)).factor === 0) return null;
  }
  return found;
}
