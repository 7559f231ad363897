/**
 * Page metadata: title, standfirst, authors, dates, outlet, canonical URL, section, lead image and
 * declared language, each from the most precise source that has it (JSON-LD, then OpenGraph and
 * `<meta>`, then microdata and visible markup, then the URL), with the winning source recorded.
 *
 * @module
 */
import type { Element } from './parse.js';
import { attr, textOf, squash } from './parse.js';
import { parseDate, parseTime } from '../pubdate.js';
import { nameOf } from './clean.js';

/** What one walk over the page gathers for metadata and fallbacks. */
export interface PageParts {
  /** `<meta>` values by lower-cased name/property/itemprop; the first one of a name wins. */
  meta: Map<string, string>;
  links: Element[];
  titleTag: string;
  h1: Element[];
  times: Element[];
  jsonLd: Record<string, unknown>[];
  /** Elements marked with microdata `itemprop`. */
  itemprops: Element[];
  /** Elements whose class or id says byline/author. */
  bylines: Element[];
  /** Elements whose class says kicker (the label above a headline). */
  kickers: Element[];
  /** Elements whose class says they hold a date (`date`, `timestamp`, `published`, `posted`). */
  dateLines: Element[];
  noscripts: Element[];
  htmlLang: string;
  body: Element | null;
  /** The schema.org articleBody element, if the page marks one. */
  articleBody: Element | null;
  /** JSON-LD blocks that did not parse. */
  badJsonLd: number;
}

const DATE_HINT = /date|time|publish|posted/i;
const DATE_NAME = /(^|[\s_-])(date|dateline|timestamp|time|published|publish-date|pubdate|posted|post-date|entry-date|article-date)($|[\s_-])/;
const KICKER_HINT = /kicker|eyebrow|overline|supertitle|roofline|dachzeile|surtitre/i;
const KICKER_NAME = /(^|[\s_-])(kicker|eyebrow|overline|supertitle|roofline|dachzeile|surtitre)($|[\s_-])/;
const BYLINE_HINT = /byline|author|writer|contributor/i;
const BYLINE_NAME = /(^|[\s_-])(byline|bylines|author|authors|author-name|writer|contributor)($|[\s_-])/;

/**
 * Gathers the page parts as elements are created (pass `visit` to `parseHtml`), so no second walk
 * over the tree is needed; `finish` reads what needs the elements' content (title, JSON-LD).
 */
export function partsCollector(): { visit: (el: Element) => void; finish: () => PageParts } {
  const p: PageParts = {
    meta: new Map(), links: [], titleTag: '', h1: [], times: [], jsonLd: [], itemprops: [], bylines: [], kickers: [], dateLines: [], noscripts: [], htmlLang: '',
    body: null, articleBody: null, badJsonLd: 0,
  };
  let title: Element | null = null;
  const scripts: Element[] = [];
  const visit = (c: Element) => {
    switch (c.tag) {
      case 'meta': {
        const key = (attr(c, 'property') || attr(c, 'name') || attr(c, 'itemprop') || attr(c, 'http-equiv')).toLowerCase().trim();
        const value = attr(c, 'content').trim();
        if (key && value && !p.meta.has(key)) p.meta.set(key, value);
        if (c.attrs?.itemprop) p.itemprops.push(c);
        return;
      }
      case 'link': p.links.push(c); return;
      case 'title': title ??= c; return;
      case 'script': if (/ld\+json/i.test(attr(c, 'type'))) scripts.push(c); return;
      case 'style': return;
      case 'h1': p.h1.push(c); break;
      case 'time': p.times.push(c); break;
      case 'noscript': p.noscripts.push(c); break;
      case 'html': if (!p.htmlLang) p.htmlLang = attr(c, 'lang') || attr(c, 'xml:lang'); break;
      case 'body': if (!p.body) p.body = c; break;
    }
    const a = c.attrs;
    if (!a) return;
    const ip = a.itemprop;
    if (ip) {
      p.itemprops.push(c);
      if (!p.articleBody && /^(articleBody|reviewBody)$/.test(ip)) p.articleBody = c;
    }
    const cls = a.class ?? a.id;
    if ((cls && BYLINE_HINT.test(cls) && BYLINE_NAME.test(nameOf(c))) || a.rel === 'author') p.bylines.push(c);
    if (cls && KICKER_HINT.test(cls) && KICKER_NAME.test(nameOf(c))) p.kickers.push(c);
    if (cls && p.dateLines.length < 20 && DATE_HINT.test(cls) && DATE_NAME.test(nameOf(c))) p.dateLines.push(c);
  };
  const finish = () => {
    if (title) p.titleTag = textOf(title);
    for (const s of scripts) {
      const raw = typeof s.children[0] === 'string' ? s.children[0] : '';
      try { flattenJsonLd(JSON.parse(raw.trim().replace(/^<!--|-->$/g, '')), p.jsonLd); } catch { p.badJsonLd++; }
    }
    return p;
  };
  return { visit, finish };
}

