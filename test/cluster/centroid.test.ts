import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CentroidTable } from '../../src/cluster/centroid.js';

const here = '[cluster/centroid] ';

test(`${here}holds what a Map would, in the order terms came, through growth and colliding terms`, () => {
  for (const capacity of [0, 1, 16, 300]) {
    const table = new CentroidTable(capacity);
    const map = new Map<number, number>();
    let seed = 12345;
    const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0);
    for (let i = 0; i < 5000; i++) {
      // Terms drawn from a small range, many repeated; multiples of a large power of two collide under any mask.
      const t = i % 7 === 0 ? (next() % 64) * 65536 : next() % 3000;
      const w = (next() % 1000) / 100 + 0.01;
      assert.equal(table.add(t, w), map.get(t) ?? 0, `term ${t}, weight before`);
      map.set(t, (map.get(t) ?? 0) + w);
    }
    assert.equal(table.size, map.size);
    assert.deepEqual(table.entries(), [...map], 'entries in insertion order');
    for (const t of [-1, 3001, 64 * 65536, 7 * 65536 + 1]) {
      assert.equal(table.find(t), map.has(t) ? [...map.keys()].indexOf(t) : -1);
      assert.equal(table.get(t), map.get(t) ?? 0);
    }
  }
});
