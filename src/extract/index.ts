/**
 * The extract stage: a raw input and its record hints in, a clean {@link Article} out.
 * Plain text and HTML have their own extractors with one output shape; hints given by the
 * input (a JSONL record's title, source, date) win over what the extractor guessed.
 *
 * @module
 */
import { createHash } from 'node:crypto';
import type { Article, ArticleRecord, RawInput } from '../types.js';
import type { ExtractOptions, Extracted } from './types.js';
import { extractText } from './text/index.js';
import { extractHtml } from './html/index.js';
import { parseDate } from './pubdate.js';
import { stripSiteSuffix } from './text/title.js';
import { detectLanguage } from '../lang/detect.js';

export type { Extracted, ExtractOptions } from './types.js';

export interface ExtractInput {
  raw: RawInput;
  record?: ArticleRecord;
  /** The id to use when the record has none: the file name without extension. */
  defaultId?: string | null;
}

export function contentHash(raw: RawInput, record: ArticleRecord = {}): string {
  const h = createHash('sha256');
  h.update(raw.kind).update('\0').update(raw.content);
  // A record's metadata is part of its content: a corrected title is an update.
  for (const k of ['url', 'source', 'title', 'published'] as const) h.update('\0').update(record[k] ?? '');
  return h.digest('hex');
}

export function extractArticle({ raw, record = {}, defaultId = null }: ExtractInput): Article {
  const options: ExtractOptions = { origin: raw.origin, url: record.url ?? null, title: record.title ?? null, source: record.source ?? null };
  const extracted: Extracted = raw.kind === 'html' ? extractHtml(raw.content, options) : extractText(raw.content, options);
  const hash = contentHash(raw, record);
  const article: Article = {
    ...extracted,
    id: record.id != null && String(record.id).trim() ? String(record.id) : defaultId ?? hash.slice(0, 16),
    contentHash: hash,
    raw,
  };
  applyRecordHints(article, record);
  if (!article.language && article.text) {
    const { language } = detectLanguage(article.text.slice(0, 2000));
    if (language) {
      article.language = language;
      article.provenance.language = 'detected';
    }
  }
  return article;
}

function applyRecordHints(a: Article, r: ArticleRecord): void {
  if (r.title?.trim()) {
    // A record's title may be the page's <title>: "Headline | Site" keeps only the headline.
    a.title = stripSiteSuffix(r.title.trim(), { source: r.source, url: r.url });
    a.provenance.title = 'record';
  }
  if (r.source?.trim()) { a.source = r.source.trim(); a.provenance.source = 'record'; }
  if (r.url?.trim()) a.url = r.url.trim();
  if (r.published?.trim()) {
    const d = parseDate(r.published);
    if (d) { a.published = d; a.provenance.published = 'record'; }
    else a.messages.push({ stage: 'extract', rule: 'record:bad-date', reason: `the record's published date "${r.published}" is not a date`, level: 'warning' });
  }
  if (!a.source && a.url) {
    try {
      a.source = new URL(a.url).hostname.replace(/^www\./, '');
      a.provenance.source = 'url:domain';
    } catch {
      /* not a URL: leave the outlet unknown */
    }
  }
}
