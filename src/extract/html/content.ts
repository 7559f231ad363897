/**
 * Choosing the article body among a page's text blocks. Every block votes for each of its
 * ancestors: prose (long, few links) for, link lists, labels and teasers against. The element with
 * the highest total is the body's container (grown to its parent when the parent holds much more
 * prose); pages that repeat a story unit keep the one titled like the page. Inside the container
 * the body is the best contiguous run of blocks, which drops labels before the story and author
 * boxes or notices after it; link lists, ad labels, time-stamp lines and repeated sentences (pull
 * quotes) inside the run are dropped too, each with the rule that dropped it.
 *
 * @module
 */
import type { Element } from './parse.js';
import { isInside, rawText } from './parse.js';
import type { TextBlock } from './blocks.js';

export interface Selection {
  /** The chosen container, or null when nothing on the page reads as prose. */
  container: Element | null;
  blocks: TextBlock[];
  /** Blocks inside the container that were dropped, with the reason. */
  dropped: { block: TextBlock; rule: string }[];
  /** Total prose weight of the chosen container. */
  score: number;
}

const SENTENCE_END = /[.!?…:;"'”’»)\]。！？」』）]$/;
/** Labels pages put between paragraphs, in the languages Parallax reads most; and unrendered shortcodes. */
const BOILERPLATE = /^(?:(?:image|photo|picture|slide|bild|foto|imagen|immagine|фото)\s+\d+\s+(?:of|von|de|di|sur|из|\/)\s+\d+|advertisements?|advert|ads?|sponsored( content)?|anzeige|werbung|publicité|publicidad|pubblicità|publicidade|reclame|реклама|story continues below( advertisement)?|continue reading( below| the main story)?|article continues below|this (slideshow|video|content) requires javascript\.?|please enable javascript.*|\[[a-z_]+(?:\s[^\]]*)?\].*)$/i;
const SIGN_OFF_WORDS = /\b(follow (?:us|him|her|them|me|@\w+) (?:on|at)|sign up (?:for|to)|subscribe to (?:our|the)|newsletters?\b|in your inbox|join our|(?:may|can) be reached at|comments? (?:are|is) (?:closed|moderated)|we are temporarily moderating)/iu;
/** "E-mail Ana Costa at …": case matters here (a name is capitalised), so it is not in the pattern above. */
const SIGN_OFF_MAIL = /\b[Ee]-?mail (?:\p{Lu}\p{L}+ )+at\b/u;
const SIGN_OFF = { test: (s: string) => SIGN_OFF_WORDS.test(s) || SIGN_OFF_MAIL.test(s) };
/**
 * A line that is a time-stamp or a byline and little else ("Updated 1:23 p.m.", "20 Nov 2019 08:00
 * GMT", "By Ana Costa"): page furniture between the headline and the story.
 */
export function isDateOrBylineLine(text: string): boolean {
  if (text.length > 70) return false;
  if (/^(?:[Bb][Yy]|[Vv]on|[Pp]ar|[Pp]or|[Dd]i|[Dd]oor|[Aa]v|[Pp]rzez)\s+\p{Lu}[\p{L}.'-]+(?:\s+\p{Lu}[\p{L}.'-]+){0,3}$/u.test(text)) return true;
  const hasDate = /\b(?:19|20)\d{2}[-./]\d{1,2}[-./]\d{1,2}\b|\b\d{1,2}[./]\d{1,2}[./](?:19|20)\d{2}\b|\b\d{1,2}:\d{2}\b/.test(text) ||
    /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2},?\s+(?:19|20)\d{2}\b|\b\d{1,2}\.?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?,?\s+(?:19|20)\d{2}\b/i.test(text);
  if (!hasDate) return false;
  // What is left once dates, times and their usual words are taken out must be short.
  const rest = text
    .replace(/\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?/gi, '')
    .replace(/\b(?:published|updated|posted|last updated|modified|on|at|am|pm|a\.m\.|p\.m\.|gmt|utc|et|est|edt|cet|cest|bst|ist|mon|tue|wed|thu|fri|sat|sun)[a-z]*\b\.?/gi, '')
    .replace(/[\d\s:./,|()\[\]–—-]+/g, '');
  return rest.length <= 12;
}

