// SIGKILLs at random moments (seeded, so a failure replays) of a real `parallax ingest`,
// each followed by a re-run that the next kill may stop in its turn: of a directory of articles,
// and of a web archive. After each kill the store passes `PRAGMA integrity_check`; after a last
// run, every article is stored once and in a story: 20 kills each of an ingest of 3,000 articles
// and of a WARC of 250 records (`npm run bench -- faults` runs the same at will).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { finish, inspect, killLoop, timeRun, writeArticles, writeWarc, type KilledRun } from './kill-loop.js';

const here = '[faults/kill-at-scale] ';
/** Kills in each test. */
const KILLS = 20;

function summary(runs: KilledRun[]): string {
  return runs.map((r) => `${r.wait} ms: ${r.finished ? 'finished' : `${r.articles} stored, ${r.ungrouped} ungrouped`}`).join('; ');
}

test(here + 'an ingest of 3,000 articles killed 20 times at random moments ends with every article stored once, in a story', { timeout: 600_000 }, async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'parallax-kill-scale-'));
  const docs = join(dir, 'docs');
  const N = 3000;
  writeArticles(docs, N);
  const db = join(dir, 'kill.db');
  // Moments across a run as long as one takes on this machine now: reading, storing, grouping.
  const times = await timeRun([docs], join(dir, 'whole.db'));
  const runs = await killLoop({ inputs: [docs], db, kills: KILLS, seed: 18, times });
  t.diagnostic(`a whole run: first commit at ${Math.round(times.firstCommitMs)} ms, exit at ${Math.round(times.wholeMs)} ms; ${summary(runs)}`);
  // At different stages: before anything was stored, mid-way, and after.
  assert.equal(runs.filter((r) => !r.finished).length, KILLS, summary(runs));
  assert.ok(runs.some((r) => !r.finished && r.articles > 0 && (r.articles < N || r.ungrouped > 0)), `some kill fell mid-way: ${summary(runs)}`);
  const last = finish(db, [docs]);
  assert.equal(last.status, 0, last.stderr);
  const end = inspect(db);
  assert.deepEqual(end, { articles: N, distinctIds: N, distinctUrls: 0, ungrouped: 0, integrity: 'ok' });
});

test(here + 'an ingest of a WARC of 250 records killed 20 times at random moments ends with every page stored once, in a story', { timeout: 600_000 }, async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'parallax-kill-warc-'));
  const file = join(dir, 'news.warc.gz');
  const pages = await writeWarc(file, 250);
  const db = join(dir, 'warc.db');
  const times = await timeRun([file], join(dir, 'whole.db'));
  const runs = await killLoop({ inputs: [file], db, kills: KILLS, seed: 250, times });
  t.diagnostic(`a whole run: first commit at ${Math.round(times.firstCommitMs)} ms, exit at ${Math.round(times.wholeMs)} ms; ${summary(runs)}`);
  assert.equal(runs.filter((r) => !r.finished).length, KILLS, summary(runs));
  assert.ok(runs.some((r) => !r.finished && r.articles > 0 && (r.articles < pages || r.ungrouped > 0)), `some kill fell mid-way: ${summary(runs)}`);
  const last = finish(db, [file]);
  assert.equal(last.status, 0, last.stderr);
  const end = inspect(db);
  assert.deepEqual(end, { articles: pages, distinctIds: pages, distinctUrls: pages, ungrouped: 0, integrity: 'ok' });
});
