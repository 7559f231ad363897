/**
 * Finding a wording in a story's articles: where an exact phrase stands (headline, standfirst and
 * body), the articles that use it, and the body sentence that shows it (the row's evidence).
 *
 * @module
 */
import type { Article, Evidence } from '../../types.js';
import type { StoryContext } from '../context.js';
import { memoByKey } from '../similarity/memo.js';

/** The parts of an article a reader sees as its wording: headline, kicker, standfirst, body. */
export function articleParts(a: Article): { text: string; body: boolean }[] {
  const parts = [a.title, a.kicker, a.dek].filter((t): t is string => !!t).map((text) => ({ text, body: false }));
  parts.push({ text: a.text, body: true });
  return parts;
}

const articleIndex = new WeakMap<StoryContext, Map<string, Article>>();

/** The body sentence around an offset, as evidence (offsets into the article's text). */
export function sentenceAt(ctx: StoryContext, article: string, offset: number): Evidence | null {
  let byId = articleIndex.get(ctx);
  if (!byId) articleIndex.set(ctx, (byId = new Map(ctx.articles.map((x) => [x.id, x]))));
  const a = byId.get(article);
  // Sentences stand in order and do not overlap: the one holding the offset is the last to start
  // at or before it (binary search, not a scan of the article's sentences per row).
  const list = ctx.sentences.get(article) ?? [];
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid].start <= offset) lo = mid + 1;
    else hi = mid;
  }
  const s = lo > 0 && offset < list[lo - 1].end ? list[lo - 1] : undefined;
  if (!a || !s) return null;
  return { article, text: a.text.slice(s.start, s.end), start: s.start, end: s.end };
}

/** One variant of a row: its exact text, the articles that use it, one body sentence per article. */
export interface FoundVariant {
  text: string;
  articles: string[];
  evidence: Evidence[];
}

/** One text of a story (an article's headline, standfirst or body) in the word index. */
interface IndexedText {
  article: string;
  /** Place of the article in the story. */
  order: number;
  text: string;
  body: boolean;
  /** Its words (letters and digits), folded to lower case, with offsets. */
  words: { key: string; start: number; end: number }[];
}

/** Every text of a story and where each word (folded to lower case) stands in it. */
interface WordIndex {
  texts: IndexedText[];
  /** Article id → its place in the story. */
  order: Map<string, number>;
  postings: Map<string, { text: number; word: number }[]>;
}

const wordIndexes = new WeakMap<StoryContext, WordIndex>();
const WORD = /[\p{L}\p{N}]+/gu;

/** The story's word index, built once: finding a phrase then costs its first word's occurrences. */
function wordIndex(ctx: StoryContext): WordIndex {
  let index = wordIndexes.get(ctx);
  if (index) return index;
  const built: WordIndex = { texts: [], order: new Map(ctx.articles.map((a, k) => [a.id, k])), postings: new Map() };
  ctx.articles.forEach((a, order) => {
    for (const part of articleParts(a)) {
      const words = wordsOf(part.text);
      const t = built.texts.push({ article: a.id, order, text: part.text, body: part.body, words }) - 1;
      words.forEach((w, k) => {
        const list = built.postings.get(w.key);
        if (list) list.push({ text: t, word: k });
        else built.postings.set(w.key, [{ text: t, word: k }]);
      });
    }
  });
  wordIndexes.set(ctx, built);
  return built;
}

/** A text's words (letters and digits), folded to lower case, with offsets; kept by text, shared, not to be changed. */
const wordsOf = memoByKey(20_000, (text): IndexedText['words'] =>
  [...text.matchAll(WORD)].map((m) => ({ key: m[0].toLowerCase(), start: m.index!, end: m.index! + m[0].length })),
);

/** Apostrophes alike, white space as one space. */
const sameSign = (s: string) => s.replace(/[’‘]/g, "'").replace(/\s+/g, ' ');

/**
 * Every occurrence of a phrase in the story's texts, in story order: its words in a row, with the
 * same signs between them (any white space for a space), whole words only — a hyphen or an
 * apostrophe joined to it makes another word, so "full scale" is not found in "full-scale".
 */
export function findAll(ctx: StoryContext, phrase: string, caseSensitive = false): { text: IndexedText; start: number; end: number }[] {
  const index = wordIndex(ctx);
  const words = [...phrase.matchAll(WORD)];
  if (!words.length) return [];
  const keys = words.map((m) => m[0].toLowerCase());
  const seps = words.slice(1).map((m, k) => sameSign(phrase.slice(words[k].index! + words[k][0].length, m.index!)));
  const last = words[words.length - 1];
  const tail = phrase.slice(last.index! + last[0].length);
  const out: { text: IndexedText; start: number; end: number }[] = [];
  // The occurrences of the phrase's rarest word anchor it ("the conflict" is looked for where
  // "conflict" stands, not at every "the"); they come in story order as the first word's would.
  let anchor = 0;
  let postings = index.postings.get(keys[0]);
  for (let j = 1; j < keys.length && postings; j++) {
    const other = index.postings.get(keys[j]);
    if (!other || other.length < postings.length) {
      anchor = j;
      postings = other;
    }
  }
  if (!postings) return out;
  for (const p of postings) {
    const t = index.texts[p.text];
    const ws = t.words;
    const first = p.word - anchor;
    if (first < 0 || first + keys.length > ws.length) continue;
    let ok = true;
    for (let j = 0; j < keys.length && ok; j++) ok = ws[first + j].key === keys[j];
    for (let j = 0; j < keys.length && ok; j++) {
      const w = ws[first + j];
      ok = !caseSensitive || t.text.slice(w.start, w.end) === words[j][0];
      if (ok && j > 0) {
        const from = ws[first + j - 1].end;
        ok = seps[j - 1] === ' ' ? spaces(t.text, from, w.start) : sameSign(t.text.slice(from, w.start)) === seps[j - 1];
      }
    }
    if (!ok) continue;
    const start = ws[first].start;
    let end = ws[first + keys.length - 1].end;
    if (tail) {
      if (t.text.slice(end, end + tail.length) !== tail) continue;
      end += tail.length;
    }
    // Whole words: no hyphen or apostrophe joined before, no "-word" after.
    if (/[-'’]/.test(t.text[start - 1] ?? '') || /^[\p{L}\p{N}]|^-[\p{L}]/u.test(t.text.slice(end, end + 2))) continue;
    out.push({ text: t, start, end });
  }
  return out;
}

/** Whether `text` holds white space only, and some, from `from` to `to` (as /^\s+$/ reads it). */
function spaces(text: string, from: number, to: number): boolean {
  if (from >= to) return false;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 32 || (c >= 9 && c <= 13)) continue;
    if (c < 128 || !/\s/.test(text[i])) return false;
  }
  return true;
}

