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
import { alignByLength } from '../../src/analyse/claims-translation.js';

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

// An English report and its Russian translation, sentence by sentence (invented): most sentences
// hold no name and no number, and only their place tells which is which.
const REPORT = [
  'Governor Bogdan Marenko said 1,240 homes in Dravosk lost power after the storm.',
  'Winds of up to 140 kilometres an hour tore down lines across the region overnight.',
  'Schools in the district will stay closed until the end of the week.',
  'Repair crews from Kelmin arrived on Tuesday with 35 trucks.',
  'The regional hospital switched to its own generators and kept working through the night.',
  'Marenko thanked the volunteers who cleared fallen trees from the roads.',
  'Forecasters expect calmer weather over the coming days, but warned of more rain.',
  'The governor said that power should return to most homes in Dravosk by Friday.',
];
const TRANSLATION = [
  'Губернатор Богдан Маренко сообщил, что после шторма без света остались 1240 домов в Дравоске.',
  'Ночью ветер со скоростью до 140 километров в час оборвал линии по всему региону.',
  'Школы района останутся закрытыми до конца недели.',
  'Ремонтные бригады из Кельмина прибыли во вторник на 35 грузовиках.',
  'Областная больница перешла на собственные генераторы и всю ночь продолжала работу.',
  'Маренко поблагодарил добровольцев, которые расчистили дороги от упавших деревьев.',
  'Синоптики ожидают в ближайшие дни более спокойную погоду, но предупредили о новых дождях.',
  'По словам губернатора, электричество вернётся в большинство домов Дравоска к пятнице.',
];
const TRANSLATED_NAMES = [...NAMES.slice(0, 1), { name: 'Dravosk', forms: ['Dravosk', 'Дравоске', 'Дравоска'] }, NAMES[2]];

test('an article and its translation pair their sentences by place, those without a name or a number too', () => {
  const claims = buildClaims(story([{ id: 'en', language: 'en', text: REPORT.join(' ') }, { id: 'ru', language: 'ru', text: TRANSLATION.join(' ') }], TRANSLATED_NAMES));
  const pairOf = (english: string) => claims.find((c) => c.articles.length === 2 && c.sentences[0].text === english)?.sentences[1].text;
  // The three sentences with no anchor sit between sentences that share one: each pairs with its translation, firmly.
  for (const k of [2, 4, 6]) {
    assert.equal(pairOf(REPORT[k]), TRANSLATION[k], REPORT[k]);
    assert.ok(!claims.find((c) => c.sentences[0].text === REPORT[k])!.tentative, `${REPORT[k]}: firm`);
  }
  for (let k = 0; k < REPORT.length; k++) assert.equal(pairOf(REPORT[k]), TRANSLATION[k], REPORT[k]);
});

test('a report written apart in another language, with the same names and numbers in its own order, pairs no sentence by place', () => {
  const apart = [
    'Маренко поблагодарил добровольцев.',
    'Синоптики предупредили о новых дождях на этой неделе, хотя ветер стихнет.',
    'В Дравоске без света остались 1240 домов, сообщил губернатор Богдан Маренко после ночного шторма, оборвавшего линии.',
    'Бригады из Кельмина приехали на 35 грузовиках.',
    'Больница работает на генераторах.',
    'Школы закрыты до конца недели, а дороги в Дравоске расчищены.',
  ];
  const claims = buildClaims(story([{ id: 'en', language: 'en', text: REPORT.join(' ') }, { id: 'ru', language: 'ru', text: apart.join(' ') }], TRANSLATED_NAMES));
  const paired = claims.filter((c) => c.articles.length === 2).map((c) => c.sentences[0].text);
  // Only sentences sharing names and numbers pair; none of those without an anchor does.
  for (const k of [2, 4, 6]) assert.ok(!paired.includes(REPORT[k]), `${REPORT[k]} stays unpaired: ${JSON.stringify(paired)}`);
  assert.ok(paired.includes(REPORT[0]) && paired.includes(REPORT[3]));
});

test('sentences are aligned by their lengths, one to two where a translation splits a sentence', () => {
  // Lengths of an original and of a translation about a tenth longer, whose second sentence is cut in two.
  const beads = alignByLength([120, 240, 90, 150, 60], [130, 120, 140, 100, 165, 66]);
  assert.deepEqual(beads.map((b) => [b.a.length, b.b.length]), [[1, 1], [1, 2], [1, 1], [1, 1], [1, 1]]);
  assert.deepEqual(beads[1], { a: [1], b: [1, 2] });
});

