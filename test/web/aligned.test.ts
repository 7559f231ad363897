// The articles side by side with their shared passages lined up: one row per claim several
// outlets carry, one column per article, each cell that article's own sentence.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createApp } from '../../src/present/web/app.js';
import { fixture, fixtureStore, fixtureStory } from './fixture.js';

const here = '[web/aligned] ';
const unescape = (s: string) => s.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

test(here + 'each shared claim is one row, its cells the sentences each article used, level with each other', async () => {
  const store = await fixtureStore();
  try {
    const page = await (await createApp(store).request('/story/grain-talks')).text();
    const table = /<table class="aligned">[\s\S]*?<\/table>/.exec(page)?.[0];
    assert.ok(table, 'a table of shared passages');
    const story = fixtureStory('grain-talks');
    const heads = [...table.matchAll(/<th scope="col"><a href="#art-(\d+)">/g)].map((m) => story.articles[Number(m[1]) - 1]);
    assert.deepEqual(heads, story.articles, 'one column per article, in the page\'s order');
    const rows = [...table.matchAll(/<tr>((?:<td[^>]*>[^<]*<\/td>)+)<\/tr>/g)].map((m) => [...m[1].matchAll(/<td[^>]*>([^<]*)<\/td>/g)].map((c) => unescape(c[1])));
    const shared = story.claims.filter((c) => new Set(c.articles).size > 1);
    assert.equal(rows.length, shared.length);
    for (const c of shared) {
      const want = heads.map((id) => c.sentences.find((x) => x.article === id)?.text ?? '');
      assert.ok(rows.some((r) => JSON.stringify(r) === JSON.stringify(want)), `the row of "${c.text}"`);
    }
    assert.ok(fixture.stories.length > 1);
  } finally {
    await store.close();
  }
});
