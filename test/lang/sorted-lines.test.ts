import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SortedLines } from '../../src/lang/sorted-lines.js';

const here = '[lang/sorted-lines] ';

test(`${here}finds every key of a sorted table, and no key between them`, () => {
  // Keys in code-unit order: capitals before lower case, a prefix before its extensions, é after z.
  const keys = ['Zürich', 'a', 'ab', 'abc', 'b', 'ba', 'z', 'é', 'ł', 'мир', '中国'];
  const table = new SortedLines(`# a comment\n${keys.map((k, i) => `${k}\t${i}`).join('\n')}\n`);
  assert.equal(table.size, keys.length);
  assert.equal(table.firstUnsorted(), -1);
  keys.forEach((k, i) => {
    assert.equal(table.get(k), String(i), k);
    assert.equal(table.keyAt(i), k);
  });
  for (const absent of ['', 'A', 'aa', 'abcd', 'c', 'zz', 'e', 'ми', '中']) assert.equal(table.get(absent), undefined, absent);
});

test(`${here}reads comments anywhere, blank lines, CRLF, keys without a value, values with tabs`, () => {
  const table = new SortedLines('#header\r\n\r\nalpha\t1,2\r\n# between\r\nbeta\r\ngamma\tx\ty\r\n\r\n');
  assert.equal(table.size, 3);
  assert.equal(table.get('alpha'), '1,2');
  assert.equal(table.get('beta'), '', 'a key alone has an empty value');
  assert.equal(table.get('gamma'), 'x\ty', 'the value is the rest of the line');
  assert.equal(table.get('#header'), undefined);
  assert.equal(new SortedLines('').size, 0);
  assert.equal(new SortedLines('').get('a'), undefined);
});

test(`${here}says where an unsorted table goes wrong`, () => {
  assert.equal(new SortedLines('a\t1\nc\t2\nb\t3\n').firstUnsorted(), 2);
  assert.equal(new SortedLines('a\t1\na\t2\n').firstUnsorted(), 1, 'a key twice');
});
