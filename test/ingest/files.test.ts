import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, writeFileSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { expandPaths, readInputs } from '../../src/ingest/files.js';
import { decodeBytes } from '../../src/ingest/decode.js';

const here = '[ingest/files] ';
const dir = mkdtempSync(join(tmpdir(), 'parallax-ingest-'));
const file = (name: string, content: string | Buffer) => {
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
};

const text = (r: ReturnType<typeof readInputs>[number]) => (r.ok ? r.raw.content : `ERROR ${r.error}`);

test(here + 'decodes UTF-8 with and without BOM, and UTF-16 both ways', () => {
  const s = 'Zelenskyy met Sybiha in Kyiv — “quotes” and ü';
  const cases: [string, Buffer][] = [
    ['utf8', Buffer.from(s, 'utf8')],
    ['utf8-bom', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(s, 'utf8')])],
    ['utf16le-bom', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(s, 'utf16le')])],
    ['utf16le-nobom', Buffer.from(s, 'utf16le')],
    ['utf16be-bom', Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(s, 'utf16le').swap16()])],
  ];
  for (const [name, bytes] of cases) {
    const d = decodeBytes(bytes);
    assert.ok('text' in d && d.text === s, `${name}: ${'text' in d ? d.text : d.error}`);
  }
});

test(here + 'decodes a legacy page by its declared charset', () => {
  // "Привет, мир" in windows-1251, declared in a meta tag
  const cyr = Buffer.from([0xcf, 0xf0, 0xe8, 0xe2, 0xe5, 0xf2, 0x2c, 0x20, 0xec, 0xe8, 0xf0]);
  const page = Buffer.concat([Buffer.from('<html><head><meta charset="windows-1251"></head><body><p>'), cyr, Buffer.from('</p></body></html>')]);
  const d = decodeBytes(page, '.html');
  assert.ok('text' in d && d.text.includes('Привет, мир'), 'text' in d ? d.text : d.error);
});

test(here + 'refuses binary data and empty files, naming why', () => {
  const bin = file('image.txt', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 1, 2, 3, 4, 5, 6, 7, 0, 0, 0, 0, 9, 8]));
  assert.match(text(readInputs(bin)[0]), /ERROR binary/);
  assert.match(text(readInputs(file('empty.txt', ''))[0]), /ERROR empty file/);
  assert.match(text(readInputs(file('blank.txt', '  \n\n '))[0]), /ERROR no text/);
  assert.match(text(readInputs(join(dir, 'missing.txt'))[0]), /ERROR no such file/);
});

test(here + 'refuses an unreadable file', { skip: process.getuid?.() === 0 ? 'root reads every file' : undefined }, () => {
  const p = file('locked.txt', 'secret');
  chmodSync(p, 0o000);
  assert.match(text(readInputs(p)[0]), /ERROR permission denied/);
});

test(here + 'reads JSONL records, reporting a bad line by its number and keeping the rest', () => {
  const p = file(
    'batch.jsonl',
    [
      JSON.stringify({ id: 'r1', source: 'A', title: 'T1', published: '2025-01-01', text: 'Body one.' }),
      '{not json',
      JSON.stringify({ id: 'r3', html: '<p>Body three.</p>', extra: 'ignored' }),
      JSON.stringify({ id: 'r4' }),
      '',
    ].join('\n'),
  );
  const items = readInputs(p);
  assert.equal(items.length, 4);
  assert.ok(items[0].ok && items[0].record.id === 'r1' && items[0].raw.kind === 'text');
  assert.ok(!items[1].ok && items[1].origin === `${p}:2` && /invalid JSON/.test(items[1].error));
  assert.ok(items[2].ok && items[2].raw.kind === 'html');
  assert.ok(!items[3].ok && /neither "text" nor "html"/.test(items[3].error));
});

test(here + 'reads gzipped files by their inner extension and takes the id from the file name', () => {
  const p = file('page-7.html.gz', gzipSync('<html><body><p>Hello there.</p></body></html>'));
  const [item] = readInputs(p);
  assert.ok(item.ok && item.raw.kind === 'html' && item.defaultId === 'page-7');
});

