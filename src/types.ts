/**
 * The data that flows through Parallax, stage by stage:
 * ingest → extract → enrich → store → cluster → analyse → present.
 *
 * One document type, {@link Article}, carries an article's data and its messages (what a stage
 * dropped or guessed, and why), in the manner of vfile: a stage records a problem as a message
 * instead of throwing, so one odd page never stops a batch.
 *
 * @module
 */

/** Something a stage noticed about an article: a guess, a removal, a fallback. */
export interface Message {
  /** The stage that said it: `ingest`, `extract`, `enrich`, … */
  stage: string;
  /** A short stable name of the rule, e.g. `chrome:link-list`, `date:from-url`. */
  rule: string;
  /** Human-readable reason. */
  reason: string;
  /** The text concerned, when there is one (e.g. the removed chrome). */
  text?: string;
  level: 'info' | 'warning' | 'error';
}

/** One block of an article body. Sub-headings stay in the body, marked as such. */
export interface Block {
  kind: 'paragraph' | 'heading' | 'list-item' | 'blockquote';
  text: string;
  /** Clean HTML of the block (links kept, everything else escaped) where the source was HTML. */
  html?: string;
}

/** What the input was, kept for audit. */
export interface RawInput {
  kind: 'text' | 'html' | 'json';
  /** File path, URL or `stdin`, for messages. */
  origin: string;
  /** The input as read; empty when `archive` names where it is kept instead. */
  content: string;
  /**
   * A record of a web archive (WARC) is not copied: the archive is immutable and is itself the
   * raw input, so the article keeps a reference to the record, as a web archive's index does.
   */
  archive?: { file: string; record: string | null; url: string };
}

/** Which source won for a metadata field, e.g. `{published: 'json-ld'}`. */
export type Provenance = Partial<Record<'title' | 'published' | 'modified' | 'byline' | 'source' | 'language' | 'dateline', string>>;

/** A cleaned news article. */
export interface Article {
  /** Stable id: the input's id, else the file name without extension, else a content hash. */
  id: string;
  /** Outlet name, e.g. `TASS`. */
  source: string | null;
  url: string | null;
  canonicalUrl?: string | null;
  title: string | null;
  /** A short label above the title ("Help is 'more important'"). */
  kicker: string | null;
  /** The standfirst under the title. */
  dek: string | null;
  byline: string | null;
  /** ISO 8601 with the precision the source gives: `2024-12-03`, `2024-12-03T14:27`, `…T14:27:00+01:00`. */
  published: string | null;
  modified?: string | null;
  /** e.g. `BRUSSELS, December 3. /TASS/.` */
  dateline: string | null;
  /** BCP 47 primary tag, e.g. `en`. */
  language: string | null;
  section?: string | null;
  image?: string | null;
  /** The body as blocks. */
  blocks: Block[];
  /** The clean body: blocks joined with blank lines. */
  text: string;
  /** SHA-256 (hex) of the raw input: re-ingesting the same input is a no-op. */
  contentHash: string;
  provenance: Provenance;
  /** Page chrome and other text removed from the body, for the article page (collapsed). */
  removed: string[];
  messages: Message[];
  raw: RawInput;
  /**
   * What the enrich stage found in the text (entities, quotations), kept with the article once
   * worked out so that a story's analysis does not redo it; absent until then.
   */
  enrichment?: Enrichment;
}

/** A JSONL article record as in the evaluation corpora; unknown fields are ignored. */
export interface ArticleRecord {
  id?: string | number;
  url?: string;
  source?: string;
  title?: string;
  published?: string;
  text?: string;
  html?: string;
}

// ---------------------------------------------------------------------------------------------
// The story JSON: a public contract (the evaluations read it). Extra fields may be added; none of
// these may change shape.

export interface StoryArticle {
  id: string;
  source: string | null;
  url: string | null;
  title: string | null;
  byline: string | null;
  published: string | null;
  dateline: string | null;
  language: string | null;
  text: string;
}

/**
 * One article's own sentence behind a row of the comparison, with its place in the article's
 * text (`text === article.text.slice(start, end)`), so that a reader checks a row in one click.
 */
export interface Evidence {
  article: string;
  text: string;
  start: number;
  end: number;
}

/**
 * What every comparison row (claim, quote, wording pair, timeline entry, disagreement) may carry
 * beside its fields: the evidence per article and a confidence in [0, 1]. A row below its
 * section's bar is kept apart (`tentative`) and never counted in coverage.
 */
