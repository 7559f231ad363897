import type { Command } from 'commander';
import { UserError } from '../../errors.js';
import { resolveDbSpec } from '../../store/index.js';

export function register(program: Command): void {
  program
    .command('worker')
    .description('run jobs from the PostgreSQL queue (ingest, group, analyse); start as many as the work needs, on any machine')
    .option('--db <url>', 'the PostgreSQL store and queue (default: $PARALLAX_DB)')
    .option('--lease <seconds>', 'how long a claimed job stays this worker\'s without a heartbeat', (v) => parseInt(v, 10), 30)
    .option('--exit-when-idle', 'stop when no job is waiting or running')
    .option('--quiet', 'no line per job')
    .action(async (opts: { db?: string; lease: number; exitWhenIdle?: boolean; quiet?: boolean }) => {
      const url = resolveDbSpec(opts.db);
      if (!/^postgres(ql)?:\/\//.test(url)) throw new UserError('workers need a PostgreSQL store: --db postgres://… or PARALLAX_DB');
      const { runWorker } = await import('../../queue/worker.js');
      const stop = new AbortController();
      for (const sig of ['SIGINT', 'SIGTERM'] as const) process.once(sig, () => stop.abort());
      const r = await runWorker({
        url, leaseSeconds: opts.lease, exitWhenIdle: opts.exitWhenIdle, signal: stop.signal,
        log: opts.quiet ? undefined : (line) => console.log(`${new Date().toISOString()} ${line}`),
      });
      if (!opts.quiet) console.log(`worker stopped: ${r.done} jobs done, ${r.failed} failed`);
    });
}
