import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { allowedBy, parseRobots, clearRobotsCache } from '../../src/ingest/web/robots.js';
import { fetchPage } from '../../src/ingest/web/pages.js';
import { fixtureServer, page, LOCAL, type FixtureServer } from './server.js';

const here = '[web-robots] ';

const ROBOTS = `# a comment
User-agent: GoogleBot
Disallow: /

User-agent: *
Disallow: /private/
Allow: /private/open
Disallow: /*.pdf$
Disallow: /search?

User-agent: Parallax
User-agent: otherbot
Disallow: /members/
Allow: /members/free/
Crawl-delay: 2
`;

test(here + 'our group when named, else *; the longest rule wins, Allow on a tie; * and $', () => {
  const ours = parseRobots(ROBOTS);
  const star = parseRobots(ROBOTS, 'somebot');
  assert.equal(ours.crawlDelay, 2);
  assert.equal(star.crawlDelay, null);
  // [rules, path, allowed?]
  const rows: [typeof ours, string, boolean][] = [
    [ours, '/members/article', false], [ours, '/members/free/article', true], [ours, '/private/x', true], [ours, '/', true],
    [star, '/private/x', false], [star, '/private/open/x', true], [star, '/files/report.pdf', false], [star, '/files/report.pdf?x=1', true],
    [star, '/search?q=strike', false], [star, '/search', true], [star, '/news/a', true], [star, '/robots.txt', true],
  ];
  for (const [policy, path, want] of rows) assert.equal(allowedBy(policy.rules, path), want, path);
  // A group naming another agent whose name merely contains ours does not apply.
  assert.equal(allowedBy(parseRobots('User-agent: parallaxbot\nDisallow: /\n').rules, '/a'), true);
  assert.equal(allowedBy(parseRobots('User-agent: PARALLAX\nDisallow: /\n').rules, '/a'), false);
  const tie = parseRobots('User-agent: *\nDisallow: /a\nAllow: /a\n');
  assert.equal(allowedBy(tie.rules, '/a'), true);
  const empty = parseRobots('User-agent: *\nDisallow:\n');
  assert.equal(allowedBy(empty.rules, '/anything'), true);
  const encoded = parseRobots('User-agent: *\nDisallow: /caf%C3%A9\n');
  assert.equal(allowedBy(encoded.rules, '/café'), false, 'percent-encoded and raw paths match');
});

let srv: FixtureServer;
before(async () => {
  srv = await fixtureServer();
  clearRobotsCache();
});
after(async () => {
  await srv.close();
});

test(here + 'fetching: honoured unless ignored; 4xx allows all; 5xx disallows all; fetched once per origin', async () => {
  const html = page('A page', 'Text of a page that robots.txt governs, long enough to be an article body here.');
  srv.routes.set('/robots.txt', (_q, r) => { r.writeHead(200, { 'content-type': 'text/plain' }); r.end('User-agent: *\nDisallow: /private/\n'); });
  for (const p of ['/private/a', '/public/a']) srv.routes.set(p, (_q, r) => { r.writeHead(200, { 'content-type': 'text/html' }); r.end(html); });
  const refused = await fetchPage(`${srv.url}/private/a`, {}, LOCAL);
  assert.ok(!refused.ok && /disallowed by robots\.txt/.test(refused.error));
  assert.ok(!srv.hits.includes('/private/a'), 'the page itself was not requested');
  assert.ok((await fetchPage(`${srv.url}/public/a`, {}, LOCAL)).ok);
  assert.ok((await fetchPage(`${srv.url}/private/a`, {}, { ...LOCAL, ignoreRobots: true })).ok);
  assert.equal(srv.hits.filter((h) => h === '/robots.txt').length, 1, 'robots.txt is fetched once per origin');

  // Fresh servers (new origins) for each status.
  for (const [status, allowed] of [[404, true], [403, true], [500, false]] as const) {
    const s = await fixtureServer();
    s.routes.set('/robots.txt', (_q, r) => { r.writeHead(status); r.end(); });
    s.routes.set('/a', (_q, r) => { r.writeHead(200, { 'content-type': 'text/html' }); r.end(html); });
    const item = await fetchPage(`${s.url}/a`, {}, { ...LOCAL, retries: 0 });
    assert.equal(item.ok, allowed, `robots.txt answering ${status}`);
    await s.close();
  }
});

test(here + 'Crawl-delay slows requests to the host', async () => {
  const s = await fixtureServer();
  s.routes.set('/robots.txt', (_q, r) => { r.writeHead(200, { 'content-type': 'text/plain' }); r.end('User-agent: *\nCrawl-delay: 0.3\n'); });
  s.routes.set('/a', (_q, r) => { r.writeHead(200, { 'content-type': 'text/plain' }); r.end('a'); });
  const t0 = Date.now();
  for (let i = 0; i < 3; i++) await fetchPage(`${s.url}/a`, {}, LOCAL);
  assert.ok(Date.now() - t0 >= 550, `three fetches 0.3 s apart (took ${Date.now() - t0} ms)`);
  await s.close();
});
