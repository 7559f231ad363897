/** The worker thread of {@link ../extract-pool.ts}: extracts the items it is sent. */
import { parentPort } from 'node:worker_threads';
import { extractItem } from '../../pipeline.js';
import type { InputItem } from '../files.js';

parentPort?.on('message', (m: { id: number; item: InputItem }) => {
  parentPort!.postMessage({ id: m.id, result: extractItem(m.item) });
});
