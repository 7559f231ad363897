// Quotations and their speakers in languages other than English, on invented reports: each
// language's marks and verbs of saying, speakers after and before the verb, pronouns resolved to
// the name before them, and nothing where no verb of saying attributes the marks.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findQuotes } from '../../src/enrich/quotes/index.js';
import { quotesSupported } from '../../src/enrich/quotes/languages.js';

const found = (text: string, language: string) =>
  findQuotes(text, [], { language }).map((q) => ({ text: q.text, speaker: q.speaker?.name ?? null, cue: q.cue?.text ?? null, direct: q.direct }));

test('Russian: «…», — заявил X; по словам X; он добавил, что …', () => {
  const text = '«Мы не допустим эскалации на северной границе», — заявил министр Иван Коротков. ' +
    'По словам Короткова, переговоры продолжатся в четверг. Он добавил, что делегация прибудет утром.';
  const q = found(text, 'ru');
  assert.equal(q.length, 3);
  assert.deepEqual(q[0], { text: '«Мы не допустим эскалации на северной границе»', speaker: 'Иван Коротков', cue: 'заявил', direct: true });
  assert.equal(q[1].speaker, 'Короткова');
  assert.equal(q[1].text, 'переговоры продолжатся в четверг');
  assert.equal(q[2].speaker, 'Короткова', 'the pronoun stands for the person named before it');
  assert.equal(q[2].text, 'что делегация прибудет утром');
});

test('Russian: a statement before the dash, and a colon after the verb', () => {
  const q = found('Работы на мосту завершатся к весне, — сообщил глава района Олег Сизов. Сизов заявил: ремонт дороги начнётся позже.', 'ru');
  assert.deepEqual(q.map((x) => [x.text, x.speaker]), [
    ['Работы на мосту завершатся к весне', 'Олег Сизов'],
    ['ремонт дороги начнётся позже', 'Сизов'],
  ]);
});

test('Russian: marks without a verb of saying are a title, not a quotation', () => {
  assert.deepEqual(found('Фильм «Тихая северная гавань» вышел в прокат в пятницу.', 'ru'), []);
  assert.deepEqual(found('Вчера вечером на площади прошёл концерт «Голоса старого города и моря».', 'ru'), []);
});

test('Ukrainian, German, French, Spanish: the speaker after the verb that follows the quotation', () => {
  assert.equal(found('«Ми продовжимо переговори наступного тижня», — заявив міністр Петро Гайовий.', 'uk')[0]?.speaker, 'Петро Гайовий');
  assert.equal(found('„Wir werden die Grenze nicht schließen“, sagte Klara Weidmann.', 'de')[0]?.speaker, 'Klara Weidmann');
  assert.equal(found('„Die Lage bleibt sehr ernst“, so Weidmann.', 'de')[0]?.speaker, 'Weidmann');
  assert.equal(found('« Nous ne fermerons pas la frontière », a déclaré la ministre Claire Dumoulin mardi.', 'fr')[0]?.speaker, 'Claire Dumoulin');
  assert.equal(found('«No cerraremos la frontera este año», dijo la ministra Lucía Ferrer el martes.', 'es')[0]?.speaker, 'Lucía Ferrer');
});

test('German: dass-clauses, and a capitalised noun alone is no speaker', () => {
  const q = found('Weidmann betonte am Montag, dass die Kontrollen verstärkt würden.', 'de');
  assert.equal(q.length, 1);
  assert.equal(q[0].text, 'dass die Kontrollen verstärkt würden');
  assert.deepEqual(found('Am Dienstag sagte die Regierung nichts zu den neuen Plänen.', 'de'), []);
});

test('French and Spanish: selon / según and que-clauses, pronouns resolved', () => {
  const fr = found('Selon Dumoulin, les contrôles seront renforcés. Elle a ajouté que la police restait mobilisée.', 'fr');
  assert.deepEqual(fr.map((x) => x.speaker), ['Dumoulin', 'Dumoulin']);
  const es = found('Según Ferrer, los controles se reforzarán. Ferrer aseguró que la policía seguía movilizada.', 'es');
  assert.deepEqual(es.map((x) => [x.speaker, x.text]), [['Ferrer', 'los controles se reforzarán'], ['Ferrer', 'que la policía seguía movilizada']]);
});

test('Chinese: 某某表示：“…” and “…”某某说', () => {
  const q = found('外交部发言人李明表示：“我们不会关闭边境。”会议持续了三个小时。“所有条件都很清楚，”李明说。', 'zh');
  assert.deepEqual(q.map((x) => [x.speaker, x.cue]), [['外交部发言人李明', '表示'], ['李明', '说']]);
});

test('Arabic and Turkish: verb before the speaker; speaker before the quotation, verb after it', () => {
  assert.equal(found('وقال الوزير سامي الحداد: «لن نغلق الحدود هذا العام».', 'ar')[0]?.speaker, 'الوزير سامي الحداد');
  assert.equal(found('Bakan Ahmet Yılmaz, “Sınırı asla kapatmayacağız” dedi.', 'tr')[0]?.speaker, 'Bakan Ahmet Yılmaz');
});

test('a language without words of saying gets no quotations rather than English guesses', () => {
  assert.equal(quotesSupported('pl'), false);
  assert.deepEqual(found('„Nie zamkniemy granicy w tym roku” – powiedziała minister Anna Nowak.', 'pl'), []);
  assert.equal(quotesSupported('ru'), true);
});

test('English and unknown text keep the trained English finder', () => {
  const text = '“We will not close the border this year,” said Interior Minister Clara Weedon.';
  assert.equal(findQuotes(text, [], { language: 'en' })[0]?.speaker?.text, findQuotes(text, [])[0]?.speaker?.text);
  assert.ok(findQuotes(text, [], { language: 'en' }).length > 0);
});
