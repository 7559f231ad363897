/**
 * The clusterer's state in a binary form, for the checkpoints a store keeps (see `stored.ts`): its
 * bulk, the articles' vectors, the stories' centroids and members, the postings, the
 * near-duplicate signatures and the evidence columns, is written column by column as raw typed
 * arrays straight from the state, and the rest (ids, vocabulary, parameters) as a JSON header. As
 * JSON the snapshot of 20,000 articles is about 100 MB and takes seconds to print and parse; this
 * form is a fraction of that and reads back in one copy per column. It decodes to the
 * {@link SnapshotV1} that `snapshot()` would give, restored by the one `restore`.
 *
 * Layout: "PXCS", u32 version (1), u32 length of the UTF-8 JSON header, the header, then each
 * column at an offset (from the first column, which starts at the next multiple of 8) that is a
 * multiple of 8. The header's `columns` gives each column's offset, type and length.
 *
 * @module
 */
import type { SnapshotV1 } from './snapshot.js';
import type { ClusterState } from './state.js';

const MAGIC = 'PXCS';
const TYPES = { u8: Uint8Array, u16: Uint16Array, i32: Int32Array, u32: Uint32Array, f32: Float32Array, f64: Float64Array } as const;
type ColumnType = keyof typeof TYPES;
type Column = InstanceType<(typeof TYPES)[ColumnType]>;

const align = (n: number): number => (n + 7) & ~7;
const nan = (x: number | null | undefined): number => (x === null || x === undefined ? NaN : x);
const nul = (x: number): number | null => (Number.isNaN(x) ? null : x);

/** Bytes of each piece {@link Writer.chunks} gives: a multiple of 8, so no number straddles two. */
const PIECE = 1 << 16;

/**
 * Where a column's values go: the piece being filled, seen as an array of the column's type.
 * `put` and `copy` say when the piece is full; the column's fill then yields, the piece is taken
 * and filling goes on from its start.
 */
class ColumnOut {
  i = 0;
  constructor(private readonly view: Column) {}
  /** Puts one value; true when the piece is now full. */
  put(v: number): boolean {
    this.view[this.i++] = v;
    return this.i === this.view.length;
  }
  /** Copies `src` from `from` as far as the piece has room; returns where it stopped. */
  copy(src: Column, from: number): number {
    const n = Math.min(this.view.length - this.i, src.length - from);
    this.view.set(src.subarray(from, from + n) as never, this.i);
    this.i += n;
    return from + n;
  }
  get full(): boolean {
    return this.i === this.view.length;
  }
}

type Fill = (out: ColumnOut) => Generator<void, void, void>;

/**
 * Collects columns, then writes them out through one small buffer: each column is laid out from
 * its length first and its values are put straight into the piece being filled, so that the
 * snapshot's numbers are copied once, with no list or array of their own, and the state is never
 * doubled (a checkpoint of a large collection is made at the end of an ingest, when memory is at
 * its highest; held whole, the 36 MB of 10,000 long articles raised the peak by about as much).
 */
