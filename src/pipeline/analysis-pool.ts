/**
 * Story analyses off the caller's thread, for the web server: an analysis of a large story holds
 * the CPU for seconds, and on the server's own thread every other request would wait for it.
 *
 * Each worker thread opens its own connection to the same store (a SQLite file or a PostgreSQL
 * URL) and runs {@link storyAnalysis} there, which caches the result in the store as it does
 * inline. An analysis already cached is read on the caller's thread without queueing. Jobs are
 * bounded: at most `threads` run, at most `queue` wait, and a story asked for while its job is
 * queued or running joins that job. Beyond that the pool refuses at once ({@link AnalysisRefused},
 * with a time to retry) rather than queueing without limit. A job over its time budget has its
 * thread stopped.
 *
 * With no store to open (an in-memory store) or when threads cannot be started, analyses run
 * inline, bounded the same way (but without the time budget: inline work cannot be interrupted).
 *
 * @module
 */
import { Worker } from 'node:worker_threads';
import type { Store } from '../store/types.js';
import type { Story } from '../types.js';
import { analysisVersion } from '../analyse/index.js';
import { storyAnalysis } from './analysis.js';

export interface AnalysisPoolOptions {
  /**
   * What each thread opens (see `openStore`): the SQLite file's path or the PostgreSQL URL of the
   * caller's store. Without it (or for `:memory:`), analyses run inline.
   */
  spec?: string | null;
  /** Analyses running at once (threads); 2 by default. */
  threads?: number;
  /** Analyses waiting for a thread; 8 by default. Beyond that, requests are refused. */
  queue?: number;
  /** Longest an analysis may run on a thread before the thread is stopped; 60 s by default. */
  budgetMs?: number;
}

/** An analysis not done now: the queue is full, the job ran out of time, or the pool is closing. */
export class AnalysisRefused extends Error {
  constructor(
    message: string,
    /** Seconds after which asking again is worth it. */
    readonly retryAfter: number,
  ) {
    super(message);
  }
}

export interface AnalysisPool {
  /** The story's analysis (cached or made now), or null when it has no articles. */
  analyse(storyId: string): Promise<Story | null>;
  /** Whether analyses run on threads (false: inline). */
  readonly threaded: boolean;
  /** Analyses that can run at once. */
  readonly size: number;
  readonly running: number;
  readonly waiting: number;
  close(): Promise<void>;
}

/** The store's own path when it is a SQLite file, so that threads can open it too. */
export function storeSpecOf(store: Store): string | null {
  const path = (store as { path?: unknown }).path;
  return store.kind === 'sqlite' && typeof path === 'string' && path !== ':memory:' && path !== '' ? path : null;
}

interface Job {
  id: string;
  promise: Promise<Story | null>;
  resolve(s: Story | null): void;
  reject(err: unknown): void;
}

interface Slot {
  worker: Worker;
  /** Set once the thread has opened its store. */
  ready: boolean;
  job: { seq: number; job: Job; timer: NodeJS.Timeout } | null;
}

type FromThread = { ready: true } | { unavailable: string } | { seq: number; story: Story | null } | { seq: number; error: string };

function spawn(spec: string): Worker {
  const ext = import.meta.url.endsWith('.ts') ? '.ts' : '.js';
  const entry = new URL(`./analysis-worker${ext}`, import.meta.url).href;
  if (ext === '.js') return new Worker(new URL(entry), { workerData: { spec } });
  // Running from the TypeScript sources: the thread registers the same loader first.
  const api = import.meta.resolve('tsx/esm/api');
  return new Worker(`import(${JSON.stringify(api)}).then((m) => { m.register(); return import(${JSON.stringify(entry)}); });`, { eval: true, workerData: { spec } });
}

