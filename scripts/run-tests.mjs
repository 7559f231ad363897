#!/usr/bin/env node
// `npm test`: type-check src (tsconfig.json) and then the tests (test/tsconfig.json), then run every
// test/**/*.test.ts with node's own test runner.
// Arguments narrow the run: `npm test -- test/store` runs the files under that path only, unchecked.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const args = process.argv.slice(2);
function find(dir) {
  const out = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) { if (e.name !== 'fixtures') out.push(...find(p)); }
    else if (e.name.endsWith('.test.ts')) out.push(p);
  }
  return out;
}
const roots = args.length ? args.map((a) => join(root, a)) : [join(root, 'test')];
const files = roots.flatMap((r) => (statSync(r).isDirectory() ? find(r) : [r])).sort().map((f) => relative(root, f));
if (!files.length) { console.error('no test files found'); process.exit(1); }

if (!args.length) {
  // src first (as the build sees it), then the tests with the src they import.
  const checks = [
    ['src', 'tsconfig.json'],
    ['tests', 'test/tsconfig.json'],
  ];
  for (const [what, config] of checks) {
    const tsc = spawnSync('npx', ['tsc', '-p', config, '--noEmit'], { cwd: root, stdio: 'inherit' });
    if (tsc.status !== 0) {
      console.error(`type check of the ${what} failed (tsc -p ${config}): fix the errors above; no tests were run`);
      process.exit(tsc.status || 1);
    }
  }
}
const run = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=2', ...files], { cwd: root, stdio: 'inherit' });
process.exit(run.status ?? 1);
