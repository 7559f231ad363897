import type { Command } from 'commander';
import { UserError } from '../../errors.js';
import { dbOption } from '../options.js';

export function register(program: Command): void {
  dbOption(
    program
      .command('report')
      .description('write one self-contained file with a story\'s comparison: summary, claims, exclusives, disagreements, quotes, wording, timeline, outlets and coverage')
      .argument('<story>', 'a story id or the id of one of its articles')
      .option('-f, --format <format>', 'html, md or json', 'html')
      .option('-o, --out <file>', 'where to write it (default: story-<id>.<format>; - for stdout)'),
  ).action(async (id: string, opts: { db?: string; format: string; out?: string }) => {
    const { reporters } = await import('../../present/report/index.js');
    const reporter = reporters[opts.format as keyof typeof reporters];
    if (!reporter) throw new UserError(`unknown format "${opts.format}": use html, md or json`);
    const { openStore } = await import('../../store/index.js');
    const { storyAnalysis } = await import('../../pipeline/index.js');
    const store = await openStore(opts.db);
    try {
      const story = (await storyAnalysis(store, id)) ?? (await store.storyOf(id).then((s) => (s ? storyAnalysis(store, s) : null)));
      if (!story) throw new UserError(`no story or article "${id}" in the store (see \`parallax stories\`)`);
      const text = reporter.render(story);
      const out = opts.out ?? `story-${story.id.replace(/[^\w.-]+/g, '_')}.${reporter.extension}`;
      if (out === '-') process.stdout.write(text);
      else {
        const { writeFileSync, renameSync } = await import('node:fs');
        // Written whole or not at all: a reader never sees half a report.
        writeFileSync(out + '.tmp', text);
        renameSync(out + '.tmp', out);
        console.log(`wrote ${out}`);
      }
    } finally {
      await store.close();
    }
  });
}
