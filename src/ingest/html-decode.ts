/**
 * Bytes of an HTML page to a string. The order follows the HTML standard's encoding sniffing:
 * a byte-order mark wins, then the HTTP `Content-Type` charset, then `<meta charset>` or
 * `<meta http-equiv="Content-Type">` in the first 4 KiB. A declaration is checked against the
 * bytes, since pages lie: bytes that are valid UTF-8 (and not plain ASCII) are UTF-8 whatever
 * the label says, and a label that does not decode cleanly gives way to a guess among the common
 * legacy charsets, scored by how much of the result reads as letters of one script.
 *
 * @module
 */
import type { Message } from '../types.js';

export interface DecodedHtml {
  html: string;
  /** The WHATWG name of the charset used, e.g. `utf-8`, `windows-1251`. */
  charset: string;
  messages: Message[];
}

const msg = (rule: string, reason: string, level: Message['level'] = 'info'): Message => ({ stage: 'extract', rule, reason, level });

/** The WHATWG encoding name for a label, or null when TextDecoder does not know it. */
export function normaliseCharset(label: string): string | null {
  const l = label.trim().replace(/^["']|["']$/g, '').toLowerCase();
  if (!l) return null;
  try {
    return new TextDecoder(l).encoding;
  } catch {
    return null;
  }
}

function charsetFromContentType(header: string | undefined): string | null {
  if (!header) return null;
  const m = /charset\s*=\s*["']?([^"';\s,]+)/i.exec(header);
  return m ? m[1] : null;
}

function charsetFromMeta(bytes: Uint8Array): string | null {
  const head = new TextDecoder('windows-1252').decode(bytes.subarray(0, 4096));
  const m =
    /<meta\s[^>]*?charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head) ??
    /<\?xml[^>]+encoding\s*=\s*["']([\w.:-]+)/i.exec(head);
  return m ? m[1] : null;
}

function bomCharset(b: Uint8Array): [string, number] | null {
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return ['utf-8', 3];
  if (b[0] === 0xff && b[1] === 0xfe) return ['utf-16le', 2];
  if (b[0] === 0xfe && b[1] === 0xff) return ['utf-16be', 2];
  return null;
}

function isAscii(b: Uint8Array): boolean {
  for (let i = 0; i < b.length; i++) if (b[i] > 0x7f) return false;
  return true;
}

function strictDecode(bytes: Uint8Array, charset: string): string | null {
  try {
    return new TextDecoder(charset, { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/**
 * How plausible a decoding is as text: letters of one script and common punctuation score,
 * replacement characters, C1 controls and letters of mixed scripts next to each other cost.
 */
export function plausibility(text: string): number {
  let score = 0;
  let prevScript = 0;
  /** Accented Latin letters in a row: real text rarely has more than three, mojibake has whole words. */
  let latinRun = 0;
  const n = Math.min(text.length, 20000);
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) { prevScript = 0; latinRun = 0; continue; }
    let script: number;
    if (c === 0xfffd || (c >= 0x80 && c < 0xa0)) { score -= 5; prevScript = 0; continue; }
    if (c >= 0x400 && c < 0x530) script = 1; // Cyrillic
    else if (c >= 0x3040 && c < 0x3100) { script = 3; score += 1; } // kana: common in Japanese, absent from mis-decodings
    else if (c >= 0x4e00 && c < 0xa000) script = 3; // CJK ideographs
    else if (c >= 0xac00 && c < 0xd7b0) script = 4; // Hangul
    else if (c >= 0xc0 && c < 0x250) script = 5; // Latin letters with marks
    else if (c >= 0x2000 && c < 0x2070) { score += 0.5; prevScript = 0; continue; } // quotes, dashes
    else if (c >= 0x3000 && c < 0x3040) { score += 1; prevScript = 0; continue; } // CJK punctuation
    else if (c >= 0xff00 && c < 0xfff0) { score += 0.5; prevScript = 0; continue; } // full-width forms
    else if (c >= 0xa0 && c < 0xc0) { score -= 0.5; prevScript = 0; continue; } // symbols: rare in text
    else { score -= 1; prevScript = 0; continue; }
    // A capital after a small letter inside a word is rare in text and common in mojibake.
    if ((script === 1 || script === 5) && prevScript === script) {
      const ch = text[i];
      const prev = text[i - 1];
      if (ch !== ch.toLowerCase() && prev !== prev.toUpperCase()) { score -= 3; continue; }
    }
    // An ideograph or kana stands for two or three bytes: weigh it like the letters those bytes would make.
    if (script === 3) score += 2;
    if (script === 5) {
      if (++latinRun >= 4) { score -= 3; prevScript = script; continue; }
    } else latinRun = 0;
    // Letters of the same script run together in real text; mojibake alternates.
    score += prevScript === script ? 2 : prevScript === 0 ? 1 : -2;
    prevScript = script;
  }
  return score;
}

/** Charsets tried when none is declared or the declaration does not read; on a tie the first wins (the web's default first). */
const GUESSES = ['windows-1252', 'windows-1251', 'windows-1250', 'iso-8859-2', 'koi8-r', 'shift_jis', 'euc-jp', 'gb18030', 'big5', 'euc-kr', 'iso-8859-7', 'windows-1253', 'windows-1254', 'windows-1256', 'iso-8859-15'];

/** Decodes HTML bytes: BOM, then header charset, then `<meta>`, each checked against the bytes. */
export function decodeHtml(bytes: Uint8Array, contentTypeHeader?: string): DecodedHtml {
  const messages: Message[] = [];
  const strip = (s: string) => {
    if (s.indexOf('\u0000') === -1) return s;
    messages.push(msg('decode:nul', 'NUL characters in the page were dropped', 'warning'));
    return s.replace(/\u0000/g, '');
  };
  const bom = bomCharset(bytes);
  if (bom) return { html: strip(new TextDecoder(bom[0]).decode(bytes.subarray(bom[1]))), charset: bom[0], messages };

  const headerLabel = charsetFromContentType(contentTypeHeader);
  const metaLabel = charsetFromMeta(bytes);
  const declared: [string, string][] = [];
  for (const [label, where] of [[headerLabel, 'Content-Type header'], [metaLabel, '<meta>']] as const) {
    if (!label) continue;
    const cs = normaliseCharset(label);
    if (cs) declared.push([cs, where]);
    else messages.push(msg('decode:unknown-charset', `the ${where} declares an unknown charset "${label}"; it was ignored`, 'warning'));
  }

  if (isAscii(bytes)) return { html: strip(new TextDecoder('utf-8').decode(bytes)), charset: declared[0]?.[0] === 'utf-16le' || declared[0]?.[0] === 'utf-16be' ? 'utf-8' : declared[0]?.[0] ?? 'utf-8', messages };

  // Valid UTF-8 with non-ASCII bytes is almost never a legacy charset by accident.
  const utf8 = strictDecode(bytes, 'utf-8');
  if (utf8 !== null) {
    const first = declared[0];
    if (first && first[0] !== 'utf-8' && !first[0].startsWith('utf-16')) messages.push(msg('decode:lying-charset', `the ${first[1]} declares ${first[0]} but the bytes are UTF-8; read as UTF-8`, 'warning'));
    return { html: strip(utf8), charset: 'utf-8', messages };
  }

  // UTF-8 with a few broken sequences (a page cut mid-character, one bad paste) is still UTF-8.
  const lenient = new TextDecoder('utf-8').decode(bytes);
  let broken = 0;
  let wide = 0;
  for (let i = 0; i < lenient.length; i++) {
    const c = lenient.charCodeAt(i);
    if (c === 0xfffd) broken++;
    else if (c > 0x7f) wide++;
  }
  const declaredUtf8 = declared.length === 0 || declared[0][0] === 'utf-8';
  // Legacy bytes make no valid multi-byte sequences: "café" in Latin-1 is one broken sequence and
  // nothing else, not a UTF-8 page with one bad character.
  if (wide > broken && broken <= Math.max(declaredUtf8 ? 8 : 2, wide * (declaredUtf8 ? 0.05 : 0.01))) {
    messages.push(msg('decode:invalid-utf8', `${broken} invalid UTF-8 sequence(s) replaced with U+FFFD`, 'warning'));
    return { html: strip(lenient), charset: 'utf-8', messages };
  }

  for (const [cs, where] of declared) {
    if (cs === 'utf-8' || cs.startsWith('utf-16')) continue;
    const text = strictDecode(bytes, cs);
    if (text !== null) {
      // Single-byte charsets decode any bytes; check the result reads as text.
      const alt = bestGuess(bytes);
      if (alt && alt.charset !== cs && alt.score > plausibility(text) * 1.5 + 50) {
        messages.push(msg('decode:lying-charset', `the ${where} declares ${cs} but the bytes read as ${alt.charset}`, 'warning'));
        return { html: strip(alt.text), charset: alt.charset, messages };
      }
      return { html: strip(text), charset: cs, messages };
    }
    messages.push(msg('decode:lying-charset', `the ${where} declares ${cs} but the bytes are not ${cs}`, 'warning'));
  }
  const guess = bestGuess(bytes);
  if (guess) {
    messages.push(msg('decode:guessed', `no usable charset declaration; the bytes read best as ${guess.charset}`, 'info'));
    return { html: strip(guess.text), charset: guess.charset, messages };
  }
  messages.push(msg('decode:fallback', 'the charset could not be determined; read as windows-1252', 'warning'));
  return { html: strip(new TextDecoder('windows-1252').decode(bytes)), charset: 'windows-1252', messages };
}

function bestGuess(bytes: Uint8Array): { charset: string; text: string; score: number } | null {
  let best: { charset: string; text: string; score: number } | null = null;
  for (const cs of GUESSES) {
    const text = new TextDecoder(cs).decode(bytes);
    const s = plausibility(text);
    if (!best || s > best.score) best = { charset: cs, text, score: s };
  }
  return best;
}
