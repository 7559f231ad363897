import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildClaims } from '../../src/analyse/claims.js';
import { summarise, summaryLength } from '../../src/analyse/summary.js';
import type { Article } from '../../src/types.js';
import { article, context, fixture } from './story.js';

const here = '[analyse/summary] ';

// Words that carry no content of their own; everything else in a summary sentence must be found
// in a cited article.
const FUNCTION_WORDS = new Set('a an the of to in on at for and or but is are was were be been by with from as that this it its he she they their his her'.split(' '));
const words = (s: string) => (s.toLowerCase().normalize('NFKD').replace(/\p{M}/gu, '').match(/[\p{L}\p{N}]+/gu) ?? []).filter((w) => !FUNCTION_WORDS.has(w));

/** The content words of a sentence that no cited article holds (one article must hold them all). */
function unsupported(sentence: string, cited: Article[]): string[] {
  let best: string[] | null = null;
  for (const a of cited) {
    const have = new Set(words([a.title ?? '', a.text].join(' ')));
    const missing = words(sentence).filter((w) => !have.has(w));
    if (!best || missing.length < best.length) best = missing;
  }
  return best ?? words(sentence);
}

test(`${here}every content word of every summary sentence is in a cited article`, () => {
  for (const name of ['bridge', 'summit']) {
    const { articles, ctx } = fixture(name);
    const summary = summarise(ctx, buildClaims(ctx));
    assert.ok(summary.length >= 3, `${name}: a summary`);
    for (const s of summary) {
      assert.ok(s.articles.length > 0, `${name}: "${s.text}" cites an article`);
      const cited = articles.filter((a) => s.articles.includes(a.id));
      assert.deepEqual(unsupported(s.text, cited), [], `${name}: "${s.text}"`);
    }
  }
});

test(`${here}the most widely carried claim comes first, exclusives are marked`, () => {
  const { ctx } = fixture('bridge');
  const summary = summarise(ctx, buildClaims(ctx));
  assert.match(summary[0].text, /collapsed|brought down/);
  assert.deepEqual([...summary[0].articles].sort(), ['daily', 'herald', 'wire']);
  for (const s of summary) assert.equal(!!s.exclusive, s.articles.length === 1, `"${s.text}"`);
});

test(`${here}a sentence leaning on the one before is made to stand alone or left out`, () => {
  const { ctx } = fixture('summit');
  for (const s of summarise(ctx, buildClaims(ctx))) {
    assert.doesNotMatch(s.text, /^(?:He|She|However|Meanwhile|Instead)\b/, s.text);
  }
});

test(`${here}an outlet's loaded wording gives way to another outlet's plain sentence`, () => {
  const a = article({ id: 'a', source: 'A', text: 'The regime launched its criminal bombardment of the port city of Miren on Friday, killing nine civilians.' });
  const b = article({ id: 'b', source: 'B', text: 'Government forces shelled the port city of Miren on Friday, killing nine civilians.' });
  const c = article({ id: 'c', source: 'C', text: 'Nine civilians were killed when the port city of Miren was shelled on Friday.' });
  const ctx = context([a, b, c]);
  const summary = summarise(ctx, buildClaims(ctx));
  assert.ok(summary.length >= 1);
  assert.doesNotMatch(summary[0].text, /criminal bombardment/);
});

test(`${here}length grows with the story: 3 sentences for 2 articles, 10 for 50`, () => {
  assert.equal(summaryLength(2), 3);
  assert.equal(summaryLength(50), 10);
  assert.equal(summaryLength(500), 10);
  for (let n = 2; n < 50; n++) assert.ok(summaryLength(n + 1) >= summaryLength(n), `${n} → ${n + 1}`);
});

