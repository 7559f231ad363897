import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { checkXml, discoverFeeds, parseFeedBytes, parseFeedText, parseOpmlText, plainText } from '../../src/ingest/web/feeds.js';

const here = '[web-feeds] ';
const fixture = (name: string) => readFileSync(new URL(`../fixtures/feeds/${name}`, import.meta.url));

test(here + 'RSS 2.0, Atom, RDF, JSON Feed and RSS 0.91 parse to one shape', () => {
  // [file, format, first item's key, url, title, published]
  const rows: [string, string, string, string, string, string | null][] = [
    ['rss2.xml', 'rss', 'https://herald.example/news/port-strike', 'https://herald.example/news/port-strike', 'Port strike ends after three weeks', '2025-03-14T09:00:00.000Z'],
    ['atom.xml', 'atom', 'tag:herald.example,2025:strike', 'https://herald.example/news/port-strike', 'Port strike & talks end', '2025-03-14T08:00:00.000Z'],
    ['rdf.xml', 'rdf', 'https://herald.example/news/port-strike', 'https://herald.example/news/port-strike', 'Port strike ends', '2025-03-14T09:00:00.000Z'],
    ['feed.json', 'json', 'j-1', 'https://herald.example/news/port-strike', 'Port strike ends', '2025-03-14T09:00:00.000Z'],
    ['rss091.xml', 'rss', 'https://herald.example/old', 'https://herald.example/old', 'An old-style item', null],
  ];
  for (const [file, format, key, url, title, published] of rows) {
    const feed = parseFeedBytes(fixture(file), null, 'https://herald.example/feed');
    assert.equal(feed.format, format, file);
    const it = feed.items[0];
    assert.deepEqual([it.key, it.url, it.title, it.published], [key, url, title, published], file);
    assert.match(it.version, /^[0-9a-f]{16}$/);
  }
});

test(here + 'RSS details: relative links, permalink GUIDs, content before summary, TTL, skip hours and days, duplicates', () => {
  const feed = parseFeedBytes(fixture('rss2.xml'), 'application/rss+xml', 'https://herald.example/feed');
  assert.equal(feed.title, 'The Test Herald');
  assert.equal(feed.ttlMinutes, 30);
  assert.deepEqual(feed.skipHours, [1, 2]);
  assert.deepEqual(feed.skipDays, [0]);
  const keys = feed.items.map((i) => i.key);
  assert.equal(new Set(keys).size, keys.length, 'a repeated GUID is kept once');
  assert.equal(feed.items.length, 4);
  const relative = feed.items.find((i) => i.key === 'rel-1')!;
  assert.equal(relative.url, 'https://herald.example/news/relative-link', 'relative links resolve against the feed');
  const guidOnly = feed.items.find((i) => i.key === 'https://herald.example/news/guid-only')!;
  assert.equal(guidOnly.url, 'https://herald.example/news/guid-only', 'a permalink GUID stands for a missing link');
  assert.match(feed.items[0].summary ?? '', /full text of the article/, 'content:encoded is preferred over the description');
  const noPermalink = feed.items.find((i) => i.key === 'not-a-link')!;
  assert.equal(noPermalink.url, null);
});

test(here + 'an item updated in place keeps its key and changes its fingerprint', () => {
  const v1 = parseFeedText('<rss version="2.0"><channel><title>T</title><link>https://x.example/</link><description>d</description><item><guid>a</guid><link>https://x.example/a</link><title>First title</title><description>One.</description></item></channel></rss>');
  const v2 = parseFeedText('<rss version="2.0"><channel><title>T</title><link>https://x.example/</link><description>d</description><item><guid>a</guid><link>https://x.example/a</link><title>Corrected title</title><description>One.</description></item></channel></rss>');
  const same = parseFeedText('<rss version="2.0"><channel><title>T</title><link>https://x.example/</link><description>d</description><item><guid>a</guid><link>https://x.example/a</link><title>First title</title><description>One.</description></item></channel></rss>');
  assert.equal(v1.items[0].key, v2.items[0].key);
  assert.notEqual(v1.items[0].version, v2.items[0].version);
  assert.equal(v1.items[0].version, same.items[0].version);
});

