/**
 * The records of a WARC or WARC.gz file, one after the other, read with bounded memory whatever
 * the file says about itself.
 *
 * The framing is read here rather than trusted to a general parser, because archives in the wild
 * are cut short and carry wrong lengths:
 *
 * - Every read stops at the end of the data: a record whose Content-Length runs past the end ends
 *   the archive with a report naming it, instead of a skip loop waiting for bytes that never come.
 * - A record is whole when its block is followed by the CRLF CRLF that ends a record, or by line
 *   ends and then the end of the data or the next `WARC/` line. One that is not (its Content-Length too large, swallowing the
 *   records after it, or too small) is reported with its byte offset, and reading goes on from the
 *   next line starting `WARC/1.` after its headers, so the records after a bad one are kept.
 * - Lines (WARC headers, and the HTTP head a caller reads from a block) are read up to a size
 *   given by the caller; a block is either skipped, a chunk at a time, or read whole when it is no
 *   larger than the caller's cap, so that an oversized record is never held in memory.
 *
 * Offsets are byte offsets in the archive's data: in the file for a plain WARC, in the
 * decompressed stream for a WARC.gz (each gzip member of such a file is one record, and the
 * members are read as one stream).
 *
 * @module
 */
import { createReadStream, openSync, readSync, closeSync, statSync, type ReadStream } from 'node:fs';
import type { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';

/** A framing problem: a record cut short, a wrong length, bytes that are not a record. */
export interface WarcProblem {
  /** Byte offset of the record (or of the bytes that are not one) in the archive's data. */
  offset: number;
  /** The record's WARC-Target-URI, when its headers were read. */
  uri: string | null;
  /** What is wrong, in a sentence; the offset is in it. */
  message: string;
  /** True when the archive ends inside this record (nothing after it is read). */
  truncated: boolean;
}

/** Options of {@link warcRecords}. */
export interface WarcRecordOptions {
  /** Called for every record or stretch of bytes that cannot be read as a whole record. */
  onProblem?: (problem: WarcProblem) => void;
  /** Called as the file is read: bytes of the file read so far (never less than before) and its size. */
  onProgress?: (fileBytes: number, total: number) => void;
}

/** One record of the archive. Its block is read through {@link WarcRecord.readLine} and {@link WarcRecord.readRest}. */
export interface WarcRecord {
  /** Byte offset of the record's `WARC/` line in the archive's data. */
  offset: number;
  /** The WARC headers, by lower-case name. */
  headers: Map<string, string>;
  /** WARC-Type, e.g. `response`, `resource`, `request`. */
  type: string | null;
  /** WARC-Target-URI, without angle brackets. */
  uri: string | null;
  /** WARC-Date. */
  date: string | null;
  /** WARC-Record-ID. */
  id: string | null;
  /** Content-Type of the block. */
  contentType: string | null;
  /** Content-Length of the block, as declared. */
  contentLength: number;
  /** Bytes of the block read so far. */
  readonly consumed: number;
  /**
   * The next line of the block, with its line end, at most `max` bytes (a longer line comes in
   * pieces); null at the end of the block, or where the data ends before it (the record is then
   * reported as truncated).
   */
  readLine(max: number): Promise<Uint8Array | null>;
  /**
   * The rest of the block, when it is at most `max` bytes and the record is whole (its block ends
   * where the next record or the end of the data begins); null otherwise, and nothing is held: a
   * rest over `max` is left to be skipped, and a record cut short or with a wrong length is
   * reported by the reader.
   */
  readRest(max: number): Promise<Uint8Array | null>;
}

/** Longest line of WARC headers read. */
const MAX_HEADER_LINE = 64 * 1024;
/** Most bytes of WARC headers one record may have. */
const MAX_HEADER_BYTES = 256 * 1024;
/** Line ends allowed between a block and the next record (the standard has exactly CRLF CRLF). */
const MAX_GAP = 1024;
const CHUNK = 256 * 1024;
const WARC_LINE = Buffer.from('WARC/1.');
const RECORD_END = Buffer.from('\r\n\r\n');
const NEWLINE_WARC_LINE = Buffer.from('\nWARC/1.');

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

/**
 * The archive's data as a sequence of bytes with a position: read, skipped, peeked at, and
 * restarted at an earlier offset (a plain file is reopened there; a gzipped one is decompressed
 * again from its start, which happens only after a bad record).
 */
class ByteReader {
  /** Offset in the data of `chunk[at]`. */
  pos = 0;
  /** Set when the data is over; `error` says why, when it is not the file's end. */
  done = false;
  error: Error | null = null;
  private chunk: Buffer = Buffer.alloc(0);
  private at = 0;
  private file: ReadStream | null = null;
  private source: Readable | null = null;
  private iterator: AsyncIterator<Buffer> | null = null;
  private fileStart = 0;
  private fileRead = 0;
  readonly total: number;

  constructor(
    private readonly path: string,
    private readonly gzip: boolean,
    private readonly onProgress?: (fileBytes: number, total: number) => void,
  ) {
    this.total = statSync(path).size;
  }

  /** (Re)opens the data at `offset`. */
  async open(offset: number): Promise<void> {
    this.close();
    this.done = false;
    this.error = null;
    this.chunk = Buffer.alloc(0);
    this.at = 0;
    const start = this.gzip ? 0 : Math.min(offset, this.total);
    this.fileStart = start;
    this.file = createReadStream(this.path, { start, highWaterMark: CHUNK });
    if (this.gzip) {
      const gunzip = createGunzip({ chunkSize: CHUNK });
      this.file.on('error', (err) => gunzip.destroy(err));
      this.source = this.file.pipe(gunzip);
    } else this.source = this.file;
    this.iterator = (this.source as AsyncIterable<Buffer>)[Symbol.asyncIterator]();
    this.pos = start;
    if (this.pos < offset) await this.skip(offset - this.pos);
  }

  close(): void {
    this.file?.destroy();
    if (this.source && this.source !== this.file) this.source.destroy();
    this.file = this.source = null;
    this.iterator = null;
  }

  /** Ensures a byte is at hand; false at the end of the data. */
  private async fill(): Promise<boolean> {
    while (this.at >= this.chunk.length) {
      if (this.done || !this.iterator) return false;
      let next: IteratorResult<Buffer>;
      try {
        next = await this.iterator.next();
      } catch (err) {
        this.error = err as Error;
        this.done = true;
        return false;
      }
      if (next.done) {
        this.done = true;
        return false;
      }
      this.chunk = next.value;
      this.at = 0;
      const read = this.fileStart + (this.file?.bytesRead ?? 0);
      if (read > this.fileRead) {
        this.fileRead = read;
        this.onProgress?.(read, this.total);
      }
    }
    return true;
  }

  /** Up to `n` bytes ahead, without moving (n small). */
  async peek(n: number): Promise<Buffer> {
    if (!(await this.fill())) return Buffer.alloc(0);
    while (this.chunk.length - this.at < n && !this.done) {
      const rest = this.chunk.subarray(this.at);
      const pos = this.pos;
      this.at = this.chunk.length;
      if (!(await this.fill())) {
        this.chunk = rest;
        this.at = 0;
        this.pos = pos;
        break;
      }
      this.chunk = Buffer.concat([rest, this.chunk.subarray(this.at)]);
      this.at = 0;
      this.pos = pos;
    }
    return this.chunk.subarray(this.at, this.at + n);
  }

  /** Skips up to `n` bytes; returns how many were skipped (fewer at the end of the data). */
  async skip(n: number): Promise<number> {
    let left = n;
    while (left > 0 && (await this.fill())) {
      const k = Math.min(left, this.chunk.length - this.at);
      this.at += k;
      this.pos += k;
      left -= k;
    }
    return n - left;
  }

  /** Copies up to `n` bytes into `out` at `offset`; returns how many were copied. */
  async readInto(out: Uint8Array, offset: number, n: number): Promise<number> {
    let got = 0;
    while (got < n && (await this.fill())) {
      const k = Math.min(n - got, this.chunk.length - this.at);
      out.set(this.chunk.subarray(this.at, this.at + k), offset + got);
      this.at += k;
      this.pos += k;
      got += k;
    }
    return got;
  }

  /** A line with its end, at most `max` bytes; empty at the end of the data. */
  async readLine(max: number): Promise<Buffer> {
    const parts: Buffer[] = [];
    let length = 0;
    while (length < max && (await this.fill())) {
      const nl = this.chunk.indexOf(0x0a, this.at);
      const end = Math.min(nl < 0 ? this.chunk.length : nl + 1, this.at + (max - length));
      parts.push(this.chunk.subarray(this.at, end));
      length += end - this.at;
      this.pos += end - this.at;
      this.at = end;
      if (nl >= 0 && end === nl + 1) break;
    }
    return parts.length === 1 ? parts[0] : Buffer.concat(parts, length);
  }

  /** Skips line ends (at most `max` bytes of them); returns how many. */
  async skipLineEnds(max: number): Promise<number> {
    let n = 0;
    while (n < max && (await this.fill())) {
      const b = this.chunk[this.at];
      if (b !== 0x0d && b !== 0x0a) break;
      this.at++;
      this.pos++;
      n++;
    }
    return n;
  }

  /**
   * Moves to the next line that starts `WARC/1.`, here or after; false (at the end of the data)
   * when there is none. Holds one chunk at a time.
   */
  async seekRecordLine(): Promise<boolean> {
    if ((await this.peek(WARC_LINE.length)).equals(WARC_LINE)) return true;
    const n = NEWLINE_WARC_LINE.length;
    for (;;) {
      // At least a whole pattern at hand (peek joins the tail of a chunk to the next one).
      if ((await this.peek(n)).length < n) {
        await this.skip(Number.MAX_SAFE_INTEGER);
        return false;
      }
      const i = this.chunk.indexOf(NEWLINE_WARC_LINE, this.at);
      const k = i >= 0 ? i + 1 - this.at : this.chunk.length - (n - 1) - this.at;
      this.at += k;
      this.pos += k;
      if (i >= 0) return true;
    }
  }
}

type State = 'open' | 'whole' | 'short' | 'bad';

/**
 * The records of a WARC or WARC.gz file, in order. Problems of framing go to `onProblem` and
 * reading goes on where it can; the generator ends at the end of the data whatever the lengths
 * in the file say. The block of a record must be read (or left) before the next one is asked for.
 */
export async function* warcRecords(path: string, options: WarcRecordOptions = {}): AsyncGenerator<WarcRecord> {
  const gzip = isGzip(path);
  const reader = new ByteReader(path, gzip, options.onProgress);
  const where = (offset: number) => `at byte ${offset}${gzip ? ' of the decompressed archive' : ''}`;
  const problem = (p: WarcProblem) => options.onProblem?.(p);
  /** After bytes that are not a whole record: on to the next `WARC/1.` line, reporting what was passed over. */
  const resync = async (from: number, report: (next: number | null) => WarcProblem): Promise<boolean> => {
    if (from < reader.pos || reader.done) await reader.open(from);
    const found = await reader.seekRecordLine();
    problem(report(found ? reader.pos : null));
    return found;
  };
  try {
    await reader.open(0);
    for (;;) {
      // Line ends between records, then the record's first line.
      await reader.skipLineEnds(MAX_GAP);
      const offset = reader.pos;
      const first = await reader.readLine(MAX_HEADER_LINE);
      if (!first.length) {
        if (reader.error) problem({ offset, uri: null, message: `the archive's data ends ${where(offset)} with an error: ${reader.error.message}`, truncated: true });
        return;
      }
      if (!/^WARC\/\d/.test(first.toString('latin1'))) {
        const more = await resync(reader.pos, (next) => ({
          offset, uri: null, truncated: false,
          message: next === null ? `no WARC record begins ${where(offset)}, nor anywhere after it: the rest of the archive was not read` : `no WARC record begins ${where(offset)}: ${next - offset} bytes skipped to the next record, ${where(next)}`,
        }));
        if (!more) return;
        continue;
      }

      // The WARC headers, up to the blank line that ends them.
      const headers = new Map<string, string>();
      let headerBytes = first.length;
      let last: string | null = null;
      let ended = false;
      let tooLong = false;
      while (headerBytes <= MAX_HEADER_BYTES) {
        const raw = await reader.readLine(MAX_HEADER_LINE);
        if (!raw.length) break;
        headerBytes += raw.length;
        if (raw[raw.length - 1] !== 0x0a && raw.length >= MAX_HEADER_LINE) {
          tooLong = true;
          break;
        }
        const line = raw.toString('utf8').replace(/\r?\n$/, '');
        if (!line) {
          ended = raw[raw.length - 1] === 0x0a;
          break;
        }
        if (/^[ \t]/.test(line) && last) {
          headers.set(last, `${headers.get(last)} ${line.trim()}`);
          continue;
        }
        const colon = line.indexOf(':');
        if (colon <= 0) continue;
        last = line.slice(0, colon).trim().toLowerCase();
        headers.set(last, line.slice(colon + 1).trim());
      }
      const uri = (headers.get('warc-target-uri') ?? '').replace(/^<|>$/g, '') || null;
      if (headerBytes > MAX_HEADER_BYTES) tooLong = true;
      if (!ended) {
        if (reader.done && !tooLong) {
          problem({ offset, uri, truncated: true, message: `the archive is truncated inside the WARC headers of the record ${where(offset)}` });
          return;
        }
        const more = await resync(reader.pos, (next) => ({
          offset, uri, truncated: false,
          message: `the WARC headers of the record ${where(offset)} are longer than ${MAX_HEADER_BYTES} bytes or have a line over ${MAX_HEADER_LINE}; ${next === null ? 'no record follows it' : `read on from the next record, ${where(next)}`}`,
        }));
        if (!more) return;
        continue;
      }
      const declared = headers.get('content-length') ?? '';
      const length = /^\d{1,16}$/.test(declared) ? Number(declared) : NaN;
      const blockStart = reader.pos;
      if (!Number.isSafeInteger(length)) {
        const more = await resync(blockStart, (next) => ({
          offset, uri, truncated: false,
          message: `the record ${where(offset)} has ${declared ? `an invalid Content-Length "${declared.slice(0, 40)}"` : 'no Content-Length'}; ${next === null ? 'no record follows it' : `read on from the next record, ${where(next)}`}`,
        }));
        if (!more) return;
        continue;
      }

      // The block, read by the caller through the record, the rest skipped here.
      const end = blockStart + length;
      let state: State = 'open';
      /**
       * After the block: the CRLF CRLF that ends a record, or line ends and then the end of the
       * data or the next record. (Bytes after a proper end that are no record are the next
       * record's problem.)
       */
      const checkEnd = async (): Promise<State> => {
        if ((await reader.peek(RECORD_END.length)).equals(RECORD_END)) {
          await reader.skip(RECORD_END.length);
          return 'whole';
        }
        await reader.skipLineEnds(MAX_GAP);
        const next = await reader.peek(5);
        if (next.length === 0) return reader.error ? 'short' : 'whole';
        return next.toString('latin1') === 'WARC/' ? 'whole' : 'bad';
      };
      const record: WarcRecord = {
        offset,
        headers,
        type: headers.get('warc-type') ?? null,
        uri,
        date: headers.get('warc-date') ?? null,
        id: headers.get('warc-record-id') ?? null,
        contentType: headers.get('content-type') ?? null,
        contentLength: length,
        get consumed() {
          return Math.min(reader.pos, end) - blockStart;
        },
        async readLine(max: number) {
          if (state !== 'open' || reader.pos >= end) return null;
          const line = await reader.readLine(Math.min(max, end - reader.pos));
          if (reader.pos < end && reader.done) state = 'short';
          return line.length ? line : null;
        },
        async readRest(max: number) {
          if (state !== 'open') return null;
          const n = end - reader.pos;
          if (n > max) return null;
          const out = new Uint8Array(n);
          if ((await reader.readInto(out, 0, n)) < n) {
            state = 'short';
            return null;
          }
          state = await checkEnd();
          return state === 'whole' ? out : null;
        },
      };
      yield record;

      if (state === 'open') {
        const left = end - reader.pos;
        state = (await reader.skip(left)) < left ? 'short' : await checkEnd();
      }
      if (state === 'whole') continue;
      // Cut short, or not followed by a record: the length is wrong or the data ends in it. The
      // next record, if any, begins on a `WARC/1.` line after its headers.
      const more = await resync(blockStart, (next) => {
        if (next === null && state === 'short') {
          const cause = reader.error ? ` (${reader.error.message})` : '';
          return { offset, uri, truncated: true, message: `the archive is truncated inside this record, ${where(offset)}: its Content-Length is ${length} bytes, and the data ends before them${cause}` };
        }
        return {
          offset, uri, truncated: next === null,
          message: `the record ${where(offset)} has a wrong Content-Length (${length} bytes ${state === 'short' ? 'run past the end of the archive' : 'do not end where a record begins'}); ${next === null ? 'nothing after it reads as a record' : `read on from the next record, ${where(next)}`}`,
        };
      });
      if (!more) return;
    }
  } finally {
    reader.close();
  }
}
