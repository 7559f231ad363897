import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { decodeModel, encodeModel } from '../../src/enrich/ner/model-file.js';
import { NerModel, fnv, type ModelData } from '../../src/enrich/ner/perceptron.js';
import { MODEL_FILE, recogniseEntities } from '../../src/enrich/ner/index.js';

/** A small model: a few features with weights of hundredths, and every lexicon table. */
function smallModel(): ModelData {
  const tags = ['O', 'B-PER', 'I-PER', 'B-ORG', 'I-ORG', 'B-LOC', 'I-LOC', 'B-MISC', 'I-MISC'];
  const weights: Record<string, number[]> = {};
  for (let k = 0; k < 400; k++) weights[String(fnv(`feature ${k}`))] = [k % 9, (((k * 37) % 700) - 350) / 100, (k + 4) % 9, -(k % 13) / 100];
  return {
    tags,
    weights,
    gazetteer: { brell: 'PER', kyiv: 'LOC', acme: 'ORG|PER', 'zürich': 'LOC' },
    phrases: { 'acme harbour works': 'ORG', 'tomas brell': 'PER' },
    clusters: { Brell: [1, 10, 100], Kyiv: [2, 20, 200], the: [3, 30, 300], '0': [4, 40, 400] },
    caseRatio: { brell: 4, the: 0, kyiv: 4 },
  };
}

test('the model file gives the tagger of the tables it was made from', () => {
  const data = smallModel();
  const fromTables = new NerModel(data);
  const fromFile = decodeModel(encodeModel(data));
  const sentences = [
    ['Tomas', 'Brell', 'of', 'Acme', 'Harbour', 'Works', 'visited', 'Kyiv', 'in', '2024', '.'],
    ['THE', 'ZÜRICH', 'TALKS', 'constructor', '__proto__', 'toString'],
    ['the', 'Brell', 'BRELL', 'brell', 'Ünknown', '—', '“', 'x'],
  ];
  for (const s of sentences) assert.deepEqual(fromFile.tag(s), fromTables.tag(s), s.join(' '));
  for (const w of ['Brell', 'THE', 'kyiv', 'nothing', 'constructor']) assert.equal(fromFile.caseRatio(w), fromTables.caseRatio(w), w);
});

test('the model file refuses weights it cannot hold exactly', () => {
  const data = smallModel();
  data.weights['12345'] = [1, 0.125];
  assert.throws(() => encodeModel(data), /hundredths/);
  assert.throws(() => decodeModel(Buffer.from('not a model')), /not a named-entity model/);
});

test('the shipped model is a model file, and words that name object properties tag as words', () => {
  assert.equal(readFileSync(MODEL_FILE).subarray(0, 5).toString('latin1'), 'PXNER');
  const spans = recogniseEntities('The constructor of the bridge, Tomas Brell, said hasOwnProperty and __proto__ are words.');
  assert.ok(spans.some((s) => s.text === 'Tomas Brell'));
});
