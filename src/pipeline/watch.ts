/**
 * Following feeds. Each feed's state lives in the store (`feed:<url>`): its validators (ETag,
 * Last-Modified), when to poll next, how many errors in a row, and the items already seen with a
 * fingerprint of each — so a restart goes on where it left off, an unchanged feed costs one
 * conditional request, and an item updated in place is fetched again.
 *
 * The next poll honours the feed's TTL, skip hours and skip days and the server's Cache-Control
 * max-age or Expires, within bounds; it backs off exponentially after errors and honours
 * Retry-After. A feed that answers 410 Gone is no longer polled.
 *
 * Articles are stored as each poll ends; they are grouped once per round, in one grouping step
 * (its cost follows the new articles, not the collection).
 *
 * @module
 */
import { isIP } from 'node:net';
import { lookup } from 'node:dns/promises';
import type { Store } from '../store/types.js';
import type { InputItem } from '../ingest/files.js';
import { fromRecord } from '../ingest/files.js';
import { fetchUrl, FetchError, PrivateAddressError } from '../ingest/web/http.js';
import { isPrivateAddress } from '../ingest/web/address.js';
import { parseFeedBytes, type FeedItem } from '../ingest/web/feeds.js';
import { fetchPages, urlId, type PageOptions } from '../ingest/web/pages.js';
import { groupPending } from '../cluster/stored.js';
import { extractItem, type Failure } from './extract.js';
import { createSink, type StoreSummary } from './sink.js';

/** What the store keeps of a followed feed. */
export interface FeedState {
  url: string;
  title: string | null;
  etag: string | null;
  lastModified: string | null;
  /** Epoch milliseconds of the next poll; null for a feed that is gone. */
  nextPoll: number | null;
  /** Epoch milliseconds of the last poll, or null before the first. */
  lastPoll?: number | null;
  /** Errors in a row (0 after a good poll). */
  errors: number;
  lastError: string | null;
  /** Item keys already ingested with their fingerprints, oldest first (bounded: the newest are kept). */
  seen: [string, string][];
  /** True once the feed answered 410 Gone. */
  gone?: boolean;
  /** Where the feed was followed from before it moved permanently (301/308). */
  movedFrom?: string;
  /** ISO 8601: when the feed was added. */
  added: string;
  /**
   * Added with `--allow-private`: the private addresses the feed's own host resolves to may be
   * fetched when it is polled (a feed on the local network), and no other private address.
   */
  allowPrivate?: boolean;
  /** Epoch milliseconds before which the server asked not to be asked again (Retry-After). */
  retryUntil?: number | null;
}

/** What one poll did. */
export interface PollReport {
  url: string;
  status: 'unchanged' | 'updated' | 'error' | 'gone' | 'aborted';
  /** HTTP status of the feed fetch, when there was one. */
  httpStatus?: number;
  /** Items not seen before. */
  newItems: number;
  /** Items seen before whose fingerprint changed. */
  changedItems: number;
  inserted: number;
  updated: number;
  unchanged: number;
  failed: Failure[];
  /** Items that could not be fetched and were stored from the feed's own summary. */
  fromSummary: number;
  error?: string;
  nextPoll: number | null;
  ms: number;
}

export const FEED_PREFIX = 'feed:';

/** Scheduling bounds; tests and quiet deployments may change them. */
export interface Schedule {
  minIntervalMs: number;
  defaultIntervalMs: number;
  maxIntervalMs: number;
  /** The longest wait after errors. */
  maxBackoffMs: number;
}

export const DEFAULT_SCHEDULE: Schedule = { minIntervalMs: 5 * 60_000, defaultIntervalMs: 15 * 60_000, maxIntervalMs: 24 * 3600_000, maxBackoffMs: 12 * 3600_000 };
const MAX_SEEN = 5000;
const MAX_ITEMS_PER_POLL = 200;

/** Options of polling and watching. */
export interface WatchOptions extends PageOptions {
  schedule?: Partial<Schedule>;
  /** Feeds polled at once (default 4); per-host limits still apply. */
  feedConcurrency?: number;
  /** Item pages fetched at once per feed (default 4). */
  pageConcurrency?: number;
  /** New or changed items handled in one poll (default 200); the rest wait for the next poll. */
  maxItemsPerPoll?: number;
}

