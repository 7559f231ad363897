import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildClaims } from '../../src/analyse/claims.js';
import { figures, findDisagreements } from '../../src/analyse/disagreements.js';
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

test(`${here}"the day before" against a calendar date for the same act`, () => {
  // Published the same day; "the day before" is December 2, the other says December 1.
  const a = article({ id: 'a', source: 'A', published: '2024-12-03', text: 'The day before, President Volodymyr Zelenskyy said Ukraine could accept a ceasefire along the current front line.' });
  const b = article({ id: 'b', source: 'B', published: '2024-12-03', text: 'President Zelenskyy said on December 1 that Ukraine could accept a ceasefire along the current front line.' });
  const ctx = context([a, b], [{ name: 'Volodymyr Zelenskyy', kind: 'person', spellings: ['Volodymyr Zelenskyy', 'Zelenskyy'] }]);
  const found = findDisagreements(ctx, buildClaims(ctx));
  const when = found.find((d) => d.about.startsWith('the date'));
  assert.ok(when, 'a disagreement on the date');
  assert.deepEqual(when.versions.map((v) => v.articles), [['a'], ['b']]);
});

test(`${here}one act of one person dated apart is flagged even where the sentences do not align`, () => {
  const a = article({ id: 'a', source: 'A', published: '2024-12-03', text: 'The day before, Volodymyr Zelenskyy expressed readiness to accept a truce if the rest of the country joined the alliance.' });
  const b = article({ id: 'b', source: 'B', published: '2024-12-03', text: 'Zelenskyy said on December 1 that the hot phase could end under a security umbrella.' });
  const ctx = context([a, b], [{ name: 'Volodymyr Zelenskyy', kind: 'person', spellings: ['Volodymyr Zelenskyy', 'Zelenskyy'] }]);
  const found = findDisagreements(ctx, []);
  assert.equal(found.length, 1);
  assert.match(found[0].about, /2024-12-02/);
  assert.match(found[0].about, /2024-12-01/);
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
