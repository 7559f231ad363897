import { test } from 'node:test';
import assert from 'node:assert/strict';
import { WEAK_PAIR, pairConfidence, statementFacts } from '../../src/analyse/claim-match.js';
import { buildClaims } from '../../src/analyse/claims.js';
import { TermWeights, contentStems } from '../../src/analyse/similarity/text.js';
import { article, context } from './story.js';

const here = '[analyse/claim-match] ';
const REPORTING = new Set(contentStems('said says noted added told reported'));

/** The confidence of two invented statements at a given overall overlap, with flat word weights. */
function confidence(a: string, b: string, score: number, contained = 0): number {
  const fa = statementFacts(a, a, REPORTING);
  const fb = statementFacts(b, b, REPORTING);
  const weights = new TermWeights();
  weights.add(fa.predicate);
  weights.add(fb.predicate);
  return pairConfidence(fa, fb, score, contained, weights);
}

test(`${here}statements pair only when they say the same thing of the same names`, () => {
  const rows: [string, string, string, number, boolean][] = [
    ['paraphrase', 'The harbour board approved the new ferry timetable on Monday.', 'On Monday the harbour board approved a new timetable for the ferry.', 0.45, true],
    // Same names and titles, different predicates.
    ['same people, other predicate', 'Harbour Director Anna Berg said the vote was fair.', 'Harbour Director Anna Berg is a longtime critic of the ferry plan.', 0.35, false],
    // One predicate word in common is a coincidence.
    ['one shared word', 'The council must raise taxes next year.', 'The council agreed on the budget after a long night.', 0.3, false],
    // Negation must agree.
    ['negation', 'The mayor is not seeking a new term.', 'The mayor is seeking a new term in office.', 0.45, false],
    // A negation of something else does not set them apart.
    ['negation elsewhere', 'Let us not forget that the harbour board approved the ferry timetable in March.', 'The harbour board approved the ferry timetable in March.', 0.45, true],
    // Both deny the same thing, worded differently.
    ['both deny', 'The board is not considering a sale of the harbour, only a lease.', 'The board is not discussing any sale of the harbour, it said.', 0.4, true],
    // A title before a name is not what the statement says.
    ['shared title only', "The region's foreign minister Eva Lind quit.", 'He hosted foreign ministers.', 0.4, false],
    // Different figures for nothing named are different facts …
    ['other figures', 'The city cut $40 million from the transport budget.', 'The city cut $45 million from the transport budget.', 0.45, false],
    // … the same count of the same thing with another figure is one fact told two ways.
    ['disputed count', 'Rescue crews pulled 12 passengers from the lake.', 'Rescuers recovered 15 passengers from the lake.', 0.3, true],
    // A long quotation both carry is enough, even where the rest differs.
    ['shared quotation', 'Berg told reporters: "we will not sell the harbour to any private buyer this year".', 'In a statement, the leader insisted that "we will not sell the harbour to any private buyer".', 0.2, true],
  ];
  for (const [what, a, b, score, same] of rows) {
    const c = confidence(a, b, score);
    assert.ok(c >= 0 && c <= 1, `${what}: confidence in [0, 1]`);
    assert.equal(c >= WEAK_PAIR, same, `${what}: confidence ${c}`);
  }
});

test(`${here}a short statement reported inside a long one pairs with it`, () => {
  const long = 'The minister proposed raising bus fares, closing the night ferry between the islands and selling two harbour cranes, as part of a plan to balance the budget.';
  const short = 'The plan includes closing the night ferry between the islands.';
  // Little overlap overall, but most of the short statement is in the long one.
  assert.ok(confidence(short, long, 0.2, 0.8) >= WEAK_PAIR);
  // Without the containment it would not pair.
  assert.ok(confidence(short, long, 0.2, 0.2) < WEAK_PAIR);
});

test(`${here}claims carry evidence with offsets and a confidence, and unrelated sentences stay apart`, () => {
  const articles = [
    article({ id: 'north', text: 'The harbour board approved the new ferry timetable on Monday.\n\nHarbour Director Anna Berg said the vote was fair and open.' }),
    article({ id: 'south', text: 'On Monday the harbour board approved a new timetable for the ferry.\n\nHarbour Director Anna Berg is a longtime critic of the island bridge plan.' }),
  ];
  const ctx = context(articles, [{ name: 'Anna Berg', kind: 'person', spellings: ['Anna Berg'] }]);
  const claims = buildClaims(ctx);
  const timetable = claims.find((c) => c.text.includes('timetable'));
  assert.deepEqual(timetable?.articles.sort(), ['north', 'south']);
  assert.ok(timetable!.confidence! > 0 && timetable!.confidence! <= 1);
  for (const e of timetable!.evidence!) {
    const a = articles.find((x) => x.id === e.article)!;
    assert.equal(a.text.slice(e.start, e.end), e.text);
  }
  const berg = claims.filter((c) => c.sentences.some((s) => s.text.includes('Anna Berg')));
  assert.equal(berg.length, 2, 'what each says of Berg is a claim of its own');
  assert.ok(berg.every((c) => c.articles.length === 1));
});
