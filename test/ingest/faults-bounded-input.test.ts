// Inputs too large to hold, fed to the real CLI in a child process: standard input past the limit,
// a gzip bomb, a gzipped file of records that inflates past the limit, and a large file of
// records. Each is refused (naming the input and the limit) or read record by record; the
// child's peak memory is measured in the child itself (getrusage at exit) and held to what one
// record costs, not the file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createGzip, gzipSync } from 'node:zlib';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import Database from 'better-sqlite3';
import { MAX_INPUT_BYTES } from '../../src/ingest/stdin.js';

const here = '[ingest/faults-bounded-input] ';
const bin = new URL('../../bin/parallax', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'parallax-bounded-'));
const MiB = 2 ** 20;

// Written into the child before the CLI loads: its peak resident memory, at exit, into a file.
const probe = join(dir, 'peak-rss.mjs');
writeFileSync(probe, "import { writeFileSync } from 'node:fs';\nprocess.on('exit', () => writeFileSync(process.env.PEAK_RSS_FILE, String(process.resourceUsage().maxRSS * 1024)));\n");

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
  /** Peak resident memory of the child, in bytes. */
  peak: number;
}

let runs = 0;
/** Runs the CLI in a child process; `stdin` (if given) is written to it as fast as it reads. */
async function run(args: string[], stdin?: () => AsyncIterable<Buffer>): Promise<Run> {
  const peakFile = join(dir, `peak-${++runs}`);
  const child = spawn(process.execPath, ['--import', pathToFileURL(probe).href, bin, ...args], {
    env: { ...process.env, PEAK_RSS_FILE: peakFile },
    stdio: [stdin ? 'pipe' : 'ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (c) => (stdout += c));
  child.stderr!.on('data', (c) => (stderr += c));
  if (stdin) {
    // The child stops reading at the limit and closes its end: the rest is not wanted.
    child.stdin!.on('error', () => {});
    void pipeline(Readable.from(stdin()), child.stdin!).catch(() => {});
  }
  const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve) => child.on('close', (c, sig) => resolve([c, sig])));
  // A child that leaves no peak file did not reach its exit handler: say how it ended.
  if (!existsSync(peakFile)) throw new Error(`parallax ${args.join(' ')} left no peak memory: exit ${code}, signal ${signal}; stderr: ${stderr.slice(-2000)}`);
  return { code, stdout, stderr, peak: Number(readFileSync(peakFile, 'utf8')) };
}

function count(db: string, where = '1'): number {
  const conn = new Database(db, { readonly: true });
  try {
    return (conn.prepare(`SELECT count(*) AS n FROM articles WHERE ${where}`).get() as { n: number }).n;
  } finally {
    conn.close();
  }
}

const harbour = (i: number) => ({
  id: `harbour-${i}`,
  source: 'Coast Courier',
  title: `Harbour crane ${i} repaired`,
  published: '2025-02-03',
  text: `Engineers finished repairs on crane ${i} at the east harbour on Monday, the port office said.\n\nThe crane had stood idle for three weeks after a cable snapped during a storm, and ships waited at anchor.\n\nThe office said crane ${i} would work two shifts a day until the queue of ships had cleared.`,
});

test(here + '200 MB on standard input is refused at the limit, naming stdin and the limit; nothing of it is stored; the other inputs are', { timeout: 180_000 }, async (t) => {
  const good = join(dir, 'good.jsonl');
  writeFileSync(good, [harbour(1), harbour(2)].map((r) => JSON.stringify(r)).join('\n') + '\n');
  const db = join(dir, 'stdin.db');
  // Records, one a line, as a file of records would hold them: 200 MB in all.
  const line = Buffer.from(JSON.stringify({ ...harbour(0), id: 'stdin-record' }) + '\n');
  const chunk = Buffer.concat(Array.from({ length: Math.ceil(MiB / line.length) }, () => line));
  const r = await run(['ingest', '--db', db, '--no-progress', good, '-'], async function* () {
    for (let sent = 0; sent < 200 * MiB; sent += chunk.length) yield chunk;
  });
  assert.notEqual(r.code, 0, r.stderr);
  const said = r.stderr.split('\n').find((l) => l.includes('stdin'));
  assert.ok(said, r.stderr);
  assert.match(said, /^parallax: stdin: too large: more than \d+ bytes; the limit of one input is 67108864 bytes \(64 MiB\)/);
  assert.doesNotMatch(r.stderr, /RangeError|at .*\.ts:\d+/);
  assert.match(r.stdout, /ingested 2, updated 0, unchanged 0, failed 1/);
  assert.equal(count(db), 2);
  assert.equal(count(db, "id = 'stdin-record'"), 0, 'nothing of the refused input is stored');
  t.diagnostic(`peak ${Math.round(r.peak / MiB)} MiB`);
  // Held to the limit, not to what was sent: at most a few copies of the 64 MiB read.
  assert.ok(r.peak < 512 * MiB, `peak ${Math.round(r.peak / MiB)} MiB`);
});

test(here + 'a gzip bomb (1 GB of zeros) is refused as soon as its output passes the limit, naming the file and the limit, in flat memory', { timeout: 180_000 }, async (t) => {
  const bomb = join(dir, 'zeros.txt.gz');
  const zeros = Buffer.alloc(4 * MiB);
  await pipeline(Readable.from((function* () { for (let i = 0; i < 256; i++) yield zeros; })()), createGzip({ level: 1 }), createWriteStream(bomb));
  const small = join(dir, 'small.txt');
  writeFileSync(small, harbour(3).text);
  const db = join(dir, 'bomb.db');
  const base = await run(['ingest', '--db', join(dir, 'base.db'), '--no-progress', small]);
  assert.equal(base.code, 0, base.stderr);
  const r = await run(['ingest', '--db', db, '--no-progress', small, bomb]);
  assert.equal(r.code, 1, r.stderr);
  assert.ok(r.stderr.includes(`parallax: ${bomb}: too large: more than ${MAX_INPUT_BYTES} bytes once decompressed; the limit of one input is ${MAX_INPUT_BYTES} bytes`), r.stderr);
  assert.match(r.stdout, /ingested 1,/);
  t.diagnostic(`peak ${Math.round(r.peak / MiB)} MiB; ${Math.round(base.peak / MiB)} MiB without the bomb`);
  // Stopped at the limit without holding its output: less than the limit above a run without it.
  assert.ok(r.peak - base.peak < MAX_INPUT_BYTES, `peak ${Math.round(r.peak / MiB)} MiB against ${Math.round(base.peak / MiB)} MiB without the bomb`);
});

test(here + 'a gzipped file of records that inflates past the limit stores none of its records', { timeout: 180_000 }, async () => {
  const lines = Array.from({ length: 40 }, (_, i) => JSON.stringify(harbour(100 + i))).join('\n') + '\n';
  // Valid records up to the limit and past it: refused whole, not cut at the limit.
  const times = Math.ceil((MAX_INPUT_BYTES + MiB) / lines.length);
  const file = join(dir, 'many.jsonl.gz');
  await pipeline(Readable.from((function* () { for (let i = 0; i < times; i++) yield Buffer.from(lines); })()), createGzip({ level: 1 }), createWriteStream(file));
  const db = join(dir, 'many.db');
  const small = join(dir, 'one.jsonl.gz');
  writeFileSync(small, gzipSync(JSON.stringify(harbour(7)) + '\n'));
  const r = await run(['ingest', '--db', db, '--no-progress', small, file]);
  assert.equal(r.code, 1, r.stderr);
  assert.ok(r.stderr.includes(`parallax: ${file}: too large: more than ${MAX_INPUT_BYTES} bytes once decompressed`), r.stderr);
  assert.equal(count(db), 1, 'only the small file\'s record');
  assert.equal(count(db, "id = 'harbour-7'"), 1);
});

test(here + 'a 60 MB file of records is read record by record: its peak memory is that of a small file plus what a record costs', { timeout: 300_000 }, async (t) => {
  // A few articles among 60 MB of records that are not articles (no text): reading costs what
  // the file's size makes it cost, extraction next to nothing, so the reading is what is measured.
  const note = (i: number) => `Minutes of meeting ${i}. ` + 'The board heard reports on the berths, the cranes and the tides. '.repeat(1500);
  const record = (i: number) => JSON.stringify({ id: `minutes-${i}`, source: 'Port Board', title: `Minutes ${i}`, note: note(i) });
  const largest = Buffer.byteLength(record(9999)) + 1;
  const articles = [harbour(1), harbour(2), harbour(3)].map((r) => JSON.stringify(r));
  const small = join(dir, 'small.jsonl');
  writeFileSync(small, [...articles, record(0)].join('\n') + '\n');
  const big = join(dir, 'big.jsonl');
  const out = createWriteStream(big);
  let size = 0;
  let kept = 0;
  for (let i = 0; size < 60 * MiB; i++) {
    if (i % 200 === 0) kept++;
    const l = (i % 200 === 0 ? articles[(i / 200) % 3].replace('"harbour-', `"harbour-${i}-`) : record(i)) + '\n';
    size += l.length;
    if (!out.write(l)) await new Promise<void>((r) => out.once('drain', () => r()));
  }
  await new Promise<void>((r) => out.end(() => r()));
  const base = await run(['ingest', '--db', join(dir, 'small.db'), '--no-progress', small]);
  assert.match(base.stdout, /ingested 3,/, base.stderr);
  const r = await run(['ingest', '--db', join(dir, 'big.db'), '--no-progress', big]);
  assert.match(r.stdout, /ingested \d+, updated 0, unchanged 0, failed \d+/, r.stderr);
  assert.equal(count(join(dir, 'big.db')), kept, 'every article among the records is stored');
  assert.match(r.stderr, /big\.jsonl:2: record has neither "text" nor "html"/, 'each record is reported by its line');
  // Whole-file reading holds the file several times over (bytes, text, lines, records); record
  // by record holds one record, and garbage the collector has not yet taken back.
  const grew = r.peak - base.peak;
  t.diagnostic(`peak ${Math.round(r.peak / MiB)} MiB; ${Math.round(base.peak / MiB)} MiB for a small file; the largest record ${Math.round(largest / 1024)} KB`);
  assert.ok(grew < 20 * largest + 32 * MiB, `peak ${Math.round(r.peak / MiB)} MiB against ${Math.round(base.peak / MiB)} MiB for a small file (the largest record ${Math.round(largest / 1024)} KB)`);
  assert.ok(r.peak < 512 * MiB + 20 * largest, `peak ${Math.round(r.peak / MiB)} MiB`);
});
