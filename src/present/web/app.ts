/**
 * The web page and the HTTP API over a store, as one hono app (tested in-process with
 * `app.request()`). Pages are server-rendered; the API mirrors the CLI and returns the same story
 * JSON as `parallax analyse --json`. Errors are JSON `{status, message}` under /api.
 *
 * @module
 */
import { Hono, type Context } from 'hono';
import type { Store } from '../../store/types.js';
import { storyAnalysis, extractItem, regroup } from '../../pipeline.js';
import { fromRecord } from '../../ingest/files.js';
import { STYLE, SCRIPT } from './assets.js';
import { articlePage, errorPage, frontPage, outletPage, searchPage, storyPage } from './pages.js';
import { openApi } from './openapi.js';

export interface AppOptions {
  /** Enables POST /api/articles, for requests bearing this token. */
  allowIngest?: { token: string };
  /** Largest request body accepted by the ingest endpoint, in bytes. */
  maxBodyBytes?: number;
}

const CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

/** Opaque pagination cursors. */
const encode = (offset: number) => Buffer.from(JSON.stringify({ o: offset })).toString('base64url');
function decode(cursor: string | undefined): number {
  if (!cursor) return 0;
  try {
    const o = (JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { o?: unknown }).o;
    if (typeof o === 'number' && Number.isInteger(o) && o >= 0) return o;
  } catch {
    /* fall through */
  }
  throw new HttpError(400, 'invalid cursor');
}

class HttpError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

function limitOf(v: string | undefined, dflt: number): number {
  if (v === undefined) return dflt;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1 || n > 500) throw new HttpError(400, 'limit must be a whole number from 1 to 500');
  return n;
}

export function createApp(store: Store, options: AppOptions = {}): Hono {
  const app = new Hono();
  const maxBody = options.maxBodyBytes ?? 2 * 1024 * 1024;

  app.use('*', async (c, next) => {
    await next();
    c.header('Content-Security-Policy', CSP);
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('Referrer-Policy', 'no-referrer');
    c.header('X-Frame-Options', 'DENY');
  });

  app.onError((err, c) => {
    const status = err instanceof HttpError ? err.status : 500;
    const message = err instanceof HttpError ? err.message : 'internal error';
    if (status === 500) process.stderr.write(`parallax serve: ${(err as Error).stack ?? err}\n`);
    if (c.req.path.startsWith('/api/')) return c.json({ status, message }, status as 400);
    return c.html(errorPage(status, message), status as 400);
  });
  app.notFound((c) => (c.req.path.startsWith('/api/') ? c.json({ status: 404, message: `no route ${c.req.path}` }, 404) : c.html(errorPage(404, 'Not found'), 404)));

  app.get('/favicon.ico', (c) => c.body(null, 204));
  app.get('/static/style.css', (c) => c.body(STYLE, 200, { 'Content-Type': 'text/css; charset=utf-8', 'Cache-Control': 'max-age=3600' }));
  app.get('/static/app.js', (c) => c.body(SCRIPT, 200, { 'Content-Type': 'text/javascript; charset=utf-8', 'Cache-Control': 'max-age=3600' }));

  // ---- pages
  app.get('/', async (c) => {
    const { outlet, lang, from, to, cursor } = c.req.query();
    const offset = decode(cursor);
    const page = 30;
    let stories = await store.listStories();
    if (outlet || lang || from || to) {
      const keep: typeof stories = [];
      for (const s of stories) {
        const arts = await store.listArticles({ story: s.id });
        if (outlet && !arts.some((a) => a.source === outlet)) continue;
        if (lang && !arts.some((a) => a.language === lang)) continue;
        if (from && (s.last ?? '') < from) continue;
        if (to && (s.first ?? '9999') > `${to}T99`) continue;
        keep.push(s);
      }
      stories = keep;
    }
    const slice = stories.slice(offset, offset + page);
    const outlets = [...new Set((await store.listArticles({ limit: 5000 })).map((a) => a.source).filter((x): x is string => !!x))].sort();
    return c.html(frontPage(slice, offset + page < stories.length ? encode(offset + page) : null, { outlet, lang, from, to }, outlets));
  });

  // Rendered story pages, kept while the stored analysis they were made from is the same.
  const rendered = new Map<string, { stamp: string; html: string }>();
  app.get('/story/:id', async (c) => {
    const id = c.req.param('id');
    const stamp = await store.analysisStamp(id);
    const hit = rendered.get(id);
    if (stamp && hit?.stamp === stamp) return c.html(hit.html);
    const s = await storyAnalysis(store, id);
    if (!s) throw new HttpError(404, 'No such story');
    const html = storyPage(s);
    const now = await store.analysisStamp(id);
    if (now) {
      if (rendered.size > 200) rendered.delete(rendered.keys().next().value!);
      rendered.set(id, { stamp: now, html });
    }
    return c.html(html);
  });

  app.get('/article/:id', async (c) => {
    const a = await store.getArticle(c.req.param('id'));
    if (!a) throw new HttpError(404, 'No such article');
    return c.html(articlePage(a, await store.storyOf(a.id)));
  });

  app.get('/outlet/:name', async (c) => {
    const name = c.req.param('name');
    const articles = await store.listArticles({ source: name });
    if (!articles.length) throw new HttpError(404, 'No articles from this outlet');
    const mine = new Set(await Promise.all(articles.map((a) => store.storyOf(a.id))));
    const all = await store.listStories({ limit: 200 });
    return c.html(outletPage(name, articles, all.filter((s) => mine.has(s.id)), all.filter((s) => !mine.has(s.id) && s.sourceCount >= 2)));
  });

  app.get('/search', async (c) => {
    const q = (c.req.query('q') ?? '').slice(0, 500);
    return c.html(searchPage(q, q ? await store.search(q, { limit: 50 }) : []));
  });

  // ---- API
  app.get('/api/openapi.json', (c) => c.json(openApi));

  app.get('/api/stories', async (c) => {
    const offset = decode(c.req.query('cursor'));
    const limit = limitOf(c.req.query('limit'), 50);
    const items = await store.listStories({ limit: limit + 1, offset });
    return c.json({ items: items.slice(0, limit), next: items.length > limit ? encode(offset + limit) : null });
  });

  app.get('/api/stories/:id', async (c) => {
    const s = await storyAnalysis(store, c.req.param('id'));
    if (!s) throw new HttpError(404, `no story "${c.req.param('id')}"`);
    return c.json(s);
  });

  app.get('/api/articles', async (c) => {
    const offset = decode(c.req.query('cursor'));
    const limit = limitOf(c.req.query('limit'), 50);
    const items = await store.listArticles({ limit: limit + 1, offset, story: c.req.query('story'), source: c.req.query('outlet') });
    return c.json({ items: items.slice(0, limit).map(({ raw: _raw, ...a }) => a), next: items.length > limit ? encode(offset + limit) : null });
  });

  app.get('/api/articles/:id', async (c) => {
    const a = await store.getArticle(c.req.param('id'));
    if (!a) throw new HttpError(404, `no article "${c.req.param('id')}"`);
    const { raw: _raw, ...rest } = a;
    return c.json({ ...rest, story: await store.storyOf(a.id) });
  });

  app.get('/api/outlets', async (c) => {
    const counts = new Map<string, number>();
    for (const a of await store.listArticles()) if (a.source) counts.set(a.source, (counts.get(a.source) ?? 0) + 1);
    return c.json({ items: [...counts].map(([name, articles]) => ({ name, articles })).sort((a, b) => b.articles - a.articles) });
  });

  app.get('/api/search', async (c) => {
    const q = c.req.query('q');
    if (!q) throw new HttpError(400, 'q is required');
    return c.json({ items: await store.search(q, { limit: limitOf(c.req.query('limit'), 20) }) });
  });

  app.post('/api/articles', async (c) => ingest(c, store, options, maxBody));

  return app;
}

