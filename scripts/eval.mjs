#!/usr/bin/env node
// `npm run eval`: runs every evaluation the project supports against ../shared and prints the
// figures in one table. Each scripts/eval-*.mjs prints `METRIC<TAB>VALUE` lines; this collects them.
// Pass names to run some only: `npm run eval -- aeb cluster` (`web` runs eval-web.mjs, the broad extraction set).
// Sections are the scripts' names: aeb, cluster, language (language identification on the
// multilingual set), ner, quotes, stories, web, workers…; each skips with a note when its data is absent.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const shared = join(root, '..', 'shared');
if (!existsSync(shared)) {
  console.log(`no ../shared beside the repository (${shared}): the evaluations need its data; nothing to run`);
  process.exit(0);
}
const only = process.argv.slice(2);
const scripts = readdirSync(join(root, 'scripts'))
  .filter((f) => /^eval-.+\.mjs$/.test(f))
  .filter((f) => !only.length || only.some((o) => f.includes(o)))
  .sort();
const rows = [];
for (const s of scripts) {
  const started = Date.now();
  process.stderr.write(`running ${s}…\n`);
  const r = spawnSync(process.execPath, ['--import', 'tsx', join('scripts', s)], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 28 });
  const secs = ((Date.now() - started) / 1000).toFixed(1);
  const metrics = (r.stdout || '').split('\n').map((l) => l.split('\t')).filter((p) => p.length === 2 && /^[\w.:-]+$/.test(p[0]));
  if (r.status !== 0) rows.push([s, 'FAILED', `exit ${r.status}: ${(r.stderr || '').trim().split('\n').slice(-1)[0] ?? ''}`, secs]);
  else if (!metrics.length) rows.push([s, '-', 'no figures printed', secs]);
  for (const [k, v] of metrics) rows.push([s, k, v, secs]);
}
const w = [0, 1, 2].map((i) => Math.max(...rows.map((r) => String(r[i]).length), 8));
console.log(`\n${'evaluation'.padEnd(w[0])}  ${'metric'.padEnd(w[1])}  ${'value'.padEnd(w[2])}  seconds`);
for (const r of rows) console.log(`${r[0].padEnd(w[0])}  ${r[1].padEnd(w[1])}  ${String(r[2]).padEnd(w[2])}  ${r[3]}`);
