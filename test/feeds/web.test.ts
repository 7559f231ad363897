import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { isPrivateAddress } from '../../src/ingest/web/address.js';
import { fetchUrl } from '../../src/ingest/web/http.js';
import { parseFeedText, parseOpmlText } from '../../src/ingest/web/feeds.js';
import { fetchPage } from '../../src/ingest/web/pages.js';
import { addFeed, listFeeds, pollDue } from '../../src/ingest/web/watch.js';
import { ingestWarc } from '../../src/ingest/web/warc.js';
import { openSqliteStore } from '../../src/store/sqlite.js';
import { fixtureServer, page } from './server.js';

const here = '[web-ingest] ';
const LOCAL = ['127.0.0.1'];
const fast = { allowPrivate: LOCAL, hostDelayMs: 0, retries: 2 } as const;

const ADDRESSES: [string, boolean][] = [
  ['127.0.0.1', true], ['127.8.9.10', true], ['10.1.2.3', true], ['172.16.0.1', true], ['172.31.255.255', true], ['172.32.0.1', false],
  ['192.168.1.1', true], ['169.254.169.254', true], ['100.64.0.1', true], ['0.0.0.0', true], ['224.0.0.1', true], ['255.255.255.255', true],
  ['8.8.8.8', false], ['151.101.1.69', false], ['::1', true], ['::', true], ['::ffff:127.0.0.1', true], ['::ffff:7f00:1', true],
  ['::ffff:8.8.8.8', false], ['fe80::1', true], ['fd00::1', true], ['fc12:3456::1', true], ['2001:db8::1', true], ['2a00:1450:4001::200e', false],
  ['64:ff9b::a9fe:a9fe', true], ['not-an-ip', true],
];
for (const [ip, want] of ADDRESSES) test(here + `address ${ip} is ${want ? 'private' : 'public'}`, () => assert.equal(isPrivateAddress(ip), want));

