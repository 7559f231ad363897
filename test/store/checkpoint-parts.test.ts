import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CHECKPOINT_PART_BYTES, checkpointParts } from '../../src/store/checkpoint-parts.js';

const here = '[store/checkpoint-parts] ';
const PART = CHECKPOINT_PART_BYTES;
const bytes = (n: number, seed: number) => Uint8Array.from({ length: n }, (_, i) => (i * 13 + (i >> 10) + seed) & 255);
/** The parts, each copied as it comes (a part is the last one refilled), as a store writes them. */
const written = (data: Uint8Array | Iterable<Uint8Array>) => Array.from(checkpointParts(data), (p) => Buffer.from(p));

test(`${here}cuts pieces into whole parts, the last shorter, and joins small ones`, () => {
  const pieces = [bytes(10, 1), bytes(PART, 2), new Uint8Array(0), bytes(3, 3), bytes(2 * PART, 4)];
  const parts = written(pieces);
  assert.deepEqual(parts.map((p) => p.length), [PART, PART, PART, 13]);
  assert.ok(Buffer.concat(parts).equals(Buffer.concat(pieces)));
  const whole = bytes(2 * PART, 5);
  assert.deepEqual(written(whole).map((p) => p.length), [PART, PART], 'a size of whole parts ends on a full one');
  assert.ok(Buffer.concat(written(whole)).equals(Buffer.from(whole)));
  assert.deepEqual(written([]).map((p) => p.length), [0], 'nothing is still one part, empty');
});

test(`${here}takes pieces only as far as the part it gives`, () => {
  let taken = 0;
  function* pieces(): Generator<Uint8Array> {
    for (let i = 0; i < 8; i++) {
      taken++;
      yield bytes(PART / 2, i);
    }
  }
  const parts = checkpointParts(pieces());
  parts.next();
  assert.equal(taken, 2, 'the first part needs two half pieces, no more');
  parts.next();
  assert.equal(taken, 4);
});
