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

test('[outlets] a name in plain ASCII folds as the Unicode folding would fold it', async () => {
  const { normName } = await import('../../src/outlets/registry.js');
  const unicodeFold = (s: string) => s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  const ascii = ['The Guardian', 'BBC News', "Reuters (UK)", 'ABC-7 / KABC', '  N.Y. Times  ', 'news_24', 'R&D Weekly', 'Tab\tand\nline', '100% Radio', ''];
  for (const name of ascii) assert.equal(normName(name), unicodeFold(name), name);
  // And the rest still folds accents and other scripts.
  assert.equal(normName('Le Monde Diplomatique — Édition'), 'le monde diplomatique edition');
  assert.equal(normName('Новая газета'), 'новая газета');
});
