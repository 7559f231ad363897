import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { SortedLines } from '../../src/lang/sorted-lines.js';
import { BACKGROUND_FILE } from '../../src/analyse/similarity/background.js';
import { NOUN_SENSES_FILE } from '../../src/analyse/similarity/nouns.js';
import { SYNONYMS_FILE, SYNONYM_INDEX_FILE, synonymIndex, synonymous } from '../../src/analyse/similarity/synonyms.js';

const here = '[analyse/word-tables] ';

test(`${here}the word tables searched in place are sorted, so that no word in them is missed`, () => {
  for (const file of [BACKGROUND_FILE, NOUN_SENSES_FILE, SYNONYM_INDEX_FILE]) {
    const table = SortedLines.fromFile(file);
    assert.ok(table.size > 5000, `${file}: ${table.size} lines`);
    const at = table.firstUnsorted();
    assert.equal(at, -1, `${file}: "${table.keyAt(Math.max(at, 0))}" out of order`);
  }
});

test(`${here}the synonym index is the one the senses give (rebuild it with scripts/build-synonyms.mjs)`, () => {
  const shipped = readFileSync(SYNONYM_INDEX_FILE, 'utf8').split('\n').filter((l) => l && !l.startsWith('#'));
  const made = synonymIndex(readFileSync(SYNONYMS_FILE, 'utf8')).split('\n').filter(Boolean);
  assert.equal(shipped.length, made.length);
  assert.ok(shipped.every((line, i) => line === made[i]), 'line for line');
});

test(`${here}synonyms are found as written and by their stems`, () => {
  assert.equal(synonymous('poor', 'needy'), true);
  assert.equal(synonymous('halted', 'stopping'), true, 'by the stems of forms the senses do not list');
  assert.equal(synonymous('poor', 'rich'), false);
  assert.equal(synonymous('qzxvwplk', 'poor'), false);
});
