/**
 * Attribution cues: which words head an attribution ("said", "according to", "told", "argued",
 * a colon after a name). A linear model (averaged perceptron) over the word and its neighbourhood
 * decides; it is trained on PolNeAR's training part by scripts/train-quotes.mjs (with `train.ts` in
 * this folder), and its weights ship as models/quotes/cue-weights.tsv (beside it cue-weights.bin,
 * the same weights as typed arrays for a fast start), read on first use. Without weights a small
 * lexicon of speech verbs stands in.
 *
 * @module
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { QUOTE_MARK, type QToken, type Tokenised } from './tokens.js';
import { FeatureHash } from './feature-hash.js';

/** The shipped weights: `feature<TAB>weight` lines after `#` comment lines. */
export const CUE_MODEL_FILE = fileURLToPath(new URL('../../../models/quotes/cue-weights.tsv', import.meta.url));

/** Tokens that can head a cue: words, a colon, a dash that introduces a source. */
const LETTER_START = /^\p{L}/u;
export function isCandidate(t: QToken): boolean {
  return LETTER_START.test(t.text) || t.text === ':' || t.text === '―' || t.text === '—';
}

/** Verbs of saying: the words after them are the subject's own. */
export const SPEECH =
  /^(?:said|says|say|told|tells|according|added|adds|adding|wrote|writes|noted|notes|noting|stated|explained|argued|argues|insisted|claimed|declared|announced|warned|stressed|emphasi[sz]ed|recalled|replied|responded|tweeted|asked|saying|telling|acknowledged|reported|reports|suggested|confirmed|denied|urged|concluded|continued)$/;

function shape(w: string): string {
  return w.replace(/\p{Lu}+/gu, 'X').replace(/\p{Ll}+/gu, 'x').replace(/\d+/g, 'd').slice(0, 5);
}

/**
 * Where a crude lemma of `w` ends: "-ing", "-ed", "-es" or "-s" off, then a final "e"; so "says",
 * "saying", "said" stay apart but "argues"/"argued"/"arguing" meet. Scoring hashes the lemma where
 * it stands, without cutting it out.
 */
export function lemmaEnd(w: string): number {
  let end = w.length;
  if (w.endsWith('ing')) end -= 3;
  else if (w.endsWith('ed') || w.endsWith('es')) end -= 2;
  else if (w.endsWith('s')) end -= 1;
  return end > 0 && w.charCodeAt(end - 1) === 101 ? end - 1 : end;
}

const lemma = (w: string) => w.slice(0, lemmaEnd(w));

/** A count in the bands the features read. */
export const bucket = (n: number) => (n < 3 ? String(n) : n < 6 ? '3-5' : n < 12 ? '6-11' : '12+');

/**
 * The features of token `i`, as strings (the model's keys): what training reads. Scoring makes
 * the same features hashed, without the strings (`cue-score.ts`); change both together.
 */
