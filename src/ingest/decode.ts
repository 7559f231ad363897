/**
 * Bytes to text: UTF-8 with or without BOM, UTF-16 (by BOM, or by the pattern of zero bytes),
 * and everything else by the one page decoder ({@link decodeHtml}): a declared charset checked
 * against the bytes, since pages lie, and a guess among the common legacy charsets when the
 * declaration does not read. Binary data is refused.
 *
 * @module
 */
import { decodeHtml } from '../extract/html/decode.js';

export type Decoded = { text: string; charset: string } | { error: string };

/**
 * Decodes the bytes of a file or an HTTP body. `ext` hints the document kind; `contentType` is an
 * HTTP response's header, whose charset is weighed like the document's own declaration.
 */
export function decodeBytes(bytes: Uint8Array, _ext = '', contentType?: string | null): Decoded {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return decode(bytes.subarray(3), 'utf-8');
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return decode(bytes.subarray(2), 'utf-16le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return decode(bytes.subarray(2), 'utf-16be');
  const sample = bytes.subarray(0, 4096);
  const utf16 = utf16WithoutBom(sample);
  if (utf16) return decode(bytes, utf16);
  if (looksBinary(sample)) return { error: 'binary data, not text' };
  const { html, charset } = decodeHtml(bytes, contentType ?? undefined);
  return { text: html, charset };
}

function decode(bytes: Uint8Array, charset: string): Decoded {
  try {
    const text = new TextDecoder(charset, { fatal: false }).decode(bytes);
    // NUL bytes survive in some scraped pages; they are never content.
    return { text: text.replace(/\u0000/g, ''), charset };
  } catch {
    return { text: new TextDecoder('windows-1252').decode(bytes), charset: 'windows-1252' };
  }
}

/** ASCII text saved as UTF-16 has a zero in every other byte. */
function utf16WithoutBom(sample: Uint8Array): string | null {
  if (sample.length < 8) return null;
  let evenZero = 0;
  let oddZero = 0;
  const n = sample.length - (sample.length % 2);
  for (let i = 0; i < n; i += 2) {
    if (sample[i] === 0) evenZero++;
    if (sample[i + 1] === 0) oddZero++;
  }
  const pairs = n / 2;
  if (oddZero > pairs * 0.4 && evenZero < pairs * 0.05) return 'utf-16le';
  if (evenZero > pairs * 0.4 && oddZero < pairs * 0.05) return 'utf-16be';
  return null;
}

/** Control bytes other than tab, newline, carriage return and form feed mark binary data. */
function looksBinary(sample: Uint8Array): boolean {
  let control = 0;
  for (const b of sample) if ((b < 9 || (b > 13 && b < 32)) && b !== 27) control++;
  return control > Math.max(2, sample.length * 0.01);
}
