/**
 * POST /api/articles: an article as JSON (`{id?, url?, source?, title?, published?, text | html}`,
 * or only `{url}` to fetch the page), plain text or HTML. Off unless the server was started with a
 * token; checks run cheapest first (on? token? type? size?) so that nothing is read from a request
 * that will be refused.
 *
 * @module
 */
import type { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { timingSafeEqual, createHash } from 'node:crypto';
import type { Store } from '../../store/types.js';
import { createSink, extractItem, groupPending, storedClusterer } from '../../pipeline/index.js';
import { fromRecord, type InputItem } from '../../ingest/files.js';
import type { AppOptions } from './options.js';
import { HttpError } from './errors.js';

const TYPES = ['application/json', 'text/plain', 'text/html'];

// Comparing digests keeps the comparison's time independent of where the tokens differ, and of
// their lengths.
const digest = (s: string) => createHash('sha256').update(s).digest();
const sameToken = (given: string, token: string) => timingSafeEqual(digest(given), digest(token));

export function ingestRoutes(app: Hono, store: Store, options: AppOptions, onChange: () => void): void {
  const maxBody = options.maxBodyBytes ?? 2 * 1024 * 1024;
  // The grouping step of the first article would otherwise rebuild the clusterer from the whole
  // collection while its client waits; it is built (and anything a stopped run left ungrouped is
  // grouped) as the server starts.
  if (options.allowIngest && options.warm) {
    void groupPending(store)
      .then((r) => {
        if (r.fed) onChange();
        return storedClusterer(store);
      })
      .catch(() => undefined);
  }
  app.post(
    '/api/articles',
    async (c, next) => {
      if (!options.allowIngest) throw new HttpError(403, 'ingest is off: start the server with `parallax serve --allow-ingest --token T`');
      const auth = /^Bearer (.+)$/.exec(c.req.header('authorization') ?? '')?.[1];
      if (!auth || !sameToken(auth, options.allowIngest.token)) {
        c.header('WWW-Authenticate', 'Bearer');
        throw new HttpError(401, 'a valid bearer token is required');
      }
      const type = (c.req.header('content-type') ?? '').split(';')[0].trim().toLowerCase();
      if (!TYPES.includes(type)) throw new HttpError(415, `unsupported content type "${type || 'none'}": send ${TYPES.join(', ')}`);
      await next();
    },
    bodyLimit({
      maxSize: maxBody,
      onError: () => {
        throw new HttpError(413, `body larger than ${maxBody} bytes`);
      },
    }),
    async (c) => {
      const type = (c.req.header('content-type') ?? '').split(';')[0].trim().toLowerCase();
      const body = await c.req.text();
      const { id, url, source } = c.req.query();
      let record: unknown;
      if (type === 'application/json') {
        try {
          record = JSON.parse(body);
        } catch {
          throw new HttpError(400, 'the body is not valid JSON');
        }
      } else record = { [type === 'text/html' ? 'html' : 'text']: body, id, url, source };
      const item = await toItem(record, options);
      if (!item.ok) throw new HttpError(422, item.error);
      const r = extractItem(item);
      if ('failure' in r) throw new HttpError(422, r.failure.error);
      // Stored, then one grouping step: the new article (and any left pending) joins or opens a story.
      const sink = createSink(store, { checkpoint: false });
      await sink.add(r);
      const done = await sink.finish();
      const result = done.inserted ? 'inserted' : done.updated ? 'updated' : 'unchanged';
      if (result !== 'unchanged') onChange();
      return c.json({ id: r.article.id, result, story: await store.storyOf(r.article.id) }, result === 'inserted' ? 201 : 200);
    },
  );
}

/** A record with neither text nor HTML but a URL is fetched (public addresses only, by default). */
async function toItem(record: unknown, options: AppOptions): Promise<InputItem> {
  const r = record as Record<string, unknown> | null;
  if (r && typeof r === 'object' && !Array.isArray(r) && typeof r.url === 'string' && r.text === undefined && r.html === undefined) {
    let parsed: URL;
    try {
      parsed = new URL(r.url);
    } catch {
      throw new HttpError(422, `"url" is not a web address: ${JSON.stringify(r.url.slice(0, 200))}`);
    }
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new HttpError(422, '"url" must be an http or https address');
    const { fetchPage } = await import('../../ingest/web/pages.js');
    const hints = Object.fromEntries(['id', 'source', 'title', 'published'].filter((k) => typeof r[k] === 'string').map((k) => [k, r[k] as string]));
    return fetchPage(parsed.toString(), hints, { allowPrivate: options.allowPrivateFetch ?? false, totalTimeoutMs: 20_000, maxBytes: 5 * 1024 * 1024 });
  }
  return fromRecord(record, 'request', null);
}