/**
 * Each phrase with the articles that use it, longest first: a shorter phrase inside a longer one
 * of the same row is not counted there ("Doe" inside "President Doe" is the longer form), unless
 * `nested` (an article saying "all-night vigil" does say "vigil"). `accept` may refuse one
 * occurrence (e.g. a surname that is part of someone else's name).
 */
export function locate(
  ctx: StoryContext,
  phrases: readonly string[],
  caseSensitive: boolean,
  accept: (text: string, at: { start: number; end: number }) => boolean = () => true,
  nested = false,
): FoundVariant[] {
  const order = [...new Set(phrases)].sort((a, b) => b.length - a.length);
  const found = new Map(order.map((p) => [p, { text: p, articles: [] as string[], evidence: [] as Evidence[] }]));
  // Spans taken by a longer phrase, per text.
  const taken = new Map<IndexedText, { start: number; end: number }[]>();
  for (const p of order) {
    const v = found.get(p)!;
    const hits = findAll(ctx, p, caseSensitive).sort((x, y) => x.text.order - y.text.order);
    const using = new Set<string>();
    const shown = new Set<string>();
    for (const { text: t, start, end } of hits) {
      const at = { start, end };
      const spans = taken.get(t) ?? [];
      if ((!nested && spans.some((s) => s.start < end && start < s.end)) || !accept(t.text, at)) continue;
      spans.push(at);
      taken.set(t, spans);
      if (!using.has(t.article)) {
        using.add(t.article);
        v.articles.push(t.article);
      }
      if (t.body && !shown.has(t.article)) {
        const e = sentenceAt(ctx, t.article, start);
        if (e) {
          v.evidence.push(e);
          shown.add(t.article);
        }
      }
    }
  }
  // Articles in story order, as the reader meets them.
  const orderOf = wordIndex(ctx).order;
  for (const v of found.values()) v.articles.sort((x, y) => orderOf.get(x)! - orderOf.get(y)!);
  return order.map((p) => found.get(p)!).filter((v) => v.articles.length);
}

/** Where the story's people are named, per article (offsets into the body). */
export function personSpans(ctx: StoryContext): Map<string, { start: number; end: number }[]> {
  const out = new Map<string, { start: number; end: number }[]>();
  for (const e of ctx.entities) {
    if (e.kind !== 'person') continue;
    for (const m of e.mentions) {
      if (m.start === undefined || m.end === undefined) continue;
      const list = out.get(m.article);
      if (list) list.push({ start: m.start, end: m.end });
      else out.set(m.article, [{ start: m.start, end: m.end }]);
    }
  }
  return out;
}

/** The outlet of each article; syndicated copies are their original's outlet. */
export function outletOf(ctx: StoryContext): (article: string) => string {
  let of = outlets.get(ctx);
  if (!of) {
    const source = new Map(ctx.articles.map((a) => [a.id, a.source ?? a.id]));
    of = (id) => source.get(ctx.duplicateOf.get(id) ?? id) ?? id;
    outlets.set(ctx, of);
  }
  return of;
}

const outlets = new WeakMap<StoryContext, (article: string) => string>();

/**
 * How much the outlets differ in a row: 1 − the mean overlap (Jaccard) of the variant sets of
 * each pair of outlets that use the row at all. 0 when every outlet words it the same way.
 */
export function divergence(ctx: StoryContext, variants: readonly { articles: readonly string[] }[]): number {
  const outlet = outletOf(ctx);
  const used = new Map<string, Set<number>>();
  variants.forEach((v, k) => {
    for (const id of v.articles) {
      const o = outlet(id);
      if (!used.has(o)) used.set(o, new Set());
      used.get(o)!.add(k);
    }
  });
  const sets = [...used.values()];
  if (sets.length < 2) return 0;
  let sum = 0;
  let pairs = 0;
  for (let i = 0; i < sets.length; i++) {
    for (let j = i + 1; j < sets.length; j++) {
      let both = 0;
      for (const k of sets[i]) if (sets[j].has(k)) both++;
      sum += both / (sets[i].size + sets[j].size - both);
      pairs++;
    }
  }
  return 1 - sum / pairs;
}
