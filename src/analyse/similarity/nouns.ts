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
import { SortedLines } from '../../lang/sorted-lines.js';

/** `noun<TAB>synset ids` lines after `#` comment lines, sorted by noun. */
export const NOUN_SENSES_FILE = fileURLToPath(new URL('../../../data/noun-senses.tsv', import.meta.url));
/** After `#` comment lines, a line per synset (from id 0): its direct hypernyms' ids, or nothing. */
export const NOUN_HYPERNYMS_FILE = fileURLToPath(new URL('../../../data/noun-hypernyms.txt', import.meta.url));

/**
 * The hypernyms file searched in place: where each synset's line starts, its ids read when asked
 * for (made into 34,000 arrays up front, they took most of the 27 ms this module's first question
 * cost).
 */
class HypernymLines {
  private readonly starts: Int32Array;
  constructor(private readonly text: string) {
    let at = 0;
    while (at < text.length && text.charCodeAt(at) === 35 /* # */) at = next(text, at);
    const starts: number[] = [];
    for (; at < text.length; at = next(text, at)) starts.push(at);
    this.starts = Int32Array.from(starts);
  }
  /** Synset `id`'s direct hypernyms. */
  of(id: number): number[] {
    if (!(id >= 0 && id < this.starts.length)) return [];
    const start = this.starts[id];
    const nl = this.text.indexOf('\n', start);
    const line = this.text.slice(start, nl < 0 ? this.text.length : nl);
    return line ? line.split(',').map(Number) : [];
  }
}

/** Where the line after the one starting at `at` starts. */
function next(text: string, at: number): number {
  const nl = text.indexOf('\n', at);
  return nl < 0 ? text.length : nl + 1;
}

let senses: SortedLines | null = null;
let hypernymLines: HypernymLines | null = null;

function sensesTable(): SortedLines {
  return (senses ??= SortedLines.fromFile(NOUN_SENSES_FILE));
}

function hypernyms(id: number): number[] {
  return (hypernymLines ??= new HypernymLines(readFileSync(NOUN_HYPERNYMS_FILE, 'utf8'))).of(id);
}

/** The senses of a folded noun, its plural read as the singular ("clips", "factories", "boxes"). */
export function nounSenses(word: string): number[] {
  const table = sensesTable();
  const w = word.toLowerCase();
  for (const form of [w, w.replace(/ies$/, 'y'), w.replace(/es$/, ''), w.replace(/s$/, '')]) {
    const s = table.get(form);
    if (s) return s.split(',').map(Number);
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
  if (sa.some((s) => hypernyms(s).some((h) => setB.has(h)))) return true;
  const setA = new Set(sa);
  return sb.some((s) => hypernyms(s).some((h) => setA.has(h)));
}
