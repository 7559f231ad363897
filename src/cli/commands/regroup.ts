import type { Command } from 'commander';
import { dbOption, printJson } from '../options.js';

export function register(program: Command): void {
  dbOption(
    program
      .command('regroup')
      .description('group the whole collection into stories again from scratch, in publication order (ingests group only what is new)')
      .option('--json', 'print the summary as JSON'),
  ).action(async (opts: { db?: string; json?: boolean }) => {
    const { openStore } = await import('../../store/index.js');
    const { regroupAll } = await import('../../cluster/stored.js');
    const store = await openStore(opts.db);
    try {
      const r = await regroupAll(store);
      const stories = r.stories.length;
      if (opts.json) printJson({ articles: r.fed, stories });
      else console.log(`regrouped ${r.fed} ${r.fed === 1 ? 'article' : 'articles'} into ${stories} ${stories === 1 ? 'story' : 'stories'}`);
    } finally {
      await store.close();
    }
  });
}
