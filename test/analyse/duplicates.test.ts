import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findNearDuplicates, wireCredit } from '../../src/analyse/duplicates.js';
import { buildClaims } from '../../src/analyse/claims.js';
import { article, context } from './story.js';

const here = '[analyse/duplicates] ';

// An invented wire story, long enough for its shingles to mean something.
const WIRE = [
  'LAKETOWN (Northwire) - The regional water authority said on Tuesday it would close the old pumping station at Millbrook by the end of the year, after inspectors found cracks in two of its three reservoirs.',
  'The station supplies about 40,000 households in the valley, and the authority said a temporary pipeline from the neighbouring district would keep water flowing while a new station is built.',
  'Engineers had warned for a decade that the concrete was failing, according to a report the authority published in the spring, and repairs were postponed twice for lack of money.',
  'Residents will be asked to cut their use by a tenth during the summer months, the authority said, and fines for watering gardens during the day will double.',
  'The new station is expected to cost about 90 million and to open in three years, the authority added.',
].join('\n\n');

test(`${here}wire copies are recognised: verbatim, cut short, lightly rewritten under the same credit`, () => {
  const paras = WIRE.split('\n\n');
  const original = article({ id: 'wire', source: 'Northwire', published: '2025-05-06', text: WIRE });
  // A site that runs the first three paragraphs under its own headline.
  const trimmed = article({ id: 'trimmed', source: 'Valley Post', published: '2025-05-06T10:00', title: 'Millbrook station to shut', text: paras.slice(0, 3).join('\n\n') });
  // A site that rewrites a few phrases and keeps the credit.
  const rewritten = article({
    id: 'rewritten', source: 'County Times', published: '2025-05-06T12:00',
    text: WIRE.replace('said on Tuesday it would close', 'announced on Tuesday that it will shut')
      .replace('Engineers had warned for a decade', 'For ten years engineers had warned')
      .replace('Residents will be asked', 'Households will be asked')
      .replace('will double', 'are set to double')
      .split('\n\n').slice(0, 4).map((p, k) => (k === 1 ? 'About 40,000 households in the valley depend on the station; a temporary pipeline from the neighbouring district will keep water flowing while a new one is built.' : p)).join('\n\n'),
  });
  // Another outlet's own report of the same event: the same facts, its own words.
  const own = article({
    id: 'own', source: 'Lake Courier', published: '2025-05-06T15:00',
    text: 'Millbrook pumping station will shut before the new year. The water authority blames cracked reservoirs, which its own engineers flagged years ago. Households in the valley face a summer of restrictions, and a stopgap pipeline will carry water from the next district until a replacement opens.',
  });
  const dup = findNearDuplicates([original, trimmed, rewritten, own]);
  assert.equal(dup.get('trimmed'), 'wire');
  assert.equal(dup.get('rewritten'), 'wire');
  assert.equal(dup.has('own'), false, 'an outlet telling the same event in its own words is no copy');
  assert.equal(dup.has('wire'), false);
});

test(`${here}credit lines name the agency`, () => {
  const rows: [string, string | null][] = [
    ['LAKETOWN (Northwire) - The authority said on Tuesday it would close the station.', 'northwire'],
    ['NWA - The authority said on Tuesday it would close the station.', 'nwa'],
    ['The authority will close the station, Northwire reports.', 'northwire'],
    ['The authority will close the station, according to Northwire, which saw the letter.', 'northwire'],
    ['The authority said on Tuesday it would close the station.', null],
  ];
  for (const [text, want] of rows) assert.equal(wireCredit(article({ id: 'x', text })), want, text);
});

test(`${here}a claim carried by copies of one wire story counts one source, its articles all listed`, () => {
  const paras = WIRE.split('\n\n');
  const original = article({ id: 'wire', source: 'Northwire', published: '2025-05-06', text: WIRE });
  const trimmed = article({ id: 'trimmed', source: 'Valley Post', published: '2025-05-06T10:00', text: paras.slice(0, 3).join('\n\n') });
  const articles = [original, trimmed];
  const ctx = context(articles, [], [...findNearDuplicates(articles)]);
  const claim = buildClaims(ctx).find((c) => c.text.includes('pumping station'));
  assert.deepEqual(claim?.articles.sort(), ['trimmed', 'wire']);
  assert.equal(claim?.sources, 1);
  assert.deepEqual(claim?.copies, ['trimmed']);
});
