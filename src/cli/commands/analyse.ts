import type { Command } from 'commander';
import { printJson, warn } from '../options.js';

export function register(program: Command): void {
  program
    .command('analyse')
    .alias('analyze')
    .description('files in, stories out: clean the articles, group them into stories and compare the outlets (no store needed)')
    .argument('<paths...>', 'files, directories or glob patterns; - for stdin')
    .option('--json', 'print {"stories": [...]} (the story JSON contract)')
    .action(async (paths: string[], opts: { json?: boolean }) => {
      const { collectInputs, extractItem } = await import('../../pipeline/extract.js');
      const { analyseArticles } = await import('../../pipeline/analysis.js');
      const { formatStory } = await import('../../present/text.js');
      const articles = [];
      let failed = 0;
      for (const item of collectInputs(paths)) {
        const r = extractItem(item);
        if ('failure' in r) {
          warn(`parallax: ${r.failure.origin}: ${r.failure.error}`);
          failed++;
        } else articles.push(r.article);
      }
      const stories = analyseArticles(articles);
      if (opts.json) printJson({ stories });
      else console.log(stories.map((s) => formatStory(s)).join('\n\n'));
      if (failed) process.exitCode = 1;
      if (!articles.length) process.exitCode = 1;
    });
}
