/**
 * Near-duplicates within a story: wire copies and republications, so that one agency's text in
 * ten outlets counts as one source. Word 5-shingles compared by Jaccard similarity, or by how much
 * of the shorter text the longer holds (a copy cut short, or lightly rewritten under the same
 * agency credit, see {@link isCopy}); the shared
 * shingles of each pair are counted through an index from shingle to articles, so only pairs
 * sharing some text are looked at (grouping a whole collection uses MinHash with LSH instead, in
 * the cluster stage).
 *
 * @module
 */
import type { Article } from '../types.js';

/** Jaccard similarity of 5-shingles above which two articles are one text. */
export const DUPLICATE_JACCARD = 0.5;

/**
 * Share of the shorter text's shingles the longer holds above which the shorter is a copy cut
 * short or retitled (a site that runs the first half of a wire story).
 */
export const COPY_CONTAINMENT = 0.8;
/** The same, when both credit the same agency: a lightly rewritten copy of its story. */
export const CREDITED_CONTAINMENT = 0.4;
/** Shingles the shorter text needs for containment to mean anything (a few sentences). */
const MIN_SHINGLES = 30;

/** Whether two texts sharing `shared` of their `a` and `b` distinct shingles are one text. */
export function isCopy(shared: number, a: number, b: number, sameCredit: boolean): boolean {
  if (shared / (a + b - shared) >= DUPLICATE_JACCARD) return true;
  const small = Math.min(a, b);
  if (small < MIN_SHINGLES) return false;
  const within = shared / small;
  return within >= COPY_CONTAINMENT || (sameCredit && within >= CREDITED_CONTAINMENT);
}

// Credit lines of a wire story: "(Reuters)", "/TASS/", "AFP —" opening a line, "Reuters reports",
// "according to Reuters". The name is whatever is credited: only a copy's shared text makes it
// an agency (see isCopy), so no list of agencies is needed.
const CREDITS = [
  /\((\p{Lu}[\p{L}]{1,20}|\p{Lu}{2,6})\)/u,
  /\/\s*(\p{Lu}{2,8})\s*\//u,
  /^(\p{Lu}[\p{L}]{1,20}|\p{Lu}{2,8})\s+[—–-]\s/mu,
  /\b(\p{Lu}[\p{L}]{1,20}|\p{Lu}{2,8}) (?:reports|reported)\b/u,
  /\baccording to (\p{Lu}[\p{L}]{1,20}|\p{Lu}{2,8})\b/u,
];

/** The agency an article credits in its dateline, opening or closing lines, folded; null if none. */
export function wireCredit(a: Article): string | null {
  const where = [a.dateline ?? '', a.text.slice(0, 300), a.text.slice(-200)].join('\n');
  for (const re of CREDITS) {
    const m = re.exec(where);
    if (m) return m[1].toLowerCase();
  }
  return null;
}

/**
 * Word → id, shared by every call: an article's words are read into ids once per text
 * (see {@link articleWordIds}), and a story analysed again compares the ids it already has. Ids
 * only need to be equal for equal words; the table is started afresh, and every article's ids
 * with it (a new generation), when it grows past {@link MAX_VOCABULARY}.
 */
const vocabulary = new Map<string, number>();
const MAX_VOCABULARY = 1_000_000;
let generation = 0;
/** Article text → its word ids and their vocabulary generation (by text: a dated copy of an article has the same words). */
const wordsCache = new Map<string, { generation: number; ids: Int32Array }>();
/** Texts {@link wordsCache} keeps before it starts afresh. */
const MAX_TEXTS = 10_000;

/** Words of a text as ids, interned in {@link vocabulary}. */
function wordIds(text: string): Int32Array {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const out = new Int32Array(words.length);
  for (let k = 0; k < words.length; k++) {
    let id = vocabulary.get(words[k]);
    if (id === undefined) {
      id = vocabulary.size;
      vocabulary.set(words[k], id);
    }
    out[k] = id;
  }
  return out;
}

