import { test } from 'node:test';
import assert from 'node:assert/strict';
import { familyVariants } from '../../src/analyse/wording/families.js';
import { groupPairs } from '../../src/analyse/wording/groups.js';
import { synonymous } from '../../src/analyse/similarity/synonyms.js';
import { wordClass } from '../../src/analyse/similarity/pos.js';
import type { StoryWording } from '../../src/types.js';
import { article, context } from './story.js';

const here = '[analyse/wording families] ';

/** Variant text → its articles, over the rows given. */
const byText = (rows: StoryWording[]) => Object.fromEntries(rows.flatMap((r) => r.variants.map((v) => [v.text, v.articles])));
const rowOf = (rows: StoryWording[], text: string) => rows.find((r) => r.variants.some((v) => v.text === text));

test(`${here}the same words in another order or form name one thing`, () => {
  const a = article({ id: 'a', source: 'A', text: 'The mayor announced cuts to Harlow Transit on Monday. Riders were angry.' });
  const b = article({ id: 'b', source: 'B', text: 'The mayor defended the Harlow Transit cuts on Monday. Riders protested.' });
  const c = article({ id: 'c', source: 'C', text: 'Critics accused the mayor of raiding Harlow Transit to pay for parks.' });
  const d = article({ id: 'd', source: 'D', text: 'Critics called it a raid on Harlow Transit to pay for parks.' });
  const rows = familyVariants(context([a, b, c, d]));
  const cuts = rowOf(rows, 'cuts to Harlow Transit');
  assert.ok(cuts, JSON.stringify(byText(rows)));
  assert.deepEqual(byText([cuts]), { 'cuts to Harlow Transit': ['a'], 'Harlow Transit cuts': ['b'] });
  assert.ok(!cuts.tentative && cuts.confidence! >= 0.7);
  const raid = rowOf(rows, 'raid on Harlow Transit');
  assert.ok(raid, JSON.stringify(byText(rows)));
  assert.deepEqual(byText([raid]), { 'raid on Harlow Transit': ['d'], 'raiding Harlow Transit': ['c'] });
});

test(`${here}inflection, a plural or another name's spelling is not another wording`, () => {
  const a = article({ id: 'a', source: 'A', text: 'The council urged the tenants to leave. Minister Olek Varga spoke.' });
  const b = article({ id: 'b', source: 'B', text: 'The council is urging tenants to leave. Minister Olec Varga spoke.' });
  const texts = familyVariants(context([a, b])).flatMap((r) => r.variants.map((v) => v.text));
  assert.deepEqual(texts, []);
});

test(`${here}a possessive is "of", not "for"`, () => {
  const a = article({ id: 'a', source: 'A', text: 'Delegates debated the future of Marovia at length. They pledged support for Marovia.' });
  const b = article({ id: 'b', source: 'B', text: "Delegates debated Marovia's future at length. They welcomed Marovia's support." });
  const rows = familyVariants(context([a, b]));
  assert.ok(rowOf(rows, 'future of Marovia'), JSON.stringify(byText(rows)));
  assert.equal(rowOf(rows, 'support for Marovia'), undefined, 'support given is not support by');
});

test(`${here}one word swapped: WordNet synonyms tie it, an opposite in other sentences does not`, () => {
  const a = article({ id: 'a', source: 'A', text: 'The senator attacked tax breaks for the wealthy in a speech. Food prices rose in spring.' });
  const b = article({ id: 'b', source: 'B', text: 'Unions marched against tax breaks for the rich on Sunday. A fall in prices followed the harvest.' });
  const rows = familyVariants(context([a, b]));
  const row = rowOf(rows, 'tax breaks for the wealthy');
  assert.ok(row, JSON.stringify(byText(rows)));
  assert.deepEqual(byText([row]), { 'tax breaks for the wealthy': ['a'], 'tax breaks for the rich': ['b'] });
  assert.ok(!row.tentative);
  assert.ok(synonymous('wealthy', 'rich') && !synonymous('wealthy', 'poor'));
});

test(`${here}one word inside a phrase: "ferry deal" / "ferry lease deal"`, () => {
  const a = article({ id: 'a', source: 'A', text: 'The ferry deal was signed by the port on Tuesday.' });
  const b = article({ id: 'b', source: 'B', text: 'The port signed the ferry lease deal on Tuesday.' });
  const c = article({ id: 'c', source: 'C', text: 'The port signed a new ferry deal on Tuesday.' });
  const rows = familyVariants(context([a, b, c]));
  const row = rowOf(rows, 'ferry lease deal');
  assert.ok(row, JSON.stringify(byText(rows)));
  assert.deepEqual(byText([row]), { 'ferry lease deal': ['b'], 'ferry deal': ['a', 'c'] });
  // A word in front names a part or a kind: "new ferry deal" is not offered as another wording.
  assert.equal(rowOf(rows, 'new ferry deal'), undefined);
});

