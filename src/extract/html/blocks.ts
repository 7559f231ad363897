/**
 * Text blocks of a page: every run of inline content between block-level boundaries, with its
 * length, how much of it is link text, the element that holds it and a clean HTML rendering
 * (links kept, everything else escaped). Content selection works on these blocks.
 *
 * @module
 */
import type { Element } from './parse.js';
import { attr, squash } from './parse.js';

/** One run of inline content. */
export interface TextBlock {
  /** The nearest block-level element holding the run. */
  container: Element;
  kind: 'paragraph' | 'heading' | 'list-item' | 'blockquote';
  /** Heading level 1–6, 0 otherwise. */
  level: number;
  text: string;
  /** Clean HTML; white space is collapsed by `resolveLinks`, for the blocks kept only. */
  html: string;
  /** Characters of `text` that sit inside links. */
  linkChars: number;
  /** Characters of link text the block opens with (a teaser's headline link). */
  leadingLinkChars: number;
  /** Position in document order. */
  index: number;
}

/** Elements that start a new block of text. */
export const BLOCK_TAGS = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'caption', 'center', 'dd', 'details', 'dialog', 'dir', 'div', 'dl', 'dt', 'fieldset',
  'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr', 'li', 'main', 'menu', 'nav', 'ol',
  'p', 'pre', 'section', 'summary', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul', 'noscript', '#root', 'html', 'option', 'select',
]);

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
export const escapeHtml = (s: string) => s.replace(/[&<>"]/g, (c) => ESCAPES[c]);

const SIMPLE_ABSOLUTE = /^https?:\/\/[a-z0-9.-]+(?::\d+)?(?:[/?#][^\s"<>\\]*)?$/i;
const SIMPLE_ROOTED = /^\/(?!\/)[^\s"<>\\]*$/;

/** An absolute http(s) URL for a link, or null when it is a script, an anchor or unparseable. */
export function safeHref(href: string, base: URL | null): string | null {
  const h = href.trim();
  if (!h || h.startsWith('#')) return null;
  // Absolute and root-relative links are the common cases; they need no URL parser.
  if (SIMPLE_ABSOLUTE.test(h)) return h;
  if (base && SIMPLE_ROOTED.test(h)) return base.origin + h;
  try {
    const u = base ? new URL(h, base) : new URL(h);
    return u.protocol === 'http:' || u.protocol === 'https:' || u.protocol === 'mailto:' ? u.href : null;
  } catch {
    return null;
  }
}

/**
 * Resolves the links of a block's HTML against the page URL; links that are not http(s) or
 * mailto (scripts, anchors, data) are unwrapped to their text.
 */
export function resolveLinks(raw: string, base: URL | null): string {
  const html = squash(raw);
  if (html.indexOf('<a ') === -1) return html;
  let unsafe = 0;
  const out = html.replace(/<a href="([^"]*)">/g, (_, raw: string) => {
    const href = safeHref(raw.replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&'), base);
    if (!href) { unsafe++; return '<a>'; }
    return `<a href="${escapeHtml(href)}">`;
  });
  return unsafe ? out.replace(/<a>((?:(?!<\/a>)[\s\S])*)<\/a>/g, '$1') : out;
}

/**
 * The text blocks under `root` in document order. `skip` says which elements (with everything
 * under them) are not content at all.
 */
export function collectBlocks(root: Element, base: URL | null, skip: (e: Element) => boolean, withHtml = true): TextBlock[] {
  const blocks: TextBlock[] = [];
  let parts: string[] = [];
  let htmlParts: string[] = [];
  let linkChars = 0;
  let leadingLinkChars = 0;
  /** True while nothing but links (and white space) has been seen in the current block. */
  let leading = true;
  let linkDepth = 0;
  let quoteDepth = 0;
  /** A `<br>` with nothing but white space since the previous one: `<br><br>` ends a paragraph. */
  let afterBr = false;

  const flush = (container: Element) => {
    if (!parts.length) return;
    const text = squash(parts.join(''));
    if (text) {
      const tag = container.tag;
      const level = tag.length === 2 && tag[0] === 'h' && tag[1] >= '1' && tag[1] <= '6' ? +tag[1] : 0;
      const kind = level ? 'heading' : tag === 'li' || tag === 'dd' || tag === 'dt' ? 'list-item' : quoteDepth > 0 ? 'blockquote' : 'paragraph';
      blocks.push({ container, kind, level, text, html: withHtml ? htmlParts.join('') : '', linkChars: Math.min(linkChars, text.length), leadingLinkChars, index: blocks.length });
    }
    parts = [];
    htmlParts = [];
    linkChars = 0;
    leadingLinkChars = 0;
    leading = true;
  };

  const walk = (el: Element, container: Element) => {
    for (const c of el.children) {
      if (typeof c === 'string') {
        if (afterBr && c.trim()) afterBr = false;
        parts.push(c);
        if (withHtml) htmlParts.push(escapeHtml(c));
        if (linkDepth) {
          const n = c.trim().length;
          linkChars += n;
          if (leading) leadingLinkChars += n;
        } else if (leading && c.trim()) leading = false;
        continue;
      }
      if (skip(c)) continue;
      const tag = c.tag;
      if (tag === 'br') {
        if (afterBr) { flush(container); afterBr = false; continue; }
        afterBr = true;
        parts.push('\n');
        if (withHtml) htmlParts.push('<br>');
        continue;
      }
      afterBr = false;
      if (BLOCK_TAGS.has(tag)) {
        flush(container);
        if (tag === 'blockquote') quoteDepth++;
        walk(c, c);
        flush(c);
        if (tag === 'blockquote') quoteDepth--;
        continue;
      }
      if (tag === 'a') {
        // Links are resolved later, for the blocks kept only (see `resolveLinks`).
        const href = withHtml ? attr(c, 'href') : '';
        linkDepth++;
        if (href) htmlParts.push(`<a href="${escapeHtml(href)}">`);
        // Space between a link and its neighbours is kept by the surrounding text nodes.
        walk(c, container);
        if (href) htmlParts.push('</a>');
        linkDepth--;
        continue;
      }
      if (tag === 'img' || tag === 'input') continue;
      walk(c, container);
    }
  };
  walk(root, root);
  flush(root);
  return blocks;
}
