// The known failure modes of main-content extractors, one page each (test/fixtures/html/).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { extractHtml } from '../../src/extract/html/index.js';
import { isDateOrBylineLine } from '../../src/extract/html/content.js';

const here = '[extract/html] ';
const fixture = (name: string) => readFileSync(new URL(`../fixtures/html/${name}`, import.meta.url), 'utf8');
const extract = (name: string, url: string | null = null) => extractHtml(fixture(name), { origin: name, url });
const count = (hay: string, needle: string) => hay.split(needle).length - 1;

test(here + 'an opening paragraph in a container of its own is kept, first', () => {
  const a = extract('lead-apart.html');
  assert.match(a.text, /^HALVERSTAD — The city council voted on Thursday/);
  assert.match(a.text, /public meetings in the autumn, the council said\.$/);
  assert.equal(a.dateline, 'HALVERSTAD');
  assert.equal(a.provenance.dateline, 'text:first-paragraph');
});

test(here + 'the byline does not swallow the date, and the date keeps its zone', () => {
  const a = extract('lead-apart.html');
  assert.equal(a.byline, 'Maria Lindqvist');
  assert.equal(a.published, '2024-05-02T15:45:00+02:00');
  assert.equal(a.provenance.published, 'time');
  assert.doesNotMatch(a.text, /Published 3:45/);
});

test(here + 'related-story links and a newsletter box inside the article stay out of the body', () => {
  const a = extract('lead-apart.html');
  for (const chrome of ['Bus fares to rise', 'Related stories', 'morning briefing', 'Subscribe', 'All rights reserved', 'Weather']) {
    assert.ok(!a.text.includes(chrome), `${chrome} leaked into the body`);
  }
  assert.ok(a.removed.some((r) => r.includes('morning briefing')), 'the newsletter box is reported as removed');
  assert.ok(a.messages.some((m) => m.rule === 'chrome:removed'));
});

test(here + 'captions and pull quotes are not duplicated into the body', () => {
  const a = extract('lead-apart.html');
  assert.ok(!a.text.includes('A tram on a test run'));
  assert.equal(count(a.text, 'the most important transport decision'), 1);
});

test(here + 'sub-headings stay in the body as headings; the title does not', () => {
  const a = extract('lead-apart.html');
  assert.deepEqual(a.blocks.filter((b) => b.kind === 'heading').map((b) => b.text), ['Costs questioned']);
  assert.ok(!a.blocks.some((b) => b.text === 'Council approves new tram line'));
  assert.equal(a.text, a.blocks.map((b) => b.text).join('\n\n'));
});

test(here + 'a cookie-consent wall is not returned instead of the article', () => {
  const a = extract('cookie-wall.html');
  assert.match(a.text, /^Ferries between the mainland and the islands resumed/);
  assert.ok(!/partners|consent|cookies/i.test(a.text));
  assert.equal(a.blocks.length, 3);
});

test(here + 'a live blog keeps every entry', () => {
  const a = extract('liveblog.html');
  for (const entry of ['turnout reached 71 percent', 'first three districts to declare', 'Voting has ended across the country']) {
    assert.ok(a.text.includes(entry), `live entry missing: ${entry}`);
  }
  assert.ok(!a.text.includes('Follow us on social media'));
});

test(here + 'a multi-page article: this page is kept, pagination dropped, the next page reported', () => {
  const a = extract('paged.html');
  assert.equal(a.blocks.length, 3);
  assert.ok(!/Next page/.test(a.text));
  const m = a.messages.find((x) => x.rule === 'body:multi-page');
  assert.ok(m, 'a multi-page message');
  assert.match(m.reason, /page=2/);
  assert.equal(a.title, 'The long road to the summit');
});

test(here + 'a body only in JSON-LD articleBody', () => {
  const a = extract('jsonld-only.html');
  assert.equal(a.blocks.length, 3);
  assert.match(a.text, /^Nach vier Jahren Bauzeit/);
  assert.ok(a.messages.some((m) => m.rule === 'body:json-ld'));
  assert.equal(a.byline, 'Jonas Weber');
  assert.equal(a.language, 'de');
});

test(here + 'a body only in <noscript>', () => {
  const a = extract('noscript-only.html');
  assert.equal(a.blocks.length, 3);
  assert.match(a.text, /^Après dix-huit mois de travaux/);
  assert.ok(a.messages.some((m) => m.rule === 'body:noscript'));
  assert.equal(a.source, 'Le Quotidien du Port');
});

