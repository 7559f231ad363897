/**
 * The shipped named-entity model as one binary file (models/ner/model.bin), read with one
 * readFileSync: typed arrays over the file's bytes, and one string for every word the lexicon
 * knows, so loading creates no object per feature or per word (the JSON form took ~0.4 s to parse).
 *
 * Layout, little-endian: the magic `PXNER\0\0\x01`, the header's length (u32), a JSON header
 * (tags, counts, the type strings the lexicon refers to, and each section's byte offset), then the
 * sections, each aligned to 8 bytes:
 *
 * - `keys` Int32 × features: each feature's number (see perceptron.ts), in row order;
 * - `rows` Int32 × a power of two: the tagger's open-addressing table over them (row + 1 a
 *   slot, 0: empty; see slotTable in perceptron.ts), so loading builds nothing;
 * - `weights` Int16 × features × tags: weight × 100 (the trainer rounds weights to hundredths;
 *   k / 100 is the very number the JSON form held, read as a Float32 alike);
 * - `text`: every lexicon entry, back to back, in Latin-1 when every character fits, else in
 *   UTF-16LE (both decode at memory speed, where UTF-8 took several times longer); `offsets`
 *   Int32 × (entries + 1): where each starts in the decoded string;
 * - `slots` Int32 × a power of two: an open-addressing table of entry + 1 by FNV-1a hash of the
 *   entry's text (0: empty), linear probing;
 * - per entry: `gazetteer` Uint8 (index + 1 into the header's gazetteer types, 0: none), `phrase`
 *   Uint8 (index + 1 into its phrase types, 0: not a known name), `flags` Uint8 (1: a proper
 *   prefix of a known name), `caseRatio` Int8 (-1: unknown), `clusters` Int16 × 3 (-1: none).
 *
 * An entry is any string one of the lexicon's tables has as a key: a lower-case word of the
 * gazetteer or the case ratios, a word as the clusters write it, a known name or a prefix of one.
 *
 * @module
 */
import { lookupCluster } from './clusters.js';
import { fnv, slotTable, type Lexicon, type ModelData, NerModel } from './perceptron.js';
import { WordCache } from './word-cache.js';

const MAGIC = Buffer.from('PXNER\0\0\x01', 'latin1');
const CLUSTERINGS = 3;

interface Header {
  tags: string[];
  features: number;
  /** Size of the feature table (`rows`). */
  rows: number;
  entries: number;
  slots: number;
  hasPhrases: boolean;
  hasClusters: boolean;
  gazetteerTypes: string[];
  phraseTypes: string[];
  /** Byte offset of each section from the start of the file. */
  at: Record<'keys' | 'rows' | 'weights' | 'text' | 'offsets' | 'slots' | 'gazetteer' | 'phrase' | 'flags' | 'caseRatio' | 'clusters', number>;
  textBytes: number;
  textEncoding: 'latin1' | 'utf16le';
  /** The least and greatest weight, in hundredths. */
  weightRange: [number, number];
  /** The model's language when its features read stems (absent for English). */
  language?: string;
}

