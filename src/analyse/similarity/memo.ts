/**
 * Functions of a text remembered by the text: what an article's or a sentence's words give is
 * asked for by several sections and again by every analysis of a story as it grows. A memo holds
 * at most `max` texts and starts afresh when full (bounded memory, no bookkeeping per entry). The
 * values are shared between callers, so they must not be changed.
 *
 * @module
 */

/** `compute`, remembered for up to `max` distinct keys. */
export function memoByKey<V>(max: number, compute: (key: string) => V): (key: string) => V {
  const cache = new Map<string, V>();
  return (key: string) => {
    let value = cache.get(key);
    if (value === undefined) {
      value = compute(key);
      if (cache.size >= max) cache.clear();
      cache.set(key, value);
    }
    return value;
  };
}
