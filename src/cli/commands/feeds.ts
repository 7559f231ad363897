import type { Command } from 'commander';
import { UserError } from '../../errors.js';
import { dbOption, printJson, warn } from '../options.js';

interface NetOptions {
  db?: string;
  json?: boolean;
  allowPrivate?: boolean;
  ignoreRobots?: boolean;
  check: boolean;
}

export function register(program: Command): void {
  const feeds = program.command('feeds').description('the feeds Parallax follows (RSS, Atom, RDF, JSON Feed) and OPML lists of them');

  dbOption(
    feeds
      .command('add')
      .description('follow feeds; a site\'s page stands for the feeds it links to')
      .argument('<urls...>')
      .option('--no-check', 'add the URLs as given, without fetching them')
      .option('--allow-private', 'allow fetching from private and loopback addresses; remembered for the feed: its polls may reach its own host\'s private addresses (and no other)')
      .option('--ignore-robots', 'do not honour robots.txt')
      .option('--json', 'print the result as JSON'),
  ).action(async (urls: string[], opts: NetOptions) => {
    const { openStore } = await import('../../store/index.js');
    const { addFeed } = await import('../../pipeline/watch.js');
    const { resolveFeed } = await import('../../ingest/web/subscribe.js');
    const store = await openStore(opts.db);
    const results: { input: string; feed?: string; title?: string | null; added?: boolean; allowPrivate?: boolean; error?: string }[] = [];
    try {
      for (const u of urls) {
        try {
          const found = opts.check ? await resolveFeed(u, { allowPrivate: opts.allowPrivate, ignoreRobots: opts.ignoreRobots }) : { url: u, title: null };
          const added = await addFeed(store, found.url, found.title, { allowPrivate: opts.allowPrivate });
          results.push({ input: u, feed: found.url, title: found.title, added, ...(opts.allowPrivate ? { allowPrivate: true } : {}) });
          if (!opts.json) console.log(`${added ? 'added' : 'already followed'}: ${found.url}${found.title ? `  (${found.title})` : ''}${found.url !== u ? `  [from ${u}]` : ''}${opts.allowPrivate ? '; its host\'s private addresses allowed when polled' : ''}`);
        } catch (err) {
          const error = (err as Error).message.replace(/^\S+: /, '');
          results.push({ input: u, error });
          warn(`parallax: ${u}: ${error}`);
        }
      }
    } finally {
      await store.close();
    }
    if (opts.json) printJson(results);
    if (results.some((r) => r.error)) process.exitCode = 1;
  });

  dbOption(
    feeds
      .command('import')
      .description('follow every feed of an OPML file')
      .argument('<file>')
      .option('--json', 'print the result as JSON'),
  ).action(async (file: string, opts: { db?: string; json?: boolean }) => {
    const { readFileSync } = await import('node:fs');
    const { parseOpmlText } = await import('../../ingest/web/feeds.js');
    const { addFeed } = await import('../../pipeline/watch.js');
    const { openStore } = await import('../../store/index.js');
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      throw new UserError(`${file}: ${code === 'ENOENT' ? 'no such file' : `cannot read (${code})`}`);
    }
    let list;
    try {
      list = parseOpmlText(text);
    } catch (err) {
      throw new UserError(`${file}: ${(err as Error).message}`);
    }
    if (!list.length) throw new UserError(`${file}: no feed URLs (no outline has an http(s) xmlUrl)`);
    const store = await openStore(opts.db);
    let added = 0;
    const failed: { url: string; error: string }[] = [];
    try {
      for (const f of list) {
        try {
          if (await addFeed(store, f.url, f.title)) added++;
        } catch (err) {
          failed.push({ url: f.url, error: (err as Error).message });
          warn(`parallax: ${file}: ${(err as Error).message}`);
        }
      }
    } finally {
      await store.close();
    }
    if (opts.json) printJson({ file, feeds: list.length, added, failed });
    else console.log(`${list.length} feeds in ${file}; ${added} new`);
    if (failed.length) process.exitCode = 1;
  });

  dbOption(
    feeds
      .command('list')
      .description('the feeds followed, with their state')
      .option('--json', 'print as JSON'),
  ).action(async (opts: { db?: string; json?: boolean }) => {
    const { openStore } = await import('../../store/index.js');
    const { listFeeds } = await import('../../pipeline/watch.js');
    const store = await openStore(opts.db);
    try {
      const list = await listFeeds(store);
      const iso = (t: number | null | undefined) => (t ? new Date(t).toISOString() : null);
      if (opts.json) printJson(list.map(({ seen, ...f }) => ({ ...f, nextPoll: f.gone ? null : iso(f.nextPoll) ?? 'now', lastPoll: iso(f.lastPoll), seenItems: seen.length })));
      else if (!list.length) console.log('no feeds: add some with `parallax feeds add URL`');
      else
        for (const f of list) {
          const when = f.gone ? 'gone (410), not polled' : `next poll ${f.nextPoll ? iso(f.nextPoll) : 'now'}`;
          console.log(`${f.url}  ${f.title ?? ''}  ${f.seen.length} items seen; ${when}${f.allowPrivate ? '; private addresses of its host allowed' : ''}${f.errors ? `; ${f.errors} errors in a row: ${f.lastError}` : ''}`);
        }
    } finally {
      await store.close();
    }
  });

  dbOption(
    feeds
      .command('remove')
      .description('stop following feeds (their articles stay)')
      .argument('<urls...>')
      .option('--json', 'print the result as JSON'),
  ).action(async (urls: string[], opts: { db?: string; json?: boolean }) => {
    const { openStore } = await import('../../store/index.js');
    const { removeFeed } = await import('../../pipeline/watch.js');
    const store = await openStore(opts.db);
    const results: { url: string; removed: boolean; error?: string }[] = [];
    try {
      for (const u of urls) {
        try {
          const removed = await removeFeed(store, u);
          results.push({ url: u, removed });
          if (!removed) warn(`parallax: ${u}: not a followed feed`);
          else if (!opts.json) console.log(`removed: ${u}`);
        } catch (err) {
          results.push({ url: u, removed: false, error: (err as Error).message });
          warn(`parallax: ${(err as Error).message}`);
        }
      }
    } finally {
      await store.close();
    }
    if (opts.json) printJson(results);
    if (results.some((r) => !r.removed)) process.exitCode = 1;
  });
}
