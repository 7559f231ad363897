/**
 * Whether two statements that share words state the same fact. Word overlap finds the candidates
 * (claims.ts); this module checks what overlap alone cannot see:
 *
 * - the predicate: two sentences about the same people ("Harbour Director Anna Berg said the vote
 *   was fair" and "Harbour Director Anna Berg is a longtime critic of the plan") share names and
 *   titles but say different things of them. What is said is in the words that are not names:
 *   the words written in lower case (the verbs that attribute a statement and the titles before a
 *   name aside), and the figures. They must overlap too;
 * - negation: "the mayor is not seeking a new term" and "the mayor set out her plans for a new
 *   term" differ (one denies a word both use, the other denies nothing);
 * - figures: "$40 million in cuts" and "$45 million in new spending" are different facts, unless
 *   the two count the same thing ("12 people", "15 people": then they disagree about one fact,
 *   see disagreements.ts);
 * - a quotation of five words or more that both carry is strong evidence of the same remark.
 *
 * Each accepted pair gets a confidence in [0, 1]; a pair below {@link WEAK_PAIR} joins no claim.
 *
 * @module
 */
import { measures, type Measure } from './disagreements.js';
import { wordClass } from './similarity/pos.js';
import { STOP_WORDS, contentStems, softMatch, tokenStems, tokenize, weightedOverlap, type TermWeights } from './similarity/text.js';

/** What a statement asserts beyond its bag of words. */
export interface StatementFacts {
  /** Stems of the words a negator denies ("not" + "interested in peace"). */
  negated: Set<string>;
  figures: Measure[];
  /** Stems of its lower-case content words: what it says of the names it names. */
  predicate: Set<string>;
  /** Its quoted passages of at least {@link QUOTE_WORDS} words, folded. */
  quotes: string[];
}

/** Words a quotation needs to be evidence of the same remark on its own. */
const QUOTE_WORDS = 5;
/** Confidence below which a pair is not taken to state the same fact. */
export const WEAK_PAIR = 0.5;
/** What a count of the same thing in both statements adds to their confidence. */
const COUNT_CREDIT = 0.1;
/** Overall overlap at which one shared predicate word is enough. */
const STRONG_SIMILARITY = 0.5;

/** Words that link a statement to the one before ("Meanwhile, …"): no part of what it says. */
const CONNECTIVES = new Set(contentStems('meanwhile moreover furthermore nevertheless nonetheless instead earlier later besides likewise similarly'));