test('Chinese sentences are statements, compared word by word', () => {
  // Two invented reports in Chinese: the second says the first's two facts in other words around them.
  const a = '市议会周二宣布，横跨河流的新桥梁正式通车。议会主席表示，新桥梁将缓解市中心的交通拥堵。';
  const b = '新桥梁周二正式通车，横跨河流。议会主席说，这座桥将缓解市中心的交通拥堵问题。';
  const claims = buildClaims(story([{ id: 'a', language: 'zh', text: a }, { id: 'b', language: 'zh', text: b }], []));
  assert.ok(claims.length >= 2, JSON.stringify(claims.map((c) => c.sentences)));
  const both = claims.filter((c) => c.articles.length === 2);
  assert.ok(both.some((c) => c.sentences.every((s) => s.text.includes('交通拥堵'))), JSON.stringify(claims.map((c) => c.sentences)));
});

test('an article and its translation that share one name only pair their sentences by their lengths, tentatively', () => {
  // Invented: one name, no number; the sentences' lengths vary as a translation keeps them.
  const en = [
    'Governor Bogdan Marenko opened the new bridge.',
    'It took two years to build and crosses the river at its widest point, where ferries used to run every hour.',
    'Traffic eased at once.',
    'Shopkeepers in the old town said they hoped more visitors would now come across from the other bank, where most of the new houses stand.',
    'Cyclists have a lane of their own.',
    'The old ferry will keep running on summer weekends for tourists who want to see the river from the water.',
  ];
  const ru = [
    'Губернатор Богдан Маренко открыл новый мост.',
    'Его строили два года, и он пересекает реку в самом широком месте, где раньше каждый час ходили паромы.',
    'Пробки сразу уменьшились.',
    'Владельцы магазинов в старом городе надеются, что теперь с другого берега, где стоит большинство новых домов, к ним придёт больше посетителей.',
    'У велосипедистов есть своя полоса.',
    'Старый паром будет ходить по выходным летом для туристов, которые хотят увидеть реку с воды.',
  ];
  const claims = buildClaims(story([{ id: 'en', language: 'en', text: en.join(' ') }, { id: 'ru', language: 'ru', text: ru.join(' ') }], NAMES));
  for (let k = 1; k < en.length; k++) {
    const c = claims.find((x) => x.articles.length === 2 && x.sentences[0].text === en[k]);
    assert.equal(c?.sentences[1].text, ru[k], en[k]);
    assert.ok(c?.tentative, `${en[k]}: tentative, on lengths alone`);
  }
  // The same sentences in another order are no translation: nothing pairs by place.
  const shuffled = [ru[0], ru[3], ru[5], ru[1], ru[4], ru[2]];
  const apart = buildClaims(story([{ id: 'en', language: 'en', text: en.join(' ') }, { id: 'ru', language: 'ru', text: shuffled.join(' ') }], NAMES));
  assert.deepEqual(apart.filter((c) => c.articles.length === 2 && c.sentences[0].text !== en[0]).map((c) => c.sentences), []);
});

test('two articles too long to align within the budget are passed over, and a shorter translation beside them is still aligned', async () => {
  const { alignTranslations } = await import('../../src/analyse/claims-translation.js');
  // Invented statements: two long articles (600 each, sharing many anchors) and a short pair, each a translation by its lengths and anchors.
  const statements: { article: string; text: string }[] = [];
  const anchors: Set<string>[] = [];
  const add = (article: string, length: number, anchor: string | null) => {
    statements.push({ article, text: 'x'.repeat(length) });
    anchors.push(new Set(anchor ? [anchor] : []));
  };
  for (let k = 0; k < 600; k++) add('long-en', 40 + ((k * 37) % 90), k % 3 === 0 ? `e${k}` : null);
  for (let k = 0; k < 600; k++) add('long-ru', 44 + ((k * 37) % 90), k % 3 === 0 ? `e${k}` : null);
  const short = [60, 140, 35, 110, 80, 150, 45];
  short.forEach((l, k) => add('short-en', l, k % 2 === 0 ? `n${k}` : null));
  short.forEach((l, k) => add('short-de', Math.round(l * 1.15), k % 2 === 0 ? `n${k}` : null));
  const languageOf = new Map([['long-en', 'en'], ['long-ru', 'ru'], ['short-en', 'en'], ['short-de', 'de']]);
  const { pairs } = alignTranslations(statements, languageOf, [], (k) => anchors[k]);
  const article = (k: number) => statements[k].article;
  assert.ok(!pairs.some((p) => article(p.i).startsWith('long')), 'the long pair is passed over');
  const shortPairs = pairs.filter((p) => article(p.i) === 'short-en' && article(p.j) === 'short-de');
  assert.equal(shortPairs.length, short.length);
  for (const p of shortPairs) assert.equal(p.j - 1207, p.i - 1200, 'each statement with its translation');
});