function normaliseFeedUrl(url: string): string {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new Error(`${url}: not a URL`);
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new Error(`${url}: not an http(s) URL`);
  u.hash = '';
  return u.toString();
}

/**
 * Follows a feed; false when it was followed already. `allowPrivate` is remembered with the feed
 * (also for one followed already, which is then due at once): every later poll may reach the
 * private addresses of the feed's own host without the flag being given again.
 */
export async function addFeed(store: Store, url: string, title: string | null = null, options: { allowPrivate?: boolean } = {}): Promise<boolean> {
  const u = normaliseFeedUrl(url);
  const key = FEED_PREFIX + u;
  const old = await store.getState<FeedState & { removed?: boolean }>(key);
  if (old && !old.removed) {
    if (options.allowPrivate && !old.allowPrivate) await store.setState(key, { ...old, allowPrivate: true, nextPoll: old.gone ? null : 0, errors: 0, lastError: null });
    return false;
  }
  const state: FeedState = { url: u, title, etag: null, lastModified: null, nextPoll: 0, lastPoll: null, errors: 0, lastError: null, seen: [], added: new Date().toISOString() };
  if (options.allowPrivate) state.allowPrivate = true;
  await store.setState(key, state);
  return true;
}

/**
 * The private addresses a feed added with `--allow-private` may reach: those its own host
 * resolves to now. A list, not a blanket permission, so that a feed's items on other hosts of the
 * local network (or a name that later resolves elsewhere) stay refused.
 */
export async function feedHostAddresses(url: string): Promise<string[]> {
  let host: string;
  try {
    host = new URL(url).hostname.replace(/^\[|\]$/g, '');
  } catch {
    return [];
  }
  if (isIP(host)) return isPrivateAddress(host) ? [host] : [];
  try {
    return (await lookup(host, { all: true })).map((a) => a.address).filter(isPrivateAddress);
  } catch {
    return [];
  }
}

/** The fetch options of one feed's poll: its remembered permission added to the run's. */
async function optionsFor(state: FeedState, options: WatchOptions): Promise<WatchOptions> {
  if (!state.allowPrivate || options.allowPrivate === true) return options;
  const own = await feedHostAddresses(state.url);
  if (!own.length) return options;
  const given = Array.isArray(options.allowPrivate) ? options.allowPrivate : [];
  return { ...options, allowPrivate: [...new Set([...given, ...own])] };
}

/**
 * Stops following a feed. The store has no delete for state, so the feed is marked removed
 * (`nextPoll` null, no items) and hidden from {@link listFeeds}.
 */
export async function removeFeed(store: Store, url: string): Promise<boolean> {
  const key = FEED_PREFIX + normaliseFeedUrl(url);
  const state = await store.getState<FeedState & { removed?: boolean }>(key);
  if (!state || state.removed) return false;
  await store.setState(key, { ...state, removed: true, nextPoll: null, seen: [] });
  return true;
}

/** Every followed feed, with older stored shapes brought up to date. */
export async function listFeeds(store: Store): Promise<FeedState[]> {
  const out: FeedState[] = [];
  for (const { value } of await store.listState<FeedState & { removed?: boolean }>(FEED_PREFIX)) {
    if (!value || value.removed) continue;
    // Earlier versions kept seen items as bare keys.
    const seen = (value.seen ?? []).map((s) => (Array.isArray(s) ? s : [String(s), ''])) as [string, string][];
    out.push({ ...value, seen, nextPoll: value.nextPoll === undefined ? 0 : value.nextPoll });
  }
  return out;
}

/** Seconds of freshness the server grants: Cache-Control max-age (or s-maxage), else Expires. */
export function freshnessMs(headers: Record<string, string>, now: number): number | null {
  const cc = headers['cache-control'] ?? '';
  const maxAge = /(?:^|,)\s*(?:s-maxage|max-age)\s*=\s*"?(\d+)/i.exec(cc);
  if (maxAge) return Number(maxAge[1]) * 1000;
  if (headers.expires) {
    const t = Date.parse(headers.expires);
    // An unparseable Expires ("0", "-1") means already expired.
    return Number.isNaN(t) ? 0 : Math.max(0, t - (Date.parse(headers.date ?? '') || now));
  }
  return null;
}