class Writer {
  readonly columns: Record<string, [number, ColumnType, number]> = {};
  private readonly parts: { type: ColumnType; fill: Fill }[] = [];
  private size = 0;
  private add(name: string, type: ColumnType, n: number, fill: Fill): void {
    this.columns[name] = [this.size, type, n];
    this.parts.push({ type, fill });
    this.size = align(this.size + n * TYPES[type].BYTES_PER_ELEMENT);
  }
  put(name: string, type: ColumnType, values: ArrayLike<number | null>): void {
    this.add(name, type, values.length, function* (out) {
      for (let i = 0; i < values.length; i++) if (out.put(nan(values[i]))) yield;
    });
  }
  /** A typed array, copied as it is into a column of its own type (NaN stays NaN: null when read). */
  raw(name: string, view: ArrayBufferView & ArrayLike<number>): void {
    const type = (Object.keys(TYPES) as ColumnType[]).find((t) => view instanceof TYPES[t]);
    if (!type) throw new Error(`column ${name}: not a typed array of a column type`);
    this.add(name, type, view.length, function* (out) {
      for (let at = 0; at < view.length; ) {
        at = out.copy(view as Column, at);
        if (out.full) yield;
      }
    });
  }
  /**
   * `count` variable-length lists (given by index, not built) as one column of values and, unless
   * `sharedLengths` (another column's lengths fit them), one of their lengths.
   */
  lists(name: string, type: ColumnType, count: number, list: (i: number) => ArrayLike<number>, sharedLengths = false): void {
    let total = 0;
    for (let i = 0; i < count; i++) total += list(i).length;
    if (!sharedLengths) this.add(`${name}.n`, 'i32', count, function* (out) {
      for (let i = 0; i < count; i++) if (out.put(list(i).length)) yield;
    });
    this.add(name, type, total, function* (out) {
      for (let i = 0; i < count; i++) {
        const l = list(i);
        if (ArrayBuffer.isView(l)) {
          for (let at = 0; at < l.length; ) {
            at = out.copy(l as Column, at);
            if (out.full) yield;
          }
        } else for (let j = 0; j < l.length; j++) if (out.put(l[j])) yield;
      }
    });
  }
  /**
   * The bytes in order: the magic, version and header in one piece, then the columns, each padded
   * to 8 bytes, in pieces of `pieceBytes` (the last shorter). Each of these is the same buffer,
   * refilled: use it before taking the next.
   */
  *chunks(header: Record<string, unknown>, pieceBytes = PIECE): Generator<Uint8Array> {
    if (pieceBytes <= 0 || pieceBytes % 8) throw new Error(`pieces of ${pieceBytes} bytes: not a positive multiple of 8`);
    const json = Buffer.from(JSON.stringify({ ...header, columns: this.columns }), 'utf8');
    const head = Buffer.alloc(align(12 + json.length));
    head.write(MAGIC, 0, 'latin1');
    head.writeUInt32LE(1, 4);
    head.writeUInt32LE(json.length, 8);
    json.copy(head, 12);
    // The header is as many bytes as it is; the columns after it start on a multiple of 8.
    yield head;
    const piece = new ArrayBuffer(pieceBytes);
    const bytes = new Uint8Array(piece);
    const views = Object.fromEntries((Object.keys(TYPES) as ColumnType[]).map((t) => [t, new TYPES[t](piece)])) as Record<ColumnType, Column>;
    let filled = 0;
    for (const { type, fill } of this.parts) {
      const width = TYPES[type].BYTES_PER_ELEMENT;
      const out = new ColumnOut(views[type]);
      out.i = filled / width;
      for (const _ of fill(out)) {
        yield bytes;
        out.i = 0;
      }
      filled = out.i * width;
      // Zeros up to the next multiple of 8 (the piece is refilled, so they are written).
      const end = align(filled);
      bytes.fill(0, filled, end);
      filled = end;
      if (filled === pieceBytes) {
        yield bytes;
        filled = 0;
      }
    }
    if (filled > 0) yield bytes.subarray(0, filled);
  }
}

/** Reads the columns of a buffer written by {@link Writer}. */
class Reader {
  private readonly bytes: Uint8Array;
  private readonly first: number;
  readonly header: Record<string, unknown> & { columns: Record<string, [number, ColumnType, number]> };
  constructor(buf: Uint8Array) {
    const b = Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength);
    if (b.length < 12 || b.toString('latin1', 0, 4) !== MAGIC) throw new Error('not a binary clusterer snapshot (PXCS)');
    if (b.readUInt32LE(4) !== 1) throw new Error(`binary clusterer snapshot of version ${b.readUInt32LE(4)}, not 1`);
    const length = b.readUInt32LE(8);
    if (12 + length > b.length) throw new Error('binary clusterer snapshot cut short');
    this.header = JSON.parse(b.toString('utf8', 12, 12 + length)) as Reader['header'];
    // Typed views need aligned offsets; a buffer read from a database may start anywhere.
    this.bytes = b.byteOffset % 8 === 0 ? b : new Uint8Array(b);
    this.first = align(12 + length);
  }
  get(name: string): Column {
    const c = this.header.columns[name];
    if (!c) throw new Error(`binary clusterer snapshot: no column ${name}`);
    const [offset, type, n] = c;
    const Type = TYPES[type];
    if (!Type) throw new Error(`binary clusterer snapshot: unknown column type ${type}`);
    const at = this.first + offset;
    if (at + n * Type.BYTES_PER_ELEMENT > this.bytes.length) throw new Error('binary clusterer snapshot cut short');
    return new Type(this.bytes.buffer as ArrayBuffer, this.bytes.byteOffset + at, n);
  }
  numbers(name: string): number[] {
    return Array.from(this.get(name));
  }
  nullable(name: string): (number | null)[] {
    return Array.from(this.get(name), nul);
  }
  /** The lists written by {@link Writer.lists}, each as a view. */
  lists(name: string): Column[] {
    const lengths = this.get(`${name}.n`);
    const flat = this.get(name);
    const out: Column[] = [];
    let at = 0;
    for (const n of lengths) {
      out.push(flat.subarray(at, at + n));
      at += n;
    }
    return out;
  }
}

