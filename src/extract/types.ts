/**
 * What an extractor returns: the article's fields without the ones the pipeline sets
 * (id, content hash, raw input). The same shape for plain text and HTML.
 *
 * @module
 */
import type { Article } from '../types.js';

export type Extracted = Omit<Article, 'id' | 'contentHash' | 'raw'>;

export interface ExtractOptions {
  /** Where the input came from (a path or URL), for messages. */
  origin: string;
  /** The page's URL when known: resolves relative links, gives the outlet's domain. */
  url?: string | null;
  /** Cap on work per page; past it the extractor returns its best effort and says so. */
  maxBytes?: number;
  timeoutMs?: number;
}
