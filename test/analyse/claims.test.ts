import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildClaims, coverageOf, exclusivesBySource, splitStatements } from '../../src/analyse/claims.js';
import { splitSentences } from '../../src/enrich/sentences.js';
import { article, context, fixture } from './story.js';

const here = '[analyse/claims] ';

/** The claim holding a sentence that contains `phrase`. */
function claimWith(claims: ReturnType<typeof buildClaims>, phrase: string) {
  const c = claims.find((x) => x.sentences.some((s) => s.text.includes(phrase)));
  assert.ok(c, `a claim holds "${phrase}"`);
  return c;
}

test(`${here}paraphrases across outlets align into one claim`, () => {
  const { ctx } = fixture('bridge');
  const claims = buildClaims(ctx);
  // Same event in three wordings: "collapsed … after flooding", "collapsed … following floods",
  // "flooding brought down the bridge".
  assert.deepEqual(claimWith(claims, 'The old bridge over the Narva').articles.sort(), ['daily', 'herald', 'wire']);
  // "promised … would be rebuilt within a year" ~ "pledged to rebuild … within a year" (a clause).
  assert.deepEqual(claimWith(claims, 'Tamm promised').articles.sort(), ['daily', 'herald']);
  assert.deepEqual(claimWith(claims, 'Rescue teams pulled').articles.sort(), ['herald', 'wire']);
});

test(`${here}what one outlet alone says stays alone, listed as its exclusive`, () => {
  const { ctx } = fixture('bridge');
  const claims = buildClaims(ctx);
  const railway = claimWith(claims, 'railway operator');
  assert.deepEqual(railway.articles, ['wire']);
  assert.equal(railway.coverage, 'one');
  assert.deepEqual(claimWith(claims, 'reckless neglect').articles, ['herald']);
  const exclusives = exclusivesBySource(ctx, claims);
  const wire = exclusives.find((e) => e.source === 'State Wire');
  assert.ok(wire?.claims.some((c) => c.includes('railway operator')));
  assert.ok(!exclusives.some((e) => e.claims.some((c) => c.includes('collapsed'))), 'a shared claim is no exclusive');
});

test(`${here}coverage: all, most, some, one`, () => {
  const rows: [number, number, string][] = [[5, 5, 'all'], [4, 5, 'most'], [3, 5, 'most'], [2, 5, 'some'], [1, 5, 'one'], [2, 2, 'all'], [1, 2, 'one'], [2, 4, 'some']];
  for (const [n, total, want] of rows) assert.equal(coverageOf(n, total), want, `${n} of ${total}`);
});

test(`${here}a near-duplicate counts once`, () => {
  const base = fixture('bridge');
  const copy = article({ id: 'copy', source: 'Reprint Weekly', text: base.articles[0].text });
  const ctx = context([...base.articles, copy], [], [['copy', 'herald']]);
  const claims = buildClaims(ctx);
  const neglect = claimWith(claims, 'reckless neglect');
  assert.ok(neglect.articles.includes('copy') && neglect.articles.includes('herald'));
  assert.equal(neglect.coverage, 'one', 'the herald and its reprint are one outlet');
  // The collapse is told by all three independent outlets: "all", though four articles carry it.
  assert.equal(claimWith(claims, 'The old bridge over the Narva').coverage, 'all');
  // The reprint does not make the herald's exclusive a shared claim.
  const herald = exclusivesBySource(ctx, claims).find((e) => e.source === 'Northern Herald');
  assert.ok(herald?.claims.some((c) => c.includes('reckless neglect')));
});

test(`${here}a long sentence reporting two things gives two statements`, () => {
  const a = article({
    id: 'a',
    text: 'The minister said that the government had agreed on a new budget for the coming year, adding that the pension reform would be postponed until the spring elections.',
  });
  const got = splitStatements(a, splitSentences(a.text)).map((s) => s.text);
  assert.deepEqual(got, [
    'The minister said that the government had agreed on a new budget for the coming year',
    'the pension reform would be postponed until the spring elections.',
  ]);
});

test(`${here}headings and fragments are not statements`, () => {
  const a = article({ id: 'a', text: 'Rutte wants more weapons\n\nThe alliance agreed to send more air defence systems to the front.' });
  a.blocks[0] = { kind: 'heading', text: 'Rutte wants more weapons' };
  assert.deepEqual(splitStatements(a, splitSentences(a.text)).map((s) => s.text), ['The alliance agreed to send more air defence systems to the front.']);
});

test(`${here}unrelated sentences sharing a name do not align`, () => {
  const a = article({ id: 'a', source: 'A', text: 'Governor Ilse Tamm opened the new hospital wing in Tartu on Monday.' });
  const b = article({ id: 'b', source: 'B', text: 'Governor Ilse Tamm faces a vote of no confidence over the budget deficit.' });
  const ctx = context([a, b], [{ name: 'Ilse Tamm', kind: 'person', spellings: ['Ilse Tamm'] }]);
  assert.equal(buildClaims(ctx).length, 2);
});

test(`${here}different spellings of one referent count as the same word`, () => {
  const a = article({ id: 'a', source: 'A', text: 'President Zelenskyy asked the allies for more air defence in Kyiv.' });
  const b = article({ id: 'b', source: 'B', text: 'President Selensky asked the allies for more air defence in Kiev.' });
  const ctx = context([a, b], [
    { name: 'Volodymyr Zelenskyy', kind: 'person', spellings: ['Zelenskyy', 'Selensky'] },
    { name: 'Kyiv', kind: 'place', spellings: ['Kyiv', 'Kiev'] },
  ]);
  const claims = buildClaims(ctx);
  assert.equal(claims.length, 1);
  assert.deepEqual(claims[0].articles, ['a', 'b']);
});
