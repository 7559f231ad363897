/**
 * Where the body of a scraped page lies among its lines. Each line gets a role — a sentence, a
 * piece of one, something set into an article (an ad label, a caption, a related-links box), a
 * menu entry, or a line that can only stand outside a body (a date, a label, a copyright line) —
 * and the body is the run of lines with the most prose that no break and no long stretch of
 * chrome interrupts.
 *
 * Scrapers that keep a link's text but lose the text around it leave a sentence in pieces, one a
 * line ("…said in an" / "address to the nation"): those pieces are body, not chrome, and must not
 * cut the body in two.
 *
 * @module
 */
import { isProse, type Line } from './lines.js';

export type Role =
  | 'prose' // a sentence or more
  | 'piece' // a piece of a sentence split at a link
  | 'insert' // set into a body and removed from it: a caption, an ad label, a related headline, a box
  | 'menu' // a short chrome line: menus, share buttons
  | 'boxed' // inside a related-links box that the body resumes after: removed, and not counted as a gap
  | 'break'; // cannot sit inside a body: a date, a label, a copyright line, a sign-off

export interface BodySpan {
  start: number;
  end: number;
}

/** Short chrome lines in a row that end a body: a lone prompt inside an article does not. */
const MENU_RUN = 3;
/** Chrome lines of any kind in a row that end a body: a few headlines or a caption inside one do not. */
const CHROME_RUN = 6;
/** A "Related" box inside a body gives way to the article's prose within this many lines. */
const RELATED_SPAN = 12;

