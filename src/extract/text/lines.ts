/**
 * Line shapes of a scraped page saved as plain text. Chrome (menus, link lists, prompts) and
 * article prose look different line by line: prose is long and ends a sentence; a link list is
 * short headline-like lines between timestamps; a prompt shouts or asks you to act.
 *
 * Length is counted in words. Scripts written without spaces between words (Chinese, Japanese,
 * Thai and their neighbours) are measured by their characters instead, at the characters a word
 * of the script takes on average, so that one line of Chinese prose is as long as its English
 * translation and not a single "word"; their full stops (。！？) end sentences, and text with
 * no letter case counts as text where a Latin sentence needs a small letter.
 *
 * @module
 */

import { parseDate } from '../pubdate.js';
import { countWords } from '../../lang/words.js';

export type LineKind =
  | 'blank'
  | 'prose' // a sentence or more: body text
  | 'timestamp' // "14:27"
  | 'date' // "3 December, 2024 Tuesday", "2024, Wednesday", "4 December"
  | 'label' // "Tags:", "Read also:" — a field name with nothing after it
  | 'token' // a template placeholder left by the page: "client/title.list_title"
  | 'shout' // "FOR THE MOST IMPORTANT NEWS, FOLLOW US ON TWITTER!"
  | 'prompt' // "Subscribe to our newsletter", "Read more", "Share this article"
  | 'byline' // "By Khagan Isayev"
  | 'caption' // a photo caption or credit: "Crowds in the square [Jane Roe/Agency]", "(Image: Agency)"
  | 'legal' // "© 2025 Example Media. All rights reserved." — the page's footer, never body
  | 'signoff' // "Reporting by Jane Roe; Editing by John Doe": the credit line that closes wire copy
  | 'short'; // anything else: a title, a sub-heading, a menu entry, a headline in a list

export interface Line {
  index: number;
  /** The line without list bullets and surrounding space. */
  text: string;
  kind: LineKind;
  words: number;
  bullet: boolean;
}

const MONTHS =
  'jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?';
const WEEKDAYS = 'mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:rs(?:day)?)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?';
const DATE_PART = `(?:\\d{1,4}|${MONTHS}|${WEEKDAYS}|today|yesterday|updated|published)`;
/** A line made only of date parts: "3 December, 2024 Tuesday", "2024, Wednesday", "Dec 3". */
const DATE_ONLY = new RegExp(`^(?:${DATE_PART})(?:[\\s,./-]+(?:${DATE_PART}))*[.,]?$`, 'i');
const TIME_ONLY = /^(?:[01]?\d|2[0-3])[:.][0-5]\d(?:\s*(?:[ap]\.?m\.?|h|uhr|gmt|utc|cet|msk|[+-]\d{2}:?\d{2}))?$/i;
/** Identifier-shaped text with no spaces but path or member separators: `client/title.list_title`. */
const TEMPLATE_TOKEN = /^[\w-]+(?:[/.][\w-]+){1,}$|^\{\{.*\}\}$|^\$\{.*\}$|^%[\w.]+%$/;
const BYLINE = /^(?:[Bb]y|[Vv]on|[Pp]ar|[Pp]or|[Dd]i|[Dd]oor|[Aa]v)\s+\p{Lu}[\p{L}'’.-]*(?:\s+(?:\p{Lu}[\p{L}'’.-]*|and|und|et|y|e|&|,))*\s*(?:[,|–—-]\s*[\p{L} .]+)?$/u;
/**
 * Calls to act that sites put around articles. Verbs and nouns of the genre, not of any one site:
 * they are what distinguishes "Subscribe to our newsletter" from a sub-heading of the same length.
 */
const PROMPT =
  /\b(?:subscribe|sign up|signup|log ?in|newsletter|follow us|share (?:this|on)|click here|read more|more news|see also|read also|related (?:articles|stories|news)|similar articles|most (?:popular|read|viewed)|recommended|advertisement|sponsored|cookie|download (?:our|the) app|all rights reserved|copyright|comments?\b|join us|support us|donate)\b/i;
