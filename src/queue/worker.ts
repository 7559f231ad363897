/**
 * A worker process: claims jobs from the PostgreSQL queue and runs them against the store.
 *
 * Jobs: `ingest` (extract one input and upsert it), `group` (regroup the collection into
 * stories), `analyse` (compute and cache one story's analysis). Ingest jobs ask for a `group`
 * job when they change the collection; a singleton key keeps one waiting at a time, and an
 * advisory lock lets one run at a time. Grouping replays the whole collection in publication order,
 * so one worker or many, in any order, end with the same stories.
 *
 * @module
 */
import { hostname } from 'node:os';
import type { InputItem } from '../ingest/files.js';
import type { Store } from '../store/types.js';
import { connectPostgres, openSqlStore, type Sql } from '../store/postgres.js';
import { createSink, extractItem, groupPending, storyAnalysis } from '../pipeline/index.js';
import { PgQueue, type Job } from './pg-queue.js';

export interface WorkerOptions {
  url: string;
  /** Seconds a claimed job stays this worker's without a heartbeat. */
  leaseSeconds?: number;
  /** Milliseconds between polls when the queue is empty. */
  pollMs?: number;
  /** Stop when no job is waiting or running anywhere. */
  exitWhenIdle?: boolean;
  /** Log one line per job. */
  log?: (line: string) => void;
  signal?: AbortSignal;
}

export interface WorkerContext {
  store: Store;
  queue: PgQueue;
  sql: Sql;
}

type Handler = (job: Job, ctx: WorkerContext) => Promise<string>;

const GROUP_LOCK = 7242021;

export const handlers: Record<string, Handler> = {
  async ingest(job, { store, queue }) {
    const item = (job.payload as { item: InputItem }).item;
    const r = extractItem(item);
    if ('failure' in r) return `skipped ${r.failure.origin}: ${r.failure.error}`;
    // Stored, not grouped: the one group job at a time groups what every worker stored.
    const sink = createSink(store, { group: false });
    await sink.add(r);
    const done = await sink.finish();
    const result = done.inserted ? 'inserted' : done.updated ? 'updated' : 'unchanged';
    // A retried job finds its article already stored ('unchanged'); if the worker died before
    // asking for a regrouping, the article has no story yet, and the request is made now.
    if (result !== 'unchanged' || (await store.storyOf(r.article.id)) === null) {
      await queue.enqueue([{ kind: 'group', payload: {}, singleton: 'group' }]);
    }
    return `${result} ${r.article.id}`;
  },
  async group(_job, { store, sql }) {
    // One grouping step at a time across all workers (the store also refuses a step that does
    // not follow the last one); the transaction holds the lock while the store's own
    // connections do the work. Each step groups what every worker stored since the last.
    return sql.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [GROUP_LOCK]);
      const r = await groupPending(store);
      return `grouped ${r.fed} articles; ${r.stories.length} stories changed`;
    });
  },
  async analyse(job, { store }) {
    const { story } = job.payload as { story: string };
    const s = await storyAnalysis(store, story);
    return s ? `analysed ${story}: ${s.articles.length} articles` : `no story ${story}`;
  },
};

/** Job kinds any worker takes; `group` is the grouper's. */
const NOT_GROUPING = Object.keys(handlers).filter((k) => k !== 'group');

/**
 * Takes or renews the grouper's lease (a row in the state table): true while this worker holds
 * it. A grouper that stops renewing (killed) loses it after `seconds`, and another worker takes it.
 */
async function holdGrouper(sql: Sql, me: string, seconds: number): Promise<boolean> {
  const rows = await sql.query(
    `INSERT INTO state (key, value, updated_at) VALUES ('worker:grouper', $1, now())
     ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, updated_at = now()
     WHERE state.value::jsonb->>'owner' = $2 OR state.updated_at < now() - make_interval(secs => $3)
     RETURNING key`,
    [JSON.stringify({ owner: me }), me, seconds],
  );
  return rows.length > 0;
}

export async function runWorker(options: WorkerOptions): Promise<{ done: number; failed: number }> {
  const lease = options.leaseSeconds ?? 30;
  const poll = options.pollMs ?? 500;
  const log = options.log ?? (() => {});
  const me = `${hostname()}:${process.pid}`;
  const sql = await connectPostgres(options.url, 6);
  const store = await openSqlStore(sql, 'postgres');
  const queue = await PgQueue.open(sql);
  const ctx: WorkerContext = { store, queue, sql };
  let done = 0;
  let failed = 0;
  try {
    while (!options.signal?.aborted) {
      // Grouping steps are taken by one worker at a time: a grouping step needs the clusterer in
      // memory, and a worker that takes one after another worker's steps must first replay them,
      // so steps shared out among workers would cost each of them every step. The others extract
      // and store; the grouper also does the rest of the work when it has no step to make.
      const grouper = await holdGrouper(sql, me, lease);
      const job = await queue.claim(me, lease, grouper ? undefined : NOT_GROUPING);
      if (!job) {
        if (options.exitWhenIdle && !(await queue.busy())) break;
        await sleep(poll, options.signal);
        continue;
      }
      const started = Date.now();
      const beat = setInterval(() => void queue.heartbeat(job.id, me, lease).catch(() => {}), (lease * 1000) / 3);
      try {
        const handler = handlers[job.kind];
        if (!handler) throw new Error(`unknown job kind "${job.kind}"`);
        const what = await handler(job, ctx);
        await queue.complete(job.id, me);
        done++;
        log(`job ${job.id} ${job.kind} done in ${Date.now() - started} ms: ${what}`);
      } catch (err) {
        failed++;
        const state = await queue.fail(job.id, me, (err as Error).message);
        log(`job ${job.id} ${job.kind} failed (attempt ${job.attempts}/${job.maxAttempts}, now ${state}): ${(err as Error).message}`);
      } finally {
        clearInterval(beat);
      }
    }
  } finally {
    await store.close();
  }
  return { done, failed };
}

/** Waits `ms`, or less when the signal fires; the listener goes with the wait, so idle polls add none. */
function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const onAbort = () => { clearTimeout(t); resolve(); };
    const t = setTimeout(() => { signal?.removeEventListener('abort', onAbort); resolve(); }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
