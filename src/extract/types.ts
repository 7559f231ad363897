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
  /** The headline the input's record gives, if any: it marks where the header's headline line is. */
  title?: string | null;
  /** The outlet the input's record gives, if any: a title suffix that names it is dropped. */
  source?: string | null;
  /** Cap on work per page; past it the extractor returns its best effort and says so. */
  maxBytes?: number;
  timeoutMs?: number;
}
