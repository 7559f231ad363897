/**
 * The web page and the HTTP API over a store, as one hono app (tested in-process with
 * `app.request()`). Pages are server-rendered; the API mirrors the CLI and returns the same story
 * JSON as `parallax analyse --json`. Errors are JSON `{status, message}` under /api.
 *
 * @module
 */
import { Hono } from 'hono';
import type { Store, StoredStory } from '../../store/types.js';
import type { Article } from '../../types.js';
import { STYLE, SCRIPT } from './assets.js';
import { Catalog } from './catalog.js';
import { cursorOf, readCursor } from './cursor.js';
import { HttpError } from './errors.js';
import { ingestRoutes } from './ingest.js';
import { articlePage, errorPage, frontPage, outletPage, searchPage, storyPage, type Filters } from './pages.js';
import { openApi } from './openapi.js';
import { RenderCache } from './render-cache.js';
import { withStoryDates } from './article-dates.js';
import { articleTitle } from '../title.js';
import { Unavailable } from './unavailable.js';
import { preparingPage } from './preparing-page.js';
import { createAnalysisPool, type AnalysisPool } from '../../pipeline/analysis-pool.js';

export { HttpError } from './errors.js';
import type { AppOptions } from './options.js';

export type { AppOptions } from './options.js';

/** The app's options and, from the server, where story analyses are made. */
export interface WebAppOptions extends AppOptions {
  /**
   * Makes the story analyses (bounded, on threads: see `createAnalysisPool`); the caller closes
   * it. Without one, analyses run inline on this thread, bounded the same way.
   */
  analyses?: AnalysisPool;
  /** Called when an ingest request changed the collection (the server's preparer looks for new stories). */
  onCollectionChange?: () => void;
}

/** No inline script or style at all: the page's one script and stylesheet are served from here. */
export const CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

const FRONT_PAGE = 30;

function limitOf(v: string | undefined, dflt: number): number {
  if (v === undefined) return dflt;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1 || n > 500) throw new HttpError(400, 'limit must be a whole number from 1 to 500');
  return n;
}

const DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;

/** The API's view of an article: everything but the raw input and the enrich stage's working data. */
const publicArticle = ({ raw: _raw, enrichment: _enrichment, ...rest }: Article) => rest;

/** One page of `list` after the cursor's item (or at its offset when that item is gone). */
function pageOf<T extends { id: string }>(list: T[], cursor: string | undefined, limit: number): { items: T[]; next: string | null } {
  const c = readCursor(cursor);
  let start = c.offset;
  if (c.after !== undefined) {
    const i = list.findIndex((x) => x.id === c.after);
    if (i >= 0) start = i + 1;
  }
  const items = list.slice(start, start + limit);
  return { items, next: start + limit < list.length && items.length ? cursorOf(start + items.length, items[items.length - 1].id) : null };
}

