import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { createClusterer, type ClusterDoc } from '../../src/cluster/index.js';
import { decodeSnapshot } from '../../src/cluster/snapshot-binary.js';
import type { SnapshotV1 } from '../../src/cluster/snapshot.js';

const here = '[cluster/snapshot-binary] ';
const dirs = ['../fixtures/cluster/', '../fixtures/story/'].map((d) => new URL(d, import.meta.url));

/** Every fixture text, twice over (the copies a month on, under new ids): stories that close, copies, a vocabulary. */
function docs(): ClusterDoc[] {
  const texts = dirs.flatMap((d) => readdirSync(d).filter((f) => f.endsWith('.txt')).sort().map((f) => readFileSync(new URL(f, d), 'utf8')));
  const out: ClusterDoc[] = [];
  for (const month of ['03', '05']) {
    texts.forEach((text, i) => {
      const title = text.split('\n').find((l) => l.trim())!.slice(0, 80);
      out.push({ id: `m${month}-${i}`, title, text, published: i % 5 === 4 ? null : `2025-${month}-${String(10 + (i % 7)).padStart(2, '0')}`, source: `outlet${i % 3}`, url: `https://outlet${i % 3}.example/${month}/${i}` });
    });
  }
  return out;
}

/** As plain JSON, typed arrays as arrays. */
const plain = (x: unknown): unknown => JSON.parse(JSON.stringify(x, (_k, v: unknown) => (ArrayBuffer.isView(v) ? Array.from(v as Uint8Array) : v)));

test(`${here}the binary form reads back as the very snapshot it was made from`, () => {
  const c = createClusterer({ sweepEvery: 5 });
  for (const d of docs()) c.add(d);
  c.settle({ quiet: 3 });
  const snap = c.snapshot() as SnapshotV1;
  assert.ok(snap.docs.length > 20 && snap.stories.some((s) => s.retired || s.mergedInto >= 0 || s.related.length), 'a state worth saving');
  const bytes = c.checkpoint();
  assert.ok(bytes.length < JSON.stringify(snap).length, 'smaller than the JSON');
  assert.deepEqual(plain(decodeSnapshot(bytes)), plain(snap));
  // Written from the state itself, as a store's checkpoint is: the same snapshot.
  assert.deepEqual(plain(decodeSnapshot(c.checkpoint())), plain(snap));
  // Read from a buffer that does not start on an 8-byte boundary, as a database may hand it.
  const shifted = new Uint8Array(bytes.length + 3);
  shifted.set(bytes, 3);
  assert.deepEqual(plain(decodeSnapshot(shifted.subarray(3))), plain(snap));
});

test(`${here}in pieces, the same bytes, whatever the pieces' size`, () => {
  const c = createClusterer({ sweepEvery: 5 });
  for (const d of docs()) c.add(d);
  c.settle({ quiet: 3 });
  const whole = c.checkpoint();
  for (const size of [8, 24, 4096, 1 << 16, 1 << 24]) {
    const pieces: Buffer[] = [];
    // Copied as they come: each piece is the last one refilled.
    for (const piece of c.checkpointChunks(size)) pieces.push(Buffer.from(piece));
    assert.ok(pieces.slice(1, -1).every((p) => p.length === size), `pieces of ${size} bytes after the header`);
    assert.ok(Buffer.concat(pieces).equals(whole), `pieces of ${size} bytes`);
  }
  assert.throws(() => [...c.checkpointChunks(12)], /multiple of 8/);
});

test(`${here}a clusterer restored from it goes on exactly as the one saved, reviews included`, () => {
  const all = docs();
  const cut = Math.floor(all.length / 2);
  const whole = createClusterer();
  const before = createClusterer();
  for (const [i, d] of all.slice(0, cut).entries()) {
    whole.add(d);
    before.add(d);
    if (i % 4 === 3) {
      whole.settle({ quiet: 2 });
      before.settle({ quiet: 2 });
    }
  }
  const resumed = createClusterer({ state: decodeSnapshot(before.checkpoint()) });
  assert.deepEqual(plain(resumed.snapshot()), plain(before.snapshot()), 'the whole state, what awaits review included');
  const a: unknown[] = [];
  const b: unknown[] = [];
  for (const [i, d] of all.slice(cut).entries()) {
    a.push(whole.add(d));
    b.push(resumed.add(d));
    if (i % 4 === 3) {
      a.push(whole.settle({ quiet: 2 }));
      b.push(resumed.settle({ quiet: 2 }));
    }
  }
  a.push(whole.settle({ quiet: 0 }));
  b.push(resumed.settle({ quiet: 0 }));
  assert.deepEqual(b, a);
  assert.deepEqual([...resumed.assignments()], [...whole.assignments()]);
  assert.deepEqual(resumed.explain(all[all.length - 1].id), whole.explain(all[all.length - 1].id));
});

test(`${here}anything else is refused with a reason`, () => {
  assert.throws(() => decodeSnapshot(Buffer.from('{"format":"parallax-cluster"}')), /not a binary clusterer snapshot/);
  const bytes = createClusterer().checkpoint();
  assert.throws(() => decodeSnapshot(bytes.subarray(0, 20)), /cut short/);
  const other = Buffer.from(bytes);
  other.writeUInt32LE(9, 4);
  assert.throws(() => decodeSnapshot(other), /version 9/);
});
