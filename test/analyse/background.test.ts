import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BACKGROUND_SIZE, backgroundProbability, perMillion } from '../../src/analyse/similarity/background.js';

const here = '[analyse/background] ';

test(`${here}common words are more probable than rare ones, unknown ones count once`, () => {
  assert.ok(backgroundProbability(['the']) > backgroundProbability(['house']));
  assert.ok(backgroundProbability(['house']) > backgroundProbability(['levee']));
  assert.equal(backgroundProbability(['qzxvwplk']), 1 / BACKGROUND_SIZE);
  assert.equal(perMillion('qzxvwplk'), 0);
  assert.ok(perMillion('the') > 10_000, 'about one word in thirty is "the"');
});

test(`${here}a phrase is no more probable than its rarest word, and at least one occurrence`, () => {
  const p = backgroundProbability(['dark', 'levee']);
  assert.ok(p <= backgroundProbability(['levee']));
  assert.ok(p >= 1 / BACKGROUND_SIZE);
  assert.ok(backgroundProbability(['of', 'the']) <= backgroundProbability(['of']));
});
