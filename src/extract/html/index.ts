/**
 * The HTML extractor: a page in, the article's body as blocks and its metadata out.
 *
 * parse (light tree, bounded) → gather metadata → remove chrome → text blocks → choose the body
 * container by prose weight → fall back to a `<noscript>` copy or JSON-LD `articleBody` when
 * the page's own markup has no body. Synchronous, and never throws: a page it cannot read gives
 * an empty article with an error message.
 *
 * @module
 */
import type { Block, Message, Provenance } from '../../types.js';
import type { ExtractOptions, Extracted } from '../types.js';
import { decodeHTML } from 'entities/decode';
import { isInside, parseHtml } from './parse.js';
import type { Element } from './parse.js';
import { collectBlocks, resolveLinks } from './blocks.js';
import type { TextBlock } from './blocks.js';
import { findChrome, isNeverContent, proseByElement } from './clean.js';
import { blockWeight, linkDensity, selectContent, signOffStart, threadStart, weighBlocks } from './content.js';
import type { Selection } from './content.js';
import { partsCollector, readMetadata } from './metadata.js';
import { detectLanguage, isDetectable } from '../../lang/detect.js';
import { splitDateline } from '../text/dateline.js';


/** Default cap on the characters of HTML read per page. */
export const MAX_HTML_CHARS = 8 * 1024 * 1024;
/** How many removed pieces of chrome an article lists (each cut to 300 characters). */
const MAX_REMOVED = 200;
/** Default cap on the time spent per page. */
export const DEFAULT_TIMEOUT_MS = 2000;

const msg = (rule: string, reason: string, level: Message['level'] = 'info', text?: string): Message =>
  text === undefined ? { stage: 'extract', rule, reason, level } : { stage: 'extract', rule, reason, level, text };

function emptyArticle(options: ExtractOptions, messages: Message[]): Extracted {
  return {
    source: null, url: options.url ?? null, canonicalUrl: null, title: null, kicker: null, dek: null, byline: null, published: null, modified: null,
    dateline: null, language: null, section: null, image: null, blocks: [], text: '', provenance: {}, removed: [], messages,
  };
}

const HAS_NUL = /\u0000/;

/** Share of characters that are control characters: binary data read as text. */
function controlShare(s: string): number {
  const sample = s.slice(0, 4096);
  let n = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if ((c < 9 || (c > 13 && c < 32) || c === 0xfffd) && c !== 0) n++;
  }
  return sample.length ? n / sample.length : 0;
}

function toBlocks(selected: TextBlock[], title: string | null, base: URL | null): Block[] {
  const out: Block[] = [];
  for (const b of selected) {
    // The headline repeated at the top of the body is the title, not the body.
    if (!out.length && b.kind === 'heading' && title && b.text === title) continue;
    out.push({ kind: b.kind, text: b.text, html: resolveLinks(b.html, base) });
  }
  return out;
}

/** JSON-LD articleBody: plain text with line breaks, or (on some sites) HTML, escaped or not. */
function blocksFromLdBody(body: string, base: URL | null): Block[] {
  if (/<\/?(p|div|br|a|span|h\d|em|strong|img|iframe)\b/i.test(body) || /&lt;\/?(p|div|br|a|span|h\d|em|strong|img|iframe)\b/i.test(body)) {
    const html = /&lt;\/?[a-z]/i.test(body) && !/<\/?[a-z]/i.test(body) ? decodeHTML(body) : body;
    const { blocks } = selectContent(collectBlocks(parseHtml(html).root, base, isNeverContent));
    return blocks.map((b) => ({ kind: b.kind, text: b.text, html: resolveLinks(b.html, base) }));
  }
  return blocksFromPlainText(body);
}

