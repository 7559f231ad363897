import type { Article } from '../../src/types.js';

/** An article of one text, paragraphs split at blank lines, with nothing else known about it. */
export function article(id: string, text: string): Article {
  return {
    id, source: id, url: null, title: null, kicker: null, dek: null, byline: null, published: null, dateline: null, language: 'en',
    blocks: text.split('\n\n').map((p) => ({ kind: 'paragraph' as const, text: p })), text, contentHash: id, provenance: {}, removed: [], messages: [],
    raw: { kind: 'text', origin: id, content: text },
  };
}
