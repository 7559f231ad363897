/**
 * What the quotation finders give, in English and in other languages alike.
 *
 * @module
 */
import type { QuoteSpan, Span } from '../types.js';

/** A quotation as found: the speaker span as written, and the name it resolves to. */
export interface FoundQuote extends QuoteSpan {
  speaker: (Span & { text: string; name: string }) | null;
}
