/**
 * Responses made from a story's stored analysis (its page, its JSON), kept as bytes, plain and
 * gzipped, while that analysis stays the same: each is made once per analysis, however many read
 * it, and a request then only checks the analysis's stamp and copies bytes out.
 *
 * @module
 */
import type { Context } from 'hono';
import { gzipSync } from 'node:zlib';
import type { Store } from '../../store/types.js';
import type { Story } from '../../types.js';
import { AnalysisRefused, type AnalysisPool } from '../../pipeline/analysis-pool.js';
import { HttpError } from './errors.js';
import { Unavailable } from './unavailable.js';
import { PREPARING_LISTED, type Preparing } from './preparing-page.js';

/** How long a page waits for its story's analysis before it answers with the articles and a reload (see `AppOptions.pagePatienceMs`). */
export const PAGE_PATIENCE_MS = { idle: 10_000, busy: 500 };

/** How a response is made when its analysis is not ready in time (pages for readers; the API answers 503 instead). */
export type WhilePreparing = (p: Preparing) => string;

interface Entry {
  stamp: string;
  bytes: Uint8Array<ArrayBuffer>;
  gzip: Uint8Array<ArrayBuffer>;
  etag: string;
}

class NoStory extends Error {}

export class RenderCache {
  private readonly entries = new Map<string, Entry>();
  /** Renders under way: requests for the same story wait for one analysis instead of each starting their own. */
  private readonly pending = new Map<string, Promise<Entry>>();
  private readonly analysing = new Map<string, Promise<Story | null>>();

  constructor(
    private readonly store: Store,
    /** Where analyses are made: on threads, off the server's own (see `createAnalysisPool`). */
    private readonly analyses: AnalysisPool,
    private readonly max = 200,
    private readonly patience = PAGE_PATIENCE_MS,
  ) {}

  clear(): void {
    this.entries.clear();
  }

  /**
   * Answers with `make(story)` for the story `id`, from the cache when its analysis is unchanged;
   * 404 when there is no such story. With `preparing`, an analysis not made within the patience
   * (short while no analysis could start at once), or refused for now, gives `preparing(…)` (200,
   * never cached) while it goes on; without, the request waits for it, or gets a 503 when refused.
   */
  async respond(c: Context, id: string, kind: string, type: string, make: (s: Story) => string, preparing?: WhilePreparing): Promise<Response> {
    const key = `${kind}\n${id}`;
    const stamp = await this.store.analysisStamp(id);
    let hit = this.entries.get(key);
    if (!stamp || hit?.stamp !== stamp) {
      // Busy: no analysis could start now (every place taken, or some already waiting).
      const wait = this.analyses.waiting > 0 || this.analyses.running >= this.analyses.size ? this.patience.busy : this.patience.idle;
      let render = this.pending.get(key);
      if (!render) {
        render = this.render(key, id, kind, make).finally(() => this.pending.delete(key));
        this.pending.set(key, render);
      }
      const settled = render.then((entry) => ({ entry }), (err: unknown) => ({ err }));
      const outcome = preparing ? await withPatience(settled, wait) : await settled;
      // Only a page waits with patience, so only a page is late.
      if (outcome === 'late') return this.preparing(c, id, preparing!, true, 3);
      if (preparing && 'err' in outcome && outcome.err instanceof AnalysisRefused) return this.preparing(c, id, preparing, false, outcome.err.retryAfter);
      if ('err' in outcome) {
        const err = outcome.err;
        if (err instanceof NoStory) throw new HttpError(404, c.req.path.startsWith('/api/') ? `no story "${id}"` : 'No such story');
        if (err instanceof AnalysisRefused) throw new Unavailable(err.message, err.retryAfter);
        throw err;
      }
      hit = outcome.entry;
    }
    c.header('ETag', hit.etag);
    c.header('Vary', 'Accept-Encoding');
    c.header('Cache-Control', 'no-cache');
    if (c.req.header('if-none-match') === hit.etag) return c.body(null, 304);
    const gzip = /\bgzip\b/.test(c.req.header('accept-encoding') ?? '');
    if (gzip) c.header('Content-Encoding', 'gzip');
    return c.body(gzip ? hit.gzip : hit.bytes, 200, { 'Content-Type': type });
  }

  /** The story's articles while its analysis is made; 404 when it has none. */
  private async preparing(c: Context, id: string, page: WhilePreparing, queued: boolean, retryAfter: number): Promise<Response> {
    const articles = await this.store.listArticles({ story: id, limit: PREPARING_LISTED + 1 });
    if (!articles.length) throw new HttpError(404, 'No such story');
    c.header('Cache-Control', 'no-store');
    c.header('Parallax-Analysis', 'pending');
    const busy = this.analyses.running + this.analyses.waiting;
    return c.html(page({ articles, queued, busy, retryAfter: Math.max(2, Math.min(retryAfter, 10)) }), 200);
  }

  /** One analysis per story at a time, whichever response asked for it. */
  private analysis(id: string): Promise<Story | null> {
    let p = this.analysing.get(id);
    if (!p) {
      p = this.analyses.analyse(id).finally(() => this.analysing.delete(id));
      this.analysing.set(id, p);
    }
    return p;
  }

  private async render(key: string, id: string, kind: string, make: (s: Story) => string): Promise<Entry> {
    const s = await this.analysis(id);
    if (!s) throw new NoStory(id);
    const bytes = new TextEncoder().encode(make(s));
    const now = (await this.store.analysisStamp(id)) ?? '';
    const entry = { stamp: now, bytes, gzip: new Uint8Array(gzipSync(bytes)), etag: `"${Buffer.from(`${kind}\n${id}\n${now}`).toString('base64url')}"` };
    if (now) {
      this.entries.delete(key);
      if (this.entries.size >= this.max) this.entries.delete(this.entries.keys().next().value!);
      this.entries.set(key, entry);
    }
    return entry;
  }
}

/** The outcome, or 'late' when it takes longer than `ms` (the render goes on). */
function withPatience<T>(outcome: Promise<T>, ms: number): Promise<T | 'late'> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'late'>((resolve) => {
    timer = setTimeout(() => resolve('late'), ms);
  });
  return Promise.race([outcome, late]).finally(() => clearTimeout(timer));
}