/** The wait until the next poll of a feed that answered. */
export function nextInterval(ttlMinutes: number | null, headers: Record<string, string>, schedule: Schedule, now: number): number {
  const asked = [ttlMinutes ? ttlMinutes * 60_000 : null, freshnessMs(headers, now)].filter((x): x is number => x !== null && x > 0);
  const wanted = asked.length ? Math.max(...asked) : schedule.defaultIntervalMs;
  return Math.min(schedule.maxIntervalMs, Math.max(schedule.minIntervalMs, wanted));
}

/** Moves a time out of the hours and days the feed asked not to be polled in (GMT). */
export function outsideSkips(t: number, skipHours: number[], skipDays: number[]): number {
  if (skipHours.length >= 24 || skipDays.length >= 7) return t;
  let d = t;
  for (let i = 0; i < 24 * 8 && (skipHours.includes(new Date(d).getUTCHours()) || skipDays.includes(new Date(d).getUTCDay())); i++) {
    const x = new Date(d);
    d = Date.UTC(x.getUTCFullYear(), x.getUTCMonth(), x.getUTCDate(), x.getUTCHours() + 1);
  }
  return d;
}

/** The wait after the n-th error in a row: doubling from the minimum interval, with a cap. */
export function backoffMs(errors: number, schedule: Schedule): number {
  return Math.min(schedule.maxBackoffMs, schedule.minIntervalMs * 2 ** Math.min(Math.max(0, errors - 1), 20));
}

/** Extracts and stores items in batches, not grouped (a round groups once): an item in several feeds is stored once. */
export async function storeItems(store: Store, items: InputItem[]): Promise<StoreSummary> {
  const sink = createSink(store, { group: false, duplicates: 'first' });
  for (const item of items) await sink.add(extractItem(item), item.origin);
  return sink.finish();
}

function itemInput(it: FeedItem, page: InputItem | null, feedUrl: string): { item: InputItem | null; fromSummary: boolean } {
  if (page?.ok) return { item: page, fromSummary: false };
  // The page could not be had: the feed's own text stands in for it, under the page's id, so the
  // page replaces it if it can be had later (the item updated in place, or fetched again).
  if (it.summary && it.summary.replace(/<[^>]*>/g, '').trim().length >= 80) {
    const id = it.url ? urlId(it.url) : `feed-${urlId(feedUrl + '#' + it.key).slice(4)}`;
    const html = /<[a-z][^>]*>/i.test(it.summary) ? it.summary : it.summary.split(/\n{2,}/).map((p) => `<p>${p.replace(/&(?!#?\w+;)/g, '&amp;').replace(/</g, '&lt;')}</p>`).join('');
    const item = fromRecord({ id, url: it.url ?? undefined, title: it.title ?? undefined, published: it.published ?? undefined, html }, `${feedUrl}#${it.key}`, null);
    if (item.ok) item.origin = page && !page.ok ? `${page.origin} (${page.error}; the feed's summary is kept)` : item.origin;
    return { item, fromSummary: true };
  }
  return { item: page, fromSummary: false };
}

