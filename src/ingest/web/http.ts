/**
 * Fetching pages and feeds, safely and politely.
 *
 * - Every connection goes to an address checked after DNS resolution: the agents' `lookup` refuses
 *   a private answer and hands the checked address to the socket, so a second, different DNS answer
 *   cannot slip in (no DNS rebinding). Literal IPs in URLs are checked the same way, and so is every
 *   redirect. Sockets are pooled per address policy, so a connection opened with private addresses
 *   permitted is never reused by a fetch that forbids them.
 * - Connect and total timeouts, a size cap enforced while streaming (on the decoded size, so a
 *   small gzip bomb stops like a big page), at most N redirects with loops detected,
 *   gzip/deflate/br, conditional GET (ETag, Last-Modified), an honest User-Agent, per-host
 *   concurrency and delay, and retries with backoff for 429 and 5xx only, honouring Retry-After.
 *
 * @module
 */
import http from 'node:http';
import https from 'node:https';
import { isIP } from 'node:net';
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import type { Readable } from 'node:stream';
import { isPrivateAddress } from './address.js';

export const USER_AGENT = 'Parallax/0.1 (+https://github.com/parallax-news/parallax)';

/** Options of one fetch; every field has a sensible default. */
export interface FetchOptions {
  /**
   * Private addresses: `true` permits every one; a list of addresses permits only those (a test
   * server on 127.0.0.1); {@link privateHosts} permits them only for the hosts a user named.
   */
  allowPrivate?: AllowPolicy;
  /** Milliseconds to open the TCP connection (default 10 s). */
  connectTimeoutMs?: number;
  /** Milliseconds for the whole fetch, redirects and retries included (default 30 s). */
  totalTimeoutMs?: number;
  /** Largest body accepted, after decompression (default 10 MiB). */
  maxBytes?: number;
  /** Redirects followed before giving up (default 5). */
  maxRedirects?: number;
  /** Retries after a 429 or 5xx answer (default 2). */
  retries?: number;
  /** A Retry-After longer than this is not waited for: the fetch fails with `retryAfterMs` set (default 30 s). */
  maxRetryWaitMs?: number;
  /** Validators from an earlier fetch: an unchanged resource answers 304 and costs nothing. */
  etag?: string | null;
  lastModified?: string | null;
  accept?: string;
  /** Minimum milliseconds between the starts of two requests to one host (default 1 s). */
  hostDelayMs?: number;
  /** Requests in flight to one host at most (default 2). */
  hostConcurrency?: number;
  /** Ends the fetch early (SIGINT in `parallax watch`). */
  signal?: AbortSignal;
}

/** A completed fetch. */
export interface FetchResult {
  /** The final URL, after redirects. */
  url: string;
  status: number;
  /** Response headers, lower-case names. */
  headers: Record<string, string>;
  /** The decoded (decompressed) body; empty for a 304. */
  body: Buffer;
  /** True when the server answered 304 to a conditional request. */
  notModified: boolean;
  /** The URLs redirected through, in order. */
  redirects: string[];
  /** True when there were redirects and every one was permanent (301, 308): the resource moved. */
  moved: boolean;
}

export class FetchError extends Error {
  constructor(
    readonly url: string,
    message: string,
    readonly status?: number,
    /** Set when the server asked to come back later than this fetch was willing to wait. */
    readonly retryAfterMs?: number,
  ) {
    super(`${url}: ${message}`);
  }
}

/** Thrown when an address check refuses a connection. */
export class PrivateAddressError extends FetchError {}

/** A reused keep-alive connection was already closed: the request is sent again on a new one. */
class StaleSocketError extends FetchError {}

/**
 * Private addresses permitted for some hosts only: those a user named on the command line (a
 * test server, a machine on the local network). A URL on one of them may reach a private address,
 * and so may a redirect that stays on one; a redirect elsewhere, a link in a feed to another host,
 * are checked like any other URL. Made by {@link privateHosts}.
 */
export interface PrivateHosts {
  /** `hostname:port`, lower case, the port always written (see {@link hostKey}). */
  readonly hosts: readonly string[];
  /** The hosts as the user wrote them, for messages. */
  readonly named: readonly string[];
}

/** What a fetch may reach among private addresses: all, some addresses, or all for some hosts. */
export type AllowPolicy = boolean | string[] | PrivateHosts;

const DEFAULT_PORT: Record<string, string> = { 'http:': '80', 'https:': '443' };

/** A URL's host as a policy names it: host name without brackets or a final dot, and its port. */
export function hostKey(url: URL): string {
  const name = url.hostname.toLowerCase().replace(/^\[|\]$/g, '').replace(/\.$/, '');
  return `${name}:${url.port || DEFAULT_PORT[url.protocol] || ''}`;
}

