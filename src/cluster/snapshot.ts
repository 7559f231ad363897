/**
 * Saving and restoring the clusterer: the snapshot format (`SnapshotV1`, plain JSON), and the
 * functions that write a state out and read one back so that grouping goes on where it stopped.
 *
 * @module
 */
import { LANGUAGES } from './terms.js';
import { NearDuplicateIndex, type NearDuplicateState } from './minhash.js';
import type { ClusterParams } from './params.js';
import { DocColumns } from './columns.js';
import { Vocabulary } from './vocabulary.js';
import { CentroidTable } from './centroid.js';
import { EvidenceLog } from './evidence.js';
import { Posting } from './postings.js';
import type { ClusterState } from './state.js';

export interface SnapshotV1 {
  format: 'parallax-cluster';
  version: 1;
  params: ClusterParams;
  vocabulary: string[];
  df: number[];
  clock: number | null;
  /**
   * `lang` and `words`: see {@link DocColumns}; absent in snapshots made before languages were
   * told apart and before the review of small stories.
   */
  docs: { id: string; story: number; terms: ArrayLike<number>; weights: ArrayLike<number>; time: number | null; lang?: number; words?: number }[];
  stories: { id: string; centroid: [number, number][]; norm2: number; members: number[]; first: number | null; last: number | null; lastArrival: number; mergedInto: number; retired: boolean; related: [number, number][]; reviewed?: number | null }[];
  /**
   * Arrivals not yet reviewed, as (story, article) pairs, for settle's `quiet` mode; with each
   * story's `reviewed`, absent in snapshots made before a restored clusterer had to go on exactly
   * as the one saved (a store's checkpoint, see `stored.ts`).
   */
  arrivals?: number[];
  evidence: Record<string, (number | null)[]>;
  duplicates: NearDuplicateState;
  urls: [number, number][];
  titles: [number, number][];
  /** Term → its posting list as it stands (articles, weights, where the ring goes on). */
  postings: [number, number[], number[], number][];
}

const num = (x: number): number | null => (Number.isFinite(x) ? x : null);
const back = (x: number | null): number => (x === null ? NaN : x);

/** The whole state as JSON-serialisable data, for {@link createClusterer}'s `state` option. */
export function snapshot(state: ClusterState): SnapshotV1 {
  const out: SnapshotV1 = {
    format: 'parallax-cluster',
    version: 1,
    params: state.params,
    vocabulary: Array.from({ length: state.vocabulary.size }, (_, i) => state.vocabulary.name(i)),
    df: Array.from(state.vocabulary.df.subarray(0, state.vocabulary.size)),
    clock: num(state.clock),
    docs: state.docs.ids.map((id, i) => ({ id, story: state.docs.story[i], terms: [...state.docs.termsOf(i)], weights: [...state.docs.weightsOf(i)], time: num(state.docs.time[i]), lang: state.docs.lang[i], words: state.docs.words[i] })),
    // The norms are kept as they are, not recomputed: sums in another order differ in the last bit.
    stories: state.stories.map((s) => ({
      id: s.id, centroid: s.centroid.entries(), norm2: s.norm2, members: s.members, first: num(s.first), last: num(s.last),
      lastArrival: s.lastArrival, mergedInto: s.mergedInto, retired: s.retired, related: [...s.related], reviewed: s.reviewed ?? null,
    })),
    arrivals: state.arrivals.slice(state.arrivalsHead),
    evidence: state.evidence.toJSON(),
    duplicates: state.duplicates.snapshot(),
    urls: [...state.byUrl],
    titles: [...state.byTitle],
    postings: [...state.postings].map(([t, p]) => [t, p.docs, p.weights, p.next]),
  };
  return out;
}

/** Replaces the state with a snapshot's; throws when `raw` is not one. */
export function restore(state: ClusterState, raw: unknown): void {
  const saved = raw as SnapshotV1;
  if (!saved || saved.format !== 'parallax-cluster' || saved.version !== 1) throw new Error('not a clusterer snapshot (format parallax-cluster, version 1)');
  state.vocabulary = new Vocabulary();
  saved.vocabulary.forEach((t, i) => {
    state.vocabulary.id(t);
    state.vocabulary.df[i] = saved.df[i];
  });
  state.clock = back(saved.clock);
  state.docs = new DocColumns();
  for (const d of saved.docs) state.docs.push(d.id, d.story, d.terms, d.weights, d.terms.length, back(d.time), d.lang ?? 0, d.words ?? 0);
  state.stories = saved.stories.map((s, i) => {
    if (!s.retired && s.mergedInto < 0) state.open.add(i);
    const centroid = new CentroidTable(s.centroid.length);
    for (const [t, w] of s.centroid) centroid.append(t, w);
    return {
      id: s.id, centroid, norm2: s.norm2, members: [...s.members], first: back(s.first), last: back(s.last),
      lastArrival: s.lastArrival, mergedInto: s.mergedInto, retired: s.retired, related: new Map(s.related),
      ...(s.reviewed !== undefined && s.reviewed !== null ? { reviewed: s.reviewed } : {}),
      langs: LANGUAGES.map((_, l) => s.members.filter((m) => state.docs.lang[m] === l).length),
      names: s.centroid.filter(([t]) => state.vocabulary.isName[t]).length,
    };
  });
  state.arrivals = saved.arrivals ? [...saved.arrivals] : [];
  state.arrivalsHead = 0;
  state.evidence = EvidenceLog.fromJSON(saved.evidence, state.docs.size);
  state.duplicates = NearDuplicateIndex.restore(saved.duplicates);
  state.byUrl = new Map(saved.urls);
  state.byTitle = new Map(saved.titles);
  for (const [h, doc] of state.byUrl) state.docs.urlKey[doc] = h;
  for (const [h, doc] of state.byTitle) state.docs.titleKey[doc] = h;
  state.docs.ids.forEach((id, i) => state.byId.set(id, i));
  for (const [t, docs, weights, next] of saved.postings) {
    const posting = new Posting(t);
    posting.docs = [...docs];
    posting.weights = [...weights];
    posting.next = next;
    state.postings.set(t, posting);
    if (next !== 0) {
      posting.due = true;
      state.due.push(posting);
    }
  }
}
