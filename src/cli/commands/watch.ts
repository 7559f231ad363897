import type { Command } from 'commander';
import { dbOption } from '../options.js';

export function register(program: Command): void {
  dbOption(
    program
      .command('watch')
      .description('poll every followed feed on its own schedule, ingest new items and update the stories; one log line per poll')
      .option('--once', 'one round of the feeds that are due, then stop')
      .option('--allow-private', 'allow fetching from private and loopback addresses')
      .option('--ignore-robots', 'do not honour robots.txt'),
  ).action(async (opts: { db?: string; once?: boolean; allowPrivate?: boolean; ignoreRobots?: boolean }) => {
    const { openStore } = await import('../../store/index.js');
    const { watch } = await import('../../ingest/web/watch.js');
    const store = await openStore(opts.db);
    const stop = new AbortController();
    for (const sig of ['SIGINT', 'SIGTERM'] as const) process.once(sig, () => stop.abort());
    try {
      await watch(store, { once: opts.once, allowPrivate: opts.allowPrivate, ignoreRobots: opts.ignoreRobots, signal: stop.signal, log: (l) => console.log(l) });
    } finally {
      await store.close();
    }
  });
}