/** The model file's bytes for a model's tables. */
export function encodeModel(data: ModelData): Buffer {
  const n = data.tags.length;
  const entries = Object.entries(data.weights);
  const keys = new Int32Array(entries.length);
  const weights = new Int16Array(entries.length * n);
  entries.forEach(([key, flat], row) => {
    keys[row] = Number(key) | 0;
    for (let j = 0; j < flat.length; j += 2) {
      const k = Math.round(flat[j + 1] * 100);
      if (k / 100 !== flat[j + 1] || Math.abs(k) > 0x7fff) throw new Error(`weight ${flat[j + 1]} of feature ${key} is not a number of hundredths the file can hold`);
      weights[row * n + flat[j]] = k;
    }
  });

  // Every key of the lexicon's tables, once.
  const phrases = data.phrases ?? {};
  const prefixes = new Set<string>();
  for (const k of Object.keys(phrases)) {
    const ws = k.split(' ');
    for (let i = 1; i < ws.length; i++) prefixes.add(ws.slice(0, i).join(' '));
  }
  const names = new Set<string>([
    ...Object.keys(data.gazetteer), ...Object.keys(phrases), ...prefixes,
    ...Object.keys(data.clusters ?? {}), ...Object.keys(data.caseRatio ?? {}),
  ]);
  const words = [...names].sort();
  const E = words.length;
  const gazetteerTypes = [...new Set(Object.values(data.gazetteer))].sort();
  const phraseTypes = [...new Set(Object.values(phrases))].sort();
  if (gazetteerTypes.length > 254 || phraseTypes.length > 254) throw new Error('too many distinct entity-type sets for the model file');
  const gaz = new Uint8Array(E);
  const phrase = new Uint8Array(E);
  const flags = new Uint8Array(E);
  const caseRatio = new Int8Array(E).fill(-1);
  const clusters = new Int16Array(E * CLUSTERINGS).fill(-1);
  const offsets = new Int32Array(E + 1);
  let size = 1;
  while (size < E * 2) size <<= 1;
  const slots = new Int32Array(size);
  const own = (o: object | undefined, k: string) => o !== undefined && Object.prototype.hasOwnProperty.call(o, k);
  words.forEach((w, e) => {
    offsets[e + 1] = offsets[e] + w.length;
    if (own(data.gazetteer, w)) gaz[e] = gazetteerTypes.indexOf(data.gazetteer[w]) + 1;
    if (own(phrases, w)) phrase[e] = phraseTypes.indexOf(phrases[w]) + 1;
    if (prefixes.has(w)) flags[e] |= 1;
    if (own(data.caseRatio, w)) caseRatio[e] = data.caseRatio![w];
    if (own(data.clusters, w)) {
      const c = data.clusters![w];
      for (let k = 0; k < CLUSTERINGS; k++) {
        const x = c[k];
        if (x === undefined) continue;
        if (!Number.isInteger(x) || x < 0 || x > 0x7fff) throw new Error(`cluster class ${x} of "${w}" does not fit the model file`);
        clusters[e * CLUSTERINGS + k] = x;
      }
    }
    let slot = fnv(w) & (size - 1);
    while (slots[slot]) slot = (slot + 1) & (size - 1);
    slots[slot] = e + 1;
  });
  for (const [w, r] of Object.entries(data.caseRatio ?? {})) if (!Number.isInteger(r) || r < -1 || r > 127) throw new Error(`case ratio ${r} of "${w}" does not fit the model file`);
  const joined = words.join('');
  const textEncoding = /[^\u0000-\u00ff]/.test(joined) ? 'utf16le' : 'latin1';
  const text = Buffer.from(joined, textEncoding);
  let lo = 0;
  let hi = 0;
  for (const k of weights) { if (k < lo) lo = k; if (k > hi) hi = k; }
  const rows = slotTable(keys);

  const sections: [keyof Header['at'], Uint8Array][] = [
    ['keys', u8(keys)], ['rows', u8(rows)], ['weights', u8(weights)], ['text', text], ['offsets', u8(offsets)], ['slots', u8(slots)],
    ['gazetteer', gaz], ['phrase', phrase], ['flags', flags], ['caseRatio', u8(caseRatio)], ['clusters', u8(clusters)],
  ];
  const header: Header = {
    tags: [...data.tags], features: entries.length, rows: rows.length, entries: E, slots: size,
    hasPhrases: phrase.some((p) => p > 0), hasClusters: clusters.some((c) => c >= 0), gazetteerTypes, phraseTypes,
    at: {} as Header['at'], textBytes: text.length, textEncoding, weightRange: [lo, hi],
    ...(data.language ? { language: data.language } : {}),
  };
  // Offsets depend on the header's length, which depends on the offsets: lay out until stable.
  let json = '';
  for (let pass = 0; pass < 4; pass++) {
    let pos = align(MAGIC.length + 4 + Buffer.byteLength(JSON.stringify(header)));
    for (const [name, bytes] of sections) { header.at[name] = pos; pos = align(pos + bytes.length); }
    const next = JSON.stringify(header);
    if (next === json) break;
    json = next;
  }
  const head = Buffer.from(json, 'utf8');
  let total = align(MAGIC.length + 4 + head.length);
  if (total !== header.at.keys) throw new Error('model file layout did not settle');
  for (const [, bytes] of sections) total = align(total + bytes.length);
  const out = Buffer.alloc(total);
  MAGIC.copy(out, 0);
  out.writeUInt32LE(head.length, MAGIC.length);
  head.copy(out, MAGIC.length + 4);
  for (const [name, bytes] of sections) out.set(bytes, header.at[name]);
  return out;
}

