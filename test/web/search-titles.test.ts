// Search lists articles by their titles: an article whose page gave no headline by its opening
// words, never by its id (the id is a fallback for an article without text only).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createApp } from '../../src/present/web/app.js';
import { articleTitle } from '../../src/present/title.js';
import { openSqliteStore } from '../../src/store/sqlite.js';
import { toArticle } from './fixture.js';

const here = '[web/search-titles] ';
const bin = fileURLToPath(new URL('../../bin/parallax', import.meta.url));

const WIRE = 'The lighthouse on the northern cape will be switched off for repairs from Monday until the end of the month, the coastguard said. Ships are asked to keep further out.';

async function store() {
  const path = join(mkdtempSync(join(tmpdir(), 'parallax-search-titles-')), 's.db');
  const s = await openSqliteStore(path);
  await s.upsertArticles([
    toArticle({ id: 'wire-0001', source: 'Cape Wire', url: null, title: null, byline: null, published: '2025-04-02', language: 'en', text: WIRE }),
    toArticle({ id: 'post-0002', source: 'Cape Post', url: null, title: 'Lighthouse goes dark for repairs', byline: null, published: '2025-04-02', language: 'en', text: 'The lighthouse will be dark for repairs, the coastguard said on Wednesday.' }),
  ]);
  return { path, s };
}

test(here + 'the search page lists an untitled article by its opening words, not its id', async () => {
  const { s } = await store();
  try {
    const page = await (await createApp(s).request('/search?q=lighthouse')).text();
    assert.match(page, /<a href="\/article\/wire-0001">The lighthouse on the northern cape will be switched off for repairs from [^<]* …<\/a>/);
    assert.match(page, /<a href="\/article\/post-0002">Lighthouse goes dark for repairs<\/a>/);
    assert.doesNotMatch(page, />wire-0001</);
  } finally {
    await s.close();
  }
});

test(here + 'the terminal\'s search leads with the title too', async () => {
  const { path, s } = await store();
  await s.close();
  const out = spawnSync(process.execPath, [bin, 'search', 'lighthouse', '--db', path], { encoding: 'utf8' });
  assert.equal(out.status, 0, out.stderr);
  const firstLines = out.stdout.split('\n').filter((l) => l && !l.startsWith(' '));
  assert.equal(firstLines.length, 2);
  assert.equal(firstLines.sort()[0], 'Lighthouse goes dark for repairs');
  assert.match(firstLines[1], /^The lighthouse on the northern cape will be switched off for repairs from .* …$/);
});

test(here + 'a title from the text: the first sentence, cut at a word; the id only without text', () => {
  assert.equal(articleTitle({ id: 'x', title: '  Port  reopens ', text: WIRE }), 'Port reopens');
  assert.equal(articleTitle({ id: 'x', title: null, text: 'Ships sail again. More later.' }), 'Ships sail again.');
  assert.equal(articleTitle({ id: 'x', title: null, text: '' }), 'x');
});
