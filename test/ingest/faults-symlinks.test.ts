import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expandPaths } from '../../src/ingest/files.js';

const here = '[ingest/faults-symlinks] ';
const bin = new URL('../../bin/parallax', import.meta.url).pathname;

const article = (title: string, place: string) =>
  `${title}\n\nThe ferry between ${place} and the mainland sailed again on Friday after a week of storms, the operator said in a statement.\n\nPassengers who had waited in the harbour town of ${place} boarded the first crossing of the morning, the port authority said.\n`;

/**
 * in/
 *   a.txt
 *   linked.txt -> ../elsewhere/b.txt   (a link to a file)
 *   more -> ../elsewhere/more          (a link to a directory, holding c.txt)
 *   sub/d.txt
 *   sub/up -> ..                       (a loop back to in/)
 *   sub/again -> ../more               (a second way to a directory already read)
 *   gone.txt -> ../elsewhere/none.txt  (a broken link)
 *   picture.png -> ../elsewhere/x.png  (a broken link no ingest would read)
 */
function tree(): string {
  const root = mkdtempSync(join(tmpdir(), 'parallax-links-'));
  const input = join(root, 'in');
  const elsewhere = join(root, 'elsewhere');
  mkdirSync(join(input, 'sub'), { recursive: true });
  mkdirSync(join(elsewhere, 'more'), { recursive: true });
  writeFileSync(join(input, 'a.txt'), article('Ferry resumes to Arran', 'Arran'));
  writeFileSync(join(elsewhere, 'b.txt'), article('Ferry resumes to Bute', 'Bute'));
  writeFileSync(join(elsewhere, 'more', 'c.txt'), article('Ferry resumes to Coll', 'Coll'));
  writeFileSync(join(input, 'sub', 'd.txt'), article('Ferry resumes to Dunoon', 'Dunoon'));
  symlinkSync('../elsewhere/b.txt', join(input, 'linked.txt'));
  symlinkSync('../elsewhere/more', join(input, 'more'));
  symlinkSync('..', join(input, 'sub', 'up'));
  symlinkSync('../more', join(input, 'sub', 'again'));
  symlinkSync('../elsewhere/none.txt', join(input, 'gone.txt'));
  symlinkSync('../elsewhere/x.png', join(input, 'picture.png'));
  return input;
}

test(here + 'links to files and directories are followed once; loops are refused and broken links reported, each by its name', () => {
  const input = tree();
  const { files, errors } = expandPaths([input]);
  assert.deepEqual(files.map((f) => f.slice(input.length + 1)).sort(), ['a.txt', 'linked.txt', 'more/c.txt', 'sub/d.txt']);
  const byOrigin = new Map(errors.map((e) => [e.origin.slice(input.length + 1), e.ok ? '' : e.error]));
  assert.deepEqual([...byOrigin.keys()].sort(), ['gone.txt', 'sub/again', 'sub/up']);
  assert.match(byOrigin.get('gone.txt')!, /broken symbolic link.*none\.txt/);
  assert.match(byOrigin.get('sub/up')!, /loop.*already read/);
  assert.match(byOrigin.get('sub/again')!, /already read/);
});

test(here + 'parallax ingest of the directory stores the linked articles and names the bad links', { timeout: 60_000 }, () => {
  const input = tree();
  const db = join(input, '..', 'links.db');
  const r = spawnSync(process.execPath, [bin, 'ingest', '--db', db, '--no-progress', '--json', input], { encoding: 'utf8', timeout: 60_000 });
  const summary = JSON.parse(r.stdout) as { inserted: number; failed: { origin: string; error: string }[] };
  assert.equal(summary.inserted, 4, r.stderr);
  assert.deepEqual(summary.failed.map((f) => f.origin.slice(input.length + 1)).sort(), ['gone.txt', 'sub/again', 'sub/up']);
  assert.match(r.stderr, /gone\.txt: broken symbolic link/);
  assert.match(r.stderr, /sub\/up: symbolic link loop/);
});