const FULL_STOP = /[.!?。！？]["'”’»)]?$/;
const WIDE = /[\u1100-\u11ff\u2e80-\ua4cf\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]/g;

/** Length in Latin-letter equivalents: a Chinese or Japanese character carries about a word. */
export function effectiveLength(text: string): number {
  let wide = 0;
  WIDE.lastIndex = 0;
  while (WIDE.exec(text)) wide++;
  return text.length + 2 * wide;
}

export const linkDensity = (b: TextBlock) => (b.text.length ? b.linkChars / b.text.length : 0);

/** What a block says about the element around it being the article body. */
export function blockWeight(b: TextBlock): number {
  const len = effectiveLength(b.text);
  const ld = linkDensity(b);
  // Quoted posts (an embedded tweet) are mostly links and handles, and part of the story.
  if (ld > 0.5 && b.kind === 'blockquote' && ld <= 0.9 && len >= 20) return 0;
  // A label and the one address it names ("Website: https://…") is a line of the text, not a link list.
  if (ld > 0.5 && isLabelledAddress(b)) return 0;
  // A sentence in a paragraph of its own that happens to be mostly links is still a sentence.
  if (ld > 0.5) return b.container.tag === 'p' && ld <= 0.8 && len >= 80 && FULL_STOP.test(b.text) ? 0 : -len;
  if (b.kind === 'heading') return 0;
  if (len < 80 && BOILERPLATE.test(b.text)) return -len * 2;
  // Markup shown as text (an escaped tracking pixel) is never prose; in a code listing it is
  // part of the article that shows it.
  if (b.text.charCodeAt(0) === 60 && /^<[a-z]+[\s>]/i.test(b.text)) return b.container.tag === 'pre' ? 0 : -len;
  // "Headline link + summary": a teaser for another article, not this one's prose.
  if (b.leadingLinkChars >= 25 && b.leadingLinkChars > b.text.length * 0.15) return -0.5 * len;
  if (len >= 100) return len * (1 - ld);
  if (len >= 40 && SENTENCE_END.test(b.text)) return len * (1 - ld) * 0.7;
  // Items of a list of plain text (steps, facts, results) are part of the story around them.
  if (b.kind === 'list-item' && ld < 0.2 && len >= LIST_MIN) return len * LIST_WEIGHT;
  // So is a short paragraph with no link in it ("Qualified teams:", "Here is how it works").
  if (b.container.tag === 'p' && ld === 0 && len >= LIST_MIN) return len * LIST_WEIGHT;
  return -SHORT_PENALTY * len;
}

const LABELLED_ADDRESS = /^[^:]{1,40}:\s*((?:https?:\/\/|www\.)\S+|[\w-]+(?:\.[\w-]+)+(?:\/\S*)?)$/i;

/** "Label: address", the address linked: a line of one link whose text is the address itself. */
function isLabelledAddress(b: TextBlock): boolean {
  if (b.leadingLinkChars > 0 || b.text.length > 200) return false;
  const m = LABELLED_ADDRESS.exec(b.text);
  return !!m && b.linkChars >= m[1].length * 0.8 && b.linkChars <= m[1].length + 2;
}

/**
 * Block weights in document order. A summary right after a linked headline is a teaser for another
 * article and counts against its container; with `single` off, only the summaries in a list of
 * headline-and-summary pairs do.
 */
export function weighBlocks(blocks: TextBlock[], titles: (string | null)[] = [], { single = true }: { single?: boolean } = {}): number[] {
  // (Cards are weighed with the single teasers: a page's own paragraphs can look like either.)
  const weights = blocks.map(blockWeight);
  let counts: Map<Element, number> | null = null;
  // The page's own headline is often a link to the page itself (a blog's permalink): a summary
  // after it is the article, not a teaser.
  // The title may still carry the site's name after a separator.
  const own = titles.flatMap((t) => (t ? [t, ...t.split(/\s[|–—:-]\s/)] : [])).map(norm).filter((t) => t.length >= 10);
  const isOwnHeadline = (b: TextBlock) => {
    if (!own.length) return false;
    const n = norm(b.text);
    return n.length >= 10 && own.some((t) => n === t || t.startsWith(n) || n.startsWith(t));
  };
  /** Headline-and-summary pairs in one larger element, by the element and the pair's markup. */
  let pairs: Map<Element, Map<string, number[]>> | null = null;
  for (let i = 1; i < blocks.length; i++) {
    if (!(weights[i] > 0 && effectiveLength(blocks[i].text) < 600)) continue;
    // A headline link shortly before, in the same small item: a teaser card (headline, author, summary).
    for (let j = i - 1; j >= Math.max(0, i - 3); j--) {
      const prev = blocks[j];
      const headline = linkDensity(prev) > 0.5 && (prev.kind === 'heading' || prev.text.length >= 25) && !isOwnHeadline(prev);
      if (!headline) continue;
      counts ??= blockCounts(blocks);
      const item = commonAncestor(prev.container, blocks[i].container, 3);
      if (item && (counts.get(item) ?? 0) <= 5) { if (single) weights[i] = -0.5 * weights[i]; break; }
      // A headline link right before a summary, in a list of such pairs (`<dt>` and `<dd>`, a
      // heading and a paragraph, one after the other): teasers too, once the pair repeats.
      // Items of one kind (references in a list) are not pairs, nor is a heading linked to itself.
      const head = `${prev.container.tag}.${prev.container.attrs?.class ?? ''}`;
      const summary = `${blocks[i].container.tag}.${blocks[i].container.attrs?.class ?? ''}`;
      if (item && j === i - 1 && head !== summary && (!prev.html || LINK_OUT.test(prev.html))) {
        pairs ??= new Map();
        const byKind = pairs.get(item) ?? new Map<string, number[]>();
        const sig = `${head}>${summary}`;
        const list = byKind.get(sig) ?? [];
        list.push(i);
        byKind.set(sig, list);
        pairs.set(item, byKind);
      }
      break;
    }
  }
  if (pairs) {
    for (const byKind of pairs.values()) {
      // Teasers follow one another closely; the items of a list article carry more between them.
      for (const list of byKind.values()) {
        for (let a = 0, b = 1; b <= list.length; b++) {
          if (b < list.length && list[b] - list[b - 1] <= PAIRS_STRIDE) continue;
          if (b - a >= PAIRS_MIN) for (const i of list.slice(a, b)) if (weights[i] > 0) weights[i] = -0.5 * weights[i];
          a = b;
        }
      }
    }
  }
  if (single) markCards(blocks, weights, counts ?? blockCounts(blocks), isOwnHeadline);
  return weights;
}

/**
 * Lists of cards (a summary with a link around an image or a headline outside it, repeated):
 * three or more small items of one kind, each with a link of its own beside its text, are
 * teasers for other articles, however article-like their summaries read.
 */
function markCards(blocks: TextBlock[], weights: number[], counts: Map<Element, number>, isOwnHeadline: (b: TextBlock) => boolean): void {
  const items = new Map<string, number[]>();
  for (let i = 0; i < blocks.length; i++) {
    if (weights[i] <= 0) continue;
    const container = blocks[i].container;
    let item: Element = container;
    for (let up = 0; up < 4 && item.parent && (counts.get(item.parent) ?? 0) <= 3; up++) item = item.parent;
    if (item === container) continue;
    const headline = blocks.slice(Math.max(0, i - 3), i + 4).some((b) => b !== blocks[i] && linkDensity(b) > 0.5 && isInside(b.container, item) && !isOwnHeadline(b));
    if (!headline && !hasBareLink(item) && !MORE_LINK.test(blocks[i].html)) continue;
    const sig = `${item.tag}.${item.attrs?.class ?? ''}|${item.parent?.tag}.${item.parent?.attrs?.class ?? ''}`;
    const list = items.get(sig) ?? [];
    list.push(i);
    items.set(sig, list);
  }
  for (const list of items.values()) if (list.length >= 3) for (const i of list) weights[i] = -0.5 * weights[i];
}

/** A short link closing a summary ("… Read more"): a card's way to its article. */
const MORE_LINK = /<a href="[^"]*">[^<]{1,30}<\/a>\s*$/;

