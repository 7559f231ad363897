import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import { fetchUrl, retryAfterMs, USER_AGENT, FetchError } from '../../src/ingest/web/http.js';
import { decodeBody } from '../../src/ingest/web/charset.js';
import { fetchPage, urlId, normaliseUrl, canonicalOf } from '../../src/ingest/web/pages.js';
import { fixtureServer, page, LOCAL, type FixtureServer } from './server.js';

const here = '[web-http] ';
let srv: FixtureServer;
before(async () => {
  srv = await fixtureServer();
});
after(async () => {
  await srv.close();
});

const ok = (body: string | Buffer, headers: Record<string, string> = { 'content-type': 'text/plain' }) => (_q: unknown, r: import('node:http').ServerResponse) => {
  r.writeHead(200, headers);
  r.end(body);
};

test(here + 'the machine\'s own network is refused unless allowed, after DNS and on every redirect', async () => {
  srv.routes.set('/ok', ok('hello'));
  srv.routes.set('/to-metadata', (_q, r) => { r.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data/' }); r.end(); });
  srv.routes.set('/to-v6-loopback', (_q, r) => { r.writeHead(301, { location: 'http://[::1]:1/' }); r.end(); });
  srv.routes.set('/to-mapped', (_q, r) => { r.writeHead(307, { location: 'http://[::ffff:127.0.0.1]:1/' }); r.end(); });
  srv.routes.set('/to-localhost', (_q, r) => { r.writeHead(308, { location: `http://localhost:${srv.port}/ok` }); r.end(); });
  const before = srv.hits.length;
  // Refused before any connection is made: the test server sees nothing.
  await assert.rejects(fetchUrl(`${srv.url}/ok`, { hostDelayMs: 0 }), /refused: 127\.0\.0\.1 is a private address/);
  await assert.rejects(fetchUrl(`http://localhost:${srv.port}/ok`, { hostDelayMs: 0 }), /refused: localhost resolves to the private address/);
  await assert.rejects(fetchUrl(`http://[::ffff:127.0.0.1]:${srv.port}/ok`, { hostDelayMs: 0 }), /private address/);
  await assert.rejects(fetchUrl(`http://0x7f.1:${srv.port}/ok`, { hostDelayMs: 0 }), /private address/);
  assert.equal(srv.hits.length, before, 'no request reached the server');
  assert.equal((await fetchUrl(`${srv.url}/ok`, LOCAL)).body.toString(), 'hello');
  // Allowed to reach 127.0.0.1 only: a redirect elsewhere on the private network is refused.
  await assert.rejects(fetchUrl(`${srv.url}/to-metadata`, LOCAL), /169\.254\.169\.254 is a private address/);
  await assert.rejects(fetchUrl(`${srv.url}/to-v6-loopback`, LOCAL), /::1 is a private address/);
  await assert.rejects(fetchUrl(`${srv.url}/to-mapped`, LOCAL), /private address/);
  await assert.rejects(fetchUrl(`${srv.url}/to-localhost`, { ...LOCAL, allowPrivate: [] }), /private address/);
  await assert.rejects(fetchUrl(`http://2130706433:${srv.port}/ok`, { hostDelayMs: 0 }), /127\.0\.0\.1 is a private address/);
  // A connection pooled while 127.0.0.1 was allowed is not reused by a fetch that forbids it.
  await assert.rejects(fetchUrl(`${srv.url}/ok`, { hostDelayMs: 0 }), /private address/);
  for (const bad of ['file:///etc/passwd', 'ftp://x.example/', 'gopher://x.example/', 'not a url']) await assert.rejects(fetchUrl(bad, LOCAL), /unsupported scheme|not a URL/);
  await assert.rejects(fetchUrl(`http://user:pw@127.0.0.1:${srv.port}/ok`, LOCAL), /credentials/);
});

test(here + 'redirects are followed up to a limit, loops and dead ends detected', async () => {
  srv.routes.set('/loop-a', (_q, r) => { r.writeHead(302, { location: '/loop-b' }); r.end(); });
  srv.routes.set('/loop-b', (_q, r) => { r.writeHead(302, { location: '/loop-a' }); r.end(); });
  srv.routes.set('/no-location', (_q, r) => { r.writeHead(302); r.end(); });
  for (let i = 0; i < 8; i++) srv.routes.set(`/hop${i}`, (_q, r) => { r.writeHead(301, { location: `/hop${i + 1}` }); r.end('moved'); });
  srv.routes.set('/hop8', ok('arrived'));
  await assert.rejects(fetchUrl(`${srv.url}/loop-a`, LOCAL), /redirect loop/);
  await assert.rejects(fetchUrl(`${srv.url}/no-location`, LOCAL), /302 without a Location/);
  await assert.rejects(fetchUrl(`${srv.url}/hop0`, LOCAL), /more than 5 redirects/);
  const res = await fetchUrl(`${srv.url}/hop3`, LOCAL);
  assert.equal(res.body.toString(), 'arrived');
  assert.equal(res.url, `${srv.url}/hop8`);
  assert.equal(res.redirects.length, 5);
});

test(here + 'error statuses fail; 429 and 5xx are retried with backoff, honouring Retry-After; others are not', async () => {
  let flaky = 0;
  srv.routes.set('/gone', (_q, r) => { r.writeHead(410); r.end(); });
  srv.routes.set('/missing', (_q, r) => { r.writeHead(404); r.end('x'.repeat(500_000)); });
  srv.routes.set('/forbidden', (_q, r) => { r.writeHead(403); r.end(); });
  srv.routes.set('/flaky', (_q, r) => { if (flaky++ < 2) { r.writeHead(503, { 'retry-after': '0' }); r.end(); } else ok('finally')(_q, r); });
  srv.routes.set('/busy', (_q, r) => { r.writeHead(429, { 'retry-after': '0' }); r.end(); });
  srv.routes.set('/later', (_q, r) => { r.writeHead(503, { 'retry-after': '3600' }); r.end(); });
  srv.routes.set('/broken', (_q, r) => { r.writeHead(500); r.end(); });
  const count = (p: string) => srv.hits.filter((h) => h === p).length;
  await assert.rejects(fetchUrl(`${srv.url}/gone`, LOCAL), (e: FetchError) => e.status === 410 && /HTTP 410/.test(e.message));
  await assert.rejects(fetchUrl(`${srv.url}/missing`, LOCAL), /HTTP 404/);
  await assert.rejects(fetchUrl(`${srv.url}/forbidden`, LOCAL), /HTTP 403/);
  assert.equal(count('/gone') + count('/missing') + count('/forbidden'), 3, '4xx other than 429 is not retried');
  assert.equal((await fetchUrl(`${srv.url}/flaky`, LOCAL)).body.toString(), 'finally');
  await assert.rejects(fetchUrl(`${srv.url}/busy`, LOCAL), /HTTP 429/);
  assert.equal(count('/busy'), 3, '429 is retried twice, then given up');
  const t0 = Date.now();
  await assert.rejects(fetchUrl(`${srv.url}/later`, LOCAL), (e: FetchError) => e.retryAfterMs === 3_600_000 && /come back in 3600 s/.test(e.message));
  assert.ok(Date.now() - t0 < 1000, 'a Retry-After longer than the fetch will wait is not slept through');
  assert.equal(count('/later'), 1);
  const t1 = Date.now();
  await assert.rejects(fetchUrl(`${srv.url}/broken`, { ...LOCAL, retries: 2 }), /HTTP 500/);
  assert.ok(Date.now() - t1 >= 0.75 * (500 + 1000), 'backoff doubles between retries');
  assert.equal(count('/broken'), 3);
});

test(here + 'Retry-After in seconds and as an HTTP date', () => {
  const now = Date.parse('2025-03-14T10:00:00Z');
  const rows: [string | undefined, number | null][] = [['120', 120_000], [' 0 ', 0], ['Fri, 14 Mar 2025 10:01:30 GMT', 90_000], ['Fri, 14 Mar 2025 09:00:00 GMT', 0], ['soon', null], [undefined, null], ['-5', null]];
  for (const [value, want] of rows) assert.equal(retryAfterMs(value, now), want, String(value));
});

test(here + 'size caps hold for declared, streamed and decompressed sizes; every encoding is decoded', async () => {
  srv.routes.set('/huge', ok('x'.repeat(3_000_000), { 'content-type': 'text/html', 'content-length': '3000000' }));
  srv.routes.set('/huge-chunked', (_q, r) => { r.writeHead(200, { 'content-type': 'text/html' }); for (let i = 0; i < 30; i++) r.write('y'.repeat(100_000)); r.end(); });
  srv.routes.set('/bomb', ok(gzipSync(Buffer.alloc(50_000_000)), { 'content-encoding': 'gzip' }));
  srv.routes.set('/br-bomb', ok(brotliCompressSync(Buffer.alloc(50_000_000)), { 'content-encoding': 'br' }));
  srv.routes.set('/gz', ok(gzipSync('compressed text'), { 'content-encoding': 'gzip' }));
  srv.routes.set('/deflate', ok(deflateSync('deflated text'), { 'content-encoding': 'deflate' }));
  srv.routes.set('/br', ok(brotliCompressSync('brotli text'), { 'content-encoding': 'br' }));
  srv.routes.set('/zstd', ok('??', { 'content-encoding': 'zstd' }));
  srv.routes.set('/bad-gzip', ok('not gzip at all', { 'content-encoding': 'gzip' }));
  await assert.rejects(fetchUrl(`${srv.url}/huge`, { ...LOCAL, maxBytes: 1_000_000 }), /too large \(3000000 bytes/);
  await assert.rejects(fetchUrl(`${srv.url}/huge-chunked`, { ...LOCAL, maxBytes: 1_000_000 }), /too large \(over/);
  const m0 = process.memoryUsage().rss;
  await assert.rejects(fetchUrl(`${srv.url}/bomb`, { ...LOCAL, maxBytes: 1_000_000 }), /too large/);
  await assert.rejects(fetchUrl(`${srv.url}/br-bomb`, { ...LOCAL, maxBytes: 1_000_000 }), /too large/);
  assert.ok(process.memoryUsage().rss - m0 < 40_000_000, 'a decompression bomb is stopped before it is inflated');
  assert.equal((await fetchUrl(`${srv.url}/gz`, LOCAL)).body.toString(), 'compressed text');
  assert.equal((await fetchUrl(`${srv.url}/deflate`, LOCAL)).body.toString(), 'deflated text');
  assert.equal((await fetchUrl(`${srv.url}/br`, LOCAL)).body.toString(), 'brotli text');
  await assert.rejects(fetchUrl(`${srv.url}/zstd`, LOCAL), /unsupported content encoding "zstd"/);
  await assert.rejects(fetchUrl(`${srv.url}/bad-gzip`, LOCAL), /unreadable body/);
  assert.match(String(srv.headers.at(-1)?.['accept-encoding']), /gzip.*deflate.*br/);
});

test(here + 'slow servers time out: no answer, and a body that trickles', async () => {
  srv.routes.set('/silent', () => { /* never answers */ });
  srv.routes.set('/drip', (_q, r) => {
    r.writeHead(200, { 'content-type': 'text/plain' });
    const t = setInterval(() => r.write('.'), 100);
    r.on('close', () => clearInterval(t));
  });
  srv.routes.set('/cut', (_q, r) => { r.writeHead(200, { 'content-type': 'text/plain', 'content-length': '1000' }); r.write('only a part'); setTimeout(() => r.destroy(), 50); });
  const t0 = Date.now();
  await assert.rejects(fetchUrl(`${srv.url}/silent`, { ...LOCAL, totalTimeoutMs: 400 }), /timed out/);
  await assert.rejects(fetchUrl(`${srv.url}/drip`, { ...LOCAL, totalTimeoutMs: 600 }), /timed out/);
  assert.ok(Date.now() - t0 < 3000);
  await assert.rejects(fetchUrl(`${srv.url}/cut`, LOCAL), /closed before the body ended/);
  // Nothing listens on port 1 of 127.0.0.1: refused at once, not retried.
  await assert.rejects(fetchUrl('http://127.0.0.1:1/', LOCAL), /connection refused/);
  const ac = new AbortController();
  setTimeout(() => ac.abort(), 100);
  await assert.rejects(fetchUrl(`${srv.url}/silent`, { ...LOCAL, signal: ac.signal }), /aborted/);
});

test(here + 'conditional GET: validators sent, 304 costs no body; an honest User-Agent', async () => {
  srv.routes.set('/cond', (q, r) => {
    if (q.headers['if-none-match'] === '"v1"' || q.headers['if-modified-since'] === 'Fri, 14 Mar 2025 10:00:00 GMT') { r.writeHead(304); r.end(); return; }
    r.writeHead(200, { etag: '"v1"', 'last-modified': 'Fri, 14 Mar 2025 10:00:00 GMT', 'content-type': 'text/plain' });
    r.end('full body');
  });
  const first = await fetchUrl(`${srv.url}/cond`, LOCAL);
  assert.equal(first.notModified, false);
  assert.equal(first.headers.etag, '"v1"');
  const second = await fetchUrl(`${srv.url}/cond`, { ...LOCAL, etag: first.headers.etag });
  assert.equal(second.notModified, true);
  assert.equal(second.body.length, 0);
  assert.equal((await fetchUrl(`${srv.url}/cond`, { ...LOCAL, lastModified: first.headers['last-modified'] })).notModified, true);
  assert.equal(srv.headers.at(-1)?.['user-agent'], 'Parallax/0.1 (+https://github.com/parallax-news/parallax)');
  assert.equal(USER_AGENT, 'Parallax/0.1 (+https://github.com/parallax-news/parallax)');
});

test(here + 'per host: at most N requests at once, and a delay between starts', async () => {
  srv.routes.set('/slowish', (_q, r) => setTimeout(() => ok('done')(_q, r), 150));
  srv.inFlight.max = 0;
  await Promise.all(Array.from({ length: 6 }, () => fetchUrl(`${srv.url}/slowish`, { ...LOCAL, hostConcurrency: 2 })));
  assert.equal(srv.inFlight.max, 2);
  srv.routes.set('/quick', ok('q'));
  const t0 = Date.now();
  await Promise.all(Array.from({ length: 4 }, () => fetchUrl(`${srv.url}/quick`, { ...LOCAL, hostDelayMs: 150, hostConcurrency: 4 })));
  assert.ok(Date.now() - t0 >= 3 * 150 - 20, `four starts 150 ms apart take 450 ms (took ${Date.now() - t0})`);
});

test(here + 'charset: a BOM first, then the header, then the document\'s declaration, then sniffing', () => {
  const latin1 = Buffer.from('<p>café</p>', 'latin1');
  const utf8 = Buffer.from('<p>café</p>', 'utf8');
  const metaLatin = Buffer.concat([Buffer.from('<meta charset="iso-8859-1">'), Buffer.from('<p>café</p>', 'latin1')]);
  const koi8 = Buffer.from([0x3c, 0x70, 0x3e, 0xcd, 0xcf, 0xd3, 0xcb, 0xd7, 0xc1, 0x3c, 0x2f, 0x70, 0x3e]); // <p>Москва</p> in KOI8-R
  const rows: [string, Buffer, string | null, string][] = [
    ['utf-8 without a header', utf8, null, '<p>café</p>'],
    ['latin-1 by its header', latin1, 'text/html; charset=ISO-8859-1', '<p>café</p>'],
    ['latin-1 by its meta tag', metaLatin, 'text/html', 'café'],
    ['the header wins over the meta tag', Buffer.concat([Buffer.from('<meta charset="utf-8">'), koi8]), 'text/html; charset=koi8-r', 'москва'],
    ['a BOM wins over the header', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8]), 'text/html; charset=windows-1252', '<p>café</p>'],
    ['valid UTF-8 wins over a default latin-1 header', utf8, 'text/html; charset=iso-8859-1', '<p>café</p>'],
    ['an unknown header charset falls back to sniffing', utf8, 'text/html; charset=x-nonsense', '<p>café</p>'],
    ['latin-1 bytes without any declaration', latin1, 'text/html', '<p>café</p>'],
  ];
  for (const [name, bytes, type, want] of rows) {
    const d = decodeBody(bytes, type);
    assert.ok('text' in d, name);
    assert.ok(d.text.includes(want), `${name}: ${d.text}`);
  }
  assert.ok('error' in decodeBody(Buffer.from([0, 1, 2, 3, 4, 5, 6, 7, 8, 0, 1, 2, 3, 4, 5, 6, 7, 8]), 'text/html'), 'binary data is refused whatever the header says');
});

test(here + 'pages: wrong content types refused, ids from the canonical URL, tracking parameters ignored', async () => {
  srv.routes.set('/robots.txt', (_q, r) => { r.writeHead(404); r.end(); });
  srv.routes.set('/pdf', ok('%PDF-1.4 binary', { 'content-type': 'application/pdf' }));
  srv.routes.set('/image', ok(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0, 1, 2, 3]), { 'content-type': 'image/png' }));
  srv.routes.set('/feed-not-page', ok('<rss/>', { 'content-type': 'application/rss+xml' }));
  srv.routes.set('/binary-as-html', ok(Buffer.from(Array.from({ length: 400 }, (_, i) => i % 7)), { 'content-type': 'text/html' }));
  srv.routes.set('/empty', ok('', { 'content-type': 'text/html' }));
  const html = page('Strike ends', 'Dock workers voted to end the strike.', `<link rel="canonical" href="${srv.url}/news/strike">`);
  srv.routes.set('/news/strike', ok(html, { 'content-type': 'text/html; charset=utf-8' }));
  srv.routes.set('/amp/strike', ok(html, { 'content-type': 'text/html; charset=utf-8' }));
  srv.routes.set('/thief', ok(page('Thief', 'Text.', '<link rel="canonical" href="https://other.example/news/strike">'), { 'content-type': 'text/html' }));
  const errors: [string, RegExp][] = [['/pdf', /not a web page \(application\/pdf\)/], ['/image', /not a web page \(image\/png\)/], ['/feed-not-page', /not a web page/], ['/binary-as-html', /binary/], ['/empty', /empty page/], ['/nowhere', /HTTP 404/]];
  for (const [path, want] of errors) {
    const item = await fetchPage(`${srv.url}${path}`, {}, LOCAL);
    assert.ok(!item.ok && want.test(item.error), `${path}: ${JSON.stringify(item)}`);
  }
  const a = await fetchPage(`${srv.url}/news/strike?utm_source=x#top`, {}, LOCAL);
  const b = await fetchPage(`${srv.url}/amp/strike`, {}, LOCAL);
  assert.ok(a.ok && b.ok);
  assert.equal(a.record.id, b.record.id, 'an AMP copy naming the article as canonical is the same article');
  assert.equal(b.record.url, `${srv.url}/news/strike`);
  const t = await fetchPage(`${srv.url}/thief`, {}, LOCAL);
  assert.ok(t.ok && t.record.url === `${srv.url}/thief`, 'a canonical link to another site is ignored');
  const rows: [string, string][] = [
    ['http://www.x.example/a?utm_source=rss&b=2&a=1#frag', 'https://x.example/a?a=1&b=2'],
    ['https://X.EXAMPLE:443/a?fbclid=zz', 'https://x.example/a'],
  ];
  for (const [input, want] of rows) assert.equal(normaliseUrl(input), want);
  assert.equal(urlId('http://x.example/a?utm_medium=email'), urlId('https://www.x.example/a'));
  assert.notEqual(urlId('https://x.example/a?id=1'), urlId('https://x.example/a?id=2'));
  assert.equal(canonicalOf('<link href="/c" rel="canonical">', 'https://x.example/p'), 'https://x.example/c');
  assert.equal(canonicalOf('<link rel="canonical" href="javascript:alert(1)">', 'https://x.example/p'), null);
});
