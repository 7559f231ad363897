/**
 * An invented story told in three languages (two English articles, one Russian, one Arabic) with
 * a hand-written analysis, for the presenters' language tests: the page, the terminal and the
 * reports. Every name, place and sentence is made up.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analysisVersion } from '../../src/analyse/index.js';
import { openSqliteStore } from '../../src/store/sqlite.js';
import type { Store } from '../../src/store/types.js';
import type { Story } from '../../src/types.js';
import { toArticle, type FixtureArticle } from '../web/fixture.js';

export const STORY = 'bridge-opening';

const EN1 = ['Bogdan Marenko, the mayor of Velgorod, opened the new river bridge on Monday.', '"This bridge joins two halves of one city," Marenko said.', 'The bridge cost 40 million euros.'];
const EN2 = ['Mayor Bogdan Marenko opened the river bridge in Velgorod on Monday.', 'The bridge cost 40 million euros, the city council said.'];
const RU = ['Мэр Велгорода Богдан Маренко в понедельник открыл новый мост через реку.', '«Этот мост соединяет две половины одного города», — заявил Маренко.', 'Стоимость моста составила 40 миллионов евро.', 'Движение транспорта по мосту откроется в среду.'];
const AR = ['افتتح رئيس بلدية فيلغورود بوغدان مارينكو الجسر الجديد فوق النهر يوم الاثنين.', 'وقال مارينكو إن الجسر يربط نصفي المدينة.', 'وبلغت تكلفة الجسر 45 مليون يورو.'];

export const multilingualArticles: FixtureArticle[] = [
  { id: 'bridge-herald', source: 'Lakeshore Herald', url: 'https://lakeshore-herald.example/bridge', title: 'Velgorod opens its river bridge', byline: null, published: '2031-05-12T10:00', language: 'en', text: `${EN1[0]} ${EN1[1]}\n\n${EN1[2]}` },
  { id: 'bridge-post', source: 'Riverside Post', url: 'https://riverside-post.example/bridge', title: 'New bridge for Velgorod', byline: null, published: '2031-05-12T11:30', language: 'en', text: EN2.join(' ') },
  { id: 'bridge-vestnik', source: 'Severny Vestnik', url: 'https://severny-vestnik.example/most', title: 'В Велгороде открыли новый мост', byline: null, published: '2031-05-12T12:00', language: 'ru', text: `${RU[0]} ${RU[1]}\n\n${RU[2]} ${RU[3]}` },
  { id: 'bridge-sahil', source: 'Sahil Daily', url: 'https://sahil-daily.example/bridge', title: 'افتتاح جسر جديد في فيلغورود', byline: null, published: '2031-05-12T13:15', language: 'ar', text: `${AR[0]} ${AR[1]}\n\n${AR[2]}` },
];

const [herald, post, vestnik, sahil] = multilingualArticles.map((a) => a.id);

export const multilingualStory: Story = {
  id: STORY,
  title: 'Velgorod opens its river bridge',
  articles: multilingualArticles.map((a) => ({ id: a.id, source: a.source, url: a.url, title: a.title, byline: a.byline, published: a.published, dateline: null, language: a.language, text: a.text })),
  entities: [
    {
      name: 'Bogdan Marenko',
      kind: 'person',
      mentions: [
        { article: herald, text: 'Bogdan Marenko' }, { article: herald, text: 'Marenko' }, { article: post, text: 'Bogdan Marenko' },
        { article: vestnik, text: 'Богдан Маренко' }, { article: vestnik, text: 'Маренко' },
        { article: sahil, text: 'بوغدان مارينكو' }, { article: sahil, text: 'مارينكو' }, { article: sahil, text: 'مارينكو' },
      ],
    },
  ],
  quotes: [
    {
      speaker: 'Bogdan Marenko', text: '"This bridge joins two halves of one city,"', direct: true, articles: [herald, vestnik],
      renderings: [{ article: herald, text: '"This bridge joins two halves of one city,"' }, { article: vestnik, text: '«Этот мост соединяет две половины одного города»' }],
    },
    { speaker: 'Bogdan Marenko', text: 'إن الجسر يربط نصفي المدينة', direct: false, articles: [sahil], renderings: [{ article: sahil, text: 'إن الجسر يربط نصفي المدينة' }] },
  ],
  claims: [
    {
      text: EN1[0], articles: [herald, post, vestnik, sahil], coverage: 'all',
      sentences: [{ article: herald, text: EN1[0] }, { article: post, text: EN2[0] }, { article: vestnik, text: RU[0] }, { article: sahil, text: AR[0] }],
    },
    { text: EN1[2], articles: [herald, post, vestnik], coverage: 'most', sentences: [{ article: herald, text: EN1[2] }, { article: post, text: EN2[1] }, { article: vestnik, text: RU[2] }] },
    { text: RU[3], articles: [vestnik], coverage: 'one', sentences: [{ article: vestnik, text: RU[3] }] },
  ],
  wording: [
    { concept: 'the city', variants: [{ text: 'Velgorod', articles: [herald, post] }, { text: 'Велгорода', articles: [vestnik] }, { text: 'فيلغورود', articles: [sahil] }] },
    // A concept worded in one language only.
    { concept: 'the bridge', variants: [{ text: 'new river bridge', articles: [herald] }, { text: 'river bridge', articles: [post] }] },
  ],
  timeline: [{ date: '2031-05-12', text: AR[0], articles: [sahil, herald], evidence: [{ article: sahil, text: AR[0], start: 0, end: AR[0].length }, { article: herald, text: EN1[0], start: 0, end: EN1[0].length }] }],
  summary: [
    { text: EN1[0], articles: [herald, post, vestnik, sahil] },
    { text: RU[3], articles: [vestnik], exclusive: true },
  ],
  exclusives: [{ source: 'Severny Vestnik', claims: [RU[3]] }],
  disagreements: [{ about: 'what the bridge cost', versions: [{ text: EN1[2], articles: [herald, post] }, { text: AR[2], articles: [sahil] }] }],
};

/** A real SQLite store holding the articles and the analysis above (saved as the current version, so it is read as it is). */
export async function multilingualStore(path = join(mkdtempSync(join(tmpdir(), 'parallax-languages-')), 'languages.db')): Promise<Store> {
  const store = await openSqliteStore(path);
  await store.upsertArticles(multilingualArticles.map(toArticle));
  await store.assignStories(multilingualArticles.map((a) => [a.id, STORY] as [string, string]));
  await store.saveAnalysis({ ...multilingualStory, version: analysisVersion() });
  return store;
}
