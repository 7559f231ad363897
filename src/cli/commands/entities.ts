import type { Command } from 'commander';

export function register(program: Command): void {
  program
    .command('entities')
    .description('named entities (people, organisations, places, other names) with their offsets')
    .argument('[files...]', 'text files; with --conll, none')
    .option('--conll <file>', 'a CoNLL-2003 file: print it back with the predicted tag appended to each token line')
    .option('--raw', 'tag each file as it is, offsets into the file (by default the article body the extractor keeps, offsets into it)')
    .option('--json', 'print as JSON')
    .option('--language <code>', 'the language of the text (ISO 639-1: en, ru, de, es…), which chooses the model; by default English with --conll, else the language identified in each text')
    .action(async (files: string[], opts: { conll?: string; raw?: boolean; json?: boolean; language?: string }) => {
      const { recogniseEntities } = await import('../../enrich/ner/index.js');
      if (opts.conll) {
        const { tagConll } = await import('../../enrich/ner/conll.js');
        const { readFileSync } = await import('node:fs');
        const { UserError } = await import('../../errors.js');
        let text: string;
        try {
          text = readFileSync(opts.conll, 'utf8');
        } catch (err) {
          throw new UserError(`${opts.conll}: cannot read (${(err as NodeJS.ErrnoException).code})`);
        }
        // Each sentence goes through recogniseEntities as text, tokens joined by spaces, as an
        // article's text would: the figure measures what the pipeline does.
        const lang = opts.language ?? 'en';
        process.stdout.write(tagConll(text, (t) => recogniseEntities(t, lang)));
        return;
      }
      const { collectInputs, extractItem } = await import('../../pipeline/index.js');
      const { warn } = await import('../options.js');
      let failed = 0;
      const all = [];
      if (opts.raw) {
        const { readFileSync } = await import('node:fs');
        const { basename, extname } = await import('node:path');
        for (const file of files) {
          let text: string;
          try {
            text = readFileSync(file, 'utf8');
          } catch (err) {
            warn(`parallax: ${file}: cannot read (${(err as NodeJS.ErrnoException).code})`);
            failed++;
            continue;
          }
          const id = basename(file, extname(file));
          const { detectLanguage } = await import('../../lang/detect.js');
          const spans = recogniseEntities(text, opts.language ?? detectLanguage(text).language);
          all.push({ article: id, entities: spans });
          if (!opts.json) for (const e of spans) console.log(`${id}  ${e.type.padEnd(4)} ${e.text}  [${e.start}, ${e.end})`);
        }
        if (opts.json) console.log(JSON.stringify(all, null, 2));
        if (failed) process.exitCode = 1;
        return;
      }
      for (const item of collectInputs(files)) {
        const r = extractItem(item);
        if ('failure' in r) { warn(`parallax: ${r.failure.origin}: ${r.failure.error}`); failed++; continue; }
        const spans = recogniseEntities(r.article.text, opts.language ?? r.article.language);
        // The offsets point into the article body the extractor kept, so the body goes along.
        all.push({ article: r.article.id, text: r.article.text, entities: spans });
        if (!opts.json) for (const e of spans) console.log(`${r.article.id}  ${e.type.padEnd(4)} ${e.text}  [${e.start}, ${e.end})`);
      }
      if (opts.json) console.log(JSON.stringify(all, null, 2));
      if (failed) process.exitCode = 1;
    });
}