/** Polls one feed now: new and changed items are fetched (the feed's summary standing in for a page that cannot be had) and stored. */
export async function pollFeed(store: Store, state: FeedState, runOptions: WatchOptions = {}, now = Date.now()): Promise<PollReport> {
  const options = await optionsFor(state, runOptions);
  const schedule = { ...DEFAULT_SCHEDULE, ...options.schedule };
  const started = Date.now();
  const report: PollReport = { url: state.url, status: 'unchanged', newItems: 0, changedItems: 0, inserted: 0, updated: 0, unchanged: 0, failed: [], fromSummary: 0, nextPoll: null, ms: 0 };
  const save = async () => {
    report.nextPoll = state.nextPoll;
    report.ms = Date.now() - started;
    await store.setState(FEED_PREFIX + state.url, state);
    return report;
  };
  state.lastPoll = now;
  try {
    const res = await fetchUrl(state.url, {
      ...options,
      etag: state.etag,
      lastModified: state.lastModified,
      accept: 'application/rss+xml, application/atom+xml, application/feed+json, application/rdf+xml;q=0.9, application/xml;q=0.8, text/xml;q=0.8, */*;q=0.5',
      maxBytes: options.maxBytes ?? 5 * 1024 * 1024,
    });
    report.httpStatus = res.status;
    if (res.notModified) {
      state.errors = 0;
      state.lastError = null;
      state.retryUntil = null;
      state.nextPoll = now + nextInterval(null, res.headers, schedule, now);
      return await save();
    }
    const feed = parseFeedBytes(res.body, res.headers['content-type'], res.url);
    const seen = new Map(state.seen);
    const pending = feed.items.filter((i) => seen.get(i.key) !== i.version);
    const todo = pending.slice(0, options.maxItemsPerPoll ?? MAX_ITEMS_PER_POLL);
    const more = pending.length > todo.length;
    report.newItems = todo.filter((i) => !seen.has(i.key)).length;
    report.changedItems = todo.length - report.newItems;
    const withPages = todo.filter((i) => i.url);
    const pages = await fetchPages(withPages.map((i) => ({ url: i.url!, hints: { title: i.title ?? undefined, published: i.published ?? undefined } })), options, options.pageConcurrency ?? 4);
    if (options.signal?.aborted) throw new FetchError(state.url, 'aborted');
    // Item pages are fetched under robots.txt (in fetchPage); the feed itself is not, as feed
    // readers do: a feed is published to be polled.
    const pageOf = new Map(withPages.map((it, i) => [it.key, pages[i]]));
    const inputs: InputItem[] = [];
    for (const it of todo) {
      const { item, fromSummary } = itemInput(it, pageOf.get(it.key) ?? null, state.url);
      if (fromSummary) report.fromSummary++;
      if (item) inputs.push(item);
      else report.failed.push({ origin: `${state.url}#${it.key}`, error: 'the item has neither a link nor text' });
    }
    const stored = await storeItems(store, inputs);
    report.inserted = stored.inserted;
    report.updated = stored.updated;
    report.unchanged = stored.unchanged;
    report.failed.push(...stored.failed);
    // Stored before the state: a crash in between fetches the items again, which changes nothing.
    for (const it of todo) seen.delete(it.key);
    for (const it of todo) seen.set(it.key, it.version);
    state.seen = [...seen].slice(-MAX_SEEN);
    state.errors = 0;
    state.lastError = null;
    state.retryUntil = null;
    state.title = feed.title ?? state.title;
    // A feed that moved for good is followed at its new address from now on (unless that one is
    // followed already, in which case this one is dropped).
    if (res.moved && res.url !== state.url) {
      const target = FEED_PREFIX + res.url;
      const taken = await store.getState<FeedState & { removed?: boolean }>(target);
      await store.setState(FEED_PREFIX + state.url, { ...state, removed: true, nextPoll: null, seen: [], movedTo: res.url });
      if (taken && !taken.removed) {
        report.url = res.url;
        report.status = 'updated';
        report.ms = Date.now() - started;
        return report;
      }
      state.movedFrom = state.url;
      state.url = res.url;
      report.url = res.url;
    }
    // Items left for the next poll: no validators (a 304 would hide them), and come back soon.
    state.etag = more ? null : res.headers.etag ?? null;
    state.lastModified = more ? null : res.headers['last-modified'] ?? null;
    state.nextPoll = more ? now + schedule.minIntervalMs : outsideSkips(now + nextInterval(feed.ttlMinutes, res.headers, schedule, now), feed.skipHours, feed.skipDays);
    report.status = 'updated';
    return await save();
  } catch (err) {
    if (options.signal?.aborted) {
      // Stopped by the user: nothing is recorded, so the next start polls this feed again.
      report.status = 'aborted';
      report.ms = Date.now() - started;
      return report;
    }
    const status = err instanceof FetchError ? err.status : undefined;
    report.httpStatus = status;
    report.error = err instanceof FetchError ? err.message.replace(/^\S+: /, '') : (err as Error).message;
    // The flag of one run is forgotten; the feed's own permission is what a user wants here.
    if (err instanceof PrivateAddressError && !state.allowPrivate) report.error = report.error.replace(/\(use --allow-private to permit\)/, `(to allow it for this feed: parallax feeds add --allow-private ${state.url})`);
    state.lastError = report.error;
    if (status === 410) {
      state.gone = true;
      state.nextPoll = null;
      report.status = 'gone';
      return await save();
    }
    state.errors++;
    report.status = 'error';
    const asked = err instanceof FetchError ? err.retryAfterMs ?? 0 : 0;
    state.retryUntil = asked > 0 ? now + asked : null;
    state.nextPoll = now + Math.min(schedule.maxIntervalMs, Math.max(backoffMs(state.errors, schedule), asked));
    return await save();
  }
}

