import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { warcRecords, type WarcProblem } from '../../src/ingest/web/warc-records.js';
import { openSqliteStore } from '../../src/store/sqlite.js';

const here = '[ingest/faults-warc] ';
const bin = new URL('../../bin/parallax', import.meta.url).pathname;

/** One WARC record: WARC headers, the block, and the two CRLFs that end it; `length` overrides the Content-Length. */
function record(type: string, uri: string, block: Buffer | string, length?: number): Buffer {
  const body = Buffer.isBuffer(block) ? block : Buffer.from(block, 'utf8');
  const contentType = type === 'response' ? 'application/http; msgtype=response' : 'text/html';
  const fields = { 'WARC-Type': type, 'WARC-Target-URI': uri, 'WARC-Date': '2025-03-14T10:00:00Z', 'WARC-Record-ID': `<urn:uuid:${uri.replace(/\W/g, '')}>`, 'Content-Type': contentType, 'Content-Length': String(length ?? body.length) };
  const head = 'WARC/1.0\r\n' + Object.entries(fields).map(([k, v]) => `${k}: ${v}\r\n`).join('') + '\r\n';
  return Buffer.concat([Buffer.from(head), body, Buffer.from('\r\n\r\n')]);
}

const http = (type: string, body: Buffer | string) =>
  Buffer.concat([Buffer.from(`HTTP/1.1 200 OK\r\nContent-Type: ${type}\r\n\r\n`), Buffer.isBuffer(body) ? body : Buffer.from(body)]);

