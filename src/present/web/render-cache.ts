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
import { storyAnalysis } from '../../pipeline.js';
import { HttpError } from './errors.js';

interface Entry {
  stamp: string;
  bytes: Uint8Array<ArrayBuffer>;
  gzip: Uint8Array<ArrayBuffer>;
  etag: string;
}

export class RenderCache {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly store: Store,
    private readonly max = 200,
  ) {}

  clear(): void {
    this.entries.clear();
  }

  /** Answers with `make(story)` for the story `id`, from the cache when its analysis is unchanged; 404 when there is no such story. */
  async respond(c: Context, id: string, kind: string, type: string, make: (s: Story) => string): Promise<Response> {
    const key = `${kind}\n${id}`;
    const stamp = await this.store.analysisStamp(id);
    let hit = this.entries.get(key);
    if (!stamp || hit?.stamp !== stamp) {
      const s = await storyAnalysis(this.store, id);
      if (!s) throw new HttpError(404, c.req.path.startsWith('/api/') ? `no story "${id}"` : 'No such story');
      const bytes = new TextEncoder().encode(make(s));
      const now = (await this.store.analysisStamp(id)) ?? '';
      hit = { stamp: now, bytes, gzip: new Uint8Array(gzipSync(bytes)), etag: `"${Buffer.from(`${kind}\n${id}\n${now}`).toString('base64url')}"` };
      if (now) {
        this.entries.delete(key);
        if (this.entries.size >= this.max) this.entries.delete(this.entries.keys().next().value!);
        this.entries.set(key, hit);
      }
    }
    c.header('ETag', hit.etag);
    c.header('Vary', 'Accept-Encoding');
    c.header('Cache-Control', 'no-cache');
    if (c.req.header('if-none-match') === hit.etag) return c.body(null, 304);
    const gzip = /\bgzip\b/.test(c.req.header('accept-encoding') ?? '');
    if (gzip) c.header('Content-Encoding', 'gzip');
    return c.body(gzip ? hit.gzip : hit.bytes, 200, { 'Content-Type': type });
  }
}
