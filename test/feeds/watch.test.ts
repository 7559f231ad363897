import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addFeed, listFeeds, pollDue, removeFeed, watch, nextInterval, outsideSkips, freshnessMs, backoffMs, DEFAULT_SCHEDULE, formatPoll, type PollReport } from '../../src/pipeline/watch.js';
import { openSqliteStore } from '../../src/store/sqlite.js';
import { storyAnalysis } from '../../src/pipeline/index.js';
import { fixtureServer, page, LOCAL, type FixtureServer } from './server.js';

const here = '[web-watch] ';
const HOUR = 3600_000;

interface Item { id: string; title: string; text: string; guid?: string; summary?: string; date?: string }

/** A news site on the test server: an RSS feed of `items`, each item's page, and robots.txt. */
function newsSite(srv: FixtureServer, items: Item[], feedPath = '/feed.xml') {
  let version = 1;
  const site = {
    items,
    /** Marks the feed changed (its ETag moves on). */
    bump: () => { version++; },
    feedRequests: () => srv.hits.filter((h) => h === feedPath).length,
  };
  srv.routes.set(feedPath, (q, r) => {
    const etag = `"v${version}"`;
    if (q.headers['if-none-match'] === etag) { r.writeHead(304); r.end(); return; }
    r.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8', etag });
    r.end(`<?xml version="1.0"?><rss version="2.0"><channel><title>Test Herald</title><link>${srv.url}/</link><description>d</description>${items
      .map((i) => `<item><title>${i.title}</title><link>${srv.url}/news/${i.id}</link><guid isPermaLink="false">${i.guid ?? i.id}</guid><pubDate>${i.date ?? 'Fri, 14 Mar 2025 09:00:00 GMT'}</pubDate>${i.summary ? `<description>${i.summary}</description>` : ''}</item>`)
      .join('')}</channel></rss>`);
  });
  srv.routes.set('/robots.txt', (_q, r) => { r.writeHead(404); r.end(); });
  srv.routes.set('/news/*', () => {});
  return site;
}

function servePages(srv: FixtureServer, items: Item[]) {
  for (const it of items) {
    srv.routes.set(`/news/${it.id}`, (_q, r) => {
      const cur = items.find((i) => i.id === it.id);
      if (!cur || cur.text === '404') { r.writeHead(404); r.end(); return; }
      r.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      r.end(page(cur.title, cur.text));
    });
  }
}

const STRIKE: Item = { id: 'a1', title: 'Port strike ends after three weeks', text: 'Dock workers in Rotterdam voted on Thursday to end a strike of three weeks, the FNV union said.\nThe agreement raises wages by six percent over two years, union leader Niek Stam said.\nShips that had waited at anchor for days began to move towards the terminals.' };
const BACK: Item = { id: 'a2', title: 'Dockers back at work in Rotterdam', text: 'Dock workers in Rotterdam returned to work on Friday after the FNV union ended the strike of three weeks, the port said.\nShips waiting at anchor began to enter the harbour, the port authority said.\nThe union said the wage deal of six percent over two years was approved by members.' };

async function tempStore() {
  const path = join(mkdtempSync(join(tmpdir(), 'parallax-watch-')), 'w.db');
  return { path, store: await openSqliteStore(path) };
}

test(here + 'new items are picked up as they appear, an unchanged feed costs one 304, and the story grows', async () => {
  const srv = await fixtureServer();
  const items: Item[] = [{ ...STRIKE }];
  const site = newsSite(srv, items);
  servePages(srv, [STRIKE, BACK]);
  const { store } = await tempStore();
  try {
    await addFeed(store, `${srv.url}/feed.xml`);
    let t = Date.now();
    const [first] = await pollDue(store, LOCAL, t);
    assert.equal(first.status, 'updated');
    assert.deepEqual([first.newItems, first.inserted, first.failed.length], [1, 1, 0]);
    const storyId = (await store.listStories())[0].id;
    assert.equal((await storyAnalysis(store, storyId))!.articles.length, 1);
    // Not due yet: nothing is requested.
    assert.deepEqual(await pollDue(store, LOCAL, t + 60_000), []);
    const pagesBefore = srv.hits.filter((h) => h.startsWith('/news/')).length;
    const [again] = await pollDue(store, LOCAL, (t += HOUR));
    assert.equal(again.status, 'unchanged');
    assert.equal(srv.hits.filter((h) => h.startsWith('/news/')).length, pagesBefore, 'a 304 fetches no pages');
    items.push({ ...BACK });
    site.bump();
    const [third] = await pollDue(store, LOCAL, (t += HOUR));
    assert.deepEqual([third.newItems, third.changedItems, third.inserted], [1, 0, 1]);
    assert.equal(await store.countArticles(), 2);
    const stories = await store.listStories();
    assert.equal(stories.length, 1);
    assert.equal(stories[0].articleCount, 2, 'the new item joined the story');
    const story = (await storyAnalysis(store, stories[0].id))!;
    assert.deepEqual(story.articles.map((a) => a.title).sort(), [BACK.title, STRIKE.title].sort(), 'the story\'s analysis was redone with the new article');
    const [state] = await listFeeds(store);
    assert.equal(state.etag, '"v2"');
    assert.equal(state.title, 'Test Herald');
    assert.ok(state.nextPoll! > t);
    assert.match(formatPoll(third), /updated \(HTTP 200\): 1 new, 0 changed; stored 1 new, 0 updated/);
  } finally {
    await store.close();
    await srv.close();
  }
});

