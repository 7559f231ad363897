import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { startServer } from '../../src/present/web/server.js';
import { fixtureStore } from './fixture.js';

const here = '[web/faults-host] ';
const bin = new URL('../../bin/parallax', import.meta.url).pathname;

/** A GET to the server with this Host header (fetch does not let a caller set one). */
function get(url: string, path: string, host: string): Promise<{ status: number; body: string }> {
  const u = new URL(url);
  return new Promise((resolve, reject) => {
    const req = request({ hostname: u.hostname, port: u.port, path, method: 'GET', headers: { host } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

test(here + 'a server on 127.0.0.1 answers only Host values naming it or localhost, with its port', async () => {
  const store = await fixtureStore();
  const server = await startServer({ store, port: 0 });
  const port = new URL(server.url).port;
  try {
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `LocalHost:${port}`, `localhost.:${port}`]) {
      const r = await get(server.url, '/api/stories', host);
      assert.equal(r.status, 200, host);
    }
    // A page whose own name was made to resolve to 127.0.0.1 (DNS rebinding), a wrong port, junk.
    for (const host of [`attacker.example:${port}`, 'attacker.example', `127.0.0.1:${Number(port) + 1}`, '127.0.0.1', `localhost.attacker.example:${port}`, `127.0.0.1.nip.io:${port}`]) {
      for (const path of ['/api/stories', '/']) {
        const r = await get(server.url, path, host);
        assert.equal(r.status, 421, `${host} ${path}`);
        const message = path === '/' ? r.body : (JSON.parse(r.body) as { message: string }).message;
        assert.match(message, /^misdirected request: /, host);
        assert.equal(message.trim().split('\n').length, 1, host);
        assert.doesNotMatch(r.body, /grain|Stories/i, 'nothing of the store is shown');
      }
    }
  } finally {
    await server.close();
    await store.close();
  }
});

test(here + 'a server started public answers any Host', async () => {
  const store = await fixtureStore();
  const server = await startServer({ store, port: 0, public: true });
  try {
    assert.equal((await get(server.url, '/api/stories', 'news.example.org')).status, 200);
  } finally {
    await server.close();
    await store.close();
  }
});

test(here + 'parallax serve refuses a foreign Host unless --public, which its help documents', { timeout: 60_000 }, async () => {
  const db = join(mkdtempSync(join(tmpdir(), 'parallax-host-')), 'serve.db');
  const help = await new Promise<string>((resolve) => {
    const c = spawn(process.execPath, [bin, 'serve', '--help'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    c.stdout.on('data', (d) => (out += d));
    c.on('exit', () => resolve(out));
  });
  assert.match(help, /--public\b/);
  for (const [flags, want] of [[[], 421], [['--public'], 200]] as const) {
    const child = spawn(process.execPath, [bin, 'serve', '--db', db, '--port', '0', '--json', ...flags], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    try {
      const line = await new Promise<string>((resolve, reject) => {
        createInterface({ input: child.stdout }).once('line', resolve);
        child.once('exit', (code) => reject(new Error(`exited ${code}: ${stderr}`)));
      });
      const { url } = JSON.parse(line) as { url: string };
      assert.equal((await get(url, '/', 'rebound.example:80')).status, want, flags.join(' '));
      assert.equal((await get(url, '/', `localhost:${new URL(url).port}`)).status, 200);
    } finally {
      const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
      child.kill('SIGTERM');
      assert.equal(await exited, 0);
    }
  }
});
