import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createWriteStream, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { ingestWarc } from '../../src/pipeline/warc.js';
import { openSqliteStore } from '../../src/store/sqlite.js';
import { page } from './server.js';

const here = '[web-warc] ';

/** One WARC record: WARC headers, the block, and the two CRLFs that end it. */
function record(type: string, uri: string, block: Buffer | string, extra: Record<string, string> = {}): Buffer {
  const body = Buffer.isBuffer(block) ? block : Buffer.from(block, 'utf8');
  const contentType = type === 'response' || type === 'request' || type === 'revisit' ? `application/http; msgtype=${type === 'request' ? 'request' : 'response'}` : 'text/html';
  const fields = { 'WARC-Type': type, 'WARC-Target-URI': uri, 'WARC-Date': '2025-03-14T10:00:00Z', 'WARC-Record-ID': `<urn:uuid:${Math.random().toString(16).slice(2)}>`, 'Content-Type': contentType, ...extra, 'Content-Length': String(body.length) };
  const head = 'WARC/1.0\r\n' + Object.entries(fields).map(([k, v]) => `${k}: ${v}\r\n`).join('') + '\r\n';
  return Buffer.concat([Buffer.from(head), body, Buffer.from('\r\n\r\n')]);
}

const http = (status: string, headers: Record<string, string>, body: Buffer | string) =>
  Buffer.concat([Buffer.from(`HTTP/1.1 ${status}\r\n${Object.entries(headers).map(([k, v]) => `${k}: ${v}\r\n`).join('')}\r\n`), Buffer.isBuffer(body) ? body : Buffer.from(body)]);

const strike = page('Harbour strike ends', 'Dock workers in Rotterdam voted on Thursday to end their strike, the union said.\nThe deal raises wages by six percent over two years, the union leader said.');
const grève = page('Grève générale à Marseille', 'Les dockers de Marseille ont voté jeudi la fin de la grève, a annoncé le syndicat.\nLe port a repris son activité vendredi matin, selon la direction.');

function chunked(body: string): Buffer {
  const b = Buffer.from(body);
  const half = Math.floor(b.length / 2);
  return Buffer.concat([Buffer.from(`${half.toString(16)}\r\n`), b.subarray(0, half), Buffer.from(`\r\n${(b.length - half).toString(16)}\r\n`), b.subarray(half), Buffer.from('\r\n0\r\n\r\n')]);
}

test(here + 'HTML responses in, everything else skipped, payloads decoded, truncation reported', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'parallax-warc-'));
  const undated = '<html><head><title>Ferry service resumes</title></head><body><article><h1>Ferry service resumes</h1><p>The ferry between the two islands sailed again on Friday after a week of storms, the operator said in a statement.</p><p>Passengers who had waited in the harbour town boarded the first crossing of the morning.</p></article></body></html>';
  const records = [
    record('warcinfo', '', 'software: test\r\n'),
    record('request', 'https://news.example/strike', 'GET /strike HTTP/1.1\r\nHost: news.example\r\n\r\n'),
    record('response', 'https://news.example/strike', http('200 OK', { 'Content-Type': 'text/html; charset=utf-8' }, strike)),
    record('response', 'https://news.example/logo.png', http('200 OK', { 'Content-Type': 'image/png' }, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 3]))),
    record('response', 'https://news.example/missing', http('404 Not Found', { 'Content-Type': 'text/html' }, '<html><body>not found</body></html>')),
    record('revisit', 'https://news.example/strike', http('200 OK', { 'Content-Type': 'text/html' }, '')),
    record('response', 'https://news.example/marseille', http('200 OK', { 'Content-Type': 'text/html; charset=ISO-8859-1', 'Transfer-Encoding': 'chunked' }, chunked(Buffer.from(grève, 'latin1').toString('latin1')))),
    record('response', 'https://news.example/gz', http('200 OK', { 'Content-Type': 'text/html', 'Content-Encoding': 'gzip' }, gzipSync(undated))),
    // A second capture of the same page: one article.
    record('response', 'https://news.example/strike?utm_source=x', http('200 OK', { 'Content-Type': 'text/html; charset=utf-8' }, strike)),
    record('resource', 'https://news.example/resource', page('Lighthouse restored', 'The old lighthouse on the pier was restored and lit again on Saturday evening, the town council said.\nVolunteers had raised the money over three years.')),
  ];
  const cut = record('response', 'https://news.example/cut', http('200 OK', { 'Content-Type': 'text/html' }, strike));
  const file = join(dir, 'test.warc.gz');
  writeFileSync(file, Buffer.concat([...records.map((r) => gzipSync(r)), gzipSync(cut.subarray(0, cut.length - 400))]));
  const store = await openSqliteStore(join(dir, 'warc.db'));
  try {
    const progress: number[] = [];
    const s = await ingestWarc(store, file, { threads: 0, onProgress: (read) => progress.push(read) });
    assert.equal(s.records, records.length + 1);
    assert.equal(s.html, 6, 'strike, marseille, gz, the second capture, the resource, and the cut record');
    assert.equal(s.inserted, 4);
    assert.equal(s.failed.length, 1, JSON.stringify(s.failed));
    assert.match(s.failed[0].error, /truncated inside this record/);
    assert.match(s.failed[0].origin, /#https:\/\/news\.example\/cut$/);
    assert.ok(progress.length > 0 && progress.at(-1)! <= s.bytes);
    const byUrl = new Map((await store.listArticles()).map((a) => [a.url, a]));
    assert.deepEqual([...byUrl.keys()].sort(), ['https://news.example/gz', 'https://news.example/marseille', 'https://news.example/resource', 'https://news.example/strike']);
    assert.equal(byUrl.get('https://news.example/marseille')!.title, 'Grève générale à Marseille', 'latin-1 by its header, de-chunked');
    assert.match(byUrl.get('https://news.example/gz')!.text, /ferry between the two islands/);
    assert.equal(byUrl.get('https://news.example/gz')!.published, '2025-03-14', 'the capture date stands in for a missing one');
    assert.ok(byUrl.get('https://news.example/gz')!.messages.some((m) => m.rule === 'date:from-capture'));
    assert.equal((await store.listStories()).length > 0, true, 'the stories were regrouped');
  } finally {
    await store.close();
  }
});

