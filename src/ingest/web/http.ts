/**
 * Fetching pages and feeds, safely and politely.
 *
 * - Every connection goes to an address checked after DNS resolution (a custom `lookup` hands the
 *   checked address to the socket, so a second, different answer cannot slip in), and every
 *   redirect is checked again; private, loopback, link-local and metadata addresses are refused
 *   unless `allowPrivate` is set.
 * - Connect and total timeouts, a size cap enforced while streaming, at most N redirects with
 *   loops detected, gzip/deflate/br, conditional GET (ETag, Last-Modified), an honest
 *   User-Agent, a delay between requests to one host, and retries with backoff for 429 and 5xx only
 *   (honouring Retry-After).
 *
 * @module
 */
import http from 'node:http';
import https from 'node:https';
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import type { Readable } from 'node:stream';
import { isPrivateAddress } from './address.js';

export const USER_AGENT = 'Parallax/0.1 (news comparison; +https://github.com/parallax-news/parallax)';

export interface FetchOptions {
  /** `true` permits every private address; a list permits only those (a test server on 127.0.0.1). */
  allowPrivate?: boolean | string[];
  connectTimeoutMs?: number;
  totalTimeoutMs?: number;
  maxBytes?: number;
  maxRedirects?: number;
  retries?: number;
  etag?: string | null;
  lastModified?: string | null;
  accept?: string;
  /** Minimum milliseconds between two requests to one host. */
  hostDelayMs?: number;
}

export interface FetchResult {
  url: string;
  status: number;
  headers: Record<string, string>;
  body: Buffer;
  notModified: boolean;
}

export class FetchError extends Error {
  constructor(readonly url: string, message: string, readonly status?: number) {
    super(`${url}: ${message}`);
  }
}

const lastRequest = new Map<string, number>();

async function politeWait(host: string, delay: number): Promise<void> {
  const last = lastRequest.get(host) ?? 0;
  const wait = last + delay - Date.now();
  lastRequest.set(host, Math.max(Date.now(), last + delay));
  if (wait > 0) await new Promise((r) => setTimeout(r, wait));
}

/** A DNS lookup that refuses private addresses: the socket connects only to what it returns. */
function permitted(ip: string, allow: boolean | string[]): boolean {
  return !isPrivateAddress(ip) || allow === true || (Array.isArray(allow) && allow.includes(ip));
}

function guardedLookup(allowPrivate: boolean | string[]) {
  return (hostname: string, options: object, callback: (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void) => {
    dnsLookup(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) return callback(err, '', 0);
      const list = addresses as LookupAddress[];
      const bad = list.find((a) => !permitted(a.address, allowPrivate));
      if (bad) {
        const e = new Error(`refused: ${hostname} resolves to the private address ${bad.address} (use --allow-private to permit)`) as NodeJS.ErrnoException;
        e.code = 'EPRIVATE';
        return callback(e, '', 0);
      }
      if ((options as { all?: boolean }).all) return callback(null, list);
      callback(null, list[0].address, list[0].family);
    });
  };
}

