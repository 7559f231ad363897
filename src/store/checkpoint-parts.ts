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

/** The checkpoint's bytes as views of at most {@link CHECKPOINT_PART_BYTES}; at least one, perhaps empty. */
export function checkpointParts(data: Uint8Array): Buffer[] {
  const bytes = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  const parts: Buffer[] = [bytes.subarray(0, CHECKPOINT_PART_BYTES)];
  for (let at = CHECKPOINT_PART_BYTES; at < bytes.length; at += CHECKPOINT_PART_BYTES) parts.push(bytes.subarray(at, at + CHECKPOINT_PART_BYTES));
  return parts;
}
