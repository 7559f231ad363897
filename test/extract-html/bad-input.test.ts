// Hostile and broken input: every case ends with a message or a best-effort article, quickly,
// never with an exception, a hang or a stack overflow.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { extractHtml } from '../../src/extract/html/index.js';
import { decodeHtml } from '../../src/ingest/html-decode.js';
import { parseHtml, MAX_DEPTH } from '../../src/extract/html/parse.js';

const here = '[extract/html bad input] ';
const bytes = (name: string) => new Uint8Array(readFileSync(new URL(`../fixtures/html/${name}`, import.meta.url)));
const rules = (a: { messages: { rule: string }[] }) => a.messages.map((m) => m.rule);
const PARA = '<p>The committee met on Tuesday to discuss the proposal, which would change how the city pays for road repairs over the next ten years.</p>';

test(here + 'truncated HTML gives the text read so far', () => {
  const html = `<html><head><title>Roads</title></head><body><article>${PARA}${PARA.replace('Tuesday', 'Wednesday')}<p>Members said the plan was a good start but wanted more det`;
  const a = extractHtml(html, { origin: 'truncated' });
  assert.match(a.text, /on Tuesday/);
  assert.match(a.text, /on Wednesday/);
  const cutInTag = extractHtml(`<html><body>${PARA}<div class="x`, { origin: 'cut-in-tag' });
  assert.match(cutInTag.text, /The committee met/);
});

test(here + 'invalid markup: stray end tags, unclosed elements, misnested inline tags', () => {
  const html = `</div></span><body><div><p>The committee <b>met <i>on</b> Tuesday</i> to discuss the proposal, which would change how the city pays for road repairs.</p></td></tr><p>A second paragraph of the same article, long enough to count as prose for the extractor.<div>`;
  const a = extractHtml(html, { origin: 'invalid' });
  assert.match(a.text, /The committee met on Tuesday to discuss/);
  assert.match(a.text, /A second paragraph/);
});

test(here + 'binary data with an .html name is refused with a message', () => {
  const noise = new Uint8Array(64 * 1024);
  let x = 12345;
  for (let i = 0; i < noise.length; i++) { x = (x * 1103515245 + 12345) >>> 0; noise[i] = x >>> 24; }
  const { html } = decodeHtml(noise);
  const a = extractHtml(html, { origin: 'image.html' });
  assert.equal(a.text, '');
  assert.ok(a.messages.some((m) => m.rule === 'html:binary' && m.level === 'error' && m.reason.includes('image.html')));
});

test(here + 'empty and markup-free input', () => {
  assert.deepEqual(rules(extractHtml('', { origin: 'empty' })), ['html:empty']);
  const plain = extractHtml('Just a line of text, no markup at all.', { origin: 'plain' });
  assert.ok(rules(plain).includes('html:no-markup'));
});

// How fast is for the benchmarks (no timing assertion here): the cap is what keeps it so.
test(here + 'a 50 MB page is capped by size and still gives its article', () => {
  const filler = '<div class="x"><span>filler</span></div>\n'.repeat(Math.ceil((50 * 1024 * 1024) / 40));
  const html = `<html><body><article>${PARA}${PARA}</article>${filler}</body></html>`;
  const a = extractHtml(html, { origin: 'huge', maxBytes: 4 * 1024 * 1024 });
  assert.ok(rules(a).includes('cap:size'));
  assert.match(a.text, /The committee met/);
  assert.doesNotMatch(a.text, /filler/);
});

test(here + 'a time cap stops parsing and says so', () => {
  const html = `<html><body>${PARA}${'<div><p>more text in a paragraph</p></div>'.repeat(200000)}</body></html>`;
  const a = extractHtml(html, { origin: 'slow', timeoutMs: 1 });
  assert.ok(rules(a).includes('cap:time'));
});

test(here + '10,000-deep nesting is flattened without a stack overflow', () => {
  const depth = 10000;
  const html = `<html><body>${'<div>'.repeat(depth)}${PARA}${'</div>'.repeat(depth)}<span>${'<b>'.repeat(depth)}x</span></body></html>`;
  const parsed = parseHtml(html);
  assert.ok(parsed.depthCapped);
  let max = 0;
  const walk = (e: { children: unknown[] }, d: number) => { max = Math.max(max, d); for (const c of e.children) if (typeof c !== 'string') walk(c as { children: unknown[] }, d + 1); };
  walk(parsed.root, 0);
  assert.ok(max <= MAX_DEPTH + 2, `tree depth ${max}`);
  const a = extractHtml(html, { origin: 'deep' });
  assert.ok(rules(a).includes('cap:depth'));
  assert.match(a.text, /The committee met/);
});

test(here + 'NUL characters are dropped and reported', () => {
  const a = extractHtml(`<html><body>${PARA.replace('committee', 'com\u0000mittee')}${PARA}</body></html>`, { origin: 'nul' });
  assert.ok(rules(a).includes('html:nul'));
  assert.match(a.text, /The committee met/);
  const d = decodeHtml(new TextEncoder().encode('<p>a\u0000b</p>'));
  assert.equal(d.html, '<p>ab</p>');
  assert.ok(d.messages.some((m) => m.rule === 'decode:nul'));
});

