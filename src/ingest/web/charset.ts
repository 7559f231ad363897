/**
 * Bytes of an HTTP body to text, in the order browsers use: a byte-order mark, then the charset of
 * the Content-Type header, then what the document declares (`<meta charset>`, the XML
 * declaration), each checked against the bytes, then sniffing (UTF-8 when the bytes are valid
 * UTF-8, else the legacy charset they read best as); see {@link decodeBytes}.
 *
 * @module
 */
import { isUtf8 } from 'node:buffer';
import { decodeBytes, type Decoded } from '../decode.js';

/** The `charset` parameter of a Content-Type header, lower-cased, or null. */
export function charsetOf(contentType: string | undefined | null): string | null {
  return /charset\s*=\s*["']?([\w.:-]+)/i.exec(contentType ?? '')?.[1]?.toLowerCase() ?? null;
}

/** The media type of a Content-Type header without its parameters, lower-cased ('' when absent). */
export function mediaTypeOf(contentType: string | undefined | null): string {
  return (contentType ?? '').split(';')[0].trim().toLowerCase();
}

const labels = new Map<string, string | null>();

/** The encoding a charset label names (null when unknown), remembered per label. */
function knownLabel(label: string): string | null {
  let known = labels.get(label);
  if (known === undefined) {
    try {
      known = new TextDecoder(label).encoding;
    } catch {
      known = null;
    }
    // Labels come from the pages: the map is kept small whatever they say.
    if (labels.size < 256) labels.set(label, known);
  }
  return known;
}

function controlBytesInHead(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 4096);
  for (let i = 0; i < n; i++) {
    const b = bytes[i];
    if (b < 9 || (b > 13 && b < 32 && b !== 27)) return true;
  }
  return false;
}

/**
 * Decodes a body. `contentType` is the response's header; `ext` hints the document kind for
 * sniffing (`.html`, `.xml`).
 */
export function decodeBody(bytes: Uint8Array, contentType?: string | null, ext = '.html'): Decoded {
  const bom = (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) || (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  // The common case, decoded once: no BOM, valid UTF-8 (checked natively), a header that says
  // UTF-8, nothing, or the Latin-1 default, and no control bytes in the head (UTF-16 without a
  // BOM is valid UTF-8 too, and binary data must still be refused by the full path).
  if (!bom) {
    const headerLabel = charsetOf(contentType);
    const label = headerLabel ? knownLabel(headerLabel) : null;
    if ((!headerLabel || label === 'utf-8' || label === 'windows-1252') && !controlBytesInHead(bytes) && isUtf8(bytes)) {
      const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
      const text = buf.toString('utf8');
      // In UTF-8 a NUL character is a zero byte and no zero byte is anything else: the bytes are
      // searched (memchr), not the text, where a search for U+0000 in two-byte text is a slow scan.
      return { text: buf.indexOf(0) !== -1 ? text.replace(/\u0000/g, '') : text, charset: 'utf-8' };
    }
  }
  // The one page decoder: the BOM, UTF-16 without one, binary data, then the header's and the
  // document's declarations, each checked against the bytes (valid UTF-8 wins over any label).
  return decodeBytes(bytes, ext, contentType);
}
