import { test } from 'node:test';
import assert from 'node:assert/strict';
import { coverageBar, coverageChart, eventsChart, publicationChart, spanOf } from '../../src/present/web/charts.js';
import { cursorOf, readCursor } from '../../src/present/web/cursor.js';
import { locate, passagesOf, sentencesOf } from '../../src/present/web/passages.js';

const here = '[web/parts] ';

test(here + 'sentences: split at sentence ends, not inside numbers or before lower case', () => {
  const rows: [string, string[]][] = [
    ['One. Two.', ['One.', 'Two.']],
    ['He said "yes." Then he left.', ['He said "yes."', 'Then he left.']],
    ['It rose 2.5 percent. Shares fell.', ['It rose 2.5 percent.', 'Shares fell.']],
    ['Where? 2024 was worse.', ['Where?', '2024 was worse.']],
    ['e.g. this stays whole.', ['e.g. this stays whole.']],
    ['No end', ['No end']],
  ];
  for (const [input, want] of rows) assert.deepEqual(sentencesOf(input), want, input);
  assert.deepEqual(passagesOf('A b. C d.\n\n\n  \nE f.'), [['A b.', 'C d.'], ['E f.']]);
});

test(here + 'locate: the sentence that carries a statement, by containment or by most words, else none', () => {
  const passages = passagesOf('Delegations met in Kyiv on Tuesday. The corridor closed in 2023.\n\nMarchuk called it "a first step, not a final deal". Insurers raised premiums.');
  const rows: [string, { p: number; s: number } | null][] = [
    ['The corridor closed in 2023.', { p: 0, s: 1 }],
    ['corridor closed in 2023', { p: 0, s: 1 }],
    ['Foreign minister Marchuk called it "a first step, not a final deal".', { p: 1, s: 0 }],
    ['Premiums were raised by insurers.', { p: 1, s: 1 }],
    ['Premiums rose at the port on Monday, officials said.', null],
    ['Entirely unrelated words here.', null],
    ['', null],
  ];
  for (const [statement, want] of rows) assert.deepEqual(locate(passages, statement), want, statement);
});

test(here + 'dates of every precision become spans of time', () => {
  const rows: [string, [string, string] | null][] = [
    ['1994', ['1994-01-01T00:00:00.000Z', '1995-01-01T00:00:00.000Z']],
    ['2023-12', ['2023-12-01T00:00:00.000Z', '2024-01-01T00:00:00.000Z']],
    ['2024-02-29', ['2024-02-29T00:00:00.000Z', '2024-03-01T00:00:00.000Z']],
    ['2024-12-03T14:27', ['2024-12-03T14:27:00.000Z', '2024-12-03T14:27:00.000Z']],
    ['2024-12-03T14:27:00+01:00', ['2024-12-03T14:27:00.000Z', '2024-12-03T14:27:00.000Z']],
    ['last week', null],
  ];
  for (const [date, want] of rows) {
    const s = spanOf(date);
    assert.deepEqual(s && [new Date(s.from).toISOString(), new Date(s.to).toISOString()], want, date);
  }
});

test(here + 'charts: described for screen readers, escaped, one mark per item, nothing for too little data', () => {
  const events = eventsChart([
    { date: '2023-07', text: 'Closed <b>' },
    { date: '2025-05-06', text: 'Met' },
    { date: 'undated', text: 'dropped' },
  ]);
  assert.match(events, /role="img" aria-label="Timeline: 2 dated events from 2023-07 to 2025-05-06/);
  assert.equal((events.match(/class="mark"/g) ?? []).length, 2);
  assert.ok(events.includes('Closed &lt;b&gt;') && !events.includes('<b>'));
  assert.equal(eventsChart([]), '');
  const pubs = publicationChart([
    { n: 1, outlet: 'A', title: 'x', published: '2025-05-06T09:00' },
    { n: 2, outlet: 'B', title: 'y', published: '2025-05-06T11:00' },
    { n: 3, outlet: 'A', title: 'z', published: null },
  ]);
  assert.deepEqual(pubs.match(/href="#art-\d"/g), ['href="#art-1"', 'href="#art-2"']);
  assert.match(pubs, /aria-label="When each outlet published: 2 articles from 2 outlets"/);
  assert.equal(publicationChart([{ n: 1, outlet: 'A', title: 'x', published: '2025-05-06' }]), '');
  const many = publicationChart(Array.from({ length: 30 }, (_, i) => ({ n: i + 1, outlet: `O${i}`, title: 't', published: `2025-05-0${1 + (i % 9)}` })), 16);
  assert.match(many, /15 other outlets/);
  assert.match(coverageBar(2, 4), /width="40"/);
});

test(here + 'cursors read back what they wrote; anything else is refused', () => {
  assert.deepEqual(readCursor(cursorOf(30, 'story-7')), { offset: 30, after: 'story-7' });
  assert.deepEqual(readCursor(undefined), { offset: 0 });
  for (const bad of ['x', Buffer.from('{"o":"1"}').toString('base64url'), Buffer.from('{"o":1,"a":2}').toString('base64url'), Buffer.from('null').toString('base64url')])
    assert.throws(() => readCursor(bad), /invalid cursor/, bad);
});

test(here + 'coverage over time: one step per outlet, at its first article, in time order', () => {
  const svg = coverageChart([
    { n: 1, outlet: 'A', title: 'x', published: '2025-05-06T09:00' },
    { n: 2, outlet: 'B', title: 'y', published: '2025-05-06' },
    { n: 3, outlet: 'A', title: 'z', published: '2025-05-06T20:00' },
    { n: 4, outlet: 'C', title: 'w', published: '2025-05-07T08:00' },
    { n: 5, outlet: 'D', title: 'v', published: null },
  ]);
  assert.match(svg, /aria-label="Coverage over time: the first outlet published at 2025-05-06T09:00; all 3 had by 2025-05-07T08:00"/);
  const d = /<path class="line" d="([^"]+)"/.exec(svg)![1];
  // Up one outlet at a time: V(up) H(across) V(up) per outlet, x never going back.
  const xs = [...d.matchAll(/H([\d.]+)/g)].map((m) => Number(m[1]));
  assert.equal(xs.length, 4);
  assert.deepEqual([...xs].sort((a, b) => a - b), xs);
  assert.equal(coverageChart([{ n: 1, outlet: 'A', title: 'x', published: '2025-05-06' }]), '');
});
