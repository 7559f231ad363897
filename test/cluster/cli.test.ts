import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const here = '[cluster/cli] ';
const root = new URL('../..', import.meta.url).pathname;
const fixture = (name: string): string => readFileSync(join(root, 'test', 'fixtures', 'cluster', name), 'utf8');

function parallax(args: string[]) {
  return spawnSync(process.execPath, [join(root, 'bin', 'parallax'), ...args], { encoding: 'utf8' });
}

function jsonl(rows: unknown[]): string {
  return rows.map((r) => (typeof r === 'string' ? r : JSON.stringify(r))).join('\n') + '\n';
}

const articles = [
  { id: 1, title: 'Earthquake kills 12 in northern Valdoria', published: '2024-03-04', text: fixture('quake-a.txt'), story: 'X' },
  { id: 'f', title: 'Rovers sign Arbeloa for record fee', published: '2024-03-04', text: fixture('football.txt'), story: 'X' },
  { id: 'b', title: 'Rescuers search rubble in Henning', published: '2024-03-04', text: fixture('quake-b.txt'), story: 'Y' },
];

test(`${here}one {id, story} line per article, in the file's order; the story field is not read`, () => {
  const dir = mkdtempSync(join(tmpdir(), 'parallax-cluster-'));
  const file = join(dir, 'in.jsonl');
  writeFileSync(file, jsonl(articles));
  const r = parallax(['cluster', '--jsonl', file]);
  assert.equal(r.status, 0, r.stderr);
  const out = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as { id: unknown; story: string });
  assert.deepEqual(out.map((o) => o.id), [1, 'f', 'b']);
  assert.equal(out[2].story, out[0].story, 'the two quake reports are one story');
  assert.notEqual(out[1].story, out[0].story, 'though the file says football and quake are one');
});

test(`${here}bad lines are reported and skipped, the rest are grouped, and the exit code says so`, () => {
  const dir = mkdtempSync(join(tmpdir(), 'parallax-cluster-'));
  const file = join(dir, 'in.jsonl');
  writeFileSync(file, jsonl([articles[0], '{"id": "broken"', { title: 'no id' }, [1, 2], articles[2], { ...articles[2], text: 'again' }]));
  const r = parallax(['cluster', '--jsonl', file, '--why']);
  assert.equal(r.status, 1);
  assert.match(r.stderr, /in\.jsonl:2: invalid JSON/);
  assert.match(r.stderr, /in\.jsonl:3: a record needs an "id"/);
  assert.match(r.stderr, /in\.jsonl:4: not a JSON object/);
  assert.match(r.stderr, /in\.jsonl:6: id "b" repeats an earlier line/);
  const out = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as { id: unknown; story: string; why: { reason: string } });
  assert.deepEqual(out.map((o) => o.id), [1, 'b']);
  assert.match(out[1].why.reason, /joined the story/);
});

test(`${here}a missing file is one clear line and a non-zero exit`, () => {
  const r = parallax(['cluster', '--jsonl', join(tmpdir(), 'no-such-file.jsonl')]);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /^parallax: .*no-such-file\.jsonl: cannot read \(ENOENT\)\n$/);
});

test(`${here}--state goes on grouping from the last run`, () => {
  const dir = mkdtempSync(join(tmpdir(), 'parallax-cluster-'));
  const state = join(dir, 'state.json');
  writeFileSync(join(dir, 'day1.jsonl'), jsonl([articles[0], articles[1]]));
  writeFileSync(join(dir, 'day2.jsonl'), jsonl([articles[2]]));
  assert.equal(parallax(['cluster', '--jsonl', join(dir, 'day1.jsonl'), '--state', state]).status, 0);
  assert.ok(existsSync(state));
  const r = parallax(['cluster', '--jsonl', join(dir, 'day2.jsonl'), '--state', state]);
  assert.equal(r.status, 0, r.stderr);
  assert.deepEqual(JSON.parse(r.stdout), { id: 'b', story: '1' }, 'day 2\'s report joins day 1\'s story');
  writeFileSync(state, '{"not": "a state"}');
  const bad = parallax(['cluster', '--jsonl', join(dir, 'day2.jsonl'), '--state', state]);
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /state\.json: not a clusterer snapshot/);
});
