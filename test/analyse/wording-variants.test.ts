import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compareWording } from '../../src/analyse/wording.js';
import { nameForms } from '../../src/analyse/wording/names.js';
import { hyphenVariants } from '../../src/analyse/wording/hyphens.js';
import { slotVariants } from '../../src/analyse/wording/slots.js';
import { headVariants } from '../../src/analyse/wording/heads.js';
import type { StoryWording } from '../../src/types.js';
import { article, context, fixture } from './story.js';

const here = '[analyse/wording variants] ';

/** Variant text → its articles, over the rows given. */
const byText = (rows: StoryWording[]) => Object.fromEntries(rows.flatMap((r) => r.variants.map((v) => [v.text, v.articles])));
/** The row holding a variant. */
const rowOf = (rows: StoryWording[], text: string) => rows.find((r) => r.variants.some((v) => v.text === text));

test(`${here}a person's forms of reference, each where it stands alone`, () => {
  const a = article({ id: 'a', source: 'A', text: 'Lawmakers met Governor Alma Brandt on Friday. Ms. Brandt said the levee would be rebuilt. Ms. Brandt left at noon.' });
  const b = article({ id: 'b', source: 'B', text: 'The levee will be rebuilt, Governor Brandt said on Friday. Brandt did not give a date.' });
  const c = article({ id: 'c', source: 'C', text: 'Alma Brandt promised to rebuild the levee. Her rival Tomas Brandt disagreed.' });
  const ctx = context([a, b, c], [
    { name: 'Alma Brandt', kind: 'person', spellings: ['Alma Brandt', 'Brandt'] },
    { name: 'Tomas Brandt', kind: 'person', spellings: ['Tomas Brandt'] },
  ]);
  // The second person's mention is not the first's: the helper gives every "Brandt" to Alma.
  ctx.entities[0].mentions = ctx.entities[0].mentions.filter((m) => !(m.article === 'c' && m.start! > 40));
  const row = nameForms(ctx).find((r) => r.concept.includes('Alma Brandt'));
  assert.ok(row, 'a row for the person');
  assert.deepEqual(byText([row]), {
    'Governor Alma Brandt': ['a'],
    'Governor Brandt': ['b'],
    'Alma Brandt': ['c'],
    'Ms. Brandt': ['a'],
    // "Brandt" alone stands in b only: in a it is inside longer forms, in c inside "Tomas Brandt".
    Brandt: ['b'],
  });
  assert.ok(row.confidence! > 0.5 && !row.tentative);
});

test(`${here}a capital at the start of a sentence is no title`, () => {
  const a = article({ id: 'a', source: 'A', text: 'Yesterday Brandt spoke to farmers. The governor, Alma Brandt, promised aid.' });
  const b = article({ id: 'b', source: 'B', text: 'Farmers heard from Brandt on Tuesday.' });
  const ctx = context([a, b], [{ name: 'Alma Brandt', kind: 'person', spellings: ['Alma Brandt', 'Brandt'] }]);
  const texts = nameForms(ctx).flatMap((r) => r.variants.map((v) => v.text));
  assert.ok(!texts.includes('Yesterday Brandt'), texts.join(' | '));
});

test(`${here}an acronym and its long form, and a long form and its extension`, () => {
  const a = article({ id: 'a', source: 'A', text: 'The Federal Widget Agency (FWA) opened an inquiry. Inspectors of the Office for Harbour Safety joined it.' });
  const b = article({ id: 'b', source: 'B', text: 'The FWA opened an inquiry on Monday. The Office for Harbour Safety and Navigation sent two inspectors.' });
  const rows = nameForms(context([a, b]));
  assert.deepEqual(byText(rows.filter((r) => r.variants.some((v) => v.text === 'FWA'))), { 'Federal Widget Agency': ['a'], FWA: ['a', 'b'] });
  assert.deepEqual(byText(rows.filter((r) => r.variants.some((v) => v.text.startsWith('Office')))), {
    'Office for Harbour Safety and Navigation': ['b'],
    'Office for Harbour Safety': ['a'],
  });
});

test(`${here}two people joined by "and" are no organisation`, () => {
  const a = article({ id: 'a', source: 'A', text: 'Talks between Alma Brandt and Tomas Reyes went on. Later Alma Brandt left.' });
  const b = article({ id: 'b', source: 'B', text: 'Alma Brandt met Tomas Reyes.' });
  const ctx = context([a, b], [
    { name: 'Alma Brandt', kind: 'person', spellings: ['Alma Brandt'] },
    { name: 'Tomas Reyes', kind: 'person', spellings: ['Tomas Reyes'] },
  ]);
  assert.deepEqual(nameForms(ctx).flatMap((r) => r.variants.map((v) => v.text)).filter((t) => t.includes(' and ')), []);
});

