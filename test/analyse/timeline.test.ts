import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildTimeline, clauseAround } from '../../src/analyse/timeline.js';
import { article, context, fixture } from './story.js';

const here = '[analyse/timeline] ';

test(`${here}dated events resolved, the same date merged across articles`, () => {
  const { ctx } = fixture('bridge');
  const events = Object.fromEntries(buildTimeline(ctx).map((e) => [e.date, e]));
  assert.deepEqual(events['1962'].articles, ['daily']);
  assert.match(events['1962'].text, /built in 1962/);
  assert.deepEqual(events['2019'].articles, ['herald']);
  // "on Wednesday" in two reports published on Thursday 14 March 2024.
  assert.deepEqual([...events['2024-03-13'].articles].sort(), ['herald', 'wire']);
  // The reports themselves, and "the day before" in the one published on the 15th.
  assert.deepEqual([...events['2024-03-14'].articles].sort(), ['daily', 'herald', 'wire']);
});

test(`${here}events come in date order, with the precision the text gives`, () => {
  const a = article({ id: 'a', published: '2024-12-03', text: 'In 1994 the treaty was signed. At a summit in the summer of 2023, leaders met. The talks may resume next year.' });
  const got = buildTimeline(context([a])).map((e) => e.date);
  assert.deepEqual(got, ['1994', '2023', '2024-12-03', '2025']);
});

test(`${here}a long sentence is cut to the clause around its date`, () => {
  const s = 'In 1994, the country gave up the weapons left on its soil by the old army; in return, three powers promised it security, a promise that was broken twenty years later by the same power that had signed it.';
  const at = s.indexOf('1994');
  assert.equal(clauseAround(s, at, at + 4), 'In 1994, the country gave up the weapons left on its soil by the old army');
  const short = 'In 1994 the treaty was signed.';
  assert.equal(clauseAround(short, 3, 7), short);
});
