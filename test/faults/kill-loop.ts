/**
 * Kills a real `parallax ingest` with SIGKILL at random moments, again and again, each kill
 * followed by a re-run (which the next kill may stop in its turn), then lets a last run finish and
 * checks the store: integrity after every kill, and at the end every input stored once and in a
 * story. Used by the fault tests (a smaller run) and by `npm run bench -- faults` (the full one).
 * The moments come from a seeded generator, so a failure can be replayed.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import Database from 'better-sqlite3';

export const bin = new URL('../../bin/parallax', import.meta.url).pathname;

/** A small seeded generator (mulberry32): the same seed, the same kill moments. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ONSETS = ['b', 'd', 'f', 'g', 'k', 'l', 'm', 'n', 'p', 'r', 's', 't', 'v', 'z', 'br', 'dr', 'kl', 'st', 'tr'];
const VOWELS = ['a', 'e', 'i', 'o', 'u', 'ai', 'ou'];
const CODAS = ['', 'n', 'r', 'l', 'sk', 'th', 'm', 'nd'];

/** An invented name, the same for the same number: stories told of different things share no names. */
export function inventedName(n: number): string {
  const random = seeded(n * 7919 + 17);
  const pick = <T>(xs: T[]) => xs[Math.floor(random() * xs.length)];
  const word = pick(ONSETS) + pick(VOWELS) + pick(ONSETS) + pick(VOWELS) + pick(CODAS);
  return word[0].toUpperCase() + word.slice(1);
}

const PLACES = ['harbour', 'station', 'bridge', 'market', 'school', 'library', 'clinic', 'stadium', 'museum', 'depot'];

/** An invented article: stories of five articles each (one place in one invented town, with an invented official), told by several outlets. */
export function article(i: number): { title: string; text: string; source: string } {
  const story = Math.floor(i / 5);
  const place = PLACES[story % PLACES.length];
  const town = inventedName(3 * story);
  const official = `${inventedName(3 * story + 1)} ${inventedName(3 * story + 2)}`;
  const weeks = 2 + (story % 9);
  return {
    title: `${town} ${place} reopens after ${weeks} weeks of repairs`,
    text:
      `The ${place} of ${town} reopened on Monday after repairs that took ${weeks} weeks, the ${town} council said.\n\n` +
      `Council member ${official} said the ${town} ${place} would keep its usual hours, and thanked residents for their patience (report ${i}).\n\n` +
      `Work on the roof of the ${place} in ${town} is planned for the spring, ${official} added.`,
    source: `Outlet ${i % 7}`,
  };
}

/** Writes `n` articles as text files into `dir`. */
export function writeArticles(dir: string, n: number): void {
  mkdirSync(dir, { recursive: true });
  for (let i = 0; i < n; i++) {
    const a = article(i);
    writeFileSync(join(dir, `a${String(i).padStart(5, '0')}.txt`), `${a.title}\n${a.text}\n`);
  }
}

/**
 * Writes a WARC.gz of `records` records (one gzip member each): about four in five HTML responses
 * (each an article), the rest images and request records, which are skipped. Returns the number
 * of HTML pages, each of which must end as one article.
 */
