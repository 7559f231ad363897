/**
 * Line shapes of a scraped page saved as plain text. Chrome (menus, link lists, prompts) and
 * article prose look different line by line: prose is long and ends a sentence; a link list is
 * short headline-like lines between timestamps; a prompt shouts or asks you to act.
 *
 * @module
 */

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
const SENTENCE_END = /[.!?…]["”’»)\]]*$|[.!?]\s*["”’»]$/;

export function classifyLine(raw: string, index: number): Line {
  let text = raw.replace(/[\u00a0\u2007\u202f]/g, ' ').trim();
  let bullet = false;
  const b = /^(?:[•·▪►▶●◦‣∙*–—-]|\d{1,2}[.)])\s+/.exec(text);
  if (b && !/^\d{1,2}[.)]\s+\p{Ll}/u.test(text)) {
    bullet = true;
    text = text.slice(b[0].length).trim();
  }
  const words = text ? text.split(/\s+/).length : 0;
  return { index, text, kind: kindOf(text, words), words, bullet };
}

function kindOf(text: string, words: number): LineKind {
  if (!text) return 'blank';
  if (TIME_ONLY.test(text)) return 'timestamp';
  if (words <= 6 && DATE_ONLY.test(text) && /\d/.test(text)) return 'date';
  if (words <= 4 && /:$/.test(text)) return 'label';
  if (words === 1 && TEMPLATE_TOKEN.test(text) && /[/_{}$%]/.test(text)) return 'token';
  const letters = text.replace(/[^\p{L}]/gu, '');
  if (letters.length >= 12 && letters === letters.toUpperCase() && letters !== letters.toLowerCase()) return 'shout';
  if (words <= 12 && BYLINE.test(text)) return 'byline';
  if (words <= 10 && PROMPT.test(text) && !SENTENCE_END.test(text)) return 'prompt';
  if (isProse(text, words)) return 'prose';
  return 'short';
}

/** A sentence or more: enough words, and it ends as a sentence does (or is too long to be a heading). */
export function isProse(text: string, words: number): boolean {
  if (words >= 30) return true;
  if (words < 5) return false;
  return SENTENCE_END.test(text) && /\p{Ll}/u.test(text);
}

export function toLines(text: string): Line[] {
  return text
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((l, i) => classifyLine(l, i));
}
