/**
 * Cleans a news page saved as plain text: finds the body among the page chrome, and the title,
 * kicker, dek, byline, date, dateline and outlet where the text gives them.
 *
 * The page is read as three regions: a header (masthead, kicker, title, date, dek), the body (the
 * longest run of prose, sub-headings kept) and a trailer (tags, "read also" link lists, prompts).
 * Every rule is about line shape and density, so it holds for outlets it has never seen.
 *
 * @module
 */
import type { Block, Message, Provenance } from '../../types.js';
import type { ExtractOptions, Extracted } from '../types.js';
import { parseDate, parseTime } from '../pubdate.js';
import { classifyLine, toLines, type Line } from './lines.js';
import { splitDateline } from './dateline.js';
import { findBody, isOpen, lineRoles, type Role } from './body.js';
import { bylineInHeader, cleanByline } from './byline.js';
import { suffixStripper } from './title.js';

/** A sub-heading is this short. A headline-like line next to another one is a list of other articles, never a heading. */
const HEADING_MAX_WORDS = 16;

export function extractText(input: string, options: ExtractOptions): Extracted {
  const messages: Message[] = [];
  const removed: string[] = [];
  const provenance: Provenance = {};
  const note = (rule: string, reason: string, text?: string) =>
    messages.push({ stage: 'extract', rule, reason, text, level: 'info' });

  const lines = splitLabelledDates(toLines(input)).filter((l) => l.kind !== 'blank');
  const listy = markLinkLists(lines);
  const roles = lineRoles(lines, listy);
  const span = findBody(lines, roles);
  let [start, end] = span ? [span.start, span.end] : [-1, -1];
  if (start < 0) {
    // A brief: a record that is only a headline ("Esther Williams, swimming star, dies at 91") is
    // still news. With no sentence anywhere, a short input keeps its longest headline-like line.
    const brief = briefLine(lines, listy);
    if (brief >= 0) {
      start = end = brief;
      lines[brief] = { ...lines[brief], kind: 'prose' };
      roles[brief] = 'prose';
      messages.push({ stage: 'extract', rule: 'body:brief', reason: 'no sentence found: the body is the one headline-like line of a short input', text: lines[brief].text, level: 'warning' });
    }
  }

  const out: Extracted = {
    source: null, url: options.url ?? null, title: null, kicker: null, dek: null, byline: null,
    published: null, dateline: null, language: null, blocks: [], text: '', provenance, removed, messages,
  };
  if (start < 0) {
    messages.push({ stage: 'extract', rule: 'body:none', reason: 'no prose found: the input has no sentences to keep', level: 'error' });
    return out;
  }

  readHeader(lines.slice(0, start), out, note, options);

  // The body, sub-headings kept, pieces of sentences joined again, chrome inside it removed.
  const blocks: Block[] = [];
  for (let i = start; i <= end; i++) {
    const l = lines[i];
    const role = roles[i];
    const last = blocks.at(-1);
    if (role === 'prose' || role === 'piece') {
      // A piece goes back into the sentence it was cut from, and a sentence into the piece that began it.
      const joins = last && last.kind !== 'heading' && i > start && (role === 'piece' || roles[i - 1] === 'piece') && joinsPrevious(lines[i - 1], l, roles[i - 1]);
      if (joins) last.text = `${last.text} ${l.text}`;
      else blocks.push({ kind: l.bullet ? 'list-item' : 'paragraph', text: l.text });
    } else if (isHeading(lines, roles, i)) {
      blocks.push({ kind: 'heading', text: l.text });
    } else if (l.kind === 'byline' && !out.byline) {
      out.byline = cleanByline(l.text);
      provenance.byline = 'text:byline-line';
      removed.push(l.text);
    } else {
      removed.push(l.text);
      note(`chrome:${l.kind}`, `removed a ${l.kind} line inside the body`, l.text);
    }
  }

  // After the body: a byline is kept as metadata; the rest (tags, link lists, prompts) goes.
  const trailer = lines.slice(end + 1);
  for (const l of trailer) {
    if (l.kind === 'byline' && !out.byline) {
      out.byline = cleanByline(l.text);
      provenance.byline = 'text:byline-line';
    }
  }
  if (trailer.length) {
    removed.push(...trailer.map((l) => l.text));
    note('chrome:trailer', `removed ${trailer.length} lines after the body (tags, link lists, prompts)`);
  }

  // A dateline opens the first paragraph: "BRUSSELS, December 3. /TASS/. The alliance…".
  const first = blocks.find((b) => b.kind === 'paragraph');
  if (first) {
    const d = splitDateline(first.text);
    if (d) {
      out.dateline = d.dateline;
      provenance.dateline = 'text:first-paragraph';
      first.text = d.rest;
      if (d.agency && !out.source) {
        out.source = d.agency;
        provenance.source = 'text:dateline-credit';
      }
      if (d.date && !out.published) {
        out.published = d.date;
        provenance.published = 'text:dateline';
      }
    }
  }

  if (!out.source) {
    const self = selfReference(blocks.map((b) => b.text).join('\n'));
    if (self) {
      out.source = self;
      provenance.source = 'text:self-reference';
    }
  }

  out.blocks = blocks;
  out.text = blocks.map((b) => b.text).join('\n\n');
  for (const f of ['title', 'published', 'source'] as const) {
    if (!out[f]) messages.push({ stage: 'extract', rule: `meta:no-${f}`, reason: `the text gives no ${f}`, level: 'warning' });
  }
  return out;
}