export async function writeWarc(file: string, records: number): Promise<number> {
  const out = createWriteStream(file);
  let pages = 0;
  for (let i = 0; i < records; i++) {
    let type = 'response';
    let block: Buffer;
    if (i % 5 === 4) {
      block = i % 10 === 4
        ? Buffer.concat([Buffer.from('HTTP/1.1 200 OK\r\nContent-Type: image/jpeg\r\n\r\n'), Buffer.alloc(3000, 0xd8)])
        : Buffer.from(`GET /article-${i} HTTP/1.1\r\nHost: news${i % 6}.example\r\n\r\n`);
      if (i % 10 !== 4) type = 'request';
    } else {
      const a = article(pages);
      const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${a.title} | ${a.source}</title></head><body><nav><a href="/">Home</a></nav><article><h1>${a.title}</h1>${a.text.split('\n\n').map((p) => `<p>${p}</p>`).join('')}</article><footer>All rights reserved</footer></body></html>`;
      block = Buffer.concat([Buffer.from('HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n'), Buffer.from(html)]);
      pages++;
    }
    const contentType = type === 'request' ? 'application/http; msgtype=request' : 'application/http; msgtype=response';
    const head = Buffer.from(`WARC/1.0\r\nWARC-Type: ${type}\r\nWARC-Target-URI: https://news${i % 6}.example/2025/article-${i}\r\nWARC-Date: 2025-03-14T10:00:00Z\r\nWARC-Record-ID: <urn:uuid:kill-${i}>\r\nContent-Type: ${contentType}\r\nContent-Length: ${block.length}\r\n\r\n`);
    if (!out.write(gzipSync(Buffer.concat([head, block, Buffer.from('\r\n\r\n')])))) await new Promise<void>((r) => out.once('drain', () => r()));
  }
  await new Promise<void>((r) => out.end(() => r()));
  return pages;
}

export interface KillLoopOptions {
  /** The ingest's arguments after `ingest` (its inputs); `--db` and `--no-progress` are added. */
  inputs: string[];
  db: string;
  seed: number;
  /** Kills wanted (runs that end before their moment are not counted). */
  kills: number;
  /**
   * How long a run takes (see {@link timeRun}). The first third of the kills fall just after a
   * commit of the run (up to 250 ms after it); the others at a moment drawn from a little before
   * the first commit (start-up is most of a small run, and a kill there tests little) to a little
   * past the end. A run that ends before its moment is timed, and its time is the end the next
   * moments are drawn against: a re-run has less to do, and machines speed up and slow down.
   */
  times: RunTimes;
  /** Called after each kill (for a bench's log). */
  onKill?: (k: KilledRun) => void;
}

export interface KilledRun {
  /** Milliseconds the run was let go before SIGKILL. */
  wait: number;
  /** True when the run ended by itself before the kill (nothing left to do). */
  finished: boolean;
  /** Articles in the store after the kill. */
  articles: number;
  /** Of them, awaiting grouping. */
  ungrouped: number;
  /** `PRAGMA integrity_check` after the kill. */
  integrity: string;
}

/** What a run has committed so far, cheaply (articles stored, and grouped), to tell when it commits. */
function progress(db: string): string {
  if (!existsSync(db)) return '0/0';
  try {
    const conn = new Database(db, { readonly: true, fileMustExist: true });
    try {
      const r = conn.prepare('SELECT count(*) AS n, count(grouped) AS g FROM articles').get() as { n: number; g: number };
      return `${r.n}/${r.g}`;
    } finally {
      conn.close();
    }
  } catch {
    return '0/0'; // no schema yet, or the file is being made
  }
}

/** Articles, the ungrouped ones, and the integrity check of a store (as a second process sees it). */
export function inspect(db: string): { articles: number; ungrouped: number; integrity: string; distinctUrls: number; distinctIds: number } {
  if (!existsSync(db)) return { articles: 0, ungrouped: 0, integrity: 'ok', distinctUrls: 0, distinctIds: 0 };
  const conn = new Database(db, { readonly: true });
  try {
    const integrity = String(conn.pragma('integrity_check', { simple: true }));
    let counts = { articles: 0, ungrouped: 0, distinctUrls: 0, distinctIds: 0 };
    try {
      counts = conn
        .prepare('SELECT count(*) AS articles, count(DISTINCT id) AS distinctIds, count(DISTINCT url) AS distinctUrls, sum(CASE WHEN story IS NULL OR grouped IS NULL THEN 1 ELSE 0 END) AS ungrouped FROM articles')
        .get() as typeof counts;
    } catch {
      /* the schema is not there yet: killed before it was made */
    }
    return { ...counts, ungrouped: counts.ungrouped ?? 0, integrity };
  } finally {
    conn.close();
  }
}

/** How long a run takes on these inputs: to its first commit, and to its exit. */
export interface RunTimes {
  /** From start to the first batch of articles committed (start-up and the first batch's reading). */
  firstCommitMs: number;
  /** From start to exit. */
  wholeMs: number;
}

/** Times a whole run into a scratch store, watching it (as a second process) for its first commit. */
export async function timeRun(inputs: string[], scratchDb: string): Promise<RunTimes> {
  const started = performance.now();
  const child = spawn(process.execPath, [bin, 'ingest', '--db', scratchDb, '--no-progress', ...inputs], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (c) => (stderr += c));
  let ended = false;
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => { ended = true; resolve(code); }));
  let firstCommitMs = 0;
  while (!ended && !firstCommitMs) {
    await new Promise((r) => setTimeout(r, 20));
    if (inspect(scratchDb).articles > 0) firstCommitMs = performance.now() - started;
  }
  const code = await exited;
  const wholeMs = performance.now() - started;
  if (code !== 0) throw new Error(`the timing run failed: ${stderr}`);
  return { firstCommitMs: firstCommitMs || wholeMs, wholeMs };
}

