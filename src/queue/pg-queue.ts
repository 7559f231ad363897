/**
 * A job queue held in PostgreSQL, for many worker processes on many machines.
 *
 * Workers claim jobs with `FOR UPDATE SKIP LOCKED`, so two never take the same job, and hold them
 * under a lease: a worker killed mid-job (SIGKILL, a lost machine) stops renewing it, and once the
 * lease runs out the job is claimed again. Jobs are idempotent by construction (articles are
 * upserted by id and content hash; grouping replays the whole collection), so a retried job
 * never duplicates anything. A job that keeps failing is retried with exponential backoff and,
 * after `maxAttempts`, parked in the `dead` state with its last error for a person to look at.
 *
 * @module
 */
import type { Sql } from '../store/postgres.js';

export type JobState = 'queued' | 'running' | 'done' | 'dead';

export interface Job<P = unknown> {
  id: number;
  kind: string;
  payload: P;
  state: JobState;
  attempts: number;
  maxAttempts: number;
  lockedBy: string | null;
  lastError: string | null;
}

export interface QueueCounts {
  kind: string;
  state: JobState;
  count: number;
}

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS parallax_jobs (
    id BIGSERIAL PRIMARY KEY,
    kind TEXT NOT NULL,
    payload TEXT NOT NULL,
    state TEXT NOT NULL DEFAULT 'queued',
    attempts INTEGER NOT NULL DEFAULT 0,
    max_attempts INTEGER NOT NULL DEFAULT 5,
    run_after TIMESTAMPTZ NOT NULL DEFAULT now(),
    locked_by TEXT,
    locked_until TIMESTAMPTZ,
    last_error TEXT,
    singleton TEXT,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at TIMESTAMPTZ NOT NULL DEFAULT now()
  );
  CREATE INDEX IF NOT EXISTS parallax_jobs_ready ON parallax_jobs (run_after, id) WHERE state IN ('queued', 'running');
  CREATE UNIQUE INDEX IF NOT EXISTS parallax_jobs_singleton ON parallax_jobs (singleton) WHERE state = 'queued' AND singleton IS NOT NULL;
`;

interface JobRow {
  id: string;
  kind: string;
  payload: string;
  state: JobState;
  attempts: number;
  max_attempts: number;
  locked_by: string | null;
  last_error: string | null;
}

const toJob = (r: JobRow): Job => ({
  id: Number(r.id), kind: r.kind, payload: JSON.parse(r.payload), state: r.state, attempts: r.attempts,
  maxAttempts: r.max_attempts, lockedBy: r.locked_by, lastError: r.last_error,
});

export class PgQueue {
  private constructor(private sql: Sql) {}

  static async open(sql: Sql): Promise<PgQueue> {
    await sql.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock(7242020)');
      for (const stmt of SCHEMA.split(';').map((s) => s.trim()).filter(Boolean)) await tx.query(stmt);
    });
    return new PgQueue(sql);
  }

  /**
   * Adds jobs. A `singleton` key keeps at most one such job waiting: "regroup the collection"
   * asked for by a hundred ingest jobs runs once, after them.
   */
  async enqueue(jobs: { kind: string; payload: unknown; singleton?: string; maxAttempts?: number }[]): Promise<number> {
    if (!jobs.length) return 0;
    const rows = await this.sql.query<{ id: string }>(
      `INSERT INTO parallax_jobs (kind, payload, singleton, max_attempts)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::int[])
       ON CONFLICT (singleton) WHERE state = 'queued' AND singleton IS NOT NULL DO NOTHING
       RETURNING id`,
      [jobs.map((j) => j.kind), jobs.map((j) => JSON.stringify(j.payload)), jobs.map((j) => j.singleton ?? null), jobs.map((j) => j.maxAttempts ?? 5)],
    );
    return rows.length;
  }

  /** Claims the oldest ready job (or one whose lease ran out), or null when there is none. */
  async claim(worker: string, leaseSeconds: number, kinds?: string[]): Promise<Job | null> {
    const rows = await this.sql.query<JobRow>(
      `UPDATE parallax_jobs SET state = 'running', locked_by = $1, locked_until = now() + make_interval(secs => $2),
              attempts = attempts + 1, updated_at = now()
       WHERE id = (
         SELECT id FROM parallax_jobs
         WHERE ((state = 'queued' AND run_after <= now()) OR (state = 'running' AND locked_until < now()))
           AND ($3::text[] IS NULL OR kind = ANY($3::text[]))
         ORDER BY run_after, id FOR UPDATE SKIP LOCKED LIMIT 1)
       RETURNING id, kind, payload, state, attempts, max_attempts, locked_by, last_error`,
      [worker, leaseSeconds, kinds ?? null],
    );
    return rows[0] ? toJob(rows[0]) : null;
  }

  /** Renews a running job's lease; false when the job is no longer this worker's. */
  async heartbeat(id: number, worker: string, leaseSeconds: number): Promise<boolean> {
    const rows = await this.sql.query(
      `UPDATE parallax_jobs SET locked_until = now() + make_interval(secs => $3), updated_at = now()
       WHERE id = $1 AND locked_by = $2 AND state = 'running' RETURNING id`,
      [id, worker, leaseSeconds],
    );
    return rows.length > 0;
  }

  async complete(id: number, worker: string): Promise<void> {
    await this.sql.query(
      `UPDATE parallax_jobs SET state = 'done', locked_until = NULL, updated_at = now() WHERE id = $1 AND locked_by = $2`,
      [id, worker],
    );
  }

  /** Records a failure: back to the queue after a backoff, or `dead` after the last attempt. */
  async fail(id: number, worker: string, error: string): Promise<JobState> {
    const rows = await this.sql.query<{ state: JobState }>(
      `UPDATE parallax_jobs SET
         state = CASE WHEN attempts >= max_attempts THEN 'dead' ELSE 'queued' END,
         run_after = now() + make_interval(secs => least(300, power(2, attempts)::int)),
         locked_by = NULL, locked_until = NULL, last_error = $3, updated_at = now()
       WHERE id = $1 AND locked_by = $2 RETURNING state`,
      [id, worker, error.slice(0, 2000)],
    );
    return rows[0]?.state ?? 'queued';
  }

  async counts(): Promise<QueueCounts[]> {
    const rows = await this.sql.query<{ kind: string; state: JobState; n: string }>(
      `SELECT kind, state, count(*) AS n FROM parallax_jobs GROUP BY kind, state ORDER BY kind, state`,
    );
    return rows.map((r) => ({ kind: r.kind, state: r.state, count: Number(r.n) }));
  }

  async list(state: JobState, limit = 50): Promise<Job[]> {
    const rows = await this.sql.query<JobRow>(
      `SELECT id, kind, payload, state, attempts, max_attempts, locked_by, last_error FROM parallax_jobs
       WHERE state = $1 ORDER BY id LIMIT $2`,
      [state, limit],
    );
    return rows.map(toJob);
  }

  /** True while any job is waiting or running. */
  async busy(): Promise<boolean> {
    const rows = await this.sql.query(`SELECT 1 FROM parallax_jobs WHERE state IN ('queued', 'running') LIMIT 1`);
    return rows.length > 0;
  }
}