/** The page parts of an already built tree. */
export function gatherParts(root: Element): PageParts {
  const { visit, finish } = partsCollector();
  const walk = (el: Element) => {
    for (const c of el.children) if (typeof c !== 'string') { visit(c); walk(c); }
  };
  walk(root);
  return finish();
}

function flattenJsonLd(v: unknown, out: Record<string, unknown>[], depth = 0): void {
  if (depth > 4 || !v || typeof v !== 'object') return;
  if (Array.isArray(v)) { for (const x of v) flattenJsonLd(x, out, depth + 1); return; }
  const o = v as Record<string, unknown>;
  out.push(o);
  if (o['@graph']) flattenJsonLd(o['@graph'], out, depth + 1);
  if (o.mainEntity && typeof o.mainEntity === 'object') flattenJsonLd(o.mainEntity, out, depth + 1);
}

/** A string from a JSON-LD value: a string, the first of a list, or an object's name. */
export function ldString(v: unknown): string | null {
  if (typeof v === 'string') return squash(v) || null;
  if (typeof v === 'number') return String(v);
  if (Array.isArray(v)) return v.length ? ldString(v[0]) : null;
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    return ldString(o.name ?? o.url ?? o['@value'] ?? null);
  }
  return null;
}

function ldNames(v: unknown): string[] {
  const list = Array.isArray(v) ? v : v ? [v] : [];
  const out: string[] = [];
  for (const x of list) {
    const s = typeof x === 'string' ? x : x && typeof x === 'object' ? (x as { name?: unknown }).name : null;
    if (typeof s === 'string' && s.trim() && !/^https?:/.test(s.trim())) out.push(squash(s));
  }
  return out;
}

const ARTICLE_TYPES = /(Article|Posting|Report|Blog|LiveBlog|NewsArticle|WebPage|Review)/;

/** The JSON-LD object describing the article: a typed article first, a web page last. */
export function articleLd(items: Record<string, unknown>[]): Record<string, unknown> {
  const typeOf = (x: Record<string, unknown>) => (Array.isArray(x['@type']) ? (x['@type'] as unknown[]).join(' ') : String(x['@type'] ?? ''));
  return (
    items.find((x) => /(Article|Posting|Report|LiveBlog)/.test(typeOf(x)) && (x.headline || x.articleBody)) ??
    items.find((x) => /(Article|Posting|Report|LiveBlog)/.test(typeOf(x))) ??
    items.find((x) => ARTICLE_TYPES.test(typeOf(x)) && (x.headline || x.datePublished)) ??
    {}
  );
}

