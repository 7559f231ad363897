// Page metadata: which source wins, cleaning of titles, bylines and dates.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractHtml } from '../../src/extract/html/index.js';
import { cleanByline, cleanTitle, dateFromUrl } from '../../src/extract/html/metadata.js';

const here = '[extract/html metadata] ';
const BODY = '<article><p>The committee met on Tuesday to discuss the proposal, which would change how the city pays for road repairs over the next ten years.</p></article>';
const page = (head: string, body = BODY, htmlAttrs = '') => `<!doctype html><html${htmlAttrs}><head>${head}</head><body>${body}</body></html>`;

const titles: [string, string | null, string | null, string][] = [
  ['Council approves new tram line | The Valley Courier', 'The Valley Courier', null, 'Council approves new tram line'],
  ['Council approves new tram line - valley-courier.example', null, 'www.valley-courier.example', 'Council approves new tram line'],
  ['The Valley Courier: Council approves new tram line', 'The Valley Courier', null, 'Council approves new tram line'],
  ['Council approves new tram line — Local — The Valley Courier', 'The Valley Courier', null, 'Council approves new tram line'],
  ['Why the tram line matters: a guide', 'The Valley Courier', null, 'Why the tram line matters: a guide'],
];
for (const [raw, outlet, host, want] of titles) {
  test(here + `title "${raw}"`, () => assert.equal(cleanTitle(raw, outlet, host), want));
}

const bylines: [string, string | null][] = [
  ['By Maria Lindqvist', 'Maria Lindqvist'],
  ['BY: Tom Okafor', 'Tom Okafor'],
  ['By Maria Lindqvist Published 3:45 PM CET May 2, 2024', 'Maria Lindqvist'],
  ['Maria Lindqvist, May 2, 2024', 'Maria Lindqvist'],
  ['Maria Lindqvist | Updated 2 hours ago', 'Maria Lindqvist'],
  ['Analysis by Lena Brandt, Harbour Post', 'Lena Brandt, Harbour Post'],
  ['Von Jonas Weber', 'Jonas Weber'],
  ['https://example.com/authors/maria', null],
];
for (const [raw, want] of bylines) {
  test(here + `byline "${raw}"`, () => assert.equal(cleanByline(raw), want));
}

const urls: [string, string | null][] = [
  ['https://news.example/2019/11/19/story-slug/', '2019-11-19'],
  ['https://news.example/local/story/2019-11-19/story-slug', '2019-11-19'],
  ['https://news.example/news/20191119-story-slug.html', '2019-11-19'],
  ['https://news.example/2019/13/45/not-a-date', null],
  ['https://news.example/story/4236383002/', null],
];
for (const [url, want] of urls) {
  test(here + `date from URL ${url}`, () => assert.equal(dateFromUrl(url), want));
}

test(here + 'JSON-LD wins over OpenGraph and <meta>, and says so', () => {
  const a = extractHtml(page(`
    <title>Road repairs plan | City Post</title>
    <meta property="og:title" content="Road plan (OG)">
    <meta property="article:published_time" content="2024-03-01T10:00:00Z">
    <script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"Road repairs plan discussed","datePublished":"2024-03-02T09:30:00+01:00","dateModified":"2024-03-02T11:00:00+01:00","author":{"@type":"Person","name":"By Ana Costa"},"publisher":{"@type":"Organization","name":"City Post"},"articleSection":"Local","image":{"@type":"ImageObject","url":"https://citypost.example/img/road.jpg"}}</script>`), { origin: 'ld', url: 'https://citypost.example/local/road-plan' });
  assert.equal(a.title, 'Road repairs plan discussed');
  assert.equal(a.published, '2024-03-02T09:30:00+01:00');
  assert.equal(a.modified, '2024-03-02T11:00:00+01:00');
  assert.equal(a.byline, 'Ana Costa');
  assert.equal(a.source, 'City Post');
  assert.equal(a.section, 'Local');
  assert.equal(a.image, 'https://citypost.example/img/road.jpg');
  assert.deepEqual(a.provenance, { title: 'json-ld', published: 'json-ld', modified: 'json-ld', byline: 'json-ld', source: 'json-ld', language: 'detected' });
});