test(here + 'broken JSON-LD is skipped with a message', () => {
  const a = extractHtml(`<html><head><script type="application/ld+json">{"headline": "x",</script><title>Roads plan</title></head><body>${PARA}</body></html>`, { origin: 'ld' });
  assert.ok(rules(a).includes('meta:bad-json-ld'));
  assert.equal(a.title, 'Roads plan');
});

test(here + 'script-like text is escaped in the clean HTML, unsafe links unwrapped', () => {
  const html = `<html><body><article><p>Officials said &lt;script&gt;alert(1)&lt;/script&gt; was found in the form, and the <a href="javascript:alert(1)">report</a> and the <a href="/docs/report.pdf">full report</a> were published on the council website.</p>${PARA}</article></body></html>`;
  const a = extractHtml(html, { origin: 'xss', url: 'https://council.example/news/roads' });
  const first = a.blocks[0].html ?? '';
  assert.ok(!first.includes('<script'), first);
  assert.ok(first.includes('&lt;script&gt;'));
  assert.ok(!first.includes('javascript:'));
  assert.ok(first.includes('<a href="https://council.example/docs/report.pdf">full report</a>'), first);
  assert.ok(first.includes(' the report and '), first);
});

// Charsets: pages written in legacy encodings, with the declaration right, lying or unknown.
const charsetCases: [string, string, string][] = [
  ['cp1251.html', 'windows-1251', 'Новый мост через реку открыт'],
  ['latin2.html', 'iso-8859-2', 'Nowy most na rzece otwarty'],
  ['sjis.html', 'shift_jis', '川に新しい橋が開通'],
  ['gb18030.html', 'gb18030', '河上新桥通车'],
];
for (const [file, charset, title] of charsetCases) {
  test(here + `${charset} decodes right when declared`, () => {
    const d = decodeHtml(bytes(file));
    assert.equal(d.charset, charset);
    assert.equal(extractHtml(d.html, { origin: file }).title, title);
  });
  test(here + `${charset} decodes right with no declaration`, () => {
    const b = bytes(file);
    const declared = new TextEncoder().encode(`charset="${charset}"`);
    const at = Buffer.from(b).indexOf(Buffer.from(declared));
    assert.ok(at > 0);
    b.fill(0x20, at, at + declared.length);
    const d = decodeHtml(b);
    assert.equal(extractHtml(d.html, { origin: file }).title, title, `read as ${d.charset}`);
  });
}

test(here + 'the Content-Type header wins over <meta>', () => {
  const d = decodeHtml(bytes('cp1251.html'), 'text/html; charset=windows-1251');
  assert.equal(d.charset, 'windows-1251');
  assert.match(d.html, /Новый мост/);
});

test(here + 'a lying ISO-8859-1 declaration on a windows-1251 page', () => {
  const d = decodeHtml(bytes('lying-latin1.html'));
  assert.equal(d.charset, 'windows-1251');
  assert.match(d.html, /Новый мост через реку/);
  assert.ok(d.messages.some((m) => m.rule === 'decode:lying-charset'));
});

test(here + 'a windows-1252 declaration on a UTF-8 page', () => {
  const d = decodeHtml(bytes('lying-utf8.html'));
  assert.equal(d.charset, 'utf-8');
  assert.match(d.html, /Новый мост через реку/);
  assert.ok(d.messages.some((m) => m.rule === 'decode:lying-charset'));
});

test(here + 'an unknown charset label is reported and the bytes still decode', () => {
  const d = decodeHtml(bytes('unknown-charset.html'));
  assert.ok(d.messages.some((m) => m.rule === 'decode:unknown-charset' && m.reason.includes('x-no-such-charset')));
  assert.match(d.html, /Новый мост через реку/);
});

test(here + 'a byte-order mark wins over every declaration', () => {
  const body = new TextEncoder().encode('<meta charset="windows-1251"><p>Größe</p>');
  const d = decodeHtml(new Uint8Array([0xef, 0xbb, 0xbf, ...body]));
  assert.equal(d.charset, 'utf-8');
  assert.match(d.html, /Größe/);
});

test(here + 'UTF-8 with a few broken sequences stays UTF-8, with a message', () => {
  const good = new TextEncoder().encode('<meta charset="utf-8"><p>Größe, naïve café — 10 € and «quotes» in a UTF-8 page.</p>');
  const b = new Uint8Array([...good.subarray(0, 40), 0xff, ...good.subarray(40), 0xe2, 0x82]);
  const d = decodeHtml(b);
  assert.equal(d.charset, 'utf-8');
  assert.match(d.html, /Größe, naïve/);
  assert.match(d.html, /café — 10 € and «quotes»/);
  assert.ok(d.messages.some((m) => m.rule === 'decode:invalid-utf8'));
});
