import type { Command } from 'commander';
import { dbOption, printJson } from '../options.js';

export function register(program: Command): void {
  dbOption(
    program
      .command('stories')
      .description('list the stories in the store, biggest first')
      .option('--json', 'print as JSON')
      .option('-n, --limit <n>', 'at most this many', (v) => parseInt(v, 10), 50),
  ).action(async (opts: { db?: string; json?: boolean; limit: number }) => {
    const { openStore } = await import('../../store/index.js');
    const store = await openStore(opts.db);
    try {
      const stories = await store.listStories({ limit: opts.limit });
      if (opts.json) printJson(stories);
      else if (!stories.length) console.log('no stories yet: run `parallax ingest PATH…` first');
      else
        for (const s of stories)
          console.log(`${s.id}  ${String(s.sourceCount).padStart(3)} outlets ${String(s.articleCount).padStart(4)} articles  ${(s.first ?? '').slice(0, 10)}  ${s.title}`);
    } finally {
      await store.close();
    }
  });
}
