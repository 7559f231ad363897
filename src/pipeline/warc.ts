/**
 * Web archives (WARC and WARC.gz, e.g. Common Crawl's CC-NEWS), read record by record as a stream
 * so memory stays flat whatever the file's size. HTML responses (status 200) are decoded,
 * extracted (on worker threads) and stored in batches; every other record is skipped without being
 * read into memory. The records come from a bounded reader ({@link warcRecords}): a truncated
 * record ends the file with a message naming it, and the records before it land; a record with a
 * wrong length is reported and the records after it are read.
 *
 * The HTTP head of each response is read here, so that chunked and compressed payloads are
 * decoded with a size cap.
 *
 * @module
 */
import { statSync } from 'node:fs';
import { UserError } from '../errors.js';
import { resolve } from 'node:path';
import type { Store } from '../store/types.js';
import { mediaTypeOf } from '../ingest/web/charset.js';
import { warcRecords, type WarcRecord } from '../ingest/web/warc-records.js';
import type { Failure } from './extract.js';
import { createExtractPool, defaultThreads } from './extract-pool.js';
import { createSink } from './sink.js';

/** What reading one archive did. */
export interface WarcSummary {
  /** Records read, of every type. */
  records: number;
  /** HTML responses found (status 200). */
  html: number;
  inserted: number;
  updated: number;
  unchanged: number;
  /** HTML responses that did not give an article, and the records the reader could not read whole (truncated, wrong lengths). */
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
   * Group the stored articles into stories (default true): in a step every few thousand new
   * articles as the archive is read, and one at the end. With false they stay pending for the
   * caller's grouping step.
   */
  group?: boolean;
  /**
   * Keep a copy of each page's HTML in its stored article (default false: the article refers to
   * its record in the archive, which is the raw input).
   */
  keepRaw?: boolean;
}

/** New articles between two grouping steps while an archive is read. */
const GROUP_EVERY = 2000;
const HTML_TYPES = new Set(['text/html', 'application/xhtml+xml']);

/** An HTTP head read from a record: status, headers, and its length in bytes. */
interface HttpHead {
  status: number;
  headers: Map<string, string>;
  length: number;
}

async function readHttpHead(record: WarcRecord): Promise<HttpHead | null> {
  let length = 0;
  const first = await record.readLine(8192);
  if (!first) return null;
  length += first.length;
  const m = /^HTTP\/\d(?:\.\d)?\s+(\d{3})/.exec(Buffer.from(first).toString('latin1'));
  if (!m) return null;
  const headers = new Map<string, string>();
  for (let i = 0; i < 500; i++) {
    const raw = await record.readLine(65536);
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

/** Streams a WARC or WARC.gz file into the store. */
export async function ingestWarc(store: Store, path: string, options: WarcOptions | ((bytesRead: number, total: number) => void) = {}): Promise<WarcSummary> {
  const opts: WarcOptions = typeof options === 'function' ? { onProgress: options } : options;
  const maxRecord = opts.maxRecordBytes ?? 8 * 1024 * 1024;
  // A file that cannot be opened fails the call, before anything is read, with its name and why.
  let stat;
  try {
    stat = statSync(path);
  } catch (err) {
    throw new UserError(`${path}: cannot read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
  }
  if (!stat.isFile()) throw new UserError(`${path}: not a file`);
  const summary: WarcSummary = { records: 0, html: 0, inserted: 0, updated: 0, unchanged: 0, failed: [], tooLarge: 0, bytes: 0 };
  // A page captured twice: the later capture stands.
  const sink = createSink(store, { group: opts.group === false ? false : GROUP_EVERY, duplicates: 'last' });
  // Stored articles refer to their records in this file by its absolute path.
  const archiveFile = resolve(path);
  const threads = opts.threads ?? defaultThreads();
  const pool = createExtractPool(threads);
  // Pages queued per thread: enough that the threads stay busy while this one is held up by a
  // store transaction or by grouping a batch (a hundred articles, some 250 ms), few enough that
  // the queued payloads (~160 KB each) stay a few megabytes.
  const maxInFlight = Math.max(8, threads * 32);
  const inFlight = new Set<Promise<void>>();
  // Records cut short or with a wrong length are reported by the reader, which reads on where it can.
  const records = warcRecords(path, {
    onProblem: (p) => summary.failed.push({ origin: p.uri ? `${path}#${p.uri}` : path, error: p.message }),
    onProgress: (read, total) => {
      summary.bytes = read;
      opts.onProgress?.(read, total);
    },
  });
  try {
    for await (const record of records) {
      summary.records++;
      const declared = record.contentLength;
      const url = record.uri ?? '';
      if (!/^https?:\/\//i.test(url)) continue;
      let headers: Map<string, string>;
      if (record.type === 'response') {
        if (!/application\/http/i.test(record.contentType ?? 'application/http')) continue;
        const head = await readHttpHead(record);
        // A head cut short: the reader reports the record.
        if (!head || head.length < 0) continue;
        if (head.status !== 200 || !HTML_TYPES.has(mediaTypeOf(head.headers.get('content-type')))) continue;
        if (declared - head.length > maxRecord) {
          summary.tooLarge++;
          continue;
        }
        headers = head.headers;
      } else if (record.type === 'resource' && HTML_TYPES.has(mediaTypeOf(record.contentType))) {
        if (declared > maxRecord) {
          summary.tooLarge++;
          continue;
        }
        headers = new Map([['content-type', record.contentType ?? 'text/html']]);
      } else continue;
      summary.html++;
      const origin = `${path}#${url}`;
      // Null when the record is cut short or its length is wrong: the reader reports it.
      const raw = await record.readRest(maxRecord);
      if (!raw) continue;
      // Decoding and extraction happen on an extraction thread; this one reads and stores.
      const job = pool
        .extractArchived({
          origin, url, payload: raw, headers: Object.fromEntries(headers), captured: record.date ?? null, maxBytes: maxRecord,
          archive: { file: archiveFile, record: record.id }, keepRaw: opts.keepRaw,
        })
        .then((r) => sink.add(r, origin));
      inFlight.add(job);
      void job.finally(() => inFlight.delete(job));
      // Backpressure: the archive is read no faster than the threads extract.
      while (inFlight.size >= maxInFlight) await Promise.race(inFlight);
    }
  } catch (err) {
    summary.failed.push({ origin: path, error: `the archive is truncated or malformed after ${summary.records} records: ${(err as Error).message}` });
  } finally {
    await records.return(undefined);
    await Promise.all(inFlight);
    await pool.close();
  }
  const stored = await sink.finish();
  summary.inserted = stored.inserted;
  summary.updated = stored.updated;
  summary.unchanged = stored.unchanged;
  summary.failed.push(...stored.failed);
  return summary;
}
