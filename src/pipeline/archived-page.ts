/**
 * One archived HTTP response made into an article: payload decoded (chunking, compression),
 * charset found, canonical URL and id taken, then extracted. Runs on an extraction thread when
 * there is one, so that the thread reading the archive only reads and stores.
 *
 * @module
 */
import { brotliDecompressSync, gunzipSync, inflateSync } from 'node:zlib';
import { decodeBody } from '../ingest/web/charset.js';
import { canonicalOf, cleanUrl, urlId } from '../ingest/web/pages.js';
import { extractItem, type Extracted } from './extract.js';

/** An HTML response read from an archive, not yet decoded. */
export interface ArchivedPage {
  /** `file#url`, for messages. */
  origin: string;
  url: string;
  /** The HTTP payload as stored (possibly chunked or compressed). */
  payload: Uint8Array;
  /** HTTP response headers, lower-case names. */
  headers: Record<string, string>;
  /** The capture date (WARC-Date), standing in for a page that gives none. */
  captured: string | null;
  /** Decoded payloads larger than this are not inflated. */
  maxBytes: number;
  /** The archive and the record's WARC-Record-ID: the article's raw input refers to them. */
  archive?: { file: string; record: string | null };
  /** Keep a copy of the decoded page in the article as well (default: the reference only). */
  keepRaw?: boolean;
}

/** Undoes chunked transfer coding; null when the body is not in fact chunked. */
function dechunk(body: Buffer): Buffer | null {
  const parts: Buffer[] = [];
  let i = 0;
  while (i < body.length) {
    const eol = body.indexOf('\r\n', i);
    if (eol < 0) return null;
    const size = parseInt(body.subarray(i, eol).toString('latin1').split(';')[0].trim(), 16);
    if (!Number.isFinite(size) || size < 0) return null;
    if (size === 0) return Buffer.concat(parts);
    parts.push(body.subarray(eol + 2, eol + 2 + size));
    i = eol + 2 + size + 2;
  }
  return Buffer.concat(parts);
}

/** The payload as the page's bytes: chunking and compression undone where the bytes show them. */
export function payloadOf(body: Buffer, headers: Record<string, string>, max: number): Buffer {
  let out = body;
  if (/chunked/i.test(headers['transfer-encoding'] ?? '')) out = dechunk(out) ?? out;
  const enc = (headers['content-encoding'] ?? '').toLowerCase().trim();
  // Archives often keep the header while storing the decoded payload: trust the bytes.
  try {
    if ((enc === 'gzip' || enc === 'x-gzip') && out[0] === 0x1f && out[1] === 0x8b) out = gunzipSync(out, { maxOutputLength: max });
    else if (enc === 'deflate' && out[0] !== 0x3c) out = inflateSync(out, { maxOutputLength: max });
    else if (enc === 'br' && out[0] !== 0x3c) out = brotliDecompressSync(out, { maxOutputLength: max });
  } catch {
    /* not in fact compressed, or over the cap: the bytes stay as they are */
  }
  return out;
}

export function extractArchivedPage(page: ArchivedPage): Extracted {
  const bytes = Buffer.from(page.payload.buffer, page.payload.byteOffset, page.payload.byteLength);
  const decoded = decodeBody(payloadOf(bytes, page.headers, page.maxBytes), page.headers['content-type'], '.html');
  if ('error' in decoded) return { failure: { origin: page.origin, error: decoded.error } };
  const canonical = canonicalOf(decoded.text, page.url);
  const r = extractItem({ ok: true, origin: page.origin, raw: { kind: 'html', origin: page.url, content: decoded.text }, record: { id: urlId(canonical ?? page.url), url: cleanUrl(canonical ?? page.url) }, defaultId: null });
  // The stored article refers to its record rather than copying the page: writing every page's
  // HTML a second time was the largest cost of an archive's ingest.
  if ('article' in r && page.archive && !page.keepRaw) r.article.raw = { kind: 'html', origin: page.url, content: '', archive: { ...page.archive, url: page.url } };
  if ('article' in r && !r.article.published && page.captured) {
    r.article.published = page.captured.slice(0, 10);
    r.article.provenance.published = 'warc-date';
    r.article.messages.push({ stage: 'ingest', rule: 'date:from-capture', reason: "the page gives no date: the archive's capture date stands in", level: 'info' });
  }
  return r;
}
