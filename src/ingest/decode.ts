/**
 * Bytes to text: UTF-8 with or without BOM, UTF-16 (by BOM, or by the pattern of zero bytes),
 * and everything else by the one page decoder ({@link decodeHtml}): a declared charset checked
 * against the bytes, since pages lie, and a guess among the common legacy charsets when the
 * declaration does not read. Binary data is refused.
 *
 * Text that is UTF-8 but for a few bad bytes (a file cut mid-character, one bad paste) stays
 * UTF-8: the bad bytes become U+FFFD and the result carries a warning saying how many there were.
 * A legacy file is told apart by its high bytes, which make no valid UTF-8 sequence at all.
 *
 * @module
 */
import { decodeHtml } from './html-decode.js';

/** Decoded text, with a warning when some bytes could not be read (replaced with U+FFFD); or why the bytes are not text. */
export type Decoded = { text: string; charset: string; warning?: string } | { error: string };

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
  const mostly = mostlyUtf8(bytes, contentType);
  if (mostly) return mostly;
  const { html, charset, messages } = decodeHtml(bytes, contentType ?? undefined);
  const broken = messages.find((m) => m.rule === 'decode:invalid-utf8');
  return broken ? { text: html, charset, warning: broken.reason } : { text: html, charset };
}

/** Bad sequences tolerated in UTF-8 text, when there are at least as many good ones. */
const FEW_BAD = 8;
/** Beyond FEW_BAD, the share of bad sequences among the non-ASCII ones that still reads as UTF-8 with damage. */
const BAD_SHARE = 0.05;

/**
 * UTF-8 with a few invalid sequences, read as UTF-8 with U+FFFD in their place. Legacy text
 * (windows-1252, latin-1, …) makes no valid multi-byte sequence with its high bytes: "café" in
 * latin-1 is one invalid byte and nothing else, so text without a single valid sequence is left to
 * the legacy guess. Valid UTF-8, plain ASCII and a header declaring another charset are too.
 */
function mostlyUtf8(bytes: Uint8Array, contentType?: string | null): Decoded | null {
  const declared = /;\s*charset\s*=\s*["']?([^"';\s]+)/i.exec(contentType ?? '')?.[1]?.toLowerCase();
  if (declared && !/^(?:utf-?8|unicode-1-1-utf-8)$/.test(declared)) return null;
  let high = false;
  for (let i = 0; i < bytes.length; i++) if (bytes[i] > 0x7f) { high = true; break; }
  if (!high) return null;
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  let replaced = 0;
  let good = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0xfffd) replaced++;
    else if (c > 0x7f && !(c >= 0xdc00 && c < 0xe000)) good++;
  }
  // U+FFFD written in the file as such is a valid sequence, not a bad one.
  let written = 0;
  for (let i = bytes.indexOf(0xef); i >= 0 && i < bytes.length - 2; i = bytes.indexOf(0xef, i + 1)) if (bytes[i + 1] === 0xbf && bytes[i + 2] === 0xbd) written++;
  const bad = replaced - written;
  good += written;
  if (bad === 0 || good === 0) return null;
  if (bad <= FEW_BAD ? good < bad : bad > good * BAD_SHARE) return null;
  return {
    text: text.replace(/\u0000/g, ''),
    charset: 'utf-8',
    warning: `read as UTF-8, but ${bad} invalid UTF-8 byte sequence${bad === 1 ? ' was' : 's were'} replaced with U+FFFD`,
  };
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
