/**
 * How alike an article and a story, or two stories, are: cosines with a story's centroid (over all
 * terms, or over names alone), whether they name anyone in common, and how much a similarity is
 * raised when it is measured across languages.
 *
 * @module
 */
import { LANGUAGES } from './terms.js';
import type { ClusterParams } from './params.js';
import type { ClusterState } from './state.js';
import type { StoryState } from './state.js';

/**
 * Languages by script: Latin, Cyrillic, Greek, Arabic, Hebrew, Devanagari, Japanese, Hangul.
 * Chinese counts with Latin: its dictionary glosses are English words (see cedict.ts).
 */
const SCRIPTS: readonly (readonly string[])[] = [
  ['en', 'ms', 'de', 'fr', 'es', 'it', 'pt', 'nl', 'pl', 'cs', 'tr', 'az', 'id', 'vi', 'sv', 'da', 'nb', 'fi', 'hu', 'ro', 'hr', 'zh'],
  ['ru', 'uk', 'bg', 'sr'], ['el'], ['ar', 'fa'], ['he'], ['hi'], ['ja'], ['ko'],
];

/** Articles per language of one article in each language, for {@link languageBoost}. */
export const ONE_LANGUAGE = LANGUAGES.map((_, l) => LANGUAGES.map((_, k) => (k === l ? 1 : 0)));

/**
 * How much a similarity is raised for being measured across languages, from the articles per
 * language on either side: by 1 / `crossLanguageShare` when they have no language in common,
 * not at all when they have one only, and in between by how much the two mixes overlap.
 * Articles of unknown language count as matching any.
 */
export function languageBoost(params: ClusterParams, a: number[], b: number[]): number {
  let na = 0;
  let nb = 0;
  // Scripts on either side, one bit each: two sides that write in no script in common share no
  // cognate and no name spelled alike, only keys, countries and numbers (see terms.ts).
  let scriptsA = 0;
  let scriptsB = 0;
  for (let l = 1; l < a.length; l++) {
    na += a[l];
    nb += b[l];
    if (a[l]) scriptsA |= SCRIPT_BITS[l];
    if (b[l]) scriptsB |= SCRIPT_BITS[l];
  }
  if (!na || !nb) return 1;
  let overlap = 0;
  for (let l = 1; l < a.length; l++) overlap += Math.min(a[l] / na, b[l] / nb);
  const share = scriptsA & scriptsB ? params.crossLanguageShare : params.crossScriptShare;
  return 1 / (overlap + (1 - overlap) * share);
}

/** The writing system of each language of LANGUAGES, as one bit. */
const SCRIPT_BITS = LANGUAGES.map((l) => 1 << Math.max(0, SCRIPTS.findIndex((group) => group.includes(l))));

/** Cosine of an article with a story's centroid. */
export function centroidCosine(terms: Int32Array, weights: Float32Array, story: StoryState): number {
  let dot = 0;
  const centroid = story.centroid;
  for (let i = 0; i < terms.length; i++) dot += weights[i] * centroid.get(terms[i]);
  return story.norm2 > 0 ? dot / Math.sqrt(story.norm2) : 0;
}

/** Cosine over names only between an article and a story, for the explanation; NaN when either names nobody. */
export function nameCosine(state: ClusterState, terms: Int32Array, weights: Float32Array, story: StoryState): number {
  const isName = state.vocabulary.isName;
  let dot = 0;
  let norm2 = 0;
  for (let i = 0; i < terms.length; i++) {
    if (!isName[terms[i]]) continue;
    norm2 += weights[i] * weights[i];
    dot += weights[i] * story.centroid.get(terms[i]);
  }
  let storyNorm2 = 0;
  if (norm2) {
    const { keys, values, size } = story.centroid;
    for (let j = 0; j < size; j++) if (isName[keys[j]]) storyNorm2 += values[j] * values[j];
  }
  return norm2 && storyNorm2 ? dot / Math.sqrt(norm2 * storyNorm2) : NaN;
}

/** Whether any of the names (term ids) is in the story's centroid. */
export function sharesName(names: number[], story: StoryState): boolean {
  for (const t of names) if (story.centroid.find(t) >= 0) return true;
  return false;
}

/** Cosine of two stories' centroids. */
export function storyCosine(a: StoryState, b: StoryState): number {
  const [small, large] = a.centroid.size < b.centroid.size ? [a.centroid, b.centroid] : [b.centroid, a.centroid];
  let dot = 0;
  for (let j = 0; j < small.size; j++) dot += small.values[j] * large.get(small.keys[j]);
  return a.norm2 && b.norm2 ? dot / Math.sqrt(a.norm2 * b.norm2) : 0;
}
