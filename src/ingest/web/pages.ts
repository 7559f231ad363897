/**
 * A web page as an input: fetched (robots.txt honoured unless told otherwise), decoded by its
 * declared or sniffed charset, and given an id derived from its URL, so that an updated page
 * updates its article instead of adding another.
 *
 * @module
 */
import { createHash } from 'node:crypto';
import type { ArticleRecord } from '../../types.js';
import type { InputItem } from '../files.js';
import { decodeBytes } from '../decode.js';
import { fetchUrl, type FetchOptions } from './http.js';
import { robotsAllow } from './robots.js';

export interface PageOptions extends FetchOptions {
  ignoreRobots?: boolean;
}

/** A stable id for a URL: fragment and tracking parameters do not make another page. */
export function urlId(url: string): string {
  const u = new URL(url);
  u.hash = '';
  for (const k of [...u.searchParams.keys()]) if (/^(utm_|fbclid|gclid|mc_)/.test(k)) u.searchParams.delete(k);
  return 'url-' + createHash('sha256').update(u.toString()).digest('hex').slice(0, 16);
}

export function charsetOf(contentType: string | undefined): string | null {
  return /charset\s*=\s*"?([\w.:-]+)/i.exec(contentType ?? '')?.[1]?.toLowerCase() ?? null;
}

export async function fetchPage(url: string, hints: ArticleRecord = {}, options: PageOptions = {}): Promise<InputItem> {
  try {
    if (!options.ignoreRobots && !(await robotsAllow(url, options))) return { ok: false, origin: url, error: 'disallowed by robots.txt' };
    const res = await fetchUrl(url, options);
    const type = res.headers['content-type'] ?? '';
    if (type && !/html|xml|text\/plain/i.test(type)) return { ok: false, origin: url, error: `not a page (${type.split(';')[0]})` };
    const declared = charsetOf(type);
    let decoded = decodeBytes(res.body, '.html');
    if (declared && 'text' in decoded && decoded.charset !== declared) {
      try {
        decoded = { text: new TextDecoder(declared).decode(res.body), charset: declared };
      } catch {
        /* an unknown declared charset: keep what sniffing found */
      }
    }
    if (!('text' in decoded)) return { ok: false, origin: url, error: decoded.error };
    const kind = /text\/plain/i.test(type) ? 'text' : 'html';
    return { ok: true, origin: url, raw: { kind, origin: url, content: decoded.text }, record: { ...hints, id: hints.id ?? urlId(res.url), url: res.url }, defaultId: null };
  } catch (err) {
    return { ok: false, origin: url, error: (err as Error).message.replace(`${url}: `, '') };
  }
}
