// One person or place under every alphabet: names written in Latin, Cyrillic and Arabic letters
// join one entity of the story when they are the same name, and stay apart when they are not.
// Invented names throughout.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { StoryEntity } from '../../src/types.js';
import type { EntityType } from '../../src/enrich/types.js';
import { resolveNamed } from './resolve-helper.js';

const resolve = (docs: [string, string, string, [string, EntityType][]][]): StoryEntity[] => resolveNamed(docs.map(([id, language, text, names]) => ({ id, language, text, names })));

const holding = (es: StoryEntity[], text: string) => es.filter((e) => e.mentions.some((m) => m.text === text));

test('a person in Latin, Cyrillic (in two cases) and Arabic letters is one entity', () => {
  const es = resolve([
    ['en', 'en', 'President Bogdan Marenko met the envoy. Marenko said the talks went well.', [['Bogdan Marenko', 'PER'], ['Marenko', 'PER']]],
    ['ru', 'ru', 'Президент Богдан Маренко встретился с послом. По словам Маренко, переговоры прошли хорошо.', [['Богдан Маренко', 'PER'], ['Маренко', 'PER']]],
    ['uk', 'uk', 'Заява Богдана Маренка прозвучала ввечері.', [['Богдана Маренка', 'PER']]],
    ['ar', 'ar', 'قال الرئيس مارينكو إن المحادثات جرت بشكل جيد.', [['مارينكو', 'PER']]],
  ]);
  const e = holding(es, 'Bogdan Marenko');
  assert.equal(e.length, 1);
  for (const form of ['Богдан Маренко', 'Богдана Маренка', 'مارينكو']) assert.deepEqual(holding(es, form), e, `${form} joins Bogdan Marenko`);
});

test('a place under its names in two alphabets is one entity; different names stay apart', () => {
  const es = resolve([
    ['en', 'en', 'Shelling hit Dravosk and Kelmin on Monday.', [['Dravosk', 'LOC'], ['Kelmin', 'LOC']]],
    ['ru', 'ru', 'В понедельник обстрелу подверглись Дравоск и Тарнов.', [['Дравоск', 'LOC'], ['Тарнов', 'LOC']]],
  ]);
  assert.deepEqual(holding(es, 'Дравоск'), holding(es, 'Dravosk'));
  assert.notDeepEqual(holding(es, 'Тарнов'), holding(es, 'Kelmin'));
  assert.equal(es.length, 3);
});

test('two people with one surname in two alphabets but different given names stay two', () => {
  const es = resolve([
    ['en', 'en', 'Anna Marenko, a lawyer, spoke first.', [['Anna Marenko', 'PER']]],
    ['ru', 'ru', 'Первым выступил Игорь Маренко.', [['Игорь Маренко', 'PER']]],
  ]);
  assert.equal(holding(es, 'Anna Marenko').length, 1);
  assert.notDeepEqual(holding(es, 'Игорь Маренко'), holding(es, 'Anna Marenko'));
});