const page = (title: string, body: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title} | Harbour Gazette</title></head><body><article><h1>${title}</h1>${body.split('\n').map((p) => `<p>${p}</p>`).join('')}</article></body></html>`;

const strike = record('response', 'https://gazette.example/strike', http('text/html; charset=utf-8', page('Harbour strike ends', 'Dock workers in the northern port voted on Thursday to end their strike, the union said.\nThe deal raises wages by six percent over two years, the union leader told reporters.')));
const ferry = record('response', 'https://gazette.example/ferry', http('text/html; charset=utf-8', page('Ferry service resumes', 'The ferry between the two islands sailed again on Friday after a week of storms, the operator said.\nPassengers who had waited in the harbour town boarded the first crossing of the morning.')));
const bridge = record('resource', 'https://gazette.example/bridge', page('Old bridge reopens', 'The old stone bridge over the river reopened to traffic on Saturday after a year of repairs, the council said.\nCyclists and walkers crossed it first, the council added in a statement.'));
const image = (uri: string, bytes: number) => record('response', uri, http('image/jpeg', Buffer.alloc(bytes, 0x41)));

/**
 * Runs `parallax ingest` on the archive in a child process, which is killed if it does not end:
 * an archive that makes the reader spin gives no exit status.
 */
function ingest(file: string) {
  const db = join(file, '..', 'ingest.db');
  const r = spawnSync(process.execPath, [bin, 'ingest', '--db', db, '--no-progress', file], { encoding: 'utf8', timeout: 60_000, killSignal: 'SIGKILL' });
  return { ...r, db };
}

async function storedUrls(db: string): Promise<string[]> {
  const store = await openSqliteStore(db);
  try {
    return (await store.listArticles()).map((a) => a.url ?? '').sort();
  } finally {
    await store.close();
  }
}

test(here + 'a truncated last record that is not HTML ends the archive with a report, and what came before is stored', { timeout: 300_000 }, async () => {
  for (const gz of [false, true]) {
    const dir = mkdtempSync(join(tmpdir(), 'parallax-warc-faults-'));
    const cut = image('https://gazette.example/photo.jpg', 50_000);
    const parts = [strike, ferry, cut.subarray(0, 20_000)];
    const file = join(dir, gz ? 'cut.warc.gz' : 'cut.warc');
    writeFileSync(file, gz ? Buffer.concat(parts.map((p) => gzipSync(p))) : Buffer.concat(parts));
    const r = ingest(file);
    assert.equal(r.signal, null, `the ingest did not end (${gz ? 'gzip' : 'plain'})`);
    assert.match(r.stdout, /3 records, 2 HTML pages; ingested 2\b/, r.stdout + r.stderr);
    assert.match(r.stderr, /photo\.jpg: the archive is truncated inside this record, at byte \d+/);
    assert.equal(r.status, 1, 'a failure is reported');
    assert.deepEqual(await storedUrls(r.db), ['https://gazette.example/ferry', 'https://gazette.example/strike']);
  }
});

test(here + 'an oversized HTML record without its trailer ends the archive with a report', { timeout: 300_000 }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'parallax-warc-faults-'));
  // Over the 8 MiB cap on HTML payloads, and cut 1 MiB short.
  const huge = record('response', 'https://gazette.example/huge', http('text/html', Buffer.alloc(9 * 1024 * 1024, 0x20)));
  const file = join(dir, 'huge.warc');
  writeFileSync(file, Buffer.concat([strike, huge.subarray(0, huge.length - 1024 * 1024)]));
  const r = ingest(file);
  assert.equal(r.signal, null, 'the ingest did not end');
  assert.match(r.stdout, /2 records, 1 HTML pages; ingested 1\b/, r.stdout + r.stderr);
  assert.match(r.stderr, /huge: the archive is truncated inside this record/);
  assert.deepEqual(await storedUrls(r.db), ['https://gazette.example/strike']);
});

test(here + 'a record whose Content-Length is too large is reported at its offset, and the records after it are kept', { timeout: 300_000 }, async () => {
  for (const gz of [false, true]) {
    const dir = mkdtempSync(join(tmpdir(), 'parallax-warc-faults-'));
    const photo = image('https://gazette.example/photo.jpg', 3_000);
    // It claims the next two records as well, and a little of the third.
    const liar = record('response', 'https://gazette.example/liar.jpg', http('image/jpeg', Buffer.alloc(500, 0x42)), 500 + 48 + ferry.length + photo.length + 100);
    const parts = [strike, liar, ferry, photo, bridge];
    const file = join(dir, gz ? 'liar.warc.gz' : 'liar.warc');
    writeFileSync(file, gz ? Buffer.concat(parts.map((p) => gzipSync(p))) : Buffer.concat(parts));

    // The reader: every record after the bad one, which is reported with its offset.
    const problems: WarcProblem[] = [];
    const seen: string[] = [];
    for await (const rec of warcRecords(file, { onProblem: (p) => problems.push(p) })) seen.push(rec.uri ?? '');
    assert.deepEqual(seen, ['https://gazette.example/strike', 'https://gazette.example/liar.jpg', 'https://gazette.example/ferry', 'https://gazette.example/photo.jpg', 'https://gazette.example/bridge']);
    assert.equal(problems.length, 1, JSON.stringify(problems));
    assert.equal(problems[0].offset, strike.length);
    assert.equal(problems[0].uri, 'https://gazette.example/liar.jpg');
    assert.equal(problems[0].truncated, false);
    assert.match(problems[0].message, new RegExp(`at byte ${strike.length}\\b.*wrong Content-Length.*read on from the next record, at byte ${strike.length + liar.length}\\b`));

    // The ingest: the pages on both sides of it are stored.
    const r = ingest(file);
    assert.equal(r.signal, null, 'the ingest did not end');
    assert.match(r.stderr, /liar\.jpg: the record at byte \d+.* has a wrong Content-Length/);
    assert.deepEqual(await storedUrls(r.db), ['https://gazette.example/bridge', 'https://gazette.example/ferry', 'https://gazette.example/strike']);
  }
});

test(here + 'an HTML record whose Content-Length runs into the next record is not stored with the bytes of others; bytes that are no record are passed over', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'parallax-warc-faults-'));
  const strikeBlock = http('text/html; charset=utf-8', page('Harbour strike ends', 'Dock workers in the northern port voted on Thursday to end their strike, the union said.\nThe deal raises wages by six percent over two years, the union leader told reporters.'));
  const long = record('response', 'https://gazette.example/strike', strikeBlock, strikeBlock.length + 200);
  const garbage = Buffer.from('this line is not a record\r\nnor is this one\r\n');
  const file = join(dir, 'mixed.warc');
  writeFileSync(file, Buffer.concat([long, ferry, garbage, bridge]));
  const problems: WarcProblem[] = [];
  const seen: { uri: string | null; rest: number | null }[] = [];
  for await (const rec of warcRecords(file, { onProblem: (p) => problems.push(p) })) {
    const rest = await rec.readRest(1024 * 1024);
    seen.push({ uri: rec.uri, rest: rest ? rest.length : null });
  }
  assert.deepEqual(seen, [
    { uri: 'https://gazette.example/strike', rest: null },
    { uri: 'https://gazette.example/ferry', rest: ferry.length - ferry.indexOf('\r\n\r\n') - 8 },
    { uri: 'https://gazette.example/bridge', rest: bridge.length - bridge.indexOf('\r\n\r\n') - 8 },
  ]);
  assert.equal(problems.length, 2, JSON.stringify(problems));
  assert.equal(problems[0].offset, 0);
  assert.match(problems[0].message, /wrong Content-Length/);
  assert.equal(problems[1].offset, long.length + ferry.length);
  assert.match(problems[1].message, /no WARC record begins at byte \d+: \d+ bytes skipped/);
});
