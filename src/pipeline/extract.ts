/**
 * The extract step of the pipeline: input items (read and decoded by the ingest stage) made into
 * articles, an extractor's failure turned into a reported one.
 *
 * @module
 */
import type { Article } from '../types.js';
import { expandPaths, readInputs, type InputItem } from '../ingest/files.js';
import { extractArticle } from '../extract/index.js';
import type { ClusterDoc } from '../cluster/types.js';

/** An input that gave no article, and why. */
export interface Failure {
  origin: string;
  error: string;
}

/** What extracting one input gives. */
export type Extracted = { article: Article } | { failure: Failure };

/** Reads every path into input items (bad ones carry their error). */
export function collectInputs(paths: string[]): InputItem[] {
  const { files, errors } = expandPaths(paths);
  const items: InputItem[] = [...errors];
  for (const f of files) items.push(...readInputs(f));
  return items;
}

/** Extracts one item, turning an extractor failure into a reported one. */
export function extractItem(item: InputItem): Extracted {
  if (!item.ok) return { failure: { origin: item.origin, error: item.error } };
  try {
    const article = extractArticle({ raw: item.raw, record: item.record, defaultId: item.defaultId });
    const fatal = article.messages.find((m) => m.level === 'error');
    if (!article.text.trim()) return { failure: { origin: item.origin, error: fatal?.reason ?? 'not an article: no body text found' } };
    return { article };
  } catch (err) {
    return { failure: { origin: item.origin, error: `extraction failed: ${(err as Error).message}` } };
  }
}

/** What grouping reads of an article. */
export function toClusterDoc(a: Article): ClusterDoc {
  return { id: a.id, title: a.title, text: a.text, published: a.published, source: a.source, url: a.url };
}
