import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findQuotes } from '../../src/enrich/quotes/index.js';
import { matchQuotes, statements, unnegate } from '../../src/analyse/quotes.js';
import { speakerKind, type SpeakerKind } from '../../src/analyse/speaker-kind.js';
import type { Article, StoryEntity } from '../../src/types.js';
import type { QuoteSpan } from '../../src/enrich/types.js';
import { article } from './article.js';

function entity(name: string, kind: StoryEntity['kind'], articles: Article[], ...spellings: string[]): StoryEntity {
  const mentions = articles.flatMap((a) => spellings.flatMap((s) => {
    const out = [];
    for (let i = a.text.indexOf(s); i >= 0; i = a.text.indexOf(s, i + s.length)) {
      // A shorter spelling inside a longer one's mention is that mention.
      if (!spellings.some((l) => l.length > s.length && l.includes(s) && a.text.slice(i - l.indexOf(s), i - l.indexOf(s) + l.length) === l)) out.push({ article: a.id, text: s, start: i, end: i + s.length });
    }
    return out;
  }));
  return { name, kind, mentions };
}

function story(texts: Record<string, string>, people: [string, ...string[]][], others: string[] = []) {
  const articles = Object.entries(texts).map(([id, t]) => article(id, t));
  const entities = [...people.map(([name, ...more]) => entity(name, 'person', articles, name, ...more)), ...others.map((o) => entity(o, 'other', articles, o))];
  const spans = new Map<string, QuoteSpan[]>(articles.map((a) => {
    const es = entities.flatMap((e) => e.mentions.filter((m) => m.article === a.id).map((m) => ({ start: m.start!, end: m.end!, text: m.text, type: e.kind === 'person' ? 'PER' as const : 'MISC' as const })));
    return [a.id, findQuotes(a.text, es.sort((x, y) => x.start - y.start))];
  }));
  return { articles, quotes: matchQuotes(articles, spans, entities) };
}

// Each row: a speaker as written, and whether it can be one.
const KINDS: [string, SpeakerKind][] = [
  ['a senior official', 'description'],
  ['Gun-rights groups', 'description'],
  ['documents seen', 'description'],
  ['the head of the agency', 'description'],
  ['those familiar with the talks', 'description'],
  ['Farmers', 'description'],
  ['Valdorians', 'description'],
  ['Evening Courier', 'description'],
  ['he', 'pronoun'],
  ['You', 'pronoun'],
  ['inflation', 'none'],
  ['Unilaterally', 'none'],
  ['Among the', 'none'],
  ['take-home pay', 'none'],
  ['Got', 'none'],
  ['talks', 'none'],
  ['head', 'none'],
];
for (const [said, kind] of KINDS) {
  test(`speakerKind: "${said}" is ${kind}`, () => assert.equal(speakerKind(said), kind));
}

test('speakerKind: a name the tagger knows as a work is no speaker', () => {
  assert.equal(speakerKind('Moon Riders', (n) => n === 'Moon Riders'), 'none');
  assert.equal(speakerKind('Moon Riders'), 'description');
});

test('matchQuotes: reported speech given to a non-speaker is dropped; a quotation stays, unattributed and tentative', () => {
  const { quotes } = story({
    a: 'Rising prices said that the harvest was poor this autumn.',
    b: 'Demand fell sharply. “We have never seen shelves so empty,” Unilaterally said the week.',
  }, []);
  assert.ok(!quotes.some((q) => q.text.includes('harvest was poor')), 'a row given to "Rising prices"');
  const shelves = quotes.find((q) => q.text.includes('shelves so empty'));
  assert.equal(shelves?.speaker, 'unattributed');
  assert.equal(shelves?.tentative, true);
});

test('matchQuotes: rows carry each article’s sentence as evidence, a confidence, and tentative when unsure', () => {
  const { articles, quotes } = story({
    a: 'The talks ended late. “We will sign the treaty in March,” Lena Brandt said on Friday.',
    b: 'Lena Brandt spoke after the talks.\n\n“We will sign the treaty in March,” she said.',
    c: 'Omar Feld and Piotr Lanz met on Monday. “The border stays closed until spring,” he told reporters.',
  }, [['Lena Brandt'], ['Omar Feld'], ['Piotr Lanz']]);
  const sign = quotes.find((q) => q.text.includes('sign the treaty'));
  assert.ok(sign);
  assert.equal(sign.speaker, 'Lena Brandt');
  assert.deepEqual([...sign.articles].sort(), ['a', 'b']);
  assert.equal(sign.evidence?.length, 2);
  for (const ev of sign.evidence!) {
    const a = articles.find((x) => x.id === ev.article)!;
    assert.equal(a.text.slice(ev.start, ev.end), ev.text);
    assert.ok(ev.text.includes('sign the treaty'));
  }
  assert.ok((sign.confidence ?? 0) >= 0.8);
  assert.ok(!sign.tentative);
  const border = quotes.find((q) => q.text.includes('border stays closed'));
  assert.ok(border);
  assert.equal(border.speaker, 'he');
  assert.equal(border.tentative, true);
});

test('statements: a negation before a quoted fragment stays with it', () => {
  const s = statements('that the country cannot “hope to be invited to the alliance” this year and “must wait for the next summit”');
  assert.ok(s.some((x) => /cannot\s+“hope to be invited/.test(x)), s.join(' | '));
  assert.ok(s.some((x) => x.startsWith('must wait')), s.join(' | '));
});

test('matchQuotes: a paraphrase holding a one-word quotation is reported speech, not direct', () => {
  const { quotes } = story({ a: 'Lena Brandt said that the budget plan was “reckless” and would hurt rural schools.' }, [['Lena Brandt']]);
  const q = quotes.find((x) => x.text.includes('budget plan'));
  assert.ok(q);
  assert.equal(q.direct, false);
});

test('matchQuotes: "has not won" and "did not win" are one statement; "will win" is another', () => {
  const { quotes } = story({
    a: '“He did not win this war,” Lena Brandt said.',
    b: '“He has not won this war,” Lena Brandt said.',
    c: '“He will win this war,” Lena Brandt said.',
  }, [['Lena Brandt']]);
  const not = quotes.find((q) => q.articles.includes('a'));
  assert.deepEqual([...not!.articles].sort(), ['a', 'b']);
  const will = quotes.find((q) => q.articles.includes('c'));
  assert.deepEqual(will!.articles, ['c']);
});

test('matchQuotes: "not easy" and "difficult" say one thing', () => {
  assert.equal(unnegate('Reaching a deal is not easy'), 'Reaching a deal is difficult');
  assert.equal(unnegate('It isn’t easy'), 'It is difficult');
  const { quotes } = story({
    a: 'Lena Brandt said that reaching a deal with the northern provinces is not easy.',
    b: 'Lena Brandt said that reaching a deal with the northern provinces is difficult.',
  }, [['Lena Brandt']]);
  assert.ok(quotes.some((q) => q.articles.length === 2), JSON.stringify(quotes.map((q) => [q.text, q.articles])));
});
