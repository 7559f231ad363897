/**
 * A story's centroid as a compact hash table of term → summed weight, iterated in insertion order
 * so that cosines over it come out the same to the last bit.
 *
 * @module
 */
import { EMPTY_TERMS, EMPTY_VALUES } from './arrays.js';

/**
 * A story's centroid, term → summed weight: an open-addressing table over three typed arrays
 * instead of a Map, so that a story costs the garbage collector three objects, not a thousand
 * entries, and lookups stay in flat memory. Entries are kept and iterated in insertion order,
 * as a Map's would be: cosines summed in the same order come out the same to the last bit.
 */
export class CentroidTable {
  size = 0;
  keys: Int32Array;
  values: Float64Array;
  /**
   * Hash slots, each 1 + its entry's position (0 when free); the term is read from `keys`. A
   * table of a thousand terms is a few kilobytes, near at hand in the cache, so the second read
   * costs little; holding the term in the slot as well doubled the slots, which were half of a
   * centroid's memory, and centroids the largest part of a large collection's.
   */
  private slots: Int32Array;

  constructor(capacity = 0) {
    this.keys = capacity ? new Int32Array(capacity) : EMPTY_TERMS;
    this.values = capacity ? new Float64Array(capacity) : EMPTY_VALUES;
    this.slots = capacity ? new Int32Array(slotsFor(capacity)) : EMPTY_TERMS;
  }

  /** Where term `t` is among the entries; -1 when absent. */
  find(t: number): number {
    const slots = this.slots;
    if (!slots.length) return -1;
    const keys = this.keys;
    const mask = slots.length - 1;
    for (let h = Math.imul(t, 0x9e3779b1) >>> 0 & mask; ; h = (h + 1) & mask) {
      const at = slots[h];
      if (at === 0) return -1;
      if (keys[at - 1] === t) return at - 1;
    }
  }

  /** The weight of term `t`; 0 when absent (every weight kept is positive). */
  get(t: number): number {
    const at = this.find(t);
    return at < 0 ? 0 : this.values[at];
  }

  /** Adds `w` to term `t`'s weight (entering it last when new) and returns the weight it had. */
  add(t: number, w: number): number {
    const at = this.find(t);
    if (at >= 0) {
      const old = this.values[at];
      this.values[at] = old + w;
      return old;
    }
    this.append(t, w);
    return 0;
  }

  /** Enters a term known to be absent. */
  append(t: number, w: number): void {
    if (this.size === this.keys.length) this.grow();
    const i = this.size++;
    this.keys[i] = t;
    this.values[i] = w;
    const slots = this.slots;
    const mask = slots.length - 1;
    let h = Math.imul(t, 0x9e3779b1) >>> 0 & mask;
    while (slots[h] !== 0) h = (h + 1) & mask;
    slots[h] = i + 1;
  }

  private grow(): void {
    const n = Math.max(16, this.keys.length * 2);
    const keys = new Int32Array(n);
    keys.set(this.keys);
    const values = new Float64Array(n);
    values.set(this.values);
    this.keys = keys;
    this.values = values;
    const slots = new Int32Array(slotsFor(n));
    const mask = slots.length - 1;
    for (let i = 0; i < this.size; i++) {
      let h = Math.imul(keys[i], 0x9e3779b1) >>> 0 & mask;
      while (slots[h] !== 0) h = (h + 1) & mask;
      slots[h] = i + 1;
    }
    this.slots = slots;
  }

  entries(): [number, number][] {
    const out: [number, number][] = [];
    for (let i = 0; i < this.size; i++) out.push([this.keys[i], this.values[i]]);
    return out;
  }
}

/** Hash slots for `n` entries: a power of two at least twice as many, so probes stay short. */
function slotsFor(n: number): number {
  let s = 16;
  while (s < n * 2) s *= 2;
  return s;
}
