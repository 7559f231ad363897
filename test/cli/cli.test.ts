import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli, root, storyFixtures } from './helpers.js';

const here = '[cli] ';
const tmp = mkdtempSync(join(tmpdir(), 'parallax-cli-'));
const fixtures = readdirSync(storyFixtures).map((f) => join(storyFixtures, f));

test(here + 'extract --json prints the cleaned article with its metadata', () => {
  const r = cli(['extract', '--json', join(storyFixtures, 'harbour-daily.txt')]);
  assert.equal(r.status, 0, r.stderr);
  const a = JSON.parse(r.stdout);
  assert.equal(a.id, 'harbour-daily');
  assert.equal(a.source, 'Harbour Daily');
  assert.equal(a.title, 'Dock workers end three-week strike at Rotterdam port');
  assert.equal(a.published, '2025-03-14T09:41');
  assert.ok(a.text.startsWith('Dock workers at the port of Rotterdam voted'));
  assert.ok(!a.text.includes('Storm closes two ferry routes'));
  assert.equal(a.raw, undefined);
});

test(here + 'analyse --json groups the reports of one event and keeps another apart', () => {
  const r = cli(['analyse', '--json', ...fixtures]);
  assert.equal(r.status, 0, r.stderr);
  const { stories } = JSON.parse(r.stdout);
  const byArticle = new Map<string, string>();
  for (const s of stories) for (const a of s.articles) byArticle.set(a.id, s.id);
  assert.equal(byArticle.get('harbour-daily'), byArticle.get('coastal-wire'));
  assert.equal(byArticle.get('harbour-daily'), byArticle.get('rail-gazette'));
  assert.notEqual(byArticle.get('harbour-daily'), byArticle.get('unrelated'));
  const strike = stories.find((s: { id: string }) => s.id === byArticle.get('harbour-daily'));
  for (const key of ['id', 'title', 'articles', 'entities', 'quotes', 'claims', 'wording', 'timeline', 'summary']) assert.ok(key in strike, key);
  for (const a of strike.articles) for (const k of ['id', 'source', 'url', 'title', 'byline', 'published', 'dateline', 'language', 'text']) assert.ok(k in a, `${a.id}.${k}`);
  // Every summary sentence cites articles of the story.
  const ids = new Set(strike.articles.map((a: { id: string }) => a.id));
  for (const s of strike.summary) assert.ok(s.articles.length && s.articles.every((id: string) => ids.has(id)), s.text);
});

test(here + 'a bad input is reported by path and reason; the rest lands; the exit code says so', () => {
  const dir = join(tmp, 'mixed');
  const good = join(storyFixtures, 'coastal-wire.txt');
  const empty = join(tmp, 'empty.txt');
  const binary = join(tmp, 'binary.txt');
  const chrome = join(tmp, 'menu.txt');
  writeFileSync(empty, '');
  writeFileSync(binary, Buffer.from([0, 1, 2, 3, 0, 0, 0, 0, 255, 254, 0, 7, 8, 0, 0, 0]));
  writeFileSync(chrome, 'Home\nNews\nSport\nWeather\n');
  const db = join(tmp, 'mixed.db');
  const r = cli(['ingest', '--db', db, good, empty, binary, chrome, join(dir, 'missing.txt')]);
  assert.equal(r.status, 1);
  assert.match(r.stderr, new RegExp(`${empty}: empty file`));
  assert.match(r.stderr, new RegExp(`${binary}: binary data`));
  assert.match(r.stderr, new RegExp(`${chrome}: .*no prose`));
  assert.match(r.stderr, /missing\.txt: no such file/);
  assert.match(r.stdout, /ingested 1, updated 0, unchanged 0, failed 4/);
  const list = cli(['stories', '--json', '--db', db]);
  assert.equal(JSON.parse(list.stdout).length, 1);
});

test(here + 're-ingesting the same input changes nothing; a changed file is updated, not duplicated', () => {
  const db = join(tmp, 'idem.db');
  const dir = mkdtempSync(join(tmp, 'idem-'));
  for (const f of fixtures) writeFileSync(join(dir, f.split('/').pop()!), readFileSyncUtf8(f));
  assert.match(cli(['ingest', '--db', db, dir]).stdout, /ingested 4, updated 0, unchanged 0, failed 0/);
  assert.match(cli(['ingest', '--db', db, dir]).stdout, /ingested 0, updated 0, unchanged 4, failed 0/);
  writeFileSync(join(dir, 'unrelated.txt'), readFileSyncUtf8(join(dir, 'unrelated.txt')) + '\nThe warning will be reviewed on Thursday morning, officials said.\n');
  assert.match(cli(['ingest', '--db', db, dir]).stdout, /ingested 0, updated 1, unchanged 3, failed 0/);
  const search = JSON.parse(cli(['search', '--json', '--db', db, 'reviewed', 'Thursday']).stdout);
  assert.deepEqual(search.map((h: { id: string }) => h.id), ['unrelated']);
});

