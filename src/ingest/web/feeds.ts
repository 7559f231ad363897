/**
 * Feeds (RSS 0.9x/1.0/2.0, Atom, RDF, JSON Feed) and OPML lists of feeds, parsed with feedsmith
 * into one item shape.
 *
 * Hostile XML is refused before parsing: a document that declares entities or has an internal DTD
 * subset ("billion laughs", external entities) is rejected outright. feedsmith's parser
 * (fast-xml-parser 5) does not expand DTD entities anyway; the check makes the refusal explicit
 * and independent of a parser upgrade, and costs one scan of the text.
 *
 * @module
 */
import { createHash } from 'node:crypto';
import { parseFeed, parseOpml } from 'feedsmith';
import { decodeBody } from './charset.js';

/** One item of a feed, whatever the format. */
export interface FeedItem {
  /** The item's GUID or id, else its link: what makes it the same item on the next poll. */
  key: string;
  /** The item's page, absolute. */
  url: string | null;
  title: string | null;
  /** ISO 8601. */
  published: string | null;
  /** ISO 8601: when the feed says the item last changed. */
  updated: string | null;
  author: string | null;
  /** The fullest text the feed carries (content before summary), HTML or plain. */
  summary: string | null;
  /** A fingerprint of what the feed says of the item: it changes when the item is updated in place. */
  version: string;
}

/** A parsed feed. */
export interface ParsedFeed {
  format: 'rss' | 'atom' | 'rdf' | 'json';
  title: string | null;
  /** The site the feed belongs to. */
  link: string | null;
  /** Minutes the feed asks to be cached for (RSS `ttl`). */
  ttlMinutes: number | null;
  /** Hours (0–23, GMT) the feed asks not to be polled in (RSS `skipHours`). */
  skipHours: number[];
  /** Days (0 = Sunday … 6, GMT) the feed asks not to be polled on (RSS `skipDays`). */
  skipDays: number[];
  /** Items in feed order, duplicates (same key) removed: the first one stays. */
  items: FeedItem[];
}

export class FeedError extends Error {}

/**
 * Refuses XML that declares entities or carries an internal DTD subset. A DOCTYPE that only names
 * an external DTD (old RSS 0.91 feeds name Netscape's) is allowed: no parser used here loads it.
 */
export function checkXml(text: string): void {
  // Entity declarations inside CDATA sections or comments are text, not markup.
  const markup = text.replace(/<!\[CDATA\[[\s\S]*?\]\]>/g, '').replace(/<!--[\s\S]*?-->/g, '');
  if (/<!ENTITY/i.test(markup)) throw new FeedError('refused: the XML declares entities (entity expansion or external entities)');
  const doctypes = markup.match(/<!DOCTYPE[^>[]*(\[)?/gi) ?? [];
  if (doctypes.length > 1) throw new FeedError('refused: the XML has more than one DOCTYPE');
  if (doctypes.some((d) => d.endsWith('['))) throw new FeedError('refused: the XML has an internal DTD subset (entity declarations are not accepted)');
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** Markup and character references out of a short field (a title, an author). */
export function plainText(s: string): string {
  return s
    .replace(/<[^>]*>/g, ' ')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
      if (e[0] === '#') {
        const cp = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1));
        return cp > 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : m;
      }
      return NAMED[e.toLowerCase()] ?? m;
    })
    .replace(/\s+/g, ' ')
    .trim();
}

const str = (v: unknown): string | null => {
  if (typeof v === 'string') return v.trim() || null;
  if (typeof v === 'number') return String(v);
  if (Array.isArray(v)) return str(v[0]);
  if (v && typeof v === 'object') {
    if ('value' in v) return str((v as { value: unknown }).value);
    if ('name' in v) return str((v as { name: unknown }).name);
  }
  return null;
};

function toIso(d: string | null): string | null {
  if (!d) return null;
  const t = Date.parse(d);
  return Number.isNaN(t) ? null : new Date(t).toISOString();
}

function absolute(link: string | null, base: string | undefined): string | null {
  if (!link) return null;
  try {
    const u = new URL(link, base);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.toString() : null;
  } catch {
    return null;
  }
}

type Raw = Record<string, unknown>;

function itemOf(it: Raw, base: string | undefined): FeedItem | null {
  const links = it.links as { href?: string; rel?: string }[] | undefined;
  const link = str(it.link) ?? str(it.url) ?? links?.find((l) => !l.rel || l.rel === 'alternate')?.href ?? null;
  const guid = str(it.guid) ?? str(it.id) ?? null;
  const isPermaLink = (it.guid as { isPermaLink?: boolean } | undefined)?.isPermaLink;
  // An RSS guid that is a permalink (the default) is the page when there is no <link>.
  const url = absolute(link, base) ?? (guid && isPermaLink !== false ? absolute(guid, base) : null);
  const dc = it.dc as Raw | undefined;
  const published = toIso(str(it.pubDate) ?? str(it.published) ?? str(it.date_published) ?? str(dc?.dates) ?? str(dc?.date));
  const updated = toIso(str(it.updated) ?? str(it.date_modified)) ?? published;
  const titleRaw = str(it.title);
  const title = titleRaw ? plainText(titleRaw) || null : null;
  // RSS content:encoded, JSON Feed content_html, Atom content ({value}), then the summaries.
  const content = it.content as Raw | string | undefined;
  const encoded = typeof content === 'object' ? str(content.encoded) : null;
  const summary = encoded ?? str(it.content_html) ?? str(content) ?? str(it.content_text) ?? str(it.description) ?? str(it.summary) ?? null;
  const authorRaw = str(it.author) ?? str(it.authors) ?? str(dc?.creators) ?? str(dc?.creator);
  const key = guid ?? url ?? (title || summary ? 'hash:' + createHash('sha256').update(`${title}\n${summary}`).digest('hex').slice(0, 16) : null);
  if (!key) return null;
  const version = createHash('sha256').update([url, title, updated, summary].join('\u0000')).digest('hex').slice(0, 16);
  return { key, url, title, published, updated, author: authorRaw ? plainText(authorRaw) : null, summary, version };
}

const DAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

/** RSS skipDays, which feedsmith does not return, read from the text. */
function skipDaysOf(text: string): number[] {
  const block = /<skipDays>([\s\S]*?)<\/skipDays>/i.exec(text)?.[1] ?? '';
  return [...block.matchAll(/<day>\s*(\w+)\s*<\/day>/gi)].map((m) => DAYS.indexOf(m[1].toLowerCase())).filter((d) => d >= 0);
}

/** Parses a feed's text. `baseUrl` (the feed's URL) resolves relative item links. */
export function parseFeedText(text: string, baseUrl?: string): ParsedFeed {
  const body = text.replace(/^\uFEFF/, '');
  const json = /^\s*[{[]/.test(body);
  if (!json) checkXml(body);
  let parsed: { format: string; feed: Raw };
  try {
    parsed = parseFeed(body) as unknown as { format: string; feed: Raw };
  } catch (err) {
    const why = (err as Error).message;
    throw new FeedError(`not a feed (${/^\s*<(!doctype\s+html|html)\b/i.test(body) ? 'an HTML page' : why.replace(/\.$/, '').toLowerCase()})`);
  }
  const f = parsed.feed;
  const base = absolute(str(f.link) ?? str(f.home_page_url), baseUrl) ?? baseUrl;
  const raw = (f.items ?? f.entries ?? []) as Raw[];
  const items: FeedItem[] = [];
  const keys = new Set<string>();
  for (const it of Array.isArray(raw) ? raw : []) {
    const item = itemOf(it, baseUrl ?? base);
    if (!item || keys.has(item.key)) continue;
    keys.add(item.key);
    items.push(item);
  }
  const skip = Array.isArray(f.skipHours) ? (f.skipHours as unknown[]).map(Number).filter((h) => Number.isInteger(h) && h >= 0 && h < 24) : [];
  const ttl = Number(f.ttl);
  return {
    format: parsed.format as ParsedFeed['format'],
    title: str(f.title) ? plainText(str(f.title)!) : null,
    link: base ?? null,
    ttlMinutes: Number.isFinite(ttl) && ttl > 0 ? ttl : null,
    skipHours: skip,
    skipDays: json ? [] : skipDaysOf(body),
    items,
  };
}

/** Parses a feed's bytes, decoded by BOM, header charset or XML declaration. */
export function parseFeedBytes(bytes: Uint8Array, contentType?: string | null, baseUrl?: string): ParsedFeed {
  const decoded = decodeBody(bytes, contentType, '.xml');
  if ('error' in decoded) throw new FeedError(`not a feed (${decoded.error})`);
  return parseFeedText(decoded.text, baseUrl);
}

/** A feed named by an OPML outline. */
export interface OpmlFeed {
  url: string;
  title: string | null;
}

/** The feed URLs of an OPML file, nested outlines included, each once; non-http(s) URLs are skipped. */
export function parseOpmlText(text: string): OpmlFeed[] {
  const body = text.replace(/^\uFEFF/, '');
  checkXml(body);
  let doc: { body?: { outlines?: unknown[] } };
  try {
    doc = parseOpml(body) as typeof doc;
  } catch (err) {
    throw new FeedError(`not an OPML file (${(err as Error).message.replace(/\.$/, '').toLowerCase()})`);
  }
  const out: OpmlFeed[] = [];
  const seen = new Set<string>();
  const walk = (nodes: unknown[] = [], depth = 0) => {
    if (depth > 50) return;
    for (const n of nodes as { xmlUrl?: string; text?: string; title?: string; outlines?: unknown[] }[]) {
      const url = absolute(str(n.xmlUrl), undefined);
      if (url && !seen.has(url)) {
        seen.add(url);
        out.push({ url, title: str(n.title) ?? str(n.text) });
      }
      walk(n.outlines, depth + 1);
    }
  };
  walk(doc.body?.outlines);
  return out;
}

/**
 * Feeds an HTML page links to (`<link rel="alternate" type="application/rss+xml" href=…>`), for
 * `parallax feeds add` given a site's page rather than its feed.
 */
export function discoverFeeds(html: string, pageUrl: string): string[] {
  const out: string[] = [];
  for (const m of html.slice(0, 300_000).matchAll(/<link\b[^>]*>/gi)) {
    const tag = m[0];
    if (!/\brel\s*=\s*["']?[^"'>]*\balternate\b/i.test(tag)) continue;
    if (!/\btype\s*=\s*["']?application\/(rss\+xml|atom\+xml|rdf\+xml|feed\+json|json)\b/i.test(tag)) continue;
    const href = /\bhref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i.exec(tag);
    const url = absolute((href?.[1] ?? href?.[2] ?? href?.[3] ?? '').replace(/&amp;/g, '&') || null, pageUrl);
    if (url && !out.includes(url)) out.push(url);
  }
  return out;
}