/** The model in a model file's bytes (as {@link encodeModel} wrote them). */
export function decodeModel(buf: Uint8Array): NerModel {
  if (buf.length < MAGIC.length + 4 || !MAGIC.equals(buf.subarray(0, MAGIC.length))) throw new Error('not a named-entity model file (or one of another version)');
  // Typed arrays need their offsets aligned: copy once if the buffer does not start on 8 bytes.
  const bytes = buf.byteOffset % 8 ? new Uint8Array(buf) : buf;
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const headLength = dv.getUint32(MAGIC.length, true);
  const h = JSON.parse(Buffer.from(bytes.buffer, bytes.byteOffset + MAGIC.length + 4, headLength).toString('utf8')) as Header;
  const F = h.features;
  const E = h.entries;
  const T = h.tags.length;
  const view = <A>(make: new (b: ArrayBufferLike, o: number, n: number) => A, at: number, n: number) => new make(bytes.buffer, bytes.byteOffset + at, n);
  const keys = view(Int32Array, h.at.keys, F);
  const rows = view(Int32Array, h.at.rows, h.rows);
  const weights = view(Int16Array, h.at.weights, F * T);
  const text = Buffer.from(bytes.buffer, bytes.byteOffset + h.at.text, h.textBytes).toString(h.textEncoding);
  const offsets = view(Int32Array, h.at.offsets, E + 1);
  const slots = view(Int32Array, h.at.slots, h.slots);
  const gaz = view(Uint8Array, h.at.gazetteer, E);
  const phrase = view(Uint8Array, h.at.phrase, E);
  const flags = view(Uint8Array, h.at.flags, E);
  const caseRatio = view(Int8Array, h.at.caseRatio, E);
  const clusters = view(Int16Array, h.at.clusters, E * CLUSTERINGS);
  const mask = h.slots - 1;

  /** The entry whose text is `s`, or -1. */
  const entry = (s: string): number => {
    for (let slot = fnv(s) & mask; ; slot = (slot + 1) & mask) {
      const e = slots[slot] - 1;
      if (e < 0) return -1;
      const start = offsets[e];
      if (offsets[e + 1] - start === s.length && text.startsWith(s, start)) return e;
    }
  };
  // lookupCluster's case tolerance reads a table; this one answers for entries that have classes.
  const classTable = {
    get(k: string): ArrayLike<number> | undefined {
      const e = entry(k);
      return e >= 0 && clusters[e * CLUSTERINGS] >= 0 ? clusters.subarray(e * CLUSTERINGS, (e + 1) * CLUSTERINGS) : undefined;
    },
  } as Map<string, ArrayLike<number>>;
  const hasClusters = h.hasClusters;
  const lex: Lexicon = {
    gazetteer(lower) { const e = entry(lower); return e >= 0 && gaz[e] ? h.gazetteerTypes[gaz[e] - 1] : undefined; },
    phrase(key) { const e = entry(key); return e >= 0 && phrase[e] ? h.phraseTypes[phrase[e] - 1] : undefined; },
    phrasePrefix(key) { const e = entry(key); return e >= 0 && (flags[e] & 1) === 1; },
    hasPhrases: h.hasPhrases,
    cluster: (word) => (hasClusters ? lookupCluster(classTable, word) : undefined),
    caseRatio(lower) { const e = entry(lower); return e >= 0 ? caseRatio[e] : -1; },
    words: new WordCache(),
    language: h.language,
  };
  return new NerModel({ tags: h.tags, keys, slots: rows, weights, range: h.weightRange, lex });
}

function align(n: number): number {
  return (n + 7) & ~7;
}

function u8(a: Int32Array | Int16Array | Int8Array): Uint8Array {
  return new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
}
