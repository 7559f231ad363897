/**
 * Web archives (WARC and WARC.gz, e.g. Common Crawl's CC-NEWS), read record by record as a stream
 * so memory stays flat whatever the file's size: HTML responses are extracted and stored in
 * batches, every other record is skipped, and a truncated record ends the file with a message
 * rather than an error for the records before it.
 *
 * @module
 */
import { createReadStream, statSync } from 'node:fs';
import { WARCParser } from 'warcio';
import type { Store } from '../../store/types.js';
import type { Article } from '../../types.js';
import { extractItem, regroup, type Failure } from '../../pipeline.js';
import { decodeBytes } from '../decode.js';
import { urlId, charsetOf } from './pages.js';

export interface WarcSummary {
  records: number;
  html: number;
  inserted: number;
  updated: number;
  unchanged: number;
  failed: Failure[];
  bytes: number;
}

const BATCH = 200;

export async function ingestWarc(store: Store, path: string, onProgress?: (bytesRead: number, total: number) => void): Promise<WarcSummary> {
  const total = statSync(path).size;
  const summary: WarcSummary = { records: 0, html: 0, inserted: 0, updated: 0, unchanged: 0, failed: [], bytes: 0 };
  const stream = createReadStream(path, { highWaterMark: 256 * 1024 });
  stream.on('data', (c) => {
    summary.bytes += c.length;
    onProgress?.(summary.bytes, total);
  });
  let batch: Article[] = [];
  const flush = async () => {
    if (!batch.length) return;
    for (const r of await store.upsertArticles(batch)) summary[r]++;
    batch = [];
  };
  const parser = new WARCParser(stream as unknown as AsyncIterable<Uint8Array>);
  try {
    for await (const record of parser) {
      summary.records++;
      // A record cut off inside its WARC headers comes back with no length at all.
      if (!record.warcType || !record.warcContentLength) {
        summary.failed.push({ origin: path, error: `the archive is truncated after ${summary.records - 1} whole records` });
        break;
      }
      if (record.warcType !== 'response') continue;
      const url = record.warcTargetURI ?? '';
      const type = record.httpHeaders?.headers.get('content-type') ?? '';
      const status = Number(record.httpHeaders?.statusCode ?? 0);
      if (!/html/i.test(type) || status !== 200 || !/^https?:/.test(url)) continue;
      summary.html++;
      const bytes = await record.readFully(false);
      // A record cut off in its body is shorter than its WARC Content-Length says.
      const head = Buffer.byteLength(String(record.httpHeaders ?? ''));
      if (bytes.length + head + 8 < Number(record.warcContentLength)) {
        summary.failed.push({ origin: `${path}#${url}`, error: `the archive is truncated inside this record (${bytes.length + head} of ${record.warcContentLength} bytes)` });
        break;
      }
      const declared = charsetOf(type);
      let decoded = decodeBytes(bytes, '.html');
      if (declared && 'text' in decoded && decoded.charset !== declared) {
        try { decoded = { text: new TextDecoder(declared).decode(bytes), charset: declared }; } catch { /* keep the sniffed one */ }
      }
      const origin = `${path}#${url}`;
      if (!('text' in decoded)) { summary.failed.push({ origin, error: decoded.error }); continue; }
      const r = extractItem({ ok: true, origin, raw: { kind: 'html', origin, content: decoded.text }, record: { id: urlId(url), url }, defaultId: null });
      if ('failure' in r) summary.failed.push(r.failure);
      else batch.push(r.article);
      if (batch.length >= BATCH) await flush();
    }
  } catch (err) {
    summary.failed.push({ origin: path, error: `the archive is truncated or malformed after ${summary.records} records: ${(err as Error).message}` });
  }
  await flush();
  if (summary.inserted || summary.updated) await regroup(store);
  return summary;
}
