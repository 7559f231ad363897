#!/usr/bin/env node
// Whole-process time of short commands, from `node` start to exit, as a user runs them: the
// compiled CLI (bin/parallax runs dist/ when it is newer than src/). Three timed runs each, as
// fresh processes, after one untimed run (the files in the OS cache), of
//   parallax analyse corpus/sample > /dev/null    (the five-article sample)
//   parallax extract PAGE                         (a fixture page; the first argument replaces it)
//   node scripts/readability-once.mjs PAGE        (@mozilla/readability on linkedom, one shot)
// and prints min and median of each (wall clock, and CPU time where /proc tells it) and the ratio
// Readability / extract of the wall-clock medians (above 1: extract is faster). Bars: analyse ≤
// 300 ms, extract ≤ 150 ms and faster than Readability.
// The build: dist/ when it is present and newer than every file in src/ (it says so); otherwise
// the repository is copied to a temporary folder (node_modules linked) and built there with tsc,
// so that the working tree's dist/ is never touched.
// Usage: node scripts/bench-start.mjs [PAGE.html]
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, relative, resolve } from 'node:path';

const repo = new URL('..', import.meta.url).pathname.replace(/\/$/, '');
const page = resolve(process.argv[2] ?? join(repo, 'test', 'fixtures', 'html', 'lead-apart.html'));
const RUNS = 3;

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

// The same test bin/parallax makes: dist/cli/main.js newer than everything under src/.
const builtEntry = join(repo, 'dist', 'cli', 'main.js');
let root = repo;
let scratch = null;
if (existsSync(builtEntry) && newestMtime(join(repo, 'src')) <= statSync(builtEntry).mtimeMs) {
  console.log(`build: dist/ of the working tree (${repo}/dist, up to date with src/)`);
} else {
  scratch = mkdtempSync(join(tmpdir(), 'parallax-bench-start-'));
  const skip = new Set(['node_modules', '.git', 'dist', 'test-results']);
  cpSync(repo, scratch, {
    recursive: true,
    filter: (src) => {
      const rel = relative(repo, src);
      return !rel || !(skip.has(rel.split('/')[0]) || /\.db(?:-wal|-shm)?$/.test(rel));
    },
  });
  symlinkSync(join(repo, 'node_modules'), join(scratch, 'node_modules'), 'dir');
  const t0 = performance.now();
  const tsc = spawnSync(process.execPath, [join(repo, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.json'], { cwd: scratch, encoding: 'utf8' });
  if (tsc.status !== 0) {
    console.log(`build failed in ${scratch}:\n${tsc.stdout}${tsc.stderr}`);
    rmSync(scratch, { recursive: true, force: true });
    process.exit(1);
  }
  root = scratch;
  console.log(`build: dist/ ${existsSync(join(repo, 'dist')) ? 'is older than src/' : 'is absent'}; built a copy in ${scratch} (tsc, ${((performance.now() - t0) / 1000).toFixed(1)} s)`);
}

/**
 * CPU ms (user + system) of the children that ended so far, from /proc/self/stat (Linux; clock
 * ticks of 10 ms), or null elsewhere. On a shared machine a process's CPU time moves less with
 * the load of others than its wall-clock time does.
 */
function childCpuMs() {
  try {
    const fields = readFileSync('/proc/self/stat', 'utf8').replace(/^.*\) /, '').split(' ');
    return (Number(fields[13]) + Number(fields[14])) * 10;
  } catch {
    return null;
  }
}

/** Wall-clock ms of one fresh process, stdout discarded; exits on a failure. Its CPU ms go to `cpu`. */
function run(args, cpu = []) {
  const c0 = childCpuMs();
  const t0 = performance.now();
  const r = spawnSync(process.execPath, args, { cwd: root, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  const ms = performance.now() - t0;
  const c1 = childCpuMs();
  if (c0 !== null && c1 !== null) cpu.push(c1 - c0);
  if (r.status !== 0) {
    // A signal or a spawn error (a child killed, stderr past its buffer) says more than `exit null`.
    console.log(`failed (exit ${r.status}${r.signal ? `, signal ${r.signal}` : ''}${r.error ? `, ${r.error.message}` : ''}): node ${args.join(' ')}\n${r.stderr}`);
    if (scratch) rmSync(scratch, { recursive: true, force: true });
    process.exit(1);
  }
  return ms;
}

const commands = [
  { name: 'analyse', label: 'parallax analyse corpus/sample', args: [join(root, 'bin', 'parallax'), 'analyse', join(root, 'corpus', 'sample')], bar: 300 },
  { name: 'extract', label: `parallax extract ${basename(page)}`, args: [join(root, 'bin', 'parallax'), 'extract', page], bar: 150 },
  { name: 'readability', label: `readability-once ${basename(page)}`, args: [join(root, 'scripts', 'readability-once.mjs'), page] },
];
const baseline = [];
for (const c of commands) run(c.args);
for (let i = 0; i < RUNS; i++) baseline.push(run(['-e', '0']));
// Round-robin, so that a burst of load from other processes falls on every command alike.
for (const c of commands) { c.times = []; c.cpu = []; }
for (let i = 0; i < RUNS; i++) for (const c of commands) c.times.push(run(c.args, c.cpu));
if (scratch) rmSync(scratch, { recursive: true, force: true });

const stats = (xs) => { const s = [...xs].sort((a, b) => a - b); return { min: s[0], median: s[Math.floor(s.length / 2)] }; };
const fmt = (x) => `${x.toFixed(0).padStart(5)} ms`;
const b = stats(baseline);
console.log(`${'node itself (node -e 0)'.padEnd(40)} wall min ${fmt(b.min)}, median ${fmt(b.median)}`);
for (const c of commands) {
  const s = (c.stats = stats(c.times));
  const bar = c.bar ? `  (bar ≤ ${c.bar} ms: ${s.median <= c.bar ? 'met' : 'not met'})` : '';
  const cpu = c.cpu.length === c.times.length ? `; CPU min ${fmt(stats(c.cpu).min)}, median ${fmt(stats(c.cpu).median)}` : '';
  console.log(`${c.label.padEnd(40)} wall min ${fmt(s.min)}, median ${fmt(s.median)}${cpu}${bar}`);
}
const [analyse, extract, readability] = commands;
const ratio = readability.stats.median / extract.stats.median;
console.log(`readability / extract (medians): ${ratio.toFixed(2)}× (${ratio > 1 ? 'extract is faster' : 'extract is slower'})`);
console.log(`start_analyse_ms\t${analyse.stats.median.toFixed(0)}`);
console.log(`start_extract_ms\t${extract.stats.median.toFixed(0)}`);
console.log(`start_readability_ms\t${readability.stats.median.toFixed(0)}`);
console.log(`start_readability_over_extract\t${ratio.toFixed(2)}`);
