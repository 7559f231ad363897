/**
 * Whether two common adjectives or verbs may mean the same: one sense holds both ("poor" and
 * "needy", "halt" and "stop"). From WordNet, data/synonyms.txt (built by
 * scripts/build-synonyms.mjs), read once on the first question. Generous by design, since every
 * sense counts: a test of "may", for a pair that other evidence proposes (one word swapped in an
 * otherwise equal phrase). Nouns are answered by nouns.ts.
 *
 * @module
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { stem } from './text.js';

export const SYNONYMS_FILE = fileURLToPath(new URL('../../../data/synonyms.txt', import.meta.url));

let senses: Map<string, number[]> | null = null;

/** The file's senses, by word and by the word's stem ("neediest" is not listed, "needy" is). */
function load(): Map<string, number[]> {
  if (senses) return senses;
  senses = new Map();
  if (!existsSync(SYNONYMS_FILE)) return senses;
  let id = 0;
  for (const line of readFileSync(SYNONYMS_FILE, 'utf8').split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const words = line.slice(line.indexOf('\t') + 1).split(' ');
    for (const w of new Set([...words, ...words.map(stem)])) {
      const list = senses.get(w);
      if (list) list.push(id);
      else senses.set(w, [id]);
    }
    id++;
  }
  return senses;
}

/** Whether some adjective or verb sense holds both words (as written or by their stems). */
export function synonymous(a: string, b: string): boolean {
  const table = load();
  const sa = table.get(a) ?? table.get(stem(a));
  const sb = table.get(b) ?? table.get(stem(b));
  if (!sa || !sb) return false;
  const set = new Set(sa);
  return sb.some((s) => set.has(s));
}
