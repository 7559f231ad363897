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
import { lookupCluster } from './clusters.js';

/** IOB2 tags: what the tagger reports. */
export const TAGS = ['O', 'B-PER', 'I-PER', 'B-ORG', 'I-ORG', 'B-LOC', 'I-LOC', 'B-MISC', 'I-MISC'] as const;
export type Tag = (typeof TAGS)[number];

/**
 * BILOU tags: what the model learns. Marking the last token of a name (L-) and one-word names
 * (U-) apart lets the features of a name's end and of a lone word speak for themselves.
 */
export const BILOU_TAGS: readonly string[] = ['O', ...['PER', 'ORG', 'LOC', 'MISC'].flatMap((t) => ['B', 'I', 'L', 'U'].map((p) => `${p}-${t}`))];

/** Whether BILOU tag `next` may follow `prev` (`<s>` at the start of a sentence). */
export function allowed(prev: string, next: string): boolean {
  const open = prev.startsWith('B-') || prev.startsWith('I-');
  if (open) return (next.startsWith('I-') || next.startsWith('L-')) && next.slice(2) === prev.slice(2);
  return !(next.startsWith('I-') || next.startsWith('L-'));
}

/** IOB2 → BILOU. */
export function toBilou(tags: readonly string[]): string[] {
  return tags.map((t, i) => {
    if (t === 'O') return t;
    const continues = tags[i + 1] === `I-${t.slice(2)}`;
    if (t.startsWith('B-')) return continues ? t : `U-${t.slice(2)}`;
    return continues ? t : `L-${t.slice(2)}`;
  });
}

/** BILOU → IOB2. */
export function toBio(tags: readonly string[]): string[] {
  return tags.map((t) => (t.startsWith('U-') ? `B-${t.slice(2)}` : t.startsWith('L-') ? `I-${t.slice(2)}` : t));
}

/** The best-scoring tag that may follow `prev` (index into `tags`). */
export function bestAllowed(scores: ArrayLike<number>, tags: readonly string[], prev: string): number {
  let best = -1;
  for (let k = 0; k < tags.length; k++) if ((best < 0 || scores[k] > scores[best]) && allowed(prev, tags[k])) best = k;
  return best < 0 ? 0 : best;
}

export interface ModelData {
  tags: readonly string[];
  /** feature → flat [tagIndex, weight, tagIndex, weight, …] */
  weights: Record<string, number[]>;
  /** word (lower case) → entity types seen for it in training, e.g. "LOC|ORG". */
  gazetteer: Record<string, string>;
  /** names of two words or more seen in training (lower case, words joined by spaces) → their types. */
  phrases?: Record<string, string>;
  /** word → its class in each clustering, coarse to fine (see clusters.ts). */
  clusters?: Record<string, number[]>;
  /**
   * word (lower case) → how often unlabelled text writes it with a capital where the sentence
   * does not ask for one, in fifths (0: always lower case … 4: always capitalised). Tells a name
   * from a common word in headlines in capitals and at the start of a sentence.
   */
  caseRatio?: Record<string, number>;
}

/** What the features know about words beyond the sentence: training gazetteer and word clusters. */
export interface Lexicon {
  gazetteer: Record<string, string>;
  phrases: Map<string, string>;
  clusters: Map<string, number[]>;
  caseRatio: Map<string, number>;
}

export function lexicon(data: Pick<ModelData, 'gazetteer' | 'phrases' | 'clusters' | 'caseRatio'>): Lexicon {
  return { gazetteer: data.gazetteer, phrases: new Map(Object.entries(data.phrases ?? {})), clusters: new Map(Object.entries(data.clusters ?? {})), caseRatio: new Map(Object.entries(data.caseRatio ?? {})) };
}

/**
 * The case ratios of {@link ModelData.caseRatio} from plain sentences: only words after the
 * first, in sentences not written in capitals, count; words seen fewer than `minCount` times
 * that way are left out.
 */
