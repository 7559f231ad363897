/**
 * The stories: what each holds (`StoryState`) and how they change. An article joins a story or
 * starts one, a story merges into another, two stories are linked as related.
 *
 * @module
 */
import { LANGUAGES } from './terms.js';
import { CentroidTable } from './centroid.js';
import type { ClusterState, StoryState } from './state.js';

export type { StoryState } from './state.js';

/** Related stories kept per story: the strongest links. */
const RELATED = 10;

/** The story article `docIndex` is in. */
export function storyOf(state: ClusterState, docIndex: number): StoryState {
  return state.stories[state.docs.story[docIndex]];
}

/** Adds an article to a story: its vector to the centroid, its language and date to the story's. */
export function addToStory(state: ClusterState, storyIndex: number, docIndex: number): void {
  const s = state.stories[storyIndex];
  const docs = state.docs;
  docs.story[docIndex] = storyIndex;
  s.members.push(docIndex);
  s.langs[docs.lang[docIndex]]++;
  s.lastArrival = Math.max(s.lastArrival, docIndex);
  state.arrivals.push(storyIndex, docIndex);
  const terms = docs.termBlocks[docs.block[docIndex]];
  const weights = docs.weightBlocks[docs.block[docIndex]];
  const from = docs.start[docIndex];
  const to = from + docs.length[docIndex];
  const centroid = s.centroid;
  const isName = state.vocabulary.isName;
  let norm2 = s.norm2;
  for (let i = from; i < to; i++) {
    const old = centroid.add(terms[i], weights[i]);
    const w = old + weights[i];
    norm2 += w * w - old * old;
    if (old === 0) s.names += isName[terms[i]];
  }
  s.norm2 = norm2;
  if (centroid.size > state.params.centroidTerms * 2) pruneCentroid(state, s);
  const time = docs.time[docIndex];
  if (Number.isFinite(time)) {
    s.first = Number.isFinite(s.first) ? Math.min(s.first, time) : time;
    s.last = Number.isFinite(s.last) ? Math.max(s.last, time) : time;
  }
}

/** Keeps the `centroidTerms` heaviest terms of a story's centroid. */
function pruneCentroid(state: ClusterState, s: StoryState): void {
  const { keys, values, size } = s.centroid;
  // Heaviest first, ties in the order the terms came (a stable sort of the entries).
  const order = Array.from({ length: size }, (_, i) => i).sort((a, b) => values[b] - values[a] || a - b);
  const n = Math.min(size, state.params.centroidTerms);
  const kept = new CentroidTable(n);
  let norm2 = 0;
  let names = 0;
  for (let k = 0; k < n; k++) {
    const w = values[order[k]];
    kept.append(keys[order[k]], w);
    norm2 += w * w;
    names += state.vocabulary.isName[keys[order[k]]];
  }
  s.centroid = kept;
  s.norm2 = norm2;
  s.names = names;
}

/** Starts a story with an article, named after it. */
export function newStory(state: ClusterState, docIndex: number): number {
  const index = state.stories.length;
  state.stories.push({ id: state.docs.ids[docIndex], centroid: new CentroidTable(), norm2: 0, members: [], first: NaN, last: NaN, lastArrival: docIndex, mergedInto: -1, retired: false, related: new Map(), langs: LANGUAGES.map(() => 0), names: 0 });
  state.open.add(index);
  addToStory(state, index, docIndex);
  return index;
}

/** Moves every article of story `from` into story `into`, noting each move. */
export function merge(state: ClusterState, from: number, into: number, moved: Record<string, string>): void {
  const src = state.stories[from];
  const dst = state.stories[into];
  for (const m of src.members) {
    addToStory(state, into, m);
    moved[state.docs.ids[m]] = dst.id;
  }
  src.members = [];
  src.centroid = new CentroidTable();
  src.norm2 = 0;
  src.names = 0;
  src.mergedInto = into;
  for (const [o, sim] of src.related) if (current(state, o) !== into) relate(state, into, o, sim);
  src.related = new Map();
  state.open.delete(from);
}

/** The story a story index stands for now, after merges. */
export function current(state: ClusterState, s: number): number {
  while (state.stories[s].mergedInto >= 0) s = state.stories[s].mergedInto;
  return s;
}

/** Links two stories as related, both ways, keeping each one's `RELATED` strongest links. */
export function relate(state: ClusterState, a: number, b: number, similarity: number): void {
  for (const [x, y] of [[a, b], [b, a]]) {
    const links = state.stories[x].related;
    if ((links.get(y) ?? 0) >= similarity) continue;
    links.set(y, similarity);
    if (links.size > RELATED) {
      let weakest = -1;
      for (const [k, v] of links) if (weakest < 0 || v < links.get(weakest)!) weakest = k;
      links.delete(weakest);
    }
  }
}
