import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findQuotes } from '../../src/enrich/quotes/index.js';
import { recogniseEntities } from '../../src/enrich/ner/index.js';
import { matchQuotes } from '../../src/analyse/quotes.js';
import { resolveEntities } from '../../src/analyse/entities.js';
import { bareQuotation } from '../../src/present/quotation.js';
import type { Article } from '../../src/types.js';

const here = '[quotes/merge] ';

function article(id: string, text: string): Article {
  return {
    id, source: id, url: null, title: null, kicker: null, dek: null, byline: null, published: null, dateline: null, language: 'en',
    blocks: [{ kind: 'paragraph', text }], text, contentHash: id, provenance: {}, removed: [], messages: [], raw: { kind: 'text', origin: id, content: text },
  };
}

test(here + 'renderings that two groups both took in are one quote, not two with the same words', () => {
  // The first two outlets quote more than the others, each something else: their statements do
  // not agree with each other, while the short one of the others agrees with both.
  const articles = [
    article('a1', 'Mark Rutte spoke in Brussels. “Ukraine’s future is in NATO, as the allies agreed at the summit in Washington,” Rutte said.'),
    article('a2', 'Mark Rutte spoke in Brussels. “Ukraine’s future is in NATO, whatever the Kremlin thinks of it,” Rutte said.'),
    article('a3', 'Mark Rutte spoke in Brussels. “Ukraine’s future is in NATO,” Rutte said.'),
    article('a4', 'Mark Rutte spoke in Brussels on Tuesday. “Ukraine’s future is in NATO,” Rutte said.'),
    article('a5', 'Mark Rutte spoke to reporters in Brussels. “Ukraine’s future is in NATO,” Rutte said.'),
  ];
  const spans = new Map(articles.map((a) => [a.id, recogniseEntities(a.text)]));
  const entities = resolveEntities(articles, spans);
  const quotes = matchQuotes(articles, new Map(articles.map((a) => [a.id, findQuotes(a.text, spans.get(a.id))])), entities);
  const texts = quotes.map((q) => `${q.speaker}|${bareQuotation(q.text).toLowerCase()}`);
  assert.equal(new Set(texts).size, texts.length, `a quote repeated: ${JSON.stringify(quotes.map((q) => [q.text, q.articles]))}`);
  const short = quotes.find((q) => /^[“"]?Ukraine’s future is in NATO,?[”"]?$/.test(q.text));
  assert.ok(short, JSON.stringify(quotes.map((q) => q.text)));
  for (const id of ['a3', 'a4', 'a5']) assert.ok(short.articles.includes(id), id);
});

test(here + 'the marks an outlet put around a quotation are taken off before the presenters add theirs', () => {
  const rows: [string, string][] = [
    ['"a position of strength"', 'a position of strength'],
    ['Ukraine\'s path to NATO is irreversible,”', "Ukraine's path to NATO is irreversible"],
    ['“This is happening step by step,”', 'This is happening step by step'],
    ['He called it "more important" than membership', 'He called it "more important" than membership'],
    ['the students\'', "the students"],
    ['"', '"'],
  ];
  for (const [input, want] of rows) assert.equal(bareQuotation(input), want, input);
});
