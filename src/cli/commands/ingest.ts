import type { Command } from 'commander';
import { dbOption, printJson, warn } from '../options.js';

export function register(program: Command): void {
  dbOption(
    program
      .command('ingest')
      .description('read articles (text, HTML, JSONL files, WARC archives, directories, globs, URLs, - for stdin) into the store and group them into stories')
      .argument('<paths...>', 'files, directories, glob patterns or http(s) URLs')
      .option('--json', 'print the summary as JSON')
      .option('--no-progress', 'no progress bar')
      .option('--allow-private', 'allow URLs on private and loopback addresses')
      .option('--ignore-robots', 'do not honour robots.txt')
      .option('--keep-raw', "keep a copy of each archived page's HTML with its article (by default it refers to its WARC record)"),
  ).action(async (all: string[], opts: { db?: string; json?: boolean; progress: boolean; allowPrivate?: boolean; ignoreRobots?: boolean; keepRaw?: boolean }) => {
    const urls = all.filter((p) => /^https?:\/\//i.test(p));
    const warcs = all.filter((p) => /\.warc(\.gz)?$/i.test(p));
    const paths = all.filter((p) => !urls.includes(p) && !warcs.includes(p));
    const { openStore } = await import('../../store/index.js');
    const { collectInputs, ingestItems } = await import('../../pipeline/index.js');
    const { progressBar } = await import('../progress.js');
    const items = paths.length ? collectInputs(paths) : [];
    if (urls.length) {
      const { fetchPage } = await import('../../ingest/web/pages.js');
      for (const u of urls) items.push(await fetchPage(u, {}, { allowPrivate: opts.allowPrivate, ignoreRobots: opts.ignoreRobots }));
    }
    const store = await openStore(opts.db);
    if (warcs.length) {
      const { ingestWarc } = await import('../../pipeline/warc.js');
      try {
        // Each archive is grouped in steps as it is stored. With files as well, the grouping step
        // after the files groups everything at once.
        for (const w of warcs) {
          const wbar = opts.progress && !opts.json ? progressBar(100, '% of ' + w) : null;
          const s = await ingestWarc(store, w, { onProgress: (read, total) => wbar?.update(Math.floor((100 * read) / total)), keepRaw: opts.keepRaw, group: !items.length });
          wbar?.stop();
          for (const f of s.failed) warn(`parallax: ${f.origin}: ${f.error}`);
          console.log(`${w}: ${s.records} records, ${s.html} HTML pages; ingested ${s.inserted}, updated ${s.updated}, unchanged ${s.unchanged}, failed ${s.failed.length}`);
          if (s.failed.length) process.exitCode = 1;
        }
      } catch (err) {
        await store.close();
        throw err;
      }
      if (!items.length) { await store.close(); return; }
    }
    const bar = opts.progress && !opts.json ? progressBar(items.length) : null;
    try {
      const summary = await ingestItems(store, items, (p) => bar?.update(p.done));
      bar?.stop();
      // Inputs read with damage (bytes that were not valid text) went in; say which, and what.
      for (const it of items) if (it.ok) for (const w of it.warnings ?? []) warn(`parallax: ${it.origin}: warning: ${w}`);
      for (const f of summary.failed) warn(`parallax: ${f.origin}: ${f.error}`);
      if (opts.json) printJson(summary);
      else
        console.log(
          `ingested ${summary.inserted}, updated ${summary.updated}, unchanged ${summary.unchanged}, failed ${summary.failed.length}; ${summary.stories} stories in the store`,
        );
      if (summary.failed.length) process.exitCode = 1;
    } finally {
      bar?.stop();
      await store.close();
    }
  });
}