test(`${here}a compound hyphenated by one outlet and open in another`, () => {
  const a = article({ id: 'a', source: 'A', text: 'The cross-border raids continued. Cross-border trade fell.' });
  const b = article({ id: 'b', source: 'B', text: 'Residents fear more cross border raids this winter.' });
  const c = article({ id: 'c', source: 'C', text: 'Nobody mentioned the border at all.' });
  const rows = hyphenVariants(context([a, b, c]));
  assert.equal(rows.length, 1);
  assert.deepEqual(byText(rows), { 'cross-border raids': ['a'], 'Cross-border trade': ['a'], 'cross border raids': ['b'] });
  assert.ok(rows[0].confidence! >= 0.9);
});

test(`${here}a hyphenated title before a name is not a compound with a noun`, () => {
  const a = article({ id: 'a', source: 'A', text: 'The Secretary-General Ana Ruiz spoke.' });
  const b = article({ id: 'b', source: 'B', text: 'The Secretary General Ana Ruiz spoke.' });
  assert.deepEqual(hyphenVariants(context([a, b])), []);
});

test(`${here}aligned claims: the noun phrases that differ, and a modifier one outlet adds`, () => {
  const a = article({ id: 'a', source: 'A', text: 'The coal-fired economy slowed sharply last year amid slumping exports, officials in the capital said.' });
  const b = article({ id: 'b', source: 'B', text: 'The coal economy slowed sharply last year amid declining exports, officials in the capital said.' });
  const rows = slotVariants(context([a, b]));
  assert.deepEqual(byText(rows.filter((r) => r.variants.some((v) => v.text === 'coal economy'))), { 'coal-fired economy': ['a'], 'coal economy': ['b'] });
  assert.deepEqual(byText(rows.filter((r) => r.variants.some((v) => v.text === 'slumping exports'))), { 'slumping exports': ['a'], 'declining exports': ['b'] });
  for (const r of rows) {
    for (const e of r.evidence!) assert.equal(e.text, [a, b].find((x) => x.id === e.article)!.text.slice(e.start, e.end));
  }
});

test(`${here}aligned claims: figures and people are not wording`, () => {
  const a = article({ id: 'a', source: 'A', text: 'Rescuers pulled twelve miners from the flooded shaft on Sunday, the regional governor said.' });
  const b = article({ id: 'b', source: 'B', text: 'Rescuers pulled fifteen miners from the flooded shaft on Sunday, the regional governor said.' });
  const c = article({ id: 'c', source: 'C', text: 'Rescuers led by Ivo Marek pulled the miners from the flooded shaft on Sunday, the regional governor said.' });
  const d = article({ id: 'd', source: 'D', text: 'Rescuers led by Lena Hart pulled the miners from the flooded shaft on Sunday, the regional governor said.' });
  const ctx = context([a, b, c, d], [
    { name: 'Ivo Marek', kind: 'person', spellings: ['Ivo Marek'] },
    { name: 'Lena Hart', kind: 'person', spellings: ['Lena Hart'] },
  ]);
  const texts = slotVariants(ctx).flatMap((r) => r.variants.map((v) => v.text));
  assert.ok(!texts.some((t) => /twelve|fifteen|Marek|Hart/.test(t)), texts.join(' | '));
});

test(`${here}shared head in sentences that say the same, each outlet using one phrase`, () => {
  const a = article({ id: 'a', source: 'A', text: 'Flooding closed the automotive plant near the river port for three days, regional managers confirmed.' });
  const b = article({ id: 'b', source: 'B', text: 'Regional managers confirmed that flooding shut the automobile plant by the river port for days.' });
  const rows = headVariants(context([a, b]));
  assert.deepEqual(byText(rows), { 'automotive plant': ['a'], 'automobile plant': ['b'] });
});

test(`${here}shared head in unrelated sentences, or a common adjective shared, is no row`, () => {
  const a = article({ id: 'a', source: 'A', text: 'The automotive plant hired workers. A new plan for the harbour was published by the council on Monday.' });
  const b = article({ id: 'b', source: 'B', text: 'Storms hit the chemical plant on the coast. A new rule for the harbour was published by the council on Monday.' });
  assert.deepEqual(headVariants(context([a, b])), []);
});

test(`${here}rows ordered by how much the outlets differ, tentative rows last`, () => {
  const a = article({ id: 'a', source: 'A', text: 'The cross-border raids continued overnight. Cross-border trade fell. Lawmakers met Governor Alma Brandt on Friday.' });
  const b = article({ id: 'b', source: 'B', text: 'Residents fear more cross border raids and cross-border trade is down. Governor Brandt met lawmakers on Friday. Brandt spoke.' });
  const ctx = context([a, b], [{ name: 'Alma Brandt', kind: 'person', spellings: ['Alma Brandt', 'Brandt'] }]);
  const rows = compareWording(ctx);
  const names = rows.indexOf(rowOf(rows, 'Governor Brandt')!);
  const hyphens = rows.indexOf(rowOf(rows, 'cross border raids')!);
  // Names: the outlets share no form; hyphens: both write "cross-border trade".
  assert.ok(names >= 0 && hyphens >= 0 && names < hyphens, `${names} < ${hyphens}`);
  const firstTentative = rows.findIndex((r) => r.tentative);
  if (firstTentative >= 0) assert.ok(rows.slice(firstTentative).every((r) => r.tentative));
});

