/**
 * CoNLL-2003 in and out: each sentence's tokens are joined with spaces into a text, entities are
 * recognised in it, and every token line is printed back with its predicted IOB2 tag appended.
 */
import type { EntitySpan } from '../types.js';

const TYPES = new Set(['PER', 'ORG', 'LOC', 'MISC']);

export function tagConll(input: string, recognise: (text: string) => EntitySpan[], tagTokens?: (words: string[]) => string[] | null): string {
  const out: string[] = [];
  let sentence: string[] = [];
  const flush = () => {
    if (!sentence.length) return;
    const tokens = sentence.map((l) => l.split(/\s+/)[0]);
    const starts: number[] = [];
    let text = '';
    for (const t of tokens) { starts.push(text.length); text += t + ' '; }
    const direct = tagTokens?.(tokens);
    const tags = direct ?? tokens.map(() => 'O');
    if (!direct) for (const e of recognise(text.trimEnd())) {
      if (!TYPES.has(e.type)) continue;
      let first = true;
      tokens.forEach((t, i) => {
        if (starts[i] >= e.start && starts[i] < e.end) {
          tags[i] = `${first ? 'B' : 'I'}-${e.type}`;
          first = false;
        }
      });
    }
    sentence.forEach((l, i) => out.push(`${l} ${tags[i]}`));
    sentence = [];
  };
  for (const line of input.split('\n')) {
    if (!line.trim() || line.startsWith('-DOCSTART-')) {
      flush();
      out.push(line);
      continue;
    }
    sentence.push(line.trimEnd());
  }
  flush();
  return out.join('\n');
}
