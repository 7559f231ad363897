import type { Command } from 'commander';
import type { InputItem } from '../../ingest/files.js';
import { dbOption, printJson, warn } from '../options.js';

/** Names given in the line about skipped files before "and N more". */
const NAMED_SKIPS = 5;

/**
 * The line about the files a directory held that are not inputs: how many, by extension, and the
 * first few by name (a folder saved from a browser holds images and scripts beside the pages).
 */
export function skippedLine(files: string[]): string {
  const byExt = new Map<string, number>();
  for (const f of files) {
    const base = f.split(/[\\/]/).pop() ?? f;
    const ext = /(\.[^.]+)$/.exec(base.replace(/\.gz$/i, ''))?.[1].toLowerCase() ?? 'no extension';
    byExt.set(ext, (byExt.get(ext) ?? 0) + 1);
  }
  const exts = [...byExt].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([e, n]) => `${e} ${n}`).join(', ');
  const named = files.slice(0, NAMED_SKIPS).join(', ') + (files.length > NAMED_SKIPS ? `, and ${files.length - NAMED_SKIPS} more` : '');
  return `skipped ${files.length} ${files.length === 1 ? 'file that is' : 'files that are'} not text, HTML, JSON or JSONL by their extension (${exts}): ${named}`;
}

export function register(program: Command): void {
  dbOption(
    program
      .command('ingest')
      .description('read articles (text, HTML, JSONL files, WARC archives, directories, globs, URLs, - for stdin) into the store and group them into stories')
      .argument('<paths...>', 'files, directories, glob patterns or http(s) URLs')
      .option('--json', 'print the summary as JSON')
      .option('--no-progress', 'no progress bar')
      .option('--allow-private', 'allow private and loopback addresses for the hosts of the URLs given (redirects elsewhere are still checked)')
      .option('--ignore-robots', 'do not honour robots.txt')
      .option('--keep-raw', "keep a copy of each archived page's HTML with its article (by default it refers to its WARC record)"),
  ).action(async (all: string[], opts: { db?: string; json?: boolean; progress: boolean; allowPrivate?: boolean; ignoreRobots?: boolean; keepRaw?: boolean }) => {
    const urls = all.filter((p) => /^https?:\/\//i.test(p));
    const warcs = all.filter((p) => /\.warc(\.gz)?$/i.test(p));
    const paths = all.filter((p) => !urls.includes(p) && !warcs.includes(p));
    const { openStore } = await import('../../store/index.js');
    const { ingestItems } = await import('../../pipeline/index.js');
    const { streamInputs } = await import('../../ingest/stream.js');
    const { progressBar } = await import('../progress.js');
    // Inputs are read one at a time as they are stored (a file of records line by line), so
    // memory follows the largest article, not the batch; pages are fetched after the files.
    const inputs = paths.length ? streamInputs(paths) : null;
    const warnings: string[] = [];
    let fetched = 0;
    async function* items(): AsyncGenerator<InputItem> {
      if (inputs) for await (const it of inputs) {
        if (it.ok) for (const w of it.warnings ?? []) warnings.push(`parallax: ${it.origin}: warning: ${w}`);
        yield it;
      }
      if (urls.length) {
        const { fetchPage } = await import('../../ingest/web/pages.js');
        const { privateHosts } = await import('../../ingest/web/http.js');
        // --allow-private is for the hosts named here, not for wherever they redirect.
        const allowPrivate = opts.allowPrivate ? privateHosts(urls) : false;
        for (const u of urls) {
          yield await fetchPage(u, {}, { allowPrivate, ignoreRobots: opts.ignoreRobots });
          fetched++;
        }
      }
    }
    const hasItems = !!inputs || urls.length > 0;
    const store = await openStore(opts.db);
    if (warcs.length) {
      const { ingestWarc } = await import('../../pipeline/warc.js');
      try {
        // Each archive is grouped in steps as it is stored. With files as well, the grouping step
        // after the files groups everything at once.
        for (const w of warcs) {
          const wbar = opts.progress && !opts.json ? progressBar(100, '% of ' + w) : null;
          const s = await ingestWarc(store, w, { onProgress: (read, total) => wbar?.update(Math.floor((100 * read) / total)), keepRaw: opts.keepRaw, group: !hasItems });
          wbar?.stop();
          for (const f of s.failed) warn(`parallax: ${f.origin}: ${f.error}`);
          console.log(`${w}: ${s.records} records, ${s.html} HTML pages; ingested ${s.inserted}, updated ${s.updated}, unchanged ${s.unchanged}, failed ${s.failed.length}`);
          if (s.failed.length) process.exitCode = 1;
        }
      } catch (err) {
        await store.close();
        throw err;
      }
      if (!hasItems) { await store.close(); return; }
    }
    const bar = opts.progress && !opts.json ? progressBar((inputs?.total ?? 0) + urls.length, 'inputs') : null;
    try {
      const summary = await ingestItems(store, items(), () => bar?.update((inputs?.done ?? 0) + fetched));
      bar?.stop();
      // Inputs read with damage (bytes that were not valid text) went in; say which, and what.
      for (const w of warnings) warn(w);
      for (const f of summary.failed) warn(`parallax: ${f.origin}: ${f.error}`);
      // Left out on purpose, not failed: said, but the exit code stays 0 when the rest landed.
      const skipped = inputs?.skipped ?? [];
      if (skipped.length) warn(`parallax: ${skippedLine(skipped)}`);
      if (opts.json) printJson({ ...summary, skipped });
      else
        console.log(
          `ingested ${summary.inserted}, updated ${summary.updated}, unchanged ${summary.unchanged}, failed ${summary.failed.length}; ${summary.stories} ${summary.stories === 1 ? 'story' : 'stories'} in the store`,
        );
      if (summary.failed.length) process.exitCode = 1;
    } finally {
      bar?.stop();
      await store.close();
    }
  });
}