test(here + 'an item updated in place updates its article; duplicates are stored once', async () => {
  const srv = await fixtureServer();
  const items: Item[] = [{ ...STRIKE }, { ...STRIKE, guid: 'same-page-other-guid' }];
  const site = newsSite(srv, items);
  servePages(srv, items);
  const { store } = await tempStore();
  try {
    await addFeed(store, `${srv.url}/feed.xml`);
    let t = Date.now();
    const [first] = await pollDue(store, LOCAL, t);
    assert.equal(first.newItems, 2);
    assert.equal(first.inserted, 1, 'two items linking to one page make one article');
    assert.equal(await store.countArticles(), 1);
    const before = (await store.listArticles())[0];
    items[0].title = 'Port strike ends after three weeks, union says';
    items[0].text = STRIKE.text + '\nThe port authority said it expected normal traffic by Monday.';
    site.bump();
    const [second] = await pollDue(store, LOCAL, (t += HOUR));
    assert.equal(second.changedItems, 1);
    assert.equal(second.updated, 1);
    const after = (await store.listArticles())[0];
    assert.equal(after.id, before.id);
    assert.match(after.text, /normal traffic by Monday/);
    assert.equal(await store.countArticles(), 1);
  } finally {
    await store.close();
    await srv.close();
  }
});

test(here + 'a page that cannot be had: the feed\'s summary is kept; without one the failure is reported', async () => {
  const srv = await fixtureServer();
  const summary = 'Dock workers in Rotterdam voted on Thursday to end a strike of three weeks, the FNV union said in a statement to members.';
  const items: Item[] = [{ id: 'lost', title: 'Strike ends', text: '404', summary }, { id: 'bare', title: 'No summary', text: '404' }];
  newsSite(srv, items);
  servePages(srv, items);
  const { store } = await tempStore();
  try {
    await addFeed(store, `${srv.url}/feed.xml`);
    const [r] = await pollDue(store, LOCAL, Date.now());
    assert.equal(r.fromSummary, 1);
    assert.equal(r.inserted, 1);
    assert.equal(r.failed.length, 1);
    assert.match(r.failed[0].error, /HTTP 404/);
    const [a] = await store.listArticles();
    assert.match(a.text, /voted on Thursday to end a strike/);
    assert.equal(a.url, `${srv.url}/news/lost`);
  } finally {
    await store.close();
    await srv.close();
  }
});

