/**
 * Bytes to text: UTF-8 with or without BOM, UTF-16 (by BOM, or by the pattern of zero bytes),
 * and legacy single-byte pages decoded by their declared charset. Binary data is refused.
 *
 * @module
 */

export type Decoded = { text: string; charset: string } | { error: string };

export function decodeBytes(bytes: Uint8Array, ext = ''): Decoded {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return decode(bytes.subarray(3), 'utf-8');
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return decode(bytes.subarray(2), 'utf-16le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return decode(bytes.subarray(2), 'utf-16be');
  const sample = bytes.subarray(0, 4096);
  const utf16 = utf16WithoutBom(sample);
  if (utf16) return decode(bytes, utf16);
  if (looksBinary(sample)) return { error: 'binary data, not text' };
  if (isUtf8(bytes)) return decode(bytes, 'utf-8');
  const declared = declaredCharset(sample, ext);
  return decode(bytes, declared ?? 'windows-1252');
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

function isUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** `<meta charset=…>` or `<meta http-equiv content="…charset=…">`, or an XML declaration. */
function declaredCharset(sample: Uint8Array, ext: string): string | null {
  const head = new TextDecoder('latin1').decode(sample);
  const m =
    /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head) ?? /<\?xml[^>]+encoding\s*=\s*["']([\w.:-]+)/i.exec(head);
  if (!m) return ext && ext !== '.html' && ext !== '.htm' ? null : null;
  const label = m[1].toLowerCase();
  try {
    new TextDecoder(label);
    return label;
  } catch {
    return null;
  }
}