const NEGATOR = /^(?:not|no|never|none|nothing|nobody|neither|nor|without|cannot)$|n[’']t$/i;
/** Words that open a new clause, where a negator's scope ends ("not forget that …"). */
const CLAUSE_START = /^(?:that|which|who|whom|whose|because|when|where|while|if|whether|although|though|but|and)$/i;
/** Content words after a negator that it is taken to deny, within its clause. */
const NEGATION_SCOPE = 4;
const QUOTED = /[“"«„]([^”"»“]+)[”"»]/g;

/**
 * The facts of a statement: `text` as written, `plain` the same without the names of the story's
 * entities, `reporting` the stems of attribution verbs ("said", "noted"), which say who reported a
 * thing, not what.
 */
export function statementFacts(text: string, plain: string, reporting: ReadonlySet<string>, tokens = tokenize(plain)): StatementFacts {
  const predicate = new Set<string>();
  const negated = new Set<string>();
  tokens.forEach((t, k) => {
    if (!NEGATOR.test(t.text)) return;
    // The words a negator denies: the next few content words, up to the end of its clause.
    let left = NEGATION_SCOPE;
    for (let x = k + 1; x < tokens.length && left > 0; x++) {
      if (/[,;:]/.test(plain.slice(tokens[x - 1].end, tokens[x].start)) || CLAUSE_START.test(tokens[x].text)) break;
      for (const s of tokenStems(tokens[x].text)) {
        negated.add(s);
        left--;
      }
    }
  });
  const titles = titleWords(text);
  tokens.forEach((t, k) => {
    // A capital inside the sentence marks a name or a title ("Council", "Chief Engineer"); the
    // first word is capitalised anyway and counts as a word unless a capitalised one follows it.
    const capital = /^\p{Lu}/u.test(t.text);
    if (capital && (k > 0 || /^\p{Lu}/u.test(tokens[1]?.text ?? ''))) return;
    if (/^\d/.test(t.text)) return;
    for (const s of tokenStems(t.text)) if (!reporting.has(s) && !STOP_WORDS.has(s) && !CONNECTIVES.has(s) && !titles.has(s)) predicate.add(s);
  });
  const quotes: string[] = [];
  for (const m of text.matchAll(QUOTED)) {
    const words = m[1].toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
    if (words.length >= QUOTE_WORDS) quotes.push(words.join(' '));
  }
  const figures = measures(text);
  // A figure is said of something: the same figure in two statements is shared content (a single
  // digit without a unit too common to count).
  // A count of the same thing ("12 people", "15 people") is shared content too, whatever the count.
  for (const f of figures) {
    if (f.unit || f.value.length > 1) predicate.add(`#${f.value}`);
    if (f.unit) predicate.add(`#${f.unit}`);
  }
  return { negated, figures, predicate, quotes };
}

/** A quoted passage of {@link QUOTE_WORDS} words or more that both statements carry (one may cut it shorter). */
function sharedQuote(a: StatementFacts, b: StatementFacts): boolean {
  for (const x of a.quotes) for (const y of b.quotes) if (x.includes(y) || y.includes(x) || longestCommonRun(x, y) >= QUOTE_WORDS) return true;
  return false;
}

/** The longest run of words two folded passages share. */
function longestCommonRun(x: string, y: string): number {
  const a = x.split(' ');
  const b = y.split(' ');
  let best = 0;
  let prev = new Int32Array(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    const cur = new Int32Array(b.length + 1);
    for (let j = 1; j <= b.length; j++) if (a[i - 1] === b[j - 1]) best = Math.max(best, (cur[j] = prev[j - 1] + 1));
    prev = cur;
  }
  return best;
}

const DETERMINER = /^(?:the|a|an|its|their|his|her|our)$/i;

/**
 * Stems of the lower-case words that title a name rather than say something: a noun phrase of up
 * to three words after a possessive or a determiner and right before a capitalised word ("the country's foreign
 * minister Eva Lind", "the acting director Tom Berg").
 */
function titleWords(text: string): Set<string> {
  const out = new Set<string>();
  const tokens = tokenize(text);
  for (let k = 1; k < tokens.length; k++) {
    const before = tokens[k - 1];
    if (!/['’]s?$/.test(before.text) && !DETERMINER.test(before.text)) continue;
    let m = k;
    while (m < tokens.length && m - k < 3 && /^\p{Ll}/u.test(tokens[m].text) && /^\s+$/.test(text.slice(tokens[m].end, tokens[m + 1]?.start ?? tokens[m].end))) {
      // A title is a noun phrase: its words nouns or modifiers, its last a noun.
      if (!'NJG'.includes(wordClass(tokens[m].text.toLowerCase()))) break;
      if (/^\p{Lu}/u.test(tokens[m + 1]?.text ?? '') && wordClass(tokens[m].text.toLowerCase()) === 'N') {
        for (let x = k; x <= m; x++) for (const s of tokenStems(tokens[x].text)) out.add(s);
        break;
      }
      m++;
    }
  }
  return out;
}

/**
 * Whether one statement denies what the other asserts: it denies a word both use ("X is not
 * interested in peace" / "X set out conditions for peace") and the other denies nothing. A
 * negation of something else ("let us not forget that …") does not set them apart, nor do two
 * statements that each deny something (their negations are seldom worded alike: "is not
 * considering accession" / "is not discussing membership").
 */
function deniedByOne(a: StatementFacts, b: StatementFacts): boolean {
  if (a.negated.size && b.negated.size) return false;
  const [denying, other] = a.negated.size ? [a, b] : [b, a];
  for (const t of denying.negated) if (other.predicate.has(t) && denying.predicate.has(t)) return true;
  return false;
}

/** How many words of one set meet a word of the other, exactly or as a variant. */
function sharedCount(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let n = 0;
  for (const t of a) if (b.has(t) || someVariant(t, b)) n++;
  return n;
}

/** Whether a set holds a variant of `t` (see softMatch); a loop, since it runs for every candidate pair. */
function someVariant(t: string, set: ReadonlySet<string>): boolean {
  for (const u of set) if (softMatch(t, u)) return true;
  return false;
}

/** Figures that differ: both statements give numbers, and none of one's is among the other's. */
function figuresApart(a: Measure[], b: Measure[]): boolean {
  if (!a.length || !b.length) return false;
  const mine = new Set(a.map((m) => m.value));
  return !b.some((m) => mine.has(m.value));
}

/** Both give a figure for the same thing ("12 people", "15 people"). */
function sameUnit(a: Measure[], b: Measure[]): boolean {
  return a.some((x) => x.unit && b.some((y) => y.unit === x.unit));
}

/**
 * How sure it is that two statements state the same fact, given their overall overlap `score`
 * and `contained`, the share of the shorter statement's terms that the longer one holds (both
 * from claims.ts), and the weights of the story's predicate words; 0 when they do not.
 */
export function pairConfidence(a: StatementFacts, b: StatementFacts, score: number, contained: number, weights: TermWeights): number {
  if (sharedQuote(a, b)) return Math.max(0.9, Math.min(1, score + 0.5));
  if (deniedByOne(a, b)) return 0;
  // Other figures for the same thing ("12 people", "15 people") are a disagreement about one fact;
  // other figures for different things, or for nothing named, are different facts.
  if (figuresApart(a.figures, b.figures) && !sameUnit(a.figures, b.figures)) return 0;
  const shared = sharedCount(a.predicate, b.predicate);
  // One word in common ("the council must raise taxes" / "the council agreed on the budget") is a
  // coincidence more often than a paraphrase, unless the statements are alike overall.
  if (shared < 2 && score < STRONG_SIMILARITY) return 0;
  // (Weighed only for a pair that may still agree: most candidate pairs end above.)
  const predicate = weightedOverlap(a.predicate, b.predicate, weights);
  // Two parts, both needed: the statements are alike overall, and alike in what they say.
  // Counts of the same thing ("12 passengers", "15 passengers") say the two report one event.
  const counted = sameUnit(a.figures, b.figures) ? COUNT_CREDIT : 0;
  const alike = Math.min(1, Math.min(score / 0.4, predicate / 0.4) + counted);
  // A short statement may say one of the several things a long one reports ("closing the night
  // ferry" in "… proposed raising fares and closing the night ferry, as part of …"): then most of
  // the short one, its predicate too, is in the long one, though the two overlap little overall.
  if (shared < CONTAINED_SHARED) return alike;
  const within = Math.min(contained, containedShare(a.predicate, b.predicate, weights));
  return Math.max(alike, within >= CONTAINED ? within : 0);
}

/** Words of its predicate a short statement must share with a long one to be found inside it. */
const CONTAINED_SHARED = 3;
/** Share of the short statement, overall and in its predicate, the long one must hold. */
export const CONTAINED = 0.6;

/** The weight the two sets share (variants included) over the weight of the smaller one. */
function containedShare(a: ReadonlySet<string>, b: ReadonlySet<string>, weights: TermWeights): number {
  const mass = (x: ReadonlySet<string>) => {
    let m = 0;
    for (const t of x) m += weights.weight(t);
    return m;
  };
  const ma = mass(a);
  const mb = mass(b);
  const [small, large, smallMass] = ma <= mb ? [a, b, ma] : [b, a, mb];
  let shared = 0;
  for (const t of small) if (large.has(t) || someVariant(t, large)) shared += weights.weight(t);
  return shared / (smallMass || 1);
}