export function createApp(store: Store, options: WebAppOptions = {}): Hono {
  const app = new Hono();
  const catalog = new Catalog(store);
  if (options.warm) void catalog.stories().catch(() => undefined);

  app.use('*', async (c, next) => {
    await next();
    c.header('Content-Security-Policy', CSP);
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('Referrer-Policy', 'no-referrer');
    c.header('X-Frame-Options', 'DENY');
    c.header('Cross-Origin-Opener-Policy', 'same-origin');
    c.header('Cross-Origin-Resource-Policy', 'same-origin');
  });

  app.onError((err, c) => {
    const status = err instanceof HttpError ? err.status : 500;
    const message = err instanceof HttpError ? err.message : 'internal error';
    if (status === 500) process.stderr.write(`parallax serve: ${(err as Error).stack ?? err}\n`);
    if (err instanceof Unavailable) c.header('Retry-After', String(err.retryAfter));
    if (c.req.path.startsWith('/api/')) return c.json({ status, message }, status as 400);
    return c.html(errorPage(status, message), status as 400);
  });
  app.notFound((c) =>
    c.req.path.startsWith('/api/') ? c.json({ status: 404, message: `no route ${c.req.method} ${c.req.path}` }, 404) : c.html(errorPage(404, 'Not found'), 404),
  );

  app.get('/favicon.ico', (c) => c.body(null, 204));
  app.get('/static/style.css', (c) => c.body(STYLE, 200, { 'Content-Type': 'text/css; charset=utf-8', 'Cache-Control': 'max-age=3600' }));
  app.get('/static/app.js', (c) => c.body(SCRIPT, 200, { 'Content-Type': 'text/javascript; charset=utf-8', 'Cache-Control': 'max-age=3600' }));

  /** Stories passing the front page's filters. */
  async function filtered(filters: Filters): Promise<StoredStory[]> {
    const { stories } = await catalog.stories();
    for (const [k, v] of [['from', filters.from], ['to', filters.to]] as const) if (v && !DATE.test(v)) throw new HttpError(400, `${k} must be a date like 2024-12-03`);
    const facets = filters.outlet || filters.lang ? await catalog.facets() : null;
    return stories.filter(
      (s) =>
        (!filters.outlet || facets!.storyOutlets.get(s.id)?.has(filters.outlet)) &&
        (!filters.lang || facets!.storyLanguages.get(s.id)?.has(filters.lang)) &&
        (!filters.from || (s.last ?? '') >= filters.from) &&
        (!filters.to || (s.first ?? '') <= `${filters.to}\uffff`),
    );
  }

  // ---- pages
  app.get('/', async (c) => {
    const q = c.req.query();
    const filters: Filters = { outlet: q.outlet || undefined, lang: q.lang || undefined, from: q.from || undefined, to: q.to || undefined };
    const stories = await filtered(filters);
    const page = pageOf(stories, q.cursor, FRONT_PAGE);
    // The filter choices need a pass over every article: a big store's front page does not wait
    // for it (the choices appear once it is done).
    const facets = await catalog.facetsSoon();
    const choices = {
      outlets: facets ? [...facets.outlets.keys()].sort((a, b) => a.localeCompare(b)) : filters.outlet ? [filters.outlet] : [],
      languages: facets ? facets.languages : filters.lang ? [filters.lang] : [],
    };
    return c.html(frontPage(page.items, page.next, filters, choices, (await catalog.stories()).stories.length, facets?.storyOutletNames));
  });

  const cache = new RenderCache(store, options.analyses ?? createAnalysisPool(store), undefined, options.pagePatienceMs);
  app.get('/story/:id', (c) => cache.respond(c, c.req.param('id'), 'page', 'text/html; charset=UTF-8', storyPage, preparingPage));

  app.get('/article/:id', async (c) => {
    const found = await store.getArticle(c.req.param('id'));
    if (!found) throw new HttpError(404, 'No such article');
    const story = await store.storyOf(found.id);
    const [a] = await withStoryDates(store, [found], () => story);
    return c.html(articlePage(a, story));
  });

  app.get('/outlet/:name', async (c) => {
    const name = c.req.param('name');
    const limit = 500;
    const articles = await store.listArticles({ source: name, limit: limit + 1 });
    if (!articles.length) throw new HttpError(404, 'No articles from this outlet');
    const storyIds = await Promise.all(articles.slice(0, limit).map((a) => store.storyOf(a.id)));
    const storyOf = new Map(articles.slice(0, limit).map((a, i) => [a.id, storyIds[i]]));
    const mine = new Set(storyIds);
    const { stories } = await catalog.stories();
    const covered = stories.filter((s) => mine.has(s.id));
    const missed = stories.filter((s) => !mine.has(s.id) && s.sourceCount >= 2).slice(0, 50);
    // The registry's profile of the outlet, as the story analyses attribute it.
    const { matcherFor } = await import('../../outlets/index.js');
    const { userOutlets } = await import('../../pipeline/index.js');
    const profile = matcherFor(await userOutlets(store)).attribute(articles[0]).profile;
    const dated = await withStoryDates(store, articles.slice(0, limit), (id) => storyOf.get(id));
    return c.html(outletPage(name, dated, articles.length > limit, covered, missed, profile));
  });

  /** Stories whose articles match, in the order of their best hit; then the hits. */
  async function searchAll(q: string, limit: number) {
    const hits = await store.search(q, { limit });
    const { byId } = await catalog.stories();
    const stories = [...new Set(hits.map((x) => x.story).filter((x): x is string => !!x))].map((id) => byId.get(id)).filter((s): s is StoredStory => !!s);
    return { stories, hits };
  }

  app.get('/search', async (c) => {
    const q = (c.req.query('q') ?? '').trim().slice(0, 500);
    const { stories, hits } = q ? await searchAll(q, 50) : { stories: [], hits: [] };
    // A hit without a headline is listed by its opening words, not by its id.
    const titled = await Promise.all(hits.map(async (x) => (x.title ? x : { ...x, title: articleTitle({ ...x, text: (await store.getArticle(x.id))?.text }) })));
    return c.html(searchPage(q, stories, titled, (await catalog.facetsSoon())?.storyOutletNames));
  });

  // ---- API
  app.get('/api/openapi.json', (c) => c.json(openApi));

  app.get('/api/stories', async (c) => {
    const q = c.req.query();
    const stories = await filtered({ outlet: q.outlet, lang: q.lang, from: q.from, to: q.to });
    return c.json(pageOf(stories, q.cursor, limitOf(q.limit, 50)));
  });

  app.get('/api/stories/:id', (c) => cache.respond(c, c.req.param('id'), 'json', 'application/json', (s) => JSON.stringify(s)));

  app.get('/api/articles', async (c) => {
    const q = c.req.query();
    const limit = limitOf(q.limit, 50);
    const cursor = readCursor(q.cursor);
    const filter = { story: q.story || undefined, source: q.outlet || undefined };
    // The store pages by offset; the cursor also names the last article seen, so that articles
    // added before it do not make the next page repeat one.
    let start = cursor.offset;
    if (cursor.after !== undefined) {
      const lo = Math.max(0, cursor.offset - 64);
      const around = await store.listArticles({ ...filter, offset: lo, limit: 129 });
      const i = around.findIndex((a) => a.id === cursor.after);
      if (i >= 0) start = lo + i + 1;
    }
    const items = await store.listArticles({ ...filter, offset: start, limit: limit + 1 });
    const shown = await withStoryDates(store, items.slice(0, limit));
    return c.json({ items: shown.map(publicArticle), next: items.length > limit ? cursorOf(start + limit, shown[shown.length - 1].id) : null });
  });

  app.get('/api/articles/:id', async (c) => {
    const found = await store.getArticle(c.req.param('id'));
    if (!found) throw new HttpError(404, `no article "${c.req.param('id')}"`);
    const story = await store.storyOf(found.id);
    const [a] = await withStoryDates(store, [found], () => story);
    return c.json({ ...publicArticle(a), story });
  });

  app.get('/api/outlets', async (c) => {
    const facets = await catalog.facets();
    const all = [...facets.outlets].map(([name, articles]) => ({ id: name, name, articles })).sort((a, b) => b.articles - a.articles || a.name.localeCompare(b.name));
    const page = pageOf(all, c.req.query('cursor'), limitOf(c.req.query('limit'), 100));
    return c.json({ items: page.items.map(({ id: _id, ...o }) => o), next: page.next });
  });

  app.get('/api/search', async (c) => {
    const q = (c.req.query('q') ?? '').trim();
    if (!q) throw new HttpError(400, 'q is required');
    if (q.length > 500) throw new HttpError(400, 'q is longer than 500 characters');
    const { stories, hits } = await searchAll(q, limitOf(c.req.query('limit'), 20));
    return c.json({ items: hits, stories });
  });

  ingestRoutes(app, store, options, () => {
    catalog.invalidate();
    cache.clear();
    options.onCollectionChange?.();
  });
  app.all('/api/*', (c) =>
    ['GET', 'HEAD'].includes(c.req.method)
      ? c.json({ status: 404, message: `no route ${c.req.method} ${c.req.path}` }, 404)
      : c.json({ status: 405, message: `${c.req.method} is not allowed on ${c.req.path}` }, 405),
  );

  return app;
}
