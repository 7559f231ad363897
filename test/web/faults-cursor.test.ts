import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from '../../src/present/web/server.js';
import { fixtureStore } from './fixture.js';

const here = '[web/faults-cursor] ';
const b64 = (s: string) => Buffer.from(s).toString('base64url');

test(here + 'a cursor with an offset no list can take, or a field of the wrong kind, is a 400, never a 500', async () => {
  const store = await fixtureStore();
  const server = await startServer({ store, port: 0 });
  try {
    const bad = [
      '{"o":1e308}',
      '{"o":9007199254740993}',
      '{"o":1e21,"a":"grain-talks"}',
      '{"o":1.5}',
      '{"o":-1}',
      '{"o":0,"a":null}',
      '{"o":0,"a":["x"]}',
      '{"o":0,"a":"x","z":1}',
      '{"a":"grain-talks"}',
      '"text"',
      '42',
    ];
    for (const path of ['/api/stories', '/api/articles', '/api/outlets', '/']) {
      for (const c of bad) {
        const r = await fetch(`${server.url}${path}?cursor=${b64(c)}`);
        assert.equal(r.status, 400, `${path} ${c}`);
        const body = await r.text();
        if (path.startsWith('/api/')) assert.deepEqual(JSON.parse(body), { status: 400, message: 'invalid cursor' }, `${path} ${c}`);
      }
    }
    // A cursor handed out by the server still works.
    const first = (await (await fetch(`${server.url}/api/stories?limit=1`)).json()) as { next: string };
    assert.ok(first.next);
    assert.equal((await fetch(`${server.url}/api/stories?limit=1&cursor=${first.next}`)).status, 200);
  } finally {
    await server.close();
    await store.close();
  }
});
