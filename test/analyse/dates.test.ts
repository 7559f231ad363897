import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findDates } from '../../src/enrich/dates.js';

const here = '[analyse/dates] ';
// 2024-12-03 is a Tuesday.
const TUE = '2024-12-03';

// [text, publication date, [expression, resolved date][]]
const rows: [string, string | null, [string, string][]][] = [
  ['In 1994, Ukraine gave up the weapons.', TUE, [['1994', '1994']]],
  ['At a summit in the summer of 2023, leaders met.', TUE, [['the summer of 2023', '2023']]],
  ['The meeting on 3 December 2024 was long.', TUE, [['3 December 2024', '2024-12-03']]],
  ['On Dec. 1, 2024 it began; by March 2022 it had ended.', TUE, [['Dec. 1, 2024', '2024-12-01'], ['March 2022', '2022-03']]],
  ['The file is dated 2024-12-03.', TUE, [['2024-12-03', '2024-12-03']]],
  ['He said on December 1 that he would not.', TUE, [['December 1', '2024-12-01']]],
  ['He takes office on January 20.', TUE, [['January 20', '2025-01-20']]],
  ['On 3 December 2021 they met. On December 5 they left.', TUE, [['3 December 2021', '2021-12-03'], ['December 5', '2021-12-05']]],
  ['The day before, the minister spoke.', TUE, [['The day before', '2024-12-02']]],
  ['Yesterday the ministers met.', TUE, [['Yesterday', '2024-12-02']]],
  ['The ministers met on Monday.', TUE, [['on Monday', '2024-12-02']]],
  ['The summit will open on Friday.', TUE, [['on Friday', '2024-12-06']]],
  ['It happened last Tuesday.', TUE, [['last Tuesday', '2024-11-26']]],
  ['Talks could begin next year.', TUE, [['next year', '2025']]],
  ['Two days ago, the talks began.', TUE, [['Two days ago', '2024-12-01']]],
  ['Last month prices fell.', TUE, [['Last month', '2024-11']]],
  ['He met him in November.', TUE, [['November', '2024-11']]],
  ['Last week, on November 28, he met the envoy.', TUE, [['November 28', '2024-11-28']]],
  ['In 2014 and 2022 the army attacked.', TUE, [['2014', '2014'], ['2022', '2022']]],
];

for (const [text, published, want] of rows) {
  test(`${here}${text}`, () => {
    assert.deepEqual(findDates(text, published).map((d) => [d.text, d.date]), want);
  });
}

// What must not be read as a date.
const misses: [string, string | null][] = [
  ['The 2,000 troops flew 1994 sorties.', TUE],
  ['"We will meet tomorrow," he said.', TUE],
  ['The talks began the day before.', null],
];
for (const [text, published] of misses) {
  test(`${here}no date in: ${text}`, () => {
    assert.deepEqual(findDates(text, published).map((d) => d.text), []);
  });
}

test(`${here}relative expressions are marked relative, calendar dates are not`, () => {
  const got = findDates('On 3 December 2024 and the day before.', TUE);
  assert.deepEqual(got.map((d) => [d.text, d.relative]), [['3 December 2024', false], ['the day before', true]]);
  for (const d of got) assert.equal('On 3 December 2024 and the day before.'.slice(d.start, d.end), d.text);
});
