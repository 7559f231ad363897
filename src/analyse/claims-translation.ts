/**
 * Articles that are translations of one another (an agency's report in its English and Russian
 * editions, a broadcaster's foreign-language site), and their statements paired by position.
 *
 * Across languages, statements pair by the names and numbers they share (claims-across.ts), which
 * most sentences lack. But a translation keeps the order of its original sentence by sentence, and
 * the length of each sentence in proportion: the way parallel texts are aligned (Gale and Church,
 * "A program for aligning sentences in bilingual corpora", 1993). The two articles' statements are
 * aligned by their lengths alone, in beads of one statement to one, one to two, two to one, two
 * to two, or one to none; then the beads are checked against what a translation keeps, the names
 * and numbers (anchors):
 *
 * - the two count as translations when most statements sit in one-to-one beads, at least
 *   {@link MIN_CONFIRMED} of those beads share an anchor, at most a quarter of the two articles'
 *   anchored pairs fall off the path, their two statements in different beads (those are dropped
 *   as wrong), and hardly any bead holds numbers on both sides that differ. Two reports written
 *   apart put their facts in their own order and words, and fail these;
 * - with fewer anchors, they count as translations on their lengths: most statements in
 *   one-to-one beads, the beads' lengths closely correlated, at least one bead sharing an anchor
 *   and none contradicting one; every pair of theirs is tentative;
 * - in articles that translate one another, each one-to-one bead whose two statements hold the
 *   same numbers is a pair: firm when it shares an anchor or has beads that do within two on
 *   either side (a place the alignment cannot have slipped far from), or when the whole
 *   alignment is clean (nearly all one to one, no number contradicted, no anchored pair off the
 *   path); tentative otherwise.
 *
 * @module
 */

/** What this module needs of a statement (see claims.ts). */
export interface PlacedStatement {
  article: string;
  text: string;
}

/** A pair of statements (indices into the story's statements, lower first). */
export interface IndexPair {
  i: number;
  j: number;
}

/** A pair of statements paired by their place in two articles that translate one another. */
export interface PlacedPair extends IndexPair {
  /** It shares an anchor, has beads that do within two on either side, or lies in a clean translation: firm; else tentative. */
  firm: boolean;
}

/** One-to-one beads sharing an anchor from which two articles count as translations on their anchors. */
const MIN_CONFIRMED = 3;
/** Least share of the longer article's statements in one-to-one beads. */
const ONE_TO_ONE = 0.6;
/** Share of one-to-one beads from which a translation without a contradiction is clean: all its pairs firm. */
const CLEAN_SHARE = 0.8;
/** Most beads with numbers on both sides that differ, as a share of the confirmed beads. */
const CONTRADICTED = 0.25;
/** Fewest statements of either article, and least ratio of the smaller count to the larger. */
const MIN_STATEMENTS = 4;
const COUNT_RATIO = 0.6;
/**
 * Two articles sharing fewer anchors count as translations on their lengths: at least this share
 * of the longer one's statements in one-to-one beads, at least LENGTH_BEADS such beads, and their
 * lengths correlated (Pearson, of the logarithms) at least this much. Two reports written apart
 * align by length too, but their sentences' lengths go their own ways.
 */
const LENGTH_SHARE = 0.7;
const LENGTH_BEADS = 5;
const LENGTH_CORRELATION = 0.8;
/** Cells of the alignments' tables a story may fill (about half a microsecond each): some 50 ms at most. */
const MAX_CELLS = 100_000;
/** Variance of a translation's length per character of the original (Gale and Church's estimate). */
const VARIANCE = 6.8;
/** Beads (statements of A, of B) and their prior chances, Gale and Church's. */
const BEADS: readonly [number, number, number][] = [
  [1, 1, 0.89], [1, 0, 0.0099 / 2], [0, 1, 0.0099 / 2], [2, 1, 0.089 / 2], [1, 2, 0.089 / 2], [2, 2, 0.011],
];

/**
 * Pairs by position between the articles (by pairs of articles in different languages) that
 * translate one another; and the anchored pairs (`anchored`, from claims-across.ts) of those
 * articles that fall off their alignment's path, which are wrong. `anchorsOf(k)` gives statement k's
 * anchors: `e<entity>` and `n<number>` (see claims-across.ts).
 */
