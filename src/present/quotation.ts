/**
 * A quotation's words as a reader should see them: the presenters put their own marks around a
 * direct quotation, so the marks (and the comma before a closing mark) that the outlet's text
 * carried at its ends are taken off first — else the reader sees “"a position of strength"”.
 *
 * @module
 */

const OPEN = /^[\s"“”„«»‘’']+/u;
const CLOSE = /[\s"“”„«»‘’',;:]+$/u;

/** The quotation without the marks at its ends; inner marks (a quote inside a quote) stay. */
export function bareQuotation(text: string): string {
  const bare = text.replace(OPEN, '').replace(CLOSE, '');
  // Single marks count too, so a closing possessive apostrophe ("the students'") goes with them:
  // a small price for never doubling marks. A text of marks alone stays as it was.
  return bare || text;
}