test(here + 'OpenGraph and <meta> when there is no JSON-LD; canonical URL resolved', () => {
  const a = extractHtml(page(`
    <title>Road repairs plan | City Post</title>
    <meta property="og:site_name" content="City Post">
    <meta property="og:title" content="Road repairs plan">
    <meta name="description" content="What the plan changes.">
    <meta name="author" content="Ana Costa">
    <meta property="article:published_time" content="2024-03-01T10:00:00-05:00">
    <meta property="article:section" content="Local">
    <link rel="canonical" href="/local/road-plan">`, BODY, ' lang="en-GB"'), { origin: 'og', url: 'https://citypost.example/local/road-plan?utm=x' });
  assert.equal(a.title, 'Road repairs plan');
  assert.equal(a.dek, 'What the plan changes.');
  assert.equal(a.byline, 'Ana Costa');
  assert.equal(a.published, '2024-03-01T10:00:00-05:00');
  assert.equal(a.canonicalUrl, 'https://citypost.example/local/road-plan');
  assert.equal(a.url, 'https://citypost.example/local/road-plan?utm=x');
  assert.equal(a.language, 'en');
  assert.equal(a.provenance.language, 'html-lang');
  assert.equal(a.provenance.published, 'meta');
});

test(here + 'the <title> without its outlet suffix when nothing better is there; outlet from the domain', () => {
  const a = extractHtml(page('<title>Road repairs plan discussed - citypost.example</title>'), { origin: 'title', url: 'https://www.citypost.example/2024/03/02/road-plan' });
  assert.equal(a.title, 'Road repairs plan discussed');
  assert.equal(a.provenance.title, 'title');
  assert.equal(a.source, 'citypost.example');
  assert.equal(a.provenance.source, 'url:domain');
  assert.equal(a.published, '2024-03-02');
  assert.equal(a.provenance.published, 'url');
});

test(here + 'a visible <time> when the head has no date; microdata author', () => {
  const a = extractHtml(page('<title>Roads</title>', `<article><h1>Roads</h1><span itemprop="author">Ana Costa</span><time datetime="2024-03-02T09:30">2 March</time>${BODY}</article>`), { origin: 'time' });
  assert.equal(a.published, '2024-03-02T09:30');
  assert.equal(a.provenance.published, 'time');
  assert.equal(a.byline, 'Ana Costa');
});

test(here + 'an impossible JSON-LD date is ignored for the next source', () => {
  const a = extractHtml(page(`<title>Roads</title><script type="application/ld+json">{"@type":"NewsArticle","headline":"Roads","datePublished":"0001-01-01T00:00:00Z"}</script><meta property="article:published_time" content="2024-03-01">`), { origin: 'bad-date' });
  assert.equal(a.published, '2024-03-01');
  assert.equal(a.provenance.published, 'meta');
});

test(here + 'a kicker above the headline', () => {
  const a = extractHtml(page('<title>Roads</title>', `<article><div class="article-kicker">Road safety</div><h1>Roads plan discussed</h1>${BODY}</article>`), { origin: 'kicker' });
  assert.equal(a.kicker, 'Road safety');
  assert.ok(!a.text.includes('Road safety'));
});

test(here + 'a printed date line when the markup has no machine-readable date', () => {
  const a = extractHtml(page('<title>Roads</title>', `<article><h1>Roads</h1><div class="article-date">Published 3:45 PM ET Nov. 19, 2019</div>${BODY}</article>`), { origin: 'visible-date' });
  assert.equal(a.published, '2019-11-19T15:45');
  assert.equal(a.provenance.published, 'visible');
  assert.ok(!a.text.includes('Published'));
});

test(here + 'with no outlet named anywhere else, the <title> decoration names it', () => {
  const a = extractHtml(page('<title>Road repairs plan discussed | Northside Gazette</title>'), { origin: 'title-outlet' });
  assert.equal(a.title, 'Road repairs plan discussed');
  assert.equal(a.source, 'Northside Gazette');
  assert.equal(a.provenance.source, 'title-suffix');
});

