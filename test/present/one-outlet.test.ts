import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatStory } from '../../src/present/text.js';
import type { Story, StoryArticle } from '../../src/types.js';

const here = '[present/one-outlet] ';

const article = (id: string, source: string | null, url: string | null, text: string): StoryArticle => ({
  id, source, url, title: `Title ${id}`, byline: null, published: '2031-06-01', dateline: null, language: 'en', text,
});

// An invented story of one article, whose analysis pairs two sentences of that one article as one
// claim, and lists its claims as the outlet's exclusives.
const single: Story = {
  id: 'lone',
  title: 'Lighthouse keeper retires',
  articles: [article('lone', 'Cape Herald', null, 'The lighthouse keeper retired on Friday. The keeper retired after forty years.')],
  entities: [],
  quotes: [],
  claims: [
    {
      text: 'The lighthouse keeper retired on Friday.', articles: ['lone', 'lone'], confidence: 0.9,
      sentences: [{ article: 'lone', text: 'The lighthouse keeper retired on Friday.' }, { article: 'lone', text: 'The keeper retired after forty years.' }],
    },
  ],
  exclusives: [{ source: 'Cape Herald', claims: ['The lighthouse keeper retired on Friday.'] }],
  wording: [], timeline: [], summary: [{ text: 'The lighthouse keeper retired on Friday.', articles: ['lone'] }],
};

test(here + 'a story of one article has no claims-by-coverage or one-outlet-only heading, and counts in the singular', () => {
  const out = formatStory(single);
  assert.doesNotMatch(out, /CLAIMS BY COVERAGE/);
  assert.doesNotMatch(out, /ONLY ONE OUTLET REPORTS/);
  assert.match(out, /\n1 article from 1 outlet\n/);
});

test(here + 'outlets are named as the analysis names them: by the domain when nothing else names them, never by an article id', () => {
  const s: Story = {
    ...single,
    articles: [article('x-1', null, 'https://www.quay-notes.example/a', 'One.'), article('x-2', null, null, 'Two.'), article('x-3', null, null, 'Three.')],
    outlets: [
      { article: 'x-1', outlet: 'quay-notes.example', country: null, ownership: null, owner: null, source: null, agencies: [], labels: {}, profiled: false },
      { article: 'x-2', outlet: 'Unnamed outlet A', country: null, ownership: null, owner: null, source: null, agencies: [], labels: {}, profiled: false },
      { article: 'x-3', outlet: 'Unnamed outlet B', country: null, ownership: null, owner: null, source: null, agencies: [], labels: {}, profiled: false },
    ],
    claims: [],
    exclusives: [{ source: 'x-2', claims: ['Two.'] }, { source: 'x-3', claims: ['Three.'] }],
    summary: [],
  };
  const out = formatStory(s);
  assert.match(out, /\[1\] quay-notes\.example · /);
  assert.match(out, /\[2\] Unnamed outlet A · /);
  assert.match(out, /\nUnnamed outlet B:\n/);
  assert.match(out, /\n3 articles from 3 outlets\n/);
  assert.doesNotMatch(out, /unknown outlet|\nx-2:|\nx-3:/);
});
