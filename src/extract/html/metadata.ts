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
import { decodeHTML } from 'entities/decode';
import { starterOutletByHost } from '../../outlets/registry.js';

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

/** A separator between a headline and its decoration: a pipe, a dash, a bullet, a guillemet. */
const TITLE_SEPARATOR = /\s+(?:[|–—·•»]|-{1,2}|::)\s+/g;

const normName = (s: string) => s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');

/** The parts of a title between its separators, with where each starts and ends in it. */
function titleParts(title: string): { text: string; start: number; end: number }[] {
  const out: { text: string; start: number; end: number }[] = [];
  let from = 0;
  for (const m of title.matchAll(TITLE_SEPARATOR)) {
    out.push({ text: title.slice(from, m.index), start: from, end: m.index! });
    from = m.index! + m[0].length;
  }
  out.push({ text: title.slice(from), start: from, end: title.length });
  return out;
}

/** The brand of a host name: `www.harbour-post.example` → `harbour-post`. */
function hostBrand(host: string | null): string | null {
  if (!host) return null;
  const labels = host.toLowerCase().replace(/^(?:www|amp|m|mobile|edition|english|en)\./, '').split('.');
  // The label before the public suffix: `news.example.co.uk` → `example`.
  const i = labels.length >= 3 && labels[labels.length - 1].length === 2 && labels[labels.length - 2].length <= 3 ? labels.length - 3 : labels.length - 2;
  return labels[Math.max(0, i)] ?? null;
}

/** The names a host gives a site: its brand and its full name. */
function hostNames(host: string | null): string[] {
  if (!host) return [];
  return [hostBrand(host), host.replace(/^www\./, '')].filter((x): x is string => !!x);
}

/** The labels of a host before its brand (`sport.harbourpost.example` → `sport`). */
function hostLabels(host: string | null): string[] {
  if (!host) return [];
  const brand = hostBrand(host);
  const labels = host.toLowerCase().replace(/^(?:www|amp|m|mobile|edition|english|en)\./, '').split('.');
  return brand ? labels.slice(0, labels.indexOf(brand)).filter((l) => l.length >= 3) : [];
}

/** Whether a title part names the site: one of its names, its domain, or a host name. */
function namesSite(part: string, sites: string[], last = false, exact: string[] = []): boolean {
  const t = normName(part);
  if (!t) return false;
  if (/^[\p{L}\d-]+(?:\.[\p{L}\d-]+)*\.[a-z]{2,}$/iu.test(part.trim())) return true;
  if (exact.some((x) => x === t || (last && x.length >= 3 && t.startsWith(x)))) return true;
  // One holds the other, and most of it: "Harbour Post Online" names "Harbour Post"; a headline
  // that mentions the site does not. A part led by the site's name names it too ("Harbour Post
  // Sport UK"), and a last part closed by it ("The Centre for Harbour Studies (CHS)").
  const holds = (a: string, b: string) => b.length >= 3 && (a.startsWith(b) || (last && a.endsWith(b)) || (a.includes(b) && b.length * 2 >= a.length));
  return sites.some((x) => x === t || holds(t, x) || holds(x, t));
}

/**
 * `Headline | Section | Outlet` → `Headline`: parts at either end that name the site (`sites`:
 * its names, as the page or the registry gives them; `host`: its domain) go, then a short last
 * part (a section or a date). The headline keeps its own separators.
 */
