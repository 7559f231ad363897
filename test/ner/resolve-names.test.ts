import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { StoryEntity } from '../../src/types.js';
import type { EntityType } from '../../src/enrich/types.js';
import { resolveNamed } from './resolve-helper.js';
import { givenFit, personName } from '../../src/enrich/ner/names.js';

/** Articles of [id, text, names]: a span for each occurrence of each name not inside a longer one. */
const resolve = (docs: [string, string, [string, EntityType][]][]): StoryEntity[] => resolveNamed(docs.map(([id, text, names]) => ({ id, text, names })));

/** The entity holding a mention written `text`. */
const of = (es: StoryEntity[], text: string) => {
  const hits = es.filter((e) => e.mentions.some((m) => m.text === text));
  assert.equal(hits.length, 1, `${text}: ${hits.length} entities`);
  return hits[0];
};

test('a person’s name in parts: suffix, particles, middle names', () => {
  assert.deepEqual(personName('Joseph P. Kerrigan Jr.'), { given: ['Joseph', 'P.'], surname: 'Kerrigan', suffix: 'jr' });
  assert.deepEqual(personName('Ilse von der Brinken'), { given: ['Ilse'], surname: 'Brinken', suffix: '' });
  assert.deepEqual(personName('von der Brinken'), { given: [], surname: 'Brinken', suffix: '' });
});

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();
// [given names, given names, fit]
const fits: [string[], string[], ReturnType<typeof givenFit>][] = [
  [['Marvin', 'Lee'], ['Marvin', 'Lee'], 'same'],
  [['Lee'], ['Marvin', 'Lee'], 'loose'],
  [['M.', 'Lee'], ['Marvin', 'Lee'], 'loose'],
  [['J.R.'], ['JR'], 'same'],
  [['Joe'], ['Joseph', 'P.'], 'loose'],
  [['Alex'], ['Alexander'], 'loose'],
  [['Todd'], ['Byron'], null],
  [['John'], ['Jane'], null],
  [['J.'], ['Kate'], null],
  // Someone who goes by initials, and a middle name known only by its initial.
  [['T.J.'], ['Tobias'], null],
  [['T.J.'], ['Tobias', 'James'], 'loose'],
  [['Louis'], ['Vincent', 'L.'], null],
];

test('given names that can be one person’s, and those that cannot', () => {
  for (const [a, b, want] of fits) {
    assert.equal(givenFit(a, b, same), want, `${a} / ${b}`);
    assert.equal(givenFit(b, a, same), want, `${b} / ${a}`);
  }
});

test('one person under middle names, initials, familiar forms, suffixes and particles', () => {
  const es = resolve([
    ['a', 'Marvin Lee Okafor will lead the bureau. Joseph P. Kerrigan Jr. agreed. J.R. Tolland wrote. Ilse von der Brinken spoke.', [['Marvin Lee Okafor', 'PER'], ['Joseph P. Kerrigan Jr.', 'PER'], ['J.R. Tolland', 'PER'], ['Ilse von der Brinken', 'PER']]],
    ['b', 'Lee Okafor, the acting head, and Joe Kerrigan met JR Tolland; von der Brinken was there.', [['Lee Okafor', 'PER'], ['Joe Kerrigan', 'PER'], ['JR Tolland', 'PER'], ['von der Brinken', 'PER']]],
    ['c', 'M. Lee Okafor and Kerrigan left.', [['M. Lee Okafor', 'PER'], ['Kerrigan', 'PER']]],
  ]);
  const okafor = of(es, 'Marvin Lee Okafor');
  assert.equal(of(es, 'Lee Okafor'), okafor);
  assert.equal(of(es, 'M. Lee Okafor'), okafor);
  assert.equal(okafor.name, 'Marvin Lee Okafor');
  const kerrigan = of(es, 'Joseph P. Kerrigan Jr.');
  assert.equal(of(es, 'Joe Kerrigan'), kerrigan);
  assert.equal(of(es, 'Kerrigan'), kerrigan);
  assert.equal(of(es, 'JR Tolland'), of(es, 'J.R. Tolland'));
  assert.equal(of(es, 'von der Brinken'), of(es, 'Ilse von der Brinken'));
  assert.equal(of(es, 'Ilse von der Brinken').kind, 'person');
});