/**
 * The policy for `--allow-private` given with these URLs: private addresses permitted for their
 * hosts (host name and port) only. The web ports of a named host go together (an `http` URL on
 * port 80 that redirects to `https` on 443 stays on its host). URLs that do not parse are left out.
 */
export function privateHosts(urls: readonly string[]): PrivateHosts {
  const hosts = new Set<string>();
  const named = new Set<string>();
  for (const u of urls) {
    let url: URL;
    try {
      url = new URL(u);
    } catch {
      continue;
    }
    const key = hostKey(url);
    hosts.add(key);
    named.add(url.host.toLowerCase());
    const [name, port] = [key.slice(0, key.lastIndexOf(':')), key.slice(key.lastIndexOf(':') + 1)];
    if (port === '80' || port === '443') hosts.add(`${name}:${port === '80' ? '443' : '80'}`);
  }
  return { hosts: [...hosts].sort(), named: [...named].sort() };
}

/** The policy one URL is fetched under: a host policy becomes all or nothing for that URL's host. */
function policyFor(url: URL, allow: AllowPolicy): boolean | string[] {
  if (typeof allow === 'boolean' || Array.isArray(allow)) return allow;
  return allow.hosts.includes(hostKey(url));
}

/** How a refusal says what would permit the address. */
function permitHint(allow: AllowPolicy): string {
  if (allow === false || (Array.isArray(allow) && !allow.length)) return 'use --allow-private to permit';
  if (typeof allow === 'object' && !Array.isArray(allow)) {
    const named = allow.named;
    return named.length ? `--allow-private permits only the host${named.length === 1 ? '' : 's'} named: ${named.join(', ')}` : 'use --allow-private to permit';
  }
  return 'use --allow-private to permit';
}

function permitted(ip: string, allow: boolean | string[]): boolean {
  return !isPrivateAddress(ip) || allow === true || (Array.isArray(allow) && allow.includes(ip));
}

type LookupCallback = (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/** A DNS lookup that refuses private answers: the socket connects only to what it returns. */
export function guardedLookup(allow: boolean | string[], hint = permitHint(allow)) {
  return (hostname: string, options: { all?: boolean; family?: number }, callback: LookupCallback) => {
    dnsLookup(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) return callback(err, '', 0);
      const list = addresses as LookupAddress[];
      // Any private answer refuses the host: with several answers a later attempt could use it.
      const bad = list.find((a) => !permitted(a.address, allow));
      if (bad || !list.length) {
        const e = new Error(bad ? `refused: ${hostname} resolves to the private address ${bad.address} (${hint})` : `${hostname} has no address`) as NodeJS.ErrnoException;
        e.code = bad ? 'EPRIVATE' : 'ENOTFOUND';
        return callback(e, '', 0);
      }
      if (options.all) return callback(null, list);
      callback(null, list[0].address, list[0].family);
    });
  };
}

/** Agents by address policy: a socket opened under one policy is never reused under another. */
const agents = new Map<string, { http: http.Agent; https: https.Agent }>();

function agentsFor(allow: boolean | string[], hint: string) {
  const key = JSON.stringify([allow, hint]);
  let pair = agents.get(key);
  if (!pair) {
    const lookup = guardedLookup(allow, hint) as never;
    pair = {
      // Idle sockets are let go after 4 s, before the 5 s keep-alive timeout common on servers.
      http: new http.Agent({ keepAlive: true, maxSockets: 8, timeout: 4000, lookup } as http.AgentOptions),
      https: new https.Agent({ keepAlive: true, maxSockets: 8, timeout: 4000, lookup } as https.AgentOptions),
    };
    agents.set(key, pair);
  }
  return pair;
}

/** Per-host politeness: at most N requests in flight, and a minimum delay between starts. */
class HostGate {
  private active = 0;
  private waiting: (() => void)[] = [];
  private nextStart = 0;

  async enter(concurrency: number, delayMs: number, signal?: AbortSignal): Promise<void> {
    while (this.active >= concurrency) await new Promise<void>((r) => this.waiting.push(r));
    this.active++;
    const start = Math.max(Date.now(), this.nextStart);
    this.nextStart = start + delayMs;
    try {
      if (start > Date.now()) await sleep(start - Date.now(), signal);
    } catch (err) {
      this.leave();
      throw err;
    }
  }

  leave(): void {
    this.active--;
    this.waiting.shift()?.();
  }
}

const gates = new Map<string, HostGate>();
function gateOf(host: string): HostGate {
  let g = gates.get(host);
  if (!g) gates.set(host, (g = new HostGate()));
  return g;
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new Error('aborted'));
    const t = setTimeout(() => { signal?.removeEventListener('abort', onAbort); resolve(); }, ms);
    const onAbort = () => { clearTimeout(t); reject(new Error('aborted')); };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** Retry-After as milliseconds: delta-seconds or an HTTP date. */
