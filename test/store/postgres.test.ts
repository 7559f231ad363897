import { randomBytes } from 'node:crypto';
import { openSqlStore, openPostgresStore } from '../../src/store/postgres.js';
import { runStoreContract } from './contract.js';
import { pgliteSql } from './pglite.js';

// The same contract suite as SQLite, on PostgreSQL: always on the embedded engine, and on a real
// server when PARALLAX_TEST_PG names one (CI starts a server and sets it).
runStoreContract('postgres-embedded', async () => openSqlStore(await pgliteSql(), 'postgres'));

const server = process.env.PARALLAX_TEST_PG;
runStoreContract(
  'postgres-server',
  async () => {
    // A fresh database per test, so that tests do not see each other's rows.
    const { default: pg } = await import('pg');
    const name = `parallax_test_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: server });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const url = new URL(server!);
    url.pathname = `/${name}`;
    return openPostgresStore(url.toString());
  },
  server ? undefined : 'PARALLAX_TEST_PG is not set: no PostgreSQL server to test against',
);
