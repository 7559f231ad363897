// The analysis tokenizer is a hand-written scanner for speed; it must find exactly the tokens of the
// regular expression it replaces, including on non-Latin scripts, astral characters and the
// punctuation cases that decide whether a full stop or comma stays inside a token.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tokenize } from '../../src/analyse/similarity/text.js';

/** The definition the scanner implements. */
function byRegex(text: string): { text: string; start: number; end: number }[] {
  const out: { text: string; start: number; end: number }[] = [];
  const re = /[\p{L}\p{N}]+(?:[-'’.,][\p{L}\p{N}]+)*/gu;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    let t = m[0];
    if (/[.,]/.test(t) && !/^[\d.,]+$/.test(t) && !/^(?:\p{L}\.)+\p{L}$/u.test(t)) {
      const cut = t.search(/[.,]/);
      t = t.slice(0, cut);
      re.lastIndex = m.index + cut;
    }
    out.push({ text: t, start: m.index, end: m.index + t.length });
  }
  return out;
}

const CASES = [
  'NATO Secretary General Mark Rutte said on Tuesday that Ukraine’s path to NATO is “irreversible”.',
  'The U.S. gave $1.5bn; 12,000 troops, 3.4 per cent, e.g. a.b.c and a.b,c or 1.2.3.',
  "Kyiv's and Kiev’s rock-'n'-roll; x--y, -lead and trail- 'quoted' don't",
  'Генсек НАТО Марк Рютте заявил, что «путь Украины в НАТО необратим». Зеленський — 3,5 млрд.',
  '北约外长会议于12月3日在布鲁塞尔举行。Selensky sagte: „Wir brauchen Frieden.“',
  'Astral letters 𝐀𝐁𝐂1 and digits 𝟏𝟐, a lone \uD800 surrogate, \uDC00 and ab\uD835\uDC00cd.',
  'Fractions ½ and x½, Roman Ⅻ, superscript x² ends.',
  'End with a dot.',
  '',
];

test('the tokenizer finds the same tokens as its regular-expression definition', () => {
  for (const text of CASES) assert.deepEqual(tokenize(text), byRegex(text), text);
});

test('the tokenizer agrees with its definition on random mixes of letters, digits and joiners', () => {
  const alphabet = ['a', 'B', '7', '.', ',', '-', "'", '’', ' ', 'é', 'ж', '中', '𝐀', '½', '\n', '“'];
  let seed = 42;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  for (let k = 0; k < 2000; k++) {
    let text = '';
    const len = 1 + Math.floor(next() * 30);
    for (let i = 0; i < len; i++) text += alphabet[Math.floor(next() * alphabet.length)];
    assert.deepEqual(tokenize(text), byRegex(text), JSON.stringify(text));
  }
});
