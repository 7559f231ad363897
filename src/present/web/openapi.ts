/** The API's OpenAPI 3.1 description, served at /api/openapi.json. */
const error = { description: 'error', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } };
const page = (item: string) => ({ type: 'object', properties: { items: { type: 'array', items: { $ref: `#/components/schemas/${item}` } }, next: { type: ['string', 'null'], description: 'cursor of the next page' } } });
const paged = [
  { name: 'cursor', in: 'query', schema: { type: 'string' } },
  { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 500 } },
];

export const openApi = {
  openapi: '3.1.0',
  info: { title: 'Parallax', version: '0.1.0', description: 'One news story from every side: stories, their analysis, articles and outlets.' },
  paths: {
    '/api/stories': { get: { summary: 'Stories, most outlets first', parameters: paged, responses: { 200: { description: 'a page of stories', content: { 'application/json': { schema: page('StoredStory') } } }, 400: error } } },
    '/api/stories/{id}': { get: { summary: "A story's analysis (the same JSON as `parallax analyse --json`)", parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }], responses: { 200: { description: 'the story', content: { 'application/json': { schema: { $ref: '#/components/schemas/Story' } } } }, 404: error } } },
    '/api/articles': {
      get: { summary: 'Articles', parameters: [...paged, { name: 'story', in: 'query', schema: { type: 'string' } }, { name: 'outlet', in: 'query', schema: { type: 'string' } }], responses: { 200: { description: 'a page of articles', content: { 'application/json': { schema: page('Article') } } }, 400: error } },
      post: {
        summary: 'Ingest an article (off unless the server runs with --allow-ingest; bearer token required)',
        security: [{ bearer: [] }],
        requestBody: { content: { 'application/json': { schema: { type: 'object', properties: { id: { type: 'string' }, url: { type: 'string' }, source: { type: 'string' }, title: { type: 'string' }, published: { type: 'string' }, text: { type: 'string' }, html: { type: 'string' } } } }, 'text/plain': { schema: { type: 'string' } }, 'text/html': { schema: { type: 'string' } } } },
        responses: { 201: { description: 'inserted' }, 200: { description: 'updated or unchanged' }, 401: error, 403: error, 413: error, 415: error, 422: error },
      },
    },
    '/api/articles/{id}': { get: { summary: 'One article, cleaned, with its metadata and messages', parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }], responses: { 200: { description: 'the article' }, 404: error } } },
    '/api/outlets': { get: { summary: 'Outlets in the store with their article counts', responses: { 200: { description: 'outlets' } } } },
    '/api/search': { get: { summary: 'Full-text search over articles', parameters: [{ name: 'q', in: 'query', required: true, schema: { type: 'string' } }], responses: { 200: { description: 'hits' }, 400: error } } },
  },
  components: {
    securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
    schemas: {
      Error: { type: 'object', required: ['status', 'message'], properties: { status: { type: 'integer' }, message: { type: 'string' } } },
      StoredStory: { type: 'object', properties: { id: { type: 'string' }, title: { type: 'string' }, articleCount: { type: 'integer' }, sourceCount: { type: 'integer' }, first: { type: ['string', 'null'] }, last: { type: ['string', 'null'] } } },
      Article: { type: 'object', properties: { id: { type: 'string' }, source: { type: ['string', 'null'] }, url: { type: ['string', 'null'] }, title: { type: ['string', 'null'] }, published: { type: ['string', 'null'] }, text: { type: 'string' } } },
      Story: { type: 'object', required: ['id', 'title', 'articles', 'entities', 'quotes', 'claims', 'wording', 'timeline', 'summary'], properties: { id: { type: 'string' }, title: { type: 'string' }, articles: { type: 'array' }, entities: { type: 'array' }, quotes: { type: 'array' }, claims: { type: 'array' }, wording: { type: 'array' }, timeline: { type: 'array' }, summary: { type: 'array' } } },
    },
  },
};