/**
 * "date 2024-12-03 Help is more important": a page template wrote a labelled date and the next
 * field on one line. Split them so each is read for what it is.
 */
function splitLabelledDates(lines: Line[]): Line[] {
  const out: Line[] = [];
  for (const l of lines) {
    const m = /^((?:date|published|updated|posted|datum|fecha)\s*:?\s*\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2})?)\s+(\S.*)$/i.exec(l.text);
    if (m) {
      out.push({ ...l, text: m[1], kind: 'date', words: m[1].split(/\s+/).length });
      out.push(classifyLine(m[2], l.index));
    } else out.push(l);
  }
  return out;
}

/**
 * Lines inside a list of other articles: "Read also" blocks alternate headlines with times and
 * dates. A line is in such a list when times or dates crowd around it.
 */
function markLinkLists(lines: Line[]): boolean[] {
  const stamp = lines.map((l) => l.kind === 'timestamp' || l.kind === 'date');
  return lines.map((l, i) => {
    let before = 0;
    let after = 0;
    for (let j = Math.max(0, i - 4); j < i; j++) if (stamp[j]) before++;
    for (let j = i + 1; j <= Math.min(lines.length - 1, i + 4); j++) if (stamp[j]) after++;
    // A sentence right under a page's date line is the article's first; a sentence is a
    // list entry only when times crowd it from both sides.
    if (l.kind === 'prose') return before > 0 && after > 0 && l.words < 25;
    return before + after >= 2;
  });
}

/** Inputs of at most this many lines with no sentence may still be a brief. */
const BRIEF_MAX_LINES = 3;
/** A brief's line has at least this many words: a menu entry has one or two. */
const BRIEF_MIN_WORDS = 5;

/** The index of the line that stands for a brief's body, or -1. */
function briefLine(lines: Line[], listy: boolean[]): number {
  if (lines.length > BRIEF_MAX_LINES) return -1;
  let best = -1;
  lines.forEach((l, i) => {
    if ((l.kind === 'short' || l.kind === 'shout') && !listy[i] && l.words >= BRIEF_MIN_WORDS && (best < 0 || l.words > lines[best].words)) best = i;
  });
  return best;
}

/**
 * Whether a line continues the one before it as one sentence: the earlier line was left open, or
 * this one starts in lower case ("…said in an" / "address to the nation").
 */
