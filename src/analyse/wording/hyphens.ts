/**
 * One phrase spelled two ways: a compound modifier hyphenated by one outlet and open by another
 * ("cross-border raids" / "cross border raids"). Each compound is shown with the noun it modifies,
 * as each outlet writes it, so that a row holds every phrase the compound forms in the story
 * ("cross-border raids", "cross-border trade", "cross border raids").
 *
 * @module
 */
import type { StoryWording } from '../../types.js';
import type { StoryContext } from '../context.js';
import { articleParts, divergence, locate } from './find.js';
import { bodyParts, head, partsOf, spanText, type Part } from './phrase.js';

/** The same words make the same phrase: the row is as sure as its compounds are compounds. */
const HYPHEN_CONFIDENCE = 0.95;

interface Compound { key: string; phrase: string }

/** Whether only white space (or only hyphens, when `hyphen`) stands between two parts. */
function joined(text: string, a: Part, b: Part, hyphen: boolean): boolean {
  const gap = text.slice(a.end, b.start);
  return hyphen ? gap === '-' : /^ +$/.test(gap);
}

/**
 * Whether the noun after a compound begins a name ("Secretary-General Jane Doe"): capitalised, and
 * the next word too (outside a headline, where every word is).
 */
function startsName(text: string, parts: Part[], k: number): boolean {
  const cap = (p: Part | undefined) => !!p && /^\p{Lu}/u.test(text.slice(p.start, p.end));
  return cap(parts[k]) && cap(parts[k + 1]);
}

/** A headline in title case: most of its words capitalised. */
function headline(text: string): boolean {
  const words = text.match(/\p{L}+/gu) ?? [];
  return words.length > 0 && words.length <= 25 && words.filter((w) => /^\p{Lu}/u.test(w)).length >= 0.6 * words.length;
}

/** The hyphenated compounds of a text followed by their noun: key "cross border", phrase as written. */
function hyphenated(text: string, parts: Part[], titleCase: boolean): Compound[] {
  const out: Compound[] = [];
  for (let k = 0; k < parts.length; k++) {
    if (!parts[k + 1]?.hyphen || parts[k].hyphen) continue;
    let m = k + 1;
    while (parts[m + 1]?.hyphen) m++;
    const words = parts.slice(k, m + 1);
    const noun = parts[m + 1];
    if (words.some((p) => !/^\p{L}+$/u.test(p.fold)) || !noun || !head(noun) || parts[m + 2]?.hyphen || !joined(text, parts[m], noun, false)) continue;
    if (!titleCase && startsName(text, parts, m + 1)) continue;
    out.push({ key: words.map((p) => p.fold).join(' '), phrase: spanText(text, parts, k, m + 2) });
  }
  return out;
}

/** The same compounds written open ("cross border raids"), for the keys already seen hyphenated. */
function open(text: string, parts: Part[], keys: Map<string, string[][]>, titleCase: boolean): Compound[] {
  const out: Compound[] = [];
  for (let k = 0; k < parts.length; k++) {
    if (parts[k].hyphen || parts[k + 1]?.hyphen) continue;
    for (const words of keys.get(parts[k].fold) ?? []) {
      const end = k + words.length;
      if (end >= parts.length) continue;
      let ok = true;
      for (let w = 1; w < words.length && ok; w++) ok = parts[k + w].fold === words[w] && !parts[k + w].hyphen && joined(text, parts[k + w - 1], parts[k + w], false);
      const noun = parts[end];
      if (!ok || noun.hyphen || parts[end + 1]?.hyphen || !head(noun) || !joined(text, parts[end - 1], noun, false) || (!titleCase && startsName(text, parts, end))) continue;
      out.push({ key: words.join(' '), phrase: spanText(text, parts, k, end + 1) });
    }
  }
  return out;
}

export function hyphenVariants(ctx: StoryContext): StoryWording[] {
  const texts = ctx.articles.flatMap((a) => articleParts(a).map((p) => ({ text: p.text, parts: p.body ? bodyParts(ctx, a) : partsOf(p.text), titleCase: !p.body && headline(p.text) })));
  const phrases = new Map<string, Set<string>>();
  const add = (c: Compound) => {
    const set = phrases.get(c.key) ?? new Set<string>();
    // One spelling per phrase up to case: the first seen.
    if (![...set].some((p) => p.toLowerCase() === c.phrase.toLowerCase())) set.add(c.phrase);
    phrases.set(c.key, set);
  };
  for (const t of texts) for (const c of hyphenated(t.text, t.parts, t.titleCase)) add(c);
  const keys = new Map<string, string[][]>();
  for (const key of phrases.keys()) {
    const words = key.split(' ');
    keys.set(words[0], [...(keys.get(words[0]) ?? []), words]);
  }
  const opened = new Set<string>();
  for (const t of texts) {
    for (const c of open(t.text, t.parts, keys, t.titleCase)) {
      add(c);
      opened.add(c.key);
    }
  }
  const out: StoryWording[] = [];
  for (const key of opened) {
    const variants = locate(ctx, [...phrases.get(key)!], false, undefined, true);
    if (variants.length < 2 || divergence(ctx, variants) === 0) continue;
    out.push({
      concept: `"${key.replace(' ', '-')}" hyphenated or not`,
      variants: variants.map((v) => ({ text: v.text, articles: v.articles })),
      evidence: variants.flatMap((v) => v.evidence),
      confidence: HYPHEN_CONFIDENCE,
    });
  }
  return out;
}
