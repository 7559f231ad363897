/**
 * How much garbage the JavaScript heap may hold before a full collection: a process setting, so
 * made here, at the command line's entry, and not by the library.
 *
 * V8 lets the old generation grow to up to four times what the last full collection kept alive
 * when the machine has memory to spare. An ingest keeps little alive (models, grouping state)
 * and turns over a great deal (each page's text, DOM and enrichment, dropped once stored), so
 * with that factor most of its peak memory was garbage: in each extraction thread and in the
 * thread that stores and groups. A growth of 30 % over the live heap held an archive of 10,000
 * pages to 539 MiB instead of 640–790, and measured no slower there or in grouping 100k articles,
 * since a full collection costs what is alive, which is small. The setting is process-wide, so the
 * extraction and analysis threads started later have it too.
 *
 * @module
 */
import { setFlagsFromString } from 'node:v8';

/** Old-generation growth allowed past the live heap, in percent. */
const HEAP_GROWING_PERCENT = 30;

/**
 * Applies the heap setting, unless node was started with its own (on its command line: node does
 * not accept V8 flags in NODE_OPTIONS).
 */
export function tuneHeap(execArgv: readonly string[] = process.execArgv): void {
  if (!execArgv.some((a) => /^--heap[-_]growing[-_]percent\b/.test(a))) setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
}
