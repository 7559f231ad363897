/**
 * A sentence as a row of word parts for comparing wording: "export-led" is two parts, "export" and
 * "led", the second joined to the first by a hyphen, so that "export economy" and "export-led
 * economy" align word by word. Each part keeps its offsets and its coarse word class.
 *
 * @module
 */
import type { Article } from '../../types.js';
import type { StoryContext } from '../context.js';
import { STOP_WORDS, foldToken, tokenize } from '../similarity/text.js';
import { wordClass, type WordClass } from '../similarity/pos.js';
import { memoByKey } from '../similarity/memo.js';

export interface Part {
  /** Folded form: lower case, no diacritics, straight apostrophes. */
  fold: string;
  start: number;
  end: number;
  /** Joined to the part before by a hyphen. */
  hyphen: boolean;
  /** N noun, J adjective, G -ing form …; stop words are O, "the"/"a"/"an" D. */
  cls: WordClass;
  /** Written with a capital first letter. */
  cap: boolean;
  /** Only spaces or hyphens stand between it and the part before, on one line (no punctuation, no quote mark). */
  joined: boolean;
}

/** A text's parts, offsets relative to `base` (the text's offset in its article). */
export function partsOf(text: string, base = 0): Part[] {
  const out: Part[] = [];
  for (const t of tokenize(text)) {
    let shape = SHAPES.get(t.text);
    if (!shape) {
      shape = shapeOf(t.text);
      if (SHAPES.size > 100_000) SHAPES.clear();
      SHAPES.set(t.text, shape);
    }
    for (const p of shape) {
      const start = t.start + p.offset;
      const prev = out.length ? out[out.length - 1].end - base : -1;
      out.push({ fold: p.fold, start: base + start, end: base + start + p.length, hyphen: p.hyphen, cls: p.cls, cap: isUpper(text.charCodeAt(start), text[start]), joined: prev >= 0 && gapIsBlank(text, prev, start) });
    }
  }
  return out;
}

/** Whether a character is an upper-case letter (ASCII answered without a regular expression). */
function isUpper(code: number, ch: string | undefined): boolean {
  if (code >= 65 && code <= 90) return true;
  if (code < 128 || ch === undefined) return false;
  return /\p{Lu}/u.test(ch);
}

/** Whether text[from, to) holds only white space and hyphens, on one line. */
function gapIsBlank(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    // Spaces, tabs and hyphens; a line break parts two lines (a title ending one paragraph does
    // not run into a name opening the next).
    if (c === 32 || c === 45 || c === 9) continue;
    if (c === 10 || c === 13) return false;
    if (c < 128 || !/\s/.test(text[i])) return false;
  }
  return true;
}

/** A token's parts without their place: a story repeats its words, each is worked out once. */
interface Shape { fold: string; offset: number; length: number; hyphen: boolean; cls: WordClass }
const SHAPES = new Map<string, Shape[]>();

function shapeOf(token: string): Shape[] {
  const out: Shape[] = [];
  let at = 0;
  token.split('-').forEach((piece, k) => {
    if (piece) {
      const fold = foldToken(piece);
      const bare = fold.replace(/'s$/, '');
      const cls: WordClass = /^(?:the|a|an)$/.test(fold) ? 'D' : STOP_WORDS.has(bare) ? 'O' : wordClass(bare);
      out.push({ fold, offset: at, length: piece.length, hyphen: k > 0, cls });
    }
    at += piece.length + 1;
  });
  return out;
}

/** Body text → its parts (see bodyParts). */
const partsOfBody = memoByKey(10_000, (text) => partsOf(text));

/**
 * An article body's parts, worked out once per text (several wording methods read them, and a
 * story analysed again holds mostly the same articles). Shared: callers must not change them.
 */
export function bodyParts(_ctx: StoryContext, article: Article): Part[] {
  return partsOfBody(article.text);
}

/** The parts of a body between two offsets (a sentence), from {@link bodyParts}. */
export function partsBetween(parts: Part[], start: number, end: number): Part[] {
  let lo = 0;
  let hi = parts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (parts[mid].start < start) lo = mid + 1;
    else hi = mid;
  }
  let to = lo;
  while (to < parts.length && parts[to].end <= end) to++;
  return parts.slice(lo, to);
}

/** A word part that can stand in a noun phrase before its head: a noun, adjective or -ing form. */
export function modifier(p: Part): boolean {
  return p.cls === 'N' || p.cls === 'J' || p.cls === 'G';
}

/** A part that can head a noun phrase: a noun that is a word, not a number. */
export function head(p: Part): boolean {
  return p.cls === 'N' && !/^\d/.test(p.fold) && p.fold.length > 1;
}

/**
 * Whether the part at `h` ends a noun phrase as its head: a head noun with no noun or hyphen
 * after it, and not a noun before a word the lexicon calls a verb that a noun follows ("price" in
 * "price cut plan": "cut" is a noun there, the compound goes on).
 */