export function cueFeatures(tk: Tokenised, i: number, sentHasQuote: boolean): string[] {
  const { tokens, sentences } = tk;
  const t = tokens[i];
  const sent = sentences[t.sentence];
  const w = t.lower;
  const at = (k: number) => (k >= sent.first && k < sent.last ? tokens[k].lower : k < sent.first ? '<s>' : '</s>');
  const p1 = at(i - 1), p2 = at(i - 2), n1 = at(i + 1), n2 = at(i + 2);
  const f = [
    'b', `w=${w}`, `s3=${w.slice(-3)}`, `s2=${w.slice(-2)}`, `sh=${shape(t.text)}`,
    `p1=${p1}`, `p2=${p2}`, `n1=${n1}`, `n2=${n2}`, `p1w=${p1}|${w}`, `wn1=${w}|${n1}`, `wn2=${w}|${n2}`,
    `p1sh=${shape(tokens[i - 1]?.text ?? '')}`, `n1sh=${shape(tokens[i + 1]?.text ?? '')}`,
    `pos=${bucket(i - sent.first)}`, `rest=${bucket(sent.last - i - 1)}`, `q=${sentHasQuote}`,
  ];
  if (SPEECH.test(w)) f.push('speech');
  for (let k = i + 1; k < Math.min(sent.last, i + 6); k++) if (tokens[k].lower === 'that') { f.push(`that@${k - i}`, `w+that=${w}`); break; }
  for (let k = i + 1; k < Math.min(sent.last, i + 4); k++) if (/["“«„]/.test(tokens[k].text)) { f.push(`openq@${k - i}`, `w+openq=${w}`); break; }
  for (let k = i - 1; k >= Math.max(sent.first, i - 6); k--) if (/[”"»]/.test(tokens[k].text)) { f.push(`closeq@${i - k}`, `w+closeq=${w}`); break; }
  if (p1 === ',' || p2 === ',') f.push(`commaBefore=${p1 === ','}`, `w+commaBefore=${w}`);
  if (n1 === '.' || n1 === '</s>') f.push('endsSentence', `w+end=${w}`);
  if (/^\p{Lu}/u.test(tokens[i - 1]?.text ?? '')) f.push('capBefore', `w+capBefore=${w}`);
  if (/^(?:he|she|they|i|we)$/.test(p1)) f.push('pronBefore', `w+pronBefore=${w}`);
  if (QUOTE_MARK.test(tokens[i + 1]?.text ?? '')) f.push('quoteAfter');
  f.push(`lem=${lemma(w)}`, `p1|lem=${p1}|${lemma(w)}`);
  for (let k = Math.max(sent.first, i - 3); k < i; k++) f.push(`L:${tokens[k].lower}`);
  for (let k = i + 1; k < Math.min(sent.last, i + 4); k++) f.push(`R:${tokens[k].lower}`);
  // Inside a quotation: an opening mark before it in the sentence that is not closed yet.
  let open = false;
  for (let k = sent.first; k < i; k++) {
    const x = tokens[k].text;
    if (/[“«„]/.test(x)) open = true;
    else if (/[”»]/.test(x)) open = false;
    else if (x === '"') open = !open;
  }
  if (open) f.push('insideQuote', `w+inside=${w}`);
  // Another speech verb in the sentence competes for the attribution.
  for (let k = sent.first; k < sent.last; k++) if (k !== i && SPEECH.test(tokens[k].lower)) { f.push(k < i ? 'speechBefore' : 'speechAfter'); break; }
  let cap = 0;
  for (let k = i - 1; k >= sent.first && /^\p{Lu}/u.test(tokens[k].text); k--) cap++;
  f.push(`capRun=${Math.min(cap, 3)}`, `w+capRun=${w}|${Math.min(cap, 2)}`);
  if (/^(?:the|a|an|his|her|their|its|him|them|me|us|reporters|journalists)$/.test(n1)) f.push('objectAfter', `w+objectAfter=${w}`);
  return f;
}

/** A trained cue model: feature weights and the score above which a token heads a cue. */
export interface CueModel {
  weights: Record<string, number>;
  threshold: number;
}

/** What scoring reads of a model's weights: a feature's weight, undefined when it has none. */
export interface WeightLookup {
  get(feature: string): number | undefined;
  /** Every feature with its weight. */
  entries(): Iterable<[string, number]>;
}

/**
 * Each model's weights as a Map, made on first use. The features are strings built per token;
 * looked up as keys of the weights object (tens of thousands of keys), each one is first searched
 * in V8's string table, which cost more than building them. A model's weights are read once:
 * models are not changed after they are made.
 */
const tables = new WeakMap<CueModel, WeightLookup>();

export function weightsOf(model: CueModel): WeightLookup {
  let table = tables.get(model);
  if (!table) tables.set(model, (table = new Map(Object.entries(model.weights))));
  return table;
}

/** 32-bit FNV-1a. */
function fnv(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h | 0;
}

/** The weights of a `feature<TAB>weight` file: `#` lines are comments. */
export function parseCueWeights(text: string): Map<string, number> {
  const table = new Map<string, number>();
  for (const line of text.split('\n')) {
    const tab = line.indexOf('\t');
    if (tab > 0 && line[0] !== '#') table.set(line.slice(0, tab), Number(line.slice(tab + 1)));
  }
  return table;
}

/**
 * The weights file as typed arrays (models/quotes/cue-weights.bin, written from the TSV by
 * scripts/build-cue-table.mjs), read in one call: splitting the TSV into a Map of its 32,000
 * features took tens of ms at every start. It records the SHA-256 of the TSV it was made from and
 * is used only while that is the TSV beside it; retrained weights are read from the TSV until the
 * table is written again.
 *
 * Layout, little-endian: the magic `PXCUE\0\0\x01`, the header's length (u32), a JSON header, then,
 * each aligned to 8 bytes: `text` every feature back to back (Latin-1 when every character fits,
 * else UTF-16LE); `offsets` Uint32 × (features + 1); `values` Float64 × features; `slots` Int32 ×
 * a power of two: feature + 1 by FNV-1a hash, linear probing, 0 empty.
 */
export const CUE_TABLE_FILE = CUE_MODEL_FILE.replace(/\.tsv$/, '.bin');
const CUE_TABLE_MAGIC = 'PXCUE\0\0\x01';

interface CueTableHeader {
  sha256: string;
  features: number;
  slots: number;
  textBytes: number;
  textEncoding: 'latin1' | 'utf16le';
  /** {@link FeatureHash}'s pair for {@link HASH_PROBE} when the table was written: the `h1` and `h2` sections are used only while the hash gives the same. */
  hashProbe?: [number, number];
  at: Record<'text' | 'offsets' | 'values' | 'slots', number> & Partial<Record<'h1' | 'h2', number>>;
}

/** A weights lookup that also has each feature's pair of {@link FeatureHash} hashes, with its weight. */
export interface PairHashed {
  pairHashes(): { h1: Int32Array; h2: Int32Array; values: Float64Array } | null;
}

/** A feature-like text whose hashes a table records, to tell whether the hash it was written with is the one running. */
const HASH_PROBE = 'w=said|caps=2|q=«';
const probeHashes = (): [number, number] => {
  const h = new FeatureHash().start(HASH_PROBE);
  return [h.h1, h.h2];
};

const align8 = (n: number) => (n + 7) & ~7;

/** The table file's bytes for a weights TSV's bytes. */
export function encodeCueTable(tsv: Buffer): Buffer {
  const weights = parseCueWeights(tsv.toString('utf8'));
  const features = [...weights.keys()];
  const N = features.length;
  const joined = features.join('');
  const textEncoding = /[^\u0000-\u00ff]/.test(joined) ? 'utf16le' : 'latin1';
  const text = Buffer.from(joined, textEncoding);
  const offsets = new Uint32Array(N + 1);
  const values = new Float64Array(N);
  let size = 1;
  while (size < N * 2) size <<= 1;
  const slots = new Int32Array(size);
  const h1 = new Int32Array(N);
  const h2 = new Int32Array(N);
  const hash = new FeatureHash();
  features.forEach((f, i) => {
    offsets[i + 1] = offsets[i] + f.length;
    values[i] = weights.get(f)!;
    hash.start(f);
    h1[i] = hash.h1;
    h2[i] = hash.h2;
    let slot = fnv(f) & (size - 1);
    while (slots[slot]) slot = (slot + 1) & (size - 1);
    slots[slot] = i + 1;
  });
  const u8 = (a: Uint32Array | Float64Array | Int32Array) => new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
  const sections: [keyof CueTableHeader['at'], Uint8Array][] = [['text', text], ['offsets', u8(offsets)], ['values', u8(values)], ['slots', u8(slots)], ['h1', u8(h1)], ['h2', u8(h2)]];
  const header: CueTableHeader = {
    sha256: createHash('sha256').update(tsv).digest('hex'), features: N, slots: size, textBytes: text.length, textEncoding, hashProbe: probeHashes(),
    at: {} as CueTableHeader['at'],
  };
  let json = '';
  for (let pass = 0; pass < 4; pass++) {
    let pos = align8(8 + 4 + Buffer.byteLength(JSON.stringify(header)));
    for (const [name, bytes] of sections) { header.at[name] = pos; pos = align8(pos + bytes.length); }
    const next = JSON.stringify(header);
    if (next === json) break;
    json = next;
  }
  const head = Buffer.from(json, 'utf8');
  let total = align8(8 + 4 + head.length);
  if (total !== header.at.text) throw new Error('cue table layout did not settle');
  for (const [, bytes] of sections) total = align8(total + bytes.length);
  const out = Buffer.alloc(total);
  out.write(CUE_TABLE_MAGIC, 0, 'latin1');
  out.writeUInt32LE(head.length, 8);
  head.copy(out, 12);
  for (const [name, bytes] of sections) out.set(bytes, header.at[name]);
  return out;
}

/** Weights over the table file's arrays. */
class WeightTable implements WeightLookup, PairHashed {
  constructor(
    private text: string,
    private offsets: Uint32Array,
    private values: Float64Array,
    private slots: Int32Array,
    private pairs: { h1: Int32Array; h2: Int32Array } | null = null,
  ) {}

  pairHashes(): { h1: Int32Array; h2: Int32Array; values: Float64Array } | null {
    return this.pairs && { ...this.pairs, values: this.values };
  }

  get(feature: string): number | undefined {
    const { text, offsets, slots } = this;
    const mask = slots.length - 1;
    for (let slot = fnv(feature) & mask; ; slot = (slot + 1) & mask) {
      const e = slots[slot] - 1;
      if (e < 0) return undefined;
      if (offsets[e + 1] - offsets[e] === feature.length && text.startsWith(feature, offsets[e])) return this.values[e];
    }
  }

  *entries(): IterableIterator<[string, number]> {
    for (let e = 0; e < this.values.length; e++) yield [this.text.slice(this.offsets[e], this.offsets[e + 1]), this.values[e]];
  }

  /** The weights as an object, features in the file's order. */
  toObject(): Record<string, number> {
    const out: Record<string, number> = {};
    for (let e = 0; e < this.values.length; e++) out[this.text.slice(this.offsets[e], this.offsets[e + 1])] = this.values[e];
    return out;
  }
}

/** The weights of a table file's bytes when it was made from `tsv` (the TSV's bytes), else null. */
export function decodeCueTable(bytes: Buffer, tsv: Buffer): (WeightLookup & PairHashed & { toObject(): Record<string, number> }) | null {
  let buf = bytes;
  if (buf.length < 12 || buf.toString('latin1', 0, 8) !== CUE_TABLE_MAGIC) return null;
  if (buf.byteOffset % 8) buf = Buffer.from(buf);
  const h = JSON.parse(buf.toString('utf8', 12, 12 + buf.readUInt32LE(8))) as CueTableHeader;
  if (createHash('sha256').update(tsv).digest('hex') !== h.sha256) return null;
  const text = buf.toString(h.textEncoding, h.at.text, h.at.text + h.textBytes);
  // Each feature's hashes, while the hash that wrote them is the one running.
  const probe = probeHashes();
  const pairs = h.at.h1 !== undefined && h.at.h2 !== undefined && h.hashProbe?.[0] === probe[0] && h.hashProbe[1] === probe[1]
    ? { h1: new Int32Array(buf.buffer, buf.byteOffset + h.at.h1, h.features), h2: new Int32Array(buf.buffer, buf.byteOffset + h.at.h2, h.features) }
    : null;
  return new WeightTable(
    text,
    new Uint32Array(buf.buffer, buf.byteOffset + h.at.offsets, h.features + 1),
    new Float64Array(buf.buffer, buf.byteOffset + h.at.values, h.features),
    new Int32Array(buf.buffer, buf.byteOffset + h.at.slots, h.slots),
    pairs,
  );
}

let shipped: CueModel | null | undefined;

/**
 * The shipped model ({@link CUE_MODEL_FILE}), read once on first use (through its table file when
 * that is current); null, with a note, when the file is missing (the speech-verb lexicon stands in).
 */
export function defaultCueModel(): CueModel | null {
  if (shipped !== undefined) return shipped;
  if (!existsSync(CUE_MODEL_FILE)) {
    process.stderr.write(`parallax: no attribution-cue weights at ${CUE_MODEL_FILE}; using a list of speech verbs (train them with scripts/train-quotes.mjs)\n`);
    return (shipped = null);
  }
  const tsv = readFileSync(CUE_MODEL_FILE);
  const table = (existsSync(CUE_TABLE_FILE) ? decodeCueTable(readFileSync(CUE_TABLE_FILE), tsv) : null) ?? parseCueWeights(tsv.toString('utf8'));
  // The perceptron's bias is a feature ('b'), so its decision is a sum above zero. Scoring reads
  // the table; the weights as an object are made only if asked for.
  let weights: Record<string, number> | undefined;
  const asObject = () => (table instanceof Map ? Object.fromEntries(table) : table.toObject());
  shipped = { threshold: 0, get weights() { return (weights ??= asObject()); } };
  tables.set(shipped, table);
  return shipped;
}

export function scoreToken(model: CueModel, features: string[]): number {
  const table = weightsOf(model);
  let s = 0;
  for (const f of features) s += table.get(f) ?? 0;
  return s;
}
