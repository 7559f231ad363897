/**
 * A hash of a stage's own source files (and any data files it reads): what a stage stored with
 * its output, so that output made by other code is known to be stale without anyone bumping a
 * version by hand. Compiled code under dist/ is hashed by its sources under src/ when they are
 * there, so that the built CLI and the sources run through tsx give the same versions and read
 * each other's stored output (a checkout runs either, whichever is newer); a package installed
 * without its sources hashes the compiled JavaScript.
 *
 * @module
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The sources of a directory of compiled code (…/dist/x → …/src/x) when they exist, else the directory itself. */
function sourcesOf(dir: string): string {
  const m = /^(.*)[/\\]dist((?:[/\\].*)?)$/.exec(dir);
  if (!m) return dir;
  const src = join(m[1], 'src', m[2]);
  return existsSync(src) ? src : dir;
}

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
  for (const d of dirs) walk(sourcesOf(d));
  for (const f of extraFiles) if (existsSync(f)) h.update(readFileSync(f));
  for (const part of extraParts) h.update(part);
  return h.digest('hex').slice(0, 16);
}