/** The binary form of a clusterer's state in one buffer (see {@link encodeStateChunks}). */
export function encodeState(state: ClusterState): Buffer {
  const pieces: Buffer[] = [];
  // Copied: the pieces are one buffer, refilled.
  for (const piece of encodeStateChunks(state)) pieces.push(Buffer.from(piece));
  return Buffer.concat(pieces);
}

/**
 * The binary form of a clusterer's state, read from the state itself, without its snapshot's
 * arrays in between (for 6,000 long articles those took some 160 MB at the end of an ingest, when
 * memory is at its highest), in pieces made as they are asked for: the state must not change
 * until the last is taken, and each piece is used before the next is taken (it is refilled).
 */
export function* encodeStateChunks(state: ClusterState, pieceBytes?: number): Generator<Uint8Array> {
  const w = new Writer();
  const n = state.docs.size;
  const docs = state.docs;
  const stories = state.stories;
  w.raw('df', state.vocabulary.df.subarray(0, state.vocabulary.size));
  w.raw('docs.story', docs.story.subarray(0, n));
  w.raw('docs.time', docs.time.subarray(0, n));
  w.raw('docs.lang', docs.lang.subarray(0, n));
  w.raw('docs.words', docs.words.subarray(0, n));
  w.lists('docs.terms', 'i32', n, (i) => docs.termsOf(i));
  w.lists('docs.weights', 'f32', n, (i) => docs.weightsOf(i), true);
  w.lists('stories.centroid.terms', 'i32', stories.length, (i) => stories[i].centroid.keys.subarray(0, stories[i].centroid.size));
  w.lists('stories.centroid.weights', 'f64', stories.length, (i) => stories[i].centroid.values.subarray(0, stories[i].centroid.size), true);
  w.put('stories.norm2', 'f64', stories.map((x) => x.norm2));
  w.lists('stories.members', 'i32', stories.length, (i) => stories[i].members);
  w.put('stories.first', 'f64', stories.map((x) => x.first));
  w.put('stories.last', 'f64', stories.map((x) => x.last));
  w.put('stories.lastArrival', 'i32', stories.map((x) => x.lastArrival));
  w.put('stories.mergedInto', 'i32', stories.map((x) => x.mergedInto));
  w.put('stories.retired', 'u8', stories.map((x) => (x.retired ? 1 : 0)));
  w.put('stories.reviewed', 'f64', stories.map((x) => x.reviewed ?? null));
  w.lists('stories.related.story', 'i32', stories.length, (i) => [...stories[i].related.keys()]);
  w.lists('stories.related.score', 'f64', stories.length, (i) => [...stories[i].related.values()], true);
  w.put('arrivals', 'i32', state.arrivals.slice(state.arrivalsHead));
  const evidence = state.evidence.columns();
  for (const [name, values] of evidence) w.raw(`evidence.${name}`, values);
  const duplicates = state.duplicates.views();
  w.lists('duplicates.signatures', 'u32', duplicates.generations.length, (g) => duplicates.generations[g].signatures);
  w.put('urls.key', 'f64', [...state.byUrl.keys()]);
  w.put('urls.doc', 'i32', [...state.byUrl.values()]);
  w.put('titles.key', 'f64', [...state.byTitle.keys()]);
  w.put('titles.doc', 'i32', [...state.byTitle.values()]);
  const postings = [...state.postings.values()];
  w.put('postings.term', 'i32', postings.map((p) => p.term));
  w.lists('postings.docs', 'i32', postings.length, (i) => postings[i].docs);
  w.lists('postings.weights', 'f64', postings.length, (i) => postings[i].weights, true);
  w.put('postings.next', 'i32', postings.map((p) => p.next));
  yield* w.chunks({
    format: 'parallax-cluster', version: 1, params: state.params, vocabulary: Array.from({ length: state.vocabulary.size }, (_, i) => state.vocabulary.name(i)),
    clock: Number.isFinite(state.clock) ? state.clock : null,
    docIds: docs.ids, storyIds: stories.map((x) => x.id),
    evidence: evidence.map(([name]) => name),
    duplicates: { options: duplicates.options, keys: duplicates.generations.map((g) => g.keys) },
  }, pieceBytes);
}

