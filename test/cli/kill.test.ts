import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { cli, cliAsync } from './helpers.js';

// Killing an ingest with SIGKILL leaves a consistent database: the batches it committed are
// there whole, nothing is half-written, and ingesting again lands the rest.
test('[cli] an ingest killed mid-way leaves a consistent store; a second run completes it', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'parallax-kill-'));
  const docs = join(dir, 'docs');
  const N = 3000;
  const { mkdirSync } = await import('node:fs');
  mkdirSync(docs);
  for (let i = 0; i < N; i++) {
    writeFileSync(
      join(docs, `a${String(i).padStart(5, '0')}.txt`),
      `Report number ${i} on the harbour\nThe harbour board met on Monday to discuss berth ${i} and the schedule for ship ${i % 97}.\nMembers agreed to review the matter of berth ${i} again at the next meeting in the spring.\n`,
    );
  }
  const db = join(dir, 'kill.db');
  const child = cliAsync(['ingest', '--db', db, '--no-progress', docs]);
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code, signal) => resolve(signal ? -1 : code)));
  // Wait until at least one batch is committed, then kill without warning.
  let committed = 0;
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 25));
    if (!existsSync(db)) continue;
    try {
      const conn = new Database(db, { readonly: true, fileMustExist: true });
      committed = (conn.prepare('SELECT count(*) AS n FROM articles').get() as { n: number }).n;
      conn.close();
    } catch {
      continue; // schema not created yet
    }
    if (committed > 0) break;
  }
  child.kill('SIGKILL');
  assert.equal(await exited, -1, 'the ingest finished before it could be killed; the corpus is too small for this machine');
  assert.ok(committed > 0, 'no batch was committed within a minute');

  const conn = new Database(db);
  assert.equal(conn.pragma('integrity_check', { simple: true }), 'ok');
  const landed = (conn.prepare('SELECT count(*) AS n FROM articles').get() as { n: number }).n;
  assert.equal(landed % 100, 0, `a batch was half-written: ${landed} articles`);
  assert.ok(landed < N);
  // Every stored article is whole: its JSON document parses and matches its row.
  for (const row of conn.prepare('SELECT id, text, doc FROM articles').all() as { id: string; text: string; doc: string }[]) {
    const doc = JSON.parse(row.doc);
    assert.equal(doc.id, row.id);
    assert.equal(doc.text, row.text);
  }
  conn.close();

  const again = cli(['ingest', '--db', db, '--no-progress', docs]);
  assert.equal(again.status, 0, again.stderr);
  assert.match(again.stdout, new RegExp(`ingested ${N - landed}, updated 0, unchanged ${landed}, failed 0`));
  const after = new Database(db, { readonly: true });
  assert.equal((after.prepare('SELECT count(*) AS n FROM articles WHERE story IS NULL OR grouped IS NULL').get() as { n: number }).n, 0, 'every article is in a story');
  after.close();
});

// Killed at any moment (while extracting, storing, or grouping), again and again: each re-run
// goes on from what was committed, and the last one leaves every article stored once, in a story.
test('[cli] an ingest killed at random moments, five times over, ends with every article stored once and grouped', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'parallax-kills-'));
  const docs = join(dir, 'docs');
  const N = 600;
  const { mkdirSync } = await import('node:fs');
  mkdirSync(docs);
  const places = ['harbour', 'station', 'bridge', 'market', 'school', 'library'];
  for (let i = 0; i < N; i++) {
    const place = places[i % places.length];
    writeFileSync(
      join(docs, `k${String(i).padStart(4, '0')}.txt`),
      `The ${place} reopens (${i})\nThe ${place} of Eastfield reopened on Monday after repairs, the council said in report ${i}.\nCouncil member Ada Quill said the ${place} would keep its hours.\n`,
    );
  }
  const db = join(dir, 'kills.db');
  // A fixed sequence of waits, so a failure can be replayed: from very early to well into the run.
  const waits = [150, 900, 400, 1600, 2600];
  for (const wait of waits) {
    const child = cliAsync(['ingest', '--db', db, '--no-progress', docs]);
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code, signal) => resolve(signal ? -1 : code)));
    await new Promise((r) => setTimeout(r, wait));
    child.kill('SIGKILL');
    await exited;
    if (existsSync(db)) {
      const conn = new Database(db, { readonly: true });
      assert.equal(conn.pragma('integrity_check', { simple: true }), 'ok');
      conn.close();
    }
  }
  const last = cli(['ingest', '--db', db, '--no-progress', docs]);
  assert.equal(last.status, 0, last.stderr);
  const conn = new Database(db, { readonly: true });
  try {
    assert.equal(conn.pragma('integrity_check', { simple: true }), 'ok');
    assert.equal((conn.prepare('SELECT count(*) AS n FROM articles').get() as { n: number }).n, N);
    assert.equal((conn.prepare('SELECT count(*) AS n FROM articles WHERE story IS NULL OR grouped IS NULL').get() as { n: number }).n, 0, 'every article is in a story');
  } finally {
    conn.close();
  }
});
