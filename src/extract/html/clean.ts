/**
 * Removing page chrome before content selection: elements that never hold article text (scripts,
 * forms, media), elements whose role, tag or class/id name them as chrome (navigation, sharing,
 * newsletter and cookie boxes, related stories, comments, captions, bylines), and hidden ones.
 * An element that holds most of the page's text is never removed by its name alone, so a wrapper
 * with an unlucky class (`page has-sidebar`) cannot take the article with it.
 *
 * @module
 */
import type { Element, Node } from './parse.js';
import { attr, squash, rawText } from './parse.js';

/** Never content. */
const DROP_TAGS = new Set([
  'script', 'style', 'noscript', 'template', 'svg', 'math', 'iframe', 'object', 'embed', 'canvas', 'button', 'select', 'input', 'textarea',
  'option', 'nav', 'picture', 'video', 'audio', 'map', 'head', 'title', 'meta', 'link', 'img', 'source', 'figcaption', 'dialog', 'menu',
]);
/** Chrome unless they hold most of the page's text. */
const CHROME_TAGS = new Set(['aside', 'footer', 'header', 'form', 'figure']);
const CHROME_ROLES = /^(navigation|banner|complementary|contentinfo|dialog|alertdialog|menu|menubar|search|tablist|toolbar|alert)$/i;

/** Names that mark chrome whatever else the name says. */
const STRONG =
  /(^|[\s_-])(comments?|disqus|related|share|sharing|sharebar|social|newsletters?|subscribe|subscription|cookies?|consent|gdpr|promo|promotions?|advert|advertisement|advertising|ads?|adslot|adunit|dfp|sponsor(ed)?|outbrain|taboola|paywall|modal|popup|signup|login|recommend(ed|ations?)?|popular|trending|most-read|mostread|more-stories|read-more|readmore|also-read|pullquote|pull-quote|skip-link|visually-hidden|sr-only|screen-reader(-text)?|print-only|jump-link|toolbar|breadcrumbs?|tags?|tag-list|keywords|topics)($|[\s_-])/;
/** Names that mark chrome unless the name also says it is the article. */
const WEAK =
  /(^|[\s_-])(nav|navbar|navigation|menu|footer|header|masthead|sidebar|side-bar|rail|widget|banner|byline|bylines|author|authors|dateline|timestamp|date|caption|credit|credits|meta|hidden|hide|print|teaser|teasers|card|cards|bio|disclaimer|copyright|subscribe|tools|utility|actions)($|[\s_-])/;
const POSITIVE = /(^|[\s_-])(article|articles?-?body|body|content|entry|main|post|story|text|prose|richtext|rich-text)($|[\s_-])/;
const HIDDEN_STYLE = /(display\s*:\s*none|visibility\s*:\s*hidden)/i;

/** `relatedArticles` → `related-articles`, lower-cased, so names match word by word. */
export function nameOf(el: Element): string {
  const a = el.attrs;
  if (!a) return '';
  const raw = `${a.class ?? ''} ${a.id ?? ''}`;
  return raw.length > 1 ? raw.replace(/([a-z])([A-Z])/g, '$1-$2').toLowerCase() : '';
}

/** Text length under every element, computed once bottom-up. */
export function textLengths(root: Element): Map<Element, number> {
  const lengths = new Map<Element, number>();
  const walk = (el: Element): number => {
    let n = 0;
    for (const c of el.children) n += typeof c === 'string' ? c.length : walk(c);
    lengths.set(el, n);
    return n;
  };
  walk(root);
  return lengths;
}

export interface Removal {
  /** Why: `tag:aside`, `name:related`, `hidden`, `role:navigation`. */
  rule: string;
  text: string;
}

/** Why an element is chrome, or null when it may hold content. */
function chromeReason(el: Element, size: number, total: number): string | null {
  const tag = el.tag;
  if (DROP_TAGS.has(tag)) return `tag:${tag}`;
  // An element with most of the page's text is the page, whatever it is called.
  const big = size > total * 0.5 && total > 500;
  if (big) return null;
  if (CHROME_TAGS.has(tag)) return `tag:${tag}`;
  const a = el.attrs;
  if (!a) return null;
  if (a.hidden !== undefined || a['aria-hidden'] === 'true' || (a.style && HIDDEN_STYLE.test(a.style))) return 'hidden';
  if (a.role && CHROME_ROLES.test(a.role)) return `role:${a.role.toLowerCase()}`;
  const itemprop = a.itemprop;
  if (itemprop && /^(articleBody|text|reviewBody)$/i.test(itemprop)) return null;
  const name = nameOf(el);
  if (!name) return null;
  let m = STRONG.exec(name);
  if (m) return `name:${m[2]}`;
  m = WEAK.exec(name);
  if (m && !POSITIVE.test(name)) return `name:${m[2]}`;
  return null;
}

/**
 * Removes chrome from the tree in place and returns what went, in document order. `keep` is
 * consulted first: elements it accepts stay whatever their name (the article's own container).
 */
export function removeChrome(root: Element, lengths: Map<Element, number>, total: number): Removal[] {
  const removed: Removal[] = [];
  const walk = (el: Element) => {
    const kept: Node[] = [];
    for (const c of el.children) {
      if (typeof c === 'string') { kept.push(c); continue; }
      const reason = chromeReason(c, lengths.get(c) ?? 0, total);
      if (reason) {
        if (c.tag !== 'script' && c.tag !== 'style' && c.tag !== 'head') {
          const text = squash(rawText(c));
          if (text) removed.push({ rule: reason, text });
        }
        continue;
      }
      walk(c);
      kept.push(c);
    }
    el.children = kept;
  };
  walk(root);
  return removed;
}

/** The `itemprop` value or role that names an element as the article body, if any. */
export function isMarkedBody(el: Element): boolean {
  const p = attr(el, 'itemprop');
  return p === 'articleBody' || p === 'reviewBody';
}