export function cleanTitle(title: string, sites: string | (string | null | undefined)[] | null, host: string | null): string {
  const names = [...new Set([...(Array.isArray(sites) ? sites : [sites]), ...hostNames(host)]
    .filter((x): x is string => !!x).map(normName).filter((x) => x.length >= 2))];
  // "Outlet: Headline" — a colon is the headline's own unless what precedes it is the outlet.
  const colon = /^([^:]{2,40}):\s+(.{10,})$/.exec(title);
  if (colon && names.includes(normName(colon[1]))) title = colon[2];
  // A separator left at either end ("» Headline » Blog") is no part of the headline.
  // (A leading dash opens a quoted headline in some languages; a trailing » closes a quote.)
  title = title.replace(/^(?:[|·•»:]+\s+)+/, '').replace(/(?:\s+[|·•:–—-]+)+$/, '');
  const parts = titleParts(title);
  if (parts.length < 2) return title;
  // A part printed twice is the site's name ("Outlet | Outlet | Headline").
  const seen = new Map<string, number>();
  for (const x of parts) { const n = normName(x.text); if (n) seen.set(n, (seen.get(n) ?? 0) + 1); }
  const repeated = [...seen].filter(([, k]) => k > 1).map(([n]) => n);
  if (repeated.length && parts.some((x) => !repeated.includes(normName(x.text)))) names.push(...repeated);
  let a = 0;
  let b = parts.length - 1;
  // A date is decoration too ("Headline - Outlet - May 2, 2024").
  const isDate = (t: string) => t.length < 30 && /\d/.test(t) && !!parseDate(t);
  // A label of the host before its brand names the site as a whole part ("Sport | …"), or
  // leading the last part ("… | Northside Chronicle" on northside.chronicles.example).
  const labels = hostLabels(host).map(normName);
  while (b > a && (namesSite(parts[b].text, names, true, labels) || isDate(parts[b].text))) b--;
  while (a < b && namesSite(parts[a].text, names, false, labels)) a++;
  // A short last part is most likely a section or a date; so is a label of capitalised words
  // between the headline and the site's name ("Headline | Explainer News | Outlet").
  const last = parts[b].text;
  const head = () => title.slice(parts[a].start, parts[b - 1].end);
  if (b > a && last.length < 30 && head().length > last.length * 2) b--;
  else if (b > a && b < parts.length - 1 && /^\p{Lu}[\p{L}\p{N}&'’.-]*(?:\s+\p{Lu}[\p{L}\p{N}&'’.-]*){0,2}$/u.test(last.trim()) && head().length > last.length) b--;
  return title.slice(parts[a].start, parts[b].end).trim() || title;
}

/**
 * The decoration a page's titles share: the last part of one title of the page (`<title>`,
 * OpenGraph, JSON-LD) that another ends with too, after a different headline.
 */
function sharedDecoration(titles: string[]): string[] {
  const out: string[] = [];
  const split = titles.map((t) => titleParts(t).map((p) => p.text.trim())).filter((p) => p.length > 1);
  for (let i = 0; i < split.length; i++) {
    for (let j = i + 1; j < split.length; j++) {
      const [x, y] = [split[i], split[j]];
      // The same last part after two different headlines.
      if (normName(x[x.length - 1]) === normName(y[y.length - 1]) && normName(x[0]) !== normName(y[0])) out.push(x[x.length - 1]);
    }
  }
  return out;
}

