/**
 * Quotations and reported speech with their speakers.
 *
 * 1. Attribution cues ("said", "according to", "told … that", "argued", a colon after a name) are
 *    found by a trained linear model over each word and its neighbourhood (`cues.ts`).
 * 2. Each cue gives its content and source by the shapes English news uses (`attribution.ts`):
 *    "Brell said that …", "“…,” he said, “…”", "…, the official said.", "According to X, …".
 * 3. Quotations in marks that no cue has claimed yet (`marks.ts`) look for the cue next to them,
 *    else take the speaker of the quotation beside them in the paragraph.
 * 4. Speakers are resolved to names (`speaker.ts`): the name in the span, the person a pronoun or a
 *    titled role points to, or the description when the source is anonymous.
 *
 * Offsets follow the PolNeAR conventions: a direct quotation keeps its marks; the content of
 * indirect speech starts at "that" when there is one.
 *
 * @module
 */
import type { EntitySpan, QuoteSpan, Span } from '../types.js';
import { attributionAt, clauseSubject, isSignatureDash, type Attribution } from './attribution.js';
import { defaultCueModel, isCandidate, SPEECH, type CueModel } from './cues.js';
import { CueScorer } from './cue-score.js';
import { findMarkedQuotes } from './marks.js';
import { findQuotesIn } from './languages.js';
import type { FoundQuote } from './found.js';
import { guessNames, SpeakerResolver, type ResolvedSource } from './speaker.js';
import { QUOTE_MARK, tokenise, type Tokenised } from './tokens.js';

export type { FoundQuote } from './found.js';

/** Options for {@link findQuotes}; the defaults are those measured on PolNeAR's dev part. */
export interface FindQuotesOptions {
  model?: CueModel | null;
  /** Cue score above which a word heads an attribution. */
  threshold?: number;
  /** Lower bar for the cue of a quotation in marks, which is surely attributed somewhere. */
  markThreshold?: number;
  /** Let an unquoted statement attributed after the fact run back over its paragraph (default true). */
  extendBack?: boolean;
  /** A cue inside a quotation of at least this many words is the quotation's own (default 2). */
  minNestedWords?: number;
  /** Also report attributions inside quotations (PolNeAR annotates them). */
  nested?: boolean;
  /**
   * The text's language (ISO 639-1). English, or unknown, is read by the trained model; other
   * languages by their own words of saying (`languages.ts`), and not at all where the project has none.
   */
  language?: string | null;
}

const DEFAULTS = { threshold: -2.5, markThreshold: -8 };

interface Candidate extends Attribution { score: number; head: number }

const overlap = (a: Span, b: Span) => Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));

