#!/usr/bin/env node
// WARC ingest to a SQLite store: a WARC.gz of --records response records (default 10,000), made
// from the real news pages of ../shared/eval/aeb repeated under new URLs, read as a stream,
// extracted and stored. Prints pages/s, MB/s and peak RSS (sampled every 100 ms).
import { createWriteStream, existsSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { openSqliteStore } from '../src/store/sqlite.ts';
import { ingestWarc } from '../src/ingest/web/warc.ts';

const root = new URL('..', import.meta.url).pathname;
const dir = join(root, '..', 'shared', 'eval', 'aeb', 'html');
if (!existsSync(dir)) { console.log(`no ${dir}: skipped`); process.exit(0); }
const n = Number(process.argv.find((a) => a.startsWith('--records='))?.slice(10) ?? 10000);
const pages = readdirSync(dir).filter((f) => f.endsWith('.html.gz')).map((f) => gunzipSync(readFileSync(join(dir, f))));
const work = mkdtempSync(join(tmpdir(), 'parallax-bench-warc-'));
const file = join(work, 'bench.warc.gz');
const out = createWriteStream(file);
for (let i = 0; i < n; i++) {
  const body = Buffer.concat([Buffer.from('HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n'), pages[i % pages.length]]);
  const head = Buffer.from(`WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://news.example/${i}\r\nWARC-Date: 2025-03-14T10:00:00Z\r\nWARC-Record-ID: <urn:uuid:${i}>\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: ${body.length}\r\n\r\n`);
  if (!out.write(gzipSync(Buffer.concat([head, body, Buffer.from('\r\n\r\n')])))) await new Promise((r) => out.once('drain', r));
}
await new Promise((r) => out.end(r));
const size = statSync(file).size;
let peak = 0;
const timer = setInterval(() => { peak = Math.max(peak, process.memoryUsage().rss); }, 100);
const store = await openSqliteStore(join(work, 'warc.db'));
const t0 = performance.now();
const s = await ingestWarc(store, file);
const secs = (performance.now() - t0) / 1000;
clearInterval(timer);
peak = Math.max(peak, process.memoryUsage().rss);
await store.close();
console.log(`${n} records, ${(size / 2 ** 20).toFixed(0)} MiB gzipped: ${s.html} HTML pages, ${s.inserted} stored, ${s.failed.length} failed in ${secs.toFixed(1)} s (grouping included)`);
console.log(`${(s.html / secs).toFixed(0)} pages/s, ${(size / 2 ** 20 / secs).toFixed(1)} MB/s (compressed), peak RSS ${(peak / 2 ** 20).toFixed(0)} MiB`);
