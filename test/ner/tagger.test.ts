import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { recogniseEntities, tokenize } from '../../src/enrich/ner/index.js';
import { tagConll } from '../../src/enrich/ner/conll.js';
import { tagTokens } from '../../src/enrich/ner/index.js';
import { allowed, toBilou, toBio } from '../../src/enrich/ner/perceptron.js';

const fixture = (name: string) => new URL(`../fixtures/ner/${name}`, import.meta.url);

test('tokens keep their offsets and split as the training data does', () => {
  const text = 'NATO’s chief, Mark Rutte — in Brussels — said “no” to the U.S. plan (2,500 troops).';
  const toks = tokenize(text);
  for (const t of toks) assert.equal(text.slice(t.start, t.end), t.text);
  assert.deepEqual(toks.map((t) => t.text), ['NATO', '’s', 'chief', ',', 'Mark', 'Rutte', '—', 'in', 'Brussels', '—', 'said', '“', 'no', '”', 'to', 'the', 'U.S.', 'plan', '(', '2,500', 'troops', ')', '.']);
});

const tokenRows: [string, string[]][] = [
  ['On 1996-08-31 the 10-year-old won $1,500.50 (3.5%).', ['On', '1996-08-31', 'the', '10-year-old', 'won', '$', '1,500.50', '(', '3.5', '%', ')', '.']],
  ['Mr. Smith of Acme Corp. met Dr. Jones in St. Louis.', ['Mr.', 'Smith', 'of', 'Acme', 'Corp.', 'met', 'Dr.', 'Jones', 'in', 'St.', 'Louis', '.']],
  ['George W. Bush and AT&T', ['George', 'W.', 'Bush', 'and', 'AT&T']],
  ['Zelenskyy’s aide and O’Brien’s', ['Zelenskyy', '’s', 'aide', 'and', 'O’Brien', '’s']],
  ["Rutte 's plan -- agreed ...", ['Rutte', "'s", 'plan', '--', 'agreed', '...']],
  ['3. Łukasz Kamiński ( Poland ) +0.435', ['3.', 'Łukasz', 'Kamiński', '(', 'Poland', ')', '+0.435']],
  ['It ended in 2019. Then Kyiv—Kiev.', ['It', 'ended', 'in', '2019', '.', 'Then', 'Kyiv', '—', 'Kiev', '.']],
  ['Truthmeter.org rated it; ends in Shopmart.com.', ['Truthmeter.org', 'rated', 'it', ';', 'ends', 'in', 'Shopmart.com', '.']],
];

test('tokens split as CoNLL-2003 does, on text as news sites write it', () => {
  for (const [text, want] of tokenRows) assert.deepEqual(tokenize(text).map((t) => t.text), want, text);
});

// Sentences written for this test, in the manner of news reports; each row: text, entities wanted.
const rows: [string, [string, string][]][] = [
  ['NATO Secretary General Mark Rutte met Ukrainian Foreign Minister Andrii Sybiha in Brussels on Tuesday.', [['NATO', 'ORG'], ['Mark Rutte', 'PER'], ['Andrii Sybiha', 'PER'], ['Brussels', 'LOC']]],
  ['“We will not give up,” President Volodymyr Zelenskyy told reporters in Kyiv.', [['Volodymyr Zelenskyy', 'PER'], ['Kyiv', 'LOC']]],
  ['Luxembourg’s foreign minister Xavier Bettel said the European Union would keep its sanctions on Russia.', [['Luxembourg', 'LOC'], ['Xavier Bettel', 'PER'], ['European Union', 'ORG'], ['Russia', 'LOC']]],
  ['Shares of Microsoft rose 3 percent in New York after the company reported strong results.', [['Microsoft', 'ORG'], ['New York', 'LOC']]],
];

