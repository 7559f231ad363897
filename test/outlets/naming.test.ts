import { test } from 'node:test';
import assert from 'node:assert/strict';
import { profileStory } from '../../src/outlets/index.js';
import type { Article } from '../../src/types.js';
import { makeArticle } from '../store/contract.js';

const here = '[outlets/naming] ';
const art = (id: string, over: Partial<Article>) => makeArticle(id, { source: null, url: null, ...over });

test(here + 'an outlet outside the registry is named by the article: its source, else its domain, else "Unnamed outlet" (lettered when a story has several), never its id', () => {
  const { outlets, coverage } = profileStory(
    [
      art('r-1', { url: 'https://www.reuters.com/a' }),
      art('t-1', { source: 'Quayside Tribune', url: 'https://quayside.example/a' }),
      art('n-1', { url: 'https://www.pier-notes.example/2031/a' }),
      art('file-007', {}),
      art('file-008', {}),
    ],
    [],
  );
  assert.deepEqual(outlets.map((o) => o.outlet), ['Reuters', 'Quayside Tribune', 'pier-notes.example', 'Unnamed outlet A', 'Unnamed outlet B']);
  assert.equal(coverage.outlets, 5, 'two unnamed outlets are not one');
  assert.equal(profileStory([art('r-1', { url: 'https://www.reuters.com/a' }), art('file-009', {})], []).outlets[1].outlet, 'Unnamed outlet');
});
