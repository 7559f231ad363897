import type { Command } from 'commander';
import { dbOption, printJson } from '../options.js';

export function register(program: Command): void {
  dbOption(
    program
      .command('stories')
      .description('list the stories in the store, biggest first')
      .option('--json', 'print as JSON')
      .option('--blindspots', 'only stories covered (almost) only by one country, ownership kind or label')
      .option('-n, --limit <n>', 'at most this many', (v) => parseInt(v, 10), 50),
  ).action(async (opts: { db?: string; json?: boolean; limit: number; blindspots?: boolean }) => {
    const { openStore } = await import('../../store/index.js');
    const store = await openStore(opts.db);
    try {
      if (opts.blindspots) {
        const { storyCoverages } = await import('../../pipeline/index.js');
        const spots = (await storyCoverages(store)).filter((c) => c.coverage.blindSpots.length).slice(0, opts.limit);
        if (opts.json) printJson(spots.map((s) => ({ ...s.story, blindSpots: s.coverage.blindSpots, coverage: s.coverage })));
        else if (!spots.length) console.log('no blind spots: no story with 3 or more outlets is covered mostly by one group');
        else
          for (const s of spots)
            console.log(`${s.story.id}  ${s.story.title}\n    ` + s.coverage.blindSpots.map((b) => `${Math.round(b.share * 100)}% of ${b.outlets} ${b.outlets === 1 ? 'outlet' : 'outlets'}: ${b.dimension} ${b.value}`).join('; '));
        return;
      }
      const stories = await store.listStories({ limit: opts.limit });
      if (opts.json) printJson(stories);
      else if (!stories.length) console.log('no stories yet: run `parallax ingest PATH…` first');
      else
        for (const s of stories)
          console.log(`${s.id}  ${String(s.sourceCount).padStart(3)} ${s.sourceCount === 1 ? 'outlet ' : 'outlets'} ${String(s.articleCount).padStart(4)} ${s.articleCount === 1 ? 'article ' : 'articles'}  ${(s.first ?? '').slice(0, 10)}  ${s.title}`);
    } finally {
      await store.close();
    }
  });
}