/** Lines that open a box of links to other articles. Genre words, not any site's. */
const RELATED = /\b(?:related|recommended|read (?:more|also)|see also|also read|more (?:news|stories|on this)|most (?:read|popular|viewed)|top stories|other news|further reading|you (?:may|might) (?:also )?like)\b/i;
/** A line left open: a comma, a dash or an opening quote at its end. */
const OPEN_END = /(?:[,;–—(]\s*["”’»]?|“)$/;
/** A line ending on a lower-case word, as a sentence cut at a link does ("…the European Union's special"). */
const LOWER_LAST_WORD = /(?:^|\s)\p{Ll}[\p{Ll}'’-]*$/u;
/**
 * Words a sentence does not end on (articles, conjunctions, auxiliaries, prepositions that are
 * never particles). "on", "over", "in" are left out: "Game on", "Season over" end headlines.
 */
const DANGLING = /\b(?:the|a|an|of|to|for|by|with|from|into|onto|during|between|against|than|and|or|but|nor|his|her|their|its|our|is|was|were|are|been|had|has|have|said|says|whose)$/;
/** A sentence too short to count as prose: "Trust me.", "So very, very sad." */
const SHORT_SENTENCE = /[.!?…]["”’»)]*$/;

/**
 * Marks each line's role. `listy` marks lines inside a list of other articles (times and dates
 * crowd them).
 */
export function lineRoles(lines: Line[], listy: boolean[]): Role[] {
  const roles = lines.map((l, i): Role => {
    if (listy[i] && l.kind !== 'short') return 'break';
    switch (l.kind) {
      case 'label':
        // "Others are less defined:" introduces the sentence under it; "Tags:" a list.
        return introducesProse(lines, i) ? 'piece' : 'break';
      case 'date': case 'timestamp': case 'legal': case 'signoff':
        return 'break';
      case 'prose':
        return listy[i] ? 'insert' : 'prose';
      case 'short':
        // Near a date line a short line may be a list entry; a piece that runs into prose is not.
        if ((!listy[i] || runsIntoProse(lines, i)) && isPiece(lines, i)) return 'piece';
        return l.words >= 4 ? 'insert' : 'menu';
      case 'caption': case 'byline': case 'shout':
        return 'insert';
      default:
        return l.words >= 4 ? 'insert' : 'menu';
    }
  });
  markRelatedBoxes(lines, roles);
  return roles;
}

/** Whether a non-sentence line is a piece of a sentence: it continues one, or the next line continues it. */
function isPiece(lines: Line[], i: number): boolean {
  const l = lines[i];
  const prev = lines[i - 1];
  const next = lines[i + 1];
  const lowerStart = /^\p{Ll}/u.test(l.text);
  const prevOpen = !!prev && !isProse(prev.text, prev.words) && (isOpen(prev) || (prev.words >= 3 && LOWER_LAST_WORD.test(prev.text)));
  if (lowerStart && (l.words >= 2 || prevOpen)) return true;
  // "…the European Union's special" / "envoy", "…,” she" / "wrote on X": a lower-case continuation.
  if (next && (next.kind === 'short' || next.kind === 'prose') && /^\p{Ll}/u.test(next.text) && l.words >= 3 && (LOWER_LAST_WORD.test(l.text) || next.words >= 2)) return true;
  if (introducesProse(lines, i)) return true;
  // A short sentence among sentences: "Trust me." between two quoted lines. Sentences on both
  // sides: a headline ending in a full stop above the first paragraph has none above.
  const sentence = (x: Line | undefined) => !!x && (x.kind === 'prose' || isShortSentence(x));
  if (isShortSentence(l) && sentence(prev) && sentence(next)) return true;
  if (isOpen(l) && next && (next.kind === 'prose' || next.kind === 'short') && l.words >= 3) return true;
  // "…for the" / "State of the Union address": the line an open line runs into.
  return !!prev && (prev.kind === 'prose' || prev.kind === 'short') && (OPEN_END.test(prev.text) || DANGLING.test(prev.text)) && l.words <= 12;
}

/**
 * A clause or section label that ends on a colon, with the prose it announces under it ("Others
 * are less defined:", "About the prison:"). "Tags:" heads a list, "Read also:" other articles.
 */
function introducesProse(lines: Line[], i: number): boolean {
  const l = lines[i];
  return l.words >= 2 && /:$/.test(l.text) && /\p{Ll}/u.test(l.text) && !RELATED.test(l.text) && lines[i + 1]?.kind === 'prose';
}

function isShortSentence(l: Line): boolean {
  return l.kind === 'short' && l.words >= 2 && SHORT_SENTENCE.test(l.text) && /\p{Ll}/u.test(l.text);
}

/** A piece whose sentence goes on in the prose line after it, or began in the one before. */
function runsIntoProse(lines: Line[], i: number): boolean {
  const prev = lines[i - 1];
  const next = lines[i + 1];
  return (next?.kind === 'prose' && /^\p{Ll}/u.test(next.text)) || (prev?.kind === 'prose' && /^\p{Ll}/u.test(lines[i].text));
}

/** A line left open: it ends on a comma, a dash or a word no sentence ends on. */
export function isOpen(l: Line): boolean {
  return OPEN_END.test(l.text) || DANGLING.test(l.text);
}

/**
 * A "Related" box inside the body — its cue, the headlines, dates and bylines under it — is one
 * insert when the article's prose resumes soon after; with no prose after it, it ends the body.
 */
function markRelatedBoxes(lines: Line[], roles: Role[]): void {
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    if (l.words > 6 || roles[i] === 'prose' || roles[i] === 'piece' || !RELATED.test(l.text)) continue;
    let j = i + 1;
    while (j < lines.length && j <= i + RELATED_SPAN && roles[j] !== 'prose') j++;
    if (j < lines.length && roles[j] === 'prose' && j <= i + RELATED_SPAN) {
      roles[i] = 'insert';
      for (let k = i + 1; k < j; k++) roles[k] = 'boxed';
      i = j - 1;
    } else roles[i] = 'break';
  }
}

/** The run of lines with the most prose, broken by breaks or by long stretches of chrome. */
export function findBody(lines: Line[], roles: Role[]): BodySpan | null {
  let best: BodySpan | null = null;
  let bestScore = 0;
  let segStart = -1;
  // The body ends on prose and the pieces that run on from it without a gap: link texts
  // after a gap at the end are the page's ("Originally published on" / "example.com").
  let segEnd = -1;
  let running = false;
  let score = 0;
  let hasProse = false;
  let menuRun = 0;
  let chromeRun = 0;
  const close = () => {
    // Pieces of sentences alone are link texts, not an article.
    if (segStart >= 0 && hasProse && score > bestScore) {
      bestScore = score;
      best = { start: segStart, end: segEnd };
    }
    segStart = -1;
    score = 0;
    hasProse = false;
  };
  roles.forEach((role, i) => {
    if (role === 'prose' || role === 'piece') {
      if (segStart < 0) segStart = i;
      if (role === 'prose' || running) segEnd = i;
      running = role === 'prose' || running;
      hasProse ||= role === 'prose';
      // A piece counts for less than a sentence.
      score += role === 'prose' ? lines[i].text.length : lines[i].text.length / 2;
      menuRun = chromeRun = 0;
      return;
    }
    running = false;
    if (role === 'boxed') return;
    if (role === 'break') {
      close();
      menuRun = chromeRun = 0;
      return;
    }
    if (role === 'menu') menuRun++;
    chromeRun++;
    if (segStart >= 0 && (menuRun >= MENU_RUN || chromeRun >= CHROME_RUN)) close();
  });
  close();
  return best;
}
