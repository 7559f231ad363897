#!/usr/bin/env node
// A busy server, and the memory of the largest input (run under `node --import tsx`, as
// `npm run bench -- readers` does). Everything is a real process on 127.0.0.1; no evaluation data.
//
// 1. Readers during an ingest: a SQLite store of --articles invented articles (default 10,000, in
//    stories of five, made by `parallax ingest`) served by `parallax serve`; --clients keep-alive
//    clients (default 32) request story pages (`/story/<id>`, stories drawn at random, so most are
//    a first view that is analysed) one after another while a second `parallax ingest` adds
//    --more articles (default 2,000) to the same file. Prints requests, failed ones (any answer
//    but 200, by status, and connection errors), how many pages were the story's articles while
//    its comparison was being made (`Parallax-Analysis: pending`), median, p99 and the slowest.
// 2. Peak memory of one ingest of the largest input accepted: a JSONL file of --input-mb MB
//    (default 60, just under the 64 MiB limit of one input) of articles of about 10 KB; also 200 MB
//    on standard input and a gzip of 1 GB of zeros (both refused), and a WARC.gz of --warc-records
//    invented pages of about 150 KB. Peak RSS is read in the child
//    (getrusage at exit) and held to 512 MB + 20 times the largest article.
//
//   node --import tsx scripts/bench-readers.mjs [--articles=10000] [--more=2000] [--clients=32] [--input-mb=60] [--db=PATH] [--skip-memory] [--skip-readers] [--warc-records=10000]
import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createGzip, gzipSync } from 'node:zlib';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { article, inventedName, seeded } from '../test/faults/kill-loop.ts';

const root = new URL('..', import.meta.url).pathname;
const bin = join(root, 'bin', 'parallax');
const arg = (k, d) => Number(process.argv.find((a) => a.startsWith(`--${k}=`))?.split('=')[1] ?? d);
const articles = arg('articles', 10_000);
const more = arg('more', 2000);
const clients = arg('clients', 32);
const inputMb = arg('input-mb', 60);
const keep = process.argv.find((a) => a.startsWith('--db='))?.slice(5);
const work = mkdtempSync(join(tmpdir(), 'parallax-bench-readers-'));
const MiB = 2 ** 20;

const probe = join(work, 'peak-rss.mjs');
writeFileSync(probe, "import { writeFileSync } from 'node:fs';\nprocess.on('exit', () => writeFileSync(process.env.PEAK_RSS_FILE, String(process.resourceUsage().maxRSS * 1024)));\n");
let probes = 0;

/** Runs the CLI; resolves with its exit code, output and peak RSS. `stdin` is piped in when given. */
function cli(args, stdin) {
  const peakFile = join(work, `peak-${++probes}`);
  const child = spawn(process.execPath, ['--import', pathToFileURL(probe).href, bin, ...args], { env: { ...process.env, PEAK_RSS_FILE: peakFile }, stdio: [stdin ? 'pipe' : 'ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c) => (stdout += c));
  child.stderr.on('data', (c) => (stderr += c));
  if (stdin) {
    child.stdin.on('error', () => {});
    void pipeline(Readable.from(stdin()), child.stdin).catch(() => {});
  }
  const started = performance.now();
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr, ms: performance.now() - started, peak: existsSync(peakFile) ? Number(readFileSync(peakFile, 'utf8')) : NaN })));
}

async function writeJsonl(file, from, n, make) {
  const out = createWriteStream(file);
  for (let i = from; i < from + n; i++) if (!out.write(JSON.stringify(make(i)) + '\n')) await new Promise((r) => out.once('drain', r));
  await new Promise((r) => out.end(r));
}

const record = (i) => {
  const a = article(i);
  return { id: `bench-${i}`, source: a.source, title: a.title, published: new Date(Date.UTC(2025, 0, 1) + Math.floor(i / 5) * 3_600_000).toISOString(), text: a.text };
};

