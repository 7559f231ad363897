import type { Command } from 'commander';
import { dbOption, warn } from '../options.js';

export function register(program: Command): void {
  dbOption(
    program
      .command('watch')
      .description('poll every followed feed on its own schedule, store new and updated items and update the stories; one log line per poll; Ctrl-C stops')
      .option('--once', 'poll every followed feed once (whatever its schedule or backoff), say what was done, then stop')
      .option('--json', 'log each poll as one JSON line')
      .option('--allow-private', 'allow fetching from private and loopback addresses in this run (`feeds add --allow-private` remembers it for one feed)')
      .option('--ignore-robots', 'do not honour robots.txt'),
  ).action(async (opts: { db?: string; once?: boolean; json?: boolean; allowPrivate?: boolean; ignoreRobots?: boolean }) => {
    const { openStore } = await import('../../store/index.js');
    const { watch, formatPoll } = await import('../../pipeline/watch.js');
    const store = await openStore(opts.db);
    const stop = new AbortController();
    const onSignal = (sig: string) => {
      if (stop.signal.aborted) process.exit(130);
      warn(`parallax: ${sig}: stopping after the polls under way (again to quit at once)`);
      stop.abort();
    };
    const handlers = (['SIGINT', 'SIGTERM'] as const).map((sig) => [sig, () => onSignal(sig)] as const);
    for (const [sig, h] of handlers) process.on(sig, h);
    let errors = 0;
    try {
      await watch(store, {
        once: opts.once,
        allowPrivate: opts.allowPrivate,
        ignoreRobots: opts.ignoreRobots,
        signal: stop.signal,
        // What a round did or why it polled nothing; beside the JSON lines, not among them.
        note: (line) => (opts.json ? warn(`parallax: ${line}`) : console.log(line)),
        log: (r) => {
          if (r.status === 'error') errors++;
          if (opts.json) process.stdout.write(JSON.stringify({ time: new Date().toISOString(), ...r, nextPoll: r.nextPoll === null ? null : new Date(r.nextPoll).toISOString() }) + '\n');
          else console.log(formatPoll(r));
        },
      });
    } finally {
      for (const [sig, h] of handlers) process.off(sig, h);
      await store.close();
    }
    // A single round reports its failures in the exit code; a long watch keeps going through them.
    if (opts.once && errors) process.exitCode = 1;
  });
}
