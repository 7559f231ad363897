#!/usr/bin/env node
// Crashes at any moment, at full size (run under `node --import tsx`, as `npm run bench -- faults`
// does): a real `parallax ingest` of --articles invented articles (default 3,000, one text file
// each) and one of a WARC.gz of --records records (default 250), each killed with SIGKILL --kills
// times (default 20) at seeded random moments between its first commit and a little past its end
// (timed on this machine first), each kill followed by a re-run that the next kill may stop in turn;
// then a last run. After every kill the store must pass `PRAGMA integrity_check`; at the end every
// article must be stored once and be in a story. `npm test` runs a smaller version
// (test/faults/kill-at-scale.test.ts). No evaluation data is used.
//
//   node --import tsx scripts/bench-faults.mjs [--articles=3000] [--records=250] [--kills=20] [--seed=18]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { finish, inspect, killLoop, timeRun, writeArticles, writeWarc } from '../test/faults/kill-loop.ts';

const arg = (k, d) => Number(process.argv.find((a) => a.startsWith(`--${k}=`))?.split('=')[1] ?? d);
const articles = arg('articles', 3000);
const records = arg('records', 250);
const kills = arg('kills', 20);
const seed = arg('seed', 18);

const work = mkdtempSync(join(tmpdir(), 'parallax-bench-faults-'));
let failed = 0;

/** Where a kill fell, as the store shows it afterwards. */
function stage(run, total) {
  if (run.finished) return 'ended first';
  if (run.articles === 0) return 'before the first commit';
  if (run.articles < total) return 'while storing';
  if (run.ungrouped > 0) return 'stored, not yet grouped';
  return 'after grouping';
}

async function scenario(name, inputs, total, urls) {
  const db = join(work, `${name}.db`);
  const times = await timeRun(inputs, join(work, `${name}-timing.db`));
  const t0 = performance.now();
  const runs = await killLoop({ inputs, db, kills, seed, times });
  const last = finish(db, inputs);
  const elapsed = (performance.now() - t0) / 1000;
  const end = inspect(db);
  const stages = new Map();
  for (const r of runs) stages.set(stage(r, total), (stages.get(stage(r, total)) ?? 0) + 1);
  const killed = runs.filter((r) => !r.finished).length;
  const ok = last.status === 0 && end.integrity === 'ok' && end.articles === total && end.distinctIds === total && end.ungrouped === 0 && (!urls || end.distinctUrls === total) && killed === kills;
  if (!ok) failed++;
  console.log(`${name}: a whole run ${(times.wholeMs / 1000).toFixed(1)} s (first commit at ${(times.firstCommitMs / 1000).toFixed(1)} s); ${killed} kills in ${runs.length} runs, then a last run, ${elapsed.toFixed(0)} s in all`);
  console.log(`  kills fell: ${[...stages].map(([s, n]) => `${s} ${n}`).join(', ')}`);
  console.log(`  integrity_check after every kill: ok; at the end: ${end.integrity}, ${end.articles} articles of ${total} (${end.distinctIds} distinct ids${urls ? `, ${end.distinctUrls} distinct URLs` : ''}), ${end.ungrouped} without a story, last run exit ${last.status}: ${ok ? 'held' : 'FAILED'}`);
  console.log(`METRIC\tfaults_${name}_kills\t${killed}`);
  console.log(`METRIC\tfaults_${name}_stored_once_grouped\t${ok ? 1 : 0}`);
}

try {
  const docs = join(work, 'docs');
  writeArticles(docs, articles);
  await scenario('files', [docs], articles, false);
  const warc = join(work, 'news.warc.gz');
  const pages = await writeWarc(warc, records);
  await scenario('warc', [warc], pages, true);
} finally {
  rmSync(work, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
