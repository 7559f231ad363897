/**
 * The analyse stage: one story's articles in, the story JSON out (see `Story` in ../types.ts).
 * Builds the {@link StoryContext} once — sentences, entity spans, resolved entities, quotes,
 * near-duplicates — and hands it to each section.
 *
 * @module
 */
import { centralTitle } from '../store/title.js';
import type { Article, Story, StoryArticle } from '../types.js';
import type { StoryContext } from './context.js';
import type { EntitySpan, QuoteSpan, Sentence } from '../enrich/types.js';
import { enrichText, enrichVersion, entitySpansOf, storedEnrichment } from '../enrich/index.js';
import { codeHash } from '../code-hash.js';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { resolveEntities } from './entities.js';
import { matchQuotes } from './quotes.js';
import { buildClaims, exclusivesBySource } from './claims.js';
import { findDisagreements } from './disagreements.js';
import { compareWording } from './wording.js';
import { buildTimeline } from './timeline.js';
import { summarise } from './summary.js';
import { completeDates } from './dates.js';
import { findNearDuplicates } from './duplicates.js';
import { articleSentences } from './article-text.js';
import { profileStory, type Outlet } from '../outlets/index.js';
import { SYNONYMS_FILE, SYNONYM_INDEX_FILE } from './similarity/synonyms.js';
import { BACKGROUND_FILE } from './similarity/background.js';
import { LEXICON_FILE } from './similarity/pos.js';
import { NOUN_HYPERNYMS_FILE, NOUN_SENSES_FILE } from './similarity/nouns.js';

export type { StoryContext } from './context.js';

let version: string | undefined;

/**
 * A hash of the code an analysis depends on (this stage, the outlet registry and its data, the word
 * tables it reads, and the enrich stage): a stored analysis made by other code or data is stale and
 * is made again.
 */
export function analysisVersion(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const tables = [SYNONYMS_FILE, SYNONYM_INDEX_FILE, BACKGROUND_FILE, LEXICON_FILE, NOUN_SENSES_FILE, NOUN_HYPERNYMS_FILE];
  return (version ??= codeHash([here, join(here, '..', 'outlets')], [join(here, '..', '..', 'data', 'outlets.tsv'), ...tables], [enrichVersion()]));
}

export interface AnalyseOptions {
  /** The story's id; defaults to the id of its earliest article. */
  id?: string;
  /** The user's own outlet entries, laid over the starter registry. */
  userOutlets?: Outlet[];
}

export function buildContext(input: Article[]): StoryContext {
  const articles = completeDates(input);
  const sentences = new Map<string, Sentence[]>();
  const entitySpans = new Map<string, EntitySpan[]>();
  const quoteSpans = new Map<string, QuoteSpan[]>();
  for (const a of articles) {
    // Split once per text (see article-text.ts): a story analysed again reuses its articles’ sentences.
    sentences.set(a.id, articleSentences(a));
    // An enrichment stored with the article is used as it is; otherwise it is worked out here
    // (and not kept: the pipeline stores enrichments, this function has no side effects).
    const e = storedEnrichment(a) ?? enrichText(a.text, a.language);
    entitySpans.set(a.id, entitySpansOf(e, a.text));
    quoteSpans.set(a.id, e.quotes);
  }
  const entities = resolveEntities(articles, entitySpans);
  const quotes = matchQuotes(articles, quoteSpans, entities, sentences);
  return { articles, sentences, entitySpans, entities, quotes, duplicateOf: findNearDuplicates(articles) };
}

export function analyseStory(input: Article[], options: AnalyseOptions = {}): Story {
  const ctx = buildContext(input);
  const articles = ctx.articles;
  const profiled = profileStory(articles, buildClaims(ctx), options.userOutlets);
  // The registry's name for a profiled outlet; otherwise the article's own (or none).
  const outletOf = new Map(profiled.outlets.filter((o) => o.profiled).map((o) => [o.article, o.outlet]));
  const claims = profiled.claims;
  return {
    id: options.id ?? articles[0]?.id ?? 'empty',
    title: storyTitle(articles),
    // Read when the story is stored, sent or printed as JSON: hashing the code and models it
    // depends on reads some 13 MB, a tenth of a one-story `parallax analyse`, which prints text.
    get version() {
      return analysisVersion();
    },
    articles: articles.map((a) => toStoryArticle(a, outletOf.get(a.id) ?? a.source)),
    entities: ctx.entities,
    quotes: ctx.quotes,
    claims,
    wording: compareWording(ctx, claims),
    timeline: buildTimeline(ctx, claims),
    summary: summarise(ctx, claims),
    exclusives: exclusivesBySource(ctx, claims),
    disagreements: findDisagreements(ctx, claims),
    outlets: profiled.outlets,
    coverage: profiled.coverage,
  };
}

function toStoryArticle(a: Article, source: string | null): StoryArticle {
  return { id: a.id, source, url: a.url, title: a.title, byline: a.byline, published: a.published, dateline: a.dateline, language: a.language, text: a.text };
}

/**
 * The headline that best stands for the story: the one sharing the most words with the
 * other articles' headlines (a centroid), so one outlet's idiosyncratic title is not chosen.
 */
/** The story's title, by the rule the store's lists use (`centralTitle`), its articles taken in publication order. */
function storyTitle(articles: Article[]): string {
  const cmp = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
  const ordered = [...articles].sort((a, b) => (a.published === null ? 1 : 0) - (b.published === null ? 1 : 0) || cmp(a.published ?? '', b.published ?? '') || cmp(a.id, b.id));
  return centralTitle(ordered.flatMap((a) => (a.title ? [a.title] : []))) ?? articles[0]?.text.split(/(?<=[.!?])\s/)[0]?.slice(0, 120) ?? '(untitled)';
}
