import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Article, StoryEntity } from '../../src/types.js';
import type { EntitySpan, EntityType } from '../../src/enrich/types.js';
import { foldWord, nameCore, resolveEntities } from '../../src/analyse/entities.js';

// Spellings that transliteration systems produce for one name fold to one key; different names don't.
const same: string[][] = [
  ['Zelenskyy', 'Zelensky', 'Zelenskyi', 'Selensky', 'Zelenskiy'],
  ['Andrii', 'Andriy', 'Andrij'],
  ['Kyiv', 'Kiev'],
  ['Donbas', 'Donbass'],
  ['Kharkiv', 'Kharkiv'],
  ['Dmitry', 'Dmitriy', 'Dmitrij'],
  ['Aleksandr', 'Alexandr'],
  ['Khodorkovsky', 'Hodorkovsky'],
];
const different: [string, string][] = [
  ['Iran', 'Iraq'],
  ['Austria', 'Australia'],
  ['Putin', 'Peskov'],
  ['Sweden', 'Sudan'],
  ['Mark', 'Maria'],
];

test('transliteration variants fold alike', () => {
  for (const row of same) for (const w of row) assert.equal(foldWord(w), foldWord(row[0]), `${w} ~ ${row[0]}`);
  for (const [a, b] of different) assert.notEqual(foldWord(a), foldWord(b), `${a} ≁ ${b}`);
});

const cores: [string, EntityType, string][] = [
  ['Rutte’s', 'PER', 'Rutte'],
  ["Rutte's", 'PER', 'Rutte'],
  ['Secretary General Mark Rutte', 'PER', 'Mark Rutte'],
  ['NATO Secretary General Mark Rutte', 'PER', 'Mark Rutte'],
  ['President Volodymyr Zelenskyy', 'PER', 'Volodymyr Zelenskyy'],
  ['Dr. Anna Schmidt', 'PER', 'Anna Schmidt'],
  ['the Kremlin', 'ORG', 'Kremlin'],
  ['Brussels', 'LOC', 'Brussels'],
  ['General Motors', 'ORG', 'General Motors'],
];

test('the name inside a mention: possessives, titles and articles dropped', () => {
  for (const [text, type, want] of cores) assert.equal(nameCore(text, type), want, text);
});

/** An article of `text` with a span for every occurrence of each [name, type]. */
function article(id: string, text: string, names: [string, EntityType][]): [Article, EntitySpan[]] {
  const spans: EntitySpan[] = [];
  for (const [name, type] of names) {
    for (let i = text.indexOf(name); i >= 0; i = text.indexOf(name, i + name.length)) {
      // Skip occurrences inside a longer name of the list ("Rutte" inside "Mark Rutte").
      if (spans.some((s) => s.start <= i && i + name.length <= s.end)) continue;
      spans.push({ start: i, end: i + name.length, text: name, type });
    }
  }
  const a = { id, source: null, url: null, title: null, kicker: null, dek: null, byline: null, published: null, dateline: null, language: 'en', blocks: [], text, contentHash: id, provenance: {}, removed: [], messages: [], raw: { kind: 'text', origin: id, content: text } } satisfies Article;
  return [a, spans];
}

function resolve(docs: [string, string, [string, EntityType][]][]): StoryEntity[] {
  // Longest names first, so "Rutte" inside "Mark Rutte" is not tagged twice.
  const built = docs.map(([id, text, names]) => article(id, text, [...names].sort((x, y) => y[0].length - x[0].length)));
  return resolveEntities(built.map(([a]) => a), new Map(built.map(([a, s]) => [a.id, s])));
}

const find = (es: StoryEntity[], text: string) => es.filter((e) => e.mentions.some((m) => m.text === text));

test('one entity per referent across spellings, titles and possessives', () => {
  const es = resolve([
    ['a', 'President Volodymyr Zelenskyy met Secretary General Mark Rutte in Kyiv. Volodymyr Zelenskyy thanked him.', [['President Volodymyr Zelenskyy', 'PER'], ['Volodymyr Zelenskyy', 'PER'], ['Secretary General Mark Rutte', 'PER'], ['Kyiv', 'LOC']]],
    ['b', 'Volodymyr Zelenskyi spoke to Andriy Sybiha. Later Volodymyr Selensky left Kiev for the Donbass.', [['Volodymyr Zelenskyi', 'PER'], ['Andriy Sybiha', 'PER'], ['Volodymyr Selensky', 'PER'], ['Kiev', 'LOC'], ['Donbass', 'LOC']]],
    ['c', 'Rutte’s visit pleased Zelensky, said Andrii Sybiha, who was in the Donbas.', [['Rutte’s', 'PER'], ['Zelensky', 'PER'], ['Andrii Sybiha', 'PER'], ['Donbas', 'LOC']]],
    ['d', 'Vladimir Zelensky and Vladimir Putin did not meet. Mark Rutte spoke.', [['Vladimir Zelensky', 'PER'], ['Vladimir Putin', 'PER'], ['Mark Rutte', 'PER']]],
  ]);
  const zel = find(es, 'Zelensky');
  assert.equal(zel.length, 1);
  assert.equal(zel[0].name, 'Volodymyr Zelenskyy', 'the most common full form');
  assert.equal(zel[0].kind, 'person');
  assert.deepEqual(new Set(zel[0].mentions.map((m) => m.text)), new Set(['President Volodymyr Zelenskyy', 'Volodymyr Zelenskyy', 'Volodymyr Zelenskyi', 'Volodymyr Selensky', 'Zelensky', 'Vladimir Zelensky']));
  const rutte = find(es, 'Rutte’s');
  assert.equal(rutte.length, 1);
  assert.equal(rutte[0].name, 'Mark Rutte');
  assert.deepEqual(new Set(rutte[0].mentions.map((m) => m.article)), new Set(['a', 'c', 'd']));
  const sybiha = find(es, 'Andriy Sybiha');
  assert.equal(sybiha.length, 1);
  assert.ok(sybiha[0].mentions.some((m) => m.text === 'Andrii Sybiha'));
  const kyiv = find(es, 'Kyiv');
  assert.equal(kyiv.length, 1);
  assert.equal(kyiv[0].kind, 'place');
  assert.ok(kyiv[0].mentions.some((m) => m.text === 'Kiev'));
  assert.equal(find(es, 'Donbas')[0], find(es, 'Donbass')[0]);
  const putin = find(es, 'Vladimir Putin');
  assert.equal(putin.length, 1);
  assert.notEqual(putin[0], zel[0], 'a shared given name does not merge two people');
  // Every mention points at its text.
  for (const e of es) for (const m of e.mentions) if (m.start !== undefined) assert.ok(m.end! > m.start);
});