/** A link with no text of its own (around an image): a card's picture. */
function hasBareLink(el: Element): boolean {
  for (const c of el.children) {
    if (typeof c === 'string') continue;
    if (c.tag === 'a' && c.attrs?.href && !rawText(c).trim()) return true;
    if (hasBareLink(c)) return true;
  }
  return false;
}

function blockCounts(blocks: TextBlock[]): Map<Element, number> {
  const counts = new Map<Element, number>();
  for (const b of blocks) for (let e: Element | null = b.container; e; e = e.parent) counts.set(e, (counts.get(e) ?? 0) + 1);
  return counts;
}

/** The nearest common ancestor of two elements within `levels` levels of both, if any. */
function commonAncestor(a: Element, b: Element, levels: number): Element | null {
  const up: Element[] = [];
  for (let e: Element | null = a, i = 0; e && i <= levels; e = e.parent, i++) up.push(e);
  for (let e: Element | null = b, i = 0; e && i <= levels; e = e.parent, i++) if (up.includes(e)) return e;
  return null;
}

/** A link to another page, not to a place in this one. */
const LINK_OUT = /<a href="(?!#)[^"]/;

/** Headline-and-summary pairs repeated this often in one element are a list of teasers. */
const PAIRS_MIN = 3;
/** …one after the other: at most this many blocks from one summary to the next. */
const PAIRS_STRIDE = 3;