function joinsPrevious(prev: Line, l: Line, prevRole: Role): boolean {
  if (prevRole !== 'prose' && prevRole !== 'piece') return false;
  if (/^\p{Ll}/u.test(l.text)) return true;
  // An upper-case start after a line that was not left open is a new sentence: the text between was lost.
  return !/[.!?…]["”’»)\]]*$/.test(prev.text) && isOpen(prev);
}

/** A short line between prose lines that heads a section, not a run of other articles' headlines. */
function isHeading(lines: Line[], roles: Role[], i: number): boolean {
  const l = lines[i];
  if (l.kind !== 'short' || l.words > HEADING_MAX_WORDS) return false;
  if (roles[i] !== 'menu' && roles[i] !== 'insert') return false;
  if (lines[i + 1]?.kind !== 'prose' || roles[i + 1] !== 'prose') return false;
  // A heading follows prose, not another headline-like line.
  return roles[i - 1] === 'prose' || roles[i - 1] === 'piece';
}

/** Reads the lines above the body: masthead, kicker, title, dek, date, byline. */
function readHeader(header: Line[], out: Extracted, note: (rule: string, reason: string, text?: string) => void, options: ExtractOptions): void {
  const strip = suffixStripper({ source: options.source, url: options.url });
  const titleAt = headlineLine(header, options.title ?? null, strip);
  const named = bylineInHeader(header, titleAt);
  if (named) {
    out.byline = named.byline;
    out.provenance.byline = 'text:names-line';
  }
  const candidates: Line[] = [];
  let date: string | null = null;
  let time: string | null = null;
  let dateAfterTitle = false;
  for (const [i, l] of header.entries()) {
    if (i === named?.index) {
      out.removed.push(l.text);
    } else if (l.kind === 'date' || l.kind === 'timestamp') {
      // The page's own date is the one under its headline; dates above it belong to menus and tickers.
      const afterTitle = titleAt >= 0 && i > titleAt;
      const d = parseDate(l.text);
      if (d && (!date || (afterTitle && !dateAfterTitle))) {
        date = d;
        time = null;
        dateAfterTitle = afterTitle;
      }
      if (!time && (l.kind === 'timestamp' || /\b\d{1,2}:\d{2}\b/.test(l.text))) time = parseTime(l.text);
      out.removed.push(l.text);
    } else if (l.kind === 'byline') {
      out.byline ??= cleanByline(l.text);
      out.provenance.byline ??= 'text:byline-line';
      out.removed.push(l.text);
    } else if (l.kind === 'short' || l.kind === 'shout' || (l.kind === 'prose' && i === header.length - 1)) {
      candidates.push(l);
    } else {
      out.removed.push(l.text);
      note(`chrome:${l.kind}`, `removed a ${l.kind} line above the body`, l.text);
    }
  }
  if (date) {
    out.published = time && !date.includes('T') ? `${date}T${time}` : date;
    out.provenance.published = 'text:header';
  }

  if (titleAt >= 0) {
    // The headline is known: the line under it, when long and not the byline, is the dek.
    out.title = strip(header[titleAt].text);
    out.provenance.title = 'text:header';
    const next = header[titleAt + 1];
    if (next && titleAt + 1 !== named?.index && (next.kind === 'short' || next.kind === 'prose') && next.words >= 8) out.dek = next.text;
    return;
  }

  // A masthead: a short brand line ("Espreso. Global") above a longer title.
  if (candidates.length >= 2 && candidates[0].words <= 3 && candidates[0].text.length <= 30 && candidates[1].words > candidates[0].words) {
    const masthead = candidates.shift()!;
    out.source = masthead.text.split(/\s*(?:[.|·•:]\s+|\s[–—-]\s)\s*/)[0].trim() || null;
    out.provenance.source = 'text:masthead';
    out.removed.push(masthead.text);
  }
  if (!candidates.length) return;
  // The title is the first line long enough to be one; shorter lines before it are a kicker,
  // longer lines after it a dek (standfirst).
  let t = candidates.findIndex((l) => l.words >= 5);
  if (t < 0) t = candidates.reduce((bi, l, i) => (l.text.length > candidates[bi].text.length ? i : bi), 0);
  out.title = strip(candidates[t].text);
  out.provenance.title = 'text:header';
  if (t > 0) out.kicker = candidates.slice(0, t).map((l) => l.text).join(' ');
  const after = candidates.slice(t + 1);
  if (after.length) {
    out.dek = after.map((l) => l.text).join(' ');
  }
}

const normTitle = (s: string) => s.normalize('NFKC').replace(/[‘’‚]/g, "'").replace(/[“”„«»]/g, '"').replace(/\s+/g, ' ').trim().toLowerCase();

/**
 * The header line that is the page's headline: the last one that reads as the record's title
 * (the first line of a saved page is often its <title>, the headline comes again above the
 * body), or, without a record title, the line that repeats a first line with a site suffix
 * ("Headline | Site" … "Headline"). -1 when neither is found.
 */
function headlineLine(header: Line[], hint: string | null, strip: (title: string) => string): number {
  const first = header[0]?.text;
  const wanted = hint ? normTitle(strip(hint)) : first && first !== strip(first) ? normTitle(strip(first)) : null;
  if (!wanted) return -1;
  for (let i = header.length - 1; i >= (hint ? 0 : 1); i--) {
    const l = header[i];
    if (l.kind !== 'short' && l.kind !== 'prose' && l.kind !== 'shout') continue;
    // Only a line about as long as the headline can be it: skip the work for menu entries.
    if (Math.abs(l.text.length - wanted.length) > 80) continue;
    if (normTitle(l.text) === wanted || normTitle(strip(l.text)) === wanted) return i;
  }
  return -1;
}

/**
 * The outlet naming itself as a source: "Caliber.Az reports, citing Western media". Only
 * domain-shaped names count (Name.tld): an outlet citing another outlet names it as a brand
 * ("reports European Pravda"), while sites credit themselves by their domain.
 */
function selfReference(text: string): string | null {
  const m = /\b(\p{Lu}[\p{L}\d-]+\.(?:[A-Z][a-z]{1,5}|[a-z]{2,6}))\s+(?:reports|reported|has learned|learned)\b/u.exec(text);
  return m ? m[1] : null;
}

export { parseDate };
