import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildTimeline, clauseAround, datesNothing } from '../../src/analyse/timeline.js';
import type { StoryClaim } from '../../src/types.js';
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
  // The report's own day is no event when nothing in the text dates it: a headline is no event.
  const a = article({ id: 'a', published: '2024-12-03', title: 'Treaty talks may resume', text: 'In 1994 the treaty was signed. At a summit in the summer of 2023, leaders met. The talks may resume next year.' });
  const got = buildTimeline(context([a])).map((e) => e.date);
  assert.deepEqual(got, ['1994', '2023', '2025']);
});

test(`${here}a long sentence is cut to the clause around its date`, () => {
  const s = 'In 1994, the country gave up the weapons left on its soil by the old army; in return, three powers promised it security, a promise that was broken twenty years later by the same power that had signed it.';
  const at = s.indexOf('1994');
  assert.equal(clauseAround(s, at, at + 4), 'In 1994, the country gave up the weapons left on its soil by the old army');
  const short = 'In 1994 the treaty was signed.';
  assert.equal(clauseAround(short, 3, 7), short);
});

/** A claim aligning the given sentences (as the claims section would), each found in its article. */
function aligned(...sentences: [string, string][]): StoryClaim {
  return { text: sentences[0][1], articles: sentences.map(([a]) => a), sentences: sentences.map(([article, text]) => ({ article, text })) };
}

test(`${here}one happening told by two outlets in their own words is one entry with both, with evidence`, () => {
  // Published on Thursday 6 March 2025; both date the opening to Wednesday.
  const x = 'The regional council opened the new ferry terminal on Wednesday after four years of delays.';
  const y = 'Passengers boarded the first boats from the harbour building inaugurated on Wednesday by local officials.';
  const a = article({ id: 'a', published: '2025-03-06', text: `${x}\n\nThe terminal cost more than planned.` });
  const b = article({ id: 'b', published: '2025-03-06', text: `Crowds gathered early.\n\n${y}` });
  const ctx = context([a, b]);
  const [event] = buildTimeline(ctx, [aligned(['a', x], ['b', y])]).filter((e) => e.date === '2025-03-05');
  assert.deepEqual([...event.articles].sort(), ['a', 'b']);
  for (const e of event.evidence ?? []) assert.equal(ctx.articles.find((r) => r.id === e.article)!.text.slice(e.start, e.end), e.text);
  assert.deepEqual(event.evidence?.map((e) => e.text).sort(), [x, y].sort());
  assert.ok((event.confidence ?? 0) > 0 && (event.confidence ?? 0) <= 1);
});

test(`${here}two things one article dates to the same day stay two entries, however alike their words`, () => {
  const text = 'The council approved the harbour budget on Tuesday. The council also approved the harbour toll on Tuesday.';
  const a = article({ id: 'a', published: '2025-03-06', text });
  const events = buildTimeline(context([a])).filter((e) => e.date === '2025-03-04');
  assert.equal(events.length, 2);
});

test(`${here}an outlet telling a current event without a date carries it; an old one it would date`, () => {
  const x = 'The regional council opened the new ferry terminal on Wednesday after four years of delays.';
  const y = 'The regional council opened the new ferry terminal after four years of delays, to applause.';
  const old = 'The old ferry terminal on the north quay was opened in 1962 by the regional council.';
  const oldUndated = 'The old ferry terminal on the north quay was opened by the regional council.';
  const a = article({ id: 'a', published: '2025-03-06', text: `${x} ${old}` });
  const b = article({ id: 'b', published: '2025-03-06', text: `${y} ${oldUndated}` });
  const events = buildTimeline(context([a, b]), [aligned(['a', x], ['b', y]), aligned(['a', old], ['b', oldUndated])]);
  assert.deepEqual([...events.find((e) => e.date === '2025-03-05')!.articles].sort(), ['a', 'b']);
  assert.deepEqual(events.find((e) => e.date === '1962')!.articles, ['a']);
});

