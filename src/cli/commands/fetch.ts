import type { Command } from 'commander';
import { dbOption, printJson, warn } from '../options.js';

export function register(program: Command): void {
  dbOption(
    program
      .command('fetch')
      .description('fetch pages by URL, extract them, store them and update the stories')
      .argument('<urls...>')
      .option('--json', 'print the summary as JSON')
      .option('--allow-private', 'allow private and loopback addresses for the hosts of the URLs given (redirects elsewhere are still checked)')
      .option('--ignore-robots', 'do not honour robots.txt')
      .option('--timeout <seconds>', 'give up on a page after this long', '30')
      .option('--concurrency <n>', 'pages fetched at once (at most 2 per host)', '6'),
  ).action(async (urls: string[], opts: { db?: string; json?: boolean; allowPrivate?: boolean; ignoreRobots?: boolean; timeout: string; concurrency: string }) => {
    const { UserError } = await import('../../errors.js');
    const timeout = Number(opts.timeout);
    const concurrency = Number(opts.concurrency);
    if (!(timeout > 0)) throw new UserError(`--timeout: "${opts.timeout}" is not a positive number of seconds`);
    if (!Number.isInteger(concurrency) || concurrency < 1) throw new UserError(`--concurrency: "${opts.concurrency}" is not a positive whole number`);
    const { openStore } = await import('../../store/index.js');
    const { fetchPages } = await import('../../ingest/web/pages.js');
    const { privateHosts } = await import('../../ingest/web/http.js');
    const { ingestItems } = await import('../../pipeline/index.js');
    const items = await fetchPages(
      urls.map((url) => ({ url })),
      { allowPrivate: opts.allowPrivate ? privateHosts(urls) : false, ignoreRobots: opts.ignoreRobots, totalTimeoutMs: timeout * 1000 },
      concurrency,
    );
    const store = await openStore(opts.db);
    try {
      const summary = await ingestItems(store, items);
      for (const f of summary.failed) warn(`parallax: ${f.origin}: ${f.error}`);
      if (opts.json) printJson(summary);
      else console.log(`ingested ${summary.inserted}, updated ${summary.updated}, unchanged ${summary.unchanged}, failed ${summary.failed.length}; ${summary.stories} ${summary.stories === 1 ? 'story' : 'stories'} in the store`);
      if (summary.failed.length) process.exitCode = 1;
    } finally {
      await store.close();
    }
  });
}
