import type { Command } from 'commander';
import { dbOption, printJson } from '../options.js';

export function register(program: Command): void {
  dbOption(
    program
      .command('search')
      .description('full-text search over the stored articles')
      .argument('<query...>', 'words; "quoted phrases" are matched as phrases')
      .option('--json', 'print as JSON')
      .option('-n, --limit <n>', 'at most this many hits', (v) => parseInt(v, 10), 20),
  ).action(async (query: string[], opts: { db?: string; json?: boolean; limit: number }) => {
    const { openStore } = await import('../../store/index.js');
    const store = await openStore(opts.db);
    try {
      const hits = await store.search(query.join(' '), { limit: opts.limit });
      if (opts.json) printJson(hits);
      else if (!hits.length) console.log('no matches');
      else {
        const { articleTitle } = await import('../../present/title.js');
        // By title (a hit without a headline by its opening words), then where it is from.
        for (const h of hits) {
          const title = h.title ?? articleTitle({ ...h, text: (await store.getArticle(h.id))?.text });
          console.log(`${title}\n    ${[h.source, `article ${h.id}`, h.story ? `story ${h.story}` : 'in no story'].filter(Boolean).join(' · ')}\n    ${h.snippet.replace(/\s+/g, ' ')}`);
        }
      }
    } finally {
      await store.close();
    }
  });
}
