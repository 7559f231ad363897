import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bin, cli, storyFixtures } from './helpers.js';

const here = '[cli/show] ';
const tmp = mkdtempSync(join(tmpdir(), 'parallax-show-'));

// Two stories whose ids share a start: the Rotterdam strike (three articles, one of them from an
// outlet nothing names) and the avalanche warning (one article). Story ids are article ids, here
// the files' names.
const input = join(tmp, 'in');
mkdirSync(input);
for (const [from, to] of [['coastal-wire', 'story-coast'], ['harbour-daily', 'story-harbour'], ['rail-gazette', 'story-rail'], ['unrelated', 'story-alps']]) copyFileSync(join(storyFixtures, `${from}.txt`), join(input, `${to}.txt`));
const db = join(tmp, 'show.db');
const ingest = cli(['ingest', '--db', db, input]);
assert.equal(ingest.status, 0, ingest.stderr);

test(here + 'counts read as English: 1 outlet, 1 article, not "1 outlets"', () => {
  const list = cli(['stories', '--db', db]);
  assert.equal(list.status, 0, list.stderr);
  const alps = list.stdout.split('\n').find((l) => l.startsWith('story-alps'));
  assert.ok(alps, list.stdout);
  assert.match(alps, /\b1 outlet\b/);
  assert.match(alps, /\b1 article\b/);
  assert.doesNotMatch(list.stdout, /\b1 (outlets|articles)\b/);
  const one = cli(['show', '--db', db, 'story-alps']);
  assert.equal(one.status, 0, one.stderr);
  assert.match(one.stdout, /\n1 article from 1 outlet\n/);
});

test(here + 'show takes the first characters of a story id; an ambiguous or unknown start is a clear error', () => {
  const unique = cli(['show', '--db', db, 'story-c']);
  assert.equal(unique.status, 0, unique.stderr);
  assert.match(unique.stdout, /^STORY story-coast: /);
  const ambiguous = cli(['show', '--db', db, 'story-']);
  assert.equal(ambiguous.status, 2);
  assert.match(ambiguous.stderr, /"story-" is the start of 2 story ids/);
  assert.match(ambiguous.stderr, /story-coast/);
  assert.match(ambiguous.stderr, /story-alps/);
  const unknown = cli(['show', '--db', db, 'story-x']);
  assert.equal(unknown.status, 2);
  assert.match(unknown.stderr, /no story or article "story-x"/);
  // An article id still finds its story.
  const byArticle = cli(['show', '--db', db, 'story-rail']);
  assert.equal(byArticle.status, 0, byArticle.stderr);
  assert.match(byArticle.stdout, /^STORY story-coast: /);
});

test(here + 'an outlet nothing names is "Unnamed outlet", never "unknown outlet" or its file name, in the terminal and the JSON alike', () => {
  const r = cli(['show', '--db', db, 'story-coast']);
  assert.equal(r.status, 0, r.stderr);
  assert.doesNotMatch(r.stdout, /unknown outlet/i);
  assert.match(r.stdout, /\n\[\d\] Unnamed outlet · /);
  // The file's name is the article's id; it is not an outlet's name anywhere.
  for (const line of r.stdout.split('\n').filter((l) => /^\S.*:$/.test(l) || /^\[\d\] /.test(l) || /^wording only /.test(l))) assert.doesNotMatch(line, /story-rail/, line);
  const json = JSON.parse(cli(['show', '--db', db, 'story-coast', '--json']).stdout) as { outlets: { article: string; outlet: string }[] };
  assert.equal(json.outlets.find((o) => o.article === 'story-rail')?.outlet, 'Unnamed outlet');
});

test(here + 'report writes to the standard output unless -o names a file, so that > file captures it', () => {
  const dir = mkdtempSync(join(tmp, 'report-'));
  const run = (args: string[]) => spawnSync(process.execPath, [bin, 'report', '--db', db, ...args], { cwd: dir, encoding: 'utf8' });
  const md = run(['story-alps', '-f', 'md']);
  assert.equal(md.status, 0, md.stderr);
  assert.match(md.stdout, /^# Avalanche warning raised to highest level in the Tyrol\n/);
  assert.match(md.stdout, /1 article from 1 outlet\./);
  assert.deepEqual(readdirSync(dir), [], 'a file was written');
  const dash = run(['story-alps', '-f', 'json', '-o', '-']);
  assert.equal(JSON.parse(dash.stdout).id, 'story-alps');
  const file = run(['story-alps', '-f', 'html', '-o', 'alps.html']);
  assert.equal(file.status, 0, file.stderr);
  assert.ok(existsSync(join(dir, 'alps.html')));
  assert.match(readFileSync(join(dir, 'alps.html'), 'utf8'), /^<!doctype html>/);
  assert.doesNotMatch(file.stdout, /<html/);
});