test('two people are never one: other given names, a shared initial, a surname spelt otherwise', () => {
  const es = resolve([
    ['a', 'Todd Okafor and Byron Okafor argued. John Amsel met Jane Amsel. Lisa Smithe and Ola Smith spoke.', [['Todd Okafor', 'PER'], ['Byron Okafor', 'PER'], ['John Amsel', 'PER'], ['Jane Amsel', 'PER'], ['Lisa Smithe', 'PER'], ['Ola Smith', 'PER']]],
    ['b', 'J. Amsel declined. Smith said yes; Mr. Smithe said no.', [['J. Amsel', 'PER'], ['Smith', 'PER'], ['Smithe', 'PER']]],
  ]);
  assert.notEqual(of(es, 'Todd Okafor'), of(es, 'Byron Okafor'));
  assert.notEqual(of(es, 'John Amsel'), of(es, 'Jane Amsel'));
  // "J. Amsel" could be either: it joins neither.
  assert.notEqual(of(es, 'J. Amsel'), of(es, 'John Amsel'));
  assert.notEqual(of(es, 'J. Amsel'), of(es, 'Jane Amsel'));
  assert.equal(of(es, 'Smith'), of(es, 'Ola Smith'));
  assert.equal(of(es, 'Smithe'), of(es, 'Lisa Smithe'));
});

test('father and son: Jr. and Sr. stay apart, and the name without a suffix joins neither', () => {
  const es = resolve([
    ['a', 'Walter Penning Sr. founded it; Walter Penning Jr. sold it. T.J. Arlo coached Tobias Arlo.', [['Walter Penning Sr.', 'PER'], ['Walter Penning Jr.', 'PER'], ['T.J. Arlo', 'PER'], ['Tobias Arlo', 'PER']]],
    ['b', 'Walter Penning spoke.', [['Walter Penning', 'PER']]],
  ]);
  const sr = of(es, 'Walter Penning Sr.');
  const jr = of(es, 'Walter Penning Jr.');
  assert.notEqual(sr, jr);
  assert.notEqual(of(es, 'Walter Penning'), sr);
  assert.notEqual(of(es, 'Walter Penning'), jr);
  assert.notEqual(of(es, 'T.J. Arlo'), of(es, 'Tobias Arlo'));
});

test('acronyms: defined in brackets, or spelt by the initials of the words and their parts', () => {
  const es = resolve([
    ['a', 'a score from the Joint Board of Tides (JBT) and a report by Agence Nord-Sud', [['Joint Board of Tides', 'ORG'], ['JBT', 'ORG'], ['Agence Nord-Sud', 'ORG']]],
    ['b', 'The JBT said so, ANS reported. The Forest Service (FSV) agreed.', [['JBT', 'ORG'], ['ANS', 'ORG'], ['Forest Service', 'ORG'], ['FSV', 'ORG']]],
  ]);
  assert.equal(of(es, 'JBT'), of(es, 'Joint Board of Tides'));
  assert.equal(of(es, 'ANS'), of(es, 'Agence Nord-Sud'));
  // Initials FS, but the text defines FSV as the Forest Service.
  assert.equal(of(es, 'FSV'), of(es, 'Forest Service'));
});

test('a name and its longer form: body or area, an organisation cut short; a place and its university stay apart', () => {
  const es = resolve([
    ['a', 'Halvorsen News reported that the Centers for Soil Health and Mapping met in Brightwater. Kelso Oblast is cold.', [['Halvorsen News', 'ORG'], ['Centers for Soil Health and Mapping', 'ORG'], ['Brightwater', 'LOC'], ['Kelso Oblast', 'LOC']]],
    ['b', 'Halvorsen said the Centers for Soil Health agreed, as did Brightwater University and officials in Kelso.', [['Halvorsen', 'PER'], ['Centers for Soil Health', 'ORG'], ['Brightwater University', 'ORG'], ['Kelso', 'LOC']]],
  ]);
  assert.equal(of(es, 'Halvorsen'), of(es, 'Halvorsen News'));
  assert.equal(of(es, 'Halvorsen News').kind, 'organization');
  assert.equal(of(es, 'Centers for Soil Health'), of(es, 'Centers for Soil Health and Mapping'));
  assert.equal(of(es, 'Kelso'), of(es, 'Kelso Oblast'));
  assert.notEqual(of(es, 'Brightwater'), of(es, 'Brightwater University'));
});

