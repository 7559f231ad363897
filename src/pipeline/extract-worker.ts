/** The worker thread of {@link ../extract-pool.ts}: extracts and enriches the items and archived pages it is sent. */
import { parentPort } from 'node:worker_threads';
import { extractItem } from './extract.js';
import { enrichExtracted } from './enrich.js';
import type { InputItem } from '../ingest/files.js';
import { extractArchivedPage, type ArchivedPage } from './archived-page.js';

parentPort?.on('message', (m: { id: number; item?: InputItem; page?: ArchivedPage }) => {
  let result;
  try {
    result = enrichExtracted(m.page ? extractArchivedPage(m.page) : extractItem(m.item!));
  } catch (err) {
    result = { failure: { origin: m.page?.origin ?? m.item?.origin ?? '?', error: `extraction failed: ${(err as Error).message}` } };
  }
  parentPort!.postMessage({ id: m.id, result });
});
