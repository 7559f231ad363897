import { openSqlStore, openPostgresStore } from '../../src/store/postgres.js';
import { runStoreContract } from './contract.js';
import { pgliteSql } from './pglite.js';
import { freshDatabase, postgresAvailable } from '../support/pg-server.js';

// The same contract suite as SQLite, on PostgreSQL: always on the embedded engine, and on a real
// server — the one PARALLAX_TEST_PG names (CI starts it), else one started here when PostgreSQL
// is installed.
runStoreContract('postgres-embedded', async () => openSqlStore(await pgliteSql(), 'postgres'));
runStoreContract('postgres-server', async () => openPostgresStore(await freshDatabase()), postgresAvailable() ?? undefined);
