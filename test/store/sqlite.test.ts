import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { openSqliteStore } from '../../src/store/sqlite.js';
import { runStoreContract, makeArticle } from './contract.js';

const dir = mkdtempSync(join(tmpdir(), 'parallax-store-'));
let n = 0;
runStoreContract('sqlite', () => openSqliteStore(join(dir, `t${n++}.db`)));

test('[store/sqlite] the file is in WAL mode and survives reopening', async () => {
  const path = join(dir, 'reopen.db');
  const s = await openSqliteStore(path);
  await s.upsertArticle(makeArticle('keep'));
  await s.close();
  const again = await openSqliteStore(path);
  assert.equal((await again.getArticle('keep'))?.id, 'keep');
  await again.close();
  const db = new Database(path, { readonly: true });
  assert.equal(db.pragma('journal_mode', { simple: true }), 'wal');
  db.close();
});

test('[store/sqlite] refuses a file that is not a database, naming it', async () => {
  const path = join(dir, 'not-a-db.db');
  writeFileSync(path, 'this is plain text, not SQLite '.repeat(100));
  await assert.rejects(openSqliteStore(path), (err: Error) => err.message.includes(path));
});