test(`${here}a report joins the event of its day that other outlets date`, () => {
  const a = article({ id: 'a', published: '2025-03-05', text: 'The regional council opened the new ferry terminal today.' });
  const b = article({ id: 'b', published: '2025-03-05', text: 'The new ferry terminal was opened by the regional council today, to applause.' });
  const c = article({ id: 'c', published: '2025-03-05', title: 'Ferry terminal opens', text: 'Hundreds of passengers crowded the quay as the first boats left the harbour building.' });
  const day = buildTimeline(context([a, b, c])).filter((e) => e.date === '2025-03-05');
  assert.equal(day.length, 1);
  assert.deepEqual([...day[0].articles].sort(), ['a', 'b', 'c']);
});

test(`${here}photo captions, headline lines and spans of years date nothing`, () => {
  const rows: [string, boolean][] = [
    ['Fishermen mend their nets on the quay in Tallinn, Estonia, March 4, 2025 [Jane Doe/Agency]', true],
    ['Fishermen mend their nets on the quay (Photo: Jane Doe)', true],
    ['Ferry Terminal Opens on Wednesday After Four Years of Delays', true],
    ['Delays on the route', true],
    ['The terminal opened on Wednesday after four years of delays.', false],
    // An item of a chronology opens with its date: it dates its event.
    ['March 4, 2025: ferry terminal opens', false],
    // A sentence a link broke off is no headline.
    ['The opening of the terminal comes a day after a damning audit report', false],
  ];
  for (const [p, want] of rows) assert.equal(datesNothing(p), want, p);
  // The opening line without a sentence's end is the headline.
  assert.equal(datesNothing('Ferry terminal opens on Wednesday after four years of delays', true), true);
  const a = article({ id: 'a', published: '2025-03-06', text: 'Fishermen mend their nets on the quay, March 4, 2025 [Jane Doe/Agency]\n\nTraffic on the route grew from 2013 to 2022, the operator said.' });
  assert.deepEqual(buildTimeline(context([a])), []);
});

test(`${here}an aside between dashes stays in the event's text`, () => {
  const s = 'As the dispute over the harbour went on on Tuesday, the council said that the plan of the port authority — backed by the mayor — would end the ferry service as people know it and shift the costs to the passengers of the island.';
  const at = s.indexOf('Tuesday');
  assert.equal(clauseAround(s, at, at + 7), s);
});

test(`${here}a counted span dates the happening it names and joins that event where another outlet dates it`, () => {
  // 2025-03-04 is a Tuesday.
  const a = article({ id: 'a', published: '2025-03-04', text: 'The river burst its banks and flooded the old town of Lindale on 4 March 2021.' });
  const b = article({ id: 'b', published: '2025-03-05', text: 'Tuesday marks the fourth anniversary of the Lindale river flood, and the mayor laid a wreath.' });
  const events = buildTimeline(context([a, b]));
  const flood = events.filter((e) => e.date === '2021-03-04');
  assert.equal(flood.length, 1);
  assert.deepEqual([...flood[0].articles].sort(), ['a', 'b']);
  // The text is the sentence that tells the flood, not the one that counts from it.
  assert.match(flood[0].text, /flooded the old town/);
  assert.ok(events.some((e) => e.date === '2025-03-04' && e.articles.includes('b')));
});

test(`${here}two parts of one day are two happenings, however alike their words`, () => {
  // 2025-03-04 is a Tuesday.
  const a = article({ id: 'a', published: '2025-03-04', text: 'The governor will address the state assembly on Tuesday night about the harbour budget.' });
  const b = article({ id: 'b', published: '2025-03-04', text: 'The mayor used an address to the city assembly on Tuesday morning about the harbour budget.' });
  const day = buildTimeline(context([a, b])).filter((e) => e.date === '2025-03-04');
  assert.equal(day.length, 2);
  // Without parts of the day they are one.
  const c = article({ id: 'c', published: '2025-03-04', text: 'The governor will address the state assembly on Tuesday about the harbour budget.' });
  const d = article({ id: 'd', published: '2025-03-04', text: 'The mayor used an address to the city assembly on Tuesday about the harbour budget.' });
  assert.equal(buildTimeline(context([c, d])).filter((e) => e.date === '2025-03-04').length, 1);
});
