import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compileAtOnce } from '../../src/lang/regexp.js';

test('[lang/regexp] a pattern compiled at once is the same pattern, its position kept, matching as before', () => {
  const sticky = /\p{L}+/uy;
  sticky.lastIndex = 4;
  assert.equal(compileAtOnce(sticky), sticky);
  assert.equal(sticky.lastIndex, 4, 'where a scan had got to');
  assert.equal(sticky.exec('ab, Zürich')?.[0], 'Zürich');
  const global = compileAtOnce(/\p{Lu}\p{Ll}+/gu);
  assert.equal(global.lastIndex, 0);
  assert.deepEqual('Kyiv and Київ'.match(global), ['Kyiv', 'Київ']);
});