/** Plain list items and link-free short paragraphs of at least this length count for the story… */
const LIST_MIN = 20;
/** …at this share of their length (prose counts in full). */
const LIST_WEIGHT = 0.3;

/** Short blocks (labels, dates, captions) count against their container, but weakly: bodies have short lines too. */
const SHORT_PENALTY = 0.1;

const norm = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

/**
 * Pages that append the next stories (infinite scroll, listings) repeat a story unit: several
 * `<article>` elements, or elements of one kind each with its own `<h1>`, each with much prose.
 * The body is then the unit whose headline is the page's title, else the first one; units with no
 * headline at all are parts of one article (an article split into repeated `<article>` sections).
 */
function storyUnit(best: Element, positive: Map<Element, number>, blocks: TextBlock[], title: string | null): Element | null {
  const total = positive.get(best) ?? 0;
  const floor = Math.max(400, total * 0.12);
  const first = new Map<Element, number>();
  const headlines = new Map<Element, string[]>();
  for (const b of blocks) {
    for (let e: Element | null = b.container; e && e !== best; e = e.parent) {
      if (!first.has(e)) first.set(e, b.index);
      if (b.level === 1 || (b.level === 2 && e.tag === 'article')) {
        const list = headlines.get(e) ?? [];
        list.push(b.text);
        headlines.set(e, list);
      }
    }
  }
  const groups = new Map<string, Element[]>();
  for (const [e, p] of positive) {
    if (p < floor || e === best || !first.has(e)) continue;
    const isUnit = e.tag === 'article' || (headlines.get(e)?.length ?? 0) === 1;
    if (!isUnit) continue;
    const sig = `${e.tag}.${(e.attrs?.class ?? '').split(/\s+/)[0]}`;
    const g = groups.get(sig) ?? [];
    g.push(e);
    groups.set(sig, g);
  }
  let chosen: Element[] | null = null;
  for (const g of groups.values()) {
    const top = g.filter((e) => !g.some((o) => o !== e && isInside(e, o)));
    if (top.length >= 2 && (!chosen || top.length > chosen.length)) chosen = top;
  }
  if (!chosen) return null;
  chosen.sort((a, b) => (first.get(a) ?? 0) - (first.get(b) ?? 0));
  if (title) {
    const t = norm(title);
    const match = chosen.find((e) => (headlines.get(e) ?? []).some((h) => { const n = norm(h); return n && (n === t || t.startsWith(n) || n.startsWith(t)); }));
    if (match) return match;
    // No unit carries the page's headline: entries of one story (a live blog without its markup)
    // rather than several stories.
    if (chosen.some((e) => headlines.has(e))) return null;
  }
  return chosen.some((e) => headlines.has(e)) ? chosen[0] : null;
}

/** Move up to the parent when it holds this much more prose… */
const GROW_GAIN = 1.3;
/** A parent with less than this gain adds nothing to its child: a wrapper. */
const NO_GAIN = 1.001;
/** …and keeps this share of the score. */
const GROW_KEEP = 0.7;

/** What moving one level further apart in the tree between consecutive blocks costs a run. */
const HOP_COST = 15;

