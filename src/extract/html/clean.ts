/**
 * Removing page chrome before content selection: elements that never hold article text (scripts,
 * forms, media), elements whose role, tag or class/id name them as chrome (navigation, sharing,
 * newsletter and cookie boxes, related stories, comments, captions, bylines), and hidden ones.
 * The tree is left as it is; {@link findChrome} returns the elements to skip. How much of the
 * page's prose an element holds guards against names that mislead: a layout wrapper with an unlucky
 * class (`page has-sidebar`) keeps the article, while a consent wall keeps its name even when it
 * outweighs a short story. When names still took most of the prose, the caller retries leniently,
 * and may also ignore the weak names (`widget`, `meta`), which page builders give every block of a page.
 *
 * @module
 */
import type { Element } from './parse.js';
import type { TextBlock } from './blocks.js';
import { squash, rawText } from './parse.js';

/** Removed without listing their text: code, media and form controls have none worth showing. */
const SILENT_TAGS = new Set(['script', 'style', 'head', 'noscript', 'template', 'svg', 'math', 'img', 'picture', 'video', 'audio', 'canvas', 'iframe', 'object', 'embed', 'input', 'select', 'option', 'textarea', 'meta', 'link', 'source', 'map']);
/** How many removed elements have their text listed. */
const MAX_LISTED = 400;

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
  /(^|[\s_-])(comments?|disqus|related|share|sharing|sharebar|social|newsletters?|subscribe|subscription|cookies?|consent|gdpr|promo|promotions?|advert|advertisement|advertising|ads?|adslot|adunit|dfp|sponsor(ed)?|outbrain|taboola|modal|popup|signup|login|recommend(ed|ations?)?|popular|trending|most-read|mostread|more-stories|read-more|readmore|also-read|pullquote|pull-quote|skip-link|visually-hidden|sr-only|screen-reader(-text)?|print-only|jump-link|toolbar|breadcrumbs?)($|[\s_-])/;
/** Names that mark chrome unless the name also says it is the article. */
const WEAK =
  /(^|[\s_-])(nav|navbar|navigation|menu|footer|header|masthead|sidebar|side-bar|rail|widget|banner|byline|bylines|author|authors|dateline|timestamp|date|caption|credit|credits|meta|hidden|hide|print|teaser|teasers|bio|disclaimer|copyright|subscribe|tools|utility|actions|tags|tag-list|tag-cloud|keywords|topics)($|[\s_-])/;
const FOOTER = /(^|[\s_-])(footer|site-footer|page-footer|copyright|disclaimer|colophon)($|[\s_-])/;
const POSITIVE = /(^|[\s_-])(article|articles?-?body|body|content|entry|main|post|story|text|prose|richtext|rich-text)($|[\s_-])/;
const MICRODATA_META = /^(datePublished|dateModified|dateCreated|headline|alternativeHeadline|name|url|image|thumbnailUrl|width|height|author|creator|publisher|logo|keywords|description|inLanguage|mainEntityOfPage|articleSection|copyrightHolder|copyrightYear)$/i;
const HIDDEN_STYLE = /(display\s*:\s*none|visibility\s*:\s*hidden)/i;

/** `relatedArticles` → `related-articles`, lower-cased, so names match word by word. */
export function nameOf(el: Element): string {
  const a = el.attrs;
  if (!a) return '';
  const raw = a.class === undefined ? a.id ?? '' : a.id === undefined ? a.class : `${a.class} ${a.id}`;
  if (!raw) return '';
  return /[a-z][A-Z]/.test(raw) ? raw.replace(/([a-z])([A-Z])/g, '$1-$2').toLowerCase() : raw.toLowerCase();
}

/**
 * Prose under every element: the weight of the text blocks it holds that read as prose (see
 * `blockWeight`), so a wrapper with an unlucky name that holds the article can be recognised.
 */
