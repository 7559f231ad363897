/**
 * How each outlet words the same thing.
 *
 * 1. Names: one referent under different spellings. For each entity resolved across the story,
 *    the words of its mentions are grouped by their transliteration skeleton (Kyiv/Kiev,
 *    Zelenskyy/Zelensky/Selensky, Andrii/Andriy); a group with more than one spelling is reported,
 *    each spelling with every article that uses it, headline and standfirst included.
 * 2. Loaded terms: the words and phrases (1-3 words) an outlet uses that the other outlets of the
 *    story do not, scored by the log-odds ratio with an informative Dirichlet prior (Monroe,
 *    Colaresi and Quinn 2008, "Fightin' Words"): the prior is how common the phrase is in general
 *    news (a background table built from free text), so a phrase news uses everywhere ("the
 *    meeting") is discounted and one general news rarely uses ("illegal war") stands out. Only the
 *    outlet's own voice is compared: text inside direct quotations is the speaker's wording.
 *    Phrases naming people or organisations are left to part 1: they are the story's actors, not
 *    its wording.
 *
 * @module
 */
import type { Article, StoryWording } from '../types.js';
import type { StoryContext } from './context.js';
import { skeleton } from './entities.js';
import { STOP_WORDS, phraseRuns } from './similarity/text.js';
import { BACKGROUND_SIZE, backgroundProbability } from './similarity/background.js';

/** Strength of the prior, in tokens: how much general news usage pulls an outlet's estimate. */
const PRIOR_TOKENS = 2000;
/** z-score of the log-odds above which a phrase is distinctive of an outlet. */
export const WORDING_Z = 0.75;
/** At most this many phrases per outlet, the most distinctive first. */
const MAX_TERMS_PER_OUTLET = 12;

/** One outlet's own text: headline, standfirst and body with direct quotations left out. */
function ownVoice(a: Article): string[][] {
  const runs: string[][] = [];
  for (const part of [a.title, a.kicker, a.dek]) if (part) runs.push(...phraseRuns(part, quotedSpans(part)));
  runs.push(...phraseRuns(a.text, quotedSpans(a.text)));
  return runs;
}

/** Spans inside double quotation marks, paragraph by paragraph (an unclosed quote ends with it). */
export function quotedSpans(text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  const re = /“[^”\n]*(?:”|(?=\n)|$)|«[^»\n]*(?:»|(?=\n)|$)|„[^“”\n]*(?:[“”]|(?=\n)|$)|"[^"\n]*(?:"|(?=\n)|$)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) out.push({ start: m.index, end: m.index + m[0].length });
  return out;
}

/** The phrases of a run: 1-3 words, not starting or ending on a function word (a leading "the" may stay). */
function phrasesOf(run: string[], into: Map<string, number>): void {
  for (let i = 0; i < run.length; i++) {
    for (let n = 1; n <= 3 && i + n <= run.length; n++) {
      const first = run[i];
      const last = run[i + n - 1];
      if (STOP_WORDS.has(last) || /^\d/.test(last) || last.length < 3) continue;
      if (STOP_WORDS.has(first) && !(first === 'the' && n === 2)) continue;
      if (/^\d/.test(first)) continue;
      const g = n === 1 ? first : run.slice(i, i + n).join(' ');
      into.set(g, (into.get(g) ?? 0) + 1);
    }
  }
}

/** Names: each entity's words grouped by spelling skeleton, when the story spells them differently. */
function nameVariants(ctx: StoryContext): StoryWording[] {
  const out: StoryWording[] = [];
  const texts = ctx.articles.map((a) => ({ id: a.id, text: [a.title, a.kicker, a.dek, a.text].filter(Boolean).join('\n') }));
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
      const variants = [...spellings].map((s) => {
        const re = new RegExp(`(?<![\\p{L}\\p{N}])${s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])`, 'u');
        return { text: s, articles: texts.filter((t) => re.test(t.text)).map((t) => t.id) };
      });
      if (new Set(variants.flatMap((v) => v.articles)).size < 2) continue;
      out.push({ concept: e.name, variants });
    }
  }
  return out;
}

