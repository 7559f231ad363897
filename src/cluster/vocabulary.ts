/**
 * The terms seen so far, numbered, with their document frequencies and their prior chance in
 * general English: the vocabulary every article vector and centroid is written in.
 *
 * @module
 */
import { grow } from './arrays.js';
import { priorChance } from './background.js';

/**
 * The terms seen so far, numbered in order of first sight, with their document frequencies.
 * The characters of all terms sit end to end in one array and are found through a hash table of
 * their own: hundreds of thousands of terms are then a few arrays, not as many strings and map
 * entries for the garbage collector, and a lookup compares characters in flat memory.
 */
export class Vocabulary {
  size = 0;
  /** Per term: articles that had it, and 1 when it is a name (`@…`). */
  df = new Int32Array(1024);
  isName = new Uint8Array(1024);
  /** Per term: the chance an English article has it, before any is seen (see `background.ts`). */
  prior = new Float32Array(1024);
  private chars = new Uint16Array(1 << 16);
  private used = 0;
  /** Per term: where its characters start (its end is where the next one starts). */
  private starts = new Int32Array(1025);
  /** Hash slots, two numbers each: the term's hash and 1 + its number (0 when free). */
  private slots = new Int32Array(2 * 2048);

  /** The number of term `t`, entering it (with a frequency of 0) when new. */
  id(t: string): number {
    let h = 0x811c9dc5;
    for (let i = 0; i < t.length; i++) h = Math.imul(h ^ t.charCodeAt(i), 0x01000193);
    h ^= h >>> 15;
    const slots = this.slots;
    const mask = (slots.length >> 1) - 1;
    let at = h & mask;
    for (;;) {
      const id = slots[2 * at + 1] - 1;
      if (id < 0) break;
      if (slots[2 * at] === h && this.is(id, t)) return id;
      at = (at + 1) & mask;
    }
    return this.enter(t, h, at);
  }

  private is(id: number, t: string): boolean {
    const from = this.starts[id];
    if (this.starts[id + 1] - from !== t.length) return false;
    const chars = this.chars;
    for (let i = 0; i < t.length; i++) if (chars[from + i] !== t.charCodeAt(i)) return false;
    return true;
  }

  private enter(t: string, h: number, at: number): number {
    const id = this.size++;
    if (this.size === this.df.length) {
      const n = this.df.length * 2;
      this.df = grow(this.df, new Int32Array(n));
      this.isName = grow(this.isName, new Uint8Array(n));
      this.prior = grow(this.prior, new Float32Array(n));
      this.starts = grow(this.starts, new Int32Array(n + 1));
    }
    if (this.used + t.length > this.chars.length) {
      let n = this.chars.length * 2;
      while (n < this.used + t.length) n *= 2;
      const chars = new Uint16Array(n);
      chars.set(this.chars);
      this.chars = chars;
    }
    for (let i = 0; i < t.length; i++) this.chars[this.used + i] = t.charCodeAt(i);
    this.used += t.length;
    this.starts[id + 1] = this.used;
    // Names: `@name`, a name's phonetic key `%key`, a country `&CODE` (see terms.ts).
    const c0 = t.charCodeAt(0);
    this.isName[id] = c0 === 64 || c0 === 37 || c0 === 38 ? 1 : 0;
    this.prior[id] = priorChance(t);
    this.slots[2 * at] = h;
    this.slots[2 * at + 1] = id + 1;
    // Kept under half full, so that probes stay short.
    if (this.size * 2 > this.slots.length >> 1) this.rehash();
    return id;
  }

  private rehash(): void {
    const old = this.slots;
    const slots = new Int32Array(old.length * 2);
    const mask = (slots.length >> 1) - 1;
    for (let s = 0; s < old.length; s += 2) {
      if (old[s + 1] === 0) continue;
      let at = old[s] & mask;
      while (slots[2 * at + 1] !== 0) at = (at + 1) & mask;
      slots[2 * at] = old[s];
      slots[2 * at + 1] = old[s + 1];
    }
    this.slots = slots;
  }

  /** The term numbered `id`. */
  name(id: number): string {
    const from = this.starts[id];
    const to = this.starts[id + 1];
    // In slices, since a call takes only so many arguments.
    let out = '';
    for (let i = from; i < to; i += 4096) out += String.fromCharCode(...this.chars.subarray(i, Math.min(to, i + 4096)));
    return out;
  }
}
