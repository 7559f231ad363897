import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildClaims } from '../../src/analyse/claims.js';
import { figures, findDisagreements, measures } from '../../src/analyse/disagreements.js';
import { article, context, fixture } from './story.js';

const here = '[analyse/disagreements] ';

test(`${here}a toll of 12 against one of 15 is flagged with both versions`, () => {
  const { ctx } = fixture('bridge');
  const found = findDisagreements(ctx, buildClaims(ctx));
  const toll = found.find((d) => d.about.startsWith('the figures'));
  assert.ok(toll, 'a disagreement on figures');
  const byArticle = Object.fromEntries(toll.versions.map((v) => [v.articles.join(','), v.text]));
  assert.match(byArticle.herald, /12 people/);
  assert.match(byArticle.wire, /15 people/);
});

test(`${here}two calendar days for the same act are flagged, with evidence for each version`, () => {
  const x = 'The harbour authority reopened the northern pier on 4 March 2025 after the storm repairs.';
  const y = 'The harbour authority reopened the northern pier on 6 March 2025 after the storm repairs.';
  const a = article({ id: 'a', source: 'A', published: '2025-03-07', text: x });
  const b = article({ id: 'b', source: 'B', published: '2025-03-07', text: y });
  const ctx = context([a, b]);
  const claim = { text: x, articles: ['a', 'b'], sentences: [{ article: 'a', text: x }, { article: 'b', text: y }] };
  const when = findDisagreements(ctx, [claim]).find((d) => d.about.startsWith('the date'));
  assert.ok(when, 'a disagreement on the date');
  assert.deepEqual(when.versions.map((v) => v.articles), [['a'], ['b']]);
  assert.deepEqual(when.evidence?.map((e) => [e.article, ctx.articles.find((r) => r.id === e.article)!.text.slice(e.start, e.end) === e.text]), [['a', true], ['b', true]]);
  assert.ok((when.confidence ?? 0) > 0 && (when.confidence ?? 0) <= 1);
});

// A relative date ("the day before", "on Tuesday") is the engine's reading against a publication
// date, not what the outlet states: it never makes a disagreement, aligned or not.
test(`${here}a resolved relative date is never one side of a disagreement`, () => {
  const x = 'The day before, Mayor Ines Calloway said the ferry would keep running through the winter.';
  const y = 'Mayor Ines Calloway said on 1 December 2024 that the ferry would keep running through the winter.';
  const a = article({ id: 'a', source: 'A', published: '2024-12-03', text: x });
  const b = article({ id: 'b', source: 'B', published: '2024-12-03', text: y });
  const ctx = context([a, b], [{ name: 'Ines Calloway', kind: 'person', spellings: ['Ines Calloway'] }]);
  const claim = { text: x, articles: ['a', 'b'], sentences: [{ article: 'a', text: x }, { article: 'b', text: y }] };
  assert.deepEqual(findDisagreements(ctx, [claim]), []);
  assert.deepEqual(findDisagreements(ctx, []), []);
});

test(`${here}calendar dates years apart in aligned sentences are two acts, not one dated twice`, () => {
  const x = 'The canal company opened the lock on 12 May 2019, officials recalled.';
  const y = 'The canal company closed the lock on 12 May 2025, officials said.';
  const ctx = context([article({ id: 'a', source: 'A', text: x }), article({ id: 'b', source: 'B', text: y })]);
  const claim = { text: x, articles: ['a', 'b'], sentences: [{ article: 'a', text: x }, { article: 'b', text: y }] };
  assert.deepEqual(findDisagreements(ctx, [claim]).filter((d) => d.about.startsWith('the date')), []);
});