test(`${here}a title joined by a hyphen, and a title before a mention recognition missed`, () => {
  const a = article({ id: 'a', source: 'A', text: 'Two years ago then-Governor Brandt vetoed the levee bill. Brandt now backs it.' });
  const b = article({ id: 'b', source: 'B', text: 'Alma Brandt now backs the levee bill.' });
  const ctx = context([a, b], [{ name: 'Alma Brandt', kind: 'person', spellings: ['Alma Brandt', 'Brandt'] }]);
  // Recognition found "Brandt" in the second sentence of a only.
  ctx.entities[0].mentions = ctx.entities[0].mentions.filter((m) => !(m.article === 'a' && m.start! < 40));
  assert.deepEqual(byText(nameForms(ctx)), { 'then-Governor Brandt': ['a'], 'Alma Brandt': ['b'], Brandt: ['a'] });
});

test(`${here}the same figure in other words is wording, another figure is not`, () => {
  const a = article({ id: 'a', source: 'A', text: 'Crowds marked the four-year anniversary of the flood in the old harbour district on Sunday.' });
  const b = article({ id: 'b', source: 'B', text: 'Crowds in the old harbour district marked the fourth anniversary of the flood on Sunday.' });
  const c = article({ id: 'c', source: 'C', text: 'Crowds in the old harbour district marked the fifth anniversary of the flood on Sunday.' });
  const rows = headVariants(context([a, b, c]));
  const row = rowOf(rows, 'four-year anniversary');
  assert.ok(row, 'a row for the anniversary');
  assert.deepEqual(byText([row]), { 'four-year anniversary': ['a'], 'fourth anniversary': ['b'] });
  assert.equal(rowOf(rows, 'fifth anniversary'), undefined);
});

test(`${here}heads WordNet relates tie phrases sharing a modifier in loosely alike sentences; unrelated heads do not`, () => {
  const a = article({ id: 'a', source: 'A', text: 'The bill bans high-capacity magazines sold online.' });
  const b = article({ id: 'b', source: 'B', text: 'The bill would also limit high-capacity clips sold in stores.' });
  const c = article({ id: 'c', source: 'C', text: 'The bill bans high-capacity batteries sold online.' });
  const rows = headVariants(context([a, b]));
  assert.deepEqual(byText(rows), { 'high-capacity magazines': ['a'], 'high-capacity clips': ['b'] });
  assert.deepEqual(headVariants(context([b, c])), []);
});

test(`${here}aligned claims whose clauses come in another order`, () => {
  const a = article({ id: 'a', source: 'A', text: 'The harbour goals have not been met, which is why the military campaign continues in the south, the ministry spokesman told reporters on Friday.' });
  const b = article({ id: 'b', source: 'B', text: 'The ministry spokesman told reporters on Friday that the assault continues in the south because the harbour goals have not been met.' });
  const rows = slotVariants(context([a, b]));
  assert.deepEqual(byText(rows.filter((r) => r.variants.some((v) => v.text === 'assault'))), { 'military campaign': ['a'], assault: ['b'] });
});

test(`${here}every row has a confidence and evidence whose offsets give its text`, () => {
  const { articles, ctx } = fixture('summit');
  const rows = compareWording(ctx);
  assert.ok(rows.length > 0);
  for (const r of rows) {
    assert.ok(r.confidence !== undefined && r.confidence >= 0 && r.confidence <= 1, r.concept);
    assert.ok(r.evidence && r.evidence.length > 0, `evidence for ${r.concept}`);
    for (const e of r.evidence) {
      assert.equal(e.text, articles.find((a) => a.id === e.article)!.text.slice(e.start, e.end));
      assert.ok(r.variants.some((v) => v.articles.includes(e.article)), `${e.article} uses a variant of ${r.concept}`);
    }
  }
});

