import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractText } from '../../src/extract/text/index.js';
import { splitDateline } from '../../src/extract/text/dateline.js';
import { parseDate } from '../../src/extract/pubdate.js';

const here = '[extract/text] ';
const extract = (text: string) => extractText(text, { origin: 'test' });

// A page saved as text by a scraper: masthead, title, date, time, dek, a template token, the
// body, then tags and a "read also" list of other headlines with their times.
const PAGE = `Harbour Daily. World

Port workers vote to end the strike after three weeks — union

14 March, 2025 Friday
09:41

The agreement raises wages by six percent, but the dispute over night shifts is not settled

tpl/article.headline_main

Dock workers in Rotterdam voted on Thursday to accept a new contract, the union said.

The deal ends a walkout that had left more than forty ships waiting at anchor outside the port.

Night shifts
Negotiators will return to the table in April to discuss the night-shift rota, officials said.

SHARE THIS STORY WITH YOUR FRIENDS ON SOCIAL MEDIA!

Shipping companies welcomed the vote but warned that delays would last for weeks.
Tags:
Read also:
  • News
2025, Saturday
15 March
10:02
Storm closes two ferry routes in the north
09:47
Exclusive
Minister promises new rail link by 2030
2025, Friday
14 March
21:15
Fishing quotas cut again for the coming season
More news`;

test(here + 'reads the header and keeps only the body', () => {
  const a = extract(PAGE);
  assert.equal(a.source, 'Harbour Daily');
  assert.equal(a.title, 'Port workers vote to end the strike after three weeks — union');
  assert.equal(a.dek, 'The agreement raises wages by six percent, but the dispute over night shifts is not settled');
  assert.equal(a.published, '2025-03-14T09:41');
  assert.ok(a.text.startsWith('Dock workers in Rotterdam voted'), a.text.slice(0, 60));
  assert.ok(a.text.endsWith('would last for weeks.'), a.text.slice(-60));
  for (const chrome of ['tpl/article.headline_main', 'SHARE THIS STORY', 'Tags:', 'Read also:', 'Storm closes two ferry routes', 'Fishing quotas cut again', 'More news', 'Harbour Daily'])
    assert.ok(!a.text.includes(chrome), `chrome left in the body: ${chrome}`);
});

test(here + 'keeps sub-headings inside the body, marked', () => {
  const a = extract(PAGE);
  const heading = a.blocks.find((b) => b.kind === 'heading');
  assert.equal(heading?.text, 'Night shifts');
  assert.ok(a.removed.includes('SHARE THIS STORY WITH YOUR FRIENDS ON SOCIAL MEDIA!'));
});

test(here + 'takes a byline after the body as metadata, not text', () => {
  const a = extract(`Farmers block the motorway for a second day
Hundreds of tractors blocked the motorway near Lyon on Tuesday, police said.
The farmers are protesting against lower prices for milk and grain this year.
By Amélie Durand`);
  assert.equal(a.byline, 'Amélie Durand');
  assert.equal(a.title, 'Farmers block the motorway for a second day');
  assert.ok(!a.text.includes('Amélie Durand'));
  assert.ok(a.text.endsWith('this year.'));
});

test(here + 'splits a labelled date from the kicker that follows it on one line', () => {
  const a = extract(` date 2025-06-02 Water is "running out"
City rations water as the reservoir falls to a record low
The city council ordered households to cut water use by a fifth from Monday.
Officials said the reservoir held less than a third of its usual volume for June.`);
  assert.equal(a.published, '2025-06-02');
  assert.equal(a.kicker, 'Water is "running out"');
  assert.equal(a.title, 'City rations water as the reservoir falls to a record low');
  assert.ok(!a.text.includes('date 2025-06-02'));
});

test(here + 'drops prompts and lists after the body', () => {
  const a = extract(`Museum returns looted bronzes to Nigeria
The museum handed over twenty bronze sculptures at a ceremony in Benin City on Friday.
"This is a day of joy for our people," the governor said at the ceremony.

Subscribe to our newsletter

Similar Articles

Calendar

Most Popular`);
  assert.ok(a.text.endsWith('the governor said at the ceremony.'));
  for (const chrome of ['Subscribe', 'Similar Articles', 'Calendar', 'Most Popular']) assert.ok(!a.text.includes(chrome), chrome);
});

test(here + 'a page with no sentences is not an article', () => {
  const a = extract('Home\nNews\nSport\nWeather\nContact us');
  assert.equal(a.text, '');
  assert.ok(a.messages.some((m) => m.level === 'error'));
});

test(here + 'a headline-only brief keeps its headline as the body, with a warning; a short menu does not', () => {
  const a = extract('June 06, 2013\nEsther Williams, swimming star, dies at 91');
  assert.equal(a.text, 'Esther Williams, swimming star, dies at 91');
  assert.ok(a.messages.some((m) => m.rule === 'body:brief' && m.level === 'warning'));
  assert.ok(!a.messages.some((m) => m.level === 'error'));
  for (const menu of ['Home\nNews\nSport', 'Sign in to read more\nSubscribe']) {
    const b = extract(menu);
    assert.equal(b.text, '', menu);
    assert.ok(b.messages.some((m) => m.rule === 'body:none'), menu);
  }
  // A longer input without sentences is a page of chrome, not a brief.
  const c = extract('Home\nNews about the city and the region today\nSport results from the weekend games\nWeather for the coming days here');
  assert.equal(c.text, '');
});