/** Picks the body container and its blocks. `prefer` (a schema.org articleBody) wins when it has prose. */
/** Hints for {@link selectContent}. */
export interface SelectOptions {
  /** The element the page marks as the article body (schema.org articleBody). */
  prefer?: Element | null;
  /** The article's title, to pick the right story when a page repeats story units. */
  title?: string | null;
  /** A live blog: its entries look like repeated story units but are all the article. */
  liveBlog?: boolean;
  /** The page's `<title>`, which may name the article when `title` (from metadata) does not. */
  titleTag?: string | null;
  /**
   * Whether summaries next to a headline link or in a list of cards count against their
   * container (teasers for other articles). The fallback turns this off: on a short page the
   * article's own summary can look like a teaser.
   */
  teasers?: boolean;
}

export function selectContent(blocks: TextBlock[], { prefer = null, title = null, liveBlog = false, titleTag = null, teasers = true }: SelectOptions = {}): Selection {
  const scores = new Map<Element, number>();
  const positive = new Map<Element, number>();
  const weights = teasers ? weighBlocks(blocks, [title, titleTag]) : blocks.map(blockWeight);
  for (let i = 0; i < blocks.length; i++) {
    const w = weights[i];
    if (w === 0) continue;
    for (let e: Element | null = blocks[i].container; e; e = e.parent) {
      scores.set(e, (scores.get(e) ?? 0) + w);
      if (w > 0) positive.set(e, (positive.get(e) ?? 0) + w);
    }
  }
  let best: Element | null = null;
  let bestScore = 0;
  for (const [el, s] of scores) {
    if (s > bestScore) { best = el; bestScore = s; }
  }
  // A parent that holds much more prose at a small cost in chrome is the body, and the best
  // element one part of it (a lead paragraph or a section in a container of its own).
  // Wrappers that add no prose (a lone child's parent) are looked through, not counted as a level:
  // an article split into sibling sections each in wrappers of its own is still found whole.
  for (let up = 0, through: Element | null = best, wrappers = 0; through?.parent && up < 3 && wrappers < 6;) {
    const parent: Element = through.parent;
    const gain = (positive.get(parent) ?? 0) / ((best && positive.get(best)) || 1);
    if ((scores.get(parent) ?? 0) < bestScore * GROW_KEEP) break;
    if (gain < NO_GAIN) { through = parent; wrappers++; continue; }
    if (gain < GROW_GAIN) break;
    best = through = parent;
    bestScore = scores.get(parent) ?? 0;
    up++;
  }
  if (prefer && (scores.get(prefer) ?? 0) > bestScore * 0.5) { best = prefer; bestScore = scores.get(prefer) ?? 0; }
  if (!best) return { container: null, blocks: [], dropped: [], score: 0 };
  const unit = liveBlog ? null : storyUnit(best, positive, blocks, title);
  if (unit) { best = unit; bestScore = scores.get(unit) ?? 0; }

  const container = best;
  const inside = blocks.filter((b) => isInside(b.container, container));
  const weightOf = new Map(blocks.map((b, i) => [b, weights[i]]));
  const dropped: { block: TextBlock; rule: string }[] = [];

  // The body is the best contiguous run of blocks in the container: it starts and ends on prose,
  // takes in short lines and sub-headings between paragraphs, and stops where the page moves
  // away in the tree (an author box, a cookie notice) unless much prose follows.
  const depth = new Map<Element, number>();
  const depthOf = (e: Element): number => {
    let d = depth.get(e);
    if (d === undefined) { d = e.parent ? depthOf(e.parent) + 1 : 0; depth.set(e, d); }
    return d;
  };
  const distance = (a: Element, b: Element) => {
    let x: Element | null = a, y: Element | null = b, steps = 0;
    while (x && y && x !== y) {
      if (depthOf(x) >= depthOf(y)) { x = x.parent; steps++; } else y = y.parent;
    }
    return steps;
  };
  const bestRun = (hopCost: number): [number, number] => {
    let start = -1, end = -1, best = 0, cur = 0, curStart = 0;
    for (let i = 0; i < inside.length; i++) {
      const w = weightOf.get(inside[i]) ?? 0;
      const hop = i > 0 && hopCost ? Math.max(0, distance(inside[i - 1].container, inside[i].container) - 1) * hopCost : 0;
      if (i === 0 || cur - hop <= 0) { cur = w; curStart = i; } else cur = cur - hop + w;
      if (cur > best) { best = cur; start = curStart; end = i; }
    }
    return [start, end];
  };
  // Moving away in the tree ends a body but does not delay its start: a lead paragraph often
  // sits in a container of its own, an author box or a notice after the body rarely belongs to it.
  const [looseStart] = bestRun(0);
  const [tightStart, tightEnd] = bestRun(HOP_COST);
  let runEnd = tightEnd;
  let runStart = looseStart === -1 ? tightStart : tightStart === -1 ? looseStart : Math.min(looseStart, tightStart);
  // A short opening sentence ("It rained.") weighs against the run as short lines do; right before
  // the body, in the same element as its first paragraph or a sibling of it, it is the lead.
  for (let k = 0; k < 2 && runStart > 0; k++) {
    const lead = inside[runStart - 1];
    const next = inside[runStart];
    const near = lead.container === next.container || lead.container.parent === next.container.parent;
    if (!near || lead.kind !== 'paragraph' || linkDensity(lead) > 0.2 || !FULL_STOP.test(lead.text) ||
      isDateOrBylineLine(lead.text) || BOILERPLATE.test(lead.text) || SIGN_OFF.test(lead.text)) break;
    runStart--;
  }
  // A thread of comments under the story, read with its dated headers (dropped below as date lines).
  if (runStart !== -1) {
    const thread = threadStart(inside.slice(runStart, runEnd + 1).map((b) => b.text));
    if (thread > 0) runEnd = runStart + thread - 1;
  }
  const body: TextBlock[] = [];
  const seen = new Set<string>();
  inside.forEach((b, i) => {
    if (runStart === -1 || i < runStart) { dropped.push({ block: b, rule: 'block:before-body' }); return; }
    if (i > runEnd) { dropped.push({ block: b, rule: 'block:after-body' }); return; }
    if (b.text.length < 80 && BOILERPLATE.test(b.text)) { dropped.push({ block: b, rule: 'block:boilerplate' }); return; }
    if (b.kind !== 'heading' && isDateOrBylineLine(b.text)) { dropped.push({ block: b, rule: 'block:date-or-byline' }); return; }
    if (linkDensity(b) > 0.5 && (weightOf.get(b) ?? 0) < 0) { dropped.push({ block: b, rule: b.kind === 'heading' ? 'block:link-heading' : 'block:links' }); return; }
    // A sentence printed twice is a pull quote; short lines (labels of a recipe, a table) do repeat.
    if (b.text.length >= 60 && seen.has(b.text)) { dropped.push({ block: b, rule: 'block:repeated' }); return; }
    seen.add(b.text);
    body.push(b);
  });
  // Lines that close many stories (a call to follow or subscribe, the reporter's e-mail) are the
  // outlet's, not the story's. Reporting credits stay: they tell whose copy the story is.
  while (body.length > 1 && body[body.length - 1].text.length < 400 && SIGN_OFF.test(body[body.length - 1].text)) {
    dropped.push({ block: body.pop()!, rule: 'block:sign-off' });
  }
  return { container: best, blocks: body, dropped, score: bestScore };
}

