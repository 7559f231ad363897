import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { NearDuplicateIndex, estimateJaccard, shingleHashes, signature, type Key } from '../../src/cluster/minhash.js';

const here = '[cluster/minhash] ';
const fixture = (name: string): string => readFileSync(new URL(`../fixtures/cluster/${name}`, import.meta.url), 'utf8');
const QUAKE_A = fixture('quake-a.txt');
const QUAKE_B = fixture('quake-b.txt');
const QUAKE_OTHER = fixture('quake-other.txt');
const FOOTBALL = fixture('football.txt');

/** Exact Jaccard similarity of two shingle sets. */
function jaccard(a: Uint32Array, b: Uint32Array): number {
  const sa = new Set(a);
  let inter = 0;
  for (const x of b) if (sa.has(x)) inter++;
  return inter / (sa.size + b.length - inter);
}

test(`${here}signatures estimate Jaccard similarity`, () => {
  // Sets of 400 made-up shingles overlapping by known amounts.
  const rows: [number, number][] = [[400, 1], [300, 0.6], [200, 1 / 3], [0, 0]];
  for (const [shared, want] of rows) {
    const a = Uint32Array.from({ length: 400 }, (_, i) => i * 2654435761);
    const b = Uint32Array.from({ length: 400 }, (_, i) => (i < shared ? i : 10_000 + i) * 2654435761);
    assert.ok(Math.abs(jaccard(a, b) - want) < 1e-9);
    const est = estimateJaccard(signature(a, 256), signature(b, 256));
    assert.ok(Math.abs(est - want) < 0.1, `${shared} shared: estimate ${est}, true ${want}`);
  }
});

test(`${here}word shingles ignore case and punctuation, and Han text counts character by character`, () => {
  assert.deepEqual(shingleHashes('The quake, the QUAKE!'), shingleHashes('the quake the quake'));
  assert.equal(shingleHashes('one two').length, 0, 'fewer words than a shingle');
  assert.equal(shingleHashes('墨西哥发生地震').length, 5);
});

test(`${here}copies are found, lightly edited copies too; other texts are not`, () => {
  const index = new NearDuplicateIndex();
  assert.equal(index.add('a', QUAKE_A), null, 'nothing to copy yet');
  assert.equal(index.add('f', FOOTBALL), null);
  const exact = index.add('a-copy', QUAKE_A);
  assert.equal(exact?.key, 'a');
  assert.equal(exact?.similarity, 1);
  const edited = QUAKE_A.replace('at least 12 people', 'at least 14 people').replace('Schools across the province were closed and the', 'The');
  const light = index.add('a-edit', `HENNING (Wire) - ${edited}`);
  assert.ok(light && (['a', 'a-copy'] as Key[]).includes(light.key), `edited copy found: ${JSON.stringify(light)}`);
  assert.ok(light!.similarity >= 0.7 && light!.similarity < 1);
  assert.equal(index.add('b', QUAKE_B), null, 'another outlet\'s report of the same event is no copy');
  assert.equal(index.add('k', QUAKE_OTHER), null, 'a report written on the same template is no copy');
  assert.equal(index.add('short', 'Quake kills 12'), null, 'too short to fingerprint');
});

test(`${here}memory stays bounded: the oldest generation is dropped`, () => {
  const index = new NearDuplicateIndex({ capacity: 2 });
  index.add('a', QUAKE_A);
  index.add('b', QUAKE_B);
  index.add('f', FOOTBALL);
  index.add('k', QUAKE_OTHER);
  index.add('x', `${FOOTBALL} ${QUAKE_B}`);
  assert.equal(index.add('a2', QUAKE_A), null, 'a was in the dropped generation');
  assert.equal(index.add('k2', QUAKE_OTHER)?.key, 'k');
});

test(`${here}a snapshot restores the same index`, () => {
  const index = new NearDuplicateIndex({ capacity: 3 });
  for (const [k, t] of [['a', QUAKE_A], ['b', QUAKE_B], ['f', FOOTBALL], ['k', QUAKE_OTHER]]) index.add(k, t);
  const restored = NearDuplicateIndex.restore(JSON.parse(JSON.stringify(index.snapshot())));
  for (const t of [QUAKE_A, QUAKE_B, FOOTBALL, QUAKE_OTHER]) {
    const sig = index.fingerprint(t)!;
    assert.deepEqual(restored.query(sig), index.query(sig));
  }
});