test(here + 'the machine\'s own network is refused unless allowed, also through a redirect', async () => {
  const srv = await fixtureServer();
  srv.routes.set('/ok', (_q, r) => { r.writeHead(200, { 'content-type': 'text/plain' }); r.end('hello'); });
  srv.routes.set('/to-metadata', (_q, r) => { r.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data/' }); r.end(); });
  srv.routes.set('/to-v6-loopback', (_q, r) => { r.writeHead(301, { location: `http://[::1]:1/` }); r.end(); });
  try {
    await assert.rejects(fetchUrl(`${srv.url}/ok`, { hostDelayMs: 0 }), /refused: 127\.0\.0\.1 is a private address/);
    await assert.rejects(fetchUrl(`http://localhost:${new URL(srv.url).port}/ok`, { hostDelayMs: 0 }), /refused: localhost resolves to the private address/);
    assert.equal((await fetchUrl(`${srv.url}/ok`, fast)).body.toString(), 'hello');
    await assert.rejects(fetchUrl(`${srv.url}/to-metadata`, fast), /169\.254\.169\.254 is a private address/);
    await assert.rejects(fetchUrl(`${srv.url}/to-v6-loopback`, fast), /::1 is a private address/);
    await assert.rejects(fetchUrl('file:///etc/passwd', fast), /unsupported scheme|not a URL/);
  } finally {
    await srv.close();
  }
});

test(here + 'redirect loops, error statuses, retries, size caps and compression', async () => {
  const srv = await fixtureServer();
  let flaky = 0;
  srv.routes.set('/loop-a', (_q, r) => { r.writeHead(302, { location: '/loop-b' }); r.end(); });
  srv.routes.set('/loop-b', (_q, r) => { r.writeHead(302, { location: '/loop-a' }); r.end(); });
  srv.routes.set('/gone', (_q, r) => { r.writeHead(410); r.end(); });
  srv.routes.set('/flaky', (_q, r) => { if (flaky++ < 2) { r.writeHead(503, { 'retry-after': '0' }); r.end(); } else { r.writeHead(200); r.end('finally'); } });
  srv.routes.set('/busy', (_q, r) => { r.writeHead(429, { 'retry-after': '0' }); r.end(); });
  srv.routes.set('/huge', (_q, r) => { r.writeHead(200, { 'content-type': 'text/html' }); r.end('x'.repeat(3_000_000)); });
  srv.routes.set('/bomb', (_q, r) => { r.writeHead(200, { 'content-encoding': 'gzip' }); r.end(gzipSync(Buffer.alloc(20_000_000))); });
  srv.routes.set('/gz', (_q, r) => { r.writeHead(200, { 'content-encoding': 'gzip' }); r.end(gzipSync('compressed text')); });
  srv.routes.set('/slow', (_q, r) => { setTimeout(() => { r.writeHead(200); r.end('late'); }, 3000); });
  try {
    await assert.rejects(fetchUrl(`${srv.url}/loop-a`, fast), /redirect loop/);
    await assert.rejects(fetchUrl(`${srv.url}/gone`, fast), /HTTP 410/);
    assert.equal((await fetchUrl(`${srv.url}/flaky`, fast)).body.toString(), 'finally');
    await assert.rejects(fetchUrl(`${srv.url}/busy`, fast), /HTTP 429/);
    assert.equal(srv.hits.filter((h) => h === '/busy').length, 3, '429 is retried twice, then given up');
    await assert.rejects(fetchUrl(`${srv.url}/huge`, { ...fast, maxBytes: 1_000_000 }), /too large/);
    await assert.rejects(fetchUrl(`${srv.url}/bomb`, { ...fast, maxBytes: 1_000_000 }), /too large/);
    assert.equal((await fetchUrl(`${srv.url}/gz`, fast)).body.toString(), 'compressed text');
    await assert.rejects(fetchUrl(`${srv.url}/slow`, { ...fast, totalTimeoutMs: 500 }), /timed out/);
  } finally {
    await srv.close();
  }
});

test(here + 'feeds of every format parse to one shape; hostile XML is refused', () => {
  const rss = parseFeedText('<?xml version="1.0"?><rss version="2.0"><channel><title>T</title><ttl>30</ttl><skipHours><hour>3</hour></skipHours><item><title>A</title><link>http://x.example/a</link><guid>g1</guid><pubDate>Tue, 03 Dec 2024 10:00:00 GMT</pubDate><description>Sum</description></item></channel></rss>');
  const { version: _v, updated: _u, author: _a, ...first } = rss.items[0];
  assert.deepEqual(first, { key: 'g1', url: 'http://x.example/a', title: 'A', published: '2024-12-03T10:00:00.000Z', summary: 'Sum' });
  assert.equal(rss.ttlMinutes, 30);
  const atom = parseFeedText('<feed xmlns="http://www.w3.org/2005/Atom"><title>T</title><entry><id>e1</id><title>B</title><link href="http://x.example/b"/><updated>2024-12-03T10:00:00Z</updated><summary>S</summary></entry></feed>');
  assert.equal(atom.items[0].url, 'http://x.example/b');
  const rdf = parseFeedText('<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"><channel rdf:about="http://x.example/"><title>R</title><link>http://x.example/</link><description>d</description></channel><item rdf:about="http://x.example/c"><title>C</title><link>http://x.example/c</link></item></rdf:RDF>');
  assert.equal(rdf.items[0].url, 'http://x.example/c');
  const json = parseFeedText(JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', title: 'J', items: [{ id: 'j1', url: 'http://x.example/j', title: 'J1', content_text: 'hello' }] }));
  assert.equal(json.items[0].key, 'j1');
  const laughs = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">${Array.from({ length: 8 }, (_, i) => `<!ENTITY lol${i + 3} "${`&lol${i + 2};`.repeat(10)}">`).join('')}]><rss version="2.0"><channel><title>&lol9;</title></channel></rss>`;
  const before = process.memoryUsage().heapUsed;
  assert.throws(() => parseFeedText(laughs), /declares entities/);
  assert.ok(process.memoryUsage().heapUsed - before < 50_000_000);
  assert.throws(() => parseFeedText('<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><rss><channel><title>&x;</title></channel></rss>'), /declares entities/);
  assert.throws(() => parseFeedText('<html><body>not a feed</body></html>'), /not a feed/);
  assert.deepEqual(parseOpmlText('<opml version="2.0"><body><outline text="News"><outline text="a" xmlUrl="http://x.example/feed"/></outline></body></opml>'), [{ url: 'http://x.example/feed', title: 'a' }]);
});

test(here + 'robots.txt is honoured unless told otherwise', async () => {
  const srv = await fixtureServer();
  srv.routes.set('/robots.txt', (_q, r) => { r.writeHead(200, { 'content-type': 'text/plain' }); r.end('User-agent: *\nDisallow: /private/\n'); });
  srv.routes.set('/private/a', (_q, r) => { r.writeHead(200, { 'content-type': 'text/html' }); r.end(page('Secret', 'Hidden text of a page that robots.txt keeps out.')); });
  try {
    const refused = await fetchPage(`${srv.url}/private/a`, {}, fast);
    assert.ok(!refused.ok && /robots\.txt/.test(refused.error));
    const allowed = await fetchPage(`${srv.url}/private/a`, {}, { ...fast, ignoreRobots: true });
    assert.ok(allowed.ok);
  } finally {
    await srv.close();
  }
});

test(here + 'watch picks up new items as they appear, costs one 304 when nothing changed, and updates the story', async () => {
  const srv = await fixtureServer();
  const items = [{ id: 'a1', title: 'Port strike ends after three weeks', text: 'Dock workers in Rotterdam voted on Thursday to end a strike of three weeks, the FNV union said.\nThe agreement raises wages by six percent over two years, union leader Niek Stam said.' }];
  let etag = '"v1"';
  srv.routes.set('/feed.xml', (q, r) => {
    if (q.headers['if-none-match'] === etag) { r.writeHead(304); r.end(); return; }
    r.writeHead(200, { 'content-type': 'application/rss+xml', etag });
    r.end(`<?xml version="1.0"?><rss version="2.0"><channel><title>Test Herald</title>${items.map((i) => `<item><title>${i.title}</title><link>${srv.url}/news/${i.id}</link><guid>${i.id}</guid><pubDate>Fri, 14 Mar 2025 09:00:00 GMT</pubDate><description>${i.title}</description></item>`).join('')}</channel></rss>`);
  });
  srv.routes.set('/robots.txt', (_q, r) => { r.writeHead(404); r.end(); });
  for (const id of ['a1', 'a2']) srv.routes.set(`/news/${id}`, (_q, r) => { const it = items.find((i) => i.id === id)!; r.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }); r.end(page(it.title, it.text)); });
  const store = await openSqliteStore(join(mkdtempSync(join(tmpdir(), 'parallax-watch-')), 'w.db'));
  try {
    await addFeed(store, `${srv.url}/feed.xml`);
    let t = Date.now();
    const [first] = await pollDue(store, fast, t);
    assert.equal(first.status, 'updated');
    assert.equal(first.inserted, 1);
    const [again] = await pollDue(store, fast, (t += 3600_000));
    assert.equal(again.status, 'unchanged');
    items.push({ id: 'a2', title: 'Dockers back at work in Rotterdam', text: 'Dock workers in Rotterdam returned to work on Friday after the FNV union ended the strike, the port said.\nShips waiting at anchor began to enter the harbour, the port authority said.' });
    etag = '"v2"';
    const [third] = await pollDue(store, fast, (t += 3600_000));
    assert.equal(third.newItems, 1);
    assert.equal(third.inserted, 1);
    assert.equal(await store.countArticles(), 2);
    const stories = await store.listStories();
    assert.equal(stories[0].articleCount, 2, 'the new item joined the story');
    const [state] = await listFeeds(store);
    assert.equal(state.etag, '"v2"');
    assert.ok(state.nextPoll > t);
  } finally {
    await store.close();
    await srv.close();
  }
});

test(here + 'a WARC archive is read record by record: HTML responses in, the rest skipped, truncation reported', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'parallax-warc-'));
  const record = (type: string, uri: string, http: string) => {
    const body = Buffer.from(http);
    return Buffer.concat([Buffer.from(`WARC/1.0\r\nWARC-Type: ${type}\r\nWARC-Target-URI: ${uri}\r\nWARC-Date: 2025-03-14T10:00:00Z\r\nWARC-Record-ID: <urn:uuid:${Math.random().toString(16).slice(2)}>\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: ${body.length}\r\n\r\n`), body, Buffer.from('\r\n\r\n')]);
  };
  const html = page('Harbour strike ends', 'Dock workers in Rotterdam voted on Thursday to end their strike, the union said.\nThe deal raises wages by six percent over two years.');
  const parts = [
    record('response', 'https://news.example/strike', `HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n${html}`),
    record('response', 'https://news.example/logo.png', 'HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n\r\n\x89PNG...'),
    record('request', 'https://news.example/strike', 'GET /strike HTTP/1.1\r\n\r\n'),
  ];
  const truncated = record('response', 'https://news.example/cut', `HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n${html}`).subarray(0, 120);
  const file = join(dir, 'test.warc.gz');
  writeFileSync(file, Buffer.concat([...parts.map((p) => gzipSync(p)), gzipSync(truncated)]));
  const store = await openSqliteStore(join(dir, 'warc.db'));
  try {
    const s = await ingestWarc(store, file);
    assert.equal(s.html, 1);
    assert.equal(s.inserted, 1);
    assert.ok(s.failed.some((f) => /truncated|malformed/.test(f.error)), JSON.stringify(s.failed));
    const [a] = await store.listArticles();
    assert.equal(a.url, 'https://news.example/strike');
    assert.equal(a.title, 'Harbour strike ends');
  } finally {
    await store.close();
  }
});