function blocksFromPlainText(body: string): Block[] {
  return body
    .split(/\n\s*\n|\r?\n/)
    .map((s) => s.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .map((text) => ({ kind: 'paragraph' as const, text, html: text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`) }));
}

/** The fallback is tried when the chosen body has less than this share of the page's prose… */
const FALLBACK_SHARE = 0.25;
/** …or less prose than this, on a page with at least {@link FALLBACK_MIN_PROSE}. */
const FALLBACK_SMALL = 300;
const FALLBACK_MIN_PROSE = 150;
/** An alternative replaces the chosen body when it has this many times its prose. */
const FALLBACK_GAIN = 1.5;

const proseOf = (blocks: TextBlock[]) => blocks.reduce((n, b) => n + Math.max(0, blockWeight(b)), 0);

/**
 * The baseline body: every block that reads as prose, with the headings and list items between
 * them, in page order; a sentence printed twice is kept once.
 */
function baseline(blocks: TextBlock[]): TextBlock[] {
  const out: TextBlock[] = [];
  const seen = new Set<string>();
  let pending: TextBlock[] = [];
  for (const b of blocks) {
    const w = blockWeight(b);
    if (w > 0) {
      if (seen.has(b.text)) continue;
      seen.add(b.text);
      if (out.length) out.push(...pending);
      pending = [];
      out.push(b);
    } else if ((b.kind === 'heading' || w === 0) && linkDensity(b) <= 0.5) pending.push(b);
    else pending = [];
  }
  return out;
}

/** Extracts the article from one HTML page. See the module comment for the steps. */
export function extractHtml(html: string, options: ExtractOptions): Extracted {
  const messages: Message[] = [];
  try {
    return extract(html, options, messages);
  } catch (err) {
    // A bug must not stop a batch: the page gets an empty article saying what went wrong.
    messages.push(msg('html:failed', `the page could not be extracted: ${(err as Error).message}`, 'error'));
    return emptyArticle(options, messages);
  }
}

function extract(input: string, options: ExtractOptions, messages: Message[]): Extracted {
  const started = performance.now();
  const deadline = started + (options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  const maxChars = options.maxBytes ?? MAX_HTML_CHARS;
  let html = typeof input === 'string' ? input : String(input ?? '');
  if (!html.trim()) {
    messages.push(msg('html:empty', `${options.origin}: the page is empty`, 'error'));
    return emptyArticle(options, messages);
  }
  if (html.length > maxChars) {
    messages.push(msg('cap:size', `the page has ${html.length} characters; only the first ${maxChars} were read`, 'warning'));
    html = html.slice(0, maxChars);
  }
  // A regular expression finds a NUL in a two-byte string about twice as fast as indexOf.
  if (HAS_NUL.test(html)) {
    messages.push(msg('html:nul', 'NUL characters in the page were dropped', 'warning'));
    html = html.replace(/\u0000/g, '');
  }
  const binary = controlShare(html) > 0.05;
  if (binary || !/<[a-zA-Z!?/]/.test(html.slice(0, 65536))) {
    messages.push(msg(binary ? 'html:binary' : 'html:no-markup', binary ? `${options.origin}: binary data, not an HTML page` : `${options.origin}: no HTML markup in the page`, 'error'));
    if (binary) return emptyArticle(options, messages);
  }

  const collector = partsCollector();
  const parsed = parseHtml(html, deadline, collector.visit);
  if (parsed.depthCapped) messages.push(msg('cap:depth', 'elements nested deeper than the parser keeps were flattened', 'warning'));
  if (parsed.timedOut) messages.push(msg('cap:time', `parsing stopped after ${options.timeoutMs ?? DEFAULT_TIMEOUT_MS} ms at character ${parsed.consumed}: the rest of the page was not read`, 'warning'));

  const parts = collector.finish();
  const meta = readMetadata(parts, options.url ?? null);
  if (parts.badJsonLd) messages.push(msg('meta:bad-json-ld', `${parts.badJsonLd} JSON-LD block(s) did not parse and were ignored`, 'info'));
  const provenance: Provenance = {};
  for (const k of ['title', 'published', 'modified', 'byline', 'source', 'language'] as const) if (meta.from[k]) provenance[k] = meta.from[k];
  const out = emptyArticle(options, messages);
  Object.assign(out, {
    title: meta.title, kicker: meta.kicker, dek: meta.dek, byline: meta.byline, published: meta.published, modified: meta.modified, source: meta.source,
    canonicalUrl: meta.canonicalUrl, section: meta.section, image: meta.image, language: meta.language, provenance,
  });
  out.url = options.url ?? meta.canonicalUrl ?? null;
  let base: URL | null = null;
  try { base = out.url ? new URL(out.url) : null; } catch { /* relative links stay unresolved and are dropped */ }

  // Body.
  // The body element, unless a broken page left most of its prose outside it (text before a
  // stray `<body>` late in the page).
  const pageBlocks = collectBlocks(parsed.root, base, isNeverContent, false);
  const prose = proseByElement(pageBlocks, blockWeight);
  const root: Element = parts.body && (prose.get(parts.body) ?? 0) >= (prose.get(parsed.root) ?? 0) * 0.5 ? parts.body : parsed.root;
  const pageProse = prose.get(root) ?? 0;
  const choose = (lenient: boolean) => {
    const { skip, removed } = findChrome(root, prose, lenient);
    const selection = selectContent(collectBlocks(root, base, (e) => skip.has(e)), {
      prefer: parts.articleBody && !skip.has(parts.articleBody) ? parts.articleBody : null,
      title: meta.title,
      titleTag: parts.titleTag,
      liveBlog: meta.liveBlog,
    });
    return { removals: removed, selection };
  };
  let { removals, selection } = choose(false);
  // Chrome names on a wrapper of the whole page ("site social-enabled") take the article with
  // them; when little of the page's prose is left, names are trusted less.
  if (selection.score < pageProse * 0.2 && pageProse > 300) {
    const retry = choose(true);
    if (retry.selection.score > selection.score * 2) {
      ({ removals, selection } = retry);
      messages.push(msg('chrome:lenient', 'elements named as chrome held most of the page\'s text; they were kept', 'info'));
    }
  }
  // A body that is small beside the page's prose may be a wrong pick (the article's own summary
  // read as a teaser, a broken tree): as trafilatura does, a second method reads the page again
  // with chrome names trusted less and no teaser rules, and a baseline takes every prose block
  // outside chrome; the one with clearly more prose wins.
  const chosenProse = proseOf(selection.blocks);
  // The page's prose without the lists of teasers for other articles (headline-and-summary pairs,
  // repeated), which a body is not expected to hold; read only when the body looks small beside
  // the page.
  const storyProse = () => {
    const inRoot = root === parsed.root ? pageBlocks : pageBlocks.filter((b) => isInside(b.container, root));
    return weighBlocks(inRoot, [meta.title, parts.titleTag], { single: false }).reduce((n, w) => n + Math.max(0, w), 0);
  };
  if (pageProse > FALLBACK_MIN_PROSE && (chosenProse < FALLBACK_SMALL || (chosenProse < pageProse * FALLBACK_SHARE && chosenProse < storyProse() * FALLBACK_SHARE))) {
    const { skip, removed } = findChrome(root, prose, true, false);
    const blocks = collectBlocks(root, base, (e) => skip.has(e));
    const second = selectContent(blocks, { title: meta.title, titleTag: parts.titleTag, liveBlog: meta.liveBlog, teasers: false });
    const secondProse = proseOf(second.blocks);
    let pick: { blocks: TextBlock[]; dropped: Selection['dropped']; rule: string; prose: number } | null = null;
    if (secondProse > chosenProse * FALLBACK_GAIN) pick = { blocks: second.blocks, dropped: second.dropped, rule: 'body:second-method', prose: secondProse };
    const sofar = pick?.prose ?? chosenProse;
    if (sofar < FALLBACK_SMALL) {
      const every = baseline(blocks);
      const baseProse = proseOf(every);
      if (baseProse > sofar * FALLBACK_GAIN) pick = { blocks: every, dropped: [], rule: 'body:baseline', prose: baseProse };
    }
    if (pick) {
      selection = { ...selection, blocks: pick.blocks, dropped: pick.dropped };
      removals = removed;
      messages.push(msg(pick.rule, pick.rule === 'body:baseline'
        ? 'the chosen body held little of the page\'s prose; every prose block outside page chrome was taken instead'
        : 'the chosen body held little of the page\'s prose; a second reading of the page found more', 'info'));
    }
  }
  let body = toBlocks(selection.blocks, meta.title, base);
  const bodyDrops: { rule: string; text: string }[] = selection.dropped.map((d) => ({ rule: d.rule, text: d.block.text }));
  // An author's bio closing the page ("Meg James is a reporter…", "Emiliano joined…") is not the story.
  const authors = (meta.byline ?? '').split(/\s*(?:,|\band\b|&|\bund\b|\bet\b|\by\b)\s*/).map((n) => n.trim()).filter((n) => /^\p{Lu}\p{L}+(?:\s\p{Lu}[\p{L}.'-]+)+$/u.test(n));
  // The bio may be followed by more of the author box; cut from it when little of the body follows.
  if (authors.length && body.length > 1) {
    const total = body.reduce((n, b) => n + b.text.length, 0);
    let tail = 0;
    for (let i = body.length - 1; i > 0 && tail < total * 0.2; i--) {
      const t = body[i].text;
      tail += t.length;
      if (t.length < 500 && authors.some((n) => t.startsWith(n + ' ') || t.startsWith(n.split(' ')[0] + ' '))) {
        for (const b of body.splice(i)) bodyDrops.push({ rule: 'block:author-bio', text: b.text });
        break;
      }
    }
  }
  // A thread of comments the page prints under the story, with no markup saying so.
  const thread = threadStart(body.map((b) => b.text));
  if (thread > 0) for (const b of body.splice(thread)) bodyDrops.push({ rule: 'block:comment-thread', text: b.text });
  // A call to subscribe, a comment form's notice, a share button or a "related" label after most
  // of the story: what follows is the outlet's.
  const signOff = signOffStart(body.map((b) => b.text));
  if (signOff > 0) for (const b of body.splice(signOff)) bodyDrops.push({ rule: 'block:after-sign-off', text: b.text });
  let bodyChars = body.reduce((n, b) => n + b.text.length, 0);

  // Pages that render the article with script keep it in <noscript> or in JSON-LD only.
  if (bodyChars < 500 && parts.noscripts.length) {
    let best: Block[] = [];
    for (const ns of parts.noscripts) {
      const sel = selectContent(collectBlocks(ns, base, (e) => e.tag === 'script' || e.tag === 'style'));
      const b = toBlocks(sel.blocks, meta.title, base);
      if (b.reduce((n, x) => n + x.text.length, 0) > best.reduce((n, x) => n + x.text.length, 0)) best = b;
    }
    const chars = best.reduce((n, b) => n + b.text.length, 0);
    if (chars > bodyChars * 1.5 && chars > 200) {
      body = best;
      bodyChars = chars;
      messages.push(msg('body:noscript', 'the body was taken from the page\'s <noscript> copy', 'info'));
    }
  }
  // The markup-free length of articleBody is at most its raw length: most pages need no parse of it.
  const ldBlocks = meta.ldBody && meta.ldBody.length > Math.max(200, bodyChars * 1.3) ? blocksFromLdBody(meta.ldBody, base) : [];
  const ldChars = ldBlocks.reduce((n, b) => n + b.text.length, 0);
  if (ldChars > Math.max(200, bodyChars * 1.3)) {
    body = ldBlocks;
    bodyChars = ldChars;
    messages.push(msg('body:json-ld', 'the body was taken from JSON-LD articleBody, longer than the page\'s own markup', 'info'));
  }
  if (!body.length) messages.push(msg('body:none', 'no article body found in the page', 'error'));
  if (meta.nextPage) messages.push(msg('body:multi-page', `the article continues on another page (${meta.nextPage}); only this page was read`, 'warning'));

  // A dateline opening the first paragraph ("MADRID (AP) —") is recorded; the paragraph keeps it,
  // as the page shows it.
  const first = body.find((b) => b.kind === 'paragraph');
  const dateline = first ? splitDateline(first.text) : null;
  if (dateline) {
    out.dateline = dateline.dateline;
    provenance.dateline = 'text:first-paragraph';
    if (dateline.date && !out.published && !dateline.date.startsWith('--')) {
      out.published = dateline.date;
      provenance.published = 'text:dateline';
    }
  }
  out.blocks = body;
  out.text = body.map((b) => b.text).join('\n\n');
  const removedTexts = [...removals.map((r) => r.text), ...bodyDrops.map((d) => d.text)];
  const removedKept = removedTexts.filter((t) => t.length > 1);
  if (removedKept.length > MAX_REMOVED) messages.push(msg('cap:removed', `${removedKept.length} pieces of chrome were removed; the first ${MAX_REMOVED} are listed`, 'info'));
  out.removed = removedKept.slice(0, MAX_REMOVED).map((t) => (t.length > 300 ? t.slice(0, 300) + '…' : t));
  const byRule = new Map<string, number>();
  for (const r of removals) byRule.set(r.rule, (byRule.get(r.rule) ?? 0) + 1);
  for (const d of bodyDrops) byRule.set(d.rule, (byRule.get(d.rule) ?? 0) + 1);
  if (byRule.size) {
    const summary = [...byRule].sort((a, b) => b[1] - a[1]).slice(0, 12).map(([r, n]) => `${r} ×${n}`).join(', ');
    messages.push(msg('chrome:removed', `removed as page chrome: ${summary}`, 'info'));
  }

  // Language: what the page declares, checked against what its text is written in.
  if (out.text) {
    const detected = detectLanguage(out.text.length > 1500 ? out.text.slice(0, 1500) : out.text);
    if (!out.language && detected.language) {
      out.language = detected.language;
      provenance.language = 'detected';
    } else if (out.language && detected.language && detected.language !== out.language && isDetectable(out.language) && detected.confidence >= 0.5) {
      messages.push(msg('language:mismatch', `the page declares "${out.language}" but its text reads as "${detected.language}"; the text wins`, 'warning'));
      out.language = detected.language;
      provenance.language = 'detected';
    }
  }
  if (!out.title) messages.push(msg('meta:no-title', 'the page names no title', 'warning'));
  if (performance.now() > deadline && !parsed.timedOut) messages.push(msg('cap:time', `extraction took longer than ${options.timeoutMs ?? DEFAULT_TIMEOUT_MS} ms`, 'warning'));
  return out;
}