const SENTENCE_END = /[.!?…。！？｡؟۔।]["”’»)\]」』）》〉]*$|[.!?]\s*["”’»]$/;
/** Footer lines: copyright and rights notices, at any length. */
const LEGAL = /^(?:©|\(c\)\s|copyright\b)|\ball rights reserved\b|\btous droits réservés\b|\balle rechte vorbehalten\b|\btodos los derechos reservados\b/i;
/**
 * The page speaking to its reader about itself ("Your support keeps our team going", "We bring
 * you stories from the ground", "Please contact us for subscription options"): a first-person
 * plural or second-person word together with the vocabulary of a site's own service. Either
 * alone is common in reporting and in quotations; together, outside quotation marks, they are a box.
 * Upper-case "US" is the country, not the pronoun.
 */
const READER_ADDRESS = /\b(?:[Yy]ou|[Yy]our|[Yy]ours|[Oo]ur|us|[Ww]e)\b/;
const SELF_PROMOTION = /\b(?:(?:your|our) (?:support|donations?|subscriptions?|newsletters?|journalism|reporting|reporters|journalists|newsroom|team|mission|site|website|app|inbox|email|account|readers)|sign(?:ing|ed)? up|subscri(?:be|bed|ption|ptions|bers?)|donat(?:e|ion|ions)|follow us|contact us|download|cookies?|thank you for|stories (?:from|that))\b/i;
const QUOTE_MARK = /["“”«»„]/;
/** Wire-copy credits that close a story: "Reporting by …", "*Writing by … in Istanbul", "Editing by …". */
const SIGNOFF = /^\*?\s*(?:\(?(?:additional )?(?:reporting|writing|editing|compiled|translated|produced) by)\b/i;
/** A trailing photo credit in brackets: "[Jane Roe/Agency]", "(Image: Agency)", "(Agency) (Agency Wire)". */
const TRAILING_CREDIT = /(?:\s*[[(]([^[\]()]{1,60})[\])])+$/u;
/** A prompt that leads into a link: "Read more: Storm closes ferry routes", "Related | Another headline". */
const LINK_LEAD = /^(?:read (?:more|also)|see also|also read|related|recommended|more on this|watch|listen)\s*[:|]\s*\S/i;
/** A credit line on its own: "Photo: Jane Roe/Example Agency", "Image: Example Agency". */
const CREDIT_LINE = /^(?:photo|image|picture|foto|credit|video|graphic)s?\s*:\s*\S/i;
/** Captions that say what they are: "In this photo…", "In this pool photograph distributed by…". */
const CAPTION_OPENER = /^(?:in this|this)\s+(?:\p{L}+\s+){0,2}(?:photo(?:graph)?|image|picture|handout|file photo|video still)\b/iu;

export function classifyLine(raw: string, index: number): Line {
  let text = raw.replace(/[\u00a0\u2007\u202f]/g, ' ').trim();
  let bullet = false;
  const b = /^(?:[•·▪►▶●◦‣∙*–—-]|\d{1,2}[.)])\s+/.exec(text);
  if (b && !/^\d{1,2}[.)]\s+\p{Ll}/u.test(text)) {
    bullet = true;
    text = text.slice(b[0].length).trim();
  }
  const words = countWords(text);
  return { index, text, kind: kindOf(text, words), words, bullet };
}

function kindOf(text: string, words: number): LineKind {
  if (!text) return 'blank';
  // A bare number ("0", "12"): a comment or share count, no date; counted as one, it would make
  // the article's first sentences look like entries of a dated list.
  if (/^\d{1,3}$/.test(text)) return 'short';
  if (TIME_ONLY.test(text)) return 'timestamp';
  if (words <= 6 && DATE_ONLY.test(text) && /\d/.test(text)) return 'date';
  if (isDateLine(text, words)) return 'date';
  if (words <= 60 && LEGAL.test(text)) return 'legal';
  if (words <= 20 && SIGNOFF.test(text)) return 'signoff';
  if (isCaption(text)) return 'caption';
  if (words <= 4 && /:$/.test(text)) return 'label';
  if (words === 1 && TEMPLATE_TOKEN.test(text) && /[/_{}$%]/.test(text)) return 'token';
  // Letters that have a case: a Chinese or Arabic sentence with a Latin acronym in it ("HER2能够…")
  // is not in capitals, having no case of its own.
  const cased = text.replace(/[^\p{Lu}\p{Ll}\p{Lt}]/gu, '');
  if (cased.length >= 12 && cased === cased.toUpperCase()) return 'shout';
  if (words <= 12 && BYLINE.test(text)) return 'byline';
  if (words <= 10 && PROMPT.test(text) && !SENTENCE_END.test(text)) return 'prompt';
  if (words <= 30 && LINK_LEAD.test(text)) return 'prompt';
  if (words <= 40 && !QUOTE_MARK.test(text) && READER_ADDRESS.test(text) && SELF_PROMOTION.test(text)) return 'prompt';
  if (isProse(text, words)) return 'prose';
  return 'short';
}