const ENTITY = /&(?:#\d+|#x[\da-f]+|[a-z][a-z\d]{1,31});/i;

/** Text with the HTML entities a page left encoded (`&#8211;`, `&amp;#8216;`) decoded. */
export function decodeEntities(s: string): string;
export function decodeEntities(s: string | null): string | null;
export function decodeEntities(s: string | null): string | null {
  if (!s || !ENTITY.test(s)) return s;
  // An escaped entity (`&amp;#8216;`) takes two rounds.
  for (let i = 0; i < 2 && ENTITY.test(s); i++) s = decodeHTML(s);
  return squash(s);
}

/** Cleans an author string: no "By", no date or time swallowed with it. */
export function cleanByline(raw: string): string | null {
  let s = decodeEntities(squash(raw)).replace(/^[|•·–—:-]+\s*/, '');
  s = s.replace(/^(?:(?:analysis|opinion|commentary|story|text|words|reporting|written|photos?)\s+)?(by|von|par|por|di|door|av|przez)\s*[:\s]\s*/i, '');
  // A date glued on ("Jane Doe Published 3:45 PM ET Nov 19, 2019", "Jane Doe, November 19, 2019")
  // A word of its own: "Jason Cipriani" holds no "on".
  s = s.replace(/\s*[,|•·–—-]?\s*\b(published|updated|posted|last updated|on)\b.*$/i, '');
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

  const publisher = decodeEntities(ld.publisher ? ldString(ld.publisher) : null);
  const siteName = decodeEntities(m('og:site_name'));
  const appName = decodeEntities(m('application-name', 'al:android:app_name', 'twitter:site')?.replace(/^@/, '') ?? null);
  const registered = host ? starterOutletByHost(host)?.name ?? null : null;
  const sectionName = m('article:section', 'section', 'parsely-section') ?? ldString(ld.articleSection);
  // A site name that is a section label ("U.S." on a page under /world/us/) is not the outlet,
  // unless it is the domain's brand too.
  const pathSegments = new Set((url ? (() => { try { return new URL(url).pathname; } catch { return ''; } })() : '').split('/').map(normName).filter(Boolean));
  const sectionLike = (name: string | null): boolean => {
    if (!name) return false;
    const n = normName(name);
    if (namesSite(name, hostNames(host), false, hostLabels(host).map(normName))) return false;
    return pathSegments.has(n) || (!!sectionName && normName(sectionName) === n);
  };
  const named = (v: string | null) => (v && !sectionLike(v) ? v : null);
  const source = pick('source', [registered, 'registry'], [named(siteName), 'og:site_name'], [named(publisher), 'json-ld'], [named(appName), 'meta'], [host?.replace(/^www\./, ''), 'url:domain']);

  // With no outlet named anywhere else, the decoration of the <title> ("Headline | Outlet") names it.
  let outlet = source;
  const tagParts = titleParts(p.titleTag).map((x) => x.text);
  if (!outlet && tagParts.length > 1) {
    const last = tagParts[tagParts.length - 1].trim();
    if (last.length >= 2 && last.length <= 40 && tagParts.slice(0, -1).join(' ').length > last.length) {
      outlet = last;
      from.source = 'title-suffix';
    }
  }
  const h1 = decodeEntities(p.h1.map(textOf).find((t) => t.length > 3) ?? null);
  const ldHeadline = decodeEntities(ldString(ld.headline));
  const ogTitle = decodeEntities(m('og:title'));
  const twTitle = decodeEntities(m('twitter:title'));
  const tagTitle = decodeEntities(p.titleTag);
  const sites = [outlet, registered, siteName, publisher, appName, ...sharedDecoration([tagTitle, ogTitle, twTitle, ldHeadline].filter((x): x is string => !!x))];
  const rawTitle = pick('title', [ldHeadline, 'json-ld'], [ogTitle, 'og'], [twTitle, 'twitter'], [h1, 'h1'], [tagTitle, 'title']);
  let title = rawTitle ? cleanTitle(rawTitle, sites, host) : null;
  // The visible headline wins over a social title it agrees with but for the decoration around it
  // ("Headline | Section | Outlet" over the h1 "Headline").
  if (title && h1 && h1.length > 10 && title !== h1 && !namesSite(h1, sites.filter((x): x is string => !!x).map(normName))) {
    // The title is cut where the h1 ends, keeping the title's own punctuation and case.
    const nh = normName(h1);
    const run = normName(title) !== nh ? titleParts(title).find((x) => normName(title!.slice(0, x.end)) === nh) : undefined;
    if (run && run.end < title.length) title = title.slice(0, run.end).trim();
    else if (title.startsWith(h1)) title = h1;
  }

  const dek = decodeEntities(pick('dek', [m('og:description'), 'og'], [m('description'), 'meta'], [m('twitter:description'), 'twitter'], [ldString(ld.description), 'json-ld']));

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
