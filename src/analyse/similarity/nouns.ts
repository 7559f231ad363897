/**
 * Whether two common nouns may name one thing: one of their senses is shared ("clip" and
 * "magazine" both name a cartridge holder) or one sense is the direct hypernym of the other's
 * ("factory" is a "plant"). From WordNet (nouns-data.ts, built by build-nouns.mjs). Generous by
 * design, since every sense counts: a test of "may", for a pair that other evidence proposes.
 *
 * @module
 */
import { NOUN_HYPERNYMS, NOUN_SENSES } from './nouns-data.js';

let senses: Map<string, number[]> | null = null;
let hypernyms: number[][] = [];

function load(): Map<string, number[]> {
  if (senses) return senses;
  senses = new Map();
  for (const line of NOUN_SENSES.split('\n')) {
    const tab = line.indexOf('\t');
    senses.set(line.slice(0, tab), line.slice(tab + 1).split(',').map(Number));
  }
  hypernyms = NOUN_HYPERNYMS.split('\n').map((l) => (l ? l.split(',').map(Number) : []));
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
