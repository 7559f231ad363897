/**
 * What an article's own text gives, worked out once and shared by every analysis of it: its
 * sentences, its statements, its words. A story analysed again as it grows (a watch, a server,
 * the pipeline after one more article) holds mostly the same articles, and their text need not
 * be read again.
 *
 * Entries are kept by the article's text, not by the article object: the analysis copies an
 * article whose date it completes (see dates.ts), and the copy has the same text. A cache holds a
 * bounded number of texts and starts afresh when full.
 *
 * The results are shared: callers must not change them.
 *
 * @module
 */
import type { Article } from '../types.js';
import type { Sentence } from '../enrich/types.js';
import { splitSentences } from '../enrich/sentences.js';
import { memoByKey } from './similarity/memo.js';

/** Texts a cache keeps before it starts afresh (a few large stories' worth). */
const MAX_TEXTS = 10_000;

/**
 * A value worked out from an article's text, its blocks and an `input` derived from the article
 * (sentences, say), kept by text while the blocks and the input (compared by identity) stay the
 * same.
 */
export class TextMemo<I, V> {
  private readonly cache = new Map<string, { blocks: Article['blocks']; input: I; value: V }>();

  constructor(private readonly compute: (a: Article, input: I) => V) {}

  get(a: Article, input: I): V {
    const hit = this.cache.get(a.text);
    if (hit && hit.blocks === a.blocks && hit.input === input) return hit.value;
    const value = this.compute(a, input);
    if (this.cache.size >= MAX_TEXTS) this.cache.clear();
    this.cache.set(a.text, { blocks: a.blocks, input, value });
    return value;
  }
}

/** The article's sentences ({@link splitSentences} of its text), split once per text. */
const sentencesOf = memoByKey(MAX_TEXTS, splitSentences);

export function articleSentences(a: Article): Sentence[] {
  return sentencesOf(a.text);
}
