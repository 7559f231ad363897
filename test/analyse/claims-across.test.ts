// Claims across languages: the same statement in an English and a Russian report, invented,
// paired by what a translation keeps (the story's names and the numbers); statements that share
// one name only, or whose numbers differ, stay apart; and one language alone is not touched.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Article, StoryEntity } from '../../src/types.js';
import type { StoryContext } from '../../src/analyse/context.js';
import { buildClaims } from '../../src/analyse/claims.js';
import { splitSentences } from '../../src/enrich/sentences.js';
import { article } from './story.js';

function story(docs: { id: string; language: string; text: string }[], names: { name: string; forms: string[] }[]): StoryContext {
  const articles: Article[] = docs.map((d) => ({ ...article({ id: d.id, text: d.text }), language: d.language }));
  const entities: StoryEntity[] = names.map((n) => ({
    name: n.name,
    kind: 'person',
    mentions: articles.flatMap((a) => n.forms.flatMap((f) => {
      const out = [];
      for (let i = a.text.indexOf(f); i >= 0; i = a.text.indexOf(f, i + f.length)) out.push({ article: a.id, text: f, start: i, end: i + f.length });
      return out;
    })),
  }));
  return { articles, sentences: new Map(articles.map((a) => [a.id, splitSentences(a.text)])), entitySpans: new Map(articles.map((a) => [a.id, []])), entities, quotes: [], duplicateOf: new Map() };
}

const EN = 'Governor Bogdan Marenko said 1,240 homes in Dravosk lost power after the storm. ' +
  'Repair crews from Kelmin arrived on Tuesday. ' +
  'Marenko thanked the volunteers who cleared the roads.';
const RU = 'Губернатор Богдан Маренко сообщил, что после шторма без света остались 1240 домов в Дравоске. ' +
  'Ремонтные бригады из Кельмина прибыли во вторник. ' +
  'По словам Маренко, к вечеру будут восстановлены 300 линий.';
const NAMES = [
  { name: 'Bogdan Marenko', forms: ['Bogdan Marenko', 'Marenko', 'Богдан Маренко', 'Маренко'] },
  { name: 'Dravosk', forms: ['Dravosk', 'Дравоске'] },
  { name: 'Kelmin', forms: ['Kelmin', 'Кельмина'] },
];

test('the same statement in English and Russian is one claim, each outlet\'s sentence in its own language', () => {
  const claims = buildClaims(story([{ id: 'en', language: 'en', text: EN }, { id: 'ru', language: 'ru', text: RU }], NAMES));
  const both = claims.filter((c) => c.articles.length === 2);
  assert.equal(both.length, 1, JSON.stringify(claims.map((c) => c.sentences)));
  assert.deepEqual(both[0].sentences.map((s) => s.article), ['en', 'ru']);
  assert.match(both[0].sentences[0].text, /1,240 homes/);
  assert.match(both[0].sentences[1].text, /1240 домов/);
  // Three anchors shared (the governor, the town, the number): a firm pairing.
  assert.ok(!both[0].tentative);
});

test('two names with different figures pair only tentatively; one shared name pairs nothing', () => {
  const ru = 'Маренко поблагодарил спасателей за работу. Губернатор Богдан Маренко сообщил, что без света остались 980 домов в Дравоске.';
  const claims = buildClaims(story([{ id: 'en', language: 'en', text: EN }, { id: 'ru', language: 'ru', text: ru }], NAMES));
  assert.equal(claims.filter((c) => c.articles.length === 2 && c.sentences.some((s) => /980/.test(s.text))).length, 1, 'the governor and the town still pair the 1,240 and 980 sentences');
  const figures = claims.find((c) => c.sentences.some((s) => /980/.test(s.text)));
  assert.ok(figures?.tentative || figures?.articles.length === 1, 'a pairing resting on two names with figures apart is at most tentative');
  assert.equal(claims.filter((c) => c.articles.length === 2 && c.sentences.some((s) => /поблагодарил/.test(s.text))).length, 0);
});

test('articles of one language are compared by their words only, as before', () => {
  const claims = buildClaims(story([{ id: 'a', language: 'en', text: EN }, { id: 'b', language: 'en', text: 'Crews repaired lines. Governor Bogdan Marenko visited 1,240 homes in Dravosk yesterday.' }], NAMES));
  assert.equal(claims.filter((c) => c.articles.length === 2).every((c) => c.sentences.every((s) => !/[а-я]/.test(s.text))), true);
});
