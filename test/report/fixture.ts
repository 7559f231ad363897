import type { Story } from '../../src/types.js';

/** A hand-written story with hostile text in every field a page could carry. */
export const hostileStory: Story = {
  id: 'story-1',
  title: 'Harbour strike ends <script>alert(1)</script> \u202Eevil',
  articles: [
    { id: 'a', source: 'Harbour Daily', url: 'https://harbour.example/strike', title: 'Strike over <img src=x onerror=alert(1)>', byline: null, published: '2025-03-14', dateline: null, language: 'en', text: 'Dock workers voted to end the strike.' },
    { id: 'b', source: 'TASS', url: 'javascript:alert(1)', title: 'Dockers accept deal', byline: null, published: '2025-03-13', dateline: 'ROTTERDAM, March 13. /TASS/.', language: 'en', text: 'Port workers approved a new contract.' },
    { id: 'c', source: 'Rail Gazette', url: 'data:text/html,<script>alert(1)</script>', title: 'Rotterdam strike over', byline: null, published: '2025-03-14', dateline: null, language: 'en', text: 'Dockers in Rotterdam voted to end their strike.' },
  ],
  entities: [{ name: 'Niek Stam', kind: 'person', mentions: [{ article: 'a', text: 'Niek Stam' }] }],
  quotes: [{ speaker: 'Niek Stam', text: 'a victory for every worker <b>in the port</b>', direct: true, articles: ['a', 'b', 'c'] }],
  claims: [
    { text: 'Dock workers voted to end the strike.', articles: ['a', 'b', 'c'], sentences: [], coverage: 'all' },
    { text: 'Only the agency says the port reopens on Friday.', articles: ['b'], sentences: [], coverage: 'one' },
  ],
  wording: [{ concept: 'the workers', variants: [{ text: 'dock workers', articles: ['a'] }, { text: 'dockers', articles: ['c'] }] }],
  timeline: [{ date: '2025-02-20', text: 'the strike began', articles: ['a'] }],
  summary: [{ text: 'Dock workers in Rotterdam voted to end their strike.', articles: ['a', 'c'] }],
  exclusives: [{ source: 'TASS', claims: ['Only the agency says the port reopens on Friday.'] }],
  disagreements: [{ about: 'when the vote took place', versions: [{ text: 'on Thursday', articles: ['a'] }, { text: 'on March 13', articles: ['b'] }] }],
  outlets: [
    { article: 'a', outlet: 'Harbour Daily', country: null, ownership: null, owner: null, source: null, agencies: [], labels: {}, profiled: false },
    { article: 'b', outlet: 'TASS', country: 'RU', ownership: 'state', owner: 'Government of Russia', source: 'https://en.wikipedia.org/wiki/TASS', agencies: [], labels: {}, profiled: true },
    { article: 'c', outlet: 'Rail Gazette', country: null, ownership: null, owner: null, source: null, agencies: [], labels: {}, profiled: false },
  ],
  coverage: { countries: { RU: 1, unprofiled: 2 }, languages: { en: 3 }, ownership: { state: 1, unprofiled: 2 }, labels: {}, outlets: 3, blindSpots: [] },
};
