// Broken trees and wrong picks the extractor recovers from: a head never closed, a title that
// swallows the page, a `<body>` late in the page, the article's own headline link read as a teaser,
// page builders that call every block a widget, an article split into wrapped sections, a short
// lead, and the fallbacks (a second reading, a baseline of all prose) when the chosen body is small.
// Every page here is invented.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractHtml } from '../../src/extract/html/index.js';
import { parseHtml, type Element } from '../../src/extract/html/parse.js';
import { collectBlocks } from '../../src/extract/html/blocks.js';
import { isNeverContent } from '../../src/extract/html/clean.js';
import { weighBlocks } from '../../src/extract/html/content.js';

const here = '[extract/html fallbacks] ';
const extract = (html: string) => extractHtml(html, { origin: 'test', url: 'https://news.example/story' });

/** An invented paragraph of about `n` characters, numbered so repeats are not dropped as pull quotes. */
function prose(k: number, n = 320): string {
  const words = ['the', 'harbour', 'committee', 'agreed', 'on', 'a', 'plan', 'to', 'repair', 'old', 'piers', 'before', 'winter', 'storms', 'arrive', 'said', 'members'];
  let s = `Paragraph ${k} says that`;
  for (let i = 0; s.length < n; i++) s += ' ' + words[(i * 7 + k) % words.length];
  return s + '.';
}

test(here + 'a page that never closes its head keeps its body out of the head', () => {
  const html = `<html><head><title>Harbour plan agreed</title><meta charset="utf-8">
    <div class="page"><p>${prose(1)}</p><p>${prose(2)}</p></div></html>`;
  const { root } = parseHtml(html);
  const htmlEl = root.children.find((c): c is Element => typeof c !== 'string' && c.tag === 'html')!;
  const head = htmlEl.children.find((c): c is Element => typeof c !== 'string' && c.tag === 'head')!;
  assert.ok(!head.children.some((c) => typeof c !== 'string' && c.tag === 'div'), 'the div is not inside the head');
  const a = extract(html);
  assert.match(a.text, /Paragraph 1 says/);
  assert.match(a.text, /Paragraph 2 says/);
});

test(here + 'a title whose end tag is misspelt ends at the next tag instead of swallowing the page', () => {
  const html = `<html><head><title>Harbour plan agreed</titl --></head><body><div>${'<p>' + prose(3) + '</p>'}${'<p>' + prose(4) + '</p>'}</div>
    <div class="filler">${'x '.repeat(1200)}</div></body></html>`;
  const a = extract(html);
  assert.equal(a.title, 'Harbour plan agreed');
  assert.match(a.text, /Paragraph 3 says/);
  assert.match(a.text, /Paragraph 4 says/);
});

test(here + 'a stray <body> late in the page does not leave the article outside the body', () => {
  const html = `</body><table><tr><td><p>${prose(5)}</p><p>${prose(6)}</p><p>${prose(7)}</p></td></tr></table>
    <body><p>Site footer line</p></body>`;
  const a = extract(html);
  assert.match(a.text, /Paragraph 5 says/);
  assert.match(a.text, /Paragraph 7 says/);
});

test(here + 'the page\'s own headline as a link (a blog permalink) does not make its summary a teaser', () => {
  const html = `<html><head><title>Lanterns return to the old quay – The Quay Blog</title></head><body>
    <div class="post"><h2><a href="/lanterns-return">Lanterns return to the old quay</a></h2>
    <p>${prose(8)}</p><p>${prose(9, 120)}</p></div></body></html>`;
  const blocks = collectBlocks(parseHtml(html).root, null, isNeverContent);
  const paragraph = blocks.findIndex((b) => b.text.startsWith('Paragraph 8'));
  assert.ok(weighBlocks(blocks, ['Lanterns return to the old quay – The Quay Blog'])[paragraph] > 0, 'the summary counts for the body');
  assert.ok(weighBlocks(blocks)[paragraph] < 0, 'without the title it reads as a teaser, as before');
  const a = extract(html);
  assert.match(a.text, /Paragraph 8 says/);
  assert.match(a.text, /Paragraph 9 says/);
});