test(here + 'show prints a story by id or by one of its articles; an unknown id is a clear error', () => {
  const db = join(tmp, 'show.db');
  cli(['ingest', '--db', db, ...fixtures]);
  const byArticle = cli(['show', '--db', db, 'coastal-wire']);
  assert.equal(byArticle.status, 0, byArticle.stderr);
  assert.match(byArticle.stdout, /^STORY /);
  assert.match(byArticle.stdout, /3 articles from 3 outlets/);
  const missing = cli(['show', '--db', db, 'no-such-story']);
  assert.equal(missing.status, 2);
  assert.match(missing.stderr, /no story or article "no-such-story"/);
});

test(here + 'an unknown command or option fails with usage help', () => {
  const r = cli(['frobnicate']);
  assert.notEqual(r.status, 0);
  assert.match(r.stderr, /unknown command/);
});

function readFileSyncUtf8(p: string): string {
  return readFileSync(p, 'utf8');
}

test(here + 'extract reads a file whose name holds pattern characters, and a page that lies about its charset', () => {
  const dir = mkdtempSync(join(tmpdir(), 'parallax-cli-brackets-'));
  const page = join(dir, 'lying [1].html');
  writeFileSync(page, readFileSync(join(root, 'test', 'fixtures', 'html', 'lying-latin1.html')));
  const r = cli(['extract', '--json', page]);
  assert.equal(r.status, 0, r.stderr);
  const a = JSON.parse(r.stdout);
  // One page, one article: an object, not a list (".html" ends in "l" like ".jsonl" does).
  assert.ok(!Array.isArray(a));
  assert.equal(a.title, 'Новый мост через реку открыт');
});

test(here + 'what an article holds reaches the terminal as text: escape sequences and bidirectional overrides are dropped, JSON keeps them escaped', () => {
  const dir = mkdtempSync(join(tmpdir(), 'parallax-cli-escapes-'));
  const file = join(dir, 'harbour\u001b[2J.txt');
  const body = [
    'Harbour reopens after \u001b]0;owned\u0007storm \u001b[31mdamage\u001b[0m',
    '',
    'The harbour of Lindqvist reopened on Monday after a week of repairs to the \u202eeuq\u202c storm walls, the port authority said.',
    '',
    'Ferries to the islands will run on the winter timetable until the end of the month, officials added on Monday.',
  ].join('\n');
  writeFileSync(file, body);
  const r = cli(['extract', file]);
  assert.equal(r.status, 0, r.stderr);
  assert.ok(!/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/.test(r.stdout), JSON.stringify(r.stdout));
  assert.match(r.stdout, /storm/);
  const json = cli(['extract', '--json', file]);
  assert.equal(json.status, 0, json.stderr);
  assert.ok(!/\u001b/.test(json.stdout));
  // A refused input's name is printed without its escapes too.
  const bad = cli(['extract', join(dir, 'missing\u001b[2J.txt')]);
  assert.notEqual(bad.status, 0);
  assert.ok(!/\u001b/.test(bad.stderr), JSON.stringify(bad.stderr));
});

test(here + 'standard input is read bounded: more than the input limit is refused, naming stdin, with a non-zero exit', async () => {
  const { spawnSync } = await import('node:child_process');
  const { MAX_INPUT_BYTES } = await import('../../src/ingest/stdin.js');
  const input = Buffer.alloc(MAX_INPUT_BYTES + 1024, 'a');
  const r = spawnSync(process.execPath, [join(root, 'bin', 'parallax'), 'extract', '-'], { input, encoding: 'utf8', maxBuffer: 1 << 20 });
  assert.notEqual(r.status, 0);
  assert.match(r.stderr, /stdin: too large/);
  const ok = spawnSync(process.execPath, [join(root, 'bin', 'parallax'), 'extract', '--json', '-'], { input: 'The harbour reopened on Monday after a week of repairs to the storm walls, the port authority said in a statement.', encoding: 'utf8' });
  assert.equal(ok.status, 0, ok.stderr);
  assert.match(JSON.parse(ok.stdout).text, /storm walls/);
});

test(here + 'a WARC file that is missing or a folder is a clear error with a non-zero exit, no stack trace', () => {
  const dir = mkdtempSync(join(tmpdir(), 'parallax-warc-missing-'));
  try {
    const db = join(dir, 'store.db');
    for (const [path, why] of [[join(dir, 'missing.warc'), /missing\.warc: cannot read \(ENOENT\)/], [join(dir, 'folder.warc'), /folder\.warc: not a file/]] as const) {
      if (path.endsWith('folder.warc')) mkdirSync(path);
      const r = cli(['ingest', path, '--db', db]);
      assert.notEqual(r.status, 0, r.stderr);
      assert.match(r.stderr, why);
      assert.doesNotMatch(r.stderr, /\n\s+at /, 'no stack trace');
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
