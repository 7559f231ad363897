/**
 * The web tests' store: a real SQLite store in a temporary folder holding the articles and the
 * hand-written story analyses of test/fixtures/web/stories.json (saved as the current analysis
 * version, so the server reads them as they are instead of analysing again).
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analysisVersion } from '../../src/analyse/index.js';
import { openSqliteStore } from '../../src/store/sqlite.js';
import type { Store } from '../../src/store/types.js';
import type { Article, Story } from '../../src/types.js';

export interface FixtureArticle {
  id: string;
  source: string | null;
  url: string | null;
  title: string | null;
  byline: string | null;
  published: string | null;
  language: string | null;
  text: string;
  removed?: string[];
}

export type FixtureStory = Omit<Story, 'articles'> & { articles: string[] };

export const fixture = JSON.parse(readFileSync(new URL('../fixtures/web/stories.json', import.meta.url), 'utf8')) as { articles: FixtureArticle[]; stories: FixtureStory[] };

export const fixtureStory = (id: string): FixtureStory => fixture.stories.find((s) => s.id === id)!;
export const fixtureArticle = (id: string): FixtureArticle => fixture.articles.find((a) => a.id === id)!;

export function toArticle(a: FixtureArticle): Article {
  return {
    id: a.id,
    source: a.source,
    url: a.url,
    title: a.title,
    kicker: null,
    dek: null,
    byline: a.byline,
    published: a.published,
    dateline: null,
    language: a.language,
    blocks: a.text.split(/\n\n+/).map((text) => ({ kind: 'paragraph' as const, text })),
    text: a.text,
    contentHash: createHash('sha256').update(a.id + '\n' + a.text).digest('hex'),
    provenance: {},
    removed: a.removed ?? [],
    messages: [],
    raw: { kind: 'text', origin: `${a.id}.txt`, content: a.text },
  };
}

export async function fixtureStore(path = join(mkdtempSync(join(tmpdir(), 'parallax-web-')), 'web.db')): Promise<Store> {
  const store = await openSqliteStore(path);
  await store.upsertArticles(fixture.articles.map(toArticle));
  await store.assignStories(fixture.stories.flatMap((s) => s.articles.map((a) => [a, s.id] as [string, string])));
  for (const s of fixture.stories) {
    const articles = s.articles.map((id) => {
      const a = fixtureArticle(id);
      return { id, source: a.source, url: a.url, title: a.title, byline: a.byline, published: a.published, dateline: null, language: a.language, text: a.text };
    });
    await store.saveAnalysis({ ...s, version: analysisVersion(), articles });
  }
  return store;
}
