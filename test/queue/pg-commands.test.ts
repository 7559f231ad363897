/**
 * `parallax watch` and `parallax serve` on PostgreSQL, as they are on SQLite: the same commands
 * with a postgres:// store, against a real server and the local fixture feed.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { fixtureServer, page, type FixtureServer } from '../feeds/server.js';
import { freshDatabase, postgresAvailable } from '../support/pg-server.js';
import { cliRun } from '../cli/helpers.js';

const here = '[queue/pg-commands] ';
const bin = fileURLToPath(new URL('../../bin/parallax', import.meta.url));
const skip = postgresAvailable() ?? undefined;

const run = cliRun;

let srv: FixtureServer;
const items = [
  ['a1', 'Port strike ends after three weeks', 'Dock workers in Rotterdam voted on Thursday to end a strike of three weeks, the FNV union said.\nThe agreement raises wages by six percent over two years, union leader Niek Stam said.'],
  ['a2', 'Rotterdam dockers accept wage deal', 'Dock workers in Rotterdam accepted a wage deal on Thursday, ending a three-week strike, the FNV union said.\nWages rise by six percent over two years under the agreement, Niek Stam of the union said.'],
];

before(async () => {
  srv = await fixtureServer();
  srv.routes.set('/robots.txt', (_q, r) => { r.writeHead(404); r.end(); });
  srv.routes.set('/feed.xml', (_q, r) => {
    r.writeHead(200, { 'content-type': 'application/rss+xml' });
    r.end(`<rss version="2.0"><channel><title>Test Herald</title><link>${srv.url}/</link><description>d</description>${items.map(([id, title]) => `<item><title>${title}</title><link>${srv.url}/news/${id}</link><guid>${id}</guid><pubDate>Thu, 13 Mar 2025 10:00:00 GMT</pubDate></item>`).join('')}</channel></rss>`);
  });
  for (const [id, title, text] of items) srv.routes.set(`/news/${id}`, (_q, r) => { r.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }); r.end(page(title, text)); });
});
after(async () => {
  await srv?.close();
});

test(here + 'watch stores a feed\'s items and serve shows their story, with a postgres:// store', { skip, timeout: 120_000 }, async () => {
  const db = await freshDatabase();
  const add = await run(['feeds', 'add', `${srv.url}/feed.xml`, '--allow-private', '--db', db]);
  assert.equal(add.code, 0, add.stderr);
  const w = await run(['watch', '--once', '--json', '--allow-private', '--db', db]);
  assert.equal(w.code, 0, w.stderr);
  const [line] = w.stdout.trim().split('\n').map((l) => JSON.parse(l));
  assert.deepEqual([line.status, line.inserted], ['updated', 2]);
  const again = await run(['watch', '--once', '--json', '--allow-private', '--db', db]);
  assert.equal(again.code, 0, again.stderr);
  assert.ok(!again.stdout.trim() || JSON.parse(again.stdout.trim().split('\n')[0]).inserted === 0, 'nothing new the second time');

  const child = spawn(process.execPath, [bin, 'serve', '--db', db, '--port', '0', '--json'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  try {
    const first = await new Promise<string>((resolve, reject) => {
      createInterface({ input: child.stdout }).once('line', resolve);
      child.once('exit', (code) => reject(new Error(`serve exited ${code}: ${stderr}`)));
    });
    const { url, story } = JSON.parse(first) as { url: string; story: string | null };
    assert.ok(story, 'the biggest story is announced');
    const html = await (await fetch(story!)).text();
    assert.match(html, /Rotterdam/);
    const api = await fetch(`${url}api/stories/${story!.split("/story/")[1]}`);
    assert.equal(api.status, 200);
    const json = (await api.json()) as { articles: { id: string }[] };
    assert.equal(json.articles.length, 2, 'both reports in one story');
  } finally {
    const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
    child.kill('SIGTERM');
    assert.equal(await exited, 0);
  }
});