test(here + 'errors back off exponentially; 410 stops polling; Retry-After is honoured; hostile feeds are errors', async () => {
  const srv = await fixtureServer();
  srv.routes.set('/hostile.xml', (_q, r) => { r.writeHead(200, { 'content-type': 'application/rss+xml' }); r.end(readFileSync(new URL('../fixtures/feeds/billion-laughs.xml', import.meta.url))); });
  srv.routes.set('/gone.xml', (_q, r) => { r.writeHead(410); r.end(); });
  srv.routes.set('/busy.xml', (_q, r) => { r.writeHead(429, { 'retry-after': '7200' }); r.end(); });
  srv.routes.set('/html.xml', (_q, r) => { r.writeHead(200, { 'content-type': 'text/html' }); r.end('<!doctype html><html><body>a page</body></html>'); });
  const { store } = await tempStore();
  try {
    for (const p of ['/hostile.xml', '/gone.xml', '/busy.xml', '/html.xml']) await addFeed(store, `${srv.url}${p}`);
    const t = Date.now();
    const reports = await pollDue(store, { ...LOCAL, retries: 0 }, t);
    const by = (p: string) => reports.find((r) => r.url.endsWith(p))!;
    assert.equal(by('/hostile.xml').status, 'error');
    assert.match(by('/hostile.xml').error!, /refused: the XML declares entities/);
    assert.equal(by('/html.xml').status, 'error');
    assert.match(by('/html.xml').error!, /not a feed \(an HTML page\)/);
    assert.equal(by('/gone.xml').status, 'gone');
    assert.equal(by('/gone.xml').nextPoll, null);
    assert.equal(by('/busy.xml').nextPoll, t + 7200_000, 'Retry-After beyond the backoff is honoured');
    assert.equal(by('/hostile.xml').nextPoll, t + DEFAULT_SCHEDULE.minIntervalMs);
    // The second error in a row waits twice as long; the gone feed is not polled again.
    const second = await pollDue(store, { ...LOCAL, retries: 0 }, t + 3 * HOUR);
    assert.ok(!second.some((r) => r.url.endsWith('/gone.xml')));
    assert.equal(second.find((r) => r.url.endsWith('/hostile.xml'))!.nextPoll, t + 3 * HOUR + 2 * DEFAULT_SCHEDULE.minIntervalMs);
    const hostile = (await listFeeds(store)).find((f) => f.url.endsWith('/hostile.xml'))!;
    assert.equal(hostile.errors, 2);
  } finally {
    await store.close();
    await srv.close();
  }
});

test(here + 'state survives a restart: validators and seen items come back from the store', async () => {
  const srv = await fixtureServer();
  const site = newsSite(srv, [{ ...STRIKE }]);
  servePages(srv, [STRIKE]);
  const { path, store } = await tempStore();
  await addFeed(store, `${srv.url}/feed.xml`);
  assert.equal(await addFeed(store, `${srv.url}/feed.xml#top`), false, 'the same feed is followed once');
  const t = Date.now();
  await pollDue(store, LOCAL, t);
  await store.close();
  const reopened = await openSqliteStore(path);
  try {
    const [state] = await listFeeds(reopened);
    assert.equal(state.etag, '"v1"');
    assert.equal(state.seen.length, 1);
    const feedBefore = site.feedRequests();
    const [r] = await pollDue(reopened, LOCAL, t + HOUR);
    assert.equal(r.status, 'unchanged');
    assert.equal(site.feedRequests(), feedBefore + 1);
    assert.equal(await removeFeed(reopened, `${srv.url}/feed.xml`), true);
    assert.deepEqual(await listFeeds(reopened), []);
    assert.equal(await removeFeed(reopened, `${srv.url}/feed.xml`), false);
  } finally {
    await reopened.close();
    await srv.close();
  }
});

test(here + 'schedule: TTL, max-age and Expires within bounds; skip hours and days; backoff', () => {
  const now = Date.parse('2025-03-14T10:00:00Z'); // a Friday
  const s = DEFAULT_SCHEDULE;
  const rows: [number | null, Record<string, string>, number][] = [
    [null, {}, s.defaultIntervalMs],
    [60, {}, HOUR],
    [null, { 'cache-control': 'public, max-age=1800' }, 1800_000],
    [null, { 'cache-control': 'max-age=10' }, s.minIntervalMs],
    [null, { 'cache-control': 'max-age=999999' }, s.maxIntervalMs],
    [30, { 'cache-control': 'max-age=7200' }, 7200_000],
    [null, { expires: 'Fri, 14 Mar 2025 12:00:00 GMT', date: 'Fri, 14 Mar 2025 10:00:00 GMT' }, 2 * HOUR],
    [null, { expires: '0' }, s.defaultIntervalMs],
  ];
  for (const [ttl, headers, want] of rows) assert.equal(nextInterval(ttl, headers, s, now), want, JSON.stringify([ttl, headers]));
  assert.equal(freshnessMs({ expires: '-1' }, now), 0);
  assert.equal(outsideSkips(now, [10, 11], []), Date.parse('2025-03-14T12:00:00Z'));
  assert.equal(outsideSkips(now, [], [5]), Date.parse('2025-03-15T00:00:00Z'), 'Friday skipped');
  assert.equal(outsideSkips(now, [0], [5, 6]), Date.parse('2025-03-16T01:00:00Z'));
  assert.equal(outsideSkips(now, Array.from({ length: 24 }, (_, h) => h), []), now, 'a feed that skips every hour is polled anyway');
  assert.deepEqual([1, 2, 3, 4].map((n) => backoffMs(n, s) / s.minIntervalMs), [1, 2, 4, 8]);
  assert.equal(backoffMs(50, s), s.maxBackoffMs);
});