// Bylines: a date glued on goes, but a name that holds "on" stays whole.
const nameBylines: [string, string][] = [
  ['Jason Cipriani', 'Jason Cipriani'],
  ['By Ana Swanson', 'Ana Swanson'],
  ['Lars Johnson', 'Lars Johnson'],
  ['By Ana Swanson on May 2, 2024', 'Ana Swanson'],
  ['Maria Lindqvist, Updated on 2 May', 'Maria Lindqvist'],
];
for (const [raw, want] of nameBylines) {
  test(here + `byline "${raw}" keeps the name whole`, () => assert.equal(cleanByline(raw), want));
}

test(here + 'a title keeps no HTML entities the page left encoded', () => {
  const a = extractHtml(page(`<script type="application/ld+json">{"@type":"NewsArticle","headline":"Ferry fares &#8216;to rise&#8217; &#8211; council &amp; port agree"}</script>`), { origin: 'entities' });
  assert.equal(a.title, 'Ferry fares ‘to rise’ – council & port agree');
  const b = extractHtml(page('<meta property="og:title" content="Ferry fares &amp;#8216;to rise&amp;#8217;">'), { origin: 'entities-escaped' });
  assert.equal(b.title, 'Ferry fares ‘to rise’');
});

test(here + 'a title loses the decoration that names the site, and keeps the separators of its own', () => {
  const cases: [string, string, string][] = [
    // og:site_name named in the suffix, a section before it
    ['<meta property="og:site_name" content="Harbour Post"><meta property="og:title" content="Why the ferry fares rise | Explainer News | Harbour Post">', 'https://www.harbourpost.example/news/ferry', 'Why the ferry fares rise'],
    // the domain's brand in capitals
    ['<meta property="og:title" content="Ferry fares rise again this spring | HARBOURPOST">', 'https://harbourpost.example/a', 'Ferry fares rise again this spring'],
    // a dash suffix naming the site
    ['<meta property="og:site_name" content="The Harbour Post"><title>Ferry fares rise again this spring - The Harbour Post</title>', 'https://x.example/a', 'Ferry fares rise again this spring'],
    // a date tail cut, the headline's own dash kept
    ['<meta property="og:title" content="Ferry fares rise - and so do tolls - Harbour Post - May 2, 2024">', 'https://harbourpost.example/a', 'Ferry fares rise - and so do tolls'],
  ];
  for (const [head, url, want] of cases) assert.equal(extractHtml(page(head), { origin: 'suffix', url }).title, want, head);
});

test(here + 'a part that every title of the page ends with is the site; the visible headline wins when it agrees', () => {
  const tail = 'Seaside Gazette: News from the Northern Coast since 1887';
  const a = extractHtml(page(`<title>Ferry fares rise again | ${tail}</title><meta property="og:title" content="Ferry fares will rise again this spring | ${tail}">`), { origin: 'shared' });
  assert.equal(a.title, 'Ferry fares will rise again this spring');
  const b = extractHtml(page(`<meta property="og:title" content="Ferry fares 'will rise' again this spring, port says | ${tail}">`,
    `<article><h1>Ferry fares ‘will rise’ again this spring, port says</h1>${BODY}</article>`), { origin: 'h1' });
  assert.equal(b.title, "Ferry fares 'will rise' again this spring, port says");
});

test(here + 'the outlet: the registry first, the site name second, never a section label', () => {
  const known = extractHtml(page('<meta property="og:site_name" content="U.S."><meta property="og:title" content="Ferry fares rise">'), { origin: 'registry', url: 'https://www.reuters.com/world/us/ferry-fares-rise-2024-05-02/' });
  assert.equal(known.source, 'Reuters');
  assert.equal(known.provenance.source, 'registry');
  const section = extractHtml(page('<meta property="og:site_name" content="U.S."><meta property="og:title" content="Ferry fares rise">'), { origin: 'section', url: 'https://www.harbourpost.example/world/us/ferry-fares-rise' });
  assert.equal(section.source, 'harbourpost.example');
  const named = extractHtml(page('<meta property="og:site_name" content="Harbour Post"><meta property="og:title" content="Ferry fares rise">'), { origin: 'site-name', url: 'https://www.harbourpost.example/world/us/ferry-fares-rise' });
  assert.equal(named.source, 'Harbour Post');
  assert.equal(named.provenance.source, 'og:site_name');
});
