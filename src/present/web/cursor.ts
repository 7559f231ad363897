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

export function cursorOf(offset: number, after: string): string {
  return Buffer.from(JSON.stringify({ o: offset, a: after })).toString('base64url');
}

/** The cursor a request gave (none: the start); a malformed one is a 400. */
export function readCursor(cursor: string | undefined): Cursor {
  if (!cursor) return { offset: 0 };
  try {
    const c = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { o?: unknown; a?: unknown };
    if (typeof c.o === 'number' && Number.isInteger(c.o) && c.o >= 0 && (c.a === undefined || typeof c.a === 'string')) return { offset: c.o, after: c.a as string | undefined };
  } catch {
    /* fall through */
  }
  throw new HttpError(400, 'invalid cursor');
}
