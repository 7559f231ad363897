import type { Command } from 'commander';
import { UserError } from '../../errors.js';
import { dbOption, printJson } from '../options.js';

export function register(program: Command): void {
  dbOption(
    program
      .command('show')
      .description('show a story side by side: summary with citations, claims by coverage, exclusives, disagreements, wording, timeline')
      .argument('<story>', 'a story id (see `parallax stories`) or an article id in it')
      .option('--json', 'print the story JSON')
      .option('--why', 'explain why each article is in the story'),
  ).action(async (id: string, opts: { db?: string; json?: boolean; why?: boolean }) => {
    const { openStore } = await import('../../store/index.js');
    const { storyAnalysis } = await import('../../pipeline/index.js');
    const { formatStory } = await import('../../present/text.js');
    const store = await openStore(opts.db);
    try {
      let story = await storyAnalysis(store, id);
      if (!story) {
        const owner = await store.storyOf(id);
        if (owner) story = await storyAnalysis(store, owner);
      }
      if (!story) throw new UserError(`no story or article "${id}" in the store (see \`parallax stories\`)`);
      if (opts.json) printJson(story);
      else console.log(formatStory(story));
      if (opts.why) {
        const { explainStory } = await import('../../pipeline/index.js');
        const lines = await explainStory(store, story.id);
        console.log('\nWHY THESE ARTICLES\n' + lines.join('\n'));
      }
    } finally {
      await store.close();
    }
  });
}
