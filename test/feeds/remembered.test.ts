// A feed on the local network, followed as a user would: `feeds add --allow-private` is
// remembered for that feed (and for its host only); `watch --once` polls every feed whatever its
// backoff and says what it did; a long watch with nothing due says when the next feed is.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addFeed, listFeeds, pollDue, watch, feedsToPoll, type FeedState } from '../../src/pipeline/watch.js';
import { openSqliteStore } from '../../src/store/sqlite.js';
import { fixtureServer, page, type FixtureServer } from './server.js';
import { cliRun } from '../cli/helpers.js';

const here = '[feeds-remembered] ';

const run = cliRun;

const FERRY = 'The island ferry resumed its crossings on Monday after a week of storms, the harbour office said.\nTickets bought for cancelled crossings will be refunded, a spokeswoman for the operator said.';

let srv: FixtureServer;
let dir: string;

before(async () => {
  srv = await fixtureServer();
  dir = mkdtempSync(join(tmpdir(), 'parallax-remembered-'));
  srv.routes.set('/robots.txt', (_q, r) => { r.writeHead(404); r.end(); });
  const feed = (items: string) => `<rss version="2.0"><channel><title>Harbour News</title><link>${srv.url}/</link><description>d</description>${items}</channel></rss>`;
  srv.routes.set('/feed.xml', (_q, r) => {
    r.writeHead(200, { 'content-type': 'application/rss+xml' });
    r.end(feed(`<item><title>Ferry sails again</title><link>${srv.url}/news/f1</link><guid>f1</guid></item>`));
  });
  // An item on another host of the local network (127.0.0.2 is loopback too): not the feed's host.
  srv.routes.set('/elsewhere.xml', (_q, r) => {
    r.writeHead(200, { 'content-type': 'application/rss+xml' });
    r.end(feed(`<item><title>Ferry sails again</title><link>http://127.0.0.2:${srv.port}/news/f1</link><guid>f2</guid></item>`));
  });
  srv.routes.set('/news/f1', (_q, r) => { r.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }); r.end(page('Ferry sails again', FERRY)); });
});
after(async () => {
  await srv.close();
});

test(here + 'feeds add --allow-private is remembered: a later watch --once without the flag stores the feed\'s items', async () => {
  const db = join(dir, 'a.db');
  const add = await run(['feeds', 'add', `${srv.url}/feed.xml`, '--allow-private', '--db', db]);
  assert.equal(add.code, 0, add.stderr);
  const w = await run(['watch', '--once', '--db', db]);
  assert.equal(w.code, 0, w.stderr);
  assert.match(w.stdout, /feed\.xml updated/);
  assert.match(w.stdout, /polled 1 feed \(1 updated\); articles stored: 1 new, 0 updated; next feed due in \d+ min/);
  // Said again in a second round: nothing new, and it says so.
  const again = await run(['watch', '--once', '--db', db]);
  assert.equal(again.code, 0, again.stderr);
  assert.match(again.stdout, /polled 1 feed \(1 (?:not modified|updated)\); articles stored: 0 new, 0 updated/);
});

test(here + 'a refused poll says how to allow the feed; --once after it polls despite the backoff, and says what it did', async () => {
  const db = join(dir, 'b.db');
  const add = await run(['feeds', 'add', `${srv.url}/feed.xml`, '--no-check', '--db', db]);
  assert.equal(add.code, 0, add.stderr);
  const refused = await run(['watch', '--once', '--db', db]);
  assert.equal(refused.code, 1);
  assert.match(refused.stdout, /refused: 127\.0\.0\.1 is a private address \(to allow it for this feed: parallax feeds add --allow-private http:\/\/127\.0\.0\.1:\d+\/feed\.xml\)/);
  assert.match(refused.stdout, /polled 1 feed \(1 failed\); articles stored: 0 new/);
  // The failure set a backoff; an explicit single round tries the feed anyway.
  const w = await run(['watch', '--once', '--allow-private', '--db', db]);
  assert.equal(w.code, 0, w.stderr);
  assert.match(w.stdout, /feed\.xml updated/);
  assert.match(w.stdout, /articles stored: 1 new/);
  const store = await openSqliteStore(db);
  try {
    assert.equal((await store.listArticles({ limit: 10 })).length, 1);
  } finally {
    await store.close();
  }
  // Re-adding with the flag remembers it for the feed followed already.
  const readd = await run(['feeds', 'add', `${srv.url}/feed.xml`, '--no-check', '--allow-private', '--db', db]);
  assert.match(readd.stdout, /already followed: .*private addresses allowed/);
  const later = await run(['watch', '--once', '--db', db]);
  assert.equal(later.code, 0, later.stdout + later.stderr);
});

test(here + 'the remembered permission covers the feed\'s own host only: an item on another private address is refused', async () => {
  const store = await openSqliteStore(join(dir, 'c.db'));
  try {
    await addFeed(store, `${srv.url}/elsewhere.xml`, null, { allowPrivate: true });
    const [r] = await pollDue(store, { hostDelayMs: 0 }, Date.now());
    assert.equal(r.status, 'updated', r.error);
    assert.equal(r.inserted, 0);
    assert.equal(r.failed.length, 1);
    assert.match(r.failed[0].error, /127\.0\.0\.2 is a private address/);
  } finally {
    await store.close();
  }
});

test(here + 'a long watch with nothing due says when the next feed is; --once skips only gone feeds and those asked to wait, saying so', async () => {
  const store = await openSqliteStore(join(dir, 'd.db'));
  try {
    await addFeed(store, `${srv.url}/feed.xml`, null, { allowPrivate: true });
    await pollDue(store, { hostDelayMs: 0 }, Date.now());
    const notes: string[] = [];
    const ac = new AbortController();
    await watch(store, { hostDelayMs: 0, signal: ac.signal, log: () => assert.fail('nothing is due'), note: (line) => { notes.push(line); ac.abort(); } });
    assert.equal(notes.length, 1);
    assert.match(notes[0], /^nothing due: next feed due in \d+ min$/);
  } finally {
    await store.close();
  }
  const now = Date.parse('2025-05-01T10:00:00Z');
  const base: FeedState = { url: 'https://news.example/a.xml', title: null, etag: null, lastModified: null, nextPoll: now + 3600_000, errors: 2, lastError: 'HTTP 503', seen: [], added: '2025-05-01' };
  const feeds: FeedState[] = [
    base,
    { ...base, url: 'https://news.example/b.xml', retryUntil: now + 7200_000 },
    { ...base, url: 'https://news.example/c.xml', gone: true, nextPoll: null },
    { ...base, url: 'https://news.example/d.xml', nextPoll: now - 1 },
  ];
  assert.deepEqual(feedsToPoll(feeds, now).due.map((f) => f.url), ['https://news.example/d.xml'], 'on their schedules: the due one');
  const every = feedsToPoll(feeds, now, true);
  assert.deepEqual(every.due.map((f) => f.url), ['https://news.example/a.xml', 'https://news.example/d.xml']);
  assert.deepEqual(every.skipped.map((s) => [s.url, s.reason]), [
    ['https://news.example/b.xml', 'the server asked to wait (Retry-After) until 2025-05-01T12:00Z'],
    ['https://news.example/c.xml', 'gone (the server answered 410), not polled again'],
  ]);
  assert.ok((await listFeedsOf(join(dir, 'd.db'))).every((f) => f.allowPrivate));
});

async function listFeedsOf(path: string) {
  const store = await openSqliteStore(path);
  try {
    return await listFeeds(store);
  } finally {
    await store.close();
  }
}
