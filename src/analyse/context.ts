/**
 * What every analysis section of a story reads: the story's articles, each split into sentences,
 * with the entities and quotes resolved across the story. Built once per story by
 * `analyseStory`; sections never recompute what is here.
 *
 * @module
 */
import type { Article, StoryEntity, StoryQuote } from '../types.js';
import type { Sentence, EntitySpan } from '../enrich/types.js';

export interface StoryContext {
  articles: Article[];
  /** Article id → its sentences (offsets into `Article.text`). */
  sentences: Map<string, Sentence[]>;
  /** Article id → its named-entity spans. */
  entitySpans: Map<string, EntitySpan[]>;
  /** Entities resolved across the story (one per referent, every spelling as a mention). */
  entities: StoryEntity[];
  quotes: StoryQuote[];
  /** Article id → the id of the article it is a near-duplicate of (syndication counts once). */
  duplicateOf: Map<string, string>;
}