test(here + 'a page with no article says so and returns no body', () => {
  const a = extract('no-article.html');
  assert.equal(a.text, '');
  assert.ok(a.messages.some((m) => m.rule === 'body:none' && m.level === 'error'));
});

test(here + 'the next story appended below (infinite scroll) and a grid of teaser cards stay out', () => {
  const a = extract('next-stories.html');
  assert.equal(a.blocks.length, 3);
  assert.match(a.text, /^The central library will stay open/);
  for (const other of ['riverside park', 'petition', 'Saturday market', 'Bus drivers', 'normal timetable']) {
    assert.ok(!a.text.includes(other), `${other} leaked into the body`);
  }
});

test(here + 'a closing call to follow or subscribe goes, an agency credit stays; slideshow counters go', () => {
  const p = (t: string) => `<p>${t}</p>`;
  const html = `<html><body><article>${p('Image 1 of 5')}${p('The harbour authority said on Friday that the new container terminal would open in March, two months later than planned, because cranes ordered from abroad arrived late.')}${p('Shipping lines have been told to keep using the old quay until then, the authority said in a statement, adding that the delay would not raise fees.')}${p('(Reporting by Ana Costa; Editing by Tom Okafor)')}${p('Follow us on Twitter and join our newsletter for the latest from the harbour.')}</article></body></html>`;
  const a = extractHtml(html, { origin: 'sign-off' });
  assert.ok(!a.text.includes('Image 1 of 5'));
  assert.ok(a.text.includes('(Reporting by Ana Costa; Editing by Tom Okafor)'));
  assert.ok(!a.text.includes('Follow us on Twitter'));
  assert.ok(a.messages.some((m) => /block:sign-off/.test(m.reason)));
});

test(here + "the author's bio closing the page is not the story", () => {
  const html = `<html><head><meta name="author" content="Meg Varga"></head><body><article><p>The harbour authority said on Friday that the new container terminal would open in March, two months later than planned, because cranes ordered from abroad arrived late.</p><p>Shipping lines have been told to keep using the old quay until then, the authority said in a statement, adding that the delay would not raise fees.</p><p>Meg Varga is a business reporter covering ports and shipping. She joined the paper in 2015.</p></article></body></html>`;
  const a = extractHtml(html, { origin: 'bio' });
  assert.equal(a.byline, 'Meg Varga');
  assert.equal(a.blocks.length, 2);
  assert.ok(a.removed.some((r) => r.startsWith('Meg Varga is a business reporter')));
});

test(here + 'paragraphs written as text separated by <br><br> become blocks', () => {
  const s1 = 'The harbour authority said on Friday that the new container terminal would open in March, two months later than planned.';
  const s2 = 'Shipping lines have been told to keep using the old quay until then, the authority said in a statement on its website.';
  const a = extractHtml(`<html><body><div class="text">${s1}<br><br>\n${s2}<br>\n<br>Cranes ordered from abroad arrived late, officials said, and the quay walls needed more work than expected.</div></body></html>`, { origin: 'br' });
  assert.deepEqual(a.blocks.map((b) => b.text.slice(0, 20)), [s1.slice(0, 20), s2.slice(0, 20), 'Cranes ordered from ']);
});

const furniture: [string, boolean][] = [
  ['Updated at 1:23 p.m.', true],
  ['20 Nov 2019 08:00 GMT', true],
  ['Published November 19, 2019 | Updated 3:45 PM ET', true],
  ['By Ana Costa', true],
  ['2019-11-19', true],
  ['By the end of the year, 40 ships had been delayed.', false],
  ['The vote on 19.11.2019 ended the strike at the port after three weeks.', false],
  ['Qualified teams', false],
];
for (const [line, want] of furniture) {
  test(here + `date or byline line: "${line}"`, () => assert.equal(isDateOrBylineLine(line), want));
}

test(here + 'a live blog without its schema.org markup still keeps every entry', () => {
  const para = (n: number) => `<p>Update ${n}: officials at the count centre said the ballots from the rural districts had arrived later than expected because of flooding on two roads, and that counting would go on through the night.</p>`;
  const entry = (n: number) => `<article class="entry"><h2>Update number ${n} from the count</h2>${para(n)}${para(n + 10)}${para(n + 20)}</article>`;
  const html = `<html><head><title>Live: election night results</title></head><body><h1>Live: election night results</h1><div class="feed">${entry(1)}${entry(2)}${entry(3)}</div></body></html>`;
  const a = extractHtml(html, { origin: 'liveblog-plain' });
  for (const n of [1, 2, 3, 21, 22, 23]) assert.ok(a.text.includes(`Update ${n}:`), `live entry ${n} missing`);
});
