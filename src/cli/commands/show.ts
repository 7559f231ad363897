import type { Command } from 'commander';
import { UserError } from '../../errors.js';
import { dbOption, printJson } from '../options.js';
import type { Store } from '../../store/types.js';

/** Ambiguous prefixes list at most this many of the stories they match. */
const LISTED_MATCHES = 10;

/**
 * The story meant by `id`: a story id, an article id (its story), or the first characters of one
 * story id. A prefix that several stories share, or none, is an error that says so.
 */
export async function resolveStory(store: Store, id: string): Promise<string> {
  if (await store.analysisStamp(id)) return id;
  const owner = await store.storyOf(id);
  if (owner) return owner;
  const stories = await store.listStories();
  if (stories.some((s) => s.id === id)) return id;
  const matches = stories.filter((s) => s.id.startsWith(id));
  if (matches.length === 1) return matches[0].id;
  if (matches.length > 1)
    throw new UserError(
      `"${id}" is the start of ${matches.length} story ids; give more of it:\n` +
        matches.slice(0, LISTED_MATCHES).map((s) => `  ${s.id}  ${s.title}`).join('\n') +
        (matches.length > LISTED_MATCHES ? `\n  … and ${matches.length - LISTED_MATCHES} more` : ''),
    );
  throw new UserError(`no story or article "${id}" in the store, and no story id starts with it (see \`parallax stories\`)`);
}

export function register(program: Command): void {
  dbOption(
    program
      .command('show')
      .description('show a story side by side: summary with citations, claims by coverage, exclusives, disagreements, wording, timeline')
      .argument('<story>', 'a story id (see `parallax stories`), the first characters of one, or an article id in it')
      .option('--json', 'print the story JSON')
      .option('--why', 'explain why each article is in the story'),
  ).action(async (id: string, opts: { db?: string; json?: boolean; why?: boolean }) => {
    const { openStore } = await import('../../store/index.js');
    const { storyAnalysis } = await import('../../pipeline/index.js');
    const { formatStory } = await import('../../present/text.js');
    const store = await openStore(opts.db);
    try {
      const story = await storyAnalysis(store, await resolveStory(store, id));
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
