import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_PARAMS, createClusterer, type ClusterDoc } from '../../src/cluster/index.js';
import { ONE_LANGUAGE, languageBoost } from '../../src/cluster/similarity.js';
import { joinNumbers, normaliseNumber } from '../../src/cluster/anchors.js';
import { decimalMark } from '../../src/lang/numbers.js';
import { pairSimilarities } from '../../src/cluster/pairs.js';
import { LANGUAGES, termVector } from '../../src/cluster/terms.js';
import { nameKey } from '../../src/lang/romanise.js';
import { countriesInHan, countryForm, countryOfWord } from '../../src/lang/countries.js';

const here = '[cluster/anchors] ';

function doc(id: string, title: string, text: string): ClusterDoc {
  return { id, title, text, published: '2025-05-06', source: null, url: null };
}

// One invented report, written in three languages.
const FIRE_EN = [
  'A fire broke out on Tuesday at the Halvorsen chemical plant near the Norwegian town of Skudeneshavn, injuring 14 workers, the police said.',
  'Firefighters brought the blaze under control after 6 hours. Mayor Ingrid Solbakken said 2,300 residents had been told to keep their windows closed.',
  'The plant, which employs 480 people, makes fertiliser for farms in Norway and Sweden. Investigators from Oslo will examine the cause of the fire, the company said.',
].join('\n');
const FIRE_DE = [
  'Im Chemiewerk Halvorsen nahe der norwegischen Stadt Skudeneshavn ist am Dienstag ein Feuer ausgebrochen, 14 Arbeiter wurden verletzt, teilte die Polizei mit.',
  'Die Feuerwehr brachte den Brand nach 6 Stunden unter Kontrolle. Bürgermeisterin Ingrid Solbakken sagte, 2.300 Anwohner seien aufgefordert worden, die Fenster geschlossen zu halten.',
  'Das Werk, das 480 Menschen beschäftigt, stellt Dünger für Bauernhöfe in Norwegen und Schweden her. Ermittler aus Oslo sollen die Brandursache untersuchen, teilte das Unternehmen mit.',
].join('\n');
const FIRE_RU = [
  'Во вторник на химическом заводе Халворсен близ норвежского города Скудесхавн вспыхнул пожар, пострадали 14 рабочих, сообщила полиция.',
  'Пожарные взяли огонь под контроль через 6 часов. Мэр Ингрид Сольбаккен заявила, что 2 300 жителей попросили не открывать окна.',
  'Завод, на котором работают 480 человек, производит удобрения для ферм Норвегии и Швеции. Следователи из Осло выяснят причину пожара, сообщила компания.',
].join('\n');
// Another invented report that shares the numbers 14 and 480 and nothing else.
const HOMES_EN = [
  'The council of Brantwick approved plans for 480 new homes on the edge of the town on Thursday, after a debate that lasted late into the evening.',
  'Councillor Marcus Pellow said the homes would include 14 flats for older residents, and that building work should start next spring.',
  'Residents who opposed the plans said the roads and the primary school could not cope with so many new families, and asked for a new bus route.',
].join('\n');
// A third invented report in Russian, sharing the numbers 14 and 480 with the others.
const SCHOOL_RU = [
  'В городе Верхнеозёрск в четверг открылась новая школа на 480 учеников, сообщила администрация района.',
  'Директор школы Анна Крылова рассказала, что в здании 14 классов, спортивный зал и библиотека.',
  'Строительство заняло два года, а деньги выделил областной бюджет. Родители давно просили построить школу ближе к новым кварталам.',
].join('\n');

test(`${here}a name gives one phonetic key in Latin, Cyrillic and Arabic spellings and in its case forms`, () => {
  for (const group of [['Zelensky', 'Selenskyj', 'Зеленский', 'Зеленского', 'زيلينسكي'], ['Trump', 'Трамп', 'ترامب'], ['Halvorsen', 'Халворсен'], ['Erdoğan', 'Эрдоган', 'أردوغان']]) {
    const keys = new Set(group.map((w) => nameKey(w.toLowerCase())));
    assert.equal(keys.size, 1, `${group.join(', ')} → ${[...keys].join(', ')}`);
    assert.ok([...keys][0], 'a key');
  }
  assert.notEqual(nameKey('putin'), nameKey('biden'));
  assert.equal(nameKey('oslo'), null, 'too few consonants for a key');
});