async function ingest(c: Context, store: Store, options: AppOptions, maxBody: number) {
  if (!options.allowIngest) throw new HttpError(403, 'ingest is off: start the server with `parallax serve --allow-ingest`');
  const auth = c.req.header('authorization') ?? '';
  if (auth !== `Bearer ${options.allowIngest.token}`) throw new HttpError(401, 'a valid bearer token is required');
  const length = Number(c.req.header('content-length') ?? '0');
  if (length > maxBody) throw new HttpError(413, `body larger than ${maxBody} bytes`);
  const type = (c.req.header('content-type') ?? '').split(';')[0].trim().toLowerCase();
  const buf = await c.req.arrayBuffer();
  if (buf.byteLength > maxBody) throw new HttpError(413, `body larger than ${maxBody} bytes`);
  const body = new TextDecoder().decode(buf);
  let record: unknown;
  if (type === 'application/json') {
    try {
      record = JSON.parse(body);
    } catch {
      throw new HttpError(400, 'invalid JSON');
    }
  } else if (type === 'text/plain') record = { text: body, id: c.req.query('id') };
  else if (type === 'text/html') record = { html: body, id: c.req.query('id'), url: c.req.query('url') };
  else throw new HttpError(415, 'send application/json ({id?, url?, source?, title?, published?, text|html}), text/plain or text/html');
  const item = fromRecord(record, 'request', null);
  if (!item.ok) throw new HttpError(422, item.error);
  const r = extractItem(item);
  if ('failure' in r) throw new HttpError(422, r.failure.error);
  const [result] = await store.upsertArticles([r.article]);
  if (result !== 'unchanged') await regroup(store);
  return c.json({ id: r.article.id, result, story: await store.storyOf(r.article.id) }, result === 'inserted' ? 201 : 200);
}