test(here + 'a record cut inside its HTTP head, an uncompressed archive, and extraction on a thread', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'parallax-warc-'));
  const whole = record('response', 'https://news.example/strike', http('200 OK', { 'Content-Type': 'text/html' }, strike));
  const cut = record('response', 'https://news.example/cut', http('200 OK', { 'Content-Type': 'text/html', 'X-Long': 'y'.repeat(300) }, strike));
  const warcHead = cut.indexOf('\r\n\r\n') + 4;
  const file = join(dir, 'plain.warc');
  writeFileSync(file, Buffer.concat([whole, cut.subarray(0, warcHead + 40)]));
  const store = await openSqliteStore(join(dir, 'warc.db'));
  try {
    const s = await ingestWarc(store, file, { threads: 1 });
    assert.equal(s.inserted, 1);
    assert.equal(s.failed.length, 1);
    assert.match(s.failed[0].error, /truncated/);
    const [a] = await store.listArticles();
    assert.equal(a.title, 'Harbour strike ends');
  } finally {
    await store.close();
  }
});

test(here + 'a stored article refers to its archive record instead of copying the page, unless told to keep it', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'parallax-warc-'));
  const id = '<urn:uuid:0f1e2d3c-aaaa-bbbb-cccc-123456789abc>';
  const file = join(dir, 'ref.warc.gz');
  writeFileSync(file, gzipSync(record('response', 'https://news.example/strike', http('200 OK', { 'Content-Type': 'text/html' }, strike), { 'WARC-Record-ID': id })));
  for (const keepRaw of [false, true]) {
    const store = await openSqliteStore(join(dir, `ref-${keepRaw}.db`));
    try {
      assert.equal((await ingestWarc(store, file, { threads: keepRaw ? 1 : 0, keepRaw })).inserted, 1);
      const [a] = await store.listArticles();
      assert.equal(a.title, 'Harbour strike ends');
      if (keepRaw) {
        assert.equal(a.raw.content, strike);
        assert.equal(a.raw.archive, undefined);
      } else {
        assert.equal(a.raw.content, '');
        assert.deepEqual(a.raw.archive, { file, record: id, url: 'https://news.example/strike' });
      }
      // The same record again changes nothing: the content hash is the page's, either way.
      assert.equal((await ingestWarc(store, file, { threads: 0, keepRaw })).unchanged, 1);
    } finally {
      await store.close();
    }
  }
});

test(here + '10,000 records stream in constant memory; oversized and non-HTML records are never held', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'parallax-warc-'));
  const file = join(dir, 'big.warc.gz');
  const out = createWriteStream(file);
  const blob = Buffer.alloc(20_000, 0x41);
  for (let i = 0; i < 10_000; i++) {
    const r = i % 1000 === 0
      ? record('response', `https://news.example/n${i}`, http('200 OK', { 'Content-Type': 'text/html' }, page(`Harbour news ${i}`, `Dock workers in port number ${i} voted on Thursday to end their strike, the union said.\nThe deal raises wages by six percent.`)))
      : i % 1000 === 500
        ? record('response', `https://news.example/huge${i}`, http('200 OK', { 'Content-Type': 'text/html' }, Buffer.alloc(9 * 1024 * 1024, 0x20)))
        : record('response', `https://news.example/img${i}.jpg`, http('200 OK', { 'Content-Type': 'image/jpeg' }, blob));
    if (!out.write(gzipSync(r))) await new Promise<void>((res) => out.once('drain', () => res()));
  }
  await new Promise((res) => out.end(res));
  const store = await openSqliteStore(join(dir, 'warc.db'));
  try {
    const base = process.memoryUsage().heapUsed;
    let peak = 0;
    const s = await ingestWarc(store, file, { threads: 0, onProgress: () => { peak = Math.max(peak, process.memoryUsage().heapUsed - base); } });
    assert.equal(s.records, 10_000);
    assert.equal(s.inserted, 10);
    assert.equal(s.tooLarge, 10, 'HTML over the 8 MiB cap is skipped unread');
    // 200 MB of image payloads and 90 MB of oversized pages went through; a reader that held them would show it.
    assert.ok(peak < 120_000_000, `heap grew by ${(peak / 1e6).toFixed(0)} MB`);
  } finally {
    await store.close();
  }
});
