/**
 * Typed-array helpers shared by the clusterer's stores (articles, terms, centroids): growing a
 * column, and the empty arrays that stand for a freed one.
 *
 * @module
 */

/** `to` with `from` copied into its start. */
export function grow<T extends Int32Array | Float64Array | Float32Array | Uint8Array | Uint16Array>(from: T, to: T): T {
  to.set(from as never);
  return to;
}

export const EMPTY_TERMS = new Int32Array(0);
export const EMPTY_WEIGHTS = new Float32Array(0);
export const EMPTY_VALUES = new Float64Array(0);
