/**
 * The grouping stage over a store, incremental: each step feeds the articles stored since the
 * last one to the clusterer, settles, and commits what changed, so that one new article costs one
 * article's grouping whatever the size of the collection.
 *
 * The clusterer's state is the store's: every article records the step that fed it, and feeding
 * the grouped articles again step by step (each step in publication order, settled at its end)
 * rebuilds the very same state, since the clusterer is deterministic. A process keeps the
 * clusterer it built in memory and, before each step, catches up with the steps other processes
 * committed since; one that has none (a fresh `ingest` into a large store) rebuilds it once.
 * A commit names the step it follows and is refused when another process got there first; the
 * step is then made again on the store as it now stands.
 *
 * Rebuilding by replay costs about a millisecond an article (minutes for a large collection), so
 * the store also keeps a checkpoint: the clusterer's state after some step, in binary form
 * (`snapshot-binary.ts`). A process restores the newest checkpoint made by this code and replays
 * only the steps after it; a checkpoint that does not read back is ignored (the replay is the
 * truth). Checkpoints are saved as the collection grows by a quarter (and at least
 * {@link CHECKPOINT_EVERY} articles), and at the end of a bulk ingest or regroup.
 *
 * @module
 */
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { codeHash } from '../code-hash.js';
import { languageVersion } from '../lang/version.js';
import type { GroupingState, Store } from '../store/types.js';
import { createClusterer, type ClusterDoc, type StreamingClusterer } from './index.js';
import { BACKGROUND_FILE } from './background.js';
import { decodeSnapshot } from './snapshot-binary.js';

let version: string | undefined;

/**
 * A hash of the grouping's code and data. Steps replayed by other code would not rebuild the
 * state they made, so a store whose steps were made by another version is regrouped from scratch
 * by its next step.
 */
export function groupingVersion(): string {
  return (version ??= codeHash([dirname(fileURLToPath(import.meta.url))], [BACKGROUND_FILE], [languageVersion()]));
}

export interface GroupingResult {
  /** Articles this step fed to the clusterer. */
  fed: number;
  /** Articles whose story was set or changed. */
  changed: number;
  /** The stories that gained or lost articles. */
  stories: string[];
}

interface Held {
  clusterer: StreamingClusterer;
  /** The last step this clusterer has seen. */
  seq: number;
  /** Articles it held at the store's newest checkpoint (0: none). */
  checkpointed: number;
}

/** Least articles grouped since the last checkpoint before a step saves another. */
export const CHECKPOINT_EVERY = 2000;
/** Least articles grouped since the last checkpoint for one at the end of a bulk ingest or a regroup: fewer replay in a moment. */
export const CHECKPOINT_LEAST = 500;

const held = new WeakMap<Store, Held>();
const queues = new WeakMap<Store, Promise<unknown>>();

/** Grouping steps on one store run one at a time within a process. */
function exclusive<T>(store: Store, fn: () => Promise<T>): Promise<T> {
  const next = (queues.get(store) ?? Promise.resolve()).then(fn, fn);
  queues.set(store, next.catch(() => undefined));
  return next;
}

/**
 * How a step reviews its stories (see `settle`): as articles go in, each story that no article
 * joined in the last `QUIET` is reviewed once; a step of at least `QUIET` articles (a bulk
 * ingest, a regroup) then reviews every small story, as a batch ends. A live collection fed an
 * article at a time thus reviews a story once it has stopped growing, not on its first article
 * (when the story it missed may not have formed yet), and gets the stories a regroup gives.
 */
const QUIET = 20;

/** One step's feeding, reviewing as `QUIET` says: `add` each article, then `end` the step. */
export class StepFeeder {
  readonly moved = new Set<string>();
  readonly fed: string[] = [];
  constructor(private clusterer: StreamingClusterer) {}
  add(doc: ClusterDoc): void {
    const a = this.clusterer.add(doc);
    this.fed.push(doc.id);
    for (const id of Object.keys(a.moved ?? {})) this.moved.add(id);
    for (const id of Object.keys(this.clusterer.settle({ quiet: QUIET }))) this.moved.add(id);
  }
  /** Ends the step; returns every article whose story it set or changed. */
  end(): Set<string> {
    if (this.fed.length >= QUIET) for (const id of Object.keys(this.clusterer.settle({ quiet: 0 }))) this.moved.add(id);
    for (const id of this.fed) this.moved.add(id);
    return this.moved;
  }
}

/** Feeds the clusterer the articles of steps after `after`, step by step as they were fed; returns the last step fed. */
async function replay(clusterer: StreamingClusterer, store: Store, after: number): Promise<number> {
  let seq = after;
  let step: StepFeeder | null = null;
  for await (const { doc, seq: s } of store.iterateGrouped(after)) {
    if (s !== seq) {
      step?.end();
      step = new StepFeeder(clusterer);
      seq = s;
    }
    step!.add(doc);
  }
  step?.end();
  return seq;
}

/** The clusterer of the store's newest checkpoint, when it was made by this code after the last full regroup. */
async function fromCheckpoint(store: Store, state: GroupingState): Promise<Held | null> {
  const c = await store.groupingCheckpoint();
  if (!c || c.version !== groupingVersion() || c.seq > state.seq || c.seq < state.base) return null;
  try {
    return { clusterer: createClusterer({ state: decodeSnapshot(c.data) }), seq: c.seq, checkpointed: c.articles };
  } catch {
    // Damaged or cut short: the steps themselves rebuild the same state.
    return null;
  }
}

