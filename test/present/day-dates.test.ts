// A date known only to the day is shown as that day: never as a point at its midday, which would
// give it an hour the page did not give.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { coverageChart, eventsChart, publicationChart } from '../../src/present/web/charts.js';

const here = '[day-dates] ';
// The charts' axis runs from x=170 to x=676 (720 wide, margins 170 and 44).
const x = (t: string, lo: string, hi: string) => 170 + ((Date.parse(t) - Date.parse(lo)) / (Date.parse(hi) - Date.parse(lo))) * 506;

const pubs = [
  { n: 1, outlet: 'Harbour Post', title: 'Ferry resumes', published: '2025-05-06T09:30Z' },
  { n: 2, outlet: 'Island Radio', title: 'Crossings again', published: '2025-05-06' },
  { n: 3, outlet: 'Coast Daily', title: 'Ferry back', published: '2025-05-07T08:00Z' },
];
const LO = '2025-05-06T00:00Z';
const HI = '2025-05-07T08:00Z';

test(here + 'the lanes chart marks a day-only article with a bar over its whole day, not a dot at noon', () => {
  const svg = publicationChart(pubs);
  const art2 = /<a href="#art-2"[^>]*>(<[^>]+>)/.exec(svg)![1];
  assert.match(art2, /^<rect class="mark"/, 'a bar');
  const rx = Number(/ x="([\d.]+)"/.exec(art2)![1]);
  const w = Number(/ width="([\d.]+)"/.exec(art2)![1]);
  assert.equal(rx.toFixed(1), x(LO, LO, HI).toFixed(1), 'from the start of the day');
  assert.equal((rx + w).toFixed(1), x('2025-05-07T00:00Z', LO, HI).toFixed(1), 'to its end');
  assert.ok(!svg.includes(`cx="${x('2025-05-06T12:00Z', LO, HI).toFixed(1)}"`), 'no mark at midday');
  // A timed article stays a dot at its time.
  assert.match(svg, new RegExp(`<a href="#art-1"[^>]*><circle class="mark" cx="${x('2025-05-06T09:30Z', LO, HI).toFixed(1)}"`));
});

test(here + 'coverage over time counts a day-only article from the end of its day, not from its midday', () => {
  const d = /<path class="line" d="([^"]+)"/.exec(coverageChart(pubs))![1];
  const xs = [...d.matchAll(/H([\d.]+)/g)].map((m) => m[1]);
  assert.ok(xs.includes(x('2025-05-07T00:00Z', LO, HI).toFixed(1)), `a step at the day's end in ${d}`);
  assert.ok(!xs.includes(x('2025-05-06T12:00Z', LO, HI).toFixed(1)), `no step at noon in ${d}`);
});

test(here + 'events of a day are bars over the day; an axis of days only has no hours on it', () => {
  const svg = eventsChart([
    { date: '2025-05-06', text: 'The ferry sailed again.' },
    { date: '2025-05-08', text: 'Refunds began.' },
  ]);
  assert.equal((svg.match(/<circle/g) ?? []).length, 0);
  assert.equal((svg.match(/<rect class="mark"/g) ?? []).length, 2);
  const labels = [...svg.matchAll(/<g class="axis">.*<\/g>/g)].join('');
  assert.doesNotMatch(labels, /\d\d:\d\d/, 'no hour on the axis');
  assert.match(labels, />05-07</);
});