test('a town with its state abbreviated after it is the town', () => {
  const es = resolve([
    ['a', 'the shooting in Millbrook, Conn., shocked Millbrook.', [['Millbrook', 'LOC'], ['Conn', 'LOC']]],
    ['b', 'Residents of Millbrook, CT mourned; Paris, France was quiet.', [['Millbrook', 'LOC'], ['CT', 'LOC'], ['Paris', 'LOC'], ['France', 'LOC']]],
  ]);
  const town = of(es, 'Millbrook, Conn.');
  assert.equal(town.name, 'Millbrook');
  assert.equal(of(es, 'Millbrook'), town);
  assert.equal(of(es, 'Millbrook, CT'), town);
  assert.ok(!es.some((e) => e.mentions.some((m) => m.text === 'Conn' || m.text === 'CT')));
  assert.notEqual(of(es, 'Paris'), of(es, 'France'));
});

test('a long name shortened to a run of its initials; a shorter name’s run is no acronym of it', () => {
  const es = resolve([
    ['a', 'the Bureau of Salt, Sugar, Spice and Herbs named a head. The Northern Ocean Trade Council met.', [['Bureau of Salt, Sugar, Spice and Herbs', 'ORG'], ['Northern Ocean Trade Council', 'ORG']]],
    ['b', 'The SSS nominee and the OTC spoke.', [['SSS', 'ORG'], ['OTC', 'ORG']]],
  ]);
  assert.equal(of(es, 'SSS'), of(es, 'Bureau of Salt, Sugar, Spice and Herbs'));
  assert.notEqual(of(es, 'OTC'), of(es, 'Northern Ocean Trade Council'));
});

test('a place with an area word in lower case after it is that place, written so', () => {
  const es = resolve([
    ['a', 'In Velsk region, the plant slowed. Velsk expects a deficit.', [['Velsk', 'LOC']]],
    ['b', 'Regions such as Velsk Oblast struggle.', [['Velsk Oblast', 'LOC']]],
  ]);
  const velsk = of(es, 'Velsk region');
  assert.equal(velsk.name, 'Velsk');
  assert.equal(of(es, 'Velsk'), velsk);
  assert.equal(of(es, 'Velsk Oblast'), velsk);
});

test('a place that is also someone’s surname stays a place; acronyms are not spelling variants', () => {
  const es = resolve([
    ['a', 'Leon Tarrant played. The talks in Tarrant ended; Tarrant officials and CNA staff left.', [['Leon Tarrant', 'PER'], ['Tarrant', 'LOC'], ['CNA', 'ORG']]],
    ['b', 'Later in Tarrant the ABX, CNN and Abex reporters met.', [['Tarrant', 'LOC'], ['CNN', 'ORG'], ['ABX', 'ORG'], ['Abex', 'ORG']]],
  ]);
  const place = es.find((e) => e.kind === 'place' && e.mentions.some((m) => m.text === 'Tarrant'));
  assert.ok(place, 'Tarrant stays a place');
  assert.ok(!of(es, 'Leon Tarrant').mentions.some((m) => m.text === 'Tarrant'));
  assert.notEqual(of(es, 'CNA'), of(es, 'CNN'));
  assert.notEqual(of(es, 'ABX'), of(es, 'Abex'));
});

test('a surname the tagger once took for a place still joins the person the story mostly names', () => {
  const es = resolve([
    ['a', 'Mara Quellen spoke. Quellen said yes.', [['Mara Quellen', 'PER'], ['Quellen', 'PER']]],
    ['b', 'Quellen agreed, and Quellen left.', [['Quellen', 'PER']]],
    ['c', 'A letter from Quellen arrived.', [['Quellen', 'LOC']]],
  ]);
  const person = of(es, 'Mara Quellen');
  assert.deepEqual(new Set(person.mentions.map((m) => m.article)), new Set(['a', 'b', 'c']));
});

test('acronyms stay apart from a body they only name a part of, and from a name cut short', () => {
  const es = resolve([
    ['a', 'the Farm Loan Agency of the Trade Department said, and Parliamentarians for Ocean Rights (POR) agreed.', [['Farm Loan Agency of the Trade Department', 'ORG'], ['Ocean Rights', 'ORG'], ['POR', 'ORG']]],
    ['b', 'The FLA disagreed; the TD and POR did not. Somali pirates left Somalia.', [['FLA', 'ORG'], ['TD', 'ORG'], ['POR', 'ORG'], ['Somali', 'MISC'], ['Somalia', 'LOC']]],
  ]);
  // FLA opens the initials FLATD: the agency's own acronym would be FLATD or a run inside it.
  assert.notEqual(of(es, 'FLA'), of(es, 'Farm Loan Agency of the Trade Department'));
  assert.notEqual(of(es, 'POR'), of(es, 'Ocean Rights'));
  assert.notEqual(of(es, 'Somali'), of(es, 'Somalia'));
});
