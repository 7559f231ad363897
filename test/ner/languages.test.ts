import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadedModels, recogniseEntities } from '../../src/enrich/ner/index.js';
import { nameStem } from '../../src/enrich/ner/stems.js';
import { decodeModel, encodeModel } from '../../src/enrich/ner/model-file.js';
import { NerModel } from '../../src/enrich/ner/perceptron.js';
import { enrichText, enrichVersion } from '../../src/enrich/index.js';

// Sentences written for these tests, in the manner of news reports in each language.
const found = (text: string, lang: string | null) => recogniseEntities(text, lang).map((s) => `${s.type} ${s.text}`);

test('each language loads its own model only, on its first text', () => {
  assert.deepEqual(loadedModels(), []);
  recogniseEntities('Am Montag sprach Klaus Berghoff in Köln.', 'de');
  assert.deepEqual(loadedModels(), ['de']);
});

test('German: days and capitalised common nouns are not names; a person and a city are', () => {
  const text = 'Am Montag teilte die Polizei in Köln mit, dass Bürgermeister Klaus Berghoff die Straße wegen der Regierung sperren ließ.';
  const spans = found(text, 'de');
  assert.ok(spans.includes('PER Klaus Berghoff'), spans.join('; '));
  assert.ok(spans.includes('LOC Köln'), spans.join('; '));
  for (const noun of ['Montag', 'Polizei', 'Bürgermeister', 'Straße', 'Regierung']) assert.ok(!spans.some((s) => s.includes(noun)), `${noun}: ${spans.join('; ')}`);
});

test('Russian: a person named in two cases is a person both times', () => {
  const text = 'Владимир Путин провёл совещание с губернатором в Москве. Журналисты спросили Путина о бюджете.';
  const spans = found(text, 'ru');
  assert.ok(spans.includes('PER Владимир Путин'), spans.join('; '));
  assert.ok(spans.includes('PER Путина'), spans.join('; '));
  assert.ok(spans.includes('LOC Москве'), spans.join('; '));
  assert.ok(!spans.some((s) => /совещание|губернатором|Журналисты/.test(s)), spans.join('; '));
});

test('Spanish: a person and a city, not the sentence\'s first word', () => {
  const text = 'El ministro Rodrigo Almansa viajó el martes a Sevilla para reunirse con los agricultores.';
  const spans = found(text, 'es');
  assert.ok(spans.includes('PER Rodrigo Almansa'), spans.join('; '));
  assert.ok(spans.includes('LOC Sevilla'), spans.join('; '));
  assert.ok(!spans.some((s) => /\bEl\b|martes/.test(s)), spans.join('; '));
});

test('a language without a model keeps only full names of people and known places', () => {
  const text = 'Le président Émile Garnier a rencontré mardi à Paris le ministre de la Santé.';
  const spans = found(text, 'fr');
  assert.ok(spans.includes('PER Émile Garnier'), spans.join('; '));
  assert.ok(spans.includes('LOC Paris'), spans.join('; '));
  assert.ok(!spans.some((s) => /\bLe\b|Santé/.test(s)), spans.join('; '));
  // Nouns capitalised throughout, or a script the English tagger cannot read: nothing.
  assert.deepEqual(found('Am Méindeg huet d’Regierung zu Lëtzebuerg decidéiert.', 'lb'), []);
  assert.deepEqual(found('التقى الرئيس وزير الخارجية في القاهرة.', 'ar'), []);
});

test('English and text of unknown language go through the English model as before', () => {
  const text = 'Foreign Minister Andrii Sybiha met NATO officials in Brussels on Tuesday.';
  assert.deepEqual(found(text, null), found(text, 'en'));
  assert.deepEqual(found(text, 'en-GB'), found(text, 'en'));
  assert.ok(found(text, 'en').includes('LOC Brussels'));
});

test('stems meet a name in its case forms', () => {
  assert.equal(nameStem('путина', 'ru'), nameStem('путин', 'ru'));
  assert.equal(nameStem('путиным', 'ru'), nameStem('путин', 'ru'));
  assert.equal(nameStem('москве', 'ru'), nameStem('москва', 'ru'));
  assert.equal(nameStem('deutschlands', 'de'), nameStem('deutschland', 'de'));
  assert.equal(nameStem('ok', 'ru'), 'ok');
  assert.equal(nameStem('clinton', 'en'), 'clinton');
});

test('a model file keeps its language (an English one has none), which turns the stem features on', () => {
  const header = (file: Buffer) => JSON.parse(file.subarray(12, 12 + file.readUInt32LE(8)).toString('utf8')) as { language?: string };
  const data = { tags: ['O', 'B-PER', 'I-PER'], weights: { 12345: [1, 0.5] }, gazetteer: { '\u0001иванов': 'PER' } };
  assert.equal(header(encodeModel({ ...data, language: 'ru' })).language, 'ru');
  assert.equal(header(encodeModel(data)).language, undefined);
  const model = decodeModel(encodeModel({ ...data, language: 'ru' }));
  assert.deepEqual(model.tag(['Иванова', 'сказал']), new NerModel({ ...data, language: 'ru' }).tag(['Иванова', 'сказал']));
});

test('entities --conll --language tags a CoNLL file with that language\'s model', () => {
  const dir = mkdtempSync(join(tmpdir(), 'parallax-ner-'));
  const file = join(dir, 'de.conll');
  writeFileSync(file, ['Am O', 'Montag O', 'sprach O', 'Klaus B-PER', 'Berghoff I-PER', 'in O', 'Köln B-LOC', '. O', ''].join('\n'));
  const bin = fileURLToPath(new URL('../../bin/parallax', import.meta.url));
  const r = spawnSync(process.execPath, [bin, 'entities', '--conll', file, '--language', 'de'], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  const tags = r.stdout.split('\n').filter(Boolean).map((l) => l.split(' ').slice(1).join(' '));
  assert.deepEqual(tags, ['O O', 'O O', 'O O', 'B-PER B-PER', 'I-PER I-PER', 'O O', 'B-LOC B-LOC', 'O O']);
});

test('an enrichment is versioned with the model of its language', () => {
  const text = 'Am Montag sprach Klaus Berghoff in Köln.';
  const e = enrichText(text, 'de');
  assert.equal(e.version, enrichVersion('de'));
  assert.notEqual(enrichVersion('de'), enrichVersion('en'));
  // English, unknown and model-less languages in Latin script share the English model's version.
  assert.equal(enrichVersion(null), enrichVersion('en'));
  assert.equal(enrichVersion('fr'), enrichVersion('en'));
  assert.ok(e.entities.length > 0);
});