test(`${here}figures in words are spans: they conflict only when the spans do not meet, on the same measure`, () => {
  const claim = (a: string, b: string) => ({ text: a, articles: ['a', 'b'], sentences: [{ article: 'a', text: a }, { article: 'b', text: b }] });
  const rows: [string, string, boolean][] = [
    // The same count told as a round span and as a figure outside it.
    ['The epidemic left hundreds of thousands of people homeless across the delta.', 'The epidemic left more than a million people homeless across the delta.', true],
    ['The epidemic left hundreds of thousands of people homeless across the delta.', 'The epidemic left 400,000 people homeless across the delta.', false],
    ['More than 12 people were hurt when the roof fell.', '15 people were hurt when the roof fell.', false],
    ['About 100 people were hurt when the roof fell.', '104 people were hurt when the roof fell.', false],
    // Dozens: "nearly two-dozen" holds 23; "dozens" does not hold 5.
    ['The mayor signed nearly two-dozen emergency orders after the storm.', 'The mayor signed 23 emergency orders after the storm.', false],
    ['Dozens of people were hurt when the roof fell.', 'Five people were hurt when the roof fell.', true],
    // Different measures: men lost against the dead; no comparison.
    ['The army has lost more than a million men, the minister said.', 'The war has left hundreds of thousands dead, the minister said.', false],
  ];
  for (const [x, y, want] of rows) {
    const ctx = context([article({ id: 'a', source: 'A', text: x }), article({ id: 'b', source: 'B', text: y })]);
    const got = findDisagreements(ctx, [claim(x, y)]).some((d) => d.about.startsWith('the figures'));
    assert.equal(got, want, `${x} | ${y}`);
  }
});

test(`${here}agreeing outlets, or one giving more detail, are no disagreement`, () => {
  const a = article({ id: 'a', source: 'A', text: 'The flood killed 12 people in the valley, officials said on Monday.' });
  const b = article({ id: 'b', source: 'B', text: 'Officials said the flood killed 12 people in the valley and injured 40.' });
  const c = article({ id: 'c', source: 'C', text: 'The flood killed twelve people in the valley, officials said.' });
  const ctx = context([a, b, c]);
  const claims = buildClaims(ctx);
  assert.equal(claims[0].articles.length, 3, 'the three sentences align');
  assert.deepEqual(findDisagreements(ctx, claims).filter((d) => d.about.startsWith('the figures')), []);
});

test(`${here}figures: numbers as digits, years and dates aside`, () => {
  const rows: [string, string[]][] = [
    ['A toll of 12 on December 3, 2024.', ['12']],
    ['Twelve dead and 1,200 injured in 2023.', ['12', '1200']],
    ['It rose 3.5 per cent.', ['3.5']],
    ['The 32 members met on 3 December.', ['32']],
  ];
  for (const [text, want] of rows) assert.deepEqual(figures(text), want, text);
});

test(`${here}who said it: the same words under two names`, () => {
  const a = article({ id: 'a', source: 'A', text: 'Minister Lena Brandt said the treaty would take effect next spring.' });
  const b = article({ id: 'b', source: 'B', text: 'Minister Karl Vogt said the treaty would take effect next spring.' });
  const c = article({ id: 'c', source: 'C', text: 'Minister Karl Vogt said the treaty would hurt farmers and should be renegotiated before spring.' });
  const people = [
    { name: 'Lena Brandt', kind: 'person' as const, spellings: ['Lena Brandt'] },
    { name: 'Karl Vogt', kind: 'person' as const, spellings: ['Karl Vogt'] },
  ];
  const ab = context([a, b], people);
  const who = findDisagreements(ab, buildClaims(ab)).filter((d) => d.about.startsWith('who'));
  assert.equal(who.length, 1);
  assert.deepEqual(who[0].versions.map((v) => v.articles), [['a'], ['b']]);
  // Naming someone else while saying something else is no disagreement about who said it.
  // Even where a claim holds both (given here as aligned), naming someone else while saying
  // something else is no disagreement about who said it.
  const ac = context([a, c], people);
  const claim = { text: a.text, articles: ['a', 'c'], sentences: [{ article: 'a', text: a.text }, { article: 'c', text: c.text }] };
  assert.deepEqual(findDisagreements(ac, [claim]).filter((d) => d.about.startsWith('who')), []);
});

test(`${here}one distance in two units, or a clock time, is no disagreement`, () => {
  const claim = (a: string, b: string) => ({ text: a, articles: ['a', 'b'], sentences: [{ article: 'a', text: a }, { article: 'b', text: b }] });
  const rows: [string, string, boolean][] = [
    ['The town lies 64 kilometres north of the capital.', 'The town lies about 40 miles north of the capital.', false],
    ['Firefighters arrived at 9:40 p.m. and found 3 people inside.', 'Firefighters arrived at 9:55 p.m. and found 3 people inside.', false],
    ['Firefighters found 3 people inside.', 'Firefighters found 5 people inside.', true],
  ];
  for (const [x, y, want] of rows) {
    const ctx = context([article({ id: 'a', source: 'A', text: x }), article({ id: 'b', source: 'B', text: y })]);
    const got = findDisagreements(ctx, [claim(x, y)]).some((d) => d.about.startsWith('the figures'));
    assert.equal(got, want, `${x} | ${y}`);
  }
});

