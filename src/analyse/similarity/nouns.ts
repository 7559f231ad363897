/**
 * Whether two common nouns may name one thing: one of their senses is shared ("clip" and
 * "magazine" both name a cartridge holder) or one sense is the direct hypernym of the other's
 * ("factory" is a "plant"). From WordNet (data/noun-senses.tsv and data/noun-hypernyms.txt, built by
 * scripts/build-nouns.mjs, read on first use). Generous by design, since every sense counts: a
 * test of "may", for a pair that other evidence proposes.
 *
 * @module
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** `noun<TAB>synset ids` lines after `#` comment lines. */
export const NOUN_SENSES_FILE = fileURLToPath(new URL('../../../data/noun-senses.tsv', import.meta.url));
/** After `#` comment lines, a line per synset (from id 0): its direct hypernyms' ids, or nothing. */
export const NOUN_HYPERNYMS_FILE = fileURLToPath(new URL('../../../data/noun-hypernyms.txt', import.meta.url));

/** A file's lines after its leading `#` comment lines, without the final line break's empty line. */
function dataLines(file: string): string[] {
  const lines = readFileSync(file, 'utf8').split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  let first = 0;
  while (first < lines.length && lines[first].startsWith('#')) first++;
  return lines.slice(first);
}

let senses: Map<string, number[]> | null = null;
let hypernyms: number[][] = [];

function load(): Map<string, number[]> {
  if (senses) return senses;
  senses = new Map();
  for (const line of dataLines(NOUN_SENSES_FILE)) {
    const tab = line.indexOf('\t');
    senses.set(line.slice(0, tab), line.slice(tab + 1).split(',').map(Number));
  }
  hypernyms = dataLines(NOUN_HYPERNYMS_FILE).map((l) => (l ? l.split(',').map(Number) : []));
  return senses;
}

/** The senses of a folded noun, its plural read as the singular ("clips", "factories", "boxes"). */
export function nounSenses(word: string): number[] {
  const table = load();
  const w = word.toLowerCase();
  for (const form of [w, w.replace(/ies$/, 'y'), w.replace(/es$/, ''), w.replace(/s$/, '')]) {
    const s = table.get(form);
    if (s) return s;
  }
  return [];
}

/** Whether two nouns share a sense, or a sense of one is a direct hypernym of a sense of the other. */
export function relatedNouns(a: string, b: string): boolean {
  const sa = nounSenses(a);
  const sb = nounSenses(b);
  if (!sa.length || !sb.length) return false;
  const setB = new Set(sb);
  if (sa.some((s) => setB.has(s))) return true;
  if (sa.some((s) => hypernyms[s]?.some((h) => setB.has(h)))) return true;
  const setA = new Set(sa);
  return sb.some((s) => hypernyms[s]?.some((h) => setA.has(h)));
}
