/**
 * Extraction on worker threads, for bulk ingest (WARC archives): HTML extraction is the costly
 * step, and it is pure, so N threads extract N pages at once while the main thread reads the
 * archive and writes the store. With zero threads it runs inline.
 *
 * @module
 */
import { Worker } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import type { InputItem } from '../ingest/files.js';
import { extractItem, type Extracted } from './extract.js';
import { extractArchivedPage, type ArchivedPage } from './archived-page.js';

/** Extracts items, in worker threads or inline. */
export interface ExtractPool {
  extract(item: InputItem): Promise<Extracted>;
  /** Decodes and extracts an archived response; its payload's buffer is handed over (transferred). */
  extractArchived(page: ArchivedPage): Promise<Extracted>;
  /** Items handed over and not yet extracted: callers wait when it grows, to keep memory flat. */
  readonly pending: number;
  close(): Promise<void>;
}

/** Threads used when none is asked for: one per core, at most 4. */
export function defaultThreads(): number {
  return Math.max(1, Math.min(4, availableParallelism()));
}

function inlinePool(): ExtractPool {
  return { extract: async (item) => extractItem(item), extractArchived: async (page) => extractArchivedPage(page), pending: 0, close: async () => {} };
}

function spawn(): Worker {
  const ext = import.meta.url.endsWith('.ts') ? '.ts' : '.js';
  const entry = new URL(`./extract-worker${ext}`, import.meta.url).href;
  if (ext === '.js') return new Worker(new URL(entry));
  // Running from the TypeScript sources: the thread registers the same loader first.
  const api = import.meta.resolve('tsx/esm/api');
  return new Worker(`import(${JSON.stringify(api)}).then((m) => { m.register(); return import(${JSON.stringify(entry)}); });`, { eval: true });
}

export function createExtractPool(threads = defaultThreads()): ExtractPool {
  if (threads <= 0) return inlinePool();
  const workers = Array.from({ length: threads }, spawn);
  const waiting = new Map<number, (r: Extracted) => void>();
  const load = new Map<Worker, number>(workers.map((w) => [w, 0]));
  let seq = 0;
  let broken: Error | null = null;
  for (const w of workers) {
    w.on('message', (m: { id: number; result: Extracted }) => {
      load.set(w, load.get(w)! - 1);
      const done = waiting.get(m.id);
      waiting.delete(m.id);
      done?.(m.result);
    });
    w.on('error', (err) => {
      broken = err;
      for (const [id, done] of waiting) {
        done({ failure: { origin: String(id), error: `extraction thread failed: ${err.message}` } });
      }
      waiting.clear();
    });
  }
  const send = (origin: string, message: object, transfer: ArrayBuffer[] = []): Promise<Extracted> => {
    if (broken) return Promise.resolve({ failure: { origin, error: `extraction thread failed: ${(broken as Error).message}` } });
    // The least busy thread takes the job.
    let best = workers[0];
    for (const w of workers) if (load.get(w)! < load.get(best)!) best = w;
    load.set(best, load.get(best)! + 1);
    const id = seq++;
    return new Promise<Extracted>((resolve) => {
      waiting.set(id, resolve);
      best.postMessage({ id, ...message }, transfer);
    });
  };
  return {
    get pending() {
      return waiting.size;
    },
    extract(item) {
      return send(item.origin, { item });
    },
    extractArchived(page) {
      // The payload's bytes are moved, not copied, to the thread. A payload that is all of its
      // buffer (the archive reader joined it from several chunks) goes as it is; one that is a view
      // into a larger buffer (the reader's current chunk) is copied out first, since moving that
      // buffer would take the rest of the chunk from the reader.
      const p = page.payload;
      const whole = p.buffer instanceof ArrayBuffer && p.byteOffset === 0 && p.byteLength === p.buffer.byteLength;
      const payload = whole ? p : new Uint8Array(p);
      return send(page.origin, { page: { ...page, payload } }, [payload.buffer as ArrayBuffer]);
    },
    async close() {
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}
