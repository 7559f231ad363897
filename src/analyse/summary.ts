/**
 * A neutral summary of the story, every sentence citing the articles that carry it.
 *
 * The claims carried by the most independent outlets are taken first. Each is said by one of its
 * own sentences, the one that reads best on its own: a whole sentence rather than a clause, not a
 * quotation in the first person, free of the wording only one outlet uses (see wording.ts) when
 * another outlet says the same thing without it, and not leaning on the sentence before it. The
 * sentence is used as its article wrote it, with two edits that add no word its article lacks: a
 * leading connective ("However,", "Meanwhile,") is dropped, and a leading "He"/"She" becomes the
 * name of the person the article last named. So no summary sentence says what its cited articles
 * do not. A preview (an article published before the others, saying what will or may happen) is
 * neither the sentence chosen for what happened nor cited for it, and an article whose version
 * gives other figures is not cited either. Claims only one outlet carries are marked `exclusive`. Length grows with the story:
 * 3 sentences for 2 articles, up to 10 for 50, and every firm claim a majority of outlets carry
 * has a sentence (up to 10).
 *
 * @module
 */
import type { Article, StoryClaim, StorySummarySentence } from '../types.js';
import type { StoryContext } from './context.js';
import { independentArticles } from './claims.js';
import { distinctivePhrases } from './wording.js';
import { figures } from './disagreements.js';
import { TermWeights, phraseRuns, textStems, weightedOverlap } from './similarity/text.js';

/** How many sentences a story of `articles` articles gets. */
export function summaryLength(articles: number): number {
  if (articles <= 2) return 3;
  return Math.max(3, Math.min(MAX_SENTENCES, Math.round(3 + (7 * Math.log(articles / 2)) / Math.log(25))));
}

/** The longest summary, in sentences. */
const MAX_SENTENCES = 10;

/** Overlap above which a candidate repeats a sentence already chosen. */
const REPEAT_OVERLAP = 0.45;

const CONNECTIVE = /^(?:However|Meanwhile|Nevertheless|Moreover|Also|Still|Instead|Earlier|Furthermore|In addition|On the other hand|At the same time|Besides|Yet|But|And|So),?\s+/;
const LEANS_BACK = /^(?:This|These|That|Those|It|They|Such|Then|His|Her|Their|Its)\b|\b(?:this|these|that|such) (?:statement|remarks?|report|move|step|decision|comment|argument|claim|charge|accusation|criticism|proposal|idea|view|position)s?\b/;
const FIRST_PERSON = /\b(?:I|we|We|our|Our|us|my|My|me)\b/;
const RELATIVE_TIME = /\b(?:the day before|the previous day|yesterday|today|tomorrow|last week|this week|next week)\b/i;

interface Candidate {
  text: string;
  score: number;
  /** The article whose sentence it is. */
  article?: string;
}

