/**
 * An averaged-perceptron sequence tagger for named entities (IOB2 over PER, ORG, LOC, MISC),
 * decoded greedily left to right with the two previous tags as features.
 *
 * Features: the word and its lower-case form, shape, prefixes and suffixes, capitalisation,
 * neighbouring words and shapes (±2), the previous tags, whether the sentence is in capitals (a
 * headline), and gazetteers — the entity types a word had in the training data, and the shared
 * list of places. The model is trained by scripts/train-ner.mjs and shipped in models/ner/.
 *
 * @module
 */
import { PLACES, DEMONYMS } from './gazetteer.js';

export const TAGS = ['O', 'B-PER', 'I-PER', 'B-ORG', 'I-ORG', 'B-LOC', 'I-LOC', 'B-MISC', 'I-MISC'] as const;
export type Tag = (typeof TAGS)[number];

export interface ModelData {
  tags: readonly string[];
  /** feature → flat [tagIndex, weight, tagIndex, weight, …] */
  weights: Record<string, number[]>;
  /** word (lower case) → entity types seen for it in training, e.g. "LOC|ORG". */
  gazetteer: Record<string, string>;
}

export function shape(w: string): string {
  const s = w.replace(/\p{Lu}/gu, 'X').replace(/\p{Ll}/gu, 'x').replace(/\d/g, 'd').replace(/[^Xxd]/g, '.');
  return s.replace(/(.)\1{2,}/g, '$1$1');
}

/** Per-sentence values every token's features read: computed once, not once per neighbour. */
export interface SentenceView {
  words: string[];
  lower: string[];
  shapes: string[];
  caps: boolean;
}

export function view(words: string[]): SentenceView {
  const letters = words.join('').replace(/[^\p{L}]/gu, '');
  return { words, lower: words.map((w) => w.toLowerCase()), shapes: words.map(shape), caps: letters.length > 8 && letters === letters.toUpperCase() };
}

export function features(v: SentenceView, i: number, prev: string, prev2: string, gaz: Record<string, string>): string[] {
  const { words, lower, shapes, caps: capsSentence } = v;
  const w = words[i];
  const lw = lower[i];
  const sh = shapes[i];
  const l1 = lower[i - 1] ?? '<s>';
  const r1 = lower[i + 1] ?? '</s>';
  const s1 = shapes[i - 1] ?? '<s>';
  const t1 = shapes[i + 1] ?? '</s>';
  const f = [
    'b', `w=${w}`, `lw=${lw}`, `s=${sh}`, `p1=${lw.slice(0, 1)}`, `p2=${lw.slice(0, 2)}`, `p3=${lw.slice(0, 3)}`, `p4=${lw.slice(0, 4)}`,
    `x1=${lw.slice(-1)}`, `x2=${lw.slice(-2)}`, `x3=${lw.slice(-3)}`, `x4=${lw.slice(-4)}`,
    `t1=${prev}`, `t12=${prev2}|${prev}`, `t1w=${prev}|${lw}`,
    `w-1=${l1}`, `w+1=${r1}`, `w-2=${lower[i - 2] ?? '<s>'}`, `w+2=${lower[i + 2] ?? '</s>'}`,
    `s-1=${s1}`, `s+1=${t1}`, `w-1w=${l1}|${lw}`, `ww+1=${lw}|${r1}`,
    `t1s=${prev}|${sh}`, `caps=${capsSentence}`, `first=${i === 0}`,
    `s3=${s1}|${sh}|${t1}`, `x3-1=${(lower[i - 1] ?? '').slice(-3)}`, `x3+1=${(lower[i + 1] ?? '').slice(-3)}`,
    `len=${Math.min(w.length, 8)}`,
  ];
  const g = gaz[lw];
  if (g) f.push(`g=${g}`, `gs=${g}|${sh}`);
  const gn = gaz[lower[i + 1] ?? ''];
  if (gn) f.push(`g+1=${gn}`);
  const gp = gaz[lower[i - 1] ?? ''];
  if (gp) f.push(`g-1=${gp}`);
  if (PLACES.has(w) || PLACES.has(`${w} ${words[i + 1] ?? ''}`) || PLACES.has(`${words[i - 1] ?? ''} ${w}`)) f.push('place');
  if (DEMONYMS.has(w)) f.push('demonym');
  if (capsSentence) f.push(`cw=${lw}`);
  return f;
}

export class Perceptron {
  private w = new Map<string, Float64Array>();
  private totals = new Map<string, Float64Array>();
  private stamps = new Map<string, Float64Array>();
  private i = 0;
  constructor(readonly ntags: number) {}

  scores(feats: string[]): Float64Array {
    const s = new Float64Array(this.ntags);
    for (const f of feats) {
      const v = this.w.get(f);
      if (v) for (let k = 0; k < this.ntags; k++) s[k] += v[k];
    }
    return s;
  }

  update(truth: number, guess: number, feats: string[]): void {
    this.i++;
    if (truth === guess) return;
    for (const f of feats) {
      let v = this.w.get(f);
      if (!v) {
        v = new Float64Array(this.ntags);
        this.w.set(f, v);
        this.totals.set(f, new Float64Array(this.ntags));
        this.stamps.set(f, new Float64Array(this.ntags));
      }
      const tot = this.totals.get(f)!;
      const st = this.stamps.get(f)!;
      for (const [k, d] of [[truth, 1], [guess, -1]] as const) {
        tot[k] += (this.i - st[k]) * v[k];
        st[k] = this.i;
        v[k] += d;
      }
    }
  }

  /** Averaged weights, pruned of the near-zero ones and rounded, as the shipped model stores them. */
  averaged(minAbs = 0.05): Record<string, number[]> {
    const out: Record<string, number[]> = {};
    for (const [f, v] of this.w) {
      const tot = this.totals.get(f)!;
      const st = this.stamps.get(f)!;
      const flat: number[] = [];
      for (let k = 0; k < this.ntags; k++) {
        const avg = (tot[k] + (this.i - st[k]) * v[k]) / this.i;
        if (Math.abs(avg) >= minAbs) flat.push(k, Math.round(avg * 100) / 100);
      }
      if (flat.length) out[f] = flat;
    }
    return out;
  }
}

/** The shipped model, for tagging. */
export class NerModel {
  private weights: Map<string, number[]>;
  constructor(private data: ModelData) {
    this.weights = new Map(Object.entries(data.weights));
  }

  tag(words: string[]): string[] {
    const tags: string[] = [];
    const v = view(words);
    const n = this.data.tags.length;
    for (let i = 0; i < words.length; i++) {
      const s = new Float64Array(n);
      for (const f of features(v, i, tags[i - 1] ?? '<s>', tags[i - 2] ?? '<s>', this.data.gazetteer)) {
        const v = this.weights.get(f);
        if (v) for (let k = 0; k < v.length; k += 2) s[v[k]] += v[k + 1];
      }
      let best = 0;
      for (let k = 1; k < n; k++) if (s[k] > s[best]) best = k;
      let t = this.data.tags[best];
      // An I- tag must continue an entity of its type.
      if (t.startsWith('I-') && !(tags[i - 1] ?? 'O').endsWith(t.slice(2))) t = 'B-' + t.slice(2);
      tags.push(t);
    }
    return tags;
  }
}
