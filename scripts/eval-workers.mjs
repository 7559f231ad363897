#!/usr/bin/env node
// Grouping with concurrent workers on PostgreSQL: the ECB+ dev articles (../shared/eval/stories,
// `story` not read) ingested through the job queue by 1 worker and by 4 workers at once, each
// grouping scored with cluster-score.mjs, and the two groupings compared: as the workers left them
// (grouped in incremental steps whose bounds depend on timing, so 4 workers may end with slightly
// other stories than 1), and after `regroup` (from scratch, in publication order: the same
// stories whatever the workers did). Needs PostgreSQL installed (a throw-away server is started
// on 127.0.0.1) or PARALLAX_TEST_PG.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { requireShared, root, score, tmpFile } from './lib-eval.mjs';
import { fromRecord } from '../src/ingest/files.ts';
import { connectPostgres, openPostgresStore } from '../src/store/postgres.ts';
import { PgQueue } from '../src/queue/pg-queue.ts';
import { regroup } from '../src/pipeline/index.ts';

const gold = requireShared('eval', 'stories', 'ecbplus-dev.jsonl');
let server = process.env.PARALLAX_TEST_PG;
let dir = null;
if (!server) {
  if (!existsSync('/usr/lib/postgresql')) { console.log('no PostgreSQL installed and PARALLAX_TEST_PG not set: skipped'); process.exit(0); }
  dir = mkdtempSync(join(tmpdir(), 'parallax-eval-pg-'));
  server = execFileSync(join(root, 'scripts', 'pg-test-server.sh'), ['start', dir], { encoding: 'utf8', env: { ...process.env, PARALLAX_TEST_PG_PORT: '55998' } }).trim();
}
const items = readFileSync(gold, 'utf8').split('\n').filter(Boolean).map((l, i) => { const { story, ...r } = JSON.parse(l); return fromRecord(r, `ecbplus:${i}`, null); });

async function run(workers) {
  const name = `parallax_eval_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: server });
  await admin.connect(); await admin.query(`CREATE DATABASE ${name}`); await admin.end();
  const u = new URL(server); u.pathname = `/${name}`;
  const url = u.toString();
  const sql = await connectPostgres(url, 2);
  const queue = await PgQueue.open(sql);
  for (let i = 0; i < items.length; i += 500) await queue.enqueue(items.slice(i, i + 500).map((item) => ({ kind: 'ingest', payload: { item } })));
  await sql.close();
  await Promise.all(Array.from({ length: workers }, () => new Promise((resolve, reject) => {
    const c = spawn(process.execPath, [join(root, 'bin', 'parallax'), 'worker', '--db', url, '--exit-when-idle', '--quiet'], { stdio: 'inherit' });
    c.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`worker exit ${code}`))));
  })));
  const store = await openPostgresStore(url);
  const read = async () => {
    const lines = [];
    for (const a of await store.listArticles()) lines.push(JSON.stringify({ id: a.id, story: await store.storyOf(a.id) }));
    return lines.sort();
  };
  const grouped = await read();
  await regroup(store);
  const regrouped = await read();
  await store.close();
  return { grouped, regrouped };
}

try {
  const one = await run(1);
  const four = await run(4);
  for (const [k, r] of [['1', one], ['4', four]]) {
    for (const [when, lines] of [['', r.grouped], ['_regrouped', r.regrouped]]) {
      const out = score('cluster-score.mjs', [gold, tmpFile('pred.jsonl', lines.join('\n'))]);
      console.log(`workers_${k}_ecbplus_bcubed_f1${when}\t${/bcubed: .*F1 ([\d.]+)/.exec(out)?.[1]}`);
    }
  }
  // Story ids may differ; the partition must not.
  const partition = (lines) => { const g = new Map(); for (const l of lines) { const { id, story } = JSON.parse(l); g.set(story, [...(g.get(story) ?? []), id]); } return [...g.values()].map((x) => x.sort().join(',')).sort().join('|'); };
  console.log(`workers_1_vs_4_same_stories_as_grouped\t${partition(one.grouped) === partition(four.grouped)}`);
  console.log(`workers_1_vs_4_same_stories\t${partition(one.regrouped) === partition(four.regrouped)}`);
} finally {
  if (dir) execFileSync(join(root, 'scripts', 'pg-test-server.sh'), ['stop', dir]);
}