test(here + 'hostile XML is refused quickly and without memory growth', () => {
  const hostile: [string, string][] = [
    ['billion laughs', fixture('billion-laughs.xml').toString()],
    ['external entity', '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><rss version="2.0"><channel><title>&x;</title></channel></rss>'],
    ['parameter entity', '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY % p SYSTEM "http://169.254.169.254/"> %p;]><rss/>'],
    ['internal subset without ENTITY', '<?xml version="1.0"?><!DOCTYPE rss [<!ATTLIST rss version CDATA "2.0">]><rss><channel><title>t</title></channel></rss>'],
    ['DOCTYPE after 100 KB of comment padding', `<?xml version="1.0"?><!--${' '.repeat(100_000)}--><!DOCTYPE r [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><rss><channel><title>&b;</title></channel></rss>`],
    ['lower-case doctype', '<!doctype rss [<!entity x "y">]><rss/>'],
  ];
  for (const [name, xml] of hostile) {
    // Refused before any entity is expanded: no memory grows (how long it takes is for the benchmarks).
    const m0 = process.memoryUsage().heapUsed;
    assert.throws(() => parseFeedText(xml), /refused/, name);
    assert.ok(process.memoryUsage().heapUsed - m0 < 20_000_000, `${name}: no memory growth`);
  }
  assert.throws(() => parseOpmlText('<!DOCTYPE o [<!ENTITY x "y">]><opml><body/></opml>'), /refused/);
  // An old feed naming Netscape's external DTD, and entity-like text inside CDATA, are fine.
  assert.doesNotThrow(() => checkXml('<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "http://my.netscape.com/publish/formats/rss-0.91.dtd"><rss/>'));
  assert.doesNotThrow(() => checkXml('<rss><channel><description><![CDATA[How <!ENTITY declarations work]]></description></channel></rss>'));
});

test(here + 'malformed feeds and things that are not feeds are reported as such', () => {
  const rows: [string, RegExp][] = [
    ['<rss version="2.0"><channel><title>broken<item></channel>', /not a feed/],
    ['<!doctype html><html><body>a web page</body></html>', /not a feed \(an HTML page\)/],
    ['{"hello": "world"}', /not a feed/],
    ['', /not a feed/],
    ['plain words', /not a feed/],
  ];
  for (const [text, want] of rows) assert.throws(() => parseFeedText(text), want, text);
  assert.throws(() => parseFeedBytes(Buffer.from([0, 1, 2, 3, 0, 0, 0, 9, 9, 9, 1, 1, 1, 1, 1, 1]), 'application/rss+xml'), /not a feed \(binary/);
});

test(here + 'feeds in legacy charsets are decoded by their declaration or header', () => {
  const body = Buffer.concat([Buffer.from('<?xml version="1.0" encoding="ISO-8859-1"?><rss version="2.0"><channel><title>Le Monde diplomatique</title><link>https://x.example/</link><description>d</description><item><guid>1</guid><title>'), Buffer.from('Grève générale', 'latin1'), Buffer.from('</title></item></channel></rss>')]);
  assert.equal(parseFeedBytes(body, 'application/rss+xml').items[0].title, 'Grève générale');
  assert.equal(parseFeedBytes(body, 'text/xml; charset=iso-8859-1').items[0].title, 'Grève générale');
});

test(here + 'OPML: nested outlines, each feed once, non-http URLs skipped; feed discovery from a page', () => {
  const list = parseOpmlText(fixture('subscriptions.opml').toString());
  assert.deepEqual(list.map((f) => f.url), ['https://herald.example/feed', 'https://gazette.example/rss.xml', 'https://courier.example/atom']);
  assert.equal(list[1].title, 'The Gazette');
  assert.throws(() => parseOpmlText('<opml><head></head>'), /not an OPML file/);
  const html = '<html><head><link rel="alternate" type="application/rss+xml" href="/feed.xml"><link rel="alternate" type="application/atom+xml" href="https://x.example/atom"><link rel="stylesheet" href="/s.css"><link rel="alternate" hreflang="fr" href="/fr/"></head></html>';
  assert.deepEqual(discoverFeeds(html, 'https://x.example/news/'), ['https://x.example/feed.xml', 'https://x.example/atom']);
});

test(here + 'plain text of titles: markup and references resolved', () => {
  const rows: [string, string][] = [['A &amp; B', 'A & B'], ['<b>Bold</b> move', 'Bold move'], ['caf&#233; &#x2014; x', 'café — x'], ['  spaced\n out ', 'spaced out'], ['&unknown; stays', '&unknown; stays']];
  for (const [input, want] of rows) assert.equal(plainText(input), want);
});
