/**
 * Opens the store named by `--db`, `$PARALLAX_DB`, or the default `./parallax.db`.
 * A `postgres://` or `postgresql://` URL selects the PostgreSQL backend; anything else is a
 * SQLite file path.
 *
 * @module
 */
import type { Store } from './types.js';

export type { Store, StoredStory, SearchHit, UpsertResult } from './types.js';

export const DEFAULT_DB = 'parallax.db';

export function resolveDbSpec(spec?: string | null): string {
  return spec || process.env.PARALLAX_DB || DEFAULT_DB;
}

export async function openStore(spec?: string | null): Promise<Store> {
  const target = resolveDbSpec(spec);
  if (/^postgres(ql)?:\/\//i.test(target)) {
    // Resolved at run time so that the embedded default never loads the PostgreSQL driver.
    const modulePath = './postgres.js';
    const { openPostgresStore } = (await import(modulePath)) as { openPostgresStore(url: string): Promise<Store> };
    return openPostgresStore(target);
  }
  const { openSqliteStore } = await import('./sqlite.js');
  return openSqliteStore(target);
}
