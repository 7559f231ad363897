import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

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
    const { url, ingest } = JSON.parse(line) as { url: string; ingest: boolean };
    assert.match(url, /^http:\/\/127\.0\.0\.1:\d+\/$/);
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
