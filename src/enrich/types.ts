/**
 * What the enrich stage adds to an article's text: sentences, named-entity spans, quotations and
 * dated expressions, all as character offsets into `Article.text`.
 *
 * @module
 */

export interface Span {
  start: number;
  end: number;
}

export interface Sentence extends Span {
  text: string;
  /** Index of the block (paragraph) the sentence sits in. */
  block: number;
}

/** CoNLL-style entity types. */
export type EntityType = 'PER' | 'ORG' | 'LOC' | 'MISC';

export interface EntitySpan extends Span {
  text: string;
  type: EntityType;
}

/** Recognises named entities in plain text. */
export interface EntityRecogniser {
  recognise(text: string): EntitySpan[];
}

export interface QuoteSpan extends Span {
  /** The quoted or reported content. */
  text: string;
  /** True when the content stands inside quotation marks. */
  direct: boolean;
  /** Where the text names the source ("Brell", "he", "a senior U.S. official"), if anywhere. */
  speaker: (Span & { text: string }) | null;
  /** The speech verb or cue ("said", "according to"), if any. */
  cue?: (Span & { text: string }) | null;
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

/** What the enrich stage found in one article's text, as stored with the article. */
export interface Enrichment {
  /** The enrich version (`enrichVersion`) that made it. */
  version: string;
  /** Hash of the text it was made from (first 16 hex digits of SHA-256). */
  text: string;
  /** Entity spans, flat: start, end, type index (PER, ORG, LOC, MISC, as `TYPES` in enrich/index.ts) for each. */
  entities: number[];
  quotes: QuoteSpan[];
}
