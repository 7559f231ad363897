#!/usr/bin/env node
// Worker throughput against a local PostgreSQL server: the same corpus ingested through the job
// queue by 1, 2 and 4 worker processes (`--workers=1,2,4`, `--n=2000`), end to end (process start
// to exit) and steady (first job done to last). Starts its own throw-away
// server on 127.0.0.1 (PostgreSQL must be installed) unless PARALLAX_TEST_PG names one.
// Corpus: ../shared/eval/stories full texts (ecbplus, basil, mcms; `story` not read), else generated.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { fromRecord } from '../src/ingest/files.ts';
import { connectPostgres } from '../src/store/postgres.ts';
import { PgQueue } from '../src/queue/pg-queue.ts';

const root = new URL('..', import.meta.url).pathname;
const arg = (k, d) => process.argv.find((a) => a.startsWith(`--${k}=`))?.split('=')[1] ?? d;
const n = Number(arg('n', 2000));
const counts = arg('workers', '1,2,4').split(',').map(Number);

let server = process.env.PARALLAX_TEST_PG;
let dir = null;
if (!server) {
  if (!existsSync('/usr/lib/postgresql')) { console.log('no PostgreSQL installed and PARALLAX_TEST_PG not set: skipped'); process.exit(0); }
  dir = mkdtempSync(join(tmpdir(), 'parallax-bench-pg-'));
  server = execFileSync(join(root, 'scripts', 'pg-test-server.sh'), ['start', dir], { encoding: 'utf8', env: { ...process.env, PARALLAX_TEST_PG_PORT: '55999' } }).trim();
}

const storiesDir = join(root, '..', 'shared', 'eval', 'stories');
const records = [];
if (existsSync(storiesDir)) {
  for (const f of ['ecbplus-dev.jsonl', 'basil-dev.jsonl', 'mcms-dev.jsonl'])
    for (const line of readFileSync(join(storiesDir, f), 'utf8').split('\n').filter(Boolean)) { const { story, ...r } = JSON.parse(line); records.push(r); }
} else {
  for (let i = 0; i < 300; i++) records.push({ id: `g${i}`, source: `o${i % 7}`, published: '2025-01-01', text: `Report ${i} on the harbour board meeting about berth ${i % 40}. Members agreed to meet again.` });
}
const items = Array.from({ length: n }, (_, i) => { const r = records[i % records.length]; const k = Math.floor(i / records.length); return fromRecord({ ...r, id: k ? `${r.id}~${k}` : r.id }, `bench:${i}`, null); });

async function freshDb() {
  const name = `parallax_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: server });
  await admin.connect(); await admin.query(`CREATE DATABASE ${name}`); await admin.end();
  const u = new URL(server); u.pathname = `/${name}`; return u.toString();
}

console.log(`corpus: ${n} articles (${existsSync(storiesDir) ? '../shared/eval/stories' : 'generated'}); PostgreSQL on 127.0.0.1`);
for (const k of counts) {
  const url = await freshDb();
  const sql = await connectPostgres(url, 2);
  const queue = await PgQueue.open(sql);
  for (let i = 0; i < items.length; i += 500) await queue.enqueue(items.slice(i, i + 500).map((item) => ({ kind: 'ingest', payload: { item } })));
  const t0 = performance.now();
  const procs = Array.from({ length: k }, () => new Promise((resolve, reject) => {
    const c = spawn(process.execPath, [join(root, 'bin', 'parallax'), 'worker', '--db', url, '--exit-when-idle', '--quiet'], { stdio: 'inherit' });
    c.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`worker exit ${code}`))));
  }));
  await Promise.all(procs);
  const ms = performance.now() - t0;
  const [{ grp }] = await sql.query(`SELECT count(*) FILTER (WHERE kind = 'group') AS grp FROM parallax_jobs`);
  // Steady rate: from the first job done to the last (grouping included), leaving out the
  // processes' start (loading code and models) and their exit once the queue is empty.
  const [{ span }] = await sql.query(`SELECT extract(epoch FROM max(updated_at) - min(updated_at)) AS span FROM parallax_jobs WHERE state = 'done'`);
  console.log(`${k} worker${k > 1 ? 's' : ' '}  ${(ms / 1000).toFixed(1).padStart(6)} s  ${(n / (ms / 1000)).toFixed(0).padStart(6)} articles/s end to end; steady ${((n - 1) / Number(span)).toFixed(0).padStart(4)} articles/s  (${grp} group steps)`);
  await sql.close();
}
if (dir) execFileSync(join(root, 'scripts', 'pg-test-server.sh'), ['stop', dir]);
