import type { Command } from 'commander';
import { dbOption, printJson, warn } from '../options.js';

export function register(program: Command): void {
  dbOption(
    program
      .command('ingest')
      .description('read articles (text, HTML, JSONL files, directories, globs, - for stdin) into the store and group them into stories')
      .argument('<paths...>', 'files, directories or glob patterns')
      .option('--json', 'print the summary as JSON')
      .option('--no-progress', 'no progress bar'),
  ).action(async (paths: string[], opts: { db?: string; json?: boolean; progress: boolean }) => {
    const { openStore } = await import('../../store/index.js');
    const { collectInputs, ingestItems } = await import('../../pipeline.js');
    const { progressBar } = await import('../progress.js');
    const items = collectInputs(paths);
    const store = await openStore(opts.db);
    const bar = opts.progress && !opts.json ? progressBar(items.length) : null;
    try {
      const summary = await ingestItems(store, items, (p) => bar?.update(p.done));
      bar?.stop();
      for (const f of summary.failed) warn(`parallax: ${f.origin}: ${f.error}`);
      if (opts.json) printJson(summary);
      else
        console.log(
          `ingested ${summary.inserted}, updated ${summary.updated}, unchanged ${summary.unchanged}, failed ${summary.failed.length}; ${summary.stories} stories in the store`,
        );
      if (summary.failed.length) process.exitCode = 1;
    } finally {
      bar?.stop();
      await store.close();
    }
  });
}
