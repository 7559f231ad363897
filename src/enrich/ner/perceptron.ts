/**
 * An averaged-perceptron sequence tagger for named entities (IOB2 over PER, ORG, LOC, MISC),
 * decoded greedily left to right with the two previous tags as features.
 *
 * Features (see {@link features}): the word and its lower-case form, shape, prefixes and
 * suffixes, neighbouring words and shapes (±2), the previous tags, whether the sentence is in
 * capitals (a headline), gazetteers — the entity types a word had in the training data, the
 * names seen there, and the shared list of places — how often unlabelled text capitalises the
 * word, and its classes in three word clusterings of unlabelled news text (clusters.ts). The
 * model is trained by scripts/train-ner.mjs and shipped in models/ner/.
 *
 * @module
 */
import { PLACES, DEMONYMS } from './gazetteer.js';
import { lookupCluster } from './clusters.js';
import { GIVEN_KEY, hasStems, nameStem, PLACE_KEY, STEM_KEY } from './stems.js';
import { letterCase, shape, UPPER_CASE } from './letters.js';

export { TAGS, BILOU_TAGS, allowed, toBilou, toBio, bestAllowed, type Tag } from './tags.js';
import { allowed, toBio } from './tags.js';
import { CASE_RATIO, CLASSES, DEMONYM, FLAGS, GAZ, GIVEN, LOW, PLACE, PREFIX, SHAPE, STEM, STEM_GAZ, SUFFIX, WORD, WordCache } from './word-cache.js';

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
  /** The language the model was trained for (ISO 639-1); where names inflect, the features read stems too (stems.ts). */
  language?: string;
}

/**
 * What the features know about words beyond the sentence: the training gazetteer, known names,
 * word clusters and case ratios, as lookups. {@link lexicon} makes one from a model's tables (as
 * training does); the shipped model file makes one over its typed arrays (model-file.ts).
 */
export interface Lexicon {
  /** The entity types training gave a word (lower case), e.g. "LOC|ORG"; undefined when none. */
  gazetteer(lower: string): string | undefined;
  /** The types of a known name of two words or more (lower case, words joined by spaces). */
  phrase(key: string): string | undefined;
  /** Whether `key` is a proper prefix (in words) of a known name, so matching stops as soon as none can follow. */
  phrasePrefix(key: string): boolean;
  /** Whether there are known names at all. */
  readonly hasPhrases: boolean;
  /** A word's classes in each clustering (case-tolerant, see lookupCluster); undefined when unknown. */
  cluster(word: string): ArrayLike<number> | undefined;
  /** The case ratio of a word (lower case) in fifths; -1 when unknown. */
  caseRatio(lower: string): number;
  /** What view() computes for a word alone, kept for the words seen again (most of them). */
  words: WordCache;
  /** The model's language, when it reads stems (see {@link ModelData.language}). */
  language?: string;
}

