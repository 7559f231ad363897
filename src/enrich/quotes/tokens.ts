/**
 * The token and sentence view the quote finder works on: words and punctuation with offsets, each
 * knowing its sentence, and each sentence knowing its paragraph.
 *
 * @module
 */
import { tokenize } from '../ner/index.js';
import { splitSentences } from '../sentences.js';

/** A token with its offsets, its lower-cased form and the index of its sentence. */
export interface QToken {
  text: string;
  lower: string;
  start: number;
  end: number;
  sentence: number;
}

/** A sentence as a token range `[first, last)` with its character span and paragraph. */
export interface QSentence {
  start: number;
  end: number;
  first: number;
  last: number;
  block: number;
}

export interface Tokenised {
  text: string;
  tokens: QToken[];
  sentences: QSentence[];
}

export const OPEN_MARKS = '"“«„‘';
export const CLOSE_MARKS = '"”»’';
/** Any quotation mark that can delimit a quotation (not the apostrophe-like ‘ ’). */
export const QUOTE_MARK = /["“”«»„]/;

export function tokenise(text: string): Tokenised {
  // A line break ends a sentence and a paragraph, as a blank line does (lists of quotations,
  // transcripts and headlines come one per line).
  const sentences: { start: number; end: number; block: number }[] = [];
  let block = -1;
  let lastBlock = -1;
  for (const s of splitSentences(text)) {
    if (s.block !== lastBlock) { block++; lastBlock = s.block; }
    let from = s.start;
    for (const m of s.text.matchAll(/\n+/g)) {
      const at = s.start + m.index!;
      if (at > from) sentences.push({ start: from, end: at, block });
      block++;
      from = at + m[0].length;
    }
    if (s.end > from) sentences.push({ start: from, end: s.end, block });
  }
  const raw = tokenize(text);
  const tokens: QToken[] = [];
  const out: QSentence[] = [];
  let s = 0;
  for (const sent of sentences) {
    const first = tokens.length;
    while (s < raw.length && raw[s].start < sent.end) {
      const t = raw[s++];
      // The possessive "'s" split off by the tagger's tokenizer is kept; typographic quotes stay as they are.
      tokens.push({ text: t.text, lower: t.text.toLowerCase(), start: t.start, end: t.end, sentence: out.length });
    }
    out.push({ start: sent.start, end: sent.end, first, last: tokens.length, block: sent.block });
  }
  return { text, tokens, sentences: out };
}
