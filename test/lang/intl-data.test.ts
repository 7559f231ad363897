// The calendar words and country names kept in data/lang/intl are what the runtime's CLDR data
// gives: a Node whose ICU names things differently makes this fail, and the files must be
// written again (`node --import tsx scripts/build-intl-data.mjs`).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { calendarWordsFromRuntime } from '../../src/lang/calendar-cldr.js';
import { CALENDAR_FILE, calendarWords, monthOf } from '../../src/lang/calendar.js';
import { countryNamesFromRuntime, LOCALES } from '../../src/lang/countries-cldr.js';
import { COUNTRY_NAMES_FILE, countryForm, countryOfWord, countriesInHan } from '../../src/lang/countries.js';
import { NUMBERS_FILE, decimalMark, decimalMarkFromRuntime } from '../../src/lang/numbers.js';
import { LANGUAGE_NAMES_FILE, englishLanguageName, englishLanguageNameFromRuntime } from '../../src/lang/language-names.js';

test('the stored calendar words are the runtime\'s for every news language', () => {
  const stored = JSON.parse(readFileSync(CALENDAR_FILE, 'utf8')) as Record<string, unknown>;
  assert.deepEqual(Object.keys(stored).sort(), [...LOCALES].sort());
  for (const lang of LOCALES) assert.deepEqual(stored[lang], calendarWordsFromRuntime(lang), lang);
});

test('the stored country names are the runtime\'s', () => {
  assert.deepEqual(JSON.parse(readFileSync(COUNTRY_NAMES_FILE, 'utf8')), countryNamesFromRuntime());
});

test('the stored decimal marks are the runtime\'s for every news language', () => {
  const stored = JSON.parse(readFileSync(NUMBERS_FILE, 'utf8')) as Record<string, string | null>;
  assert.deepEqual(Object.keys(stored).sort(), [...LOCALES].sort());
  for (const lang of LOCALES) assert.equal(stored[lang], decimalMarkFromRuntime(lang), lang);
  assert.equal(decimalMark('en'), '.');
  assert.equal(decimalMark('de'), ',');
  // Outside the stored ones: asked of the runtime.
  assert.ok(!LOCALES.includes('gl'));
  assert.equal(decimalMark('gl'), decimalMarkFromRuntime('gl'));
  assert.equal(decimalMark('gl'), ',');
  assert.equal(decimalMark(''), null);
});

test('the stored English names of the news languages are the runtime\'s', () => {
  const stored = JSON.parse(readFileSync(LANGUAGE_NAMES_FILE, 'utf8')) as Record<string, string | null>;
  assert.deepEqual(Object.keys(stored).sort(), [...LOCALES].sort());
  for (const lang of LOCALES) assert.equal(stored[lang], englishLanguageNameFromRuntime(lang), lang);
  assert.equal(englishLanguageName('ru'), 'Russian');
  assert.equal(englishLanguageName('gl'), 'Galician', 'outside the stored ones: asked of the runtime');
  assert.equal(englishLanguageName('pt-BR'), englishLanguageNameFromRuntime('pt-BR'));
});

test('a language outside the stored ones is asked of the runtime', () => {
  assert.ok(!LOCALES.includes('gl'));
  const gl = calendarWords('gl');
  assert.ok(gl, 'Galician has CLDR calendar words');
  assert.deepEqual(gl, calendarWordsFromRuntime('gl'));
  assert.equal(calendarWords('zz-not-a-language'), null);
});

test('names read from the files: months and countries in several languages', () => {
  assert.equal(monthOf('сентября'), 9);
  assert.equal(monthOf('märz'), 3);
  assert.equal(monthOf('table'), 0);
  assert.equal(countryOfWord(countryForm('Deutschland'), false), 'DE');
  assert.equal(countryOfWord(countryForm('Германии'), true), 'DE');
  assert.equal(countryOfWord(countryForm('Германии'), false), null);
  assert.deepEqual(countriesInHan('德国和法国'), ['DE', 'FR']);
});
