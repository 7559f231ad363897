import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findQuotes } from '../../src/enrich/quotes/index.js';
import { matchQuotes, statements } from '../../src/analyse/quotes.js';
import type { Article, StoryEntity } from '../../src/types.js';
import type { QuoteSpan } from '../../src/enrich/types.js';
import { article } from './article.js';

/** An entity with a mention at every occurrence of each spelling in each article. */
function entity(name: string, kind: StoryEntity['kind'], articles: Article[], ...spellings: string[]): StoryEntity {
  const mentions = articles.flatMap((a) =>
    spellings.flatMap((s) => {
      const out = [];
      for (let i = a.text.indexOf(s); i >= 0; i = a.text.indexOf(s, i + s.length)) out.push({ article: a.id, text: s, start: i, end: i + s.length });
      return out;
    }),
  );
  return { name, kind, mentions };
}

const ARTICLES = [
  article('a', '“Ukraine’s future is in NATO,” Rutte said on Tuesday.'),
  article('b', 'Mark Rutte said that the future of Ukraine is in NATO.'),
  article('c', 'NATO Secretary General Mark Rutte spoke in Brussels.\n\n“The future of Ukraine is in NATO,” he said.'),
  article('d', 'Kremlin spokesman Dmitry Peskov said the invitation would be unacceptable for Moscow.'),
  article('e', 'Peskov told reporters that any invitation would be unacceptable for Moscow.'),
];
const ENTITIES = [
  entity('Mark Rutte', 'person', ARTICLES, 'Mark Rutte', 'Rutte'),
  entity('Dmitry Peskov', 'person', ARTICLES, 'Dmitry Peskov', 'Peskov'),
  entity('NATO', 'organization', ARTICLES, 'NATO'),
];

/** Quotes found with the entity spans the tagger would give (here: the entities' mentions). */
function quotesOf(articles: Article[], entities: StoryEntity[] = ENTITIES): Map<string, QuoteSpan[]> {
  return new Map(articles.map((a) => {
    const spans = entities.flatMap((e) => e.mentions.filter((m) => m.article === a.id).map((m) => ({ start: m.start!, end: m.end!, text: m.text, type: e.kind === 'person' ? 'PER' as const : 'ORG' as const })));
    // A mention inside a longer one ("Rutte" in "Mark Rutte") is not a span of its own.
    const outer = spans.filter((s) => !spans.some((o) => o !== s && o.start <= s.start && o.end >= s.end && o.end - o.start > s.end - s.start));
    return [a.id, findQuotes(a.text, outer.sort((x, y) => x.start - y.start))];
  }));
}

test('matchQuotes: one statement in three renderings is one quote with every article', () => {
  const quotes = matchQuotes(ARTICLES, quotesOf(ARTICLES), ENTITIES);
  const nato = quotes.find((q) => /future/i.test(q.text));
  assert.ok(nato, JSON.stringify(quotes));
  assert.equal(nato.speaker, 'Mark Rutte');
  assert.deepEqual([...nato.articles].sort(), ['a', 'b', 'c']);
  // Each article's own words are kept.
  const byArticle = new Map(nato.renderings!.map((r) => [r.article, r.text]));
  assert.match(byArticle.get('a')!, /Ukraine’s future is in NATO/);
  assert.match(byArticle.get('b')!, /the future of Ukraine is in NATO/);
  // The quotation in marks stands for the quote.
  assert.equal(nato.direct, true);
});

test('matchQuotes: another speaker’s statement stays apart, matched across its own outlets', () => {
  const quotes = matchQuotes(ARTICLES, quotesOf(ARTICLES), ENTITIES);
  const peskov = quotes.filter((q) => q.speaker === 'Dmitry Peskov');
  assert.equal(peskov.length, 1, JSON.stringify(quotes));
  assert.deepEqual([...peskov[0].articles].sort(), ['d', 'e']);
  assert.ok(!quotes.some((q) => q.speaker === 'Mark Rutte' && q.articles.includes('d')));
});

test('matchQuotes: different statements of one speaker are different quotes', () => {
  const arts = [
    article('x', 'Rutte said that allies must send more air defence systems to Ukraine this winter.'),
    article('y', 'Rutte said that the alliance would not invite Ukraine at this meeting.'),
  ];
  const rutte = [entity('Mark Rutte', 'person', arts, 'Rutte')];
  const quotes = matchQuotes(arts, quotesOf(arts, rutte), rutte);
  assert.equal(quotes.length, 2, JSON.stringify(quotes));
  assert.ok(quotes.every((q) => q.articles.length === 1 && q.speaker === 'Mark Rutte'));
});

test('statements: quoted fragments of a paraphrase, else sentences', () => {
  const rows: [string, string[]][] = [
    ['that “the most crucial thing we have to do now” is ensuring that “Ukraine will negotiate from strength.”', ['the most crucial thing we have to do now', 'Ukraine will negotiate from strength.']],
    ['“We will all have to do more. Ukraine must be strong.”', ['“We will all have to do more.', 'Ukraine must be strong.”']],
    ['that the future of Ukraine is in NATO and that its path is irreversible', ['that the future of Ukraine is in NATO', 'its path is irreversible']],
  ];
  for (const [input, want] of rows) assert.deepEqual(statements(input), want, input);
});
