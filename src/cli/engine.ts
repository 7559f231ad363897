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
 * **Regular expressions compiled at once.** V8 first runs a regular expression in its bytecode
 * interpreter and compiles it to machine code only once it has run a while. The tokenisers'
 * patterns are long and full of Unicode classes, which the interpreter matches slowly: the
 * entity tagger's tokens of a five-article story took 39–43 ms in the first pass and 2–4 in the
 * next; compiled at once, 8. `parallax analyse` of the sample took about 100 ms less (760 against
 * 860 ms, medians of six), an ingest no more CPU (6.9 against 7.4 s, means of four), `extract`
 * of one page the same within the noise.
 *
 * @module
 */
import { setFlagsFromString } from 'node:v8';

/** Old-generation growth allowed past the live heap, in percent. */
const HEAP_GROWING_PERCENT = 30;

/** Applies the settings above, each unless node was started with its own. */
export function tuneEngine(execArgv: readonly string[] = process.execArgv): void {
  const given = (flag: RegExp) => execArgv.some((a) => flag.test(a));
  if (!given(/^--heap[-_]growing[-_]percent\b/)) setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
  if (!given(/^--(no-)?regexp[-_]tier[-_]up\b/)) setFlagsFromString('--no-regexp-tier-up');
}