export interface Metadata {
  title: string | null;
  kicker: string | null;
  dek: string | null;
  byline: string | null;
  published: string | null;
  modified: string | null;
  source: string | null;
  canonicalUrl: string | null;
  section: string | null;
  image: string | null;
  /** Primary language subtag the page declares. */
  language: string | null;
  /** Which source gave each field. */
  from: Record<string, string>;
  /** The JSON-LD articleBody, when the page carries one. */
  ldBody: string | null;
  /** The page is a live blog (schema.org LiveBlogPosting). */
  liveBlog: boolean;
  /** The next page of a multi-page article (`<link rel="next">`), when the page says so. */
  nextPage: string | null;
}

const TITLE_SEPARATORS = /\s+[|–—·•:»-]\s+|\s+[-|]\s*$/;

/** `Headline | Outlet` → `Headline`, when one part is the outlet or the title tag repeats the h1. */
export function cleanTitle(title: string, outlet: string | null, host: string | null): string {
  const norm = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
  // "Outlet: Headline" — a colon is the headline's own unless what precedes it is the outlet.
  const colon = /^([^:]{2,40}):\s+(.{10,})$/.exec(title);
  if (colon && outlet && norm(colon[1]) === norm(outlet)) title = colon[2];
  const parts = title.split(/\s+(?:[|–—·•»]|-{1,2}|::)\s+/);
  if (parts.length < 2) return title;
  const site = [outlet, host?.replace(/^www\./, '').split('.')[0]].filter((x): x is string => !!x).map(norm);
  const isSite = (s: string) => site.some((x) => x && (norm(s).includes(x) || x.includes(norm(s))));
  let kept = parts;
  while (kept.length > 1 && isSite(kept[kept.length - 1])) kept = kept.slice(0, -1);
  while (kept.length > 1 && isSite(kept[0])) kept = kept.slice(1);
  // A short last part is most likely the outlet's name or a section.
  const last = kept[kept.length - 1];
  if (kept.length > 1 && last.length < 30 && kept.slice(0, -1).join(' ').length > last.length * 2) kept = kept.slice(0, -1);
  return kept.join(' | ').trim() || title;
}

/** Cleans an author string: no "By", no date or time swallowed with it. */
export function cleanByline(raw: string): string | null {
  let s = squash(raw);
  s = s.replace(/^(?:(?:analysis|opinion|commentary|story|text|words|reporting|written|photos?)\s+)?(by|von|par|por|di|door|av|przez)\s*[:\s]\s*/i, '');
  // A date glued on ("Jane Doe Published 3:45 PM ET Nov 19, 2019", "Jane Doe, November 19, 2019")
  s = s.replace(/\s*[,|•·–—-]?\s*(published|updated|posted|last updated|on)\b.*$/i, '');
  s = s.replace(/\s*[,|•·–—-]?\s*\b(\d{1,2}[:.]\d{2}\s*([ap]\.?m\.?)?|(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}\b|\d{1,2}\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*|\d{4}-\d{2}-\d{2}|\d{1,2}\/\d{1,2}\/\d{2,4}).*$/i, '');
  s = s.replace(/\s*[,|•·–—-]\s*$/, '').trim();
  if (!s || s.length > 120 || /^https?:/.test(s)) return null;
  return s;
}

/** A date-time from a string, keeping time and zone when given. */
function dateOf(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const d = parseDate(raw);
  if (!d) return null;
  if (d.length === 10 && !/^\d{4}-\d{2}-\d{2}$/.test(raw.trim())) {
    const t = parseTime(raw.replace(/\d{4}-\d{2}-\d{2}/, ''));
    if (t) return `${d}T${t}`;
  }
  return d;
}

/** `…/2019/11/19/…`, `…/2019-11-19-…`, `…20191119…` in a URL path. */
export function dateFromUrl(url: string | null): string | null {
  if (!url) return null;
  let path: string;
  try { path = new URL(url).pathname; } catch { return null; }
  const m = /\/((?:19|20)\d{2})[/-](0?[1-9]|1[0-2])[/-](0?[1-9]|[12]\d|3[01])(?:[/._-]|$)/.exec(path) ??
    /(?:^|[/_-])((?:19|20)\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?:[/._-]|$)/.exec(path);
  if (!m) return null;
  return `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}`;
}

