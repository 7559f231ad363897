/**
 * The API's OpenAPI 3.1 description, served at /api/openapi.json.
 *
 * @module
 */
const error = (description: string) => ({ description, content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } });
const ok = (description: string, schema: object) => ({ description, content: { 'application/json': { schema } } });
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const page = (item: string) => ({
  type: 'object',
  required: ['items', 'next'],
  properties: { items: { type: 'array', items: ref(item) }, next: { type: ['string', 'null'], description: 'cursor of the next page; null on the last page' } },
});
const query = (name: string, description: string, schema: object = { type: 'string' }, required = false) => ({ name, in: 'query', description, required, schema });
const paged = [
  query('cursor', 'the `next` of the previous page: opaque; it continues after the last item seen even when items were added before it'),
  query('limit', 'items per page', { type: 'integer', minimum: 1, maximum: 500 }),
];
const idParam = { name: 'id', in: 'path', required: true, schema: { type: 'string' } };
const nullable = (type: string) => ({ type: [type, 'null'] });
const str = { type: 'string' };
const ids = { type: 'array', items: str };

export const openApi = {
  openapi: '3.1.0',
  info: {
    title: 'Parallax',
    version: '0.1.0',
    description: 'One news story from every side: stories, their analysis, articles and outlets. Errors are `{status, message}`. Lists page with opaque cursors.',
  },
  paths: {
    '/api/stories': {
      get: {
        summary: 'Stories, biggest (most outlets) and newest first',
        parameters: [
          ...paged,
          query('outlet', 'only stories this outlet covers'),
          query('lang', 'only stories with an article in this language (BCP 47 primary tag)'),
          query('from', 'only stories with an article on or after this date', { type: 'string', format: 'date' }),
          query('to', 'only stories with an article on or before this date', { type: 'string', format: 'date' }),
        ],
        responses: { 200: ok('a page of stories', page('StoredStory')), 400: error('a bad cursor, limit or date') },
      },
    },
    '/api/stories/{id}': {
      get: {
        summary: "A story's analysis: the same JSON as `parallax analyse --json` (computed and stored when missing)",
        parameters: [idParam],
        responses: { 200: ok('the story', ref('Story')), 404: error('no such story') },
      },
    },
    '/api/articles': {
      get: {
        summary: 'Articles, oldest first',
        parameters: [...paged, query('story', 'only articles of this story'), query('outlet', 'only articles of this outlet')],
        responses: { 200: ok('a page of articles', page('Article')), 400: error('a bad cursor or limit') },
      },
      post: {
        summary: 'Ingest an article: off unless the server runs with `--allow-ingest --token T`; bearer token required',
        description:
          'JSON `{id?, url?, source?, title?, published?, text | html}`, or `{url}` alone to fetch the page (public addresses only); or the text itself as text/plain or text/html, with `id`, `url` and `source` in the query. The article is grouped into a story at once.',
        security: [{ bearer: [] }],
        parameters: [query('id', 'the article id (text/plain and text/html bodies)'), query('url', 'its address (idem)'), query('source', 'its outlet (idem)')],
        requestBody: {
          required: true,
          content: { 'application/json': { schema: ref('ArticleRecord') }, 'text/plain': { schema: str }, 'text/html': { schema: str } },
        },
        responses: {
          201: ok('inserted', ref('IngestResult')),
          200: ok('updated, or unchanged (the same input again)', ref('IngestResult')),
          400: error('the body is not valid JSON'),
          401: error('no valid bearer token'),
          403: error('ingest is off'),
          413: error('the body is larger than the limit (2 MiB by default)'),
          415: error('a content type other than application/json, text/plain or text/html'),
          422: error('not an article: no text, an unusable URL, a page that could not be fetched'),
        },
      },
    },
    '/api/articles/{id}': {
      get: { summary: 'One article, cleaned, with its metadata, removed page chrome, messages and story', parameters: [idParam], responses: { 200: ok('the article', ref('Article')), 404: error('no such article') } },
    },
    '/api/outlets': {
      get: { summary: 'Outlets in the store, most articles first', parameters: paged, responses: { 200: ok('a page of outlets', page('Outlet')), 400: error('a bad cursor or limit') } },
    },
    '/api/search': {
      get: {
        summary: 'Full-text search over articles; the stories of the matching articles come along',
        parameters: [query('q', 'words to look for (up to 500 characters)', str, true), query('limit', 'most article hits', { type: 'integer', minimum: 1, maximum: 500 })],
        responses: {
          200: ok('hits', { type: 'object', properties: { items: { type: 'array', items: ref('SearchHit') }, stories: { type: 'array', items: ref('StoredStory') } } }),
          400: error('no q, or too long'),
        },
      },
    },
  },
  components: {
    securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
    schemas: {
      Error: { type: 'object', required: ['status', 'message'], properties: { status: { type: 'integer' }, message: str } },
      StoredStory: {
        type: 'object',
        properties: { id: str, title: str, articleCount: { type: 'integer' }, sourceCount: { type: 'integer' }, first: nullable('string'), last: nullable('string') },
      },
      Outlet: { type: 'object', properties: { name: str, articles: { type: 'integer' } } },
      SearchHit: { type: 'object', properties: { id: str, title: nullable('string'), source: nullable('string'), snippet: str, story: nullable('string') } },
      ArticleRecord: { type: 'object', properties: { id: str, url: str, source: str, title: str, published: str, text: str, html: str } },
      IngestResult: { type: 'object', properties: { id: str, result: { enum: ['inserted', 'updated', 'unchanged'] }, story: nullable('string') } },
      Article: {
        type: 'object',
        properties: {
          id: str,
          source: nullable('string'),
          url: nullable('string'),
          title: nullable('string'),
          byline: nullable('string'),
          published: { ...nullable('string'), description: 'ISO 8601: `2024-12-03` for a day, `2024-12-03T14:27` (with its offset when the page gave one) when the time is known; completed from the story as in its analysis when the page gave no year or no date (then `provenance.published` is "story"); `--12-03` (month-day) only when nothing tells the year' },
          language: nullable('string'),
          text: str,
          blocks: { type: 'array', items: { type: 'object' } },
          removed: ids,
          messages: { type: 'array', items: { type: 'object' } },
          story: nullable('string'),
        },
      },
      Story: {
        type: 'object',
        description: 'The story JSON contract (src/types.ts `Story`); further fields may be added.',
        required: ['id', 'title', 'articles', 'entities', 'quotes', 'claims', 'wording', 'timeline', 'summary'],
        properties: {
          id: str,
          title: str,
          version: str,
          articles: { type: 'array', items: { type: 'object', properties: { id: str, source: nullable('string'), url: nullable('string'), title: nullable('string'), published: nullable('string'), text: str } } },
          entities: { type: 'array', items: { type: 'object', properties: { name: str, kind: { enum: ['person', 'organization', 'place', 'other'] }, mentions: { type: 'array' } } } },
          quotes: { type: 'array', items: { type: 'object', properties: { speaker: str, text: str, direct: { type: 'boolean' }, articles: ids } } },
          claims: { type: 'array', items: { type: 'object', properties: { text: str, articles: ids, sentences: { type: 'array' }, coverage: { enum: ['all', 'most', 'some', 'one'] } } } },
          wording: { type: 'array', items: { type: 'object', properties: { concept: str, variants: { type: 'array', items: { type: 'object', properties: { text: str, articles: ids } } } } } },
          timeline: { type: 'array', items: { type: 'object', properties: { date: str, text: str, articles: ids } } },
          summary: { type: 'array', items: { type: 'object', properties: { text: str, articles: ids, exclusive: { type: 'boolean' } } } },
        },
      },
    },
  },
};
