// The front page says which outlets carry each story, not only how many: by the names the story
// page uses, a few at once and the others folded.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../../src/present/web/app.js';
import { openSqliteStore } from '../../src/store/sqlite.js';
import { toArticle } from './fixture.js';

const here = '[web/front-outlets] ';

const text = (n: number) => `The river rose above its banks on Sunday night, report ${n} said.\n\nVolunteers filled sandbags along the quay until the morning.`;

test(here + 'each story lists its outlets by name (site, else domain), the first four shown and the rest folded', async () => {
  const store = await openSqliteStore(join(mkdtempSync(join(tmpdir(), 'parallax-front-outlets-')), 'f.db'));
  try {
    const sources = ['Valley Times', 'Valley Times', 'River Courier', 'Quay Radio', null, 'Mill Gazette', 'Bridge Weekly', 'Lock Herald'];
    const articles = sources.map((source, i) =>
      toArticle({ id: `flood-${i}`, source, url: source ? null : 'https://www.floodwatch.example/news/1', title: `River floods quay ${i}`, byline: null, published: '2025-02-02', language: 'en', text: text(i) }),
    );
    articles.push(toArticle({ id: 'alone', source: null, url: null, title: 'Bakery reopens', byline: null, published: '2025-02-03', language: 'en', text: 'The bakery on the square reopened on Monday.' }));
    await store.upsertArticles(articles);
    await store.assignStories([...articles.slice(0, -1).map((a) => [a.id, 'flood'] as [string, string]), ['alone', 'bakery']]);
    const page = await (await createApp(store).request('/')).text();
    const flood = /<li class="story"><a class="headline" href="\/story\/flood">[\s\S]*?<\/li>/.exec(page)![0];
    assert.match(flood, /<div class="outlets"><span class="sr">Outlets: <\/span>Valley Times, [^<]*<details class="more-outlets"><summary>and 3 more<\/summary>[^<]*<\/details><\/div>/);
    // Every outlet is on the page, by the story page's names (the domain for the one without a name).
    for (const name of ['Valley Times', 'River Courier', 'Quay Radio', 'floodwatch.example', 'Mill Gazette', 'Bridge Weekly', 'Lock Herald']) assert.ok(flood.includes(name), name);
    const bakery = /<li class="story"><a class="headline" href="\/story\/bakery">[\s\S]*?<\/li>/.exec(page)![0];
    assert.match(bakery, /<div class="outlets"><span class="sr">Outlets: <\/span>1 unnamed<\/div>/);
  } finally {
    await store.close();
  }
});