test(`${here}numbers read to one form whatever the separators and the script`, () => {
  for (const [raw, want] of [['20,000', '20000'], ['20.000', '20000'], ["20'000", '20000'], ['1,5', '1.5'], ['1.5', '1.5'], ['3,50', '3.50'], ['٢٠٠٠٠', '20000'], ['1,234.5', '1234.5'], ['1.234,5', '1234.5'], ['2019', '2019']] as const) {
    assert.equal(normaliseNumber(raw), want, raw);
  }
  // The language's decimal mark decides what three digits after a separator are.
  assert.equal(normaliseNumber('3.294', decimalMark('en')), '3.294');
  assert.equal(normaliseNumber('3.294', decimalMark('de')), '3294');
  assert.equal(normaliseNumber('3,294', decimalMark('ru')), '3.294');
  assert.equal(normaliseNumber('3,294', decimalMark('en')), '3294');
  assert.equal(normaliseNumber('3-2'), null);
  assert.equal(joinNumbers('sondagem de 20 000 alunos'), 'sondagem de 20000 alunos');
  assert.equal(joinNumbers('In 2019 200 people came'), 'In 2019 200 people came', 'a year before a count is no thousands group');
  assert.match(joinNumbers('调查了2万名学生'), /20000/);
  assert.match(joinNumbers('150万人'), /1\.5/, 'a million and a half as other languages write it');
  const terms = (t: string) => [...termVector(null, t).terms.keys()].filter((k) => k.startsWith('#'));
  assert.deepEqual(terms('Опрос 20 000 учеников'), terms('A survey of 20,000 pupils'));
});

test(`${here}countries by their names in any language, inflected or not`, () => {
  for (const [w, inflected] of [['germany', false], ['deutschland', false], ['германии', true], ['ألمانيا', true], ['almanya’da', true]] as const) {
    assert.equal(countryOfWord(countryForm(w), inflected), 'DE', w);
  }
  assert.equal(countryOfWord(countryForm('германии'), false), null, 'endings only where the language takes them');
  assert.deepEqual(countriesInHan('德国和法国'), ['DE', 'FR']);
  const a = termVector(null, 'Ministers from Germany met in Paris.').terms;
  const b = termVector(null, 'Министры из Германии встретились в Париже.', 5000, 12).terms;
  assert.ok(a.has('&DE') && b.has('&DE'), [...a.keys(), ...b.keys()].join(' '));
});

test(`${here}one report in English, German and Russian is one story; reports that share only numbers are not`, () => {
  const c = createClusterer();
  for (const d of [doc('en', 'Fire at chemical plant in Norway injures 14 workers', FIRE_EN), doc('homes', 'Council approves 480 new homes in Brantwick', HOMES_EN), doc('de', 'Brand in Chemiewerk in Norwegen: 14 Arbeiter verletzt', FIRE_DE), doc('school', 'В Верхнеозёрске открылась школа на 480 учеников', SCHOOL_RU), doc('ru', 'Пожар на химическом заводе в Норвегии: пострадали 14 рабочих', FIRE_RU)]) c.add(d);
  c.settle();
  const story = c.assignments();
  assert.equal(story.get('de'), story.get('en'), 'German with English');
  assert.equal(story.get('ru'), story.get('en'), 'Russian with English');
  assert.notEqual(story.get('homes'), story.get('en'), 'another English report with the same numbers');
  assert.notEqual(story.get('school'), story.get('ru'), 'another Russian report with the same numbers');
  assert.notEqual(story.get('school'), story.get('homes'));
});

test(`${here}pair similarity: translations are closer than reports that share numbers`, () => {
  const docs = [doc('en', 'Fire at chemical plant in Norway injures 14 workers', FIRE_EN), doc('ru', 'Пожар на химическом заводе в Норвегии', FIRE_RU), doc('homes', 'Council approves 480 new homes', HOMES_EN), doc('school', 'Открылась школа на 480 учеников', SCHOOL_RU)];
  const [enRu, enHomes, ruSchool] = pairSimilarities(docs, [[0, 1], [0, 2], [1, 3]]);
  assert.ok(enRu > 2 * enHomes && enRu > 2 * ruSchool, `${enRu} ${enHomes} ${ruSchool}`);
  assert.ok(enRu <= 1);
});