// Constants, not literals in the loop: a literal makes a new object each time it is reached.
const CONTRACTION = /['’]/;
const STATES = /^(?:expressed|voiced|stated|shared|reiterated|repeated|made)$/;
const DETERMINER = /^(?:the|his|her|their|its)$/;
const STANCE = /^(?:view|opinion|hope|belief|confidence|concern|position|point|clear)$/;
const SPEAKING_AS = /^(?:on|anonymously|privately)$/;
const SAYING = /^(?:said|says|told|according|added|wrote|stated|noted|argued|explained|insisted|warned|asked|claimed|announced)$/;

/** Scores of every token as a cue head (−∞ for tokens that cannot head one). */
function cueScores(tk: Tokenised, model: CueModel | null): number[] {
  const scorer = model ? new CueScorer(tk, model) : null;
  return tk.tokens.map((t, i) => {
    if (isSignatureDash(tk.tokens, i)) return 10;
    // A transcript line: "PENCE: Well, look, …", "Brell: …" at the start of a paragraph.
    if (t.text === ':' && isSpeakerLabel(tk, i)) return 10;
    // A contraction ("doesn’t", "won't") is an auxiliary, never the verb of saying.
    if (!isCandidate(t) || CONTRACTION.test(t.text)) return -Infinity;
    // "expressed the view that", "voiced the hope that": a statement of the subject's.
    if (STATES.test(t.lower) && DETERMINER.test(tk.tokens[i + 1]?.lower ?? '') && STANCE.test(tk.tokens[i + 2]?.lower ?? '') && tk.tokens[i + 3]?.lower === 'that') return 5;
    // "speaking on condition of anonymity" describes a source; it is not a statement.
    if (t.lower === 'speaking' && SPEAKING_AS.test(tk.tokens[i + 1]?.lower ?? '')) return -Infinity;
    if (!scorer) return SAYING.test(t.lower) ? 1 : -Infinity;
    return scorer.score(i);
  });
}

export function findQuotes(text: string, entities?: EntitySpan[], options: FindQuotesOptions = {}): FoundQuote[] {
  if (options.language && options.language !== 'en' && options.language !== 'und') return findQuotesIn(options.language, text, entities);
  const model = options.model === undefined ? defaultCueModel() : options.model;
  const threshold = options.threshold ?? DEFAULTS.threshold;
  const markThreshold = options.markThreshold ?? DEFAULTS.markThreshold;
  const tk = tokenise(text);
  const scores = cueScores(tk, model);

  const found: Candidate[] = [];
  const add = (c: Candidate) => {
    // Two cues of one statement ("said … adding") give one content: keep the stronger cue.
    const same = found.findIndex((f) => overlap(f.content, c.content) >= 0.8 * Math.max(f.content.end - f.content.start, c.content.end - c.content.start));
    if (same < 0) { found.push(c); return; }
    const f = found[same];
    // "Brell expressed the view that all allies agree that …": the outer cue, whose content holds
    // the inner one's, is the attribution; otherwise the stronger cue.
    // A quotation claimed by the cue next to it ("footage of Clinton asking, “…”") stays hers.
    const quotation = (x: Candidate) => /^["“„«]/.test(text.slice(x.content.start)) && /["”»]$/.test(text.slice(0, x.content.end));
    const outer = (a: Candidate, b: Candidate) => a.cue.end <= b.cue.start && a.content.start <= b.cue.start && a.content.end >= b.content.end && !quotation(b);
    if (outer(c, f) || (!outer(f, c) && f.score < c.score)) found[same] = c;
  };
  const marks = findMarkedQuotes(text);
  // A cue inside a quotation is the quoted speaker's own reporting ("“…the allies agreed that…,” he
  // recalled"): it belongs to the quotation, which is attributed as a whole.
  const minWordsAround = options.minNestedWords ?? 2;
  const insideQuotation = (i: number) => options.nested !== true && marks.some((m) => m.contentStart <= tk.tokens[i].start && tk.tokens[i].end <= m.contentEnd && text.slice(m.contentStart, m.contentEnd).split(/\s+/).length >= minWordsAround);
  scores.forEach((s, i) => {
    // Rule cues (a signature dash, a transcript label) hold even where marks are unbalanced.
    if (s <= threshold || (s < 10 && insideQuotation(i))) return;
    const a = attributionAt(tk, i);
    if (a) add({ ...a, score: s, head: i });
  });

  // Quotations no cue has claimed: the best cue near them, else the speaker beside them.
  const orphans: Span[] = [];
  for (const m of marks) {
    const inner = text.slice(m.contentStart, m.contentEnd);
    const words = inner.split(/\s+/).filter(Boolean);
    if (words.length < 3) continue;
    // A title in marks ("Fox News Sunday", “Contract with America”) names a work, not a statement.
    const capitalised = words.filter((w) => /^[\p{Lu}\d]/u.test(w)).length;
    if (words.length <= 7 && capitalised >= Math.max(2, words.length - 1) && !/[.!?]["”]?$/.test(inner.replace(/[,]$/, ''))) continue;
    const span = { start: m.start, end: m.end };
    if (found.some((f) => overlap(f.content, span) >= 0.5 * (span.end - span.start))) continue;
    const first = tokenAfter(tk, m.start);
    const last = tokenStartingFrom(tk, m.end);
    const sFirst = tk.sentences[tk.tokens[first]?.sentence ?? 0];
    const sLast = tk.sentences[tk.tokens[last < 0 ? tk.tokens.length - 1 : Math.max(0, last - 1)]?.sentence ?? 0];
    let best = -1;
    let bestBonus = 0;
    // “… pensions.” The plan …: after a full stop inside the marks a new sentence begins, and its
    // words are not this quotation's cue (“…?” he asked is).
    const closed = /\.\s*$/.test(inner) && /^\s+\p{Lu}/u.test(text.slice(m.end, m.end + 3));
    for (let i = sFirst.first; i < (tk.sentences[tk.tokens[Math.max(0, (last < 0 ? tk.tokens.length : last) - 1)]?.sentence ?? 0]?.last ?? sLast.last); i++) {
      if (tk.tokens[i].start >= m.start && tk.tokens[i].end <= m.end) continue;
      if (closed && tk.tokens[i].start >= m.end) break;
      // The cue right after the closing mark (“…,” he pointed out) is the quotation's own.
      const bonus = tk.tokens[i].start >= m.end && tk.tokens[i].start - m.end < 20 ? 20 : 0;
      // "“…,” he pointed out": a verb right after the quotation's source is its cue, whatever its score.
      const adjacentVerb = bonus > 0 && /^\p{Ll}+(?:ed|s)$/u.test(tk.tokens[i].text) && /^(?:he|she|they|we|I|\p{Lu}[\p{L}'’-]*)$/u.test(tk.tokens[i - 1]?.text ?? '') && /[”"»,]/.test(tk.tokens[i - 2]?.text ?? '');
      const sc = adjacentVerb ? Math.max(scores[i], markThreshold + 0.1) : scores[i];
      if (sc > markThreshold && (best < 0 || sc + bonus > scores[best] + bestBonus)) { best = i; bestBonus = bonus; }
    }
    const a = best >= 0 ? attributionAt(tk, best) : null;
    if (a && overlap(a.content, span) >= 0.5 * (span.end - span.start)) add({ ...a, score: scores[best], head: best });
    else if (a && overlap(a.content, span) > 0) add({ ...a, content: { start: Math.min(a.content.start, span.start), end: Math.max(a.content.end, span.end) }, score: scores[best], head: best });
    else orphans.push(span);
  }
  for (const span of orphans) {
    // A quotation inside a sentence with no cue ("Japan branded North Korea an “outlaw nation”"):
    // the words are those of the sentence's subject.
    const at = tokenStartingFrom(tk, span.start);
    const sent = at >= 0 ? tk.sentences[tk.tokens[at].sentence] : null;
    // (Unless the paragraph already reports someone: then the sentence may go on with their words.)
    const reportedBefore = sent && found.some((f) => f.source && f.content.end <= span.start && blockOf(tk, f.content.start) === sent.block);
    if (sent && at - sent.first >= 3 && !reportedBefore) {
      const subject = clauseSubject(tk, sent.first, at);
      if (subject && /^\p{Lu}/u.test(text.slice(subject.start)) && !QUOTE_MARK.test(text.slice(subject.start, subject.end))) {
        add({ cue: { start: span.start, end: span.start }, content: span, source: subject, score: markThreshold, head: -1 });
        continue;
      }
    }
    // The speaker of the nearest attribution in the same paragraph.
    const block = tk.sentences[tk.tokens[tokenAfter(tk, span.start)]?.sentence ?? 0]?.block;
    const same = found.filter((f) => f.source && blockOf(tk, f.content.start) === block);
    let near: Candidate | undefined = same.sort((x, y) => Math.abs(x.content.start - span.start) - Math.abs(y.content.start - span.start))[0];
    // A paragraph that is all quotation continues the speaker of the paragraph before it.
    if (!near && text.slice(0, span.start).match(/(?:^|\n)\s*$/)) near = found.filter((f) => f.source && f.content.end <= span.start && blockOf(tk, f.content.start) === block - 1).pop();
    // Else the speaker quoted last before it, close by.
    if (!near) near = found.filter((f) => f.source && f.content.end <= span.start && blockOf(tk, f.content.start) >= block - 2).pop();
    add({ cue: { start: span.start, end: span.start }, content: span, source: near?.source ?? null, score: markThreshold, head: -1 });
  }

  yieldQuotations(text, found);
  if (options.extendBack !== false) extendStatementsBack(tk, found);
  found.sort((a, b) => a.content.start - b.content.start);
  const quoted = marks.map((m) => ({ start: m.contentStart, end: m.contentEnd }));
  const resolver = new SpeakerResolver(text, entities ?? guessNames(text), { tk, quoted });
  // Sources in text order: a source after its content ("“…,” he said") is resolved after the
  // sources that stand before it.
  const earlier: ResolvedSource[] = [];
  const names = new Map<Candidate, string>();
  for (const f of [...found].filter((x) => x.source).sort((a, b) => a.source!.start - b.source!.start)) {
    const name = resolver.resolve(f.source!, earlier);
    names.set(f, name);
    earlier.push({ start: f.source!.start, end: f.source!.end, name });
  }
  const out: FoundQuote[] = [];
  for (const f of found) {
    const body = text.slice(f.content.start, f.content.end);
    let speaker: FoundQuote['speaker'] = null;
    if (f.source) speaker = { start: f.source.start, end: f.source.end, text: text.slice(f.source.start, f.source.end), name: names.get(f)! };
    out.push({
      start: f.content.start, end: f.content.end, text: body, direct: QUOTE_MARK.test(body), speaker,
      cue: f.cue.end > f.cue.start ? { ...f.cue, text: text.slice(f.cue.start, f.cue.end) } : null,
    });
  }
  return out;
}

/**
 * "The ad uses footage of Clinton asking, “Why …?”": a quotation with its own cue and source
 * inside another attribution's content is the inner speaker's; the outer content ends where the
 * inner source begins (and goes when nothing is left of it).
 */
function yieldQuotations(text: string, found: Candidate[]): void {
  const isQuotation = (c: Candidate) => (/^["“„«]/.test(text.slice(c.content.start)) && /["”»]$/.test(text.slice(0, c.content.end)))
    // A paraphrase holding a quotation, after a verb of saying ("Trump saying during the debate, “…”").
    || (SPEECH.test(text.slice(c.cue.start, c.cue.end).toLowerCase()) && /["“„«][^"“”„«»]{12,}["”»]/.test(text.slice(c.content.start, c.content.end)));
  for (const inner of found) {
    if (inner.head < 0 || !inner.source || !isQuotation(inner)) continue;
    const innerStart = Math.min(inner.source.start, inner.cue.start, inner.content.start);
    for (let i = found.length - 1; i >= 0; i--) {
      const outer = found[i];
      if (outer === inner || outer.content.start >= innerStart || outer.content.end < inner.content.end) continue;
      if (outer.cue.start >= innerStart) continue;
      const end = text.slice(outer.content.start, innerStart).replace(/[\s,;:—–-]+$/u, '').length + outer.content.start;
      if (text.slice(outer.content.start, end).split(/\s+/).filter((w) => /\p{L}/u.test(w)).length < 2) found.splice(i, 1);
      else outer.content = { start: outer.content.start, end };
    }
  }
}

/**
 * "Reaching consensus will take weeks. It won't happen tomorrow, the official said." An unquoted
 * statement attributed after the fact runs back over the sentences of its paragraph before it,
 * up to one that has a strong cue of its own or a quotation. Weak attributions inside the
 * statement ("Russian aggression shows no signs …") are folded into it.
 */
function extendStatementsBack(tk: Tokenised, found: Candidate[]): void {
  const { tokens, sentences, text } = tk;
  const STRONG = 2;
  for (const f of [...found]) {
    if (f.head < 0 || f.cue.start < f.content.end || QUOTE_MARK.test(text.slice(f.content.start, f.content.end))) continue;
    const sIdx = tokens[f.head].sentence;
    if (sentences[sIdx].start !== f.content.start) continue;
    let from = sIdx;
    while (from > 0 && sentences[from - 1].block === sentences[sIdx].block) {
      const prev = sentences[from - 1];
      if (QUOTE_MARK.test(text.slice(prev.start, prev.end))) break;
      if (found.some((o) => o !== f && o.head >= 0 && o.score > STRONG && tokens[o.head].sentence === from - 1)) break;
      from--;
    }
    if (from === sIdx) continue;
    f.content = { start: sentences[from].start, end: f.content.end };
    for (let i = found.length - 1; i >= 0; i--) {
      const o = found[i];
      if (o !== f && o.content.start >= f.content.start && o.content.end <= f.content.end) found.splice(i, 1);
    }
  }
}

/** Is the colon at token `i` the end of a speaker's label opening its paragraph ("WALLACE:", "Tomas Brell:")? */
function isSpeakerLabel(tk: Tokenised, i: number): boolean {
  const { tokens, sentences } = tk;
  const s = sentences[tokens[i].sentence];
  if (s.first === i || (s.first > 0 && sentences[tokens[s.first - 1].sentence].block === s.block)) return false;
  const label = tokens.slice(s.first, i).filter((t) => !QUOTE_MARK.test(t.text));
  return label.length <= 4 && label.every((t) => /^\p{Lu}/u.test(t.text) || t.text === '.') && (label.some((t) => /^\p{Lu}{2,}$/u.test(t.text)) || i + 1 < s.last);
}

function blockOf(tk: Tokenised, offset: number): number {
  const t = tk.tokens[tokenAfter(tk, offset)];
  return t ? tk.sentences[t.sentence].block : -1;
}

/** Index of the first token that ends after `offset` (−1 if none), by binary search. */
function tokenAfter(tk: Tokenised, offset: number): number {
  let lo = 0;
  let hi = tk.tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tk.tokens[mid].end > offset) hi = mid;
    else lo = mid + 1;
  }
  return lo < tk.tokens.length ? lo : -1;
}

/** Index of the first token that starts at or after `offset` (−1 if none), by binary search. */
function tokenStartingFrom(tk: Tokenised, offset: number): number {
  let lo = 0;
  let hi = tk.tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tk.tokens[mid].start >= offset) hi = mid;
    else lo = mid + 1;
  }
  return lo < tk.tokens.length ? lo : -1;
}