export function proseByElement(blocks: TextBlock[], weight: (b: TextBlock) => number): Map<Element, number> {
  const prose = new Map<Element, number>();
  for (const b of blocks) {
    const w = weight(b);
    if (w <= 0) continue;
    for (let e: Element | null = b.container; e; e = e.parent) prose.set(e, (prose.get(e) ?? 0) + w);
  }
  return prose;
}

/** Elements that are never content, whatever surrounds them. */
export const isNeverContent = (e: Element) => DROP_TAGS.has(e.tag);

export interface Removal {
  /** Why: `tag:aside`, `name:related`, `hidden`, `role:navigation`. */
  rule: string;
  text: string;
}

/** Why an element is chrome, or null when it may hold content. */
function chromeReason(el: Element, size: number, total: number, lenient: boolean, weakNames: boolean): string | null {
  const tag = el.tag;
  if (DROP_TAGS.has(tag)) return `tag:${tag}`;
  const share = total > 0 ? size / total : 0;
  // An element with most of the page's prose is the article or holds it, whatever it is called;
  // in the first pass only names that say so are trusted (a consent wall can outweigh a short article).
  if (share > 0.6 && lenient) return null;
  // Leniently, an article element (by tag or name) with a large share is kept too: its class list
  // may carry the post's topics ("tag-social-media") beside the names that say it is the post.
  if (lenient && share > 0.3 && (tag === 'article' || tag === 'main' || POSITIVE.test(nameOf(el)))) return null;
  if (CHROME_TAGS.has(tag) && share < 0.25) return `tag:${tag}`;
  const a = el.attrs;
  if (!a) return null;
  const itemprop = a.itemprop;
  if (itemprop && /^(articleBody|text|reviewBody)$/i.test(itemprop)) return null;
  // Microdata values written out for machines (dates, headline, author, logo, sizes) are not prose.
  if (itemprop && MICRODATA_META.test(itemprop) && share < 0.25 && !/^h[1-6]$/.test(tag)) return `microdata:${itemprop}`;
  if (a.role && CHROME_ROLES.test(a.role) && share <= 0.6) return `role:${a.role.toLowerCase()}`;
  const name = nameOf(el);
  const strong = name ? STRONG.exec(name) : null;
  if (strong && !(share > 0.6 && (POSITIVE.test(name) || tag === 'body' || tag === 'main' || tag === 'article'))) return `name:${strong[2]}`;
  // Footers hold an article only by accident of markup; other chrome names may be a layout wrapper's.
  if (share <= 0.6 && name && FOOTER.test(name) && !POSITIVE.test(name)) return 'name:footer';
  if (share > 0.25) return null;
  if (a.hidden !== undefined || a['aria-hidden'] === 'true' || (a.style && HIDDEN_STYLE.test(a.style))) return 'hidden';
  const weak = name && weakNames ? WEAK.exec(name) : null;
  if (weak && !POSITIVE.test(name)) return `name:${weak[2]}`;
  return null;
}

/**
 * Finds the chrome under `root`, given each element's prose; returns the elements to skip and
 * what they held, in document order. The tree is left as it is.
 */
export function findChrome(root: Element, prose: Map<Element, number>, lenient = false, weakNames = true): { skip: Set<Element>; removed: Removal[] } {
  const skip = new Set<Element>();
  const removed: Removal[] = [];
  const total = prose.get(root) ?? 0;
  const walk = (el: Element) => {
    for (const c of el.children) {
      if (typeof c === 'string') continue;
      const reason = chromeReason(c, prose.get(c) ?? 0, total, lenient, weakNames);
      if (reason) {
        skip.add(c);
        // The text of what was removed is listed for the reader; past the list's length only the count matters.
        if (removed.length < MAX_LISTED && !SILENT_TAGS.has(c.tag)) {
          // Listed cut to 300 characters: a comment thread's whole text is not needed for that.
          const text = squash(rawText(c, 600));
          if (text) removed.push({ rule: reason, text });
        }
        continue;
      }
      walk(c);
    }
  };
  walk(root);
  return { skip, removed };
}
