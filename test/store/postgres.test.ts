import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openSqlStore, openPostgresStore } from '../../src/store/postgres.js';
import { runStoreContract } from './contract.js';
import { pgliteSql } from './pglite.js';
import { freshDatabase, postgresAvailable } from '../support/pg-server.js';

// The same contract suite as SQLite, on PostgreSQL: always on the embedded engine, and on a real
// server — the one PARALLAX_TEST_PG names (CI starts it), else one started here when PostgreSQL
// is installed.
runStoreContract('postgres-embedded', async () => openSqlStore(await pgliteSql(), 'postgres'));
runStoreContract('postgres-server', async () => openPostgresStore(await freshDatabase()), postgresAvailable() ?? undefined);

// Workers start together against a new database: each opens the store, and each would create the
// schema. Only one may; the others wait for it and find the schema made.
test('[store/postgres-server] eight stores opened at once on a new database all open, with the schema made once', { skip: postgresAvailable() ?? undefined }, async () => {
  const url = await freshDatabase();
  for (let round = 0; round < 3; round++) {
    const db = round === 0 ? url : await freshDatabase();
    const stores = await Promise.all(Array.from({ length: 8 }, () => openPostgresStore(db)));
    try {
      const versions = await Promise.all(stores.map((s) => s.countArticles()));
      assert.deepEqual(versions, Array(8).fill(0));
    } finally {
      await Promise.all(stores.map((s) => s.close()));
    }
  }
});
