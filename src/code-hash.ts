/**
 * A hash of a stage's own source files (and any data files it reads): what a stage stored with
 * its output, so that output made by other code is known to be stale without anyone bumping a
 * version by hand. Works on the TypeScript sources and on the compiled JavaScript alike.
 *
 * @module
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** sha-256 over the .ts/.js files under each directory (in name order) and the extra files, cut to 16 hex digits. */
export function codeHash(dirs: string[], extraFiles: string[] = [], extraParts: string[] = []): string {
  const h = createHash('sha256');
  const walk = (dir: string): void => {
    for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.(ts|js|mjs)$/.test(e.name) && !e.name.endsWith('.d.ts')) h.update(e.name).update(readFileSync(p));
    }
  };
  for (const d of dirs) walk(d);
  for (const f of extraFiles) if (existsSync(f)) h.update(readFileSync(f));
  for (const part of extraParts) h.update(part);
  return h.digest('hex').slice(0, 16);
}