/** A feed a round leaves out, and why. */
export interface Skipped {
  url: string;
  reason: string;
}

/** Minutes or hours from now, for a person: "in 4 min", "in 2 h 5 min". */
export function inWords(ms: number): string {
  const min = Math.max(0, Math.ceil(ms / 60_000));
  if (min < 1) return 'now';
  if (min < 60) return `in ${min} min`;
  return `in ${Math.floor(min / 60)} h${min % 60 ? ` ${min % 60} min` : ''}`;
}

/**
 * The feeds a round polls. On their schedules: those due. With `every` (an explicit single round,
 * `watch --once`): every followed feed whatever its schedule or error backoff, except one that is
 * gone (410) or whose server asked, with Retry-After, not to be asked before a later time; those
 * are returned as skipped with their reason.
 */
export function feedsToPoll(feeds: FeedState[], now: number, every = false): { due: FeedState[]; skipped: Skipped[] } {
  const due: FeedState[] = [];
  const skipped: Skipped[] = [];
  for (const f of feeds) {
    if (f.gone || f.nextPoll === null) {
      if (every) skipped.push({ url: f.url, reason: 'gone (the server answered 410), not polled again' });
    } else if (f.nextPoll <= now) due.push(f);
    else if (!every) continue;
    else if (f.retryUntil && f.retryUntil > now) skipped.push({ url: f.url, reason: `the server asked to wait (Retry-After) until ${new Date(f.retryUntil).toISOString().replace(/:\d\d\.\d+Z$/, 'Z')}` });
    else due.push(f);
  }
  return { due, skipped };
}

/** Options of one round. */
export interface RoundOptions extends WatchOptions {
  /** Poll every followed feed now, not only those due (see {@link feedsToPoll}). */
  every?: boolean;
  /** Told of each feed the round leaves out. */
  onSkip?: (s: Skipped) => void;
}

/** Polls every feed that is due, several at once; the stories are regrouped once if anything changed. */
export async function pollDue(store: Store, options: RoundOptions = {}, now = Date.now(), onReport?: (r: PollReport) => void): Promise<PollReport[]> {
  const { due, skipped } = feedsToPoll(await listFeeds(store), now, options.every);
  for (const s of skipped) options.onSkip?.(s);
  const out: PollReport[] = [];
  let next = 0;
  const worker = async () => {
    while (next < due.length && !options.signal?.aborted) {
      const r = await pollFeed(store, due[next++], options, now);
      out.push(r);
      onReport?.(r);
    }
  };
  await Promise.all(Array.from({ length: Math.min(options.feedConcurrency ?? 4, due.length) }, worker));
  // Also when nothing changed: articles a stopped round stored but never grouped are pending.
  await groupPending(store);
  return out;
}

