// Shared by the entity-resolution tests: invented articles with the names to find in them.
import type { Article, StoryEntity } from '../../src/types.js';
import type { EntitySpan, EntityType } from '../../src/enrich/types.js';
import { resolveEntities } from '../../src/analyse/entities.js';

/** One article: its id, its language, its text and its names (a span for each occurrence not inside a longer one). */
export interface NamedDoc {
  id: string;
  language?: string;
  text: string;
  names: [string, EntityType][];
}

export function resolveNamed(docs: NamedDoc[]): StoryEntity[] {
  const arts: Article[] = [];
  const spans = new Map<string, EntitySpan[]>();
  for (const { id, language, text, names } of docs) {
    const list: EntitySpan[] = [];
    for (const [name, type] of [...names].sort((x, y) => y[0].length - x[0].length)) {
      for (let i = text.indexOf(name); i >= 0; i = text.indexOf(name, i + name.length)) {
        if (list.some((s) => s.start < i + name.length && i < s.end)) continue;
        list.push({ start: i, end: i + name.length, text: name, type });
      }
    }
    spans.set(id, list.sort((a, b) => a.start - b.start));
    arts.push({ id, source: null, url: null, title: null, kicker: null, dek: null, byline: null, published: null, dateline: null, language: language ?? 'en', blocks: [], text, contentHash: id, provenance: {}, removed: [], messages: [], raw: { kind: 'text', origin: id, content: text } });
  }
  return resolveEntities(arts, spans);
}
