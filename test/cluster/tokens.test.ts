import { test } from 'node:test';
import assert from 'node:assert/strict';
import { nextToken, TOKEN, TOKEN_AT } from '../../src/cluster/terms.js';

// Invented texts in several scripts, with marks, numbers in other scripts, astral letters and
// characters that start no token (punctuation, symbols, emoji, a lone surrogate).
const TEXTS = [
  'Mayor Anna Velt said on Tuesday that 1,500 homes (3.5%) lost power; O’Neill’s U.S. plan — 10-year-old AT&T.',
  '泽连斯基说，10分钟后9月30日会谈。キエフとソウル 서울에서 회담',
  'Зеленський заявив: «Ми готові». بايدن قال ٣٠ أيلول. देवनागरी क्षेत्र ১২৩ café naïve e\u0301clair',
  '😀 𝐀𝐁𝐂 bold \ud800 lone — ... !!! ¿¡ «» 🇺🇦 𠀀𠀁 ext-B han',
  '',
  '    ',
];

test('the token scan finds what a search for the grouping tokens finds', () => {
  for (const text of TEXTS) {
    const expected = [...text.matchAll(new RegExp(TOKEN.source, 'gu'))].map((m) => [m.index, m.index + m[0].length]);
    const got: number[][] = [];
    for (let at = nextToken(text, 0); at >= 0; ) {
      const end = TOKEN_AT.lastIndex;
      got.push([at, end]);
      at = nextToken(text, end);
    }
    assert.deepEqual(got, expected, JSON.stringify(text.slice(0, 20)));
  }
});

test('shingles are those of the words a search finds, each word hashed as a string', async () => {
  const { fnv1a, shingleHashes } = await import('../../src/cluster/minhash.js');
  const reference = (text: string, size: number) => {
    const words = (text.toLowerCase().match(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]|[\p{L}\p{M}\p{N}]+/gu) ?? []).slice(0, 3000);
    const hashes = words.map(fnv1a);
    const out = new Set<number>();
    for (let i = 0; i + size <= hashes.length; i++) {
      let h = 0x811c9dc5;
      for (let j = i; j < i + size; j++) h = Math.imul(h ^ hashes[j], 0x01000193);
      out.add(h >>> 0);
    }
    return [...out].sort((a, b) => a - b);
  };
  const long = Array.from({ length: 3500 }, (_, i) => `w${i % 997}`).join(' ');
  for (const text of [...TEXTS, long, 'İstanbul ǅemal ΣΊΣΥΦΟΣ']) {
    for (const size of [1, 3]) assert.deepEqual([...shingleHashes(text, size)], reference(text, size), JSON.stringify(text.slice(0, 20)));
  }
});
