import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TOKEN, tokenize } from '../../src/enrich/ner/index.js';

/** The tokens as a search for TOKEN gives them, with the possessive split off: what tokenize must give. */
function bySearch(text: string, offset = 0) {
  const out: { text: string; start: number; end: number }[] = [];
  for (const m of text.matchAll(new RegExp(TOKEN.source, 'gu'))) {
    let t = m[0];
    let start = m.index! + offset;
    const n = t.length;
    if (n > 3 && /['’][sS]$/.test(t)) {
      out.push({ text: t.slice(0, n - 2), start, end: start + n - 2 });
      start += n - 2;
      t = t.slice(n - 2);
    }
    out.push({ text: t, start, end: start + t.length });
  }
  return out;
}

// Invented texts with every kind of white space between tokens, and the shapes TOKEN treats apart.
const TEXTS = [
  'Mayor Anna Velt\u00a0said:\t“We are ready,” on Tuesday.\n3. Smith\'s plan — AT&T, 1,500 (3.5%) on 1996-08-31; J. R. Velt\u2009left.',
  '  leading spaces\u3000and\u2028line\u2029separators\ufeffand\u202fnarrow\u205fspaces\u1680ogham\u000bvt\u000cff\r\n',
  'U.S. officials… said -- e.g. «non» „ja“ ‘maybe’ +48 .496 example.com Brell \'s 10-year-old, O’Neill’s cat.',
  'Зеленський заявив: «Ми готові». 泽连斯基说：“我们准备好了。” بايدن قال',
  '',
  '   ',
];

test('tokenize gives the tokens a search for TOKEN gives, at their offsets', () => {
  for (const text of TEXTS) {
    assert.deepEqual(tokenize(text), bySearch(text), JSON.stringify(text.slice(0, 30)));
    assert.deepEqual(tokenize(text, 100), bySearch(text, 100));
  }
});

test('tokenize reads words, numbers, initials and marks as CoNLL-2003 writes them', () => {
  assert.deepEqual(tokenize('Velt\'s 1,500 U.S. cars.').map((t) => t.text), ['Velt', '\'s', '1,500', 'U.S.', 'cars', '.']);
});