export function readMetadata(p: PageParts, pageUrl: string | null): Metadata {
  const from: Record<string, string> = {};
  const ld = articleLd(p.jsonLd);
  const m = (...names: string[]) => { for (const n of names) { const v = p.meta.get(n); if (v) return v; } return null; };
  const itemprop = (name: string): string | null => {
    for (const el of p.itemprops) {
      if (attr(el, 'itemprop') !== name) continue;
      const v = attr(el, 'content') || attr(el, 'datetime') || (el.tag === 'meta' ? '' : textOf(el));
      if (v) return v;
    }
    return null;
  };
  const pick = (field: string, ...cands: [string | null | undefined, string][]): string | null => {
    for (const [v, src] of cands) if (v && v.trim()) { from[field] = src; return v.trim(); }
    return null;
  };

  const link = (rel: string) => p.links.find((l) => attr(l, 'rel').toLowerCase().split(/\s+/).includes(rel));
  const canonicalUrl = pick('canonicalUrl', [link('canonical') ? attr(link('canonical')!, 'href') : null, 'link'], [m('og:url'), 'og'], [ldString(ld.url), 'json-ld']);
  const url = pageUrl ?? canonicalUrl;
  let host: string | null = null;
  try { host = url ? new URL(url).hostname : null; } catch { /* a relative or broken URL has no host */ }

  const publisher = ld.publisher ? ldString(ld.publisher) : null;
  const source = pick('source', [m('og:site_name'), 'og:site_name'], [publisher, 'json-ld'], [m('application-name', 'al:android:app_name', 'twitter:site')?.replace(/^@/, ''), 'meta'], [host?.replace(/^www\./, ''), 'url:domain']);

  // With no outlet named anywhere else, the decoration of the <title> ("Headline | Outlet") names it.
  let outlet = source;
  const titleParts = p.titleTag.split(/\s+(?:[|–—·•»]|-{1,2}|::)\s+/);
  if (!outlet && titleParts.length > 1) {
    const last = titleParts[titleParts.length - 1].trim();
    if (last.length >= 2 && last.length <= 40 && titleParts.slice(0, -1).join(' ').length > last.length) {
      outlet = last;
      from.source = 'title-suffix';
    }
  }
  const h1 = p.h1.map(textOf).find((t) => t.length > 3) ?? null;
  const rawTitle = pick('title', [ldString(ld.headline), 'json-ld'], [m('og:title'), 'og'], [m('twitter:title'), 'twitter'], [h1, 'h1'], [p.titleTag, 'title']);
  let title = rawTitle ? cleanTitle(rawTitle, outlet, host) : null;
  // When the page's h1 is the start of a longer title, the rest is decoration.
  if (title && h1 && h1.length > 10 && title !== h1 && title.startsWith(h1)) title = h1;

  const dek = pick('dek', [m('og:description'), 'og'], [m('description'), 'meta'], [m('twitter:description'), 'twitter'], [ldString(ld.description), 'json-ld']);

  let byline: string | null = null;
  const ldAuthors = ldNames(ld.author).map(cleanByline).filter((x): x is string => !!x);
  if (ldAuthors.length) { byline = [...new Set(ldAuthors)].join(', '); from.byline = 'json-ld'; }
  if (!byline) {
    const metaAuthor = m('author', 'article:author', 'byl', 'parsely-author', 'sailthru.author', 'dc.creator');
    const c = metaAuthor && !/^https?:/.test(metaAuthor) ? cleanByline(metaAuthor) : null;
    if (c) { byline = c; from.byline = 'meta'; }
  }
  if (!byline) {
    const ip = itemprop('author');
    const c = ip ? cleanByline(ip) : null;
    if (c) { byline = c; from.byline = 'microdata'; }
  }
  if (!byline) {
    for (const el of p.bylines) {
      const c = cleanByline(textOf(el));
      if (c && c.length > 2 && c.split(' ').length <= 12) { byline = c; from.byline = 'markup'; break; }
    }
  }

  /** The first candidate that is a date: a source with an impossible date gives way to the next. */
  const pickDate = (field: string, ...cands: [string | null | undefined, string][]): string | null => {
    for (const [v, src] of cands) {
      const d = v ? dateOf(v) : null;
      if (d) { from[field] = src; return d; }
    }
    return null;
  };
  const timeEl = p.times.find((t) => attr(t, 'datetime') || attr(t, 'pubdate') !== '');
  const published = (pickDate('published',
    [ldString(ld.datePublished), 'json-ld'],
    [m('article:published_time', 'og:published_time', 'published_time', 'datepublished', 'pubdate', 'publishdate', 'publish-date', 'date', 'dc.date.issued', 'dc.date', 'dcterms.created', 'sailthru.date', 'parsely-pub-date', 'article.published', 'cxenseparse:recs:publishtime'), 'meta'],
    [itemprop('datePublished'), 'microdata'],
    [timeEl ? attr(timeEl, 'datetime') || textOf(timeEl) : null, 'time'],
    // A printed date ("Published 3:45 PM ET Nov. 19, 2019"); an "Updated" one is not the publication.
    [p.dateLines.map((e) => textOf(e)).find((t) => t.length < 120 && !/^\s*(updated|modified|last updated)/i.test(t) && parseDate(t) && !parseDate(t)!.startsWith('--')), 'visible'],
    [dateFromUrl(url), 'url'],
  ));
  const modified = (pickDate('modified',
    [ldString(ld.dateModified), 'json-ld'],
    [m('article:modified_time', 'og:updated_time', 'modified_time', 'datemodified', 'last-modified', 'dcterms.modified', 'article.updated'), 'meta'],
    [itemprop('dateModified'), 'microdata'],
  ));

  const section = pick('section', [m('article:section', 'section', 'category', 'parsely-section', 'sailthru.section'), 'meta'], [ldString(ld.articleSection), 'json-ld']);
  const ldImage = ld.image ? ldString(Array.isArray(ld.image) ? ld.image[0] : (ld.image as { url?: unknown }).url ?? ld.image) : null;
  const image = pick('image', [m('og:image', 'og:image:url', 'og:image:secure_url'), 'og'], [m('twitter:image', 'twitter:image:src'), 'twitter'], [ldImage, 'json-ld']);

  const declared = pick('language', [p.htmlLang, 'html-lang'], [ldString(ld.inLanguage), 'json-ld'], [m('og:locale'), 'og'], [m('content-language', 'language', 'dc.language'), 'meta']);
  const language = declared ? (/^([a-z]{2,3})(?:$|[-_])/i.exec(declared)?.[1].toLowerCase() ?? null) : null;
  if (!language) delete from.language;

  const resolve = (u: string | null) => {
    if (!u) return null;
    try { return new URL(u, url ?? undefined).href; } catch { return /^https?:/.test(u) ? u : null; }
  };
  const body = typeof ld.articleBody === 'string' ? ld.articleBody : null;
  const liveBlog = p.jsonLd.some((x) => /LiveBlogPosting/.test(JSON.stringify(x['@type'] ?? '')));
  const next = link('next');
  const kicker = p.kickers.map(textOf).find((t) => t.length > 1 && t.length <= 80 && t !== title) ?? null;
  return {
    kicker,
    liveBlog,
    nextPage: next ? resolve(attr(next, 'href')) : null,
    title, dek, byline, published, modified, source: outlet, canonicalUrl: resolve(canonicalUrl), section, image: resolve(image), language, from,
    ldBody: body && body.trim() ? body : null,
  };
}
