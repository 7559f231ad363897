/**
 * A small, forgiving HTML parser that builds a light tree for content extraction. It scans with
 * `indexOf` and sticky regular expressions instead of a character state machine, which is several
 * times faster than a spec parser on news pages, and it applies only the tree-building rules that
 * change where text lands (void elements, implied `</p>` and `</li>`, raw-text elements, stray end
 * tags). Work is bounded: nesting deeper than {@link MAX_DEPTH} is flattened and parsing stops
 * at a deadline, so hostile pages cannot overflow the stack or hang the extractor.
 *
 * @module
 */
import { decodeHTML, decodeHTMLAttribute } from 'entities/decode';

/** An element of the light tree. Text children are plain strings (entities already decoded). */
export interface Element {
  /** Lower-case tag name. */
  tag: string;
  /** Attributes with lower-case names; `null` when the element has none. */
  attrs: Record<string, string> | null;
  children: Node[];
  parent: Element | null;
}

export type Node = Element | string;

/** What the parser noticed: caps hit, how much was read. */
export interface ParseResult {
  root: Element;
  /** Set when nesting deeper than {@link MAX_DEPTH} was flattened. */
  depthCapped: boolean;
  /** Set when parsing stopped at the deadline; the tree holds what was read until then. */
  timedOut: boolean;
  /** Characters of input read. */
  consumed: number;
}

/** Deeper nesting is flattened into the element at this depth (news pages rarely pass 60). */
export const MAX_DEPTH = 256;

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr', 'keygen', 'basefont', 'bgsound', 'frame']);
/** Elements whose content is text up to their own end tag. */
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'iframe', 'noembed', 'noframes', 'plaintext']);
/** A `<title>` longer than this that holds a `<` lost its end tag (see the raw-text step). */
const LONG_TITLE = 2000;
/** Start tags that close an open `<p>`, as browsers do. */
const CLOSES_P = new Set([
  'address', 'article', 'aside', 'blockquote', 'details', 'dialog', 'div', 'dl', 'fieldset', 'figcaption', 'figure', 'footer', 'form',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr', 'main', 'menu', 'nav', 'ol', 'p', 'pre', 'section', 'table', 'ul', 'li', 'dd', 'dt',
]);
/** Inline elements an implied `</p>` may close through. */
const INLINE = new Set(['a', 'abbr', 'b', 'bdi', 'bdo', 'cite', 'code', 'data', 'dfn', 'em', 'font', 'i', 'kbd', 'mark', 'q', 's', 'samp', 'small', 'span', 'strong', 'sub', 'sup', 'time', 'u', 'var', 'strike', 'big', 'tt', 'label']);

/**
 * Elements that belong in `<head>`; any other start tag closes an open `<head>`, as browsers do
 * (a page whose top was cut or that never closes its head keeps its body out of the head).
 */
const IN_HEAD = new Set(['title', 'meta', 'link', 'script', 'style', 'base', 'noscript', 'template', 'basefont', 'bgsound', 'head', 'html']);

/** Searched with a regular expression: `indexOf` on a piece of a two-byte page is slower. */
const HAS_AMPERSAND = /&/;

const RAW_CLOSE = new Map<string, RegExp>();
/** 1 for the white-space characters of HTML (space, tab, LF, FF, CR). */
const WHITE = new Uint8Array(128);
for (const c of [9, 10, 12, 13, 32]) WHITE[c] = 1;
const isLetter = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
/** End of a tag name starting at `j`: the first white space, `/`, `>` or NUL. */
function scanName(html: string, j: number): number {
  const n = html.length;
  while (j < n) {
    const c = html.charCodeAt(j);
    if ((c < 128 && WHITE[c] === 1) || c === 47 || c === 62 || c === 0) break;
    j++;
  }
  return j;
}
/** JavaScript's `\s`, which the attribute grammar was first written with. */
function isJsSpace(c: number): boolean {
  if (c < 128) return c === 32 || (c >= 9 && c <= 13);
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}
/** A character of an attribute name: anything but white space, quotes, `>`, `/`, `=` and NUL. */
function isNameChar(c: number): boolean {
  return c !== 34 && c !== 39 && c !== 62 && c !== 47 && c !== 61 && c !== 0 && !isJsSpace(c);
}

/**
 * `html.slice(from, to).toLowerCase()`, without the call when the piece is lower-case ASCII
 * already, as nearly every tag and attribute name is: lower-casing a piece of a page that holds
 * any character past Latin-1 (a two-byte string) does not take V8's fast path.
 */
function lowerSlice(html: string, from: number, to: number): string {
  for (let k = from; k < to; k++) {
    const c = html.charCodeAt(k);
    if (c > 127 || (c >= 65 && c <= 90)) return html.slice(from, to).toLowerCase();
  }
  return html.slice(from, to);
}