function once(url: URL, opts: Required<Pick<FetchOptions, 'allowPrivate' | 'connectTimeoutMs' | 'maxBytes' | 'accept'>> & FetchOptions, deadline: number): Promise<FetchResult & { location?: string }> {
  return new Promise((resolve, reject) => {
    const lib = url.protocol === 'https:' ? https : http;
    const headers: Record<string, string> = { 'user-agent': USER_AGENT, accept: opts.accept, 'accept-encoding': 'gzip, deflate, br' };
    if (opts.etag) headers['if-none-match'] = opts.etag;
    if (opts.lastModified) headers['if-modified-since'] = opts.lastModified;
    // A literal IP in the URL skips DNS: check it here.
    const literal = url.hostname.replace(/^\[|\]$/g, '');
    if (/^[\d.]+$|:/.test(literal) && !permitted(literal, opts.allowPrivate)) {
      return reject(new FetchError(url.href, `refused: ${literal} is a private address (use --allow-private to permit)`));
    }
    const req = lib.request(url, { method: 'GET', headers, lookup: guardedLookup(opts.allowPrivate) as never, timeout: opts.connectTimeoutMs });
    const total = setTimeout(() => req.destroy(new FetchError(url.href, 'timed out')), Math.max(1, deadline - Date.now()));
    req.on('timeout', () => req.destroy(new FetchError(url.href, 'connection timed out')));
    req.on('error', (err) => {
      clearTimeout(total);
      const code = (err as NodeJS.ErrnoException).code;
      reject(err instanceof FetchError ? err : new FetchError(url.href, code === 'EPRIVATE' ? err.message : `${err.message}`));
    });
    req.on('response', (res) => {
      const h: Record<string, string> = {};
      for (const [k, v] of Object.entries(res.headers)) if (v !== undefined) h[k] = Array.isArray(v) ? v.join(', ') : v;
      const status = res.statusCode ?? 0;
      if (status >= 300 && status < 400 && status !== 304 && h.location) {
        res.resume();
        clearTimeout(total);
        return resolve({ url: url.href, status, headers: h, body: Buffer.alloc(0), notModified: false, location: h.location });
      }
      const declared = Number(h['content-length'] ?? 0);
      if (declared > opts.maxBytes) {
        res.destroy();
        clearTimeout(total);
        return reject(new FetchError(url.href, `too large (${declared} bytes; the limit is ${opts.maxBytes})`, status));
      }
      let stream: Readable = res;
      const enc = (h['content-encoding'] ?? '').toLowerCase();
      if (enc === 'gzip' || enc === 'x-gzip') stream = res.pipe(createGunzip());
      else if (enc === 'deflate') stream = res.pipe(createInflate());
      else if (enc === 'br') stream = res.pipe(createBrotliDecompress());
      const chunks: Buffer[] = [];
      let size = 0;
      stream.on('data', (c: Buffer) => {
        size += c.length;
        // The cap applies to the decoded size too: a small gzip bomb is stopped like a big page.
        if (size > opts.maxBytes) {
          // The error first: destroying the response first would end the stream without one.
          stream.destroy(new FetchError(url.href, `too large (over ${opts.maxBytes} bytes)`, status));
          if (stream !== res) res.destroy();
          return;
        }
        chunks.push(c);
      });
      stream.on('error', (err) => { clearTimeout(total); reject(err instanceof FetchError ? err : new FetchError(url.href, `unreadable body: ${err.message}`, status)); });
      stream.on('end', () => {
        clearTimeout(total);
        resolve({ url: url.href, status, headers: h, body: Buffer.concat(chunks), notModified: status === 304 });
      });
    });
    req.end();
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function fetchUrl(input: string, options: FetchOptions = {}): Promise<FetchResult> {
  const opts = {
    allowPrivate: options.allowPrivate ?? false, connectTimeoutMs: options.connectTimeoutMs ?? 10_000, totalTimeoutMs: options.totalTimeoutMs ?? 30_000,
    maxBytes: options.maxBytes ?? 10 * 1024 * 1024, maxRedirects: options.maxRedirects ?? 5, retries: options.retries ?? 2, accept: options.accept ?? 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8',
    hostDelayMs: options.hostDelayMs ?? 1000, etag: options.etag, lastModified: options.lastModified,
  };
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    throw new FetchError(input, 'not a URL');
  }
  const seen = new Set<string>();
  const deadline = Date.now() + opts.totalTimeoutMs;
  for (let hop = 0; ; hop++) {
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new FetchError(url.href, `unsupported scheme ${url.protocol}`);
    if (seen.has(url.href)) throw new FetchError(input, `redirect loop at ${url.href}`);
    seen.add(url.href);
    let res: FetchResult & { location?: string };
    for (let attempt = 0; ; attempt++) {
      await politeWait(url.host, opts.hostDelayMs);
      res = await once(url, opts, deadline);
      const retryable = res.status === 429 || (res.status >= 500 && res.status <= 599);
      if (!retryable || attempt >= opts.retries) break;
      const after = Number(res.headers['retry-after']);
      const room = deadline - Date.now() - 100;
      if (room <= 0) break;
      await sleep(Math.min(Number.isFinite(after) && after >= 0 ? after * 1000 : 500 * 2 ** attempt, room));
    }
    if (res.location) {
      if (hop >= opts.maxRedirects) throw new FetchError(input, `more than ${opts.maxRedirects} redirects`);
      url = new URL(res.location, url);
      continue;
    }
    if (res.status >= 400) throw new FetchError(url.href, `HTTP ${res.status}`, res.status);
    return res;
  }
}
