/**
 * A web page as an input: fetched (robots.txt honoured unless told otherwise), decoded by BOM,
 * header or declared charset, and given an id derived from its canonical URL, so that an updated
 * page updates its article instead of adding another.
 *
 * @module
 */
import { createHash } from 'node:crypto';
import type { ArticleRecord } from '../../types.js';
import type { InputItem } from '../files.js';
import { decodeBody, mediaTypeOf } from './charset.js';
import { fetchUrl, FetchError, type FetchOptions } from './http.js';
import { robotsPolicy, allowedBy } from './robots.js';

export { charsetOf } from './charset.js';

/** Options of a page fetch: the HTTP options, and whether to skip robots.txt. */
export interface PageOptions extends FetchOptions {
  ignoreRobots?: boolean;
}

/** Query parameters that track a click rather than name a page. */
const TRACKING = /^(utm_\w+|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|igshid|ocid|cmpid|_ga|ref_src|smid|at_medium|at_campaign)$/i;

/** A URL without its fragment and tracking parameters: the form stored and shown. */
export function cleanUrl(url: string): string {
  const u = new URL(url);
  u.hash = '';
  for (const k of [...u.searchParams.keys()]) if (TRACKING.test(k)) u.searchParams.delete(k);
  return u.toString().replace(/\?$/, '');
}

/** A URL in the form used for identity: no fragment, no tracking parameters, no `www.`. */
export function normaliseUrl(url: string): string {
  const u = new URL(url);
  u.hash = '';
  u.hostname = u.hostname.replace(/^www\./, '');
  for (const k of [...u.searchParams.keys()]) if (TRACKING.test(k)) u.searchParams.delete(k);
  u.searchParams.sort();
  // http and https copies of one page are one page.
  if (u.protocol === 'http:') u.protocol = 'https:';
  return u.toString().replace(/\?$/, '');
}

/** A stable article id for a URL: the same page under tracking parameters or a fragment is the same id. */
export function urlId(url: string): string {
  return 'url-' + createHash('sha256').update(normaliseUrl(url)).digest('hex').slice(0, 16);
}

const siteOf = (host: string) => host.toLowerCase().replace(/^www\./, '');

/**
 * The page's `<link rel="canonical">`, when it points into the same site: a page may not claim
 * another site's URL (and with it another site's article id).
 */
export function canonicalOf(html: string, pageUrl: string): string | null {
  const head = html.slice(0, 200_000);
  for (const m of head.matchAll(/<link\b[^>]*>/gi)) {
    const tag = m[0];
    if (!/\brel\s*=\s*["']?canonical\b/i.test(tag)) continue;
    const href = /\bhref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i.exec(tag);
    const value = (href?.[1] ?? href?.[2] ?? href?.[3] ?? '').trim().replace(/&amp;/g, '&');
    if (!value) continue;
    try {
      const c = new URL(value, pageUrl);
      if ((c.protocol === 'http:' || c.protocol === 'https:') && siteOf(c.hostname) === siteOf(new URL(pageUrl).hostname)) return c.toString();
    } catch {
      /* a broken canonical link is ignored */
    }
    return null;
  }
  return null;
}

const PAGE_TYPES = new Set(['text/html', 'application/xhtml+xml', 'text/plain', '']);

/**
 * Fetches a page into an input item (never throws: a failure is an item carrying its error).
 * `hints` are what a feed said about the page (title, date), kept where the page says less.
 */
export async function fetchPage(url: string, hints: ArticleRecord = {}, options: PageOptions = {}): Promise<InputItem> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { ok: false, origin: url, error: 'not a URL' };
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return { ok: false, origin: url, error: `not an http(s) URL (${parsed.protocol})` };
  try {
    let hostDelayMs = options.hostDelayMs;
    if (!options.ignoreRobots) {
      const policy = await robotsPolicy(url, options);
      if (!allowedBy(policy.rules, parsed.pathname + parsed.search)) return { ok: false, origin: url, error: 'disallowed by robots.txt (use --ignore-robots to fetch anyway)' };
      if (policy.crawlDelay !== null) hostDelayMs = Math.max(hostDelayMs ?? 1000, policy.crawlDelay * 1000);
    }
    const res = await fetchUrl(url, { ...options, hostDelayMs });
    const type = mediaTypeOf(res.headers['content-type']);
    if (!PAGE_TYPES.has(type)) return { ok: false, origin: url, error: `not a web page (${type})` };
    if (!res.body.length) return { ok: false, origin: url, error: 'empty page' };
    const decoded = decodeBody(res.body, res.headers['content-type'], type === 'text/plain' ? '.txt' : '.html');
    if ('error' in decoded) return { ok: false, origin: url, error: decoded.error };
    // Without a content type, markup is what makes a page HTML.
    const kind = type === 'text/plain' || (type === '' && !/^\s*</.test(decoded.text)) ? 'text' : 'html';
    const canonical = kind === 'html' ? canonicalOf(decoded.text, res.url) : null;
    const id = hints.id ?? urlId(canonical ?? res.url);
    return { ok: true, origin: url, raw: { kind, origin: res.url, content: decoded.text }, record: { ...hints, id, url: cleanUrl(canonical ?? res.url) }, defaultId: null };
  } catch (err) {
    const message = err instanceof FetchError ? err.message.replace(/^\S+: /, '') : (err as Error).message;
    return { ok: false, origin: url, error: message };
  }
}

/** Fetches pages with a bounded number in flight; per-host limits still apply inside. */
export async function fetchPages(urls: { url: string; hints?: ArticleRecord }[], options: PageOptions = {}, concurrency = 6, onDone?: (item: InputItem, index: number) => void): Promise<InputItem[]> {
  const out: InputItem[] = new Array(urls.length);
  let next = 0;
  const worker = async () => {
    while (next < urls.length) {
      const i = next++;
      out[i] = await fetchPage(urls[i].url, urls[i].hints ?? {}, options);
      onDone?.(out[i], i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, urls.length) }, worker));
  return out;
}