/** The snapshot a buffer of {@link encodeState} holds; throws on anything else. */
export function decodeSnapshot(buf: Uint8Array): SnapshotV1 {
  const r = new Reader(buf);
  const h = r.header as Reader['header'] & {
    format: SnapshotV1['format']; version: SnapshotV1['version']; params: SnapshotV1['params']; vocabulary: string[]; clock: number | null;
    docIds: string[]; storyIds: string[]; evidence: string[]; duplicates: { options: SnapshotV1['duplicates']['options']; keys: SnapshotV1['duplicates']['generations'][number]['keys'][] };
  };
  const [story, time, lang, words] = ['docs.story', 'docs.time', 'docs.lang', 'docs.words'].map((n) => r.get(n));
  const terms = r.lists('docs.terms');
  const weights = r.get('docs.weights');
  let at = 0;
  const docs = h.docIds.map((id, i) => {
    const n = terms[i].length;
    // Views into the buffer: restoring copies them into the clusterer's own blocks.
    const d = { id, story: story[i], terms: terms[i], weights: weights.subarray(at, at + n), time: nul(time[i]), lang: lang[i], words: words[i] };
    at += n;
    return d;
  });
  const cTerms = r.lists('stories.centroid.terms');
  const cWeights = r.get('stories.centroid.weights');
  const members = r.lists('stories.members');
  const relStory = r.lists('stories.related.story');
  const relScore = r.get('stories.related.score');
  const [norm2, first, last, lastArrival, mergedInto, retired, reviewed] = ['norm2', 'first', 'last', 'lastArrival', 'mergedInto', 'retired', 'reviewed'].map((n) => r.get(`stories.${n}`));
  let c = 0;
  let q = 0;
  const stories = h.storyIds.map((id, i) => {
    const centroid = Array.from(cTerms[i], (t): [number, number] => [t, cWeights[c++]]);
    const related = Array.from(relStory[i], (t): [number, number] => [t, relScore[q++]]);
    return {
      id, centroid, norm2: norm2[i], members: Array.from(members[i]), first: nul(first[i]), last: nul(last[i]), lastArrival: lastArrival[i],
      mergedInto: mergedInto[i], retired: retired[i] === 1, related, reviewed: nul(reviewed[i]),
    };
  });
  const signatures = r.lists('duplicates.signatures');
  const pTerm = r.get('postings.term');
  const pDocs = r.lists('postings.docs');
  const pWeights = r.get('postings.weights');
  const pNext = r.get('postings.next');
  let p = 0;
  const postings = Array.from(pTerm, (t, i): [number, number[], number[], number] => {
    const n = pDocs[i].length;
    const out: [number, number[], number[], number] = [t, Array.from(pDocs[i]), Array.from(pWeights.subarray(p, p + n)), pNext[i]];
    p += n;
    return out;
  });
  const pairs = (k: string): [number, number][] => {
    const docsOf = r.get(`${k}.doc`);
    return Array.from(r.get(`${k}.key`), (key, i): [number, number] => [key, docsOf[i]]);
  };
  return {
    format: h.format, version: h.version, params: h.params, vocabulary: h.vocabulary, df: r.numbers('df'), clock: h.clock, docs, stories,
    arrivals: r.numbers('arrivals'),
    evidence: Object.fromEntries(h.evidence.map((name) => [name, r.nullable(`evidence.${name}`)])),
    duplicates: { options: h.duplicates.options, generations: h.duplicates.keys.map((keys, g) => ({ keys, signatures: Array.from(signatures[g]) })) },
    urls: pairs('urls'), titles: pairs('titles'), postings,
  };
}
