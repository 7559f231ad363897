/**
 * Following feeds. Each feed's state lives in the store (`feed:<url>`): its validators (ETag,
 * Last-Modified), when to poll next, how many errors in a row, and the items already seen — so a
 * restart goes on where it left off, and an unchanged feed costs one conditional request.
 *
 * The next poll honours the feed's TTL and skip hours and the server's Cache-Control max-age,
 * within bounds, and backs off exponentially after errors.
 *
 * @module
 */
import type { Store } from '../../store/types.js';
import type { InputItem } from '../files.js';
import { fromRecord } from '../files.js';
import { ingestItems, type IngestSummary } from '../../pipeline.js';
import { fetchUrl, type FetchOptions } from './http.js';
import { parseFeedText } from './feeds.js';
import { fetchPage, urlId, type PageOptions } from './pages.js';

export interface FeedState {
  url: string;
  title: string | null;
  etag: string | null;
  lastModified: string | null;
  /** Epoch milliseconds. */
  nextPoll: number;
  errors: number;
  lastError: string | null;
  /** Item keys already ingested (bounded: the newest are kept). */
  seen: string[];
  added: string;
}

export const FEED_PREFIX = 'feed:';
const MIN_INTERVAL = 5 * 60_000;
const DEFAULT_INTERVAL = 15 * 60_000;
const MAX_INTERVAL = 24 * 3600_000;
const MAX_SEEN = 2000;

export async function addFeed(store: Store, url: string): Promise<boolean> {
  const u = new URL(url);
  if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new Error(`${url}: not an http(s) URL`);
  const key = FEED_PREFIX + u.toString();
  if (await store.getState(key)) return false;
  const state: FeedState = { url: u.toString(), title: null, etag: null, lastModified: null, nextPoll: 0, errors: 0, lastError: null, seen: [], added: new Date().toISOString() };
  await store.setState(key, state);
  return true;
}

export async function listFeeds(store: Store): Promise<FeedState[]> {
  return (await store.listState<FeedState>(FEED_PREFIX)).map((r) => r.value);
}

function nextInterval(ttlMinutes: number | null, cacheControl: string | undefined): number {
  const maxAge = Number(/max-age=(\d+)/.exec(cacheControl ?? '')?.[1]);
  const wanted = ttlMinutes ? ttlMinutes * 60_000 : Number.isFinite(maxAge) ? maxAge * 1000 : DEFAULT_INTERVAL;
  return Math.min(MAX_INTERVAL, Math.max(MIN_INTERVAL, wanted));
}

/** Moves a time out of the hours the feed asked not to be polled in. */
function afterSkipHours(t: number, skip: number[]): number {
  let d = new Date(t);
  for (let i = 0; i < 24 && skip.includes(d.getUTCHours()); i++) d = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), d.getUTCHours() + 1));
  return d.getTime();
}

export interface PollReport {
  url: string;
  status: 'unchanged' | 'updated' | 'error';
  newItems: number;
  ingest?: IngestSummary;
  error?: string;
}

/** Polls one feed now: new items are fetched (falling back to the feed's summary) and ingested. */
export async function pollFeed(store: Store, state: FeedState, options: PageOptions = {}, now = Date.now()): Promise<PollReport> {
  try {
    const res = await fetchUrl(state.url, { ...options, etag: state.etag, lastModified: state.lastModified, accept: 'application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, */*;q=0.5', maxBytes: options.maxBytes ?? 5 * 1024 * 1024 });
    if (res.notModified) {
      state.nextPoll = now + nextInterval(null, res.headers['cache-control']);
      state.errors = 0;
      await store.setState(FEED_PREFIX + state.url, state);
      return { url: state.url, status: 'unchanged', newItems: 0 };
    }
    const feed = parseFeedText(res.body.toString('utf8'));
    const seen = new Set(state.seen);
    const fresh = feed.items.filter((i) => !seen.has(i.key));
    const items: InputItem[] = [];
    for (const it of fresh) {
      const hints = { title: it.title ?? undefined, published: it.published ?? undefined };
      let item: InputItem | null = it.url ? await fetchPage(new URL(it.url, state.url).toString(), hints, options) : null;
      // The page could not be had: the feed's own summary stands in for it.
      if ((!item || !item.ok) && it.summary) item = fromRecord({ id: it.url ? undefined : `feed-${it.key}`, url: it.url ?? undefined, title: it.title ?? undefined, published: it.published ?? undefined, html: it.summary }, `${state.url}#${it.key}`, null);
      if (item?.ok && !item.record.id && it.url) item.record.id = urlId(new URL(it.url, state.url).toString());
      if (item) items.push(item);
    }
    const ingest = items.length ? await ingestItems(store, items) : undefined;
    state.seen = [...state.seen, ...fresh.map((i) => i.key)].slice(-MAX_SEEN);
    state.title = feed.title ?? state.title;
    state.etag = res.headers.etag ?? null;
    state.lastModified = res.headers['last-modified'] ?? null;
    state.errors = 0;
    state.lastError = null;
    state.nextPoll = afterSkipHours(now + nextInterval(feed.ttlMinutes, res.headers['cache-control']), feed.skipHours);
    await store.setState(FEED_PREFIX + state.url, state);
    return { url: state.url, status: 'updated', newItems: fresh.length, ingest };
  } catch (err) {
    state.errors++;
    state.lastError = (err as Error).message;
    state.nextPoll = now + Math.min(MAX_INTERVAL, MIN_INTERVAL * 2 ** Math.min(state.errors, 8));
    await store.setState(FEED_PREFIX + state.url, state);
    return { url: state.url, status: 'error', newItems: 0, error: state.lastError };
  }
}

/** Polls every feed that is due; returns what each poll did. */
export async function pollDue(store: Store, options: PageOptions = {}, now = Date.now()): Promise<PollReport[]> {
  const out: PollReport[] = [];
  for (const f of await listFeeds(store)) if (f.nextPoll <= now) out.push(await pollFeed(store, f, options, now));
  return out;
}

export async function watch(store: Store, options: PageOptions & { once?: boolean; signal?: AbortSignal; log?: (line: string) => void }): Promise<void> {
  const log = options.log ?? (() => {});
  while (!options.signal?.aborted) {
    for (const r of await pollDue(store, options)) {
      log(`${new Date().toISOString()} ${r.url} ${r.status}${r.newItems ? `, ${r.newItems} new items` : ''}${r.ingest ? `, ingested ${r.ingest.inserted} updated ${r.ingest.updated} failed ${r.ingest.failed.length}` : ''}${r.error ? `: ${r.error}` : ''}`);
    }
    if (options.once) return;
    const next = Math.min(...(await listFeeds(store)).map((f) => f.nextPoll), Date.now() + 60_000);
    await new Promise<void>((resolve) => {
      const t = setTimeout(resolve, Math.max(1000, next - Date.now()));
      options.signal?.addEventListener('abort', () => { clearTimeout(t); resolve(); }, { once: true });
    });
  }
}

export type { FetchOptions };