export function retryAfterMs(value: string | undefined, now = Date.now()): number | null {
  if (!value) return null;
  if (/^\s*\d+\s*$/.test(value)) return Number(value) * 1000;
  // Only an HTTP date remains valid; Date.parse would read "-5" as a year.
  if (!/[a-z]/i.test(value)) return null;
  const t = Date.parse(value);
  return Number.isNaN(t) ? null : Math.max(0, t - now);
}

interface Settings {
  allowPrivate: AllowPolicy;
  connectTimeoutMs: number;
  maxBytes: number;
  accept: string;
  etag?: string | null;
  lastModified?: string | null;
  signal?: AbortSignal;
}

interface Hop {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
  location?: string;
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

function request(url: URL, s: Settings, deadline: number): Promise<Hop> {
  return new Promise((resolve, reject) => {
    const literal = url.hostname.replace(/^\[|\]$/g, '');
    // Each hop is judged on its own host: a redirect off a named host loses the permission.
    const allow = policyFor(url, s.allowPrivate);
    const hint = permitHint(s.allowPrivate);
    // A literal IP in the URL is connected to without DNS: check it here.
    if (isIP(literal) && !permitted(literal, allow)) {
      return reject(new PrivateAddressError(url.href, `refused: ${literal} is a private address (${hint})`));
    }
    const headers: Record<string, string> = { 'user-agent': USER_AGENT, accept: s.accept, 'accept-encoding': 'gzip, deflate, br' };
    if (s.etag) headers['if-none-match'] = s.etag;
    if (s.lastModified) headers['if-modified-since'] = s.lastModified;
    const pair = agentsFor(allow, hint);
    const lib = url.protocol === 'https:' ? https : http;
    let settled = false;
    const timers: NodeJS.Timeout[] = [];
    const done = (err: Error | null, hop?: Hop) => {
      if (settled) return;
      settled = true;
      for (const t of timers) clearTimeout(t);
      s.signal?.removeEventListener('abort', onAbort);
      if (err) reject(err);
      else resolve(hop!);
    };
    const req = lib.request(url, { method: 'GET', headers, agent: url.protocol === 'https:' ? pair.https : pair.http });
    const fail = (err: Error) => { req.destroy(); done(err); };
    const onAbort = () => fail(new FetchError(url.href, 'aborted'));
    s.signal?.addEventListener('abort', onAbort, { once: true });
    timers.push(setTimeout(() => fail(new FetchError(url.href, 'timed out')), Math.max(1, deadline - Date.now())));
    req.on('socket', (socket) => {
      // A pooled socket is already connected; a new one must connect within the connect timeout.
      if (!socket.connecting) return;
      const t = setTimeout(() => fail(new FetchError(url.href, 'connection timed out')), s.connectTimeoutMs);
      timers.push(t);
      socket.once('connect', () => clearTimeout(t));
    });
    req.on('error', (err) => {
      const code = (err as NodeJS.ErrnoException).code;
      // A pooled connection the server closed just before it was reused: not the server's answer.
      if (req.reusedSocket && (code === 'ECONNRESET' || code === 'EPIPE')) return done(new StaleSocketError(url.href, 'the connection was closed by the server'));
      if (code === 'EPRIVATE') return done(new PrivateAddressError(url.href, err.message));
      done(err instanceof FetchError ? err : new FetchError(url.href, code === 'ENOTFOUND' ? 'host not found' : code === 'ECONNREFUSED' ? 'connection refused' : err.message));
    });
    req.on('response', (res) => {
      const h: Record<string, string> = {};
      for (const [k, v] of Object.entries(res.headers)) if (v !== undefined) h[k] = Array.isArray(v) ? v.join(', ') : v;
      const status = res.statusCode ?? 0;
      // Bodies of redirects and errors are not needed: drain them without keeping anything.
      if (REDIRECTS.has(status) || status === 304 || status >= 400) {
        const hop = { status, headers: h, body: Buffer.alloc(0), location: REDIRECTS.has(status) ? h.location : undefined };
        // Draining a short body keeps the connection for the next request; a long one is cut.
        let drained = 0;
        res.on('data', (c: Buffer) => {
          drained += c.length;
          if (drained > 64 * 1024) { res.destroy(); done(null, hop); }
        });
        res.on('end', () => done(null, hop));
        res.on('error', () => done(null, hop));
        res.on('close', () => done(null, hop));
        return;
      }
      const declared = Number(h['content-length'] ?? 0);
      if (declared > s.maxBytes) return fail(new FetchError(url.href, `too large (${declared} bytes; the limit is ${s.maxBytes})`, status));
      let stream: Readable = res;
      const enc = (h['content-encoding'] ?? '').trim().toLowerCase();
      if (enc === 'gzip' || enc === 'x-gzip') stream = res.pipe(createGunzip());
      else if (enc === 'deflate') stream = res.pipe(createInflate());
      else if (enc === 'br') stream = res.pipe(createBrotliDecompress());
      else if (enc && enc !== 'identity') return fail(new FetchError(url.href, `unsupported content encoding "${enc}"`, status));
      const chunks: Buffer[] = [];
      let size = 0;
      stream.on('data', (c: Buffer) => {
        size += c.length;
        if (size > s.maxBytes) {
          if (stream !== res) stream.destroy();
          return fail(new FetchError(url.href, `too large (over ${s.maxBytes} bytes)`, status));
        }
        chunks.push(c);
      });
      stream.on('error', (err) => fail(new FetchError(url.href, `unreadable body: ${err.message}`, status)));
      res.on('aborted', () => fail(new FetchError(url.href, 'the connection closed before the body ended', status)));
      stream.on('end', () => {
        // A body shorter than its Content-Length was cut off.
        if (!res.complete) return fail(new FetchError(url.href, 'the connection closed before the body ended', status));
        done(null, { status, headers: h, body: Buffer.concat(chunks) });
      });
    });
    req.end();
  });
}

/** Fetches a URL, following redirects; throws a {@link FetchError} for anything but a 2xx or 304. */
export async function fetchUrl(input: string, options: FetchOptions = {}): Promise<FetchResult> {
  const s: Settings = {
    allowPrivate: options.allowPrivate ?? false,
    connectTimeoutMs: options.connectTimeoutMs ?? 10_000,
    maxBytes: options.maxBytes ?? 10 * 1024 * 1024,
    accept: options.accept ?? 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8',
    etag: options.etag,
    lastModified: options.lastModified,
    signal: options.signal,
  };
  const maxRedirects = options.maxRedirects ?? 5;
  const retries = options.retries ?? 2;
  const maxRetryWait = options.maxRetryWaitMs ?? 30_000;
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    throw new FetchError(input, 'not a URL');
  }
  const seen = new Set<string>();
  const redirects: string[] = [];
  let permanent = true;
  const deadline = Date.now() + (options.totalTimeoutMs ?? 30_000);
  for (;;) {
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new FetchError(url.href, `unsupported scheme ${url.protocol}`);
    if (url.username || url.password) throw new FetchError(url.href, 'URLs with credentials are not fetched');
    url.hash = '';
    if (seen.has(url.href)) throw new FetchError(input, `redirect loop at ${url.href}`);
    seen.add(url.href);
    let hop: Hop;
    for (let attempt = 0; ; attempt++) {
      const gate = gateOf(url.host);
      await gate.enter(options.hostConcurrency ?? 2, options.hostDelayMs ?? 1000, options.signal).catch(() => { throw new FetchError(url.href, 'aborted'); });
      try {
        hop = await request(url, s, deadline).catch((err) => {
          if (err instanceof StaleSocketError) return request(url, s, deadline);
          throw err;
        });
      } finally {
        gate.leave();
      }
      if (hop.status !== 429 && (hop.status < 500 || hop.status > 599)) break;
      const asked = retryAfterMs(hop.headers['retry-after']);
      if (asked !== null && asked > maxRetryWait) throw new FetchError(url.href, `HTTP ${hop.status}, come back in ${Math.ceil(asked / 1000)} s`, hop.status, asked);
      // Exponential backoff with jitter, so that many clients do not come back in step.
      const wait = asked ?? Math.round(500 * 2 ** attempt * (0.75 + Math.random() / 2));
      if (attempt >= retries || Date.now() + wait >= deadline) throw new FetchError(url.href, `HTTP ${hop.status}`, hop.status, asked ?? undefined);
      await sleep(wait, options.signal).catch(() => { throw new FetchError(url.href, 'aborted'); });
    }
    if (REDIRECTS.has(hop.status)) {
      if (!hop.location) throw new FetchError(url.href, `HTTP ${hop.status} without a Location`, hop.status);
      if (redirects.length >= maxRedirects) throw new FetchError(input, `more than ${maxRedirects} redirects`, hop.status);
      redirects.push(url.href);
      if (hop.status !== 301 && hop.status !== 308) permanent = false;
      try {
        url = new URL(hop.location, url);
      } catch {
        throw new FetchError(url.href, `redirect to an invalid URL "${hop.location.slice(0, 100)}"`, hop.status);
      }
      continue;
    }
    if (hop.status >= 400) throw new FetchError(url.href, `HTTP ${hop.status}`, hop.status);
    if (hop.status < 200 || (hop.status >= 300 && hop.status !== 304)) throw new FetchError(url.href, `unexpected HTTP ${hop.status}`, hop.status);
    const notModified = hop.status === 304;
    return { url: url.href, status: hop.status, headers: hop.headers, body: hop.body, notModified, redirects, moved: redirects.length > 0 && permanent };
  }
}