test('recognises people, organisations and places in news sentences', () => {
  for (const [text, want] of rows) {
    const got = recogniseEntities(text);
    for (const e of got) assert.equal(text.slice(e.start, e.end), e.text, 'offsets point into the text');
    for (const [name, type] of want) {
      const hit = got.find((e) => e.text === name);
      assert.ok(hit, `${name} in: ${text} (got ${got.map((e) => `${e.text}/${e.type}`).join(', ')})`);
      assert.equal(hit.type, type, `${name} as ${type}`);
    }
  }
});

test('a possessive stays outside the name', () => {
  const text = 'The alliance backed Mark Rutte’s plan, which was welcomed by Germany\'s chancellor.';
  const got = recogniseEntities(text).map((e) => e.text);
  assert.ok(got.includes('Mark Rutte'), got.join(','));
  assert.ok(got.includes('Germany'), got.join(','));
  assert.ok(!got.some((t) => /['’]s$/.test(t)), got.join(','));
});

test('headlines in capitals are tagged too', () => {
  const got = recogniseEntities('GERMANY AND FRANCE BACK NEW EU SANCTIONS AGAINST RUSSIA');
  const names = got.map((e) => e.text);
  for (const n of ['GERMANY', 'FRANCE', 'RUSSIA']) assert.ok(names.includes(n), names.join(','));
});

test('BILOU and IOB2 convert both ways', () => {
  const bio = ['B-PER', 'I-PER', 'O', 'B-LOC', 'B-ORG', 'I-ORG', 'I-ORG'];
  const bilou = ['B-PER', 'L-PER', 'O', 'U-LOC', 'B-ORG', 'I-ORG', 'L-ORG'];
  assert.deepEqual(toBilou(bio), bilou);
  assert.deepEqual(toBio(bilou), bio);
  assert.equal(allowed('B-PER', 'L-PER'), true);
  assert.equal(allowed('B-PER', 'O'), false);
  assert.equal(allowed('O', 'I-LOC'), false);
  assert.equal(allowed('<s>', 'U-ORG'), true);
});

test('CoNLL files come back with one predicted tag appended to each token line', () => {
  const input = readFileSync(fixture('sample.conll'), 'utf8');
  const out = tagConll(input, recogniseEntities, tagTokens);
  const inLines = input.split('\n');
  const outLines = out.split('\n');
  assert.equal(outLines.length, inLines.length);
  const pred = new Map<string, string>();
  outLines.forEach((l, i) => {
    if (!inLines[i].trim() || inLines[i].startsWith('-DOCSTART-')) return assert.equal(l, inLines[i]);
    assert.ok(l.startsWith(inLines[i] + ' '), l);
    const tag = l.split(' ').pop()!;
    assert.match(tag, /^(?:O|[BI]-(?:PER|ORG|LOC|MISC))$/);
    pred.set(l.split(' ')[0], tag);
  });
  assert.equal(pred.get('Lisbon'), 'B-LOC');
  assert.equal(pred.get('Maria'), 'B-PER');
  assert.equal(pred.get('Duarte'), 'I-PER');
  assert.equal(pred.get('Brussels'), 'B-LOC');
  assert.equal(pred.get('delegation'), 'O');
});

test('within one text, a name keeps one type', () => {
  const text = [
    'Foreign Minister Helena Duarte arrived in Lisbon on Monday.',
    'Duarte said Portugal would send more aid. Lisbon has promised help before, and Duarte repeated it.',
    'Asked about Brussels, Duarte declined to comment.',
  ].join('\n\n');
  const got = recogniseEntities(text);
  const types = new Map<string, Set<string>>();
  for (const e of got) types.set(e.text, (types.get(e.text) ?? new Set()).add(e.type));
  assert.deepEqual([...(types.get('Duarte') ?? [])], ['PER'], JSON.stringify(got));
  assert.equal(got.filter((e) => e.text === 'Duarte').length, 3);
  for (const [name, t] of types) assert.equal(t.size, 1, `${name}: ${[...t]}`);
});

test('a capitalised function word before a name stays outside it', () => {
  const got = recogniseEntities('"The Obama administration is intent on it," he said. The Merkel government agreed.');
  assert.ok(!got.some((e) => /^The\b/.test(e.text)), JSON.stringify(got));
});
