/**
 * Data files of `key<TAB>value` lines, sorted by key, searched where they lie: the file is read in
 * one call and its lines found in one pass, and a key is found by binary search over them. Built
 * into a Map, a table of 20,000–50,000 words took 20–60 ms and thousands of small strings at the
 * first question of every process (a one-story `parallax analyse` asked four such tables); searched
 * in place, it takes a millisecond or two, and a lookup about a microsecond.
 *
 * @module
 */
import { readFileSync } from 'node:fs';

/**
 * A table of `key<TAB>value` lines in UTF-16 code-unit order of their keys (the order of
 * JavaScript's `<` on strings, and of `Array.prototype.sort()`), one key a line. Lines starting
 * with `#` and empty lines are skipped wherever they are. A line without a tab is a key with an
 * empty value.
 */
export class SortedLines {
  /** Where each line starts; its key runs to its tab (or its end), its value from there to its end. */
  private readonly starts: Int32Array;
  readonly size: number;

  constructor(private readonly text: string) {
    const starts: number[] = [];
    for (let at = 0; at < text.length; ) {
      const nl = text.indexOf('\n', at);
      const c = text.charCodeAt(at);
      if (c !== 35 /* # */ && c !== 10 && c !== 13) starts.push(at);
      at = nl < 0 ? text.length : nl + 1;
    }
    this.starts = Int32Array.from(starts);
    this.size = starts.length;
  }

  /** The table in a UTF-8 file. */
  static fromFile(path: string): SortedLines {
    return new SortedLines(readFileSync(path, 'utf8'));
  }

  /** The value of `key` (the rest of its line after the tab), or undefined when no line has it. */
  get(key: string): string | undefined {
    const i = this.indexOf(key);
    if (i < 0) return undefined;
    const text = this.text;
    const after = this.starts[i] + key.length;
    if (text.charCodeAt(after) !== 9 /* tab */) return '';
    let end = text.indexOf('\n', after);
    if (end < 0) end = text.length;
    if (text.charCodeAt(end - 1) === 13) end--;
    return text.slice(after + 1, end);
  }

  /** The key of line `i` (0 to size − 1, in order). */
  keyAt(i: number): string {
    const text = this.text;
    const start = this.starts[i];
    let end = start;
    while (end < text.length && !endsKey(text.charCodeAt(end))) end++;
    return text.slice(start, end);
  }

  /** Where `key` is among the lines; -1 when absent. */
  indexOf(key: string): number {
    let lo = 0;
    let hi = this.size - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const c = this.compareAt(mid, key);
      if (c === 0) return mid;
      if (c < 0) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  /**
   * The first line whose key is out of order (not after the one before it), or -1 when the
   * table is sorted: for the tests of the files shipped, since a search in an unsorted table
   * misses keys that are there.
   */
  firstUnsorted(): number {
    for (let i = 1; i < this.size; i++) if (this.compareAt(i, this.keyAt(i - 1)) <= 0) return i;
    return -1;
  }

  /**
   * The key of line `i` compared with `key`, in code-unit order, without cutting it out: read up
   * to its tab, its line's end or the text's end, whichever comes first.
   */
  private compareAt(i: number, key: string): number {
    const text = this.text;
    let p = this.starts[i];
    for (let k = 0; k < key.length; k++, p++) {
      const c = text.charCodeAt(p);
      // The line's key is a prefix of `key`: it comes first.
      if (endsKey(c)) return -1;
      const d = c - key.charCodeAt(k);
      if (d !== 0) return d;
    }
    return endsKey(text.charCodeAt(p)) ? 0 : 1;
  }
}

/** A tab, a line break, or past the text's end (NaN): where a line's key ends. */
function endsKey(c: number): boolean {
  return c === 9 || c === 10 || c === 13 || c !== c;
}