export function summarise(ctx: StoryContext, claims: StoryClaim[]): StorySummarySentence[] {
  const want = summaryLength(ctx.articles.length);
  const byId = new Map(ctx.articles.map((a) => [a.id, a]));
  const total = independentArticles(ctx, ctx.articles.map((a) => a.id)).size;
  const loaded = loadedPhrases(ctx);

  // Most outlets first; among claims as widely carried, the ones the articles tell earliest (news
  // puts what matters most at the top).
  const position = (claim: StoryClaim) => {
    let sum = 0;
    for (const s of claim.sentences) {
      const a = byId.get(s.article);
      const at = a ? a.text.indexOf(s.text) : -1;
      sum += a && at >= 0 ? at / Math.max(1, a.text.length) : 0.5;
    }
    return sum / Math.max(1, claim.sentences.length);
  };
  const ranked = claims
    .map((claim) => ({ claim, position: position(claim), outlets: independentArticles(ctx, claim.articles).size }))
    // Among claims as widely carried, a firm one before a tentative one (a loose pairing).
    .sort((a, b) => b.outlets - a.outlets || Number(!!a.claim.tentative) - Number(!!b.claim.tentative) || a.position - b.position);
  const weights = new TermWeights();
  for (const c of claims) for (const s of c.sentences) weights.add(textStems(s.text));

  // What most outlets report is the story: every firm claim a majority of the outlets carry has
  // its place, past the length the story's size gives, up to the longest summary.
  const majority = ranked.filter((r) => total > 2 && !r.claim.tentative && r.outlets * 2 > total).length;
  const length = Math.max(want, Math.min(MAX_SENTENCES, majority));
  const chosen: { sentence: StorySummarySentence; terms: Set<string> }[] = [];
  for (const { claim, outlets } of ranked) {
    if (chosen.length >= length) break;
    // Claims one outlet alone carries come after the shared ones (the ranking sees to that) and
    // fill at most about half the summary; a story told by one outlet is all its own.
    if (outlets < 2 && total > 1 && chosen.length >= Math.ceil(want / 2) + 1) continue;
    const best = realise(ctx, claim, byId, loaded, weights);
    if (!best || best.score < -2) continue;
    const terms = new Set(textStems(best.text));
    if (chosen.some((c) => weightedOverlap(c.terms, terms, weights) > REPEAT_OVERLAP)) continue;
    const cited = carriers(claim, best, byId);
    const citedOutlets = independentArticles(ctx, cited).size;
    chosen.push({
      sentence: { text: best.text, articles: cited, ...(citedOutlets < 2 && total > 1 ? { exclusive: true } : {}) },
      terms,
    });
  }
  return chosen.map((c) => c.sentence);
}

/** What an article says will or may happen, not what happened. */
const FORECAST = /\b(?:will|would|could|may|might|likely|expected to|plans? to|planned to|set to|is to|are to|poised to)\b/i;

/**
 * The articles that carry what the summary sentence says: an article whose version of the claim
 * gives other figures does not, nor a preview — an article published on an earlier day that
 * says the thing will or may happen — of a sentence that says it happened.
 */
function carriers(claim: StoryClaim, best: Candidate, byId: Map<string, Article>): string[] {
  const mine = figures(best.text).join(' ');
  const day = (id: string) => byId.get(id)?.published?.slice(0, 10) ?? '';
  const told = best.article ? day(best.article) : '';
  const forecast = FORECAST.test(best.text);
  return [...new Set(claim.sentences.filter((s) => {
    const theirs = figures(s.text);
    if (theirs.length && mine && theirs.join(' ') !== mine) return false;
    // A sentence giving no figure does not carry one that gives it ("3,000 homes destroyed" is not
    // in "the homes destroyed").
    if (mine && !theirs.length && s.article !== best.article) return false;
    if (!forecast && told && day(s.article) && day(s.article) < told && FORECAST.test(s.text)) return false;
    return true;
  }).map((s) => s.article))];
}

/** Phrases one outlet alone uses (folded), to be avoided where another outlet says it plainly. */
function loadedPhrases(ctx: StoryContext): Set<string> {
  const out = new Set<string>();
  for (const list of distinctivePhrases(ctx).values()) for (const p of list) if (p.phrase.includes(' ') || p.z >= 3) out.add(p.phrase);
  return out;
}

