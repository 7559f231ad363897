// Shared by the eval scripts: where ../shared is, and running the CLI and a scorer on files.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const root = new URL('..', import.meta.url).pathname;
export const shared = join(root, '..', 'shared');

/** Exits with a note (status 0) when ../shared or one of its files is missing. */
export function requireShared(...parts) {
  const p = join(shared, ...parts);
  if (!existsSync(p)) { console.log(`no ${p}: skipped`); process.exit(0); }
  return p;
}

export function cli(args) {
  const r = spawnSync(process.execPath, [join(root, 'bin', 'parallax'), ...args], { encoding: 'utf8', maxBuffer: 1 << 30 });
  if (r.status !== 0) throw new Error(`parallax ${args.join(' ')} failed: ${r.stderr}`);
  return r.stdout;
}

export function tmpFile(name, content) {
  const f = join(mkdtempSync(join(tmpdir(), 'parallax-eval-')), name);
  writeFileSync(f, content);
  return f;
}

export function score(tool, args) {
  const r = spawnSync(process.execPath, [join(shared, 'tools', tool), ...args], { encoding: 'utf8', maxBuffer: 1 << 28 });
  if (r.status !== 0) throw new Error(`${tool} failed: ${r.stderr}`);
  process.stderr.write(r.stdout);
  return r.stdout;
}
