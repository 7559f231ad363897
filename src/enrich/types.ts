/**
 * What the enrich stage adds to an article's text: sentences, named-entity spans, quotations and
 * dated expressions, all as character offsets into `Article.text`.
 *
 * @module
 */
import type { EntitySpan, QuoteSpan, Span } from '../types.js';

// The shapes stored with an article live with the article's own types.
export type { Enrichment, EntitySpan, EntityType, QuoteSpan, Span } from '../types.js';

export interface Sentence extends Span {
  text: string;
  /** Index of the block (paragraph) the sentence sits in. */
  block: number;
}

/** Recognises named entities in plain text. */
export interface EntityRecogniser {
  recognise(text: string): EntitySpan[];
}

/** Finds quotations and reported speech with their speakers. */
export interface QuoteFinder {
  find(text: string, entities?: EntitySpan[]): QuoteSpan[];
}

export interface DateMention extends Span {
  text: string;
  /** `1994`, `2023-06`, `2023-summer`, `2024-12-03`. */
  date: string;
  /** True when resolved against the article's publication date ("the day before"). */
  relative: boolean;
}