export function createAnalysisPool(store: Store, options: AnalysisPoolOptions = {}): AnalysisPool {
  const threads = Math.max(1, options.threads ?? 2);
  const maxWaiting = Math.max(0, options.queue ?? 8);
  const budgetMs = options.budgetMs ?? 60_000;
  const spec = options.spec && options.spec !== ':memory:' ? options.spec : null;
  let threaded = !!spec;
  let closed = false;

  const jobs = new Map<string, Job>();
  const queue: Job[] = [];
  let running = 0;
  let seq = 0;
  // A running mean of how long a job takes, to tell refused callers when to come back.
  let meanMs = 2000;
  const slots: Slot[] = [];

  const retryAfter = () => Math.min(120, Math.max(1, Math.ceil((meanMs * (queue.length + running)) / threads / 1000)));

  function inline(id: string): Promise<Story | null> {
    return storyAnalysis(store, id);
  }

  function drop(slot: Slot): void {
    const i = slots.indexOf(slot);
    if (i >= 0) slots.splice(i, 1);
    if (slot.job) clearTimeout(slot.job.timer);
    slot.job = null;
    void slot.worker.terminate().catch(() => undefined);
  }

  /** The thread could not be used at all: this job and every later one run inline. */
  function unavailable(slot: Slot, why: string, job: Job): void {
    threaded = false;
    drop(slot);
    process.emitWarning(`story analyses run on the server's thread: analysis threads are unavailable (${why})`);
    inline(job.id).then(job.resolve, job.reject);
  }

  function newSlot(): Slot {
    const worker = spawn(spec!);
    worker.unref();
    const slot: Slot = { worker, ready: false, job: null };
    worker.on('message', (m: FromThread) => {
      if ('ready' in m) {
        slot.ready = true;
        return;
      }
      const current = slot.job;
      if ('unavailable' in m) {
        if (current) unavailable(slot, m.unavailable, current.job);
        else drop(slot);
        return;
      }
      if (!current || current.seq !== m.seq) return;
      clearTimeout(current.timer);
      slot.job = null;
      if ('error' in m) current.job.reject(new Error(m.error));
      else current.job.resolve(m.story);
    });
    const lost = (why: string) => {
      const current = slot.job;
      const wasReady = slot.ready;
      drop(slot);
      if (!current) return;
      if (!wasReady) unavailable(slot, why, current.job);
      else current.job.reject(new Error(`analysis thread failed: ${why}`));
    };
    worker.on('error', (err) => lost(err.message));
    worker.on('exit', (code) => lost(`exited with code ${code}`));
    slots.push(slot);
    return slot;
  }

  function onThread(job: Job): void {
    let slot = slots.find((s) => !s.job);
    try {
      slot ??= newSlot();
    } catch (err) {
      // No thread can be started here (no loader for the sources, no worker support).
      threaded = false;
      process.emitWarning(`story analyses run on the server's thread: analysis threads are unavailable (${(err as Error).message})`);
      inline(job.id).then(job.resolve, job.reject);
      return;
    }
    const n = seq++;
    const timer = setTimeout(() => {
      if (slot.job?.seq !== n) return;
      drop(slot);
      job.reject(new AnalysisRefused(`the analysis of this story took over ${Math.round(budgetMs / 1000)} s and was stopped`, Math.max(1, Math.ceil(budgetMs / 1000))));
    }, budgetMs);
    timer.unref();
    slot.job = { seq: n, job, timer };
    slot.worker.postMessage({ seq: n, story: job.id });
  }

  function pump(): void {
    while (running < threads && queue.length) {
      const job = queue.shift()!;
      running++;
      const started = Date.now();
      if (threaded) onThread(job);
      else inline(job.id).then(job.resolve, job.reject);
      void job.promise
        .then(() => (meanMs = 0.7 * meanMs + 0.3 * (Date.now() - started)))
        .catch(() => undefined)
        .finally(() => {
          running--;
          jobs.delete(job.id);
          pump();
        });
    }
  }

  return {
    get threaded() {
      return threaded;
    },
    get size() {
      return threads;
    },
    get running() {
      return running;
    },
    get waiting() {
      return queue.length;
    },
    async analyse(id) {
      if (closed) throw new AnalysisRefused('the server is stopping', 5);
      const joined = jobs.get(id);
      if (joined) return joined.promise;
      const cached = await store.getAnalysis(id);
      if (cached && cached.version === analysisVersion()) return cached;
      // Another request may have started this story's job while the cache was read.
      const again = jobs.get(id);
      if (again) return again.promise;
      if (running + queue.length >= threads + maxWaiting) {
        throw new AnalysisRefused(`the server is busy analysing other stories (${running} running, ${queue.length} waiting); try again shortly`, retryAfter());
      }
      let resolve!: Job['resolve'];
      let reject!: Job['reject'];
      const promise = new Promise<Story | null>((res, rej) => {
        resolve = res;
        reject = rej;
      });
      const job: Job = { id, promise, resolve, reject };
      jobs.set(id, job);
      queue.push(job);
      pump();
      return promise;
    },
    async close() {
      closed = true;
      const stopping = new AnalysisRefused('the server is stopping', 5);
      for (const job of queue.splice(0)) job.reject(stopping);
      for (const slot of [...slots]) {
        const current = slot.job;
        drop(slot);
        current?.job.reject(stopping);
      }
    },
  };
}