/** This process's clusterer, brought up to the store's last step (built from the store when there is none). */
async function current(store: Store, state: GroupingState): Promise<Held> {
  let h = held.get(store);
  // A clusterer from before another process's full regroup (or ahead of the store: a different
  // file under the same object) no longer matches what the store holds.
  if (h && (h.seq > state.seq || h.seq < state.base)) h = undefined;
  if (!h) h = (await fromCheckpoint(store, state)) ?? { clusterer: createClusterer(), seq: 0, checkpointed: 0 };
  if (h.seq < state.seq) h.seq = Math.max(await replay(h.clusterer, store, h.seq), state.seq);
  held.set(store, h);
  return h;
}

/** The clusterer holding the store's grouping as it stands (for explanations). */
export function storedClusterer(store: Store): Promise<StreamingClusterer> {
  return exclusive(store, async () => (await current(store, await store.groupingState())).clusterer);
}

const ATTEMPTS = 5;

/**
 * Groups the articles awaiting grouping (those stored since the last step, or left by a process
 * that stopped before grouping them) and commits the stories that changed.
 */
export function groupPending(store: Store): Promise<GroupingResult> {
  return exclusive(store, async () => {
    for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
      const state = await store.groupingState();
      if (state.seq > 0 && state.version !== groupingVersion()) return regroupFromScratch(store);
      if (!state.pending) return { fed: 0, changed: 0, stories: [] };
      const h = await current(store, state);
      const step = new StepFeeder(h.clusterer);
      for await (const doc of store.iteratePending()) step.add(doc);
      const fed = step.fed;
      if (!fed.length) return { fed: 0, changed: 0, stories: [] };
      const touched = step.end();
      const assignments = [...touched].map((id): [string, string] => [id, h.clusterer.storyOfArticle(id)!]);
      if (await store.commitGrouping({ expect: h.seq, seq: h.seq + 1, fed, assignments, version: groupingVersion() })) {
        h.seq++;
        const grown = h.clusterer.size - h.checkpointed;
        if (grown >= CHECKPOINT_EVERY && grown * 4 >= h.checkpointed) await saveCheckpoint(store, h);
        return { fed: fed.length, changed: assignments.length, stories: [...new Set(assignments.map((a) => a[1]))] };
      }
      // Another process committed a step meanwhile: this clusterer has seen articles in an order
      // the store will not replay. Start again from the store.
      held.delete(store);
    }
    throw new Error(`grouping gave way to other processes ${ATTEMPTS} times; run it again`);
  });
}

/**
 * Groups the whole collection again from scratch, in publication order, and commits it as one
 * step that every later one builds on. The same stories as the incremental steps gave, up to
 * the order articles arrived in (news arrives roughly in publication order).
 */
export function regroupAll(store: Store): Promise<GroupingResult> {
  return exclusive(store, () => regroupFromScratch(store));
}

async function regroupFromScratch(store: Store): Promise<GroupingResult> {
  {
    for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
      const state = await store.groupingState();
      const clusterer = createClusterer();
      const step = new StepFeeder(clusterer);
      for await (const doc of store.iterateForGrouping()) step.add(doc);
      step.end();
      const fed = step.fed;
      const assignments = [...clusterer.assignments()];
      if (!fed.length) return { fed: 0, changed: 0, stories: [] };
      if (await store.commitGrouping({ expect: state.seq, seq: state.seq + 1, fed, assignments, base: true, version: groupingVersion() })) {
        const h = { clusterer, seq: state.seq + 1, checkpointed: 0 };
        held.set(store, h);
        if (clusterer.size >= CHECKPOINT_LEAST) await saveCheckpoint(store, h);
        return { fed: fed.length, changed: assignments.length, stories: [...new Set(assignments.map((a) => a[1]))] };
      }
    }
    throw new Error(`regrouping gave way to other processes ${ATTEMPTS} times; run it again`);
  }
}

async function saveCheckpoint(store: Store, h: Held): Promise<void> {
  // In pieces, taken as the store writes them: held whole, a large checkpoint raised an ingest's peak.
  const data = h.clusterer.checkpointChunks();
  await store.saveGroupingCheckpoint({ seq: h.seq, version: groupingVersion(), articles: h.clusterer.size, data });
  h.checkpointed = h.clusterer.size;
}

/**
 * Saves a checkpoint of this process's clusterer when at least `least` articles were grouped
 * since the last one: what a bulk ingest does as it ends, so that the next process starts from
 * it. Nothing when this process holds no clusterer for the store.
 */
export function checkpointGrouping(store: Store, least = CHECKPOINT_LEAST): Promise<boolean> {
  return exclusive(store, async () => {
    const h = held.get(store);
    if (!h || h.clusterer.size - h.checkpointed < Math.max(1, least)) return false;
    const state = await store.groupingState();
    // Steps of other processes since: this clusterer is behind the store, its state no longer the newest.
    if (state.seq !== h.seq) return false;
    await saveCheckpoint(store, h);
    return true;
  });
}