/** The best way to say a claim: one of its sentences, lightly edited, with a score. */
function realise(ctx: StoryContext, claim: StoryClaim, byId: Map<string, Article>, loaded: Set<string>, weights: TermWeights): Candidate | null {
  let best: Candidate | null = null;
  const day = (id: string) => byId.get(id)?.published?.slice(0, 10) ?? '';
  // A sentence far from the claim's others may have joined it loosely: prefer the central ones.
  const terms = claim.sentences.map((s) => new Set(textStems(s.text)));
  const centrality = terms.map((t, i) => (terms.length < 2 ? 1 : terms.reduce((acc, o, j) => acc + (i === j ? 0 : weightedOverlap(t, o, weights)), 0) / (terms.length - 1)));
  for (const [k, s] of claim.sentences.entries()) {
    const a = byId.get(s.article);
    if (!a) continue;
    const at = a.text.indexOf(s.text);
    const whole = at >= 0 ? (ctx.sentences.get(a.id) ?? []).find((x) => x.start <= at && x.end >= at + s.text.length) : undefined;
    let text: string | null;
    if (whole && whole.text.trim() !== s.text.trim()) {
      // A clause of a longer sentence ("…, adding that the alliance is working…") is said as the
      // clause alone, after the name of the person the sentence reports.
      const who = lastPersonBefore(ctx, a, at);
      const clause = s.text.replace(/^\p{Ll}/u, (c) => c.toUpperCase());
      // An item of a list ("…; ordered the agency to review …; …") is said alone, with the full
      // stop it lacks: the person named last before a list is often not who acts in it.
      if (/[.!?"”’»)]$/.test(clause)) text = who ? `${who}: ${clause}` : clause;
      else text = /^\p{Ll}/u.test(s.text) && clause.split(/\s+/).length >= 5 ? `${clause}.` : null;
    } else text = standAlone(ctx, a, whole ? whole.text : s.text, whole?.start ?? at);
    if (!text) continue;
    let score = 4 * centrality[k];
    const words = text.split(/\s+/).length;
    if (words > 40) score -= (words - 40) / 10;
    if (words < 8) score -= 1;
    const unquoted = text.replace(/[“"«„][^”"»]*[”"»]/g, ' ');
    if (FIRST_PERSON.test(unquoted)) score -= 3;
    if (/^[“"«„‘]/.test(text)) score -= 1.5;
    // A sentence leaning on the one before ("The union rejects that view") cannot stand
    // alone in a summary.
    if (LEANS_BACK.test(text)) continue;
    if (RELATIVE_TIME.test(text)) score -= 0.5;
    // A preview (what will or may happen, told before a later article reports it) does not say
    // what happened: another article's report of the event is preferred.
    if (FORECAST.test(text) && claim.sentences.some((o) => day(o.article) > day(s.article))) score -= 3;
    // Wording only one outlet uses, where the claim has other outlets' sentences to choose from.
    if (claim.sentences.length > 1) {
      const phrases = phraseRuns(text).flatMap((run) => run.map((_, i) => [run[i], run.slice(i, i + 2).join(' '), run.slice(i, i + 3).join(' ')]).flat());
      score -= phrases.filter((p) => loaded.has(p)).length;
    }
    if (!best || score > best.score) best = { text, score, article: s.article };
  }
  return best;
}

/**
 * A sentence made to stand on its own without adding words its article lacks: a leading
 * connective dropped, a leading "He"/"She" replaced by the person the article last named.
 */
function standAlone(ctx: StoryContext, a: Article, sentence: string, start: number): string | null {
  let text = sentence.trim();
  if (!/[.!?"”’»)]$/.test(text)) {
    // An item of a list ("ordering the agency to review …", after "The measures include:") is
    // said alone, with the full stop it lacks.
    if (!/^\p{Ll}/u.test(text) || text.split(/\s+/).length < 5) return null;
    return `${text.replace(/^\p{Ll}/u, (c) => c.toUpperCase())}.`;
  }
  // A quotation opened and not closed in the sentence goes on in the next: a fragment.
  if (/^["“«„]/.test(text) && !/["”»“]/.test(text.slice(1))) return null;
  const connective = CONNECTIVE.exec(text);
  if (connective) text = text.slice(connective[0].length).replace(/^\p{Ll}/u, (c) => c.toUpperCase());
  const pronoun = /^(He|She)\s+(?!is\b|was\b)/.exec(text);
  if (pronoun) {
    const name = lastPersonBefore(ctx, a, start);
    if (!name) return null;
    text = name + text.slice(pronoun[1].length);
  }
  return text;
}

/** The person the article names last before `pos`, as the article wrote the name. */
function lastPersonBefore(ctx: StoryContext, a: Article, pos: number): string | null {
  let best: { at: number; text: string } | null = null;
  for (const e of ctx.entities) {
    if (e.kind !== 'person') continue;
    for (const m of e.mentions) {
      if (m.article !== a.id || m.start === undefined || m.start >= pos) continue;
      if (!best || m.start > best.at) best = { at: m.start, text: m.text };
    }
  }
  return best ? best.text.replace(/['’]s$/, '') : null;
}
