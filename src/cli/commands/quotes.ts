import type { Command } from 'commander';

export function register(program: Command): void {
  program
    .command('quotes')
    .description('find quotations and reported speech with their speakers')
    .argument('[files...]', 'text files (cleaned first); with --jsonl, none')
    .option('--jsonl <file>', 'lines {"article", "text"}: print {"article", "quotes": [{start, end, direct, speaker}]} per line, offsets into text')
    .option('--json', 'print as JSON')
    .action(async (files: string[], opts: { jsonl?: string; json?: boolean }) => {
      const { findQuotes } = await import('../../enrich/quotes/index.js');
      const { recogniseEntities } = await import('../../enrich/ner/index.js');
      const { stdinText, warn } = await import('../options.js');
      const run = (text: string) =>
        findQuotes(text, recogniseEntities(text)).map((q) => ({
          start: q.start, end: q.end, direct: q.direct, text: q.text,
          speaker: q.speaker ? { start: q.speaker.start, end: q.speaker.end, name: q.speaker.name } : null,
        }));
      if (opts.jsonl) {
        const { readFileSync } = await import('node:fs');
        const { UserError } = await import('../../errors.js');
        let raw: string;
        try {
          raw = opts.jsonl === '-' ? stdinText() : readFileSync(opts.jsonl, 'utf8');
        } catch (err) {
          throw new UserError(`${opts.jsonl}: cannot read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
        }
        // A bad line is reported and skipped; the rest land, and the exit code says something was wrong.
        let bad = 0;
        const lines: string[] = [];
        raw.split('\n').forEach((line, i) => {
          if (!line.trim()) return;
          let r: { article?: unknown; text?: unknown };
          try {
            r = JSON.parse(line) as { article?: unknown; text?: unknown };
          } catch (err) {
            warn(`parallax: ${opts.jsonl}:${i + 1}: invalid JSON (${(err as Error).message})`);
            bad++;
            return;
          }
          if (typeof r.text !== 'string') {
            warn(`parallax: ${opts.jsonl}:${i + 1}: no "text" string`);
            bad++;
            return;
          }
          lines.push(JSON.stringify({ article: r.article, quotes: run(r.text) }));
        });
        if (lines.length) process.stdout.write(lines.join('\n') + '\n');
        if (bad) process.exitCode = 1;
        return;
      }
      const { collectInputs, extractItem } = await import('../../pipeline/index.js');
      let failed = 0;
      const all = [];
      for (const item of collectInputs(files)) {
        const r = extractItem(item);
        if ('failure' in r) { warn(`parallax: ${r.failure.origin}: ${r.failure.error}`); failed++; continue; }
        const quotes = run(r.article.text);
        all.push({ article: r.article.id, quotes });
        if (!opts.json) for (const q of quotes) console.log(`${r.article.id}  ${q.speaker?.name ?? '(unattributed)'}: ${q.direct && !/^["“„«]/.test(q.text) ? '“' + q.text + '”' : q.text}`);
      }
      if (opts.json) console.log(JSON.stringify(all, null, 2));
      if (failed) process.exitCode = 1;
    });
}