test(here + 'reads an agency dateline into its own field', () => {
  const a = extract(`OSLO, March 4. /NTB/. The government will raise the fuel tax next year, the finance minister said on Tuesday.
The opposition called the plan a burden on rural households that have no other way to travel.`);
  assert.equal(a.dateline, 'OSLO, March 4. /NTB/.');
  assert.equal(a.source, 'NTB');
  assert.equal(a.published, '--03-04');
  assert.ok(a.text.startsWith('The government will raise'));
});

const DATELINES: [string, { dateline: string; agency: string | null } | null][] = [
  ['MOSCOW, Dec 3 (Reuters) - The central bank kept rates on hold.', { dateline: 'MOSCOW, Dec 3 (Reuters)', agency: 'Reuters' }],
  ['WASHINGTON (AP) — The Senate passed the bill late on Friday.', { dateline: 'WASHINGTON (AP)', agency: 'AP' }],
  ['KYIV, Ukraine — Air raid sirens sounded across the capital.', { dateline: 'KYIV, Ukraine', agency: null }],
  ['The Senate passed the bill late on Friday.', null],
  ['Moreover, the Senate passed the bill (AP) - late on Friday.', null],
  // Places that do not open with two ASCII capitals: a space or a point second, letters beyond ASCII.
  ['ÉVORA, 3 março (Lusa) - A câmara aprovou o plano.', { dateline: 'ÉVORA, 3 março (Lusa)', agency: 'Lusa' }],
  ['ST. PETERSBURG, March 4. /TASS/. The port reopened.', { dateline: 'ST. PETERSBURG, March 4. /TASS/.', agency: 'TASS' }],
  ['LA PAZ (EFE) — El gobierno anunció nuevas medidas.', { dateline: 'LA PAZ (EFE)', agency: 'EFE' }],
  ['МОСКВА, 4 марта. /ТАСС/. Порт снова открыт.', { dateline: 'МОСКВА, 4 марта. /ТАСС/.', agency: 'ТАСС' }],
  ['a lower-case opening (AP) - is no dateline.', null],
  ['2025 (AP) - numbers open no dateline.', null],
];
for (const [input, want] of DATELINES) {
  test(here + `dateline: ${input.slice(0, 30)}`, () => {
    const got = splitDateline(input);
    if (!want) assert.equal(got, null);
    else {
      assert.equal(got?.dateline, want.dateline);
      assert.equal(got?.agency, want.agency);
    }
  });
}

const DATES: [string, string | null][] = [
  ['3 December, 2024 Tuesday', '2024-12-03'],
  ['December 3, 2024', '2024-12-03'],
  ['Dec. 3', '--12-03'],
  ['2024-12-03T14:27:00+0100', '2024-12-03T14:27:00+01:00'],
  ['03.12.2024', '2024-12-03'],
  ['3. Dezember 2024', '2024-12-03'],
  ['no date here', null],
  ['32 December 2024', null],
];
for (const [input, want] of DATES) test(here + `date: ${input}`, () => assert.equal(parseDate(input), want));

test('plain text in scripts without letter case (Arabic, Hebrew, Hindi) is prose', () => {
  // Invented reports: a headline, then sentences ending in the script's own stops.
  const texts = {
    ar: 'افتتاح جسر جديد في المدينة الساحلية\nافتتح المجلس البلدي يوم الثلاثاء جسرا جديدا فوق النهر بعد عامين من العمل.\nوقال رئيس المجلس إن الجسر سيخفف الازدحام في وسط المدينة؟\nويبلغ طول الجسر أربعمائة متر ويضم مسارا للدراجات.',
    he: 'גשר חדש נפתח בעיר החוף\nמועצת העיר פתחה ביום שלישי גשר חדש מעל הנהר לאחר שנתיים של עבודה.\nראש המועצה אמר שהגשר יקל על העומס במרכז העיר.',
    hi: 'तटीय शहर में नया पुल खुला\nनगर परिषद ने मंगलवार को दो साल के काम के बाद नदी पर एक नया पुल खोला।\nपरिषद के अध्यक्ष ने कहा कि पुल से शहर के केंद्र में भीड़ कम होगी।',
  };
  for (const [lang, text] of Object.entries(texts)) {
    const out = extract(text);
    assert.ok(!out.messages.some((m) => m.level === 'error'), `${lang}: ${out.messages.map((m) => m.reason).join('; ')}`);
    assert.ok(out.text.includes(text.split('\n')[1]), `${lang}: the body keeps its sentences`);
  }
});

test('a sentence without letter case that carries a Latin acronym is prose, not a line in capitals', () => {
  // Invented report: the third and the fourth sentence name a protein and an agency in Latin capitals.
  const text = [
    '港口城市新桥梁正式通车',
    '市议会周二宣布，经过两年的施工，横跨河流的新桥梁正式通车。',
    '议会主席表示，新桥梁将缓解市中心的交通拥堵问题，并为居民提供更便捷的出行方式。',
    'ABCD项目负责人说，桥梁全长四百米，设有自行车道和人行道，预计每天可通行三万辆汽车。',
    '据XYZ通讯社报道，该项目总投资约为十二亿元人民币，由市政府和私人投资者共同出资。',
    '当地居民对新桥梁的开通表示欢迎，许多人在周末前往参观。',
  ].join('\n');
  const out = extract(text);
  for (const line of text.split('\n').slice(1)) assert.ok(out.text.includes(line), `kept: ${line}`);
});
