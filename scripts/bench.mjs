#!/usr/bin/env node
// `npm run bench`: runs every scripts/bench-*.mjs in turn (each a separate process, so peak memory
// is its own) and prints their reports. Pass names to run some only: `npm run bench -- pipeline`.
// Figures go into BENCHMARKS.md by hand, with the machine and the command.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const only = process.argv.slice(2);
console.log(`machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`);
const scripts = readdirSync(join(root, 'scripts'))
  .filter((f) => /^bench-.+\.mjs$/.test(f))
  .filter((f) => !only.length || only.some((o) => f.includes(o)))
  .sort();
let failed = 0;
for (const s of scripts) {
  console.log(`\n== ${s}`);
  const r = spawnSync(process.execPath, ['--import', 'tsx', '--expose-gc', join('scripts', s)], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) { console.log(`${s} failed (exit ${r.status})`); failed++; }
}
process.exit(failed ? 1 : 0);
