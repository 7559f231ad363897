/**
 * Reading standard input, bounded like every input. Kept apart (it needs only node:fs) so that
 * the command line can read stdin without loading the ingest stage.
 *
 * @module
 */
import { readSync } from 'node:fs';

/** Largest input read whole (a file, a decompressed file, standard input). */
export const MAX_INPUT_BYTES = 64 * 1024 * 1024;

/**
 * Standard input, read whole but never more than `max` bytes: past that it is refused (a read is
 * bounded whatever feeds it). A non-blocking stdin that has nothing yet is waited for, briefly,
 * and read again.
 */
export function readStdin(max = MAX_INPUT_BYTES): { bytes: Buffer } | { error: string } {
  const chunks: Buffer[] = [];
  let total = 0;
  const sleeper = new Int32Array(new SharedArrayBuffer(4));
  for (;;) {
    const chunk = Buffer.allocUnsafe(1 << 16);
    let n: number;
    try {
      n = readSync(0, chunk, 0, chunk.length, null);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'EAGAIN') {
        Atomics.wait(sleeper, 0, 0, 10);
        continue;
      }
      if (code === 'EOF') break;
      throw err;
    }
    if (n === 0) break;
    total += n;
    // Refused whole, before any of it is decoded or stored: a cut input would store a cut article.
    if (total > max) return { error: `too large: more than ${max} bytes; the limit of one input is ${max} bytes (${+(max / 2 ** 20).toFixed(2)} MiB), and nothing of it was stored` };
    chunks.push(chunk.subarray(0, n));
  }
  return { bytes: Buffer.concat(chunks, total) };
}