test(`${here}a story from one outlet is summarised from it, nothing marked exclusive`, () => {
  const a = article({
    id: 'a',
    source: 'A',
    text: 'The river burst its banks on Monday after three days of rain.\n\nAbout 2,000 residents were moved to schools on higher ground.\n\nThe regional council said repairs to the dikes would start in spring.',
  });
  const ctx = context([a]);
  const summary = summarise(ctx, buildClaims(ctx));
  assert.equal(summary.length, 3);
  for (const s of summary) {
    assert.deepEqual(s.articles, ['a']);
    assert.equal(s.exclusive, undefined);
  }
});

test(`${here}a preview written before the event is not cited for what happened, nor leads the summary`, () => {
  const articles = [
    article({ id: 'preview', published: '2025-03-02', text: 'The harbour board is expected to approve the new ferry timetable for the islands at its meeting on Monday.\n\nThe old timetable dates from 1998.' }),
    article({ id: 'east', published: '2025-03-03', text: 'The harbour board approved the new ferry timetable for the islands at its meeting on Monday.\n\nFerries will run every hour in summer.' }),
    article({ id: 'west', published: '2025-03-03', text: 'At its meeting on Monday the harbour board approved a new ferry timetable for the islands.\n\nThe first boat will leave at six.' }),
  ];
  const ctx = context(articles);
  const claims = buildClaims(ctx);
  const timetable = claims.find((c) => c.sentences.some((s) => s.text.includes('approved the new ferry timetable')));
  assert.deepEqual([...timetable!.articles].sort(), ['east', 'preview', 'west'], 'the three tell one fact');
  const summary = summarise(ctx, claims);
  assert.match(summary[0].text, /approved/, 'the event as reported, not as previewed, comes first');
  assert.deepEqual([...summary[0].articles].sort(), ['east', 'west'], 'the preview is not cited for it');
});

test(`${here}every claim most outlets carry has its sentence, past the length a small story gets; a sentence leaning on the one before, or a quotation left open, does not`, () => {
  const facts = [
    'The city council approved a new tram line to the harbour on Monday evening.',
    'The tram line will cost 240 million euros over six years of construction.',
    'Construction of the tram depot starts next spring near the old rail yard.',
    'Shop owners along the route will receive compensation during the works.',
    'The council also voted to double the number of night buses in the district.',
    'Cyclists will get a protected lane beside the new tracks on the harbour road.',
  ];
  const a = article({ id: 'a', source: 'A', text: [...facts, 'Opponents dispute that argument.', '“We are not against trams, but the cost'].join(' ') });
  const b = article({ id: 'b', source: 'B', text: facts.join(' ') });
  const c = article({ id: 'c', source: 'C', text: [...facts.slice(0, 5), 'Opponents dispute that argument.'].join(' ') });
  const ctx = context([a, b, c]);
  assert.equal(summaryLength(3), 4);
  const summary = summarise(ctx, buildClaims(ctx));
  for (const f of facts) assert.ok(summary.some((s) => s.text === f), `"${f}" in ${JSON.stringify(summary.map((s) => s.text))}`);
  assert.ok(!summary.some((s) => /dispute that argument|not against trams/.test(s.text)), JSON.stringify(summary.map((s) => s.text)));
});

test(`${here}a sentence giving no figure does not carry the summary sentence that gives it`, async () => {
  const { summarise: summariseAgain } = await import('../../src/analyse/summary.js');
  const claims = [
    {
      text: 'The agency has counted around 3,000 homes destroyed by the flood so far.',
      articles: ['a', 'b'],
      sentences: [
        { article: 'a', text: 'The agency has counted around 3,000 homes destroyed by the flood so far.' },
        { article: 'b', text: 'The mayor listed the streets where homes were destroyed by the flood.' },
      ],
    },
  ];
  const a = article({ id: 'a', source: 'A', text: 'The agency has counted around 3,000 homes destroyed by the flood so far. Rain continued.' });
  const b = article({ id: 'b', source: 'B', text: 'The mayor listed the streets where homes were destroyed by the flood. Rain continued.' });
  const summary = summariseAgain(context([a, b]), claims);
  const s = summary.find((x) => x.text.includes('3,000'));
  assert.ok(s, JSON.stringify(summary));
  assert.deepEqual(s.articles, ['a']);
});
