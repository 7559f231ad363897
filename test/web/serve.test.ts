import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fixtureStore, toArticle } from './fixture.js';

const here = '[web/serve] ';
const bin = new URL('../../bin/parallax', import.meta.url).pathname;
const db = () => join(mkdtempSync(join(tmpdir(), 'parallax-serve-')), 'serve.db');

test(here + 'parallax serve listens on 127.0.0.1, answers, and stops on SIGTERM', { timeout: 60_000 }, async () => {
  const child = spawn(process.execPath, [bin, 'serve', '--db', db(), '--port', '0', '--json'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  try {
    const line = await new Promise<string>((resolve, reject) => {
      createInterface({ input: child.stdout }).once('line', resolve);
      child.once('exit', (code) => reject(new Error(`exited ${code}: ${stderr}`)));
    });
    const { url, story, ingest } = JSON.parse(line) as { url: string; story: string | null; ingest: boolean };
    assert.match(url, /^http:\/\/127\.0\.0\.1:\d+\/$/);
    assert.equal(story, null);
    assert.equal(ingest, false);
    const front = await fetch(url);
    assert.equal(front.status, 200);
    assert.match(await front.text(), /No stories yet/);
    const post = await fetch(url + 'api/articles', { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } });
    assert.equal(post.status, 403);
  } finally {
    const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
    child.kill('SIGTERM');
    assert.equal(await exited, 0);
  }
});

test(here + 'bad options end with a one-line error and a non-zero exit', () => {
  const rows: [string[], RegExp, NodeJS.ProcessEnv?][] = [
    [['--allow-ingest'], /--allow-ingest needs a token of at least 16 characters/],
    [['--allow-ingest', '--token', 'short'], /--allow-ingest needs a token/],
    [['--token', 'a-long-enough-token-1234'], /--token is only used with --allow-ingest/],
    [['--port', 'http'], /--port "http" is not a port number/],
    [['--port', '70000'], /--port "70000" is not a port number/],
  ];
  for (const [args, want, env] of rows) {
    const r = spawnSync(process.execPath, [bin, 'serve', '--db', db(), ...args], { encoding: 'utf8', env: { ...process.env, PARALLAX_TOKEN: '', ...env }, timeout: 30_000 });
    assert.notEqual(r.status, 0, args.join(' '));
    assert.match(r.stderr, want, args.join(' '));
    assert.equal(r.stderr.trim().split('\n').length, 1, `${args.join(' ')}: ${r.stderr}`);
  }
});

test(here + 'the biggest story is announced by its address, its title cleaned of terminal controls', { timeout: 60_000 }, async () => {
  const path = db();
  const store = await fixtureStore(path);
  const loud = ['a', 'b', 'c', 'd'].map((x, i) => toArticle({ id: `loud-${x}`, source: `Loud ${x}`, url: null, title: `\u001b[2J\u001b[31mRed alert ${x}\u202E`, byline: null, published: `2025-06-0${i + 1}`, language: 'en', text: `Loud text ${x}.` }));
  await store.upsertArticles(loud);
  await store.assignStories(loud.map((a) => [a.id, 'loud'] as [string, string]));
  await store.close();
  const child = spawn(process.execPath, [bin, 'serve', '--db', path, '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
  try {
    const lines: string[] = [];
    await new Promise<void>((resolve, reject) => {
      createInterface({ input: child.stdout }).on('line', (l) => {
        lines.push(l);
        if (lines.length === 2) resolve();
      });
      child.once('exit', (code) => reject(new Error(`exited ${code}`)));
    });
    assert.match(lines[0], /^Parallax is serving at http:\/\/127\.0\.0\.1:\d+\/ /);
    assert.match(lines[1], /^The biggest story, "\[2J\[31mRed alert a": http:\/\/127\.0\.0\.1:\d+\/story\/loud$/);
  } finally {
    const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
    child.kill('SIGTERM');
    assert.equal(await exited, 0);
  }
});
