/**
 * Inputs read one at a time, for bulk ingest: memory follows the largest single article, not the
 * size of a file or of the batch. A file of records (JSONL, gzipped or not, or standard input
 * holding JSONL) is read line by line, each line decoded and parsed on its own, so no whole-file
 * copy (bytes, text, lines, parsed records) is ever held; other files are read whole, one at a
 * time, since each is one article (or one JSON document). Gzip is inflated as a stream that is
 * stopped the moment its output passes the limit of one input, and a file refused for its size is
 * refused before any of its records is given out, so that nothing of it is stored.
 *
 * @module
 */
import { closeSync, createReadStream, openSync, readSync, statSync } from 'node:fs';
import { createGunzip } from 'node:zlib';
import type { Readable } from 'node:stream';
import { decodeBytes } from './decode.js';
import { expandPaths, fromRecord, innerExt, isGzip, itemsFromBytes, JSONL_EXT, readInputs, tooLarge, unreadable, type InputItem } from './files.js';
import { MAX_INPUT_BYTES, readStdin } from './stdin.js';

/** Inputs given out lazily, with how far the reading has gone (for a progress bar). */
export interface InputStream extends AsyncIterable<InputItem> {
  /** Files to read (standard input counts as one); the paths that named nothing are items already. */
  readonly total: number;
  /** Files read to their end so far. */
  readonly done: number;
  /** Files in the directories given that are not inputs by their extension (see `expandPaths`). */
  readonly skipped: string[];
}

/** Reads paths (files, directories, globs, `-`) as a stream of input items. */
export function streamInputs(paths: string[], max = MAX_INPUT_BYTES): InputStream {
  const { files, errors, skipped } = expandPaths(paths);
  let done = 0;
  async function* items(): AsyncGenerator<InputItem> {
    yield* errors;
    for (const f of files) {
      yield* readOne(f, max);
      done++;
    }
  }
  return {
    total: files.length,
    skipped,
    get done() {
      return done;
    },
    [Symbol.asyncIterator]: items,
  };
}

/** One path's items: JSONL record by record, anything else whole. */
async function* readOne(path: string, max: number): AsyncGenerator<InputItem> {
  if (path === '-') {
    // Standard input cannot be read twice, so it is held (bounded) rather than streamed.
    const read = readStdin(max);
    if ('error' in read) return yield { ok: false, origin: 'stdin', error: read.error };
    if (looksLikeJsonl(read.bytes)) yield* jsonlRecords('stdin', chunksOf(read.bytes));
    else yield* itemsFromBytes('-', read.bytes);
    return;
  }
  let head: Buffer;
  try {
    const st = statSync(path);
    if (!st.isFile()) return yield { ok: false, origin: path, error: 'not a regular file' };
    if (st.size > max) return yield { ok: false, origin: path, error: tooLarge(`${st.size} bytes`) };
    head = peek(path, 4096);
  } catch (err) {
    return yield { ok: false, origin: path, error: unreadable(err) };
  }
  const gz = isGzip(path, head);
  if (!gz && !JSONL_EXT.has(innerExt(path))) return yield* readInputs(path);
  if (gz) {
    // The inflated size is known before anything is given out: a file over the limit stores nothing.
    const size = await inflatedSize(path, max);
    if ('error' in size) return yield { ok: false, origin: path, error: size.error };
    if (!JSONL_EXT.has(innerExt(path))) {
      const bytes = await readInflated(path, max);
      if ('error' in bytes) return yield { ok: false, origin: path, error: bytes.error };
      return yield* itemsFromBytes(path, bytes.bytes);
    }
  }
  const source = () => {
    const file = createReadStream(path, { highWaterMark: 1 << 20 });
    return gz ? file.pipe(createGunzip()) : file;
  };
  // UTF-16 splits no lines on a single newline byte: such a file (rare) is read whole, bounded.
  const first = await firstBytes(source(), 4096);
  if (first.includes(0) || (first[0] === 0xff && first[1] === 0xfe) || (first[0] === 0xfe && first[1] === 0xff)) {
    const bytes = gz ? await readInflated(path, max) : { bytes: await wholeOf(source()) };
    if ('error' in bytes) return yield { ok: false, origin: path, error: bytes.error };
    return yield* itemsFromBytes(path, bytes.bytes);
  }
  try {
    yield* jsonlRecords(path, source());
  } catch (err) {
    yield { ok: false, origin: path, error: gz ? `not a readable gzip file (${(err as Error).message})` : unreadable(err) };
  }
}

/** Standard input holds JSONL when it opens with an object and another starts on a later line. */
function looksLikeJsonl(bytes: Buffer): boolean {
  let i = 0;
  while (i < bytes.length && (bytes[i] === 0x20 || bytes[i] === 0x09 || bytes[i] === 0x0a || bytes[i] === 0x0d)) i++;
  if (bytes[i] !== 0x7b) return false;
  let end = bytes.length;
  while (end > i && (bytes[end - 1] === 0x20 || bytes[end - 1] === 0x09 || bytes[end - 1] === 0x0a || bytes[end - 1] === 0x0d)) end--;
  const next = bytes.subarray(i, end).indexOf('\n{');
  // UTF-16 and other non-ASCII-compatible text is left to the whole-input decoder.
  return next > 0 && !bytes.subarray(0, 4096).includes(0);
}