export function lexicon(data: Pick<ModelData, 'gazetteer' | 'phrases' | 'clusters' | 'caseRatio' | 'language'>): Lexicon {
  const phrasePrefixes = new Set<string>();
  for (const k of Object.keys(data.phrases ?? {})) {
    const ws = k.split(' ');
    for (let n = 1; n < ws.length; n++) phrasePrefixes.add(ws.slice(0, n).join(' '));
  }
  // Maps, not the objects themselves: a word such as "constructor" must not find Object's.
  const gazetteer = new Map(Object.entries(data.gazetteer));
  const phrases = new Map(Object.entries(data.phrases ?? {}));
  const clusters = new Map(Object.entries(data.clusters ?? {}));
  const caseRatio = new Map(Object.entries(data.caseRatio ?? {}));
  return {
    gazetteer: (lower) => gazetteer.get(lower),
    phrase: (key) => phrases.get(key),
    phrasePrefix: (key) => phrasePrefixes.has(key),
    hasPhrases: phrases.size > 0,
    cluster: (word) => (clusters.size ? lookupCluster(clusters, word) : undefined),
    caseRatio: (lower) => caseRatio.get(lower) ?? -1,
    words: new WordCache(),
    language: data.language,
  };
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

// Features are 32-bit numbers, not strings: each is a template number mixed with the hashes of
// the words, shapes or classes it reads. The hashes of a sentence's words are computed once, and
// building a feature is then a few multiplications, where a string feature costs an allocation
// and a hash of its own: this is what keeps tagging well above 50,000 tokens a second.

/** 32-bit FNV-1a. */
export function fnv(s: string, h = 0x811c9dc5): number {
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h | 0;
}

/** Mixes a value into a hash (order matters), with a final avalanche so that keys spread. */
function mix(h: number, x: number): number {
  h = Math.imul(h ^ 0x5bd1e995, 0x9e3779b1) ^ x;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  return (h ^ (h >>> 13)) | 0;
}

const T = Array.from({ length: 64 }, (_, k) => fnv(`template ${k}`));
const START = fnv('<s>');
const END = fnv('</s>');
const NONE = fnv('-');
/** The previous tag's number when there is none (sentence start). */
export const NO_TAG = 255;

/** Per-sentence values every token's features read: computed once, not once per neighbour. */
export interface SentenceView {
  words: string[];
  lower: string[];
  caps: boolean;
  /** Hashes of each word as written, in lower case, and of its shape. */
  word: Int32Array;
  low: Int32Array;
  shape: Int32Array;
  /** Hashes of the lower-case prefixes and suffixes of 1–4 letters (4 per word). */
  prefix: Int32Array;
  suffix: Int32Array;
  /** Each word's class in each clustering (3 per word), -1 for words the clusters never saw. */
  classes: Int32Array;
  /** Hash of the entity types the training data gave the word, 0 when none. */
  gaz: Int32Array;
  /** Hash of the mark of a known name of two words or more over the word (`B-LOC`), 0 when none. */
  phrase: Int32Array;
  /** Case ratio in fifths, -1 when unknown. */
  caseRatio: Int8Array;
  place: Uint8Array;
  demonym: Uint8Array;
  /** Where the model reads stems: the hash of each word's stem and of the types training gave the stem (0: none). */
  stem: Int32Array | null;
  stemGaz: Int32Array | null;
  /** Where the model reads stems: 1 for a known given name, 2 for a word in Latin letters (a foreign name in Cyrillic text), 0 otherwise. */
  given: Uint8Array | null;
}

const CLUSTERINGS = 3;

const CAPITAL_START = /^\p{Lu}/u;

/** The row of a word's own facts in the lexicon's cache (see word-cache.ts), worked out on first sight. */
function wordRow(w: string, lex: Lexicon): number {
  const cache = lex.words;
  const hit = cache.get(w);
  if (hit >= 0) return hit;
  const lw = w.toLowerCase();
  const c = lex.cluster(w);
  const g = lex.gazetteer(lw);
  const st = lex.language && hasStems(lex.language) ? nameStem(lw, lex.language) : '';
  const sg = st ? lex.gazetteer(STEM_KEY + st) : undefined;
  const capital = st !== '' && CAPITAL_START.test(w);
  const at = cache.add(w);
  const row = cache.data;
  row[at + WORD] = fnv(w);
  row[at + LOW] = fnv(lw);
  row[at + SHAPE] = fnv(shape(w));
  // Running hashes give every prefix at once; suffixes hash the word read backwards.
  let h = 0x811c9dc5;
  for (let k = 0; k < 4; k++) {
    if (k < lw.length) h = Math.imul(h ^ lw.charCodeAt(k), 0x01000193);
    row[at + PREFIX + k] = h | 0;
  }
  h = 0x811c9dc5;
  for (let k = 0; k < 4; k++) {
    if (k < lw.length) h = Math.imul(h ^ lw.charCodeAt(lw.length - 1 - k), 0x01000193);
    row[at + SUFFIX + k] = h | 0;
  }
  for (let k = 0; k < CLUSTERINGS; k++) row[at + CLASSES + k] = c?.[k] ?? -1;
  row[at + GAZ] = g ? fnv(g) : 0;
  row[at + CASE_RATIO] = lex.caseRatio(lw);
  row[at + FLAGS] =
    (!lex.language && DEMONYMS.has(w) ? DEMONYM : 0) |
    (capital && lex.gazetteer(PLACE_KEY + st) !== undefined ? PLACE : 0) |
    (capital && lex.gazetteer(GIVEN_KEY + st) !== undefined ? GIVEN : 0);
  row[at + STEM] = st ? fnv(st) : 0;
  row[at + STEM_GAZ] = sg ? fnv(sg) : 0;
  return at;
}

const LATIN_START = /^[A-Za-z]/;
export function view(words: string[], lex: Lexicon): SentenceView {
  const n = words.length;
  let upper = 0;
  let letters = 0;
  for (const w of words) {
    for (let j = 0; j < w.length; ) {
      const cp = w.codePointAt(j)!;
      j += cp > 0xffff ? 2 : 1;
      const c = letterCase(cp);
      if (c) { letters++; if (c === UPPER_CASE) upper++; }
    }
  }
  const lower = words.map((w) => w.toLowerCase());
  const v: SentenceView = {
    words, lower, caps: letters > 8 && upper === letters,
    word: new Int32Array(n), low: new Int32Array(n), shape: new Int32Array(n), prefix: new Int32Array(n * 4), suffix: new Int32Array(n * 4),
    classes: new Int32Array(n * CLUSTERINGS), gaz: new Int32Array(n), phrase: new Int32Array(n), caseRatio: new Int8Array(n),
    place: new Uint8Array(n), demonym: new Uint8Array(n),
    stem: null, stemGaz: null, given: null,
  };
  const stems = lex.language !== undefined && hasStems(lex.language);
  if (stems) { v.stem = new Int32Array(n); v.stemGaz = new Int32Array(n); v.given = new Uint8Array(n); }
  phraseMatches(lower, lex, v.phrase);
  for (let i = 0; i < n; i++) {
    const w = words[i];
    const at = wordRow(w, lex);
    // Read after wordRow, which may have grown the cache's array.
    const row = lex.words.data;
    v.word[i] = row[at + WORD];
    v.low[i] = row[at + LOW];
    v.shape[i] = row[at + SHAPE];
    for (let k = 0; k < 4; k++) { v.prefix[i * 4 + k] = row[at + PREFIX + k]; v.suffix[i * 4 + k] = row[at + SUFFIX + k]; }
    for (let k = 0; k < CLUSTERINGS; k++) v.classes[i * CLUSTERINGS + k] = row[at + CLASSES + k];
    v.gaz[i] = row[at + GAZ];
    v.caseRatio[i] = row[at + CASE_RATIO];
    const flags = row[at + FLAGS];
    if (flags & DEMONYM) v.demonym[i] = 1;
    if (stems) { v.stem![i] = row[at + STEM]; v.stemGaz![i] = row[at + STEM_GAZ]; v.given![i] = flags & GIVEN ? 1 : LATIN_START.test(w) ? 2 : 0; }
    if (flags & PLACE || PLACES.has(w) || (i + 1 < n && PLACES.hasPair(w, words[i + 1])) || (i > 0 && PLACES.hasPair(words[i - 1], w))) v.place[i] = 1;
  }
  return v;
}

/** Longest known names, left to right: the hash of each word's mark (`B-LOC`, `I-ORG|PER`) into `out`. */
function phraseMatches(lower: string[], lex: Lexicon, out: Int32Array): void {
  if (!lex.hasPhrases) return;
  for (let i = 0; i < lower.length; ) {
    let found = 0;
    let types = '';
    let key = lower[i];
    for (let n = 2; n <= 6 && i + n <= lower.length && lex.phrasePrefix(key); n++) {
      key += ' ' + lower[i + n - 1];
      const t = lex.phrase(key);
      if (t) { found = n; types = t; }
    }
    if (!found) { i++; continue; }
    for (let k = 0; k < found; k++) out[i + k] = fnv(`${k ? 'I' : 'B'}-${types}`);
    i += found;
  }
}

/** Room enough for every feature of one token. */
export const MAX_FEATURES = 64;

/**
 * The features of token `i`, written into `out`; returns how many. `prev` and `prev2` are the
 * numbers of the two previous tags ({@link NO_TAG} before the sentence). Templates: the word as
 * written and in lower case, shape, prefixes and suffixes of 1–4 letters, length; words (±2),
 * shapes (±1) and suffixes (±1) around it and their pairs with the word; the previous tags alone,
 * together, with the word and with its shape; capitals throughout (a headline) and first place;
 * the training gazetteers (word ±1, known names) and the list of places and demonyms; the case
 * ratio; the word's classes in each clustering, with its shape and the previous tag, and the
 * classes around it.
 */
export function features(v: SentenceView, i: number, prev: number, prev2: number, out: Int32Array): number {
  const n = v.words.length;
  const { low, shape: sh, classes: cls, caps } = v;
  const lw = low[i];
  const s0 = sh[i];
  const l1 = i > 0 ? low[i - 1] : START;
  const r1 = i + 1 < n ? low[i + 1] : END;
  const s1 = i > 0 ? sh[i - 1] : START;
  const t1 = i + 1 < n ? sh[i + 1] : END;
  const first = i === 0 ? 1 : 0;
  let k = 0;
  out[k++] = T[0];
  out[k++] = mix(T[1], v.word[i]);
  out[k++] = mix(T[2], lw);
  out[k++] = mix(T[3], s0);
  for (let j = 0; j < 4; j++) out[k++] = mix(T[4 + j], v.prefix[i * 4 + j]);
  for (let j = 0; j < 4; j++) out[k++] = mix(T[8 + j], v.suffix[i * 4 + j]);
  out[k++] = mix(T[12], prev);
  out[k++] = mix(mix(T[13], prev2), prev);
  out[k++] = mix(mix(T[14], prev), lw);
  out[k++] = mix(T[15], l1);
  out[k++] = mix(T[16], r1);
  out[k++] = mix(T[17], i > 1 ? low[i - 2] : START);
  out[k++] = mix(T[18], i + 2 < n ? low[i + 2] : END);
  out[k++] = mix(T[19], s1);
  out[k++] = mix(T[20], t1);
  out[k++] = mix(mix(T[21], l1), lw);
  out[k++] = mix(mix(T[22], lw), r1);
  out[k++] = mix(mix(T[23], prev), s0);
  out[k++] = mix(T[24], caps ? 1 : 0);
  out[k++] = mix(T[25], first);
  out[k++] = mix(mix(mix(T[26], s1), s0), t1);
  out[k++] = mix(T[27], i > 0 ? v.suffix[(i - 1) * 4 + 2] : START);
  out[k++] = mix(T[28], i + 1 < n ? v.suffix[(i + 1) * 4 + 2] : END);
  out[k++] = mix(T[29], Math.min(v.words[i].length, 8));
  const g = v.gaz[i];
  if (g) { out[k++] = mix(T[30], g); out[k++] = mix(mix(T[31], g), s0); }
  if (i + 1 < n && v.gaz[i + 1]) out[k++] = mix(T[32], v.gaz[i + 1]);
  if (i > 0 && v.gaz[i - 1]) out[k++] = mix(T[33], v.gaz[i - 1]);
  if (v.place[i]) out[k++] = T[34];
  if (v.demonym[i]) out[k++] = T[35];
  if (caps) out[k++] = mix(T[36], lw);
  const ph = v.phrase[i];
  if (ph) { out[k++] = mix(T[37], ph); out[k++] = mix(mix(T[38], ph), s0); }
  const cr = v.caseRatio[i];
  out[k++] = mix(T[39], cr);
  out[k++] = mix(mix(mix(T[40], cr), s0), caps ? 1 : first);
  const c = i * CLUSTERINGS;
  if (cls[c] >= 0) {
    for (let j = 0; j < CLUSTERINGS; j++) out[k++] = mix(T[41 + j], cls[c + j]);
    out[k++] = mix(mix(T[44], prev), cls[c + 1]);
    out[k++] = mix(mix(T[45], cls[c]), s0);
  } else out[k++] = T[46];
  const cp = i > 0 ? cls[c - CLUSTERINGS] : -2;
  const cn = i + 1 < n ? cls[c + CLUSTERINGS] : -3;
  out[k++] = mix(T[47], i > 0 ? cls[c - CLUSTERINGS + 1] : -2);
  out[k++] = mix(T[48], i + 1 < n ? cls[c + CLUSTERINGS + 1] : -3);
  out[k++] = mix(T[49], i > 1 ? cls[c - 2 * CLUSTERINGS] : -2);
  out[k++] = mix(T[50], i + 2 < n ? cls[c + 2 * CLUSTERINGS] : -3);
  out[k++] = mix(mix(T[51], cp), cls[c]);
  out[k++] = mix(mix(T[52], cls[c]), cn);
  const st = v.stem;
  if (st) {
    // Inflected languages: the stem alone, with the shape and the previous tag, the stems around it, and the types training gave the stem.
    out[k++] = mix(T[53], st[i]);
    out[k++] = mix(mix(T[54], st[i]), s0);
    out[k++] = mix(mix(T[55], prev), st[i]);
    out[k++] = mix(T[56], i > 0 ? st[i - 1] : START);
    out[k++] = mix(T[57], i + 1 < n ? st[i + 1] : END);
    const sg = v.stemGaz![i];
    if (sg) { out[k++] = mix(T[58], sg); out[k++] = mix(mix(T[59], sg), s0); }
    // A given name, and a word after one ("Мустафа" "Джемилев").
    const gv = v.given!;
    if (gv[i] === 1) out[k++] = mix(T[60], t1);
    if (i > 0 && gv[i - 1] === 1) out[k++] = mix(T[61], s0);
    out[k++] = mix(mix(mix(T[62], gv[i] === 2 ? 1 : 0), s0), i > 0 && gv[i - 1] === 2 ? 1 : 0);
  }
  return k;
}

export class Perceptron {
  private w = new Map<number, Float64Array>();
  private totals = new Map<number, Float64Array>();
  private stamps = new Map<number, Float64Array>();
  private i = 0;
  constructor(readonly ntags: number) {}

  scores(feats: ArrayLike<number>, count = feats.length): Float64Array {
    const s = new Float64Array(this.ntags);
    for (let j = 0; j < count; j++) {
      const v = this.w.get(feats[j]);
      if (v) for (let k = 0; k < this.ntags; k++) s[k] += v[k];
    }
    return s;
  }

  update(truth: number, guess: number, feats: ArrayLike<number>, count = feats.length): void {
    this.i++;
    if (truth === guess) return;
    for (let j = 0; j < count; j++) {
      const f = feats[j];
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

/** A model's weights as typed arrays: feature keys in row order and their weights, row by row. */
export interface ModelTables {
  tags: readonly string[];
  /** Feature number of each row. */
  keys: Int32Array;
  /**
   * keys.length × tags.length weights; or, from the model file, Int16 hundredths of them (each
   * read as the Float32 of k / 100, the very number a Float32Array of the weights would hold).
   */
  weights: Float32Array | Int16Array;
  /** The least and greatest of Int16 weights (hundredths). */
  range?: [number, number];
  /** The open-addressing table over `keys`, as {@link NerModel} builds it (row + 1 a slot, 0 empty), when made beforehand. */
  slots?: Int32Array;
  lex: Lexicon;
}

/** The open-addressing table of feature numbers to rows + 1: twice as many slots as rows or more, a power of two, linear probing. */
export function slotTable(keys: Int32Array): Int32Array {
  let size = 1;
  while (size < keys.length * 2) size <<= 1;
  const mask = size - 1;
  const slots = new Int32Array(size);
  for (let row = 0; row < keys.length; row++) {
    let slot = keys[row] & mask;
    while (slots[slot]) slot = (slot + 1) & mask;
    slots[slot] = row + 1;
  }
  return slots;
}

/** The shipped model, for tagging: weights in an open-addressing table of typed arrays. */
export class NerModel {
  private keys: Int32Array;
  /** Row + 1 of each slot's weights; 0 for an empty slot. */
  private rows: Int32Array;
  /** The weights, row by row; or, when they come as hundredths, k / 100 as a Float32 at k - least. */
  private weights: Float32Array;
  /** The weights as Int16 hundredths, row by row, or null. */
  private hundredths: Int16Array | null;
  /** The least hundredth. */
  private least = 0;
  private mask: number;
  private lex: Lexicon;
  private bilou: boolean;
  private tags: readonly string[];
  private buf = new Int32Array(MAX_FEATURES);
  /** BILOU: whether tag k may follow tag j, at `j * n + k`; row n is the start of a sentence (see {@link allowed}). */
  private follows: Uint8Array | null = null;

  /** From the tables training makes (see {@link ModelData}), or from typed arrays as the model file holds them. */
  constructor(data: ModelData | ModelTables) {
    const tables = ArrayBuffer.isView(data.weights) ? (data as ModelTables) : fromData(data as ModelData);
    this.keys = tables.keys;
    this.rows = tables.slots ?? slotTable(tables.keys);
    this.mask = this.rows.length - 1;
    if (tables.weights instanceof Int16Array) {
      const [lo, hi] = tables.range ?? [-0x8000, 0x7fff];
      this.hundredths = tables.weights;
      this.least = lo;
      // k / 100 as a Float32: the number a Float32Array of the weights would hold.
      this.weights = new Float32Array(hi - lo + 1);
      for (let k = lo; k <= hi; k++) this.weights[k - lo] = k / 100;
    } else {
      this.hundredths = null;
      this.weights = tables.weights;
    }
    this.lex = tables.lex;
    this.tags = tables.tags;
    this.bilou = tables.tags.some((t) => t.startsWith('L-'));
    if (this.bilou) {
      // Asked once per pair of tags here, not with string operations at every token.
      const n = this.tags.length;
      this.follows = new Uint8Array((n + 1) * n);
      for (let j = 0; j <= n; j++) for (let k = 0; k < n; k++) this.follows[j * n + k] = allowed(j < n ? this.tags[j] : '<s>', this.tags[k]) ? 1 : 0;
    }
  }

  private row(key: number): number {
    let slot = key & this.mask;
    for (;;) {
      const r = this.rows[slot];
      if (!r) return -1;
      if (this.keys[r - 1] === key) return r - 1;
      slot = (slot + 1) & this.mask;
    }
  }

  /** How often unlabelled text capitalises `word` where the sentence does not ask for it, in fifths; -1 when unknown. */
  caseRatio(word: string): number {
    return this.lex.caseRatio(word.toLowerCase());
  }

  tag(words: string[]): string[] {
    const names = this.tags;
    const n = names.length;
    const v = view(words, this.lex);
    const idx: number[] = [];
    const s = new Float64Array(n);
    const W = this.weights;
    const H = this.hundredths;
    const lo = this.least;
    for (let i = 0; i < words.length; i++) {
      s.fill(0);
      const count = features(v, i, idx[i - 1] ?? NO_TAG, idx[i - 2] ?? NO_TAG, this.buf);
      for (let j = 0; j < count; j++) {
        const r = this.row(this.buf[j]);
        if (r < 0) continue;
        const base = r * n;
        if (H) for (let k = 0; k < n; k++) s[k] += W[H[base + k] - lo];
        else for (let k = 0; k < n; k++) s[k] += W[base + k];
      }
      let best: number;
      if (this.follows) {
        // As bestAllowed: the best tag that may follow the last one (the first tag when none may).
        const row = (i ? idx[i - 1] : n) * n;
        best = -1;
        for (let k = 0; k < n; k++) if (this.follows[row + k] && (best < 0 || s[k] > s[best])) best = k;
        if (best < 0) best = 0;
      } else {
        best = 0;
        for (let k = 1; k < n; k++) if (s[k] > s[best]) best = k;
        // An I- tag must continue an entity of its type.
        const t = names[best];
        if (t.startsWith('I-') && !(i && names[idx[i - 1]].slice(2) === t.slice(2))) best = names.indexOf('B-' + t.slice(2));
      }
      idx.push(best);
    }
    const tags = idx.map((k) => names[k]);
    return this.bilou ? toBio(tags) : tags;
  }
}

/** The typed-array form of a model's tables (keys in the order of `data.weights`). */
export function fromData(data: ModelData): ModelTables {
  const n = data.tags.length;
  const entries = Object.entries(data.weights);
  const keys = new Int32Array(entries.length);
  const weights = new Float32Array(entries.length * n);
  entries.forEach(([key, flat], row) => {
    keys[row] = Number(key) | 0;
    for (let j = 0; j < flat.length; j += 2) weights[row * n + flat[j]] = flat[j + 1];
  });
  return { tags: data.tags, keys, weights, lex: lexicon(data) };
}