test(`${here}an acronym glossed by the long name's other words abbreviates it, its letters other than the initials`, () => {
  const a = article({ id: 'a', source: 'A', text: 'The minister addressed officers of his GKB border guard in the capital.' });
  const b = article({ id: 'b', source: 'B', text: 'He spoke to a meeting of the Garrison Border Guard on Tuesday. The GBG officers listened.' });
  const rows = nameForms(context([a, b]));
  const row = rows.find((r) => r.variants.some((v) => v.text === 'GKB'));
  assert.ok(row, JSON.stringify(rows.map((r) => r.variants.map((v) => v.text))));
  assert.deepEqual(byText([row]), { 'Garrison Border Guard': ['b'], GKB: ['a'], GBG: ['b'] });
  // Another first letter, or a gloss that is not the name's other words, ties nothing.
  const c = article({ id: 'c', source: 'C', text: 'The KGB border guard and the GKX coast guard stood by.' });
  const other = nameForms(context([b, c])).flatMap((r) => r.variants.map((v) => v.text));
  assert.ok(!other.includes('KGB') && !other.includes('GKX'), other.join(' | '));
});

test(`${here}how outlets describe a person: a title before the name, an appositive after it`, async () => {
  const { descriptionVariants } = await import('../../src/analyse/wording/descriptions.js');
  const a = article({ id: 'a', source: 'A', text: 'Outgoing harbour master Jane Doe warned on Monday that the quay could flood.' });
  const b = article({ id: 'b', source: 'B', text: 'Jane Doe, the retiring head of the Harbour Board, warned that the quay could flood.' });
  const c = article({ id: 'c', source: 'C', text: 'Port chiefs Jane Doe and John Roe spoke. Jane Doe, the head of the Bureau of Rope, Sail and Tar, left.' });
  const ctx = context([a, b, c], [
    { name: 'Jane Doe', kind: 'person', spellings: ['Jane Doe'] },
    { name: 'John Roe', kind: 'person', spellings: ['John Roe'] },
  ]);
  const rows = descriptionVariants(ctx);
  assert.equal(rows.length, 1, JSON.stringify(rows.map((r) => r.variants)));
  assert.deepEqual(byText(rows), { 'Outgoing harbour master': ['a'], 'retiring head of the Harbour Board': ['b'] });
  assert.equal(rows[0].concept, 'how outlets describe Jane Doe');
  // "Port chiefs" is two people's title; an appositive cut inside a list of names is not taken.
  assert.ok(rows[0].evidence!.every((e) => e.article !== 'c'));
});

test(`${here}a full name after a capitalised title word is still the person's form`, () => {
  const a = article({ id: 'a', source: 'A', text: 'The mayor will appoint Acting Director Mary Quill to lead the agency.' });
  const b = article({ id: 'b', source: 'B', text: 'The mayor will appoint Ann Mary Quill, who runs the agency, on Monday.' });
  const ctx = context([a, b], [{ name: 'Ann Mary Quill', kind: 'person', spellings: ['Ann Mary Quill', 'Mary Quill'] }]);
  const row = nameForms(ctx).find((r) => r.concept.includes('Quill'));
  assert.ok(row, 'a row for the person');
  assert.deepEqual(Object.keys(byText([row])).sort(), ['Ann Mary Quill', 'Director Mary Quill']);
});

test(`${here}a two-word name shortened after "the" where it stands alone, not where it modifies a noun`, () => {
  const a = article({ id: 'a', source: 'A', text: 'The envoy returned to Larch Hill this afternoon. The Tamber Fund gave money.' });
  const b = article({ id: 'b', source: 'B', text: 'The envoy went back to the Larch Thursday for talks. She praised the Tamber plan.' });
  const rows = nameForms(context([a, b]));
  const larch = rows.find((r) => r.variants.some((v) => v.text === 'Larch Hill'));
  assert.ok(larch, JSON.stringify(rows.map((r) => r.variants.map((v) => v.text))));
  assert.deepEqual(byText([larch]), { 'Larch Hill': ['a'], 'the Larch': ['b'] });
  assert.ok(!rows.some((r) => r.variants.some((v) => v.text === 'the Tamber')));
});

test(`${here}a spelling of one person's given name is counted only in that person's mentions, not where another person of that name stands`, async () => {
  const { spellingVariants } = await import('../../src/analyse/wording/spellings.js');
  const a = article({ id: 'a', source: 'A', text: 'Mayor Vasyl Kravets met Governor Vasil Berg on Monday.' });
  const b = article({ id: 'b', source: 'B', text: 'Mayor Vasil Kravets met the governor on Monday.' });
  const ctx = context([a, b], [
    { name: 'Vasyl Kravets', kind: 'person', spellings: ['Vasyl Kravets', 'Vasil Kravets'] },
    { name: 'Vasil Berg', kind: 'person', spellings: ['Vasil Berg'] },
  ]);
  const row = spellingVariants(ctx).find((r) => r.concept === 'Vasyl Kravets' && r.variants.some((v) => v.text === 'Vasil'));
  assert.ok(row, 'a row for the given name');
  // Article a says "Vasil" only of the governor.
  assert.deepEqual(byText([row]), { Vasyl: ['a'], Vasil: ['b'] });
});