test(`${here}a language's own function words are no terms in an article in that language`, () => {
  const text = 'Der Minister sagte am Abend, dass die Regierung über den Haushalt noch nicht entschieden habe.';
  const terms = termVector(null, text, 5000, LANGUAGES.indexOf('de')).terms;
  for (const w of ['dass', 'über', 'nicht', 'habe']) assert.ok(!terms.has(w), `${w} in ${[...terms.keys()].join(' ')}`);
  assert.ok([...terms.keys()].some((t) => t.startsWith('haushalt')), 'content words stay');
});

test(`${here}across scripts the bar is lower than across languages of one script`, () => {
  const one = (code: string) => ONE_LANGUAGE[LANGUAGES.indexOf(code as (typeof LANGUAGES)[number])];
  const latin = languageBoost(DEFAULT_PARAMS, one('de'), one('en'));
  const cyrillic = languageBoost(DEFAULT_PARAMS, one('ru'), one('en'));
  assert.equal(languageBoost(DEFAULT_PARAMS, one('en'), one('en')), 1);
  assert.ok(cyrillic > latin && latin > 1, `${cyrillic} ${latin}`);
  assert.equal(languageBoost(DEFAULT_PARAMS, one('ru'), one('uk')), latin, 'Russian and Ukrainian share a script');
});

test(`${here}Arabic words are stemmed, so that forms with the article and endings meet`, () => {
  const terms = (t: string) => new Set([...termVector(null, t, 5000, LANGUAGES.indexOf('ar')).terms.keys()].filter((k) => !/^[@#%&]/.test(k)));
  const a = terms('أعلنت الحكومة خطة جديدة للمدارس');
  const b = terms('قالت حكومة البلاد إن المدارس ستفتح');
  const shared = [...a].filter((t) => b.has(t));
  assert.ok(shared.length >= 2, `shared: ${shared.join(' ')} of ${[...a].join(' ')} / ${[...b].join(' ')}`);
});

test(`${here}a day and its month are one term in any language and order; a month alone or a number alone is not`, () => {
  const dates = (t: string, lang = 'en') => [...termVector(null, t, 5000, LANGUAGES.indexOf(lang as (typeof LANGUAGES)[number])).terms.keys()].filter((k) => k.startsWith('~'));
  assert.deepEqual(dates('The vote is on September 30, officials said.'), ['~9-30']);
  assert.deepEqual(dates('Голосование пройдёт 30 сентября.', 'ru'), ['~9-30']);
  assert.deepEqual(dates('Oylama 30 Eylül tarihinde yapılacak.', 'tr'), ['~9-30']);
  assert.deepEqual(dates('Gewählt wird am 30. September.', 'de'), ['~9-30']);
  assert.deepEqual(dates('التصويت في 30 سبتمبر', 'ar'), ['~9-30']);
  assert.deepEqual(dates('投票将于9月30日举行。', 'zh'), ['~9-30']);
  assert.deepEqual(dates('He came 3 days ago. In May 2019 five people came, 40 of them in September.'), []);
});

test(`${here}a nationality is its country in any language, capitalised or not`, () => {
  const countries = (t: string, lang: string) => [...termVector(null, t, 5000, LANGUAGES.indexOf(lang as (typeof LANGUAGES)[number])).terms.keys()].filter((k) => k.startsWith('&'));
  assert.deepEqual(countries('Officials said the German navy had delayed the ship again.', 'en'), ['&DE']);
  assert.deepEqual(countries('Чиновники сообщили, что немецкий флот снова отложил спуск корабля.', 'ru'), ['&DE']);
  assert.deepEqual(countries('Selon les responsables, le gouvernement allemand a encore retardé le navire.', 'fr'), ['&DE']);
  assert.deepEqual(countries('The new polish for the ship arrived.', 'en'), [], 'a word in lower case in English is no nationality');
});