test(`${here}one named rate given apart by two outlets is flagged as tentative, other rates and times are not`, () => {
  const a = article({ id: 'a', source: 'A', text: 'Borrowing grew fast, and mortgage rates had climbed to approximately 9% by the spring.\n\nThe jobless rate stood at 4%.' });
  const b = article({ id: 'b', source: 'B', text: 'Lenders kept the average mortgage rate at around 12% to cool the market.' });
  const c = article({ id: 'c', source: 'C', text: 'In 2019, the mortgage rate was 3%.' });
  const d = article({ id: 'd', source: 'A', text: 'Lenders raised the mortgage rate to 15%.' });
  const found = findDisagreements(context([a, b, c, d]), []);
  const pairs = found.map((x) => x.versions.map((v) => v.articles.join()).sort().join('/')).sort();
  // a against b: 9% and 12% of one rate. c gives another year; d is a's own outlet; the jobless rate is another measure.
  assert.deepEqual(pairs, ['a/b', 'b/d']);
  for (const x of found) {
    assert.equal(x.tentative, true);
    assert.ok((x.confidence ?? 1) < 0.5);
  }
  assert.match(found[0].about, /mortgage rate/);
});

test(`${here}a percentage measures the rate it follows, with the word naming which`, () => {
  const rows: [string, string | null][] = [
    ['Mortgage rates had climbed to approximately 9% by then.', '%mortgag rat'],
    ['The bank kept a key rate of around 12%.', '%key rat'],
    ['Turnout was 61 percent.', '%turnout'],
  ];
  for (const [text, unit] of rows) assert.equal(measures(text)[0].unit, unit, text);
});

test(`${here}who did it against who told it is no disagreement about who`, () => {
  const x = 'Dana Reyes was booked into the county jail and released on bail.';
  const y = 'He was booked into the county jail and released on bail, Tom Hale said.';
  const people = [
    { name: 'Dana Reyes', kind: 'person' as const, spellings: ['Dana Reyes'] },
    { name: 'Tom Hale', kind: 'person' as const, spellings: ['Tom Hale'] },
  ];
  const ctx = context([article({ id: 'a', source: 'A', text: x }), article({ id: 'b', source: 'B', text: y })], people);
  const claim = { text: x, articles: ['a', 'b'], sentences: [{ article: 'a', text: x }, { article: 'b', text: y }] };
  assert.deepEqual(findDisagreements(ctx, [claim]).filter((d) => d.about.startsWith('who')), []);
});

test(`${here}aligned versions that share little beside their figures are a tentative disagreement`, () => {
  const x = 'The two women killed in the crash were 61 and 48 years old.';
  const y = 'The driver of the van, 35 years old, walked away unhurt.';
  const ctx = context([article({ id: 'a', source: 'A', text: x }), article({ id: 'b', source: 'B', text: y })]);
  const claim = { text: x, articles: ['a', 'b'], sentences: [{ article: 'a', text: x }, { article: 'b', text: y }] };
  const [row] = findDisagreements(ctx, [claim]).filter((d) => d.about.startsWith('the figures'));
  assert.ok(row, 'still shown, apart');
  assert.equal(row.tentative, true);
  // The same words beside the figures: a plain disagreement.
  const p = 'Firefighters found 3 people inside the burning house.';
  const q = 'Firefighters found 5 people inside the burning house.';
  const ctx2 = context([article({ id: 'a', source: 'A', text: p }), article({ id: 'b', source: 'B', text: q })]);
  const [plain] = findDisagreements(ctx2, [{ text: p, articles: ['a', 'b'], sentences: [{ article: 'a', text: p }, { article: 'b', text: q }] }]);
  assert.equal(plain.tentative, undefined);
  assert.ok((plain.confidence ?? 0) > (row.confidence ?? 1));
});
