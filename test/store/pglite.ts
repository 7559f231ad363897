/** An embedded PostgreSQL engine (PGlite, PostgreSQL compiled to WebAssembly) behind the store's Sql interface. */
import { PGlite } from '@electric-sql/pglite';
import type { Sql } from '../../src/store/postgres.js';

export async function pgliteSql(): Promise<Sql> {
  const db = new PGlite();
  await db.waitReady;
  return {
    async query<T>(text: string, params: unknown[] = []) {
      return (await db.query<T>(text, params)).rows;
    },
    transaction: (fn) => db.transaction((tx) => fn({ query: async <T>(t: string, p: unknown[] = []) => (await tx.query<T>(t, p)).rows })),
    close: () => db.close(),
  };
}