/** Words that only name the story's people and organisations. */
function actorWords(ctx: StoryContext): Set<string> {
  const out = new Set<string>();
  for (const e of ctx.entities) {
    if (e.kind !== 'person' && e.kind !== 'organization') continue;
    for (const m of e.mentions) for (const w of m.text.toLowerCase().split(/\s+/)) out.add(w.replace(/['’]s$/, ''));
  }
  return out;
}

export interface DistinctivePhrase {
  phrase: string;
  source: string;
  /** z-score of the log-odds ratio, this outlet against the story's others. */
  z: number;
  count: number;
}

/** Per outlet, the phrases it uses and the others do not, most distinctive first. */
export function distinctivePhrases(ctx: StoryContext): Map<string, DistinctivePhrase[]> {
  const bySource = new Map<string, Article[]>();
  for (const a of ctx.articles) {
    // Syndicated copies speak with their original's voice: count it once.
    if (ctx.duplicateOf.has(a.id)) continue;
    const s = a.source ?? a.id;
    bySource.set(s, [...(bySource.get(s) ?? []), a]);
  }
  const out = new Map<string, DistinctivePhrase[]>();
  if (bySource.size < 2) return out;
  const counts = new Map<string, Map<string, number>>();
  const total = new Map<string, number>();
  const size = new Map<string, number>();
  let all = 0;
  for (const [source, articles] of bySource) {
    const c = new Map<string, number>();
    let tokens = 0;
    for (const a of articles) for (const run of ownVoice(a)) { phrasesOf(run, c); tokens += run.length; }
    counts.set(source, c);
    size.set(source, tokens);
    all += tokens;
    for (const [g, n] of c) total.set(g, (total.get(g) ?? 0) + n);
  }
  const actors = actorWords(ctx);
  for (const [source, c] of counts) {
    const ni = size.get(source)!;
    const nj = all - ni;
    const found: DistinctivePhrase[] = [];
    for (const [g, yi] of c) {
      const yj = total.get(g)! - yi;
      if (yj > 0) continue;
      const words = g.split(' ');
      if (words.every((w) => actors.has(w) || STOP_WORDS.has(w))) continue;
      // The outlet against general news, with the informative prior: how much more this outlet
      // uses the phrase than news at large, in standard deviations.
      const pBg = backgroundProbability(words);
      const alpha = PRIOR_TOKENS * pBg;
      const bg = pBg * BACKGROUND_SIZE;
      const delta = Math.log((yi + alpha) / (ni + PRIOR_TOKENS - yi - alpha)) - Math.log((bg + alpha) / (BACKGROUND_SIZE + PRIOR_TOKENS - bg - alpha));
      // A background count estimated below one occurrence is counted as one: the table cannot tell rarer.
      const z = delta / Math.sqrt(1 / (yi + alpha) + 1 / (Math.max(1, bg) + alpha));
      if (z >= WORDING_Z) found.push({ phrase: g, source, z, count: yi });
    }
    found.sort((a, b) => b.z - a.z || b.phrase.length - a.phrase.length);
    out.set(source, found);
  }
  return out;
}

export function compareWording(ctx: StoryContext): StoryWording[] {
  const out = nameVariants(ctx);
  const articlesOf = new Map<string, string[]>();
  for (const a of ctx.articles) {
    const s = a.source ?? a.id;
    articlesOf.set(s, [...(articlesOf.get(s) ?? []), a.id]);
  }
  for (const [source, phrases] of distinctivePhrases(ctx)) {
    // A phrase inside a longer one that is as distinctive says nothing more.
    const kept: DistinctivePhrase[] = [];
    for (const p of phrases) {
      if (kept.length >= MAX_TERMS_PER_OUTLET) break;
      if (kept.some((k) => ` ${k.phrase} `.includes(` ${p.phrase} `) && k.count >= p.count)) continue;
      kept.push(p);
    }
    if (kept.length) out.push({ concept: `wording only ${source} uses`, variants: kept.map((p) => ({ text: p.phrase, articles: articlesOf.get(source)! })) });
  }
  return out;
}
