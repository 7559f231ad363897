/**
 * Builds the inputs of the story sections from plain texts: articles as the extractor would give
 * them (paragraphs separated by blank lines) and a story context whose sentences come from the
 * real splitter. Entities are given as data: each referent with the spellings to find in the texts.
 */
import { readFileSync } from 'node:fs';
import type { Article, StoryEntity, EntityKind } from '../../src/types.js';
import type { StoryContext } from '../../src/analyse/context.js';
import { splitSentences } from '../../src/enrich/sentences.js';

export interface ArticleSpec {
  id: string;
  source?: string | null;
  published?: string | null;
  title?: string | null;
  text: string;
}

export function article(spec: ArticleSpec): Article {
  const text = spec.text.trim();
  return {
    id: spec.id,
    source: spec.source === undefined ? spec.id : spec.source,
    url: null,
    title: spec.title ?? null,
    kicker: null,
    dek: null,
    byline: null,
    published: spec.published ?? '2024-12-03',
    dateline: null,
    language: 'en',
    blocks: text.split(/\n\n+/).map((t) => ({ kind: 'paragraph' as const, text: t })),
    text,
    contentHash: spec.id,
    provenance: {},
    removed: [],
    messages: [],
    raw: { kind: 'text', origin: spec.id, content: text },
  };
}

/** One referent and the spellings under which the articles name it. */
export interface EntitySpec {
  name: string;
  kind: EntityKind;
  spellings: string[];
}

export function context(articles: Article[], entities: EntitySpec[] = [], duplicateOf: [string, string][] = []): StoryContext {
  const resolved: StoryEntity[] = entities.map((e) => ({
    name: e.name,
    kind: e.kind,
    mentions: articles.flatMap((a) =>
      e.spellings.flatMap((sp) => [...a.text.matchAll(new RegExp(`\\b${sp}\\b`, 'g'))].map((m) => ({ article: a.id, text: sp, start: m.index!, end: m.index! + sp.length }))),
    ),
  }));
  return {
    articles,
    sentences: new Map(articles.map((a) => [a.id, splitSentences(a.text)])),
    entitySpans: new Map(articles.map((a) => [a.id, []])),
    entities: resolved,
    quotes: [],
    duplicateOf: new Map(duplicateOf),
  };
}

/** A fixture story: test/fixtures/analyse/NAME.json, `{articles: ArticleSpec[], entities: EntitySpec[]}`. */
export function fixture(name: string): { articles: Article[]; ctx: StoryContext } {
  const raw = JSON.parse(readFileSync(new URL(`../fixtures/analyse/${name}.json`, import.meta.url), 'utf8')) as { articles: ArticleSpec[]; entities?: EntitySpec[] };
  const articles = raw.articles.map(article);
  return { articles, ctx: context(articles, raw.entities ?? []) };
}
