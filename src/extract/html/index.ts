/**
 * A first main-content extractor for HTML pages, with metadata from JSON-LD, OpenGraph and
 * `<meta>`. The body is the block-level container whose paragraphs hold the most text with the
 * fewest links; navigation, asides, forms, scripts and elements whose class or id names them as
 * chrome (nav, footer, related, share, newsletter, cookie…) are removed first.
 *
 * @module
 */
import { parseHTML } from 'linkedom';
import type { Block, Message, Provenance } from '../../types.js';
import type { ExtractOptions, Extracted } from '../types.js';
import { parseDate } from '../pubdate.js';

type El = {
  tagName: string;
  textContent: string | null;
  children: ArrayLike<El>;
  parentElement: El | null;
  getAttribute(name: string): string | null;
  querySelectorAll(sel: string): ArrayLike<El>;
  querySelector(sel: string): El | null;
  remove(): void;
};

const DROP = 'script,style,noscript,template,nav,footer,aside,form,iframe,svg,button,select,header nav,figure figcaption';
const CHROME = /(^|[\s_-])(nav|menu|footer|sidebar|related|share|sharing|social|newsletter|subscribe|cookie|consent|promo|advert|ads?|banner|comment|comments|breadcrumb|tags?|popular|recommend|outbrain|taboola|paywall|modal|signup)($|[\s_-])/i;
export const MAX_HTML_BYTES = 8 * 1024 * 1024;

const text = (el: El | null) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();

function meta(doc: El, ...names: string[]): string | null {
  for (const n of names) {
    const el = doc.querySelector(`meta[property="${n}"],meta[name="${n}"],meta[itemprop="${n}"]`);
    const v = el?.getAttribute('content')?.trim();
    if (v) return v;
  }
  return null;
}

function jsonLd(doc: El): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  for (const s of Array.from(doc.querySelectorAll('script[type="application/ld+json"]'))) {
    try {
      const v = JSON.parse(s.textContent ?? '');
      const items = Array.isArray(v) ? v : v['@graph'] ? v['@graph'] : [v];
      for (const it of items) if (it && typeof it === 'object') out.push(it);
    } catch {
      /* a broken JSON-LD block is skipped */
    }
  }
  return out;
}

const str = (v: unknown): string | null => (typeof v === 'string' ? v.trim() || null : Array.isArray(v) ? str(v[0]) : v && typeof v === 'object' ? str((v as { name?: unknown }).name) : null);