async function* chunksOf(bytes: Buffer): AsyncGenerator<Buffer> {
  // Views, not copies: lines are cut out of the one buffer already held.
  for (let at = 0; at < bytes.length; at += 1 << 20) yield bytes.subarray(at, at + (1 << 20));
}

/** Up to `n` bytes from the start of a file, read synchronously. */
function peek(path: string, n: number): Buffer {
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(n);
    return buf.subarray(0, readSync(fd, buf, 0, n, 0));
  } finally {
    closeSync(fd);
  }
}

/** The first `n` bytes of a stream, which is then closed. */
async function firstBytes(stream: Readable, n: number): Promise<Buffer> {
  const parts: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      parts.push(chunk);
      size += chunk.length;
      if (size >= n) break;
    }
  } catch {
    /* a damaged stream is reported when it is read in earnest */
  } finally {
    stream.destroy();
  }
  return Buffer.concat(parts).subarray(0, n);
}

async function wholeOf(stream: Readable): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const chunk of stream as AsyncIterable<Buffer>) parts.push(chunk);
  return Buffer.concat(parts);
}

/**
 * Inflates a gzip file as a stream, keeping nothing (`keep` false) or everything, and stops the
 * moment the output passes `max`: a bomb costs one chunk of memory and the time to reach the limit.
 */
async function inflate(path: string, max: number, keep: boolean): Promise<{ size: number; parts: Buffer[] } | { error: string }> {
  const gunzip = createReadStream(path, { highWaterMark: 1 << 16 }).pipe(createGunzip({ chunkSize: 1 << 16 }));
  const parts: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of gunzip as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > max) return { error: tooLarge(`more than ${max} bytes once decompressed`) };
      if (keep) parts.push(chunk);
    }
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return { error: code === 'ENOENT' || code === 'EACCES' ? unreadable(err) : 'not a readable gzip file' };
  } finally {
    gunzip.destroy();
  }
  return { size, parts };
}

async function inflatedSize(path: string, max: number): Promise<{ size: number } | { error: string }> {
  const r = await inflate(path, max, false);
  return 'error' in r ? r : { size: r.size };
}

async function readInflated(path: string, max: number): Promise<{ bytes: Buffer } | { error: string }> {
  const r = await inflate(path, max, true);
  return 'error' in r ? r : { bytes: Buffer.concat(r.parts, r.size) };
}

/** True when a line holds only white space. */
function blank(line: Buffer): boolean {
  for (const b of line) if (b !== 0x20 && b !== 0x09 && b !== 0x0d && b !== 0x0a) return false;
  return true;
}

/**
 * The records of a JSONL stream, one line at a time: each line is decoded on its own (UTF-8 with
 * its bad bytes replaced and a warning, or the legacy charset its bytes read as) and parsed, and a
 * bad line is an item naming its number, the others read on.
 */
async function* jsonlRecords(origin: string, source: AsyncIterable<Buffer>): AsyncGenerator<InputItem> {
  let parts: Buffer[] = [];
  let lineNo = 0;
  let bytes = 0;
  let text = false;
  const one = (line: Buffer): InputItem | null => {
    lineNo++;
    if (lineNo === 1 && line[0] === 0xef && line[1] === 0xbb && line[2] === 0xbf) line = line.subarray(3);
    if (blank(line)) return null;
    text = true;
    const where = `${origin}:${lineNo}`;
    const decoded = decodeBytes(line, '.jsonl');
    if ('error' in decoded) return { ok: false, origin: where, error: decoded.error };
    let rec: unknown;
    try {
      rec = JSON.parse(decoded.text);
    } catch (err) {
      return { ok: false, origin: where, error: `invalid JSON (${(err as Error).message})` };
    }
    const item = fromRecord(rec, where, null);
    if (item.ok && decoded.warning) item.warnings = [decoded.warning];
    return item;
  };
  for await (const chunk of source) {
    bytes += chunk.length;
    let from = 0;
    for (let nl = chunk.indexOf(0x0a); nl >= 0; nl = chunk.indexOf(0x0a, from)) {
      const piece = chunk.subarray(from, nl);
      const line = parts.length ? Buffer.concat([...parts, piece]) : piece;
      parts = [];
      from = nl + 1;
      const item = one(line);
      if (item) yield item;
    }
    // The rest of the chunk begins the next line. It is copied only when it is a view into a
    // chunk that is let go (a file's chunks are not reused, but a view would keep all of it).
    if (from < chunk.length) parts.push(from === 0 ? chunk : Buffer.from(chunk.subarray(from)));
  }
  if (parts.length) {
    const item = one(Buffer.concat(parts));
    if (item) yield item;
  }
  if (!bytes) yield { ok: false, origin, error: 'empty file' };
  else if (!text) yield { ok: false, origin, error: 'no text (only white space)' };
}
