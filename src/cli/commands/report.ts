import type { Command } from 'commander';
import { UserError } from '../../errors.js';
import { dbOption } from '../options.js';
import { resolveStory } from './show.js';

export function register(program: Command): void {
  dbOption(
    program
      .command('report')
      .description('write one self-contained document (to the standard output, or to a file with -o) with a story\'s comparison: summary, claims, exclusives, disagreements, quotes, wording, timeline, outlets and coverage')
      .argument('<story>', 'a story id, the first characters of one, or the id of one of its articles')
      .option('-f, --format <format>', 'html, md or json', 'html')
      .option('-o, --out <file>', 'write it to this file instead of the standard output (- for the standard output)'),
  ).action(async (id: string, opts: { db?: string; format: string; out?: string }) => {
    const { reporters } = await import('../../present/report/index.js');
    const reporter = reporters[opts.format as keyof typeof reporters];
    if (!reporter) throw new UserError(`unknown format "${opts.format}": use html, md or json`);
    const { openStore } = await import('../../store/index.js');
    const { storyAnalysis } = await import('../../pipeline/index.js');
    const store = await openStore(opts.db);
    try {
      const story = await storyAnalysis(store, await resolveStory(store, id));
      if (!story) throw new UserError(`no story or article "${id}" in the store (see \`parallax stories\`)`);
      const text = reporter.render(story);
      // To the standard output unless a file is named, so that `> file` and pipes capture it.
      const out = opts.out ?? '-';
      if (out === '-') process.stdout.write(text.endsWith('\n') ? text : text + '\n');
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