export function endsPhrase(parts: Part[], h: number): boolean {
  const next = parts[h + 1];
  if (!head(parts[h]) || isFigure(parts[h]) || parts[h].fold.endsWith("'s")) return false;
  if (!next || !next.joined) return true;
  if (next.cls === 'N' || next.hyphen) return false;
  return !(next.cls === 'V' && parts[h + 2]?.cls === 'N' && parts[h + 2].joined);
}

/**
 * Words joining a head to the phrase it governs that make the two one name: "cuts to the
 * budget", "war against the rebels", "attack on the port". ("in", "with", "over" more often open
 * an adverbial, "rise in a decade": see {@link JOINING}.)
 */
export const GOVERNING: ReadonlySet<string> = new Set(['of', 'to', 'for', 'on', 'against', 'at']);
/** Every word that may join a noun phrase to another, for comparing two phrases in one frame. */
export const JOINING: ReadonlySet<string> = new Set([...GOVERNING, 'in', 'over', 'with', 'from', 'into', 'by']);
/** Words that may stand between a joining word and the phrase it governs ("for the poor"). */
export const DETERMINERS: ReadonlySet<string> = new Set(['the', 'a', 'an', 'his', 'her', 'its', 'their', 'our', 'this', 'that', 'these', 'those']);

/** The text of parts [from, to) as the article writes it, white space made single. */
export function spanText(text: string, parts: Part[], from: number, to: number, base = 0): string {
  return text.slice(parts[from].start - base, parts[to - 1].end - base).replace(/\s+/g, ' ');
}

/** A phrase folded for comparing spellings: case, hyphens and spacing set aside. */
export function spellingKey(phrase: string): string {
  return foldToken(phrase).replace(/[-\s]+/g, ' ').trim();
}

/** Parts that make a phrase a number, date, duration or amount: a disagreement, not wording. */
const FIGURE = new RegExp(
  '^(?:\\d.*|' +
    // Cardinals and ordinals in words: "twelve", "forty", "fifteenth", "dozens".
    '(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|(?:thir|four|fif|six|seven|eigh|nine)teen|(?:twen|thir|for|fif|six|seven|eigh|nine)ty)(?:th|s)?|' +
    'first|second|third|fifth|eighth|ninth|twelfth|twentieth|dozens?|hundreds?|thousands?|millions?|billions?|trillions?|percent|' +
    // Durations and dates.
    '(?:minute|hour|day|week|month|year|decade|century)s?|centuries|' +
    'monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december|' +
    'yesterday|today|tomorrow|tonight)$',
);

/**
 * Whether parts [from, to) make a noun phrase: modifiers and nouns, "of" only between two
 * words ("signs of consensus"), a word the lexicon calls a verb only inside a noun compound
 * ("rent cap deal"), and no figure unless `figures` (then compare them with {@link figuresOf}).
 */
export function nominal(parts: Part[], from: number, to: number, figures = false): boolean {
  if (!modifier(parts[from]) && !(figures && FIGURE.test(parts[from].fold))) return false;
  for (let k = from; k < to; k++) {
    const p = parts[k];
    if (FIGURE.test(p.fold)) {
      if (figures) continue;
      return false;
    }
    if (modifier(p) || (k > from && k < to - 1 && (p.fold === 'of' || (p.cls === 'D' && parts[k - 1].fold === 'of')))) continue;
    if (p.cls === 'V' && k > from && k < to - 1 && parts[k - 1].cls === 'N' && parts[k + 1].cls === 'N') continue;
    return false;
  }
  return true;
}

/** Whether a part is written with a capital (`text` and `base` are kept for callers' clarity). */
export function capitalised(p: Part): boolean {
  return p.cap;
}

/** Whether only spaces and hyphens stand between parts [from, to): no punctuation, no quotation mark. */
export function unbroken(parts: Part[], from: number, to: number): boolean {
  for (let k = from + 1; k < to; k++) if (!parts[k].joined) return false;
  return true;
}

const NUMBER_WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'];
const ORDINAL_WORDS = ['zeroth', 'first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth', 'eleventh', 'twelfth'];

/** Whether a part is a figure: a number, an ordinal, a unit of time, a date. */
export function isFigure(p: Part): boolean {
  return FIGURE.test(p.fold);
}

/**
 * The figures of parts [from, to), each as its value ("four", "fourth", "4th" → 4) or as the word
 * (a unit, a month): two phrases with the same figures say the same amount in other words ("a
 * two-year anniversary", "the second anniversary"); with other figures they disagree.
 */
export function figuresOf(parts: Part[], from: number, to: number): string {
  const out: string[] = [];
  for (let k = from; k < to; k++) {
    const w = parts[k].fold;
    if (!FIGURE.test(w)) continue;
    const digits = /^(\d+)(?:st|nd|rd|th)?$/.exec(w);
    const n = digits ? Number(digits[1]) : NUMBER_WORDS.indexOf(w) >= 0 ? NUMBER_WORDS.indexOf(w) : ORDINAL_WORDS.indexOf(w);
    // Units and dates are how a figure is put, not which: only numbers are compared.
    if (n >= 0) out.push(String(n));
    else if (!/^(?:minute|hour|day|week|month|year|decade|century|centuries)s?$/.test(w)) out.push(w);
  }
  return out.sort().join(' ');
}
