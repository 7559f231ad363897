import type { Command } from 'commander';
import { printJson, warn } from '../options.js';

export function register(program: Command): void {
  program
    .command('extract')
    .description('clean articles from files (text, HTML, JSONL) and print them; nothing is stored')
    .argument('<paths...>', 'files, directories or glob patterns; - for stdin')
    .option('--json', 'print the articles as JSON (with metadata, provenance and messages)')
    .option('--raw', 'with --json, keep the raw input in the output')
    .action(async (paths: string[], opts: { json?: boolean; raw?: boolean }) => {
      const { collectInputs, extractItem } = await import('../../pipeline/extract.js');
      const { formatArticle } = await import('../../present/text.js');
      const articles = [];
      let failed = 0;
      for (const item of collectInputs(paths)) {
        const r = extractItem(item);
        if ('failure' in r) {
          warn(`parallax: ${r.failure.origin}: ${r.failure.error}`);
          failed++;
          continue;
        }
        const { raw, ...rest } = r.article;
        articles.push(opts.raw ? r.article : rest);
        if (!opts.json) console.log(formatArticle(r.article) + '\n');
      }
      // One file of one article prints the article; a file of records (JSON lines) or several files a list.
      if (opts.json) printJson(articles.length === 1 && paths.length === 1 && !/\.jsonl$/i.test(paths[0]) ? articles[0] : articles);
      if (failed) process.exitCode = 1;
    });
}