export function caseRatios(sentences: Iterable<string[]>, minCount = 3): Record<string, number> {
  const seen = new Map<string, [number, number]>();
  for (const s of sentences) {
    const letters = s.join('').replace(/[^\p{L}]/gu, '');
    if (letters === letters.toUpperCase()) continue;
    for (let i = 1; i < s.length; i++) {
      const w = s[i];
      if (!/^\p{L}/u.test(w)) continue;
      // After a quotation mark or a colon a capital may just start a sentence.
      if (/^["'“‘:]$/.test(s[i - 1])) continue;
      const k = w.toLowerCase();
      const c = seen.get(k) ?? [0, 0];
      c[0]++;
      if (/^\p{Lu}/u.test(w)) c[1]++;
      seen.set(k, c);
    }
  }
  const out: Record<string, number> = {};
  for (const [k, [n, cap]] of seen) if (n >= minCount) out[k] = Math.min(4, Math.floor((5 * cap) / n));
  return out;
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
  /** Each word's classes, coarse to fine; `undefined` for words the clusters never saw. */
  classes: (number[] | undefined)[];
  /** Where a known name of two words or more covers the word: `B-LOC`, `I-ORG|PER`, or ''. */
  phrase: string[];
}

export function view(words: string[], lex: Lexicon): SentenceView {
  const letters = words.join('').replace(/[^\p{L}]/gu, '');
  const classes = words.map((w) => lookupClasses(lex.clusters, w));
  const lower = words.map((w) => w.toLowerCase());
  return { words, lower, shapes: words.map(shape), caps: letters.length > 8 && letters === letters.toUpperCase(), classes, phrase: phraseMatches(lower, lex.phrases) };
}

/** Longest known names, left to right, as B-/I- marks per word. */
function phraseMatches(lower: string[], phrases: Map<string, string>): string[] {
  const out = lower.map(() => '');
  if (!phrases.size) return out;
  for (let i = 0; i < lower.length; ) {
    let found = 0;
    let types = '';
    let key = lower[i];
    for (let n = 2; n <= 6 && i + n <= lower.length; n++) {
      key += ' ' + lower[i + n - 1];
      const t = phrases.get(key);
      if (t) { found = n; types = t; }
    }
    if (!found) { i++; continue; }
    for (let k = 0; k < found; k++) out[i + k] = `${k ? 'I' : 'B'}-${types}`;
    i += found;
  }
  return out;
}

function lookupClasses(table: Map<string, number[]>, word: string): number[] | undefined {
  return table.size ? lookupCluster(table, word) : undefined;
}

export function features(v: SentenceView, i: number, prev: string, prev2: string, lex: Lexicon): string[] {
  const gaz = lex.gazetteer;
  const { words, lower, shapes, caps: capsSentence, classes } = v;
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
  const ph = v.phrase[i];
  if (ph) f.push(`ph=${ph}`, `phs=${ph}|${sh}`);
  const cr = lex.caseRatio.get(lw);
  f.push(`cr=${cr ?? '-'}`, `crs=${cr ?? '-'}|${sh}|${capsSentence || i === 0}`);
  const c = classes[i];
  if (c) {
    for (let k = 0; k < c.length; k++) f.push(`c${k}=${c[k]}`);
    f.push(`c1t=${prev}|${c[1]}`, `c0s=${c[0]}|${sh}`);
  } else f.push('c=none');
  const cp = classes[i - 1];
  const cn = classes[i + 1];
  f.push(`c-1=${cp ? cp[1] : i === 0 ? '<s>' : '-'}`, `c+1=${cn ? cn[1] : i + 1 === words.length ? '</s>' : '-'}`);
  const cp2 = classes[i - 2];
  const cn2 = classes[i + 2];
  f.push(`c-2=${cp2 ? cp2[0] : '-'}`, `c+2=${cn2 ? cn2[0] : '-'}`, `c-1c=${cp ? cp[0] : '-'}|${c ? c[0] : '-'}`, `cc+1=${c ? c[0] : '-'}|${cn ? cn[0] : '-'}`);
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
  private lex: Lexicon;
  constructor(private data: ModelData) {
    this.weights = new Map(Object.entries(data.weights));
    this.lex = lexicon(data);
  }

  tag(words: string[]): string[] {
    const tags: string[] = [];
    const v = view(words, this.lex);
    const names = this.data.tags;
    const n = names.length;
    const bilou = names.some((t) => t.startsWith('L-'));
    const s = new Float64Array(n);
    for (let i = 0; i < words.length; i++) {
      s.fill(0);
      for (const f of features(v, i, tags[i - 1] ?? '<s>', tags[i - 2] ?? '<s>', this.lex)) {
        const w = this.weights.get(f);
        if (w) for (let k = 0; k < w.length; k += 2) s[w[k]] += w[k + 1];
      }
      if (bilou) {
        tags.push(names[bestAllowed(s, names, tags[i - 1] ?? '<s>')]);
        continue;
      }
      let best = 0;
      for (let k = 1; k < n; k++) if (s[k] > s[best]) best = k;
      let t = names[best];
      // An I- tag must continue an entity of its type.
      if (t.startsWith('I-') && !(tags[i - 1] ?? 'O').endsWith(t.slice(2))) t = 'B-' + t.slice(2);
      tags.push(t);
    }
    return bilou ? toBio(tags) : tags;
  }
}