export function alignTranslations(
  statements: readonly PlacedStatement[],
  languageOf: ReadonlyMap<string, string | null>,
  anchored: readonly IndexPair[],
  anchorsOf: (k: number) => ReadonlySet<string>,
): { pairs: PlacedPair[]; offPath: IndexPair[] } {
  const byArticle = new Map<string, number[]>();
  statements.forEach((s, k) => {
    const list = byArticle.get(s.article);
    if (list) list.push(k);
    else byArticle.set(s.article, [k]);
  });
  const articles = [...byArticle.keys()].filter((a) => languageOf.get(a));
  const pairs: PlacedPair[] = [];
  const offPath: IndexPair[] = [];
  const shares = (i: number, j: number): boolean => {
    const b = anchorsOf(j);
    for (const x of anchorsOf(i)) if (b.has(x)) return true;
    return false;
  };
  // Each article's anchors: two articles that share none cannot confirm a bead, and are not
  // aligned at all.
  const anchorsIn = new Map<string, Set<string>>();
  statements.forEach((s, k) => {
    const set = anchorsIn.get(s.article) ?? new Set<string>();
    for (const x of anchorsOf(k)) set.add(x);
    anchorsIn.set(s.article, set);
  });
  const sharedAnchors = (a: string, b: string): number => {
    let n = 0;
    const other = anchorsIn.get(b)!;
    for (const x of anchorsIn.get(a)!) if (other.has(x)) n++;
    return n;
  };
  // The pairs of articles worth aligning, those sharing most anchors first, as many as
  // MAX_CELLS allows: a story of hundreds of articles in many languages stays fast.
  const candidates: { x: number; y: number; shared: number }[] = [];
  for (let x = 0; x < articles.length; x++) {
    for (let y = x + 1; y < articles.length; y++) {
      if (languageOf.get(articles[x]) === languageOf.get(articles[y])) continue;
      const nA = byArticle.get(articles[x])!.length;
      const nB = byArticle.get(articles[y])!.length;
      const small = Math.min(nA, nB);
      if (small < MIN_STATEMENTS || small / Math.max(nA, nB) < COUNT_RATIO) continue;
      const shared = sharedAnchors(articles[x], articles[y]);
      if (shared >= 1) candidates.push({ x, y, shared });
    }
  }
  candidates.sort((p, q) => q.shared - p.shared || p.x - q.x || p.y - q.y);
  let cells = 0;
  for (const { x, y } of candidates) {
    const inA = byArticle.get(articles[x])!;
    const inB = byArticle.get(articles[y])!;
    // A pair too large for what is left of the budget is passed over; smaller ones may still fit.
    if (cells + inA.length * inB.length > MAX_CELLS) continue;
    cells += inA.length * inB.length;
    const beads = alignByLength(inA.map((k) => statements[k].text.length), inB.map((k) => statements[k].text.length));
    const ones = beads.filter((b) => b.a.length === 1 && b.b.length === 1).map((b) => ({ i: inA[b.a[0]], j: inB[b.b[0]] }));
    const share = ones.length / Math.max(inA.length, inB.length);
    if (share < ONE_TO_ONE) continue;
    const confirmed = ones.map((p) => shares(p.i, p.j));
    const count = confirmed.filter(Boolean).length;
    // A bead whose numbers nest agrees (one side without numbers agrees with any); one that does not contradicts.
    const agrees = ones.map((p) => nested(numbers(anchorsOf(p.i)), numbers(anchorsOf(p.j))));
    const contradicted = agrees.filter((a) => !a).length;
    // The anchored pairs of these two articles must lie on the path: each in one bead.
    const beadOf = new Map<number, number>();
    beads.forEach((b, k) => {
      for (const q of b.a) beadOf.set(inA[q], k);
      for (const q of b.b) beadOf.set(inB[q], k);
    });
    const inX = new Set(inA);
    const inY = new Set(inB);
    const theirs = anchored.filter((p) => (inX.has(p.i) && inY.has(p.j)) || (inX.has(p.j) && inY.has(p.i)));
    const off = theirs.filter((p) => beadOf.get(p.i) !== beadOf.get(p.j));
    const byAnchors = count >= MIN_CONFIRMED && contradicted <= CONTRADICTED * count && !(off.length > 0 && off.length * 4 > theirs.length);
    // Fewer anchors: the lengths must then say it alone, every anchor agreeing.
    const byLengths = !byAnchors && count >= 1 && contradicted === 0 && off.length === 0 && share >= LENGTH_SHARE &&
      ones.length >= LENGTH_BEADS && lengthCorrelation(ones.map((p) => statements[p.i].text.length), ones.map((p) => statements[p.j].text.length)) >= LENGTH_CORRELATION;
    if (!byAnchors && !byLengths) continue;
    const clean = contradicted === 0 && off.length === 0 && share >= CLEAN_SHARE;
    offPath.push(...off);
    ones.forEach((p, k) => {
      if (!agrees[k]) return;
      // Pairs of articles told apart by their lengths alone are tentative, every one of them; in a
      // clean translation (no number contradicted, no anchored pair off the path, nearly every
      // statement one to one), every pair is firm.
      const firm = byAnchors && (clean || confirmed[k] || (confirmedIn(confirmed, k - 2, k - 1) && confirmedIn(confirmed, k + 1, k + 2)));
      pairs.push({ i: Math.min(p.i, p.j), j: Math.max(p.i, p.j), firm });
    });
  }
  return { pairs, offPath };
}

