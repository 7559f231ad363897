import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readInputs } from '../../src/ingest/files.js';
import { decodeBytes } from '../../src/ingest/decode.js';
import { decodeHtml } from '../../src/ingest/html-decode.js';

const here = '[ingest/faults-decode] ';
const bin = new URL('../../bin/parallax', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'parallax-decode-'));

const story = [
  'Le café du port de Saint-Malo a rouvert ses portes mardi matin après trois mois de travaux, a annoncé la mairie.',
  'Les pêcheurs, qui s’y retrouvent avant l’aube depuis des décennies, ont salué une « bonne nouvelle » pour le quartier.',
  'La gérante a précisé que la terrasse serait agrandie dès le printemps prochain.',
].join('\n\n');

/** The story in UTF-8 with one byte that is not UTF-8 in its middle. */
function damaged(): Buffer {
  const b = Buffer.from(story, 'utf8');
  const at = b.indexOf('trois');
  return Buffer.concat([b.subarray(0, at), Buffer.from([0xff]), b.subarray(at)]);
}

test(here + 'UTF-8 with one bad byte stays UTF-8, the byte replaced, with a warning naming the file', () => {
  const d = decodeBytes(damaged(), '.txt');
  assert.ok('text' in d);
  assert.equal(d.charset, 'utf-8');
  assert.match(d.text, /Le café du port/);
  assert.doesNotMatch(d.text, /Ã/);
  assert.equal(d.text.split('\ufffd').length - 1, 1, 'only the bad byte is replaced');
  assert.match(d.warning ?? '', /1 invalid UTF-8 byte sequence/);

  const path = join(dir, 'port.txt');
  writeFileSync(path, damaged());
  const [item] = readInputs(path);
  assert.ok(item.ok);
  assert.match(item.raw.content, /La gérante a précisé/);
  assert.equal(item.warnings?.length, 1);
  assert.match(item.warnings![0], /invalid UTF-8/);

  // Valid UTF-8 reads without a warning.
  writeFileSync(join(dir, 'clean.txt'), story);
  const [clean] = readInputs(join(dir, 'clean.txt'));
  assert.ok(clean.ok);
  assert.equal(clean.warnings, undefined);
});

test(here + 'windows-1252 and latin-1 files, with many high bytes and no UTF-8 sequence, decode as before', () => {
  const latin1 = Buffer.from(story.replace(/[’«»]/g, "'"), 'latin1');
  // windows-1252 writes the apostrophe as 0x92.
  const cp1252 = Buffer.from(story.replace(/’/g, '\x92'), 'latin1');
  assert.equal((decodeBytes(latin1, '.txt') as { charset: string }).charset, 'windows-1252');
  assert.match((decodeBytes(latin1, '.txt') as { text: string }).text, /Le café du port/);
  for (const [name, bytes] of [['latin1', latin1], ['windows-1252', cp1252]] as const) {
    // Read by the legacy charset guess, as before: no bytes replaced, no warning.
    const d = decodeBytes(bytes, '.txt');
    const legacy = decodeHtml(bytes);
    assert.ok('text' in d, name);
    assert.notEqual(d.charset, 'utf-8', name);
    assert.deepEqual({ text: d.text, charset: d.charset }, { text: legacy.html, charset: legacy.charset }, name);
    assert.equal(d.warning, undefined, name);
  }
  // A short latin-1 file: one high byte, which is not a UTF-8 sequence.
  const short = decodeBytes(Buffer.from('Le café ferme.', 'latin1'), '.txt');
  assert.ok('text' in short);
  assert.equal(short.text, 'Le café ferme.');
});

test(here + 'parallax ingest prints the warning with the file, and stores the text as UTF-8', { timeout: 60_000 }, () => {
  const path = join(dir, 'saint-malo.txt');
  writeFileSync(path, damaged());
  const r = spawnSync(process.execPath, [bin, 'ingest', '--db', join(dir, 'ingest.db'), '--no-progress', path], { encoding: 'utf8', timeout: 60_000 });
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /ingested 1\b/);
  const line = r.stderr.split('\n').find((l) => l.includes('saint-malo.txt'));
  assert.ok(line, r.stderr);
  assert.match(line!, /warning: .*invalid UTF-8/);
  const show = spawnSync(process.execPath, [bin, 'extract', '--json', path], { encoding: 'utf8', timeout: 60_000 });
  assert.match(show.stdout, /Le café du port/);
  assert.doesNotMatch(show.stdout, /cafÃ©/);
});
