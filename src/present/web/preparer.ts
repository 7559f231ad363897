/**
 * Analyses made ahead of the readers: while the server's analysis pool stands idle, the stories
 * that have no analysis yet are analysed one at a time, the most widely carried first (as the
 * front page lists them), so that a reader who opens one finds its comparison made. It gives way
 * at once: a story is started only when no analysis is running or waiting, so readers' requests
 * never queue behind more than the one story under way. A story whose analysis fails is not tried
 * again by this process. When every story has its analysis, it looks again after `idleMs` × 10, or
 * at once when told the collection changed (`nudge`).
 *
 * @module
 */
import type { Store } from '../../store/types.js';
import { AnalysisRefused, type AnalysisPool } from '../../pipeline/analysis-pool.js';

export interface Preparer {
  /** The collection changed: look for stories without an analysis now. */
  nudge(): void;
  /** Stories analysed so far. */
  readonly prepared: number;
  /** Stops starting stories (one under way ends with the pool that runs it). */
  stop(): void;
}

export interface PreparerOptions {
  /** How long the pool must have been idle before a story is started (1 s). */
  idleMs?: number;
}

export function startPreparer(store: Store, pool: AnalysisPool, options: PreparerOptions = {}): Preparer {
  const idleMs = options.idleMs ?? 1000;
  const failed = new Set<string>();
  let prepared = 0;
  let stopped = false;
  let wake: (() => void) | null = null;
  let timer: NodeJS.Timeout | null = null;
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      wake = resolve;
      timer = setTimeout(resolve, ms);
      timer.unref();
    }).finally(() => {
      if (timer) clearTimeout(timer);
      wake = null;
    });

  async function next(): Promise<string | null> {
    const ids = await store.storiesWithoutAnalysis(failed.size + 1);
    return ids.find((id) => !failed.has(id)) ?? null;
  }

  void (async () => {
    while (!stopped) {
      await sleep(idleMs);
      if (stopped) break;
      if (pool.running || pool.waiting) continue;
      let id: string | null;
      try {
        id = await next();
      } catch {
        // The store is closing or busy: try again later.
        await sleep(idleMs * 10);
        continue;
      }
      if (!id) {
        await sleep(idleMs * 10);
        continue;
      }
      try {
        if (await pool.analyse(id)) prepared++;
        else failed.add(id);
      } catch (err) {
        // Refused: a reader took the place meanwhile; the story is tried again when the pool is idle.
        if (!(err instanceof AnalysisRefused)) failed.add(id);
      }
    }
  })().catch(() => undefined);

  return {
    nudge() {
      wake?.();
    },
    get prepared() {
      return prepared;
    },
    stop() {
      stopped = true;
      wake?.();
    },
  };
}
