/**
 * Web archives (WARC and WARC.gz, e.g. Common Crawl's CC-NEWS), read record by record as a stream
 * so memory stays flat whatever the file's size. HTML responses (status 200) are decoded,
 * extracted (on worker threads) and stored in batches; every other record is skipped without being
 * read into memory. A truncated record ends the file with a message naming it, and the records
 * before it land.
 *
 * The HTTP head of each response is read here, not by warcio, so that the bytes of the record's
 * block can be counted exactly (a truncated record is one whose block is shorter than its WARC
 * Content-Length), and so that chunked and compressed payloads are decoded with a size cap.
 *
 * @module
 */
import { createReadStream, openSync, readSync, closeSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { WARCParser, type WARCRecord } from 'warcio';
import type { Store } from '../../store/types.js';
import type { Article } from '../../types.js';
import { groupAsStored, type Failure, type StreamGrouping } from '../../pipeline.js';
import { mediaTypeOf } from './charset.js';
import { createExtractPool, defaultThreads } from './extract-pool.js';

/** What reading one archive did. */
export interface WarcSummary {
  /** Records read, of every type. */
  records: number;
  /** HTML responses found (status 200). */
  html: number;
  inserted: number;
  updated: number;
  unchanged: number;
  /** HTML responses that did not give an article, and the truncation, if any. */
  failed: Failure[];
  /** Records skipped for their size. */
  tooLarge: number;
  /** Bytes of the file read. */
  bytes: number;
}

/** Options of a WARC ingest. */
export interface WarcOptions {
  /** Called as the file is read: bytes read so far and the file's size. */
  onProgress?: (bytesRead: number, total: number) => void;
  /** Extraction threads (default: one per core, at most 4; 0 extracts inline). */
  threads?: number;
  /** HTML payloads larger than this are skipped (default 8 MiB). */
  maxRecordBytes?: number;
  /**
   * Group the stored articles into stories (default true), as they are stored rather than by a
   * replay of the collection at the end: see `groupAsStored` in the pipeline.
   */
  regroup?: boolean;
  /**
   * Group into this grouping instead, shared by the archives of one ingest so that each one does
   * not replay the ones before it; the caller finishes it.
   */
  grouping?: StreamGrouping;
  /**
   * Keep a copy of each page's HTML in its stored article (default false: the article refers to
   * its record in the archive, which is the raw input).
   */
  keepRaw?: boolean;
}

/** Articles per store transaction. */
const BATCH = 100;
const HTML_TYPES = new Set(['text/html', 'application/xhtml+xml']);

/** An HTTP head read from a record: status, headers, and its length in bytes. */
interface HttpHead {
  status: number;
  headers: Map<string, string>;
  length: number;
}

async function readHttpHead(record: WARCRecord): Promise<HttpHead | null> {
  let length = 0;
  const first = await record.readlineRaw(8192);
  if (!first) return null;
  length += first.length;
  const m = /^HTTP\/\d(?:\.\d)?\s+(\d{3})/.exec(Buffer.from(first).toString('latin1'));
  if (!m) return null;
  const headers = new Map<string, string>();
  for (let i = 0; i < 500; i++) {
    const raw = await record.readlineRaw(65536);
    if (!raw) break;
    length += raw.length;
    const line = Buffer.from(raw).toString('latin1').replace(/\r?\n$/, '');
    if (!line) return { status: Number(m[1]), headers, length };
    const colon = line.indexOf(':');
    if (colon > 0) {
      const k = line.slice(0, colon).trim().toLowerCase();
      const v = line.slice(colon + 1).trim();
      headers.set(k, headers.has(k) ? `${headers.get(k)}, ${v}` : v);
    }
  }
  // The head never ended: the record is cut inside it.
  return { status: Number(m[1]), headers, length: -1 };
}

/** Gzip by its magic bytes, not by the file's name. */
function isGzip(path: string): boolean {
  const fd = openSync(path, 'r');
  try {
    const head = Buffer.alloc(2);
    return readSync(fd, head, 0, 2, 0) === 2 && head[0] === 0x1f && head[1] === 0x8b;
  } finally {
    closeSync(fd);
  }
}

/** Streams a WARC or WARC.gz file into the store. */
export async function ingestWarc(store: Store, path: string, options: WarcOptions | ((bytesRead: number, total: number) => void) = {}): Promise<WarcSummary> {
  const opts: WarcOptions = typeof options === 'function' ? { onProgress: options } : options;
  const maxRecord = opts.maxRecordBytes ?? 8 * 1024 * 1024;
  const total = statSync(path).size;
  const summary: WarcSummary = { records: 0, html: 0, inserted: 0, updated: 0, unchanged: 0, failed: [], tooLarge: 0, bytes: 0 };
  // Before the file is opened: its data flows from the first 'data' listener on.
  const own = !opts.grouping && (opts.regroup ?? true) ? await groupAsStored(store) : null;
  const grouping = opts.grouping ?? own;
  const stream = createReadStream(path, { highWaterMark: 256 * 1024 });
  stream.on('data', (c) => {
    summary.bytes += c.length;
    opts.onProgress?.(summary.bytes, total);
  });
  // Stored articles refer to their records in this file by its absolute path.
  const archiveFile = resolve(path);
  const threads = opts.threads ?? defaultThreads();
  const pool = createExtractPool(threads);
  // Pages queued per thread: enough that the threads stay busy while this one is held up by a
  // store transaction or by grouping a batch (a hundred articles, some 250 ms), few enough that
  // the queued payloads (~160 KB each) stay a few megabytes.
  const maxInFlight = Math.max(8, threads * 32);
  const inFlight = new Set<Promise<void>>();
  let batch = new Map<string, Article>();
  // Batches are written one after the other: grouping follows the order they were stored in.
  let writing: Promise<void> = Promise.resolve();
  const flush = () => {
    if (!batch.size) return writing;
    const articles = [...batch.values()];
    batch = new Map();
    writing = writing.then(async () => {
      const results = await store.upsertArticles(articles);
      for (const r of results) summary[r]++;
      await grouping?.stored(articles, results);
    });
    return writing;
  };
  // A gzipped archive is inflated by node's zlib (native, and it reads the one-member-per-record
  // layout of WARC.gz) rather than by warcio's JavaScript inflater: a third of the reading cost.
  const source: Readable = isGzip(path) ? stream.pipe(createGunzip({ chunkSize: 256 * 1024 })) : stream;
  if (source !== stream) stream.on('error', (err) => source.destroy(err));
  const parser = new WARCParser(source as unknown as AsyncIterable<Uint8Array>, { parseHttp: false });
  try {
    for await (const record of parser) {
      summary.records++;
      const declared = record.warcContentLength;
      // A record cut off inside its WARC headers comes back without a type or a length.
      if (!record.warcType || !Number.isFinite(declared) || record.warcHeaders.headers.get('content-length') === null) {
        summary.failed.push({ origin: path, error: `the archive is truncated after ${summary.records - 1} whole records` });
        break;
      }
      const url = (record.warcTargetURI ?? '').replace(/^<|>$/g, '');
      if (!/^https?:\/\//i.test(url)) continue;
      let headers: Map<string, string>;
      let consumed = 0;
      if (record.warcType === 'response') {
        if (!/application\/http/i.test(record.warcContentType ?? 'application/http')) continue;
        const head = await readHttpHead(record);
        if (!head) continue;
        const origin = `${path}#${url}`;
        if (head.length < 0) {
          summary.failed.push({ origin, error: 'the archive is truncated inside this record (in its HTTP headers)' });
          break;
        }
        if (head.status !== 200 || !HTML_TYPES.has(mediaTypeOf(head.headers.get('content-type')))) continue;
        if (declared - head.length > maxRecord) {
          summary.tooLarge++;
          continue;
        }
        headers = head.headers;
        consumed = head.length;
      } else if (record.warcType === 'resource' && HTML_TYPES.has(mediaTypeOf(record.warcContentType))) {
        if (declared > maxRecord) {
          summary.tooLarge++;
          continue;
        }
        headers = new Map([['content-type', record.warcContentType ?? 'text/html']]);
      } else continue;
      summary.html++;
      const origin = `${path}#${url}`;
      let raw: Uint8Array;
      try {
        raw = await record.readFully(false);
      } catch (err) {
        summary.failed.push({ origin, error: `the archive is truncated inside this record (${(err as Error).message})` });
        break;
      }
      if (consumed + raw.length < declared) {
        summary.failed.push({ origin, error: `the archive is truncated inside this record (${consumed + raw.length} of ${declared} bytes)` });
        break;
      }
      // Decoding and extraction happen on an extraction thread; this one reads and stores.
      const job = pool
        .extractArchived({
          origin, url, payload: raw, headers: Object.fromEntries(headers), captured: record.warcDate ?? null, maxBytes: maxRecord,
          archive: { file: archiveFile, record: record.warcHeaders.headers.get('WARC-Record-ID') ?? null }, keepRaw: opts.keepRaw,
        })
        .then(async (r) => {
          if ('failure' in r) summary.failed.push(r.failure);
          else {
            batch.set(r.article.id, r.article);
            if (batch.size >= BATCH) await flush();
          }
        });
      inFlight.add(job);
      void job.finally(() => inFlight.delete(job));
      // Backpressure: the archive is read no faster than the threads extract.
      while (inFlight.size >= maxInFlight) await Promise.race(inFlight);
    }
  } catch (err) {
    summary.failed.push({ origin: path, error: `the archive is truncated or malformed after ${summary.records} records: ${(err as Error).message}` });
  } finally {
    stream.destroy();
    if (source !== stream) source.destroy();
    await Promise.all(inFlight);
    await pool.close();
  }
  await flush();
  await own?.finish();
  return summary;
}
