/**
 * A thread of {@link ../analysis-pool.ts}: opens its own connection to the store it is given and
 * analyses the stories it is sent, one at a time, caching each in the store as the inline path does.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { openStore } from '../store/index.js';
import type { Store } from '../store/types.js';
import { storyAnalysis } from './analysis.js';

const spec = (workerData as { spec: string }).spec;
const opening: Promise<Store> = openStore(spec);

opening.then(
  () => parentPort!.postMessage({ ready: true }),
  (err: unknown) => parentPort!.postMessage({ unavailable: `cannot open the store: ${(err as Error).message}` }),
);

parentPort?.on('message', (m: { seq: number; story: string }) => {
  void (async () => {
    let store: Store;
    try {
      store = await opening;
    } catch (err) {
      parentPort!.postMessage({ unavailable: `cannot open the store: ${(err as Error).message}` });
      return;
    }
    try {
      parentPort!.postMessage({ seq: m.seq, story: await storyAnalysis(store, m.story) });
    } catch (err) {
      parentPort!.postMessage({ seq: m.seq, error: (err as Error).message });
    }
  })();
});