test(here + 'expands directories and globs, and reports a path that does not exist', () => {
  const sub = join(dir, 'tree', 'deep');
  mkdirSync(sub, { recursive: true });
  writeFileSync(join(dir, 'tree', 'a.txt'), 'x');
  writeFileSync(join(sub, 'b.html'), 'x');
  writeFileSync(join(sub, 'c.png'), 'x');
  const fromDir = expandPaths([join(dir, 'tree')]);
  assert.deepEqual(fromDir.files.map((f) => f.slice(dir.length)), ['/tree/a.txt', '/tree/deep/b.html']);
  const fromGlob = expandPaths([join(dir, 'tree', '**', '*.html')]);
  assert.deepEqual(fromGlob.files.map((f) => f.slice(dir.length)), ['/tree/deep/b.html']);
  const missing = expandPaths([join(dir, 'nowhere')]);
  assert.equal(missing.files.length, 0);
  assert.ok(!missing.errors[0].ok && /no such file/.test(missing.errors[0].error));
});

test(here + 'a path that exists is a file whatever characters its name holds; a pattern only when it does not exist', () => {
  const sub = join(dir, 'brackets');
  mkdirSync(sub, { recursive: true });
  const literal = join(sub, 'a [1].html');
  writeFileSync(literal, '<html><body><p>x</p></body></html>');
  writeFileSync(join(sub, 'b?.txt'), 'x');
  const r = expandPaths([literal, join(sub, 'b?.txt')]);
  assert.deepEqual(r.errors, []);
  assert.deepEqual(r.files, [literal, join(sub, 'b?.txt')]);
  writeFileSync(join(sub, 'a1.html'), 'x');
  // "a [1].html" as a pattern would match "a 1.html"; it does not exist as a file, so it is a pattern.
  writeFileSync(join(sub, 'c 1.html'), 'x');
  assert.deepEqual(expandPaths([join(sub, 'c [1].html')]).files, [join(sub, 'c 1.html')]);
});

test(here + 'a page declaring the wrong charset is read by the bytes it holds', () => {
  // "Новый мост" in windows-1251 on a page that declares iso-8859-1
  const cyr = Buffer.from([0xcd, 0xee, 0xe2, 0xfb, 0xe9, 0x20, 0xec, 0xee, 0xf1, 0xf2]);
  const body = Buffer.from([0xcf, 0xee, 0xf1, 0xeb, 0xe5, 0x20, 0xf7, 0xe5, 0xf2, 0xfb, 0xf0, 0xb8, 0xf5, 0x20, 0xeb, 0xe5, 0xf2, 0x20, 0xf1, 0xf2, 0xf0, 0xee, 0xe8, 0xf2, 0xe5, 0xeb, 0xfc, 0xf1, 0xf2, 0xe2, 0xe0]);
  const page = Buffer.concat([Buffer.from('<html><head><meta charset="iso-8859-1"><title>'), cyr, Buffer.from('</title></head><body><p>'), body, Buffer.from('</p></body></html>')]);
  const d = decodeBytes(page, '.html');
  assert.ok('text' in d && d.text.includes('Новый мост'), 'text' in d ? d.text : d.error);
  const items = readInputs(file('lying.html', page));
  assert.ok(items[0].ok && items[0].raw.content.includes('Новый мост'));
});

test('[ingest/files] a pattern with a "[" that no "]" closes is looked for as written, and a miss is reported, not thrown', async () => {
  const { expandPaths } = await import('../../src/ingest/files.js');
  const { mkdtempSync, writeFileSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const dir = mkdtempSync(join(tmpdir(), 'parallax-glob-'));
  writeFileSync(join(dir, 'a1.txt'), 'x');
  writeFileSync(join(dir, 'b2.txt'), 'x');
  const missing = expandPaths([join(dir, 'draft [2*.txt')]);
  assert.deepEqual(missing.files, []);
  assert.equal(missing.errors.length, 1);
  assert.ok(!missing.errors[0].ok);
  assert.match(missing.errors[0].error, /no file matches/);
  const set = expandPaths([join(dir, '[!b]*.txt')]);
  assert.deepEqual(set.files.map((f: string) => f.slice(dir.length + 1)), ['a1.txt']);
});
