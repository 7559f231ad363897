// A directory ingest says what it left out: files that are not articles by their extension
// (images, binaries) are counted and the first few named on stderr; the rest lands and the exit
// code is 0. The summary counts stories in proper English.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli } from './helpers.js';
import { expandPaths } from '../../src/ingest/files.js';

const here = '[cli/skipped] ';

const REPORT = 'Harbour Post\n\nFerry resumes crossings after storms\n\nThe island ferry resumed its crossings on Friday after a week of storms, the harbour office said. Tickets bought for cancelled crossings will be refunded, the operator said.';

function folder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'parallax-skipped-'));
  writeFileSync(join(dir, 'ferry.txt'), REPORT);
  writeFileSync(join(dir, 'photo.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]));
  writeFileSync(join(dir, 'data.bin'), Buffer.from([0, 1, 2, 3, 255]));
  mkdirSync(join(dir, 'img'));
  for (let i = 0; i < 6; i++) writeFileSync(join(dir, 'img', `p${i}.jpg`), Buffer.from([0xff, 0xd8, 0xff, i]));
  return dir;
}

test(here + 'expandPaths returns the files a directory walk left out, and only those', () => {
  const dir = folder();
  const { files, skipped } = expandPaths([dir]);
  assert.deepEqual(files.map((f) => f.slice(dir.length + 1)), ['ferry.txt']);
  assert.equal(skipped.length, 8);
  assert.ok(skipped.every((f) => /\.(png|bin|jpg)$/.test(f)));
  // A file named on the command line is read whatever its name: not skipped.
  assert.deepEqual(expandPaths([join(dir, 'data.bin')]).skipped, []);
});

test(here + 'ingest of a folder with images and binaries: the article lands, exit 0, the skipped files counted and named on stderr', () => {
  const dir = folder();
  const db = join(mkdtempSync(join(tmpdir(), 'parallax-skipped-db-')), 's.db');
  const r = cli(['ingest', '--no-progress', '--db', db, dir]);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /ingested 1, updated 0, unchanged 0, failed 0; 1 story in the store/);
  const line = r.stderr.split('\n').find((l) => l.includes('skipped'));
  assert.ok(line, r.stderr);
  assert.match(line, /skipped 8 files that are not text, HTML, JSON or JSONL by their extension \(\.jpg 6, \.bin 1, \.png 1\): /);
  // The first few by name, then how many more.
  assert.match(line, /data\.bin, .*p0\.jpg.*, and 3 more$/);
  const json = cli(['ingest', '--json', '--db', db, dir]);
  assert.equal(json.status, 0, json.stderr);
  assert.equal(JSON.parse(json.stdout).skipped.length, 8);
});
