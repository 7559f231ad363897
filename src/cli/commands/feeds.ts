import type { Command } from 'commander';
import { UserError } from '../../errors.js';
import { dbOption, printJson, warn } from '../options.js';

export function register(program: Command): void {
  const feeds = program.command('feeds').description('the feeds Parallax follows (RSS, Atom, RDF, JSON Feed)');

  dbOption(feeds.command('add').description('follow feeds').argument('<urls...>')).action(async (urls: string[], opts: { db?: string }) => {
    const { openStore } = await import('../../store/index.js');
    const { addFeed } = await import('../../ingest/web/watch.js');
    const store = await openStore(opts.db);
    let bad = 0;
    try {
      for (const u of urls) {
        try {
          console.log(`${(await addFeed(store, u)) ? 'added' : 'already followed'}: ${u}`);
        } catch (err) {
          warn(`parallax: ${u}: ${(err as Error).message.replace(`${u}: `, '')}`);
          bad++;
        }
      }
    } finally {
      await store.close();
    }
    if (bad) process.exitCode = 1;
  });

  dbOption(feeds.command('import').description('follow every feed of an OPML file').argument('<file>')).action(async (file: string, opts: { db?: string }) => {
    const { readFileSync } = await import('node:fs');
    const { parseOpmlText } = await import('../../ingest/web/feeds.js');
    const { addFeed } = await import('../../ingest/web/watch.js');
    const { openStore } = await import('../../store/index.js');
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (err) {
      throw new UserError(`${file}: cannot read (${(err as NodeJS.ErrnoException).code})`);
    }
    let list;
    try {
      list = parseOpmlText(text);
    } catch (err) {
      throw new UserError(`${file}: ${(err as Error).message}`);
    }
    const store = await openStore(opts.db);
    let added = 0;
    try {
      for (const f of list) {
        try { if (await addFeed(store, f.url)) added++; } catch (err) { warn(`parallax: ${file}: ${f.url}: ${(err as Error).message}`); }
      }
    } finally {
      await store.close();
    }
    console.log(`${list.length} feeds in ${file}; ${added} new`);
  });

  dbOption(feeds.command('list').description('the feeds followed, with their state').option('--json', 'print as JSON')).action(async (opts: { db?: string; json?: boolean }) => {
    const { openStore } = await import('../../store/index.js');
    const { listFeeds } = await import('../../ingest/web/watch.js');
    const store = await openStore(opts.db);
    try {
      const list = await listFeeds(store);
      if (opts.json) printJson(list.map(({ seen, ...f }) => ({ ...f, seenItems: seen.length })));
      else if (!list.length) console.log('no feeds: add some with `parallax feeds add URL`');
      else for (const f of list) console.log(`${f.url}  ${f.title ?? ''}  next poll ${f.nextPoll ? new Date(f.nextPoll).toISOString() : 'now'}${f.errors ? `  ${f.errors} errors: ${f.lastError}` : ''}`);
    } finally {
      await store.close();
    }
  });
}