/** Words that may stand beside a date on a page's date line: "Published On 27 Feb 2026", "Tue, … at 2:24 PM UTC". */
const DATE_LABEL = /^(?:published|updated?|posted|modified|on|at|am|pm|a\.m\.|p\.m\.|utc|gmt|[ecmp][sd]t|cet|cest|eet|eest|msk|h|uhr|le|el|um|à|de|del|las|-|–|—|:|\|)$/i;

/** One word of a date line: a date part, a time, a numeric date. */
const DATE_TOKEN = new RegExp(`^(?:${DATE_PART}|\\d{1,2}[:.]\\d{2}(?::\\d{2})?|\\d{1,4}(?:[./-]\\d{1,4}){1,2}|\\d{1,2}(?:st|nd|rd|th)|\\d{1,2}:|\\d{2}(?::\\d{2})?[ap]m?)$`, 'i');

/**
 * A page's date line: a date, a time and label words ("Updated", "at") only. A line with any
 * other word is a heading or a sentence that mentions a date.
 */
function isDateLine(text: string, words: number): boolean {
  if (words > 16 || !/\d/.test(text) || SENTENCE_END.test(text) && !/\d\.?$/.test(text)) return false;
  const onlyDateWords = text.split(/[\s,]+/).filter(Boolean).every((t) => {
    const w = t.replace(/^[([]|[.)\]]$/g, '');
    return DATE_TOKEN.test(w) || DATE_LABEL.test(w);
  });
  return onlyDateWords && parseDate(text) !== null;
}

/**
 * A photo caption: text ending in a bracketed credit of a few capitalised words, an agency
 * path ("Name/Agency") or a labelled credit ("Image: X", "Source: X"); a line that is only such a
 * credit, bracketed or labelled ("Photo: X"); or a caption that says it is one ("In this photo…").
 */
function isCaption(text: string): boolean {
  if (CAPTION_OPENER.test(text)) return true;
  if (CREDIT_LINE.test(text) && text.split(/\s+/).length <= 8) return true;
  if (!/[\])]$/.test(text)) return false;
  const m = TRAILING_CREDIT.exec(text);
  if (!m) return false;
  const before = text.slice(0, m.index).trim();
  const groups = [...m[0].matchAll(/[[(]([^[\]()]*)[\])]/g)].map((g) => g[1].trim());
  const credit = (g: string) => {
    const ws = g.split(/\s+/);
    if (!g || ws.length > 6) return false;
    if (/^(?:photo|image|picture|foto|source|credit|crédit|bild|quelle|fuente)s?\s*:/i.test(g)) return true;
    if (/\S\/\S/.test(g) && ws.every((w) => /^[\p{Lu}\d]/u.test(w) || /\//.test(w))) return true;
    return ws.every((w) => /^[\p{Lu}&]/u.test(w) || /^(?:via|for|and|de|of)$/.test(w));
  };
  if (!groups.every(credit)) return false;
  // A sentence that ends in an acronym in brackets is still a sentence: "…, the ministry said (TASS)."
  return !before || !/[.!?…]["”’»]?$/.test(before) || /^(?:photo|image|picture|foto|source|credit)/i.test(groups[0]);
}

/** A sentence or more: enough words, and it ends as a sentence does (or is too long to be a heading). */
export function isProse(text: string, words: number): boolean {
  if (words >= 30) return true;
  if (words < 5) return false;
  // A sentence has small letters; scripts without letter case (Arabic, Hebrew, Devanagari, Han…)
  // have none to show, and their letters are all \p{Lo}.
  return SENTENCE_END.test(text) && /[\p{Ll}\p{Lo}]/u.test(text);
}

export function toLines(text: string): Line[] {
  return text
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((l, i) => classifyLine(l, i));
}