/** {@link wordIds} of an article's text, read once per text and vocabulary generation. */
function articleWordIds(a: Article): Int32Array {
  const hit = wordsCache.get(a.text);
  if (hit && hit.generation === generation) return hit.ids;
  const ids = wordIds(a.text);
  if (wordsCache.size >= MAX_TEXTS) wordsCache.clear();
  wordsCache.set(a.text, { generation, ids });
  return ids;
}

/** Article id → the id of the earlier article it copies. */
export function findNearDuplicates(articles: Article[]): Map<string, string> {
  const ordered = [...articles].sort((a, b) => (a.published ?? '').localeCompare(b.published ?? '') || a.id.localeCompare(b.id));
  const out = new Map<string, string>();
  // Started afresh between calls only, so that the ids of one call's articles stay comparable.
  if (vocabulary.size > MAX_VOCABULARY) {
    vocabulary.clear();
    generation++;
  }
  const texts = ordered.map(articleWordIds);
  const credits = ordered.map(wireCredit);
  // Shingles (runs of five word ids) in an open-addressing table: slot → shingle number, and
  // each shingle's words, so that no string is built per shingle.
  let room = 0;
  for (const t of texts) room += Math.max(0, t.length - 4);
  let capacity = 16;
  while (capacity < 2 * room) capacity *= 2;
  const mask = capacity - 1;
  const table = new Int32Array(capacity).fill(-1);
  const shingleWords = new Int32Array(room * 5);
  // Per shingle, the articles holding it (by position in `ordered`), as a linked list in typed
  // arrays, newest first: an array per shingle would be hundreds of thousands of small objects.
  const newest = new Int32Array(room);
  const holder = new Int32Array(room);
  const older = new Int32Array(room);
  let links = 0;
  let count = 0;
  const sizes = new Int32Array(ordered.length);
  const shared = new Int32Array(ordered.length);
  const touched: number[] = [];
  for (let i = 0; i < ordered.length; i++) {
    touched.length = 0;
    const w = texts[i];
    let size = 0;
    for (let k = 0; k + 5 <= w.length; k++) {
      let h = 0x811c9dc5;
      for (let x = 0; x < 5; x++) h = Math.imul(h ^ w[k + x], 0x01000193);
      h ^= h >>> 15;
      let slot = h & mask;
      let found = -1;
      while (table[slot] >= 0) {
        const s = table[slot];
        const o = s * 5;
        if (shingleWords[o] === w[k] && shingleWords[o + 1] === w[k + 1] && shingleWords[o + 2] === w[k + 2] && shingleWords[o + 3] === w[k + 3] && shingleWords[o + 4] === w[k + 4]) {
          found = s;
          break;
        }
        slot = (slot + 1) & mask;
      }
      if (found < 0) {
        table[slot] = count;
        shingleWords.set(w.subarray(k, k + 5), count * 5);
        holder[links] = i;
        older[links] = -1;
        newest[count] = links++;
        count++;
        size++;
        continue;
      }
      // Already counted for this article.
      if (holder[newest[found]] === i) continue;
      size++;
      for (let l = newest[found]; l >= 0; l = older[l]) {
        const j = holder[l];
        if (shared[j] === 0) touched.push(j);
        shared[j]++;
      }
      holder[links] = i;
      older[links] = newest[found];
      newest[found] = links++;
    }
    sizes[i] = size;
    // The earliest article it copies, among those that copy no other.
    touched.sort((x, y) => x - y);
    for (const j of touched) {
      if (out.has(ordered[j].id)) continue;
      if (isCopy(shared[j], sizes[i], sizes[j], !!credits[i] && credits[i] === credits[j])) {
        out.set(ordered[i].id, ordered[j].id);
        break;
      }
    }
    for (const j of touched) shared[j] = 0;
  }
  return out;
}
