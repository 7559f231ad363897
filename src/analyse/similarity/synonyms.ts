/**
 * Whether two common adjectives or verbs may mean the same: one sense holds both ("poor" and
 * "needy", "halt" and "stop"). From WordNet, data/synonyms.txt (built by
 * scripts/build-synonyms.mjs). Generous by design, since every sense counts: a test of "may", for
 * a pair that other evidence proposes (one word swapped in an otherwise equal phrase). Nouns are
 * answered by nouns.ts.
 *
 * A word is looked up as written and by its stem ("neediest" is not listed, "needy" is), through
 * data/synonym-index.tsv: each word of the senses and each word's stem, with the senses that hold
 * it, sorted, searched in place (`lang/sorted-lines.ts`). Made from the senses at every start, the
 * index took some 60 ms, most of it stemming 30,000 words; it is written beside them by the same
 * script, and a test holds it equal to {@link synonymIndex} of the senses.
 *
 * @module
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { SortedLines } from '../../lang/sorted-lines.js';
import { stem } from './text.js';

export const SYNONYMS_FILE = fileURLToPath(new URL('../../../data/synonyms.txt', import.meta.url));
export const SYNONYM_INDEX_FILE = fileURLToPath(new URL('../../../data/synonym-index.tsv', import.meta.url));

/**
 * The index of the senses file's text: `word<TAB>sense ids` lines, for each word of a sense and
 * each such word's stem, sorted by word (a sense's id is its line among the senses, from 0).
 */
export function synonymIndex(senses: string): string {
  const index = new Map<string, number[]>();
  let id = 0;
  for (const line of senses.split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const words = line.slice(line.indexOf('\t') + 1).split(' ');
    for (const w of new Set([...words, ...words.map(stem)])) {
      const list = index.get(w);
      if (list) list.push(id);
      else index.set(w, [id]);
    }
    id++;
  }
  return [...index].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).map(([w, ids]) => `${w}\t${ids.join(',')}\n`).join('');
}

let table: SortedLines | null = null;

function senseIds(word: string): string | undefined {
  table ??= existsSync(SYNONYM_INDEX_FILE) ? SortedLines.fromFile(SYNONYM_INDEX_FILE) : new SortedLines('');
  return table.get(word) ?? table.get(stem(word));
}

/** Whether some adjective or verb sense holds both words (as written or by their stems). */
export function synonymous(a: string, b: string): boolean {
  const sa = senseIds(a);
  const sb = senseIds(b);
  if (!sa || !sb) return false;
  const set = new Set(sa.split(','));
  return sb.split(',').some((s) => set.has(s));
}