function decodeText(s: string): string {
  return HAS_AMPERSAND.test(s) ? decodeHTML(s) : s;
}

/**
 * Parses `html` into a light tree rooted at a synthetic `#root` element.
 * Never throws on malformed markup; `deadline` is a `performance.now()` value past which
 * parsing stops; `onElement` sees each element as it is created (attributes set, no children yet).
 */
export function parseHtml(html: string, deadline = Infinity, onElement?: (el: Element) => void): ParseResult {
  const root: Element = { tag: '#root', attrs: null, children: [], parent: null };
  const stack: Element[] = [root];
  // How many elements of each name are open: an end tag with none open is ignored at once,
  // which keeps stray end tags from costing a stack walk each.
  const open = new Map<string, number>();
  let depthCapped = false;
  let timedOut = false;
  let top = root;
  const n = html.length;
  let i = 0;
  let steps = 0;

  const pushText = (s: string) => {
    if (!s) return;
    const t = decodeText(s);
    const last = top.children.length - 1;
    if (last >= 0 && typeof top.children[last] === 'string') top.children[last] = (top.children[last] as string) + t;
    else top.children.push(t);
  };
  const popTo = (index: number) => {
    for (let k = stack.length - 1; k >= index; k--) {
      const t = stack[k].tag;
      open.set(t, (open.get(t) ?? 1) - 1);
    }
    stack.length = index;
    top = stack[stack.length - 1];
  };
  const closeOpen = (tag: string, through: (t: string) => boolean) => {
    if (!open.get(tag)) return;
    for (let k = stack.length - 1; k > 0; k--) {
      const t = stack[k].tag;
      if (t === tag) { popTo(k); return; }
      if (!through(t)) return;
    }
  };

  while (i < n) {
    if ((++steps & 1023) === 0 && performance.now() > deadline) { timedOut = true; break; }
    const lt = html.indexOf('<', i);
    if (lt === -1) { pushText(html.slice(i)); i = n; break; }
    if (lt > i) {
      // Indentation between tags is most of a page's text nodes: one space stands for it.
      let k = i;
      while (k < lt && WHITE[html.charCodeAt(k)] === 1) k++;
      pushText(k === lt ? ' ' : html.slice(i, lt));
    }
    i = lt;
    const c = html.charCodeAt(i + 1);
    if (c === 33 /* ! */) {
      if (html.startsWith('<!--', i)) {
        const end = html.indexOf('-->', i + 4);
        i = end === -1 ? n : end + 3;
      } else {
        const end = html.indexOf('>', i + 2);
        i = end === -1 ? n : end + 1;
      }
      continue;
    }
    if (c === 63 /* ? */) {
      const end = html.indexOf('>', i + 2);
      i = end === -1 ? n : end + 1;
      continue;
    }
    if (c === 47 /* / */) {
      const nameEnd = isLetter(html.charCodeAt(i + 2)) ? scanName(html, i + 2) : -1;
      const end = html.indexOf('>', i + 2);
      const tag = nameEnd === -1 ? '' : lowerSlice(html, i + 2, nameEnd);
      i = end === -1 ? n : end + 1;
      if (!tag) continue;
      if (tag === 'br') { top.children.push({ tag: 'br', attrs: null, children: [], parent: top }); continue; }
      if (!open.get(tag)) continue;
      for (let k = stack.length - 1; k > 0; k--) if (stack[k].tag === tag) { popTo(k); break; }
      continue;
    }
    if (!isLetter(c)) { pushText('<'); i++; continue; }
    let j = scanName(html, i + 1);
    const tag = lowerSlice(html, i + 1, j);
    let attrs: Record<string, string> | null = null;
    let selfClosing = false;
    // Attributes, up to the closing `>` (quoted values may hold `>`).
    for (;;) {
      if (j >= n) break;
      const ch = html.charCodeAt(j);
      if (ch === 62 /* > */) { j++; break; }
      if (ch === 47 /* / */ && html.charCodeAt(j + 1) === 62) { selfClosing = true; j += 2; break; }
      // Skip `[\s/]*`, then the name, then an optional `= value` (double-quoted, single-quoted or
      // bare). This is the grammar the parser first had as a regular expression (kept as the
      // reference in test/extract-html/parser-equivalence.test.ts), scanned by hand because the
      // expression's match arrays were most of the parser's allocations.
      let k = j;
      while (k < n) { const c2 = html.charCodeAt(k); if (c2 === 47 || isJsSpace(c2)) k++; else break; }
      const nameStart = k;
      // Names are nearly always lower-case ASCII already: see `lowerSlice`.
      let plain = true;
      for (let c2 = html.charCodeAt(k); k < n && isNameChar(c2); c2 = html.charCodeAt(++k)) if (c2 > 127 || (c2 >= 65 && c2 <= 90)) plain = false;
      if (k === nameStart) { j++; continue; }
      const name = plain ? html.slice(nameStart, k) : html.slice(nameStart, k).toLowerCase();
      let raw = '';
      let m = k;
      while (m < n && isJsSpace(html.charCodeAt(m))) m++;
      if (m < n && html.charCodeAt(m) === 61 /* = */) {
        m++;
        while (m < n && isJsSpace(html.charCodeAt(m))) m++;
        const q = m < n ? html.charCodeAt(m) : 0;
        const close = q === 34 ? html.indexOf('"', m + 1) : q === 39 ? html.indexOf("'", m + 1) : -1;
        if (close !== -1) { raw = html.slice(m + 1, close); k = close + 1; }
        else {
          // Unquoted, or a quote never closed: the value runs to white space or `>`, quote included.
          let e = m;
          while (e < n) { const c2 = html.charCodeAt(e); if (c2 === 62 || isJsSpace(c2)) break; e++; }
          raw = html.slice(m, e);
          k = e;
        }
      }
      j = k;
      attrs ??= {};
      if (!(name in attrs)) attrs[name] = HAS_AMPERSAND.test(raw) ? decodeHTMLAttribute(raw) : raw;
    }
    i = j;

    if (open.get('head') && !IN_HEAD.has(tag)) closeOpen('head', () => true);
    if (CLOSES_P.has(tag)) {
      if (tag === 'li') closeOpen('li', (t) => t !== 'ul' && t !== 'ol' && t !== 'menu');
      else if (tag === 'dd' || tag === 'dt') { closeOpen('dd', (t) => t !== 'dl'); closeOpen('dt', (t) => t !== 'dl'); }
      closeOpen('p', (t) => INLINE.has(t));
    } else if (tag === 'option') closeOpen('option', () => false);
    else if (tag === 'tr') closeOpen('tr', (t) => t === 'td' || t === 'th');
    else if (tag === 'td' || tag === 'th') { closeOpen('td', () => false); closeOpen('th', () => false); }

    const el: Element = { tag, attrs, children: [], parent: top };
    top.children.push(el);
    onElement?.(el);
    if (VOID.has(tag) || (selfClosing && tag !== 'div' && tag !== 'span' && tag !== 'p')) continue;
    if (RAW_TEXT.has(tag)) {
      let close = RAW_CLOSE.get(tag);
      if (!close) RAW_CLOSE.set(tag, (close = new RegExp(`</${tag}[\\s/>]`, 'gi')));
      close.lastIndex = i;
      const e = close.exec(html);
      let end = e ? e.index : n;
      // A title never holds markup: one whose end tag is missing or misspelt would swallow the
      // page, as it does in a browser; it ends where the next tag begins instead.
      if (tag === 'title' && end - i > LONG_TITLE) {
        const lt = html.indexOf('<', i);
        if (lt !== -1 && lt < end) {
          if (lt > i) el.children.push(decodeText(html.slice(i, lt)));
          i = lt;
          continue;
        }
      }
      if (end > i) el.children.push(tag === 'script' || tag === 'style' ? html.slice(i, end) : decodeText(html.slice(i, end)));
      const gt = e ? html.indexOf('>', end) : -1;
      i = gt === -1 ? n : gt + 1;
      continue;
    }
    if (stack.length > MAX_DEPTH) { depthCapped = true; continue; }
    stack.push(el);
    open.set(tag, (open.get(tag) ?? 0) + 1);
    top = el;
  }
  return { root, depthCapped, timedOut, consumed: Math.min(i, n) };
}

