import type { Command } from 'commander';
import { UserError } from '../../errors.js';
import { resolveDbSpec } from '../../store/index.js';
import { printJson, warn } from '../options.js';

async function openQueue(db?: string) {
  const url = resolveDbSpec(db);
  if (!/^postgres(ql)?:\/\//.test(url)) throw new UserError('the job queue needs a PostgreSQL store: --db postgres://… or PARALLAX_DB');
  const { connectPostgres } = await import('../../store/postgres.js');
  const { PgQueue } = await import('../../queue/pg-queue.js');
  const sql = await connectPostgres(url, 2);
  return { sql, queue: await PgQueue.open(sql) };
}

export function register(program: Command): void {
  const jobs = program
    .command('jobs')
    .description('the PostgreSQL job queue: what is waiting, running, done and dead')
    .option('--db <url>', 'the PostgreSQL store and queue (default: $PARALLAX_DB)')
    .option('--json', 'print as JSON')
    .action(async (opts: { db?: string; json?: boolean }) => {
      const { sql, queue } = await openQueue(opts.db);
      try {
        const counts = await queue.counts();
        const running = await queue.list('running');
        const dead = await queue.list('dead');
        if (opts.json) printJson({ counts, running, dead });
        else {
          if (!counts.length) console.log('no jobs');
          for (const c of counts) console.log(`${c.kind.padEnd(10)} ${c.state.padEnd(8)} ${c.count}`);
          for (const j of running) console.log(`running: job ${j.id} ${j.kind} on ${j.lockedBy} (attempt ${j.attempts})`);
          for (const j of dead) console.log(`dead: job ${j.id} ${j.kind} after ${j.attempts} attempts: ${j.lastError}`);
        }
      } finally {
        await sql.close();
      }
    });

  jobs
    .command('add')
    .description('queue inputs (files, directories, globs) for the workers to ingest')
    .argument('<paths...>')
    .option('--db <url>', 'the PostgreSQL store and queue (default: $PARALLAX_DB)')
    .action(async (paths: string[], opts: { db?: string }) => {
      const { collectInputs } = await import('../../pipeline/index.js');
      const items = collectInputs(paths);
      const bad = items.filter((i) => !i.ok);
      for (const b of bad) if (!b.ok) warn(`parallax: ${b.origin}: ${b.error}`);
      const { sql, queue } = await openQueue(opts.db ?? jobs.opts().db);
      try {
        let n = 0;
        const good = items.filter((i) => i.ok);
        for (let i = 0; i < good.length; i += 500) {
          n += await queue.enqueue(good.slice(i, i + 500).map((item) => ({ kind: 'ingest', payload: { item } })));
        }
        console.log(`queued ${n} ingest jobs; ${bad.length} inputs refused`);
        if (bad.length) process.exitCode = 1;
      } finally {
        await sql.close();
      }
    });
}
