import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const bin = fileURLToPath(new URL('../../bin/parallax', import.meta.url));
const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/ner/${name}`, import.meta.url));
const run = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8' });

test('entities --raw --json: spans with offsets into the file', () => {
  const r = run('entities', '--raw', '--json', fixture('report.txt'));
  assert.equal(r.status, 0, r.stderr);
  const text = readFileSync(fixture('report.txt'), 'utf8');
  const [doc] = JSON.parse(r.stdout) as { article: string; entities: { start: number; end: number; text: string; type: string }[] }[];
  assert.equal(doc.article, 'report');
  for (const e of doc.entities) assert.equal(text.slice(e.start, e.end), e.text);
  const has = (t: string, type: string) => doc.entities.some((e) => e.text === t && e.type === type);
  assert.ok(has('Helena Duarte', 'PER'));
  assert.ok(has('Romania', 'LOC'));
  assert.ok(has('World Food Programme', 'ORG'));
});

test('entities --conll prints the file back with a tag on each token line', () => {
  const r = run('entities', '--conll', fixture('sample.conll'));
  assert.equal(r.status, 0, r.stderr);
  const lines = r.stdout.split('\n');
  const input = readFileSync(fixture('sample.conll'), 'utf8').split('\n');
  assert.equal(lines.length, input.length);
  assert.ok(lines.some((l) => l === 'Brussels NNP B-NP I-LOC B-LOC'), r.stdout);
});

test('bad input: a clear error naming the file, and a non-zero exit; good files still land', () => {
  const missing = run('entities', '--conll', '/nonexistent/file.conll');
  assert.notEqual(missing.status, 0);
  assert.match(missing.stderr, /\/nonexistent\/file\.conll: cannot read/);
  const batch = run('entities', '--raw', '--json', fixture('report.txt'), '/nonexistent/other.txt');
  assert.equal(batch.status, 1);
  assert.match(batch.stderr, /other\.txt/);
  assert.equal(JSON.parse(batch.stdout).length, 1);
});

test('entities --json without --raw: spans point into the article body it prints', () => {
  const r = run('entities', '--json', fixture('report.txt'));
  assert.equal(r.status, 0, r.stderr);
  const [doc] = JSON.parse(r.stdout) as { article: string; text: string; entities: { start: number; end: number; text: string }[] }[];
  assert.ok(doc.entities.length > 0);
  for (const e of doc.entities) assert.equal(doc.text.slice(e.start, e.end), e.text);
  assert.ok(doc.entities.some((e) => e.text === 'Helena Duarte'));
});
