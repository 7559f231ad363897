/**
 * A grouping checkpoint is stored in parts of a mebibyte: the first in its row of
 * `grouping_checkpoints`, the rest in `grouping_checkpoint_parts`. Written as one value, a
 * checkpoint of 10,000 long articles (37 MB) took 90 MB more memory while SQLite copied it and
 * built its record, at the end of an ingest, when memory is highest; in parts, 18 MB.
 *
 * @module
 */

/** Bytes of one part. */
export const CHECKPOINT_PART_BYTES = 1 << 20;

/**
 * The checkpoint's bytes in parts of {@link CHECKPOINT_PART_BYTES}, the last perhaps shorter; at
 * least one, perhaps empty. Pieces are taken no further ahead than the part being given, so a
 * checkpoint made in pieces is never whole in memory: a piece too large for one part is cut,
 * smaller ones are joined. Every part is the same buffer, refilled: write each before taking the
 * next (a store inserts it, which copies it, and awaits that).
 */
export function* checkpointParts(data: Uint8Array | Iterable<Uint8Array>): Generator<Buffer> {
  const pieces = data instanceof Uint8Array ? [data] : data;
  // One buffer for every part: a new one each time left a checkpoint's size of garbage behind.
  const part = Buffer.allocUnsafe(CHECKPOINT_PART_BYTES);
  let fill = 0;
  let made = 0;
  for (const piece of pieces) {
    for (let at = 0; at < piece.length; ) {
      const n = Math.min(CHECKPOINT_PART_BYTES - fill, piece.length - at);
      part.set(piece.subarray(at, at + n), fill);
      fill += n;
      at += n;
      if (fill === CHECKPOINT_PART_BYTES) {
        yield part;
        made++;
        fill = 0;
      }
    }
  }
  if (fill > 0 || made === 0) yield part.subarray(0, fill);
}