/** Why a round polled nothing, or what it did, in one line. */
export async function roundNote(store: Store, reports: PollReport[], skipped: Skipped[], now = Date.now()): Promise<string> {
  const feeds = await listFeeds(store);
  const times = feeds.map((f) => f.nextPoll).filter((t): t is number => t !== null && !Number.isNaN(t));
  const next = times.length ? Math.min(...times) : null;
  const when = next === null ? 'no feed will be polled again' : `next feed due ${inWords(next - now)}`;
  if (!feeds.length) return 'nothing polled: no feeds are followed (add some with `parallax feeds add URL`)';
  if (!reports.length) return skipped.length ? `nothing polled: ${skipped.length === feeds.length ? 'every feed' : `${skipped.length} of ${feeds.length} feeds`} skipped (see above); ${when}` : `nothing due: ${when}`;
  const by = (st: PollReport['status']) => reports.filter((r) => r.status === st).length;
  const parts = ([['updated', by('updated')], ['not modified', by('unchanged')], ['failed', by('error')], ['gone', by('gone')], ['stopped', by('aborted')]] as const).filter(([, n]) => n).map(([w, n]) => `${n} ${w}`);
  const stored = reports.reduce((n, r) => n + r.inserted, 0);
  const updated = reports.reduce((n, r) => n + r.updated, 0);
  return `polled ${reports.length} ${reports.length === 1 ? 'feed' : 'feeds'} (${parts.join(', ')})${skipped.length ? `, skipped ${skipped.length}` : ''}; articles stored: ${stored} new, ${updated} updated; ${when}`;
}

/** One log line for a poll. */
export function formatPoll(r: PollReport): string {
  const when = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
  const next = r.nextPoll === null ? 'not polled again' : `next ${new Date(r.nextPoll).toISOString().replace(/:\d\d\.\d+Z$/, 'Z')}`;
  const what =
    r.status === 'updated'
      ? `${r.newItems} new, ${r.changedItems} changed; stored ${r.inserted} new, ${r.updated} updated, ${r.unchanged} unchanged, ${r.failed.length} failed${r.fromSummary ? `, ${r.fromSummary} from the feed's summary` : ''}`
      : r.status === 'unchanged'
        ? 'not modified'
        : r.error ?? r.status;
  return `${when} ${r.url} ${r.status}${r.httpStatus ? ` (HTTP ${r.httpStatus})` : ''}: ${what}; ${r.ms} ms; ${next}`;
}

/**
 * Polls feeds on their schedules until the signal aborts (or one round of every feed with
 * `once`): one log line per poll, and a note (`note`) when a round polled nothing (why, and when
 * the next feed is due) or, with `once`, what the round did.
 */
export async function watch(store: Store, options: WatchOptions & { once?: boolean; signal?: AbortSignal; log?: (r: PollReport) => void; note?: (line: string) => void }): Promise<void> {
  const log = options.log ?? (() => {});
  const note = options.note ?? (() => {});
  let said = '';
  while (!options.signal?.aborted) {
    const skipped: Skipped[] = [];
    const onSkip = (s: Skipped) => {
      skipped.push(s);
      note(`skipped ${s.url}: ${s.reason}`);
    };
    const reports = await pollDue(store, { ...options, every: options.once, onSkip }, Date.now(), log);
    if (options.once) {
      note(await roundNote(store, reports, skipped));
      return;
    }
    if (options.signal?.aborted) return;
    // A long watch says when it has nothing to do, once per wait (not at every wake-up).
    if (!reports.length) {
      const line = await roundNote(store, reports, skipped);
      const key = line.replace(/ due (?:in .*|now)$/, '');
      if (key !== said) note(line);
      said = key;
    } else said = '';
    if (options.signal?.aborted) return;
    const times = (await listFeeds(store)).map((f) => f.nextPoll).filter((t): t is number => t !== null);
    // Wake at least once a minute, so feeds added meanwhile are picked up.
    const next = Math.min(...times, Date.now() + 60_000);
    // The abort listener goes with each wait: a watch that runs for days must not pile them up.
    await new Promise<void>((resolve) => {
      const onAbort = () => { clearTimeout(t); resolve(); };
      const t = setTimeout(() => { options.signal?.removeEventListener('abort', onAbort); resolve(); }, Math.max(1000, next - Date.now()));
      options.signal?.addEventListener('abort', onAbort, { once: true });
    });
  }
}
