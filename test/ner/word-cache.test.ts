import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CASE_RATIO, STRIDE, WordCache } from '../../src/enrich/ner/word-cache.js';

test('a word cache keeps each word its own row, across growth, and starts again when full', () => {
  const cache = new WordCache(3000);
  assert.equal(cache.get('Moravia'), -1);
  const rows = new Map<string, number>();
  for (let i = 0; i < 2500; i++) {
    const word = `Word${i}`;
    const at = cache.add(word);
    cache.data[at + CASE_RATIO] = i;
    rows.set(word, at);
  }
  // The array grew twice over while the rows were written: every row still holds its own number.
  for (const [word, at] of rows) {
    assert.equal(cache.get(word), at);
    assert.equal(cache.data[at + CASE_RATIO], Number(word.slice(4)));
  }
  assert.equal(new Set(rows.values()).size, 2500, 'no two words share a row');
  for (let i = 2500; i < 3000; i++) cache.add(`Word${i}`);
  assert.equal(cache.size, 3000);
  const at = cache.add('Ostrava');
  assert.equal(cache.size, 1, 'a full cache starts again');
  assert.equal(at, 0);
  assert.equal(cache.get('Word1'), -1);
  assert.ok(cache.data.length <= 3000 * STRIDE, 'the array never outgrows the limit');
  assert.deepEqual([...cache.data.subarray(at, at + STRIDE)], new Array(STRIDE).fill(0), 'a new row starts at zero');
});
