/**
 * Settings of the JavaScript engine for the command line: process settings, so made here, at the
 * command line's entry, and not by the library. Process-wide, so the extraction and analysis
 * threads started later have them too. A setting given to node on its command line is respected
 * (node does not accept V8 flags in NODE_OPTIONS).
 *
 * **The heap's growth.** V8 lets the old generation grow to up to four times what the last full
 * collection kept alive when the machine has memory to spare. An ingest keeps little alive (models,
 * grouping state) and turns over a great deal (each page's text, DOM and enrichment, dropped once
 * stored), so with that factor most of its peak memory was garbage: in each extraction thread and
 * in the thread that stores and groups. A growth of 30 % over the live heap held an archive of
 * 10,000 pages to 539 MiB instead of 640–790, and measured no slower there or in grouping 100k
 * articles, since a full collection costs what is alive, which is small.
 *
 * Regular expressions are left to V8's defaults: turning their tiering off here made a
 * five-article `analyse` 80–100 ms faster, but V8 does not promise that a flag changed after it
 * started is safe, and a child process died without a status twice in the runs after (not
 * reproduced in 300 more). The patterns that gained most are compiled at once by other means
 * (`lang/regexp.ts`).
 *
 * @module
 */
import { setFlagsFromString } from 'node:v8';

/** Old-generation growth allowed past the live heap, in percent. */
const HEAP_GROWING_PERCENT = 30;

/** Applies the settings above, each unless node was started with its own. */
export function tuneEngine(execArgv: readonly string[] = process.execArgv): void {
  if (!execArgv.some((a) => /^--heap[-_]growing[-_]percent\b/.test(a))) setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
}