/** A clock time and a date with its year, as comment headers print them ("11/8/2012 6:48:50 PM", "5:19pm Tue 1 Jan 08"). */
const CLOCK = /\b\d{1,2}:\d{2}(?::\d{2})?\s*(?:[ap]\.?m\b\.?)?/i;
const DATED = /\b\d{1,2}\/\d{1,2}\/\d{2,4}\b|\b(?:19|20)\d{2}-\d{2}-\d{2}\b|\b\d{1,2}(?:st|nd|rd|th)?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?,?\s+\d{2,4}\b|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}\b/i;

/** A short line with a time and a date and not a sentence: a post's or a comment's header. */
function isStampLine(text: string): boolean {
  return text.length <= 150 && !FULL_STOP.test(text) && text.split(/\s+/).length <= 20 && CLOCK.test(text) && DATED.test(text);
}

/** The story must hold this share of the text before a thread can start. */
const THREAD_AFTER = 0.3;

/**
 * Where a thread of comments closes the body: from a stamped header line after most of the story,
 * when another stamped header follows it with text between them. The story itself prints no such
 * line but its own date, opening it: a page with more is a live blog or a list of posts, whose
 * entries are all its text, and so is one whose header is followed by a title. -1 when none.
 */
export function threadStart(texts: string[]): number {
  const total = texts.reduce((n, t) => n + t.length, 0);
  const stamps: number[] = [];
  for (let i = 0; i < texts.length; i++) if (isStampLine(texts[i])) stamps.push(i);
  if (stamps.length < 2) return -1;
  let before = 0;
  let at = 0;
  for (let i = 0; i < texts.length && at < stamps.length; i++) {
    if (stamps[at] === i) {
      if (before >= total * THREAD_AFTER) {
        // Any header but one opening the text (the story's own date) makes the page a live blog.
        if (at > (stamps[0] === 0 ? 1 : 0)) return -1;
        const next = stamps[at + 1];
        // The next header, with a comment's text between the two…
        if (next === undefined || !texts.slice(i + 1, next).some((t) => t.length >= 20 && !isStampLine(t))) return -1;
        // …and not a title: a post footer followed by the next post.
        const after = texts[i + 1];
        const words = after.split(/\s+/);
        if (after.length < 60 && !FULL_STOP.test(after) && words.filter((w) => /^\p{Lu}/u.test(w)).length >= words.length * 0.6) return -1;
        // Labels right above the thread ("Comments", "Post a comment") go with it.
        let k = i;
        while (k > 0 && i - k < 2 && texts[k - 1].length < 40 && !FULL_STOP.test(texts[k - 1])) k--;
        return k;
      }
      at++;
    }
    before += texts[i].length;
  }
  return -1;
}

