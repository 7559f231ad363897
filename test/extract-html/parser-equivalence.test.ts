// The parser's fast paths against the plain code they replaced, kept here as the reference.
// Attributes: a hand-written scanner of the grammar the parser first had as a regular expression
// (the same names and values, first one wins). `squash`: a test that skips the replacement when
// there is nothing to collapse. Hand-picked cases and random strings of the characters that matter.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeHTMLAttribute } from 'entities';
import { parseHtml, squash, type Element } from '../../src/extract/html/parse.js';

const here = '[extract/html parser fast paths] ';
const ATTR = /[\s/]*([^\s"'>/=\u0000][^\s"'>/=\u0000]*)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]*)))?/y;

/** The attributes of `<x` + `rest` by the regular-expression grammar, up to `>` or `/>`. */
function reference(rest: string): Record<string, string> | null {
  const s = `<x${rest}`;
  let j = 2;
  let attrs: Record<string, string> | null = null;
  while (j < s.length) {
    if (s[j] === '>') break;
    if (s[j] === '/' && s[j + 1] === '>') break;
    ATTR.lastIndex = j;
    const a = ATTR.exec(s);
    if (!a || ATTR.lastIndex === j) { j++; continue; }
    j = ATTR.lastIndex;
    const name = a[1].toLowerCase();
    const raw = a[2] ?? a[3] ?? a[4] ?? '';
    attrs ??= {};
    if (!(name in attrs)) attrs[name] = raw.indexOf('&') === -1 ? raw : decodeHTMLAttribute(raw);
  }
  return attrs;
}

/** A repeatable stream of integers below `n`: the same random cases on every run. */
function seeded(seed: number): (n: number) => number {
  return (n) => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed % n;
  };
}

function parsed(rest: string): Record<string, string> | null {
  const el = parseHtml(`<x${rest}`).root.children[0] as Element;
  return el.attrs;
}

test(here + 'quoted, bare, empty and repeated attributes', () => {
  assert.deepEqual(parsed(' class="a b" ID=main data-x=\'1 > 0\' hidden>'), { class: 'a b', id: 'main', 'data-x': '1 > 0', hidden: '' });
  assert.deepEqual(parsed(' href="/a?x=1&amp;y=2" HREF="/other">'), { href: '/a?x=1&y=2' });
  assert.deepEqual(parsed(' title = "spaced"  alt= >'), { title: 'spaced', alt: '' });
  // A quote never closed: the value runs to white space or `>`, the quote included.
  assert.deepEqual(parsed(' class="open rest>'), { class: '"open', 'rest': '' });
  // Non-ASCII white space separates attributes as it did in the grammar (JavaScript's \s).
  assert.deepEqual(parsed(' a=1\u00a0b=2\u3000C=3>'), { a: '1', b: '2', c: '3' });
  // Upper-case names outside ASCII are lower-cased too.
  assert.deepEqual(parsed(' DİR=x>'), { ['DİR'.toLowerCase()]: 'x' });
});

test(here + 'random attribute strings read as the reference grammar reads them', () => {
  const bits = ['<', '>', '/', '=', '"', "'", ' ', '\t', '\n', '\u00a0', '\u2003', '\ufeff', '\u2028', '\u0000', 'a', 'B', 'class', 'ID', 'href', '&amp;', '&', 'é', 'İ', '=""', "=''", 'data-x', '/>'];
  const next = seeded(7);
  for (let t = 0; t < 20000; t++) {
    let rest = ' ';
    for (let k = 1 + next(24); k > 0; k--) rest += bits[next(bits.length)];
    assert.deepEqual(parsed(rest), reference(rest), JSON.stringify(rest));
  }
});

test(here + 'squash collapses white space as the plain replacement does', () => {
  const reference = (s: string) => s.replace(/\s+/g, ' ').trim();
  assert.equal(squash('  one two  '), 'one two');
  assert.equal(squash('one\u00a0two\nthree'), 'one two three');
  const bits = [' ', '  ', '\t', '\n', '\r\n', '\u00a0', '\u2009', '\u3000', '\ufeff', '\u2028', 'a', 'word', 'é', '.'];
  const next = seeded(11);
  for (let t = 0; t < 20000; t++) {
    let s = '';
    for (let k = next(12); k > 0; k--) s += bits[next(bits.length)];
    assert.equal(squash(s), reference(s), JSON.stringify(s));
  }
});
