// `--allow-private` permits private addresses for the hosts the user named, not for wherever
// those hosts redirect: a page on a named local server that redirects to another local server
// (another port), to another name for the machine, or to the cloud metadata address is refused,
// and the other server is never reached. Real servers on 127.0.0.1, the real CLI.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fixtureServer, page, type FixtureServer } from '../feeds/server.js';
import { fetchUrl, hostKey, PrivateAddressError, privateHosts } from '../../src/ingest/web/http.js';
import { cliRun } from '../cli/helpers.js';

const here = '[ingest/faults-allow-private] ';
const dir = mkdtempSync(join(tmpdir(), 'parallax-allow-private-'));

let named: FixtureServer;
let other: FixtureServer;

const LOCK = 'The lock keepers opened the new gates on the canal on Tuesday, the waterways office said.\nBarges that had waited a week at the lower basin passed through by the afternoon.';

before(async () => {
  named = await fixtureServer();
  other = await fixtureServer();
  const html = (res: import('node:http').ServerResponse, title: string) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(page(title, LOCK));
  };
  named.routes.set('/article', (_q, r) => html(r, 'Canal gates open'));
  named.routes.set('/moved', (_q, r) => { r.writeHead(301, { location: '/article' }); r.end(); });
  named.routes.set('/to-other-port', (_q, r) => { r.writeHead(302, { location: `${other.url}/secret` }); r.end(); });
  named.routes.set('/to-localhost', (_q, r) => { r.writeHead(302, { location: `http://localhost:${named.port}/article` }); r.end(); });
  named.routes.set('/to-metadata', (_q, r) => { r.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data/' }); r.end(); });
  other.routes.set('/secret', (_q, r) => html(r, 'Internal page'));
});
after(async () => {
  await named.close();
  await other.close();
});

const run = cliRun;

test(here + 'hosts are named by host and port; the web ports of one host go together', () => {
  const p = privateHosts(['http://LocalHost.:8080/a', 'http://[::1]/b', 'not a url', 'https://intranet.example/c']);
  assert.deepEqual(p.hosts, ['::1:443', '::1:80', 'intranet.example:443', 'intranet.example:80', 'localhost:8080']);
  assert.deepEqual(p.named, ['[::1]', 'intranet.example', 'localhost.:8080']);
  assert.equal(hostKey(new URL('https://EXAMPLE.org./x')), 'example.org:443');
});

test(here + 'fetchUrl under a host policy: the named host and redirects that stay on it are fetched; others are refused before they are reached', async () => {
  const opts = { allowPrivate: privateHosts([`${named.url}/moved`]), hostDelayMs: 0 };
  const moved = await fetchUrl(`${named.url}/moved`, opts);
  assert.equal(moved.url, `${named.url}/article`);
  assert.match(moved.body.toString(), /Canal gates open/);
  for (const path of ['/to-other-port', '/to-localhost', '/to-metadata']) {
    await assert.rejects(fetchUrl(`${named.url}${path}`, opts), (err: Error) => {
      assert.ok(err instanceof PrivateAddressError, `${path}: ${err.message}`);
      assert.match(err.message, new RegExp(`--allow-private permits only the host named: 127\\.0\\.0\\.1:${named.port}`));
      return true;
    });
  }
  // A URL on another host, given directly, is refused too.
  await assert.rejects(fetchUrl(`${other.url}/secret`, opts), PrivateAddressError);
  assert.ok(!other.hits.includes('/secret'), 'the other server was never reached');
});

test(here + 'fetch --allow-private and ingest --allow-private: the named host is fetched, redirects off it are refused and named', { timeout: 120_000 }, async () => {
  for (const command of ['fetch', 'ingest']) {
    const db = join(dir, `${command}.db`);
    const urls = ['/moved', '/to-other-port', '/to-localhost', '/to-metadata'].map((p) => `${named.url}${p}`);
    const r = await run([command, '--allow-private', '--db', db, ...(command === 'ingest' ? ['--no-progress'] : []), ...urls]);
    assert.equal(r.code, 1, r.stderr);
    assert.match(r.stdout, /ingested 1, updated 0, unchanged 0, failed 3/, r.stderr);
    assert.match(r.stderr, new RegExp(`/to-other-port: refused: 127\\.0\\.0\\.1 is a private address \\(--allow-private permits only the host named: 127\\.0\\.0\\.1:${named.port}\\)`));
    assert.match(r.stderr, /\/to-localhost: refused: localhost resolves to the private address/);
    assert.match(r.stderr, /\/to-metadata: refused: 169\.254\.169\.254 is a private address/);
  }
  assert.ok(!other.hits.includes('/secret'), 'the other server was never reached');
  // Naming both hosts permits both.
  const both = await run(['fetch', '--allow-private', '--db', join(dir, 'both.db'), `${named.url}/to-other-port`, `${other.url}/`]);
  assert.match(both.stdout, /ingested 1,/, both.stderr);
  assert.ok(other.hits.includes('/secret'));
});
