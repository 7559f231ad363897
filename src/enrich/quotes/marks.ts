/**
 * Quotations by their marks: “…”, "…", «…», „…“, and ‘…’ where it is not an apostrophe. A quote
 * may run over several paragraphs, each opening with a mark again (the closing one only on the
 * last), or — a common house style — close a quote it never opened in the next paragraph. A quote
 * never closed ends with its sentence.
 *
 * @module
 */
import type { Span } from '../types.js';

/** A quotation: the marks included (`start`, `end`) and its words (`contentStart`, `contentEnd`). */
export interface MarkedQuote extends Span {
  contentStart: number;
  contentEnd: number;
}

const OPEN = '"“«„‘';
const CLOSE_OF: Record<string, string> = { '"': '"', '“': '”', '«': '»', '„': '“', '‘': '’' };
const ANY_CLOSE = /["”»]/;

function isClose(open: string, c: string, next: string, prev: string): boolean {
  // ’ between letters is an apostrophe ("don’t"), and after an s it may be a plural possessive.
  if (open === '‘') return c === '’' && !/\p{L}/u.test(next);
  if (c === '’' || c === '‘') return false;
  if (open === '"' && c === '"') return !/\p{L}/u.test(prev) || !/\p{L}/u.test(next);
  return c === CLOSE_OF[open] || (open === '"' && c === '”') || (open === '“' && c === '"') || (open === '„' && c === '”') || (open === '«' && c === '”');
}

/** Can the character at `i` open a quotation? (Not an apostrophe or a closing straight quote.) */
function opens(text: string, i: number): boolean {
  const ch = text[i];
  if (!OPEN.includes(ch)) return false;
  const prev = text[i - 1] ?? ' ';
  const next = text[i + 1] ?? ' ';
  if (/\s/.test(next)) return false;
  if (ch === '‘' || ch === '"') return !/[\p{L}\p{N}]/u.test(prev);
  return true;
}

export function findMarkedQuotes(text: string): MarkedQuote[] {
  const out: MarkedQuote[] = [];
  let i = 0;
  while (i < text.length) {
    if (!opens(text, i)) { i++; continue; }
    const open = text[i];
    let j = i + 1;
    let end = -1;
    let nested: string | null = null;
    while (j < text.length) {
      const c = text[j];
      // A quotation inside a quotation uses the other marks ("… ‘…’ …"); skip over it.
      if (!nested && c !== open && opens(text, j) && (c === '‘' || (open === '‘' && c === '“'))) { nested = CLOSE_OF[c]; j++; continue; }
      if (nested && c === nested && !/\p{L}/u.test(text[j + 1] ?? '')) { nested = null; j++; continue; }
      if (isClose(open, c, text[j + 1] ?? ' ', text[j - 1] ?? ' ')) { end = j; break; }
      if (c === '\n' && text[j + 1] === '\n') {
        let k = j;
        while (text[k] === '\n') k++;
        const nextEnd = text.indexOf('\n\n', k);
        const nextPara = text.slice(k, nextEnd < 0 ? text.length : nextEnd);
        const closeAt = nextPara.search(ANY_CLOSE);
        const openAt = nextPara.slice(1).search(/["“«„]/);
        if (OPEN.includes(text[k]) && text[k] !== '‘') { j = k + 1; nested = null; continue; }
        if (closeAt >= 0 && (openAt < 0 || closeAt < openAt + 1)) { j = k; continue; }
        // Never closed: the quotation is the sentence it opens.
        const sentenceEnd = /[.!?](?=\s+\p{Lu})/u.exec(text.slice(i, j));
        end = sentenceEnd ? i + sentenceEnd.index + 1 : j;
        if (end - i > 3) out.push({ start: i, end, contentStart: i + 1, contentEnd: end });
        end = -2;
        break;
      }
      j++;
    }
    if (end === -2) { i = Math.max(i + 1, out.length ? out[out.length - 1].end : i + 1); continue; }
    if (end < 0) { i++; continue; }
    if (end - i >= 2) out.push({ start: i, end: end + 1, contentStart: i + 1, contentEnd: end });
    i = end + 1;
  }
  return out;
}