export function extractHtml(html: string, options: ExtractOptions): Extracted {
  const messages: Message[] = [];
  const provenance: Provenance = {};
  const removed: string[] = [];
  const maxBytes = options.maxBytes ?? MAX_HTML_BYTES;
  if (html.length > maxBytes) {
    messages.push({ stage: 'extract', rule: 'cap:size', reason: `page larger than ${maxBytes} characters: only the first part was read`, level: 'warning' });
    html = html.slice(0, maxBytes);
  }
  const out: Extracted = {
    source: null, url: options.url ?? null, canonicalUrl: null, title: null, kicker: null, dek: null, byline: null, published: null, modified: null,
    dateline: null, language: null, section: null, image: null, blocks: [], text: '', provenance, removed, messages,
  };
  let doc: El;
  try {
    doc = parseHTML(html).document as unknown as El;
  } catch (err) {
    messages.push({ stage: 'extract', rule: 'html:unparseable', reason: `the HTML could not be parsed: ${(err as Error).message}`, level: 'error' });
    return out;
  }
  const root = (doc as unknown as { documentElement: El | null }).documentElement;
  if (!root) {
    messages.push({ stage: 'extract', rule: 'html:empty', reason: 'the page has no document', level: 'error' });
    return out;
  }

  // Metadata: JSON-LD first (most precise), then OpenGraph and <meta>.
  const ld = jsonLd(root).find((x) => /Article|Posting|Report/i.test(String(x['@type'] ?? ''))) ?? {};
  const pick = <T>(field: keyof Provenance, ...candidates: [T | null | undefined, string][]): T | null => {
    for (const [v, src] of candidates) if (v) { provenance[field] = src; return v; }
    return null;
  };
  const titleTag = text(root.querySelector('title'));
  const siteName = meta(root, 'og:site_name') ?? str((ld.publisher as unknown) ?? null);
  out.title = pick('title', [str(ld.headline), 'json-ld'], [meta(root, 'og:title'), 'og'], [text(root.querySelector('h1')) || null, 'h1'], [titleTag.split(/\s+[|–—-]\s+/)[0] || null, 'title']);
  out.dek = meta(root, 'og:description', 'description');
  out.byline = pick('byline', [str(ld.author), 'json-ld'], [meta(root, 'author', 'article:author'), 'meta']);
  const rawDate = pick<string>('published', [str(ld.datePublished), 'json-ld'], [meta(root, 'article:published_time', 'datePublished', 'pubdate', 'date'), 'meta'], [root.querySelector('time[datetime]')?.getAttribute('datetime'), 'time']);
  out.published = rawDate ? parseDate(rawDate) : null;
  const rawMod = str(ld.dateModified) ?? meta(root, 'article:modified_time');
  out.modified = rawMod ? parseDate(rawMod) : null;
  out.source = pick('source', [siteName, 'og:site_name']);
  out.canonicalUrl = root.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? meta(root, 'og:url');
  out.url ??= out.canonicalUrl ?? null;
  out.section = meta(root, 'article:section') ?? str(ld.articleSection);
  out.image = meta(root, 'og:image');
  const lang = root.getAttribute('lang') ?? meta(root, 'og:locale');
  if (lang) { out.language = lang.slice(0, 2).toLowerCase(); provenance.language = 'declared'; }

  // Body: drop chrome, then the container with the most paragraph text and the fewest links.
  for (const el of Array.from(root.querySelectorAll(DROP))) { const t = text(el); if (t) removed.push(t.slice(0, 200)); el.remove(); }
  for (const el of Array.from(root.querySelectorAll('[class],[id]'))) {
    const name = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
    if (CHROME.test(name) && !/article|content|story|body|main/i.test(name)) { const t = text(el); if (t) removed.push(t.slice(0, 200)); el.remove(); }
  }
  const scores = new Map<El, number>();
  for (const p of Array.from(root.querySelectorAll('p'))) {
    const t = text(p);
    if (t.length < 25) continue;
    const linkText = Array.from(p.querySelectorAll('a')).reduce((n, a) => n + text(a).length, 0);
    const score = t.length * (1 - linkText / t.length) + (/[.!?]["”’)]?$/.test(t) ? 20 : 0);
    let el = p.parentElement;
    for (let depth = 0; el && depth < 3; depth++, el = el.parentElement) scores.set(el, (scores.get(el) ?? 0) + score / (depth + 1));
  }
  let best: El | null = null;
  let bestScore = 0;
  for (const [el, s] of scores) if (s > bestScore) { bestScore = s; best = el; }
  const blocks: Block[] = [];
  if (best) {
    for (const el of Array.from(best.querySelectorAll('p,h2,h3,h4,li,blockquote'))) {
      const t = text(el);
      if (!t) continue;
      const tag = el.tagName.toLowerCase();
      if (tag === 'li' && el.querySelector('a') && text(el.querySelector('a')).length > t.length * 0.6) continue;
      if (tag === 'p' && el.parentElement && ['li', 'blockquote'].includes(el.parentElement.tagName.toLowerCase())) continue;
      blocks.push({ kind: /^h\d$/.test(tag) ? 'heading' : tag === 'li' ? 'list-item' : tag === 'blockquote' ? 'blockquote' : 'paragraph', text: t });
    }
  }
  if (!blocks.length) {
    const body = str(ld.articleBody);
    if (body) {
      for (const para of body.split(/\n\s*\n|\n/)) if (para.trim()) blocks.push({ kind: 'paragraph', text: para.trim() });
      messages.push({ stage: 'extract', rule: 'body:json-ld', reason: 'the body was taken from JSON-LD articleBody', level: 'info' });
    }
  }
  // Trailing headings with nothing after them are section labels of the page, not the article.
  while (blocks.length && blocks[blocks.length - 1].kind === 'heading') removed.push(blocks.pop()!.text);
  if (!blocks.length) messages.push({ stage: 'extract', rule: 'body:none', reason: 'no article body found in the page', level: 'error' });
  out.blocks = blocks;
  out.text = blocks.map((b) => b.text).join('\n\n');
  return out;
}