/** Whether a one-to-one bead from `from` to `to` (both included, clipped to the beads) shares an anchor. */
function confirmedIn(confirmed: boolean[], from: number, to: number): boolean {
  for (let m = Math.max(0, from); m <= Math.min(confirmed.length - 1, to); m++) if (confirmed[m]) return true;
  return false;
}

/** A bead of the alignment: places of A's statements and of B's. */
interface Bead {
  a: number[];
  b: number[];
}

/**
 * The likeliest alignment of two texts by their sentences' lengths (Gale and Church): dynamic
 * programming over beads, each costing −log of its prior times the chance of its length ratio
 * under a normal law, the ratio expected being the two texts' (a Chinese sentence is shorter in
 * characters than its English).
 */
export function alignByLength(la: readonly number[], lb: readonly number[]): Bead[] {
  const ratio = sum(lb) / Math.max(1, sum(la));
  const n = la.length;
  const m = lb.length;
  // Lengths summed from the start, so that a bead's length is one subtraction.
  const sa = new Float64Array(n + 1);
  const sb = new Float64Array(m + 1);
  for (let i = 0; i < n; i++) sa[i + 1] = sa[i] + la[i];
  for (let j = 0; j < m; j++) sb[j + 1] = sb[j] + lb[j];
  const cost = new Float64Array((n + 1) * (m + 1)).fill(Infinity);
  const from = new Int8Array((n + 1) * (m + 1)).fill(-1);
  cost[0] = 0;
  for (let i = 0; i <= n; i++) {
    for (let j = 0; j <= m; j++) {
      const here = cost[i * (m + 1) + j];
      if (here === Infinity) continue;
      for (let kind = 0; kind < BEADS.length; kind++) {
        const [da, db, prior] = BEADS[kind];
        if (i + da > n || j + db > m) continue;
        const c = here + beadCost(sa[i + da] - sa[i], sb[j + db] - sb[j], ratio, prior);
        const at = (i + da) * (m + 1) + j + db;
        if (c < cost[at]) {
          cost[at] = c;
          from[at] = kind;
        }
      }
    }
  }
  const beads: Bead[] = [];
  for (let i = n, j = m; i > 0 || j > 0; ) {
    const [da, db] = BEADS[from[i * (m + 1) + j]];
    beads.push({ a: range(i - da, i), b: range(j - db, j) });
    i -= da;
    j -= db;
  }
  return beads.reverse();
}

/** −log(prior × chance of lengths a and b in one bead, the expected ratio being `ratio`). */
function beadCost(a: number, b: number, ratio: number, prior: number): number {
  const mean = (a + b / ratio) / 2;
  const delta = mean > 0 ? (b - a * ratio) / Math.sqrt(VARIANCE * mean * ratio) : 0;
  // Two-tailed chance of a deviation at least |delta| under a standard normal law.
  const chance = Math.max(1e-12, 2 * (1 - normalCdf(Math.abs(delta))));
  return -Math.log(prior) - Math.log(chance);
}

/** The standard normal distribution function (Abramowitz and Stegun 26.2.17; error < 7.5e-8). */
function normalCdf(z: number): number {
  const t = 1 / (1 + 0.2316419 * z);
  const d = 0.3989422804014327 * Math.exp((-z * z) / 2);
  const tail = d * t * (0.31938153 + t * (-0.356563782 + t * (1.781477937 + t * (-1.821255978 + t * 1.330274429))));
  return 1 - tail;
}

/** Pearson correlation of the logarithms of two lists of lengths. */
function lengthCorrelation(a: readonly number[], b: readonly number[]): number {
  const la = a.map(Math.log);
  const lb = b.map(Math.log);
  const ma = sum(la) / la.length;
  const mb = sum(lb) / lb.length;
  let ab = 0;
  let aa = 0;
  let bb = 0;
  for (let k = 0; k < la.length; k++) {
    ab += (la[k] - ma) * (lb[k] - mb);
    aa += (la[k] - ma) ** 2;
    bb += (lb[k] - mb) ** 2;
  }
  return aa > 0 && bb > 0 ? ab / Math.sqrt(aa * bb) : 0;
}

const sum = (xs: readonly number[]): number => xs.reduce((s, x) => s + x, 0);
const range = (from: number, to: number): number[] => Array.from({ length: to - from }, (_, k) => from + k);

function numbers(anchors: ReadonlySet<string>): Set<string> {
  const out = new Set<string>();
  for (const a of anchors) if (a[0] === 'n') out.add(a);
  return out;
}

/**
 * Whether the numbers of one statement are all among the other's: a translation keeps its
 * numbers, but may spell one out ("his 63rd birthday") or leave a minor one behind.
 */
function nested(x: ReadonlySet<string>, y: ReadonlySet<string>): boolean {
  const [small, large] = x.size <= y.size ? [x, y] : [y, x];
  for (const v of small) if (!large.has(v)) return false;
  return true;
}
