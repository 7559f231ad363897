/**
 * robots.txt as RFC 9309 has it: the group naming our product token (`parallax`, case-insensitive)
 * or else the `*` groups; the longest matching rule wins, Allow on a tie; `*` and `$` in paths.
 * A robots.txt answering 4xx allows everything; one that cannot be had (5xx, network error)
 * disallows everything until it can. Each origin's answer is cached for at most a day, and one fetch
 * serves every concurrent request. `Crawl-delay`, not in the RFC but widely used, slows requests to
 * the host.
 *
 * @module
 */
import { fetchUrl, FetchError, PrivateAddressError, type FetchOptions } from './http.js';

/** One Allow or Disallow line. */
export interface RobotsRule {
  allow: boolean;
  path: string;
}

/** What a robots.txt says to one user agent. */
export interface RobotsPolicy {
  rules: RobotsRule[];
  /** Seconds to wait between requests, when the file asks for it. */
  crawlDelay: number | null;
}

export const ROBOTS_TOKEN = 'parallax';
const DAY = 24 * 3600_000;
/** A robots.txt that could not be had is tried again after this long. */
const RETRY_UNREACHABLE = 15 * 60_000;
const MAX_CRAWL_DELAY = 60;

export function parseRobots(text: string, token = ROBOTS_TOKEN): RobotsPolicy {
  const groups: { agents: string[]; rules: RobotsRule[]; crawlDelay: number | null }[] = [];
  let cur: (typeof groups)[number] | null = null;
  let lastWasAgent = false;
  for (const raw of text.split(/\r\n|\r|\n/)) {
    const line = raw.replace(/#.*/, '').trim();
    const m = /^([A-Za-z-]+)\s*:\s*(.*)$/.exec(line);
    if (!m) continue;
    const key = m[1].toLowerCase();
    const val = m[2].trim();
    if (key === 'user-agent') {
      if (!cur || !lastWasAgent) groups.push((cur = { agents: [], rules: [], crawlDelay: null }));
      cur.agents.push(val.toLowerCase());
      lastWasAgent = true;
      continue;
    }
    lastWasAgent = false;
    if (!cur) continue;
    if ((key === 'allow' || key === 'disallow') && val) cur.rules.push({ allow: key === 'allow', path: val });
    else if (key === 'crawl-delay' && /^\d+(\.\d+)?$/.test(val)) cur.crawlDelay = Math.min(MAX_CRAWL_DELAY, Number(val));
  }
  const want = token.toLowerCase();
  let chosen = groups.filter((g) => g.agents.includes(want));
  if (!chosen.length) chosen = groups.filter((g) => g.agents.includes('*'));
  // Several groups for one agent are combined, as the RFC asks.
  const delays = chosen.map((g) => g.crawlDelay).filter((d): d is number => d !== null);
  return { rules: chosen.flatMap((g) => g.rules), crawlDelay: delays.length ? Math.max(...delays) : null };
}

/** Percent-encodes what a robots path and a URL path may spell differently, for comparison. */
function normalisePath(p: string): string {
  return p.replace(/%[0-9a-f]{2}/gi, (m) => m.toUpperCase()).replace(/[^\x21-\x7e]/gu, (c) => encodeURIComponent(c));
}

const patternCache = new Map<string, RegExp>();
function pattern(rule: string): RegExp {
  let re = patternCache.get(rule);
  if (!re) {
    const anchored = rule.endsWith('$');
    const body = normalisePath(anchored ? rule.slice(0, -1) : rule)
      .split('*')
      .map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
      .join('.*');
    re = new RegExp('^' + body + (anchored ? '$' : ''));
    if (patternCache.size > 5000) patternCache.clear();
    patternCache.set(rule, re);
  }
  return re;
}

/** Whether a path (with its query) may be fetched under these rules. */
export function allowedBy(rules: RobotsRule[], pathAndQuery: string): boolean {
  if (pathAndQuery === '/robots.txt') return true;
  const path = normalisePath(pathAndQuery);
  let best: RobotsRule | null = null;
  for (const r of rules) {
    if (!pattern(r.path).test(path)) continue;
    if (!best || r.path.length > best.path.length || (r.path.length === best.path.length && r.allow)) best = r;
  }
  return !best || best.allow;
}

interface Cached {
  policy: Promise<RobotsPolicy>;
  expires: number;
}
const cache = new Map<string, Cached>();

const ALLOW_ALL: RobotsPolicy = { rules: [], crawlDelay: null };
const DISALLOW_ALL: RobotsPolicy = { rules: [{ allow: false, path: '/' }], crawlDelay: null };

async function load(origin: string, options: FetchOptions, entry: Cached): Promise<RobotsPolicy> {
  try {
    const res = await fetchUrl(`${origin}/robots.txt`, { ...options, retries: 1, maxBytes: 2 * 1024 * 1024, accept: 'text/plain', etag: null, lastModified: null });
    return parseRobots(res.body.toString('utf8'));
  } catch (err) {
    // A refused address is the fetch's problem, not robots.txt's: say so instead of "disallowed".
    // A fetch stopped by the user says nothing about the site: nothing is cached.
    if (err instanceof PrivateAddressError || options.signal?.aborted) {
      cache.delete(origin);
      throw err;
    }
    const status = err instanceof FetchError ? err.status : undefined;
    if (status !== undefined && status >= 400 && status < 500) return ALLOW_ALL;
    entry.expires = Date.now() + RETRY_UNREACHABLE;
    return DISALLOW_ALL;
  }
}

/** The robots.txt policy of a URL's origin, fetched once and cached. */
export async function robotsPolicy(url: string, options: FetchOptions = {}): Promise<RobotsPolicy> {
  const origin = new URL(url).origin;
  const hit = cache.get(origin);
  if (hit && hit.expires > Date.now()) return hit.policy;
  const entry: Cached = { policy: Promise.resolve(ALLOW_ALL), expires: Date.now() + DAY };
  entry.policy = load(origin, options, entry);
  cache.set(origin, entry);
  return entry.policy;
}

/** Whether robots.txt lets us fetch a URL. */
export async function robotsAllow(url: string, options: FetchOptions = {}): Promise<boolean> {
  const u = new URL(url);
  return allowedBy((await robotsPolicy(url, options)).rules, u.pathname + u.search);
}

/** Forgets every cached robots.txt (tests, and a long watch after a configuration change). */
export function clearRobotsCache(): void {
  cache.clear();
}
