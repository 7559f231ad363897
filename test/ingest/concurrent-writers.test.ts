import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';

const here = '[concurrent writers] ';
const bin = fileURLToPath(new URL('../../bin/parallax', import.meta.url));
const TOPICS = ['harbour', 'orchard', 'railway', 'library', 'reservoir', 'observatory'];

/** `n` folders of `per` invented reports each, every file a distinct article. */
function folders(root: string, n: number, per: number): string[] {
  return Array.from({ length: n }, (_, f) => {
    const dir = join(root, `batch${f}`);
    mkdirSync(dir);
    for (let i = 0; i < per; i++) {
      const topic = TOPICS[(f * per + i) % TOPICS.length];
      writeFileSync(
        join(dir, `report-${f}-${i}.txt`),
        `The ${topic} of Westbrook reopens after repairs (${f}-${i})\n\nThe ${topic} of Westbrook reopened on Monday after ${i + 2} weeks of repairs, the town council said.\n\n` +
          `Council member Ada Quill said the ${topic} would keep its old opening hours and that the repairs cost less than planned.\n\nResidents queued before the doors opened, report ${f}-${i} adds.`,
      );
    }
    return dir;
  });
}

function ingest(db: string, dir: string): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bin, 'ingest', dir, '--db', db, '--no-progress'], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (c) => (stderr += c));
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

for (const writers of [2, 4]) {
  test(`${here}${writers} ingest processes on one new SQLite file: every article lands, grouped, no error`, { timeout: 240_000 }, async () => {
    const root = mkdtempSync(join(tmpdir(), 'parallax-writers-'));
    const per = 400;
    const dirs = folders(root, writers, per);
    const db = join(root, 'shared.db');
    const runs = await Promise.all(dirs.map((d) => ingest(db, d)));
    for (const r of runs) {
      assert.equal(r.code, 0, r.stderr);
      assert.doesNotMatch(r.stderr, /SQLITE_|already exists|\n\s+at /, 'no database error or stack trace');
    }
    const check = new Database(db, { readonly: true });
    try {
      assert.equal(check.pragma('integrity_check', { simple: true }), 'ok');
      assert.equal((check.prepare('SELECT count(*) AS n FROM articles').get() as { n: number }).n, writers * per);
      assert.equal((check.prepare('SELECT count(*) AS n FROM articles WHERE story IS NULL OR grouped IS NULL').get() as { n: number }).n, 0, 'every article is in a story');
    } finally {
      check.close();
    }
  });
}