try {
  // 1. Readers while an ingest runs.
  if (!process.argv.includes('--skip-readers')) {
    const db = keep ?? join(work, 'readers.db');
    let built = 'reused';
    if (!keep || !existsSync(keep)) {
      const file = join(work, 'store.jsonl');
      await writeJsonl(file, 0, articles, record);
      const r = await cli(['ingest', '--db', db, '--no-progress', file]);
      if (r.code !== 0) throw new Error(`building the store failed: ${r.stderr}`);
      built = `built by one ingest in ${(r.ms / 1000).toFixed(0)} s`;
    }
    const moreFile = join(work, 'more.jsonl');
    await writeJsonl(moreFile, 1_000_000, more, record);

    const server = spawn(process.execPath, [bin, 'serve', '--db', db, '--port', '0', '--json'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let serverErr = '';
    server.stderr.on('data', (c) => (serverErr += c));
    const base = await new Promise((resolve, reject) => {
      let out = '';
      server.stdout.on('data', (c) => {
        out += c;
        const m = /"url"\s*:\s*"([^"]+)"/.exec(out);
        if (m) resolve(m[1].replace(/\/$/, ''));
      });
      server.on('exit', () => reject(new Error(`serve ended: ${serverErr}`)));
    });
    const agent = new http.Agent({ keepAlive: true, maxSockets: clients });
    const get = (path) =>
      new Promise((resolve) => {
        const t = performance.now();
        http
          .get(base + path, { agent }, (res) => {
            const parts = [];
            res.on('data', (c) => parts.push(c));
            res.on('end', () => resolve({ status: res.statusCode, pending: res.headers['parallax-analysis'] === 'pending', ms: performance.now() - t, body: Buffer.concat(parts).toString() }));
          })
          .on('error', (err) => resolve({ status: 0, ms: performance.now() - t, body: err.message }));
      });
    // Story ids, from the API as a reader would page through them.
    const ids = [];
    for (let cursor = null; ids.length < 2000; ) {
      const page = JSON.parse((await get(`/api/stories?limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`)).body);
      ids.push(...page.items.map((s) => s.id));
      if (!page.next) break;
      cursor = page.next;
    }
    const stories = ids.length;
    const random = seeded(32);

    /** `clients` readers of the stories `pick` draws, one request at a time each, while an ingest of `file` runs (and for at least 10 s). */
    async function read(name, pick, file) {
      const ingest = cli(['ingest', '--db', db, '--no-progress', file]);
      let ingesting = true;
      void ingest.then(() => (ingesting = false));
      const all = [];
      const ok = [];
      let pending = 0;
      const statuses = new Map();
      const t0 = performance.now();
      await Promise.all(
        Array.from({ length: clients }, async () => {
          while (ingesting || performance.now() - t0 < 10_000) {
            const r = await get(`/story/${encodeURIComponent(pick())}`);
            all.push(r.ms);
            if (r.status === 200) ok.push(r.ms);
            if (r.pending) pending++;
            statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1);
          }
        }),
      );
      const seconds = (performance.now() - t0) / 1000;
      const added = await ingest;
      for (const l of [all, ok]) l.sort((a, b) => a - b);
      const q = (l, p) => (l.length ? l[Math.min(l.length - 1, Math.floor(l.length * p))].toFixed(0) : '-');
      const failed = all.length - ok.length;
      console.log(`${name}: ${clients} clients for ${seconds.toFixed(0)} s during an ingest of ${more.toLocaleString('en')} articles (${(added.ms / 1000).toFixed(0)} s, exit ${added.code}): ${all.length} requests, ${failed} failed (${[...statuses].map(([s, n]) => `${s === 0 ? 'connection error' : s}: ${n}`).join(', ')}), ${pending} of the 200s the story's articles while its comparison was made; all: median ${q(all, 0.5)} ms, p99 ${q(all, 0.99)} ms; answered 200: median ${q(ok, 0.5)} ms, p99 ${q(ok, 0.99)} ms, slowest ${q(ok, 1)} ms`);
      const key = name.split(' ')[0];
      console.log(`METRIC\treaders_${key}_requests\t${all.length}`);
      console.log(`METRIC\treaders_${key}_failed\t${failed}`);
      console.log(`METRIC\treaders_${key}_pending\t${pending}`);
      console.log(`METRIC\treaders_${key}_p99_ms\t${q(all, 0.99)}`);
      console.log(`METRIC\treaders_${key}_ok_p99_ms\t${q(ok, 0.99)}`);
    }

    console.log(`store: ${articles.toLocaleString('en')} invented articles in SQLite (${built}), ${stories} stories listed`);
    // Cold: stories drawn from all of them, so nearly every request is a story's first view, which
    // is analysed on the server's bounded queue (2 at a time, 8 waiting); a page whose analysis is
    // not ready within half a second (the server being busy) lists the story's articles and reloads.
    await read('cold (any story, most never viewed before)', () => ids[Math.floor(random() * ids.length)], moreFile);
    // Warm: the 64 stories readers go to, each viewed once first (until its comparison is ready).
    const popular = Array.from({ length: 64 }, () => ids[Math.floor(random() * ids.length)]);
    for (const id of popular) {
      for (let r = await get(`/story/${encodeURIComponent(id)}`); r.status === 503 || r.pending; r = await get(`/story/${encodeURIComponent(id)}`)) await new Promise((w) => setTimeout(w, 500));
    }
    const moreFile2 = join(work, 'more2.jsonl');
    await writeJsonl(moreFile2, 3_000_000, more, record);
    await read('warm (64 stories, each viewed once before)', () => popular[Math.floor(random() * popular.length)], moreFile2);
    agent.destroy();
    server.kill('SIGINT');
    await new Promise((r) => server.on('exit', r));
  }

  // 2. Peak memory of the largest inputs.
  if (!process.argv.includes('--skip-memory')) {
    const big = join(work, 'largest.jsonl');
    // Articles of about 10 KB: paragraphs about invented places and people, so no two are alike.
    const long = (i) => {
      const a = record(2_000_000 + i);
      const r = seeded(i);
      let text = a.text;
      while (text.length < 10_000) text += `\n\n${inventedName(i * 13 + Math.floor(r() * 1000))} told the ${inventedName(i)} council that ${Math.floor(r() * 90) + 10} families had asked about the works, and that the next meeting would hear from ${inventedName(Math.floor(r() * 5000))} of the ${inventedName(Math.floor(r() * 5000))} residents' association.`;
      return { ...a, id: `largest-${i}`, text };
    };
    const count = Math.floor((inputMb * MiB) / (JSON.stringify(long(0)).length + 1));
    await writeJsonl(big, 0, count, long);
    let largest = 0;
    for (const line of readFileSync(big, 'utf8').split('\n')) if (line) largest = Math.max(largest, Buffer.byteLength(JSON.parse(line).text));
    const bar = 512 * MiB + 20 * largest;
    const r = await cli(['ingest', '--db', join(work, 'largest.db'), '--no-progress', big]);
    const size = readFileSync(big).length;
    console.log(`largest input: a JSONL file of ${(size / MiB).toFixed(0)} MiB, ${count} articles (the largest ${(largest / 1024).toFixed(1)} KB): peak RSS ${(r.peak / MiB).toFixed(0)} MiB in ${(r.ms / 1000).toFixed(0)} s, exit ${r.code} (bar: 512 MiB + 20 × the largest article = ${(bar / MiB).toFixed(0)} MiB)`);
    const line = Buffer.from(JSON.stringify(record(0)) + '\n');
    const chunk = Buffer.concat(Array.from({ length: Math.ceil(MiB / line.length) }, () => line));
    const s = await cli(['ingest', '--db', join(work, 'stdin.db'), '--no-progress', '-'], async function* () {
      for (let sent = 0; sent < 200 * MiB; sent += chunk.length) yield chunk;
    });
    console.log(`200 MB on standard input: exit ${s.code} in ${(s.ms / 1000).toFixed(1)} s, peak RSS ${(s.peak / MiB).toFixed(0)} MiB: ${s.stderr.trim().split('\n')[0]}`);
    const bomb = join(work, 'zeros.txt.gz');
    const zeros = Buffer.alloc(4 * MiB);
    await pipeline(Readable.from((function* () { for (let i = 0; i < 256; i++) yield zeros; })()), createGzip({ level: 1 }), createWriteStream(bomb));
    const g = await cli(['ingest', '--db', join(work, 'bomb.db'), '--no-progress', bomb]);
    console.log(`a gzip of 1 GB of zeros: exit ${g.code} in ${(g.ms / 1000).toFixed(1)} s, peak RSS ${(g.peak / MiB).toFixed(0)} MiB`);
    // An archive is one input too, read record by record: --warc-records pages (default 10,000)
    // of the same invented articles inside about 150 KB of page chrome each (menus, scripts, a
    // footer; news pages run to that size), one page in a hundred with ten times the chrome.
    const warc = join(work, 'largest.warc.gz');
    const warcRecords = arg('warc-records', 10_000);
    let largestPage = 0;
    {
      const out = createWriteStream(warc);
      const menu = Array.from({ length: 600 }, (_, k) => `<li><a href="/section/${k}">${inventedName(k)} ${inventedName(k + 7)}</a></li>`).join('');
      const script = `<script>${'window.__state = {"k":"v"};'.repeat(1500)}</script>`;
      for (let i = 0; i < warcRecords; i++) {
        const a = long(i);
        const chrome = i % 100 === 0 ? 10 : 1;
        const paragraphs = a.text.split('\n\n').map((p) => `<p>${p}</p>`).join('');
        const html = `<!doctype html><html><head><title>${a.title}</title>${script.repeat(chrome)}</head><body><nav><ul>${menu.repeat(chrome)}</ul></nav><article><h1>${a.title}</h1>${paragraphs}</article><footer><ul>${menu}</ul></footer></body></html>`;
        const body = Buffer.from(`HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n${html}`);
        largestPage = Math.max(largestPage, body.length);
        const head = `WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://news${i % 40}.example/${i}\r\nWARC-Date: 2025-03-14T10:00:00Z\r\nWARC-Record-ID: <urn:uuid:largest-${i}>\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: ${body.length}\r\n\r\n`;
        if (!out.write(gzipSync(Buffer.concat([Buffer.from(head), body, Buffer.from('\r\n\r\n')])))) await new Promise((w) => out.once('drain', w));
      }
      await new Promise((w) => out.end(w));
    }
    const warcBar = 512 * MiB + 20 * largestPage;
    const w = await cli(['ingest', '--db', join(work, 'warc.db'), '--no-progress', warc]);
    console.log(`largest archive: a WARC.gz of ${(readFileSync(warc).length / MiB).toFixed(0)} MiB, ${warcRecords} pages (the largest ${(largestPage / MiB).toFixed(2)} MiB): peak RSS ${(w.peak / MiB).toFixed(0)} MiB in ${(w.ms / 1000).toFixed(0)} s, exit ${w.code} (bar: 512 MiB + 20 × the largest page = ${(warcBar / MiB).toFixed(0)} MiB)`);
    console.log(`METRIC\tlargest_archive_peak_rss_mib\t${(w.peak / MiB).toFixed(0)}`);
    console.log(`METRIC\tlargest_archive_bar_mib\t${(warcBar / MiB).toFixed(0)}`);
    console.log(`METRIC\tlargest_input_peak_rss_mib\t${(r.peak / MiB).toFixed(0)}`);
    console.log(`METRIC\tlargest_input_bar_mib\t${(bar / MiB).toFixed(0)}`);
    console.log(`METRIC\tstdin_200mb_peak_rss_mib\t${(s.peak / MiB).toFixed(0)}`);
    console.log(`METRIC\tgzip_bomb_peak_rss_mib\t${(g.peak / MiB).toFixed(0)}`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