/** A call to the reader opening a sentence or a clause ("…, sign up for", "Subscribe to"). */
const CALL = /(?:^|[.!?,:]\s+)(?:please\s+)?(?:sign up|subscribe|join|register|get)\b/i;
/** The notice over a comment section ("Leave a reply", "readers may post comments"). */
const COMMENTS_NOTICE = /\b(?:post(?:ing)? comments|comment (?:form|policy|section)|comments (?:are|were) now closed)\b/i;
/** The label over a comment form ("Leave a reply", "Comments (4)"); as a sentence it may close a story. */
const COMMENTS_LABEL = /^(?:leave a (?:comment|reply)|add (?:a|your) comment|post a comment|comments?)(?:\s*[([]\d+[)\]])?:?$/i;
/** What a call to sign up offers when it is the outlet's: its newsletter, mail, feed or alerts. */
const SUBSCRIPTION = /\b(?:our|newsletters?|e-?mails?|inbox|feeds?|alerts|updates)\b/i;
/** The label of a share or print button: page furniture, after which the story has ended. */
const TOOL_LABEL = /^(?:share|print|e-?mail|tweet|save)(?: (?:this|the))?(?: (?:article|story|page|post))?:?$/i;
/** The label over links to other stories ("Related articles", "More from …", "Most popular"). */
const RELATED_LABEL = /^(?:related\b|more (?:from|on|in|stories|news|articles|posts)\b|also (?:in|on|read)\b|other (?:news|stories|articles)\b|most (?:popular|read|viewed)\b|trending\b|you (?:may|might) also\b|recommended\b|read (?:next|also)\b)/i;
/** A sign-off must come after this share of the story's text to end it. */
const SIGN_OFF_AFTER = 0.75;

/**
 * Where a call to subscribe or follow, or the notice over a comment section, ends the story when
 * it comes after most of it: what the page prints after that line (comments, promotions) is the
 * outlet's too. -1 when none does.
 */
export function signOffStart(texts: string[]): number {
  const total = texts.reduce((n, t) => n + t.length, 0);
  let before = 0;
  for (let i = 0; i < texts.length; i++) {
    const t = texts[i];
    if (before >= total * SIGN_OFF_AFTER && t.length < 300 && ((SIGN_OFF.test(t) && CALL.test(t) && SUBSCRIPTION.test(t)) || COMMENTS_NOTICE.test(t) || COMMENTS_LABEL.test(t) || TOOL_LABEL.test(t) || (t.length <= 40 && !FULL_STOP.test(t) && RELATED_LABEL.test(t)))) return i;
    before += texts[i].length;
  }
  return -1;
}
