/**
 * Feeds (RSS 0.9x/2.0, Atom, RDF, JSON Feed) and OPML lists of feeds, parsed with feedsmith into
 * one item shape. XML that declares entities is refused before parsing: entity expansion ("billion
 * laughs") and external entities have no place in a news feed.
 *
 * @module
 */
import { parseFeed, parseOpml } from 'feedsmith';

export interface FeedItem {
  /** The item's GUID or id, else its link: what makes it the same item on the next poll. */
  key: string;
  url: string | null;
  title: string | null;
  published: string | null;
  summary: string | null;
}

export interface ParsedFeed {
  title: string | null;
  /** Minutes the feed asks to be cached for (RSS `ttl`). */
  ttlMinutes: number | null;
  /** Hours (0–23, GMT) the feed asks not to be polled in (RSS `skipHours`). */
  skipHours: number[];
  items: FeedItem[];
}

export class FeedError extends Error {}

/** Refuses DOCTYPEs with entity declarations, and anything that is not a feed. */
export function checkXml(text: string): void {
  const head = text.slice(0, 64 * 1024);
  if (/<!DOCTYPE[^>]*\[/i.test(head) || /<!ENTITY/i.test(head)) throw new FeedError('refused: the XML declares entities (entity expansion or external entities)');
}

const str = (v: unknown): string | null => {
  if (typeof v === 'string') return v.trim() || null;
  if (v && typeof v === 'object' && 'value' in v) return str((v as { value: unknown }).value);
  return null;
};

export function parseFeedText(text: string): ParsedFeed {
  const body = text.replace(/^\uFEFF/, '');
  if (!/^\s*[{[]/.test(body)) checkXml(body);
  let parsed: { format: string; feed: Record<string, unknown> };
  try {
    parsed = parseFeed(body) as unknown as { format: string; feed: Record<string, unknown> };
  } catch (err) {
    throw new FeedError(`not a feed: ${(err as Error).message}`);
  }
  const f = parsed.feed;
  const raw = ((f.items ?? f.entries ?? []) as Record<string, unknown>[]);
  const items: FeedItem[] = [];
  for (const it of raw) {
    const links = it.links as { href?: string; rel?: string }[] | undefined;
    const url = str(it.link) ?? str(it.url) ?? links?.find((l) => !l.rel || l.rel === 'alternate')?.href ?? null;
    const key = str(it.guid) ?? str(it.id) ?? url;
    if (!key) continue;
    const published = str(it.pubDate) ?? str(it.published) ?? str(it.updated) ?? str(it.date_published) ?? str((it.dc as Record<string, unknown> | undefined)?.date) ?? null;
    items.push({ key, url, title: str(it.title), published: published ? toIso(published) : null, summary: str(it.description) ?? str(it.summary) ?? str(it.content_text) ?? str(it.content) ?? null });
  }
  const skip = (f.skipHours as number[] | undefined) ?? [];
  return { title: str(f.title), ttlMinutes: typeof f.ttl === 'number' ? f.ttl : null, skipHours: Array.isArray(skip) ? skip.map(Number).filter((h) => h >= 0 && h < 24) : [], items };
}

function toIso(d: string): string | null {
  const t = Date.parse(d);
  return Number.isNaN(t) ? null : new Date(t).toISOString();
}

/** The feed URLs of an OPML file, nested outlines included. */
export function parseOpmlText(text: string): { url: string; title: string | null }[] {
  checkXml(text);
  let doc: { body?: { outlines?: unknown[] } };
  try {
    doc = parseOpml(text) as typeof doc;
  } catch (err) {
    throw new FeedError(`not an OPML file: ${(err as Error).message}`);
  }
  const out: { url: string; title: string | null }[] = [];
  const walk = (nodes: unknown[] = []) => {
    for (const n of nodes as { xmlUrl?: string; text?: string; title?: string; outlines?: unknown[] }[]) {
      if (n.xmlUrl) out.push({ url: n.xmlUrl, title: n.title ?? n.text ?? null });
      walk(n.outlines);
    }
  };
  walk(doc.body?.outlines);
  return out;
}
