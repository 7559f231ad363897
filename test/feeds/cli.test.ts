import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fixtureServer, page, type FixtureServer } from './server.js';

const here = '[web-cli] ';
const bin = fileURLToPath(new URL('../../bin/parallax', import.meta.url));

function run(args: string[], onStdout?: (chunk: string, kill: (sig: NodeJS.Signals) => void) => void): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bin, ...args], { env: { ...process.env, NO_COLOR: '1' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c) => {
      stdout += c;
      onStdout?.(String(c), (sig) => child.kill(sig));
    });
    child.stderr.on('data', (c) => (stderr += c));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

let srv: FixtureServer;
let dir: string;
const STRIKE = 'Dock workers in Rotterdam voted on Thursday to end a strike of three weeks, the FNV union said.\nThe agreement raises wages by six percent over two years, union leader Niek Stam said.';

before(async () => {
  srv = await fixtureServer();
  dir = mkdtempSync(join(tmpdir(), 'parallax-web-cli-'));
  srv.routes.set('/robots.txt', (_q, r) => { r.writeHead(404); r.end(); });
  srv.routes.set('/', (_q, r) => { r.writeHead(200, { 'content-type': 'text/html' }); r.end(`<html><head><link rel="alternate" type="application/rss+xml" href="/feed.xml"></head><body>home</body></html>`); });
  srv.routes.set('/feed.xml', (_q, r) => {
    r.writeHead(200, { 'content-type': 'application/rss+xml' });
    r.end(`<rss version="2.0"><channel><title>Test Herald</title><link>${srv.url}/</link><description>d</description><item><title>Port strike ends</title><link>${srv.url}/news/a1</link><guid>a1</guid></item></channel></rss>`);
  });
  srv.routes.set('/news/a1', (_q, r) => { r.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }); r.end(page('Port strike ends', STRIKE)); });
  srv.routes.set('/slow.xml', () => { /* never answers */ });
});
after(async () => {
  await srv.close();
});

test(here + 'feeds add finds a site\'s feed; watch --once stores its items; fetch refuses the local network without --allow-private', async () => {
  const db = join(dir, 'a.db');
  const add = await run(['feeds', 'add', `${srv.url}/`, '--allow-private', '--json', '--db', db]);
  assert.equal(add.code, 0, add.stderr);
  assert.deepEqual(JSON.parse(add.stdout).map((r: { feed: string; added: boolean; title: string }) => [r.feed, r.added, r.title]), [[`${srv.url}/feed.xml`, true, 'Test Herald']]);
  const w = await run(['watch', '--once', '--json', '--allow-private', '--db', db]);
  assert.equal(w.code, 0, w.stderr);
  const lines = w.stdout.trim().split('\n').map((l) => JSON.parse(l));
  assert.equal(lines.length, 1, 'one line per poll');
  assert.deepEqual([lines[0].status, lines[0].inserted], ['updated', 1]);
  const list = await run(['feeds', 'list', '--json', '--db', db]);
  assert.equal(JSON.parse(list.stdout)[0].seenItems, 1);
  const refused = await run(['fetch', `${srv.url}/news/a1`, '--db', db]);
  assert.equal(refused.code, 1);
  assert.match(refused.stderr, /refused: 127\.0\.0\.1 is a private address \(use --allow-private to permit\)/);
  const fetched = await run(['fetch', `${srv.url}/news/a1`, 'not-a-url', '--allow-private', '--json', '--db', db]);
  assert.equal(fetched.code, 1, 'one bad URL in the batch sets the exit code');
  assert.match(fetched.stderr, /not-a-url: not a URL/);
  const summary = JSON.parse(fetched.stdout);
  assert.deepEqual([summary.inserted, summary.updated + summary.unchanged], [0, 1], 'the page fetched again is the same article, not a second one');
});

test(here + 'bad inputs get a one-line error; OPML import; SIGINT stops a watch cleanly', async () => {
  const db = join(dir, 'b.db');
  const missing = await run(['feeds', 'import', join(dir, 'nope.opml'), '--db', db]);
  assert.notEqual(missing.code, 0);
  assert.match(missing.stderr.trim(), /^parallax: .*nope\.opml: no such file$/);
  const notFeed = await run(['feeds', 'add', `${srv.url}/news/a1`, '--allow-private', '--db', db]);
  assert.equal(notFeed.code, 1);
  assert.match(notFeed.stderr, /links to no feed/);
  const opml = join(dir, 'list.opml');
  writeFileSync(opml, `<?xml version="1.0"?><opml version="2.0"><body><outline text="slow" xmlUrl="${srv.url}/slow.xml"/></body></opml>`);
  const imp = await run(['feeds', 'import', opml, '--json', '--db', db]);
  assert.equal(imp.code, 0, imp.stderr);
  assert.equal(JSON.parse(imp.stdout).added, 1);
  // The slow feed never answers: the watch is stopped in the middle of its poll.
  let sent = false;
  const t0 = Date.now();
  const w = await new Promise<Awaited<ReturnType<typeof run>>>((resolve) => {
    const child = spawn(process.execPath, [bin, 'watch', '--allow-private', '--db', db]);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c) => (stdout += c));
    child.stderr.on('data', (c) => (stderr += c));
    // Signalled once the poll is under way (the server has seen the request).
    const poll = setInterval(() => {
      if (!sent && srv.hits.includes('/slow.xml')) {
        sent = true;
        child.kill('SIGINT');
      }
    }, 50);
    child.on('close', (code) => { clearInterval(poll); resolve({ code, stdout, stderr }); });
  });
  assert.ok(sent);
  assert.equal(w.code, 0, w.stderr);
  assert.match(w.stderr, /SIGINT: stopping/);
  assert.match(w.stdout, /slow\.xml aborted/);
  assert.ok(Date.now() - t0 < 20_000);
});
