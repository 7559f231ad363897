/**
 * Regular expressions compiled to machine code before their first use. V8 first runs a new pattern
 * in its bytecode interpreter and compiles it once it has run; for a pattern of many Unicode
 * classes the bytecode itself is huge (400 KB for the entity tagger's tokens, whose classes it
 * spells out range by range), slow to make and slow to run: the tagger's tokens of a five-article
 * story took 26–28 ms in the first pass, 2 in the next. V8 compiles a pattern to machine code at
 * once when its first subject is long, so one run on a long blank string, where no token can
 * start, does it: 10–14 ms for the same pass.
 *
 * @module
 */

/** Long enough for V8 to compile at once (it does so from 1,000 characters). */
const LONG_BLANK = ' '.repeat(1024);

/** Runs `re` once on a long blank string (its `lastIndex` kept), so that it is compiled to machine code; returns it. */
export function compileAtOnce<T extends RegExp>(re: T): T {
  const at = re.lastIndex;
  re.lastIndex = 0;
  re.test(LONG_BLANK);
  re.lastIndex = at;
  return re;
}
