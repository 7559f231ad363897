// One date per article everywhere: the API's articles, the article page and the outlet page give
// the date the story's JSON gives (the year completed from the story when the page printed none),
// never ISO's month-day form beside a full date.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../../src/present/web/app.js';
import { openSqliteStore } from '../../src/store/sqlite.js';
import type { Article, Story } from '../../src/types.js';
import { toArticle } from './fixture.js';

const here = '[web/one-date] ';

const lines = (lead: string) => `${lead}\n\nThe harbour office said the crossings would run on the summer timetable from next week.\n\nTickets for cancelled crossings will be refunded, the operator said.`;
const articles: Article[] = [
  { ...toArticle({ id: 'ferry-a', source: 'Harbour Post', url: 'https://harbour-post.example/ferry', title: 'Ferry sails again', byline: null, published: '2025-03-14T09:00', language: 'en', text: lines('The island ferry resumed its crossings on Friday after a week of storms.') }) },
  { ...toArticle({ id: 'ferry-b', source: 'Island Radio', url: 'https://island-radio.example/ferry', title: 'Crossings resume', byline: null, published: '--03-14', language: 'en', text: lines('The island ferry resumed its crossings after a week of storms, its operator said.') }) },
  { ...toArticle({ id: 'ferry-c', source: 'Coast Daily', url: 'https://coast-daily.example/ferry', title: 'Ferry back after storms', byline: null, published: null, language: 'en', text: lines('Crossings to the island resumed after storms kept the ferry in port for a week.') }) },
  { ...toArticle({ id: 'lone', source: 'Coast Daily', url: 'https://coast-daily.example/fair', title: 'Spring fair opens', byline: null, published: '--03-15', language: 'en', text: 'The spring fair opened in the market square with forty stalls.' }) },
];

async function setup() {
  const store = await openSqliteStore(join(mkdtempSync(join(tmpdir(), 'parallax-one-date-')), 'd.db'));
  await store.upsertArticles(articles);
  await store.assignStories([['ferry-a', 'ferry'], ['ferry-b', 'ferry'], ['ferry-c', 'ferry']]);
  return { store, app: createApp(store) };
}

test(here + '/api/articles and /api/articles/{id} give the dates the story JSON gives, with where they came from', async () => {
  const { store, app } = await setup();
  try {
    const story = (await (await app.request('/api/stories/ferry')).json()) as Story;
    const inStory = new Map(story.articles.map((a) => [a.id, a.published]));
    assert.deepEqual(['ferry-a', 'ferry-b', 'ferry-c'].map((id) => inStory.get(id)), ['2025-03-14T09:00', '2025-03-14', '2025-03-14']);
    const list = (await (await app.request('/api/articles?limit=10')).json()) as { items: Article[] };
    for (const a of list.items.filter((x) => x.id.startsWith('ferry'))) assert.equal(a.published, inStory.get(a.id), a.id);
    const b = (await (await app.request('/api/articles/ferry-b')).json()) as Article;
    assert.equal(b.published, '2025-03-14');
    assert.equal(b.provenance.published, 'story');
    assert.ok(b.messages.some((m) => m.rule === 'date:from-story'));
    // Nothing tells the year of an article alone in its story: its month-day stays as the page gave it.
    const lone = (await (await app.request('/api/articles/lone')).json()) as Article;
    assert.equal(lone.published, '--03-15');
  } finally {
    await store.close();
  }
});

test(here + 'the article page and the outlet page show the completed date', async () => {
  const { store, app } = await setup();
  try {
    const page = await (await app.request('/article/ferry-b')).text();
    assert.match(page, /<time>2025-03-14<\/time>/);
    assert.doesNotMatch(page, /<time>--03-14/);
    assert.match(page, /without a year; the year is taken from the story/, 'the page says where the year came from');
    const outlet = await (await app.request('/outlet/Coast%20Daily')).text();
    assert.match(outlet, /<td>2025-03-14<\/td>/);
  } finally {
    await store.close();
  }
});