test(`${here}pairs join strongest first, a chain is cut at its weakest link, and a group is as sure as its weakest pair`, () => {
  const pairs = new Map([
    ['a\tb', 0.9],
    ['b\tc', 0.8],
    ['c\td', 0.3],
    ['d\te', 0.85],
  ]);
  const groups = groupPairs(pairs, 3).map((g) => g.members.join(' ')).sort();
  assert.deepEqual(groups, ['a b c', 'd e']);
  assert.deepEqual(groupPairs(pairs, 3).find((g) => g.members.includes('d'))!.confidence, 0.85);
  // A group is as sure as the weakest pair that joined it.
  assert.deepEqual(groupPairs(pairs, 3).find((g) => g.members.includes('a'))!.confidence, 0.8);
});

test(`${here}a word's class is not taken from names: "new" is an adjective, "New" in a name says nothing`, () => {
  assert.equal(wordClass('new'), 'J');
});

test(`${here}a shared head: an outlet using both names, beside outlets keeping to one, is a wording row`, async () => {
  const { headVariants } = await import('../../src/analyse/wording/heads.js');
  const a = article({ id: 'a', source: 'A', text: 'Engineers installed flood barriers along the river quay on Monday. The flood barriers held. Owners of riverside cafes were relieved.' });
  const b = article({ id: 'b', source: 'B', text: 'Engineers installed flood barriers along the river quay on Monday. Owners of riverside cafes were relieved as the barriers held.' });
  const c = article({ id: 'c', source: 'C', text: 'Engineers installed storm barriers along the river quay on Monday. The flood barriers held overnight. Owners of riverside cafes were relieved.' });
  const rows = headVariants(context([a, b, c]));
  const row = rowOf(rows, 'storm barriers');
  assert.ok(row, JSON.stringify(byText(rows)));
  assert.ok(row.variants.some((v) => /flood barriers/.test(v.text)), JSON.stringify(byText([row])));
  // "riverside cafes" in every outlet, "Owners of riverside cafes" nowhere as another wording.
  assert.equal(rowOf(rows, 'riverside cafes'), undefined);
});

test(`${here}one name with another designator, in alike sentences: "Kesh region" / "Kesh Governorate"`, async () => {
  const { designatorVariants } = await import('../../src/analyse/wording/designators.js');
  const a = article({ id: 'a', source: 'A', text: 'In Kesh region, an old mining center with large copper mines and a steel plant, wages have fallen.' });
  const b = article({ id: 'b', source: 'B', text: 'Wages are falling in Kesh Governorate, a mining center with copper mines and a big steel plant.' });
  const c = article({ id: 'c', source: 'C', text: 'Kesh Bank paid its staff late. Kesh payments to miners stopped in a mining center with copper mines and a steel plant.' });
  const ctx = context([a, b, c], [
    { name: 'Kesh', kind: 'place', spellings: ['Kesh Governorate', 'Kesh'] },
    { name: 'Kesh Bank', kind: 'organization', spellings: ['Kesh Bank'] },
  ]);
  const rows = designatorVariants(ctx);
  assert.deepEqual(byText(rows), { 'Kesh Governorate': ['b'], 'Kesh region': ['a'] });
});

test(`${here}a noun before a verb-like word and a noun is inside a compound, not a phrase's head ("tax" of "tax cut deal")`, async () => {
  const { endsPhrase, partsOf } = await import('../../src/analyse/wording/phrase.js');
  const parts = partsOf('the current tax cut deal was signed, and the tax rose');
  const at = (w: string, from = 0) => parts.findIndex((p, k) => k >= from && p.fold === w);
  assert.equal(endsPhrase(parts, at('tax')), false);
  assert.equal(endsPhrase(parts, at('deal')), true);
  assert.equal(endsPhrase(parts, at('tax', at('deal'))), true);
});

test(`${here}a head with what it governs pairs with the same head modified, as possible only; a person both sentences name ties them`, async () => {
  const { headVariants } = await import('../../src/analyse/wording/heads.js');
  const a = article({ id: 'a', source: 'A', text: 'Mayor Ada Lind said in a video address that the dam would hold.' });
  const b = article({ id: 'b', source: 'B', text: '“The dam will hold,” Ada Lind said in an address to her voters on Monday.' });
  const c = article({ id: 'c', source: 'C', text: 'The beginning of the flood surprised the town. It was the beginning of the end for the old dam.' });
  const ctx = context([a, b, c], [{ name: 'Ada Lind', kind: 'person', spellings: ['Ada Lind'] }]);
  const rows = headVariants(ctx);
  const row = rowOf(rows, 'video address');
  assert.ok(row, JSON.stringify(byText(rows)));
  assert.deepEqual(byText([row]), { 'address to her voters': ['b'], 'video address': ['a'] });
  assert.ok(row.tentative);
  assert.equal(rowOf(rows, 'beginning of the end'), undefined);
});
