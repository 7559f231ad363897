/**
 * Opaque pagination cursors. A cursor names the last item seen as well as its offset: a list that
 * gained items before that one since then still continues right after it.
 *
 * @module
 */
import { HttpError } from './errors.js';

export interface Cursor {
  offset: number;
  after?: string;
}

/** Longest cursor read: the ones handed out hold an offset and one id. */
const MAX_CURSOR = 2048;

export function cursorOf(offset: number, after: string): string {
  return Buffer.from(JSON.stringify({ o: offset, a: after })).toString('base64url');
}

/**
 * The cursor a request gave (none: the start). Every field is checked: the offset a whole number
 * from 0 that stays exact (not 1e308, which no list or store offset can take), the id a string,
 * and nothing else in it. Anything else is a 400.
 */
export function readCursor(cursor: string | undefined): Cursor {
  if (!cursor) return { offset: 0 };
  const invalid = () => new HttpError(400, 'invalid cursor');
  if (cursor.length > MAX_CURSOR || !/^[A-Za-z0-9_-]+$/.test(cursor)) throw invalid();
  let c: unknown;
  try {
    c = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalid();
  }
  if (!c || typeof c !== 'object' || Array.isArray(c)) throw invalid();
  const { o, a, ...rest } = c as { o?: unknown; a?: unknown };
  if (Object.keys(rest).length) throw invalid();
  if (typeof o !== 'number' || !Number.isSafeInteger(o) || o < 0) throw invalid();
  if (a !== undefined && typeof a !== 'string') throw invalid();
  return a === undefined ? { offset: o } : { offset: o, after: a };
}
