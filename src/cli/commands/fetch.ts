import type { Command } from 'commander';
import { dbOption, printJson, warn } from '../options.js';

export function register(program: Command): void {
  dbOption(
    program
      .command('fetch')
      .description('fetch pages by URL, extract them and ingest them into the store')
      .argument('<urls...>')
      .option('--json', 'print the summary as JSON')
      .option('--allow-private', 'allow fetching from private and loopback addresses')
      .option('--ignore-robots', 'do not honour robots.txt'),
  ).action(async (urls: string[], opts: { db?: string; json?: boolean; allowPrivate?: boolean; ignoreRobots?: boolean }) => {
    const { openStore } = await import('../../store/index.js');
    const { fetchPage } = await import('../../ingest/web/pages.js');
    const { ingestItems } = await import('../../pipeline.js');
    const items = [];
    for (const u of urls) items.push(await fetchPage(u, {}, { allowPrivate: opts.allowPrivate, ignoreRobots: opts.ignoreRobots }));
    const store = await openStore(opts.db);
    try {
      const summary = await ingestItems(store, items);
      for (const f of summary.failed) warn(`parallax: ${f.origin}: ${f.error}`);
      if (opts.json) printJson(summary);
      else console.log(`ingested ${summary.inserted}, updated ${summary.updated}, unchanged ${summary.unchanged}, failed ${summary.failed.length}`);
      if (summary.failed.length) process.exitCode = 1;
    } finally {
      await store.close();
    }
  });
}
