import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const bin = `${root}bin/parallax`;
const fixture = `${root}test/fixtures/quotes/batch.jsonl`;

function parallax(...args: string[]) {
  return spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: 'utf8' });
}

test('quotes --jsonl: offsets into each line’s text, bad lines reported and skipped', () => {
  const r = parallax('quotes', '--jsonl', fixture);
  assert.equal(r.status, 1, 'a bad line makes the exit code non-zero');
  assert.match(r.stderr, /batch\.jsonl:2: invalid JSON/);
  assert.match(r.stderr, /batch\.jsonl:4: no "text" string/);
  const inputs = readFileSync(fixture, 'utf8').split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as { article: string; text?: string });
  const out = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as { article: string; quotes: { start: number; end: number; direct: boolean; speaker: { start: number; end: number; name: string } | null }[] });
  assert.deepEqual(out.map((o) => o.article), ['one', 'two']);
  const text = (id: string) => inputs.find((i) => i.article === id)!.text!;
  const [one] = out[0].quotes;
  assert.equal(text('one').slice(one.start, one.end), '“We will not give up on Ukraine,”');
  assert.equal(one.direct, true);
  assert.equal(text('one').slice(one.speaker!.start, one.speaker!.end), 'Rutte');
  const [two] = out[1].quotes;
  assert.equal(text('two').slice(two.start, two.end), 'reaching consensus will take weeks');
  assert.equal(two.direct, false);
  assert.equal(text('two').slice(two.speaker!.start, two.speaker!.end), 'a senior U.S. official');
});

test('quotes --jsonl: an unreadable file is a one-line error', () => {
  const r = parallax('quotes', '--jsonl', `${root}test/fixtures/quotes/missing.jsonl`);
  assert.notEqual(r.status, 0);
  assert.match(r.stderr.trim(), /missing\.jsonl: cannot read \(ENOENT\)$/);
  assert.equal(r.stderr.trim().split('\n').length, 1);
});