export interface Evidenced {
  evidence?: Evidence[];
  confidence?: number;
  tentative?: boolean;
}

export type EntityKind = 'person' | 'organization' | 'place' | 'other';

export interface EntityMention {
  article: string;
  text: string;
  start?: number;
  end?: number;
}

export interface StoryEntity {
  name: string;
  kind: EntityKind;
  mentions: EntityMention[];
}

export interface StoryQuote extends Evidenced {
  speaker: string;
  text: string;
  direct: boolean;
  articles: string[];
  /** Each article's own rendering of the quote. */
  renderings?: { article: string; text: string }[];
}

export type Coverage = 'all' | 'most' | 'some' | 'one';

export interface StoryClaim extends Evidenced {
  text: string;
  articles: string[];
  sentences: { article: string; text: string }[];
  coverage?: Coverage;
  /** Independent sources among `articles`: copies of one wire text count once. */
  sources?: number;
  /** Articles among `articles` that reprint another one's text (wire copies, see analyse/duplicates.ts). */
  copies?: string[];
}

export interface StoryWording extends Evidenced {
  concept: string;
  variants: { text: string; articles: string[] }[];
}

export interface StoryTimelineEvent extends Evidenced {
  /** `1994`, `2023-06`, `2024-12-03`: the precision the text gives. */
  date: string;
  text: string;
  articles: string[];
}

export interface StorySummarySentence {
  text: string;
  articles: string[];
  /** Set when only one outlet carries what the sentence says. */
  exclusive?: boolean;
}

export interface StoryDisagreement extends Evidenced {
  about: string;
  versions: { text: string; articles: string[] }[];
}

export interface Story {
  id: string;
  title: string;
  /** The Parallax release that made this analysis: a stored analysis from another one is redone. */
  version?: string;
  articles: StoryArticle[];
  entities: StoryEntity[];
  quotes: StoryQuote[];
  claims: StoryClaim[];
  wording: StoryWording[];
  timeline: StoryTimelineEvent[];
  summary: StorySummarySentence[];
  /** Per outlet, the claims only it carries. */
  exclusives?: { source: string; claims: string[] }[];
  disagreements?: StoryDisagreement[];
  /** Who published each article: the outlet's profile where the registry has one. */
  outlets?: StoryOutletProfile[];
  /** Which countries, languages, ownership kinds and labels cover the story. */
  coverage?: StoryCoverage;
}

export interface StoryOutletProfile {
  article: string;
  outlet: string;
  country: string | null;
  ownership: string | null;
  owner: string | null;
  /** Where the profile's facts come from. */
  source: string | null;
  /** Agencies whose copy the article carries (a TASS dateline, a Reuters credit). */
  agencies: string[];
  labels: Record<string, string>;
  profiled: boolean;
}

export interface StoryCoverage {
  countries: Record<string, number>;
  languages: Record<string, number>;
  ownership: Record<string, number>;
  labels: Record<string, Record<string, number>>;
  outlets: number;
  blindSpots: { dimension: string; value: string; share: number; outlets: number }[];
}

// What the enrich stage finds in an article's text and stores with it, as character offsets into
// `Article.text` (the enrich stage's own types are in enrich/types.ts).

export interface Span {
  start: number;
  end: number;
}

/** CoNLL-style entity types. */
export type EntityType = 'PER' | 'ORG' | 'LOC' | 'MISC';

export interface EntitySpan extends Span {
  text: string;
  type: EntityType;
}

export interface QuoteSpan extends Span {
  /** The quoted or reported content. */
  text: string;
  /** True when the content stands inside quotation marks. */
  direct: boolean;
  /** Where the text names the source ("Brell", "he", "a senior U.S. official"), if anywhere. */
  speaker: (Span & { text: string }) | null;
  /** The speech verb or cue ("said", "according to"), if any. */
  cue?: (Span & { text: string }) | null;
}

/** What the enrich stage found in one article's text, as stored with the article. */
export interface Enrichment {
  /** The enrich version (`enrichVersion`) that made it. */
  version: string;
  /** Hash of the text it was made from (first 16 hex digits of SHA-256). */
  text: string;
  /** Entity spans, flat: start, end, type index (PER, ORG, LOC, MISC, as `TYPES` in enrich/index.ts) for each. */
  entities: number[];
  quotes: QuoteSpan[];
}

/** What a clusterer sees of an article. */
export interface ClusterDoc {
  id: string;
  title: string | null;
  text: string;
  /** ISO 8601, any precision; null when unknown. */
  published: string | null;
  source: string | null;
  url: string | null;
}
