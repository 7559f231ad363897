import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compareWording, quotedSpans } from '../../src/analyse/wording.js';
import { article, context, fixture } from './story.js';

const here = '[analyse/wording] ';

/** Every variant with that text, across the wording rows. */
const variant = (rows: ReturnType<typeof compareWording>, text: string) => rows.flatMap((r) => r.variants).filter((v) => v.text.toLowerCase() === text.toLowerCase());

test(`${here}one referent under two spellings, each with the articles that use it`, () => {
  const a = article({ id: 'a', source: 'A', title: 'Strikes on Kyiv', text: 'Drones struck Kyiv overnight, the mayor said. Kyiv has asked for more air defence.' });
  const b = article({ id: 'b', source: 'B', text: 'Drones struck Kiev overnight. Kiev officials reported damage to power lines.' });
  const c = article({ id: 'c', source: 'C', text: 'Power lines were damaged in an overnight drone attack on the capital.' });
  const ctx = context([a, b, c], [{ name: 'Kyiv', kind: 'place', spellings: ['Kyiv', 'Kiev'] }]);
  const rows = compareWording(ctx);
  const names = rows.find((r) => r.concept === 'Kyiv');
  assert.ok(names, 'a row for the referent');
  assert.deepEqual(Object.fromEntries(names.variants.map((v) => [v.text, v.articles])), { Kyiv: ['a'], Kiev: ['b'] });
});

test(`${here}a spelling in the headline alone still counts`, () => {
  const a = article({ id: 'a', source: 'A', title: 'Kyiv asks for air defence', text: 'The Ukrainian capital asked its allies for more air defence.' });
  const b = article({ id: 'b', source: 'B', text: 'Kiev asked its allies for more air defence.' });
  const ctx = context([a, b], [{ name: 'Kyiv', kind: 'place', spellings: ['Kyiv', 'Kiev'] }]);
  ctx.entities[0].mentions.push({ article: 'a', text: 'Kyiv' });
  assert.deepEqual(variant(compareWording(ctx), 'Kyiv').map((v) => v.articles), [['a']]);
});

test(`${here}loaded terms one outlet uses and the others avoid`, () => {
  const { ctx } = fixture('summit');
  const rows = compareWording(ctx);
  const betrayal = variant(rows, 'reckless betrayal');
  assert.equal(betrayal.length, 1);
  assert.deepEqual(betrayal[0].articles, ['courier']);
  // Words every outlet uses are nobody's wording.
  assert.deepEqual(variant(rows, 'industrial discharges'), []);
  assert.deepEqual(variant(rows, 'farm run-off'), []);
});

test(`${here}a quoted speaker's words are not the outlet's wording`, () => {
  const a = article({ id: 'a', source: 'A', text: 'The minister called the strike "a criminal sabotage of the economy". Workers stayed out for a second day.' });
  const b = article({ id: 'b', source: 'B', text: 'Workers stayed out for a second day as the strike continued.' });
  const rows = compareWording(context([a, b]));
  assert.deepEqual(variant(rows, 'criminal sabotage'), []);
});

test(`${here}quoted spans: curly, straight, guillemets, unclosed to the paragraph end`, () => {
  const text = 'He said “yes” and "no" and «peut-être». Then: “an unclosed one\nNext line.';
  assert.deepEqual(quotedSpans(text).map((s) => text.slice(s.start, s.end)), ['“yes”', '"no"', '«peut-être»', '“an unclosed one']);
});

test(`${here}phrases in the same slot of one claim are grouped across outlets`, () => {
  const a = article({ id: 'a', source: 'A', text: 'Troops shelled the occupied territories of the south overnight, the governor said.\n\nThe weather was mild.' });
  const b = article({ id: 'b', source: 'B', text: 'Troops shelled the liberated regions of the south overnight, the governor said.\n\nSchools stayed open.' });
  const rows = compareWording(context([a, b]));
  const slot = rows.find((r) => !r.tentative && r.variants.some((v) => v.text === 'occupied territories'));
  assert.ok(slot, 'a row for the shared claim');
  const texts = Object.fromEntries(slot.variants.map((v) => [v.text, v.articles]));
  assert.deepEqual(texts['occupied territories'], ['a']);
  assert.deepEqual(texts['liberated regions'], ['b']);
});

test('[analyse/wording] the word every other outlet uses and one never does, where its length makes that a choice', async () => {
  const { avoidedWords } = await import('../../src/analyse/wording.js');
  const { article, context } = await import('./story.js');
  const filler = 'The ferry line reopened after the repairs, and passengers returned to the quay in the morning.';
  const say = (n: number, s: string) => Array.from({ length: n }, () => s).join(' ');
  const a = article({ id: 'a', source: 'A', text: `${say(4, 'The blockade of the harbour went on.')} ${say(3, filler)}` });
  const b = article({ id: 'b', source: 'B', text: `${say(4, 'The harbour blockade held for a week.')} ${say(3, filler)}` });
  const c = article({ id: 'c', source: 'C', text: `${say(4, 'The closure of the harbour went on.')} ${say(3, filler)}` });
  const short = article({ id: 'd', source: 'D', text: 'The blockade stayed.' });
  const avoided = avoidedWords(context([a, b, c, short]));
  assert.deepEqual((avoided.get('C') ?? []).map((w) => [w.word, w.articles]), [['blockade', ['a', 'b', 'd']]]);
  // A short report not using a word is chance, not a choice.
  assert.equal(avoided.get('D'), undefined);
});
