// Dates in other languages, read with the runtime's own calendar words: invented sentences in
// each language, resolved against a publication date (Thursday 5 December 2024).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findDates } from '../../src/enrich/dates.js';

const PUB = '2024-12-05T10:00:00Z';
const dates = (text: string, lang: string) => findDates(text, PUB, lang).map((d) => [d.text, d.date]);

test('German: "am Dienstag" is the Tuesday before, a day with month name and year, a numeric date, gestern', () => {
  assert.deepEqual(dates('Der Rat hat am Dienstag entschieden. Am 3. Dezember 2024 trat er zusammen, gestern sprach der Minister über den 12.11.2024.', 'de'), [
    ['Dienstag', '2024-12-03'], ['3. Dezember 2024', '2024-12-03'], ['gestern', '2024-12-04'], ['12.11.2024', '2024-11-12'],
  ]);
});

test('German: a month name without day or year is no date ("im Mai"), nor is a number alone a year', () => {
  assert.deepEqual(dates('Im Mai gab es 2024 Teilnehmer und 1990 Stimmen.', 'de'), []);
});

test('Russian and Ukrainian: months in any case ending, weekdays in the accusative', () => {
  assert.deepEqual(dates('Во вторник совет заявил, что 3 декабря 2024 года начнутся работы; в ноябре 2023 года их отложили. В пятницу совет собрался, а в среду будет новое заседание.', 'ru'), [
    ['вторник', '2024-12-03'], ['3 декабря 2024', '2024-12-03'], ['ноябре 2023', '2023-11'], ['пятницу', '2024-11-29'],
  ]);
  assert.deepEqual(dates('Рада збереться 3 грудня 2024 року.', 'uk'), [['3 грудня 2024', '2024-12-03']]);
});

test('French and Spanish: day, month and year in their order; a weekday opening the sentence', () => {
  assert.deepEqual(dates('Mardi, le conseil a annoncé que le 1er décembre 2024 était retenu.', 'fr'), [['Mardi', '2024-12-03'], ['1er décembre 2024', '2024-12-01']]);
  assert.deepEqual(dates('El martes se supo que el 3 de diciembre de 2024 habrá consejo. Ayer se anunció.', 'es'), [
    ['martes', '2024-12-03'], ['3 de diciembre de 2024', '2024-12-03'], ['Ayer', '2024-12-04'],
  ]);
});

test('Chinese: 年月日 dates, a day without a year, 周二 and 昨天', () => {
  assert.deepEqual(dates('部长周二表示，理事会将于2024年12月3日召开会议。12月1日，决定宣布。昨天发布了消息。', 'zh'), [
    ['周二', '2024-12-03'], ['2024年12月3日', '2024-12-03'], ['12月1日', '2024-12-01'], ['昨天', '2024-12-04'],
  ]);
});

test('a weekday in a clause about the future is left undated rather than put in the past week', () => {
  assert.deepEqual(dates('Der Rat wird am Freitag entscheiden.', 'de'), []);
  assert.deepEqual(dates('Le conseil se réunira vendredi prochain.', 'fr'), []);
});

test('a day without a year that would fall after the publication is last year', () => {
  assert.deepEqual(dates('Am 20. Dezember begann es.', 'de'), [['20. Dezember', '2023-12-20']]);
});

test('"today" inside a quotation is the speaker\'s, not the article\'s', () => {
  assert.deepEqual(dates('«Сегодня мы всё решим», — сказал он.', 'ru'), []);
});

test('English keeps its own reader', () => {
  assert.deepEqual(dates('The council met on Tuesday.', 'en'), [['on Tuesday', '2024-12-03']]);
});
