/**
 * Quotations and reported speech with their speakers.
 *
 * 1. Attribution cues ("said", "according to", "told … that", "argued", a colon after a name) are
 *    found by a trained linear model over each word and its neighbourhood (`cues.ts`).
 * 2. Each cue gives its content and source by the shapes English news uses (`attribution.ts`):
 *    "Rutte said that …", "“…,” he said, “…”", "…, the official said.", "According to X, …".
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
import { attributionAt, isSignatureDash, type Attribution } from './attribution.js';
import { CUE_MODEL } from './cue-weights.js';
import { cueFeatures, isCandidate, scoreToken, type CueModel } from './cues.js';
import { findMarkedQuotes } from './marks.js';
import { guessNames, SpeakerResolver } from './speaker.js';
import { QUOTE_MARK, tokenise, type Tokenised } from './tokens.js';

/** A quotation as found: the speaker span as written, and the name it resolves to. */
export interface FoundQuote extends QuoteSpan {
  speaker: (Span & { text: string; name: string }) | null;
}

/** Options for {@link findQuotes}; the defaults are those measured on PolNeAR's dev part. */
export interface FindQuotesOptions {
  model?: CueModel | null;
  /** Cue score above which a word heads an attribution. */
  threshold?: number;
  /** Lower bar for the cue of a quotation in marks, which is surely attributed somewhere. */
  markThreshold?: number;
}

const DEFAULTS = { threshold: -2.5, markThreshold: -8 };

interface Candidate extends Attribution { score: number; head: number }

const overlap = (a: Span, b: Span) => Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));

/** Scores of every token as a cue head (−∞ for tokens that cannot head one). */
function cueScores(tk: Tokenised, model: CueModel | null): number[] {
  const hasQuote = tk.sentences.map((s) => QUOTE_MARK.test(tk.text.slice(s.start, s.end)));
  return tk.tokens.map((t, i) => {
    if (isSignatureDash(tk.tokens, i)) return 10;
    if (!isCandidate(t)) return -Infinity;
    // "speaking on condition of anonymity" describes a source; it is not a statement.
    if (t.lower === 'speaking' && /^(?:on|anonymously|privately)$/.test(tk.tokens[i + 1]?.lower ?? '')) return -Infinity;
    if (!model) return /^(?:said|says|told|according|added|wrote|stated|noted|argued|explained|insisted|warned|asked|claimed|announced)$/.test(t.lower) ? 1 : -Infinity;
    return scoreToken(model, cueFeatures(tk, i, hasQuote[t.sentence]));
  });
}

export function findQuotes(text: string, entities?: EntitySpan[], options: FindQuotesOptions = {}): FoundQuote[] {
  const model = options.model === undefined ? CUE_MODEL : options.model;
  const threshold = options.threshold ?? DEFAULTS.threshold;
  const markThreshold = options.markThreshold ?? DEFAULTS.markThreshold;
  const tk = tokenise(text);
  const scores = cueScores(tk, model);

  const found: Candidate[] = [];
  const add = (c: Candidate) => {
    // Two cues of one statement ("said … adding") give one content: keep the stronger cue.
    const same = found.findIndex((f) => overlap(f.content, c.content) >= 0.8 * Math.max(f.content.end - f.content.start, c.content.end - c.content.start));
    if (same < 0) found.push(c);
    else if (found[same].score < c.score) found[same] = c;
  };
  scores.forEach((s, i) => {
    if (s <= threshold) return;
    const a = attributionAt(tk, i);
    if (a) add({ ...a, score: s, head: i });
  });

  // Quotations no cue has claimed: the best cue near them, else the speaker beside them.
  const orphans: Span[] = [];
  for (const m of findMarkedQuotes(text)) {
    const words = text.slice(m.contentStart, m.contentEnd).split(/\s+/).filter(Boolean).length;
    if (words < 3) continue;
    const span = { start: m.start, end: m.end };
    if (found.some((f) => overlap(f.content, span) >= 0.5 * (span.end - span.start))) continue;
    const first = tk.tokens.findIndex((t) => t.end > m.start);
    const last = tk.tokens.findIndex((t) => t.start >= m.end);
    const sFirst = tk.sentences[tk.tokens[first]?.sentence ?? 0];
    const sLast = tk.sentences[tk.tokens[last < 0 ? tk.tokens.length - 1 : Math.max(0, last - 1)]?.sentence ?? 0];
    let best = -1;
    for (let i = sFirst.first; i < (tk.sentences[tk.tokens[Math.max(0, (last < 0 ? tk.tokens.length : last) - 1)]?.sentence ?? 0]?.last ?? sLast.last); i++) {
      if (tk.tokens[i].start >= m.start && tk.tokens[i].end <= m.end) continue;
      if (scores[i] > markThreshold && (best < 0 || scores[i] > scores[best])) best = i;
    }
    const a = best >= 0 ? attributionAt(tk, best) : null;
    if (a && overlap(a.content, span) >= 0.5 * (span.end - span.start)) add({ ...a, score: scores[best], head: best });
    else orphans.push(span);
  }
  for (const span of orphans) {
    // The speaker of the nearest attribution in the same paragraph.
    const block = tk.sentences[tk.tokens[tk.tokens.findIndex((t) => t.end > span.start)]?.sentence ?? 0]?.block;
    const same = found.filter((f) => f.source && blockOf(tk, f.content.start) === block);
    const near = same.sort((x, y) => Math.abs(x.content.start - span.start) - Math.abs(y.content.start - span.start))[0];
    add({ cue: { start: span.start, end: span.start }, content: span, source: near?.source ?? null, score: markThreshold, head: -1 });
  }

  found.sort((a, b) => a.content.start - b.content.start);
  const resolver = new SpeakerResolver(text, entities ?? guessNames(text));
  let recent: { name: string; end: number } | null = null;
  const out: FoundQuote[] = [];
  for (const f of found) {
    const body = text.slice(f.content.start, f.content.end);
    let speaker: FoundQuote['speaker'] = null;
    if (f.source) {
      const name = resolver.resolve(f.source, recent);
      speaker = { start: f.source.start, end: f.source.end, text: text.slice(f.source.start, f.source.end), name };
      if (resolver.isPerson(name)) recent = { name, end: f.source.end };
    }
    out.push({
      start: f.content.start, end: f.content.end, text: body, direct: QUOTE_MARK.test(body), speaker,
      cue: f.cue.end > f.cue.start ? { ...f.cue, text: text.slice(f.cue.start, f.cue.end) } : null,
    });
  }
  return out;
}

function blockOf(tk: Tokenised, offset: number): number {
  const t = tk.tokens.find((x) => x.end > offset);
  return t ? tk.sentences[t.sentence].block : -1;
}