test('a surname two people share stays apart from both; unlike names stay apart', () => {
  const es = resolve([
    ['a', 'George Bush and Laura Bush arrived. Bush waved. Officials from Iran and Iraq met in Austria.', [['George Bush', 'PER'], ['Laura Bush', 'PER'], ['Bush', 'PER'], ['Iran', 'LOC'], ['Iraq', 'LOC'], ['Austria', 'LOC']]],
    ['b', 'Ministers from Australia and the European Union agreed.', [['Australia', 'LOC'], ['European Union', 'ORG']]],
  ]);
  const george = find(es, 'George Bush')[0];
  const laura = find(es, 'Laura Bush')[0];
  assert.notEqual(george, laura);
  assert.ok(!george.mentions.some((m) => m.text === 'Bush'));
  assert.ok(!laura.mentions.some((m) => m.text === 'Bush'));
  assert.notEqual(find(es, 'Iran')[0], find(es, 'Iraq')[0]);
  assert.notEqual(find(es, 'Austria')[0], find(es, 'Australia')[0]);
  assert.equal(find(es, 'European Union')[0].kind, 'organization');
});

test('a role names the one person whose title fits it', () => {
  const es = resolve([
    ['a', 'NATO Secretary General Mark Rutte arrived in Brussels. Kremlin spokesman Dmitry Peskov replied at once.', [['Mark Rutte', 'PER'], ['Dmitry Peskov', 'PER'], ['Brussels', 'LOC'], ['NATO', 'ORG'], ['Kremlin', 'ORG']]],
    ['b', 'The NATO chief said the alliance would help. The spokesman disagreed, and the president stayed silent.', [['NATO', 'ORG']]],
  ]);
  const rutte = find(es, 'Mark Rutte')[0];
  const peskov = find(es, 'Dmitry Peskov')[0];
  assert.ok(rutte.mentions.some((m) => m.article === 'b' && m.text === 'The NATO chief'), JSON.stringify(rutte.mentions));
  assert.ok(peskov.mentions.some((m) => m.article === 'b' && m.text === 'The spokesman'), JSON.stringify(peskov.mentions));
  // No one in the story is called president: that role stays unresolved.
  assert.ok(!es.some((e) => e.mentions.some((m) => /president/i.test(m.text))));
});

test('"the president" alone is not given to the one person titled president', () => {
  const es = resolve([
    ['a', 'Campaign president Chad Griffin welcomed the ruling. The president signed the order on Friday.', [['Chad Griffin', 'PER']]],
  ]);
  assert.ok(!find(es, 'Chad Griffin')[0].mentions.some((m) => /president/i.test(m.text)));
});

test('a role two people could hold stays unresolved', () => {
  const es = resolve([
    ['a', 'Kremlin spokesman Dmitry Peskov and White House spokesman John Kirby spoke. The spokesman left early.', [['Dmitry Peskov', 'PER'], ['John Kirby', 'PER']]],
  ]);
  assert.ok(!es.some((e) => e.mentions.some((m) => m.text === 'The spokesman')));
});

test('an acronym joins the one name whose initials it spells', () => {
  const es = resolve([
    ['a', 'The European Union and the United States agreed. Officials of the Ministry of Foreign Affairs spoke.', [['European Union', 'ORG'], ['United States', 'LOC'], ['Ministry of Foreign Affairs', 'ORG']]],
    ['b', 'The EU and the U.S. agreed, the MFA said. Mark Evans Udall spoke to the MEU.', [['EU', 'ORG'], ['U.S.', 'LOC'], ['MFA', 'ORG'], ['Mark Evans Udall', 'PER'], ['MEU', 'ORG']]],
  ]);
  assert.equal(find(es, 'EU')[0], find(es, 'European Union')[0]);
  assert.equal(find(es, 'U.S.')[0], find(es, 'United States')[0]);
  assert.equal(find(es, 'MFA')[0], find(es, 'Ministry of Foreign Affairs')[0]);
  assert.notEqual(find(es, 'MEU')[0], find(es, 'Mark Evans Udall')[0], 'never into a person');
  assert.equal(es.filter((e) => e.mentions.length === 0).length, 0, 'no empty entities');
});

test('roles with capitals and several office words', () => {
  const es = resolve([
    ['a', 'US President Joe Biden met NATO Secretary General Jens Stoltenberg.', [['Joe Biden', 'PER'], ['Jens Stoltenberg', 'PER']]],
    ['b', 'The US President spoke first; the NATO Secretary General answered.', []],
  ]);
  assert.ok(find(es, 'Joe Biden')[0].mentions.some((m) => m.text === 'The US President'));
  assert.ok(find(es, 'Jens Stoltenberg')[0].mentions.some((m) => m.text === 'the NATO Secretary General'));
});
