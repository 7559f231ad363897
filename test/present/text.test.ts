import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatStory } from '../../src/present/text.js';
import type { Story, StoryArticle } from '../../src/types.js';

const here = '[present/text] ';

const article = (id: string, source: string | null, text: string): StoryArticle => ({
  id, source, url: null, title: `Title ${id}`, byline: null, published: '2031-05-04', dateline: null, language: 'en', text,
});

// An invented story: two outlets word one fact differently; a third pairing is only possible.
const story: Story = {
  id: 's1',
  title: 'Harbour bridge reopens',
  articles: [
    article('a', 'Harbour Gazette', 'The harbour bridge reopened on Tuesday after repairs.'),
    article('b', 'Coastal Wire', 'Traffic returned to the harbour bridge on Tuesday.'),
    article('c', null, 'The council may close the ferry later this year.'),
  ],
  entities: [],
  quotes: [{
    speaker: 'Mara Voss', text: 'The bridge is safe.', direct: true, articles: ['a', 'b'],
    renderings: [{ article: 'a', text: 'The bridge is safe.' }, { article: 'b', text: 'the bridge is safe again' }],
  }],
  claims: [
    {
      text: 'The harbour bridge reopened on Tuesday after repairs.', articles: ['a', 'b'],
      sentences: [{ article: 'a', text: 'The harbour bridge reopened on Tuesday after repairs.' }, { article: 'b', text: 'Traffic returned to the harbour bridge on Tuesday.' }],
      confidence: 0.9,
    },
    {
      text: 'The ferry may close.', articles: ['b', 'c'], tentative: true, confidence: 0.4,
      sentences: [{ article: 'b', text: 'The ferry may close.' }, { article: 'c', text: 'The council may close the ferry later this year.' }],
    },
  ],
  wording: [], timeline: [], summary: [],
};

test(here + 'each shared claim shows every outlet\'s own sentence under it', () => {
  const out = formatStory(story);
  const claims = out.slice(out.indexOf('CLAIMS BY COVERAGE'), out.indexOf('POSSIBLY'));
  assert.match(claims, /\[1,2\] The harbour bridge reopened/);
  assert.match(claims, /Coastal Wire \[2\]: Traffic returned to the harbour bridge on Tuesday\./);
  assert.ok(!claims.includes('ferry'), 'a tentative pairing was counted with the firm claims');
});

test(here + 'a tentative claim is shown apart, with its confidence, and an unnamed outlet by its number only', () => {
  const out = formatStory(story);
  const apart = out.slice(out.indexOf('POSSIBLY THE SAME CLAIM'));
  assert.match(apart, /\[2,3\] The ferry may close\. \(confidence 0\.40\)/);
  assert.match(apart, /\n {4}\[3\]: The council may close the ferry/);
});

test(here + 'a quote lists each outlet\'s rendering that differs from the one shown', () => {
  const out = formatStory(story);
  const quotes = out.slice(out.indexOf('WHO SAID WHAT'));
  assert.match(quotes, /Mara Voss: “The bridge is safe\.” \[1,2\]/);
  assert.match(quotes, /Coastal Wire \[2\]: the bridge is safe again/);
  assert.ok(!/Harbour Gazette \[1\]: The bridge is safe\./.test(quotes), 'the rendering already shown is repeated');
});