/**
 * Runs until `kills` of them have been killed (a run that ends before its moment is a re-run like
 * any other, and does not count), each on a fresh process that goes on from what the last one
 * committed. At most three runs per kill are made.
 */
export async function killLoop(o: KillLoopOptions): Promise<KilledRun[]> {
  const random = seeded(o.seed);
  const runs: KilledRun[] = [];
  let whole = o.times.wholeMs;
  for (let k = 0; runs.filter((r) => !r.finished).length < o.kills && k < 3 * o.kills; k++) {
    const killed = runs.filter((r) => !r.finished).length;
    // The first third: a moment just after this run's first commit (a batch of articles, or a
    // grouping step), whenever that comes, so that some runs are stopped mid-way whatever the
    // machine's speed. The others: a moment in a span of time, from a little before the first
    // commit (or the middle of a re-run, which has less to do) to a little past the end.
    // Once a run has ended by itself there is nothing left to commit: time from then on.
    const atCommit = killed < o.kills / 3 && !runs.some((r) => r.finished);
    const from = Math.min(0.8 * o.times.firstCommitMs, 0.5 * whole);
    const to = Math.max(from + 100, 1.15 * whole);
    const delay = Math.round(random() * 250);
    let wait = Math.round(from + random() * (to - from));
    const before = progress(o.db);
    const started = performance.now();
    const child = spawn(process.execPath, [bin, 'ingest', '--db', o.db, '--no-progress', ...o.inputs], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (c) => (stderr += c));
    let ended = false;
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code, signal) => { ended = true; resolve(signal ? null : code); }));
    let timer: NodeJS.Timeout | undefined;
    const moment = atCommit
      ? (async (): Promise<'time'> => {
          while (!ended && progress(o.db) === before) await new Promise((r) => setTimeout(r, 10));
          await new Promise((r) => setTimeout(r, delay));
          wait = Math.round(performance.now() - started);
          return 'time';
        })()
      : new Promise<'time'>((r) => (timer = setTimeout(() => r('time'), wait)));
    const first = await Promise.race([exited, moment]);
    clearTimeout(timer);
    let finished = false;
    if (first === 'time') {
      child.kill('SIGKILL');
      finished = (await exited) !== null;
    } else {
      finished = true;
      whole = performance.now() - started;
      if (first !== 0) throw new Error(`run ${k + 1} failed by itself (exit ${first}): ${stderr}`);
    }
    const seen = inspect(o.db);
    const run = { wait, finished, articles: seen.articles, ungrouped: seen.ungrouped, integrity: seen.integrity };
    runs.push(run);
    o.onKill?.(run);
    if (seen.integrity !== 'ok') throw new Error(`integrity check after run ${k + 1}: ${seen.integrity}`);
  }
  return runs;
}

/** A run let finish: its exit status and output. */
export function finish(db: string, inputs: string[]) {
  return spawnSync(process.execPath, [bin, 'ingest', '--db', db, '--no-progress', ...inputs], { encoding: 'utf8', timeout: 600_000 });
}