test(here + 'watch: one round with once; an abort stops a long watch and leaves the poll to be redone', async () => {
  const srv = await fixtureServer();
  newsSite(srv, [{ ...STRIKE }]);
  servePages(srv, [STRIKE]);
  srv.routes.set('/stuck.xml', () => { /* never answers */ });
  const { store } = await tempStore();
  try {
    await addFeed(store, `${srv.url}/feed.xml`);
    const lines: PollReport[] = [];
    await watch(store, { ...LOCAL, once: true, log: (r) => lines.push(r) });
    assert.equal(lines.length, 1);
    assert.equal(lines[0].inserted, 1);
    await addFeed(store, `${srv.url}/stuck.xml`);
    const ac = new AbortController();
    const t0 = Date.now();
    setTimeout(() => ac.abort(), 300);
    await watch(store, { ...LOCAL, signal: ac.signal, log: (r) => lines.push(r) });
    assert.ok(Date.now() - t0 < 5000, 'the watch ends soon after the abort');
    assert.equal(lines.at(-1)!.status, 'aborted');
    const stuck = (await listFeeds(store)).find((f) => f.url.endsWith('/stuck.xml'))!;
    assert.equal(stuck.nextPoll, 0, 'an aborted poll is redone at the next start');
    assert.equal(stuck.errors, 0);
  } finally {
    await store.close();
    await srv.close();
  }
});

test(here + 'more new items than one poll takes: the rest come in the next poll, soon, without a 304 hiding them', async () => {
  const srv = await fixtureServer();
  const items: Item[] = [STRIKE, BACK, { ...STRIKE, id: 'a3', title: 'Strike over, ships move' }];
  newsSite(srv, items);
  servePages(srv, items);
  const { store } = await tempStore();
  try {
    await addFeed(store, `${srv.url}/feed.xml`);
    const t = Date.now();
    const [first] = await pollDue(store, { ...LOCAL, maxItemsPerPoll: 2 }, t);
    assert.equal(first.newItems, 2);
    assert.equal(first.nextPoll, t + DEFAULT_SCHEDULE.minIntervalMs);
    assert.equal((await listFeeds(store))[0].etag, null);
    const [second] = await pollDue(store, { ...LOCAL, maxItemsPerPoll: 2 }, t + DEFAULT_SCHEDULE.minIntervalMs);
    assert.equal(second.status, 'updated');
    assert.equal(second.newItems, 1);
    assert.equal((await listFeeds(store))[0].etag, '"v1"');
  } finally {
    await store.close();
    await srv.close();
  }
});

test(here + 'a feed that moved for good (301) is followed at its new address; a temporary move (302) is not', async () => {
  const srv = await fixtureServer();
  newsSite(srv, [{ ...STRIKE }], '/new-feed.xml');
  servePages(srv, [STRIKE]);
  srv.routes.set('/old-feed.xml', (_q, r) => { r.writeHead(301, { location: '/new-feed.xml' }); r.end(); });
  srv.routes.set('/elsewhere.xml', (_q, r) => { r.writeHead(302, { location: '/new-feed.xml' }); r.end(); });
  const { store } = await tempStore();
  try {
    await addFeed(store, `${srv.url}/old-feed.xml`);
    const [r] = await pollDue(store, LOCAL, Date.now());
    assert.equal(r.url, `${srv.url}/new-feed.xml`);
    assert.equal(r.inserted, 1);
    const feeds = await listFeeds(store);
    assert.deepEqual(feeds.map((f) => [f.url, f.movedFrom]), [[`${srv.url}/new-feed.xml`, `${srv.url}/old-feed.xml`]]);
    assert.equal(feeds[0].etag, '"v1"');
    await addFeed(store, `${srv.url}/elsewhere.xml`);
    await pollDue(store, LOCAL, Date.now());
    assert.deepEqual((await listFeeds(store)).map((f) => f.url).sort(), [`${srv.url}/elsewhere.xml`, `${srv.url}/new-feed.xml`]);
  } finally {
    await store.close();
    await srv.close();
  }
});