test(here + 'an article element whose class lists a topic named like chrome is kept when it holds much of the page', () => {
  const comments = Array.from({ length: 4 }, (_, i) => `<p>${prose(20 + i, 250)}</p>`).join('');
  const html = `<html><body><article class="post tag-share-prices">
    <p>${prose(10)}</p><p>${prose(11)}</p><p>${prose(12)}</p></article>
    <div class="comments">${comments}</div></body></html>`;
  const a = extract(html);
  assert.match(a.text, /Paragraph 10 says/);
  assert.match(a.text, /Paragraph 12 says/);
  assert.doesNotMatch(a.text, /Paragraph 20 says/);
});

test(here + 'a page builder that names every block a widget: the second reading ignores weak names', () => {
  const blocks = [13, 14, 15, 16, 17].map((k) => `<div class="builder-widget-container"><p>${prose(k)}</p></div>`).join('');
  const html = `<html><body><div class="builder-section">${blocks}</div><footer>About us</footer></body></html>`;
  const a = extract(html);
  for (const k of [13, 15, 17]) assert.match(a.text, new RegExp(`Paragraph ${k} says`));
  assert.ok(a.messages.some((m) => m.rule === 'body:second-method'));
});

test(here + 'prose scattered between link lists: the baseline of all prose blocks wins over one paragraph', () => {
  const links = (k: number) => `<ul>${Array.from({ length: 12 }, (_, i) => `<li><a href="/l${k}-${i}">Another story about the harbour number ${i}</a></li>`).join('')}</ul>`;
  const html = `<html><body><div><p>${prose(30, 160)}</p></div>${links(1)}<div><p>${prose(31, 160)}</p></div>${links(2)}<div><p>${prose(32, 160)}</p></div>${links(3)}</body></html>`;
  const a = extract(html);
  for (const k of [30, 31, 32]) assert.match(a.text, new RegExp(`Paragraph ${k} says`));
  assert.doesNotMatch(a.text, /Another story/);
  assert.ok(a.messages.some((m) => m.rule === 'body:baseline'));
});

test(here + 'an article split into sibling sections, each in wrappers of its own, is found whole', () => {
  const html = `<html><body><div class="story">
    <div class="part"><div class="inner"><p>${prose(40, 400)}</p><p>${prose(41, 400)}</p></div></div>
    <div class="part"><div class="inner"><p>${prose(42, 350)}</p></div></div>
    <ul>${Array.from({ length: 10 }, (_, i) => `<li><a href="/m${i}">More from the harbour desk, number ${i}</a></li>`).join('')}</ul>
    </div></body></html>`;
  const a = extract(html);
  assert.match(a.text, /Paragraph 40 says/);
  assert.match(a.text, /Paragraph 42 says/);
});

test(here + 'repeated <article> parts without headlines are one story, not a listing', () => {
  const parts = [50, 51, 52].map((k) => `<article class="chunk"><p>${prose(k, 450)}</p></article>`).join('');
  const html = `<html><head><title>Ferry timetable changes</title></head><body><div class="content">${parts}</div></body></html>`;
  const a = extract(html);
  for (const k of [50, 51, 52]) assert.match(a.text, new RegExp(`Paragraph ${k} says`));
});

test(here + 'a short opening sentence right before the body is its lead', () => {
  const html = `<html><body><div class="story-text">Rain fell at last.<p></p>${prose(60)}<p></p>${prose(61)}</div></body></html>`;
  const a = extract(html);
  assert.match(a.text, /^Rain fell at last\./);
});

test(here + 'a closing sentence about sending an e-mail is not an outlet\'s sign-off', () => {
  const html = `<html><body><div class="story"><p>${prose(70)}</p><p>${prose(71)}</p>
    <p>When the gate opens, the device sends an email to your phone saying that someone is at the gate.</p></div></body></html>`;
  const a = extract(html);
  assert.match(a.text, /someone is at the gate\.$/);
});