/** The value of an attribute, or `''`. */
/** Whether `el` is `container` or stands inside it. */
export function isInside(el: Element, container: Element): boolean {
  for (let e: Element | null = el; e; e = e.parent) if (e === container) return true;
  return false;
}

export function attr(el: Element, name: string): string {
  return el.attrs?.[name] ?? '';
}

/** The raw text under `el`, with `<br>` as a newline; past `limit` characters the rest is left out. */
export function rawText(el: Element, limit = Infinity): string {
  let out = '';
  const walk = (e: Element) => {
    for (const c of e.children) {
      if (out.length > limit) return;
      if (typeof c === 'string') out += c;
      else if (c.tag === 'br') out += '\n';
      else if (c.tag !== 'script' && c.tag !== 'style') walk(c);
    }
  };
  walk(el);
  return out;
}

/** White space other than a lone space: what `squash` changes. */
const NEEDS_SQUASH = /[^\S ]|\s\s/;

/** Text with runs of white space collapsed to one space. */
export function squash(s: string): string {
  // Most text has nothing to collapse: single spaces only, which the replacement would copy as
  // they are into a new string.
  return NEEDS_SQUASH.test(s) ? s.replace(/\s+/g, ' ').trim() : s.trim();
}

/** The collapsed text under `el`. */
export function textOf(el: Element): string {
  return squash(rawText(el));
}
