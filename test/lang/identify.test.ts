import { test } from 'node:test';
import assert from 'node:assert/strict';
import { identifiableLanguages, identifyLanguage, scriptOf } from '../../src/lang/index.js';

const here = '[lang/identify] ';

// Sentences written for this test: a council meeting about a new tram line.
const sentences: [string, string][] = [
  ['en', 'The city council voted on Thursday evening to extend the tram line to the northern suburbs, after a debate that lasted almost four hours.'],
  ['ru', 'В четверг вечером городской совет проголосовал за продление трамвайной линии до северных окраин после спора, который длился почти четыре часа.'],
  ['uk', 'У четвер увечері міська рада проголосувала за продовження трамвайної лінії до північних околиць після суперечки, яка тривала майже чотири години.'],
  ['de', 'Der Stadtrat hat am Donnerstagabend beschlossen, die Straßenbahnlinie bis in die nördlichen Vororte zu verlängern, nach einer fast vierstündigen Debatte.'],
  ['fr', 'Le conseil municipal a voté jeudi soir le prolongement de la ligne de tramway jusqu’aux banlieues du nord, après un débat de près de quatre heures.'],
  ['es', 'El ayuntamiento votó el jueves por la noche a favor de ampliar la línea de tranvía hasta los barrios del norte, tras un debate de casi cuatro horas.'],
  ['ar', 'صوّت مجلس المدينة مساء الخميس على تمديد خط الترام إلى الضواحي الشمالية، بعد نقاش استمر قرابة أربع ساعات.'],
  ['zh', '市议会周四晚间投票决定将有轨电车线路延伸至北部郊区，此前双方进行了将近四个小时的辩论。'],
  ['az', 'Şəhər şurası cümə axşamı tramvay xəttinin şimal qəsəbələrinə qədər uzadılmasına səs verdi, müzakirə təxminən dörd saat davam etdi.'],
  ['tr', 'Belediye meclisi perşembe akşamı tramvay hattının kuzey banliyölerine kadar uzatılması için oy kullandı, tartışma yaklaşık dört saat sürdü.'],
];

for (const [want, text] of sentences) {
  test(here + `${want}: ${text.slice(0, 40)}`, () => {
    const got = identifyLanguage(text);
    assert.equal(got.lang, want);
    assert.ok(got.confidence > 0 && got.confidence <= 1, String(got.confidence));
  });
}

test(here + 'Ukrainian and Russian versions of the same short sentences are told apart', () => {
  const pairs: [string, string][] = [
    ['Він сказав, що поїзд запізнився на годину.', 'Он сказал, что поезд опоздал на час.'],
    ['Уряд оголосив нові правила для водіїв.', 'Правительство объявило новые правила для водителей.'],
    ['Сьогодні вранці в місті йшов сильний дощ.', 'Сегодня утром в городе шёл сильный дождь.'],
  ];
  for (const [uk, ru] of pairs) {
    assert.equal(identifyLanguage(uk).lang, 'uk', uk);
    assert.equal(identifyLanguage(ru).lang, 'ru', ru);
  }
});

test(here + 'Azerbaijani and Turkish are told apart on short text', () => {
  assert.equal(identifyLanguage('Bu gün hava çox gözəldir və küçələrdə çoxlu insan var.').lang, 'az');
  assert.equal(identifyLanguage('Bugün hava çok güzel ve sokaklarda çok insan var.').lang, 'tr');
});

test(here + 'no letters, or almost none: und with confidence 0', () => {
  for (const text of ['', '   ', '12:30 — 4,500 (+3.2 %)', 'A']) {
    assert.deepEqual(identifyLanguage(text), { lang: 'und', confidence: 0 }, JSON.stringify(text));
  }
});

test(here + 'confidence grows with the amount of text', () => {
  const [, one] = sentences[1];
  const short = identifyLanguage(one.slice(0, 30)).confidence;
  const long = identifyLanguage(`${one} ${sentences[1][1].split(' ').reverse().join(' ')} ${one}`).confidence;
  assert.ok(long > short, `${short} → ${long}`);
  assert.ok(long >= 0.5, String(long));
});

test(here + 'a long text is judged by more than its opening', () => {
  const english = 'Breaking: live updates follow.';
  const german = 'Die Feuerwehr war am Morgen mit mehreren Fahrzeugen im Einsatz, weil ein Lagerhaus am Hafen in Brand geraten war. Verletzt wurde nach Angaben der Polizei niemand, doch die Straße am Kai blieb bis zum Nachmittag gesperrt. Die Ursache des Feuers ist noch unklar, die Ermittlungen dauern an.';
  assert.equal(identifyLanguage(`${english} ${german} ${german}`).lang, 'de');
});

test(here + 'scripts that one language owns need no model and answer at once', () => {
  assert.equal(identifyLanguage('東京の新しい駅は来月開業する予定です。').lang, 'ja');
  assert.equal(identifyLanguage('서울시는 새 지하철 노선을 다음 달 개통한다.').lang, 'ko');
  assert.equal(identifyLanguage('Το νέο λιμάνι θα λειτουργήσει τον επόμενο μήνα.').lang, 'el');
});

test(here + 'Indonesian and Malay are told apart by their spellings', () => {
  assert.equal(identifyLanguage('Polisi mengatakan bahwa jalan itu ditutup karena banjir sejak kemarin pagi.').lang, 'id');
  assert.equal(identifyLanguage('Polis berkata bahawa jalan itu ditutup kerana banjir sejak pagi semalam.').lang, 'ms');
});

test(here + 'scriptOf names the writing system', () => {
  assert.equal(scriptOf('Hello, world'), 'Latn');
  assert.equal(scriptOf('Привіт, світе'), 'Cyrl');
  assert.equal(scriptOf('مرحبا بالعالم'), 'Arab');
  assert.equal(scriptOf('你好，世界'), 'Hani');
  assert.equal(scriptOf('こんにちは世界'), 'Jpan');
  assert.equal(scriptOf('안녕하세요'), 'Hang');
  assert.equal(scriptOf('2024 — 15:00'), 'Zyyy');
  assert.equal(scriptOf('Москва (Moscow) — столица'), 'Cyrl');
});

test(here + 'every language the project supports can be answered', () => {
  const known = identifiableLanguages();
  for (const l of ['en', 'ru', 'uk', 'de', 'fr', 'es', 'ar', 'zh', 'az', 'tr']) assert.ok(known.has(l), l);
});
