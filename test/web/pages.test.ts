import { test } from 'node:test';
import assert from 'node:assert/strict';
import { gunzipSync, gzipSync } from 'node:zlib';
import { createApp } from '../../src/present/web/app.js';
import { analysisVersion } from '../../src/analyse/index.js';
import type { Story } from '../../src/types.js';
import { fixtureStore, toArticle } from './fixture.js';

const here = '[web/pages] ';

/** Every start tag of a page, with its name and attributes (values unescaped as far as tests need). */
function tags(html: string): { name: string; attrs: Map<string, string> }[] {
  const out: { name: string; attrs: Map<string, string> }[] = [];
  for (const m of html.matchAll(/<([a-zA-Z][\w-]*)((?:\s+[^\s=>/]+(?:="[^"]*"|='[^']*'|=[^\s>]+)?)*)\s*\/?>/g)) {
    const attrs = new Map<string, string>();
    for (const a of m[2].matchAll(/([^\s=>/]+)(?:="([^"]*)"|='([^']*)'|=([^\s>]+))?/g)) attrs.set(a[1].toLowerCase(), (a[2] ?? a[3] ?? a[4] ?? '').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&'));
    out.push({ name: m[1].toLowerCase(), attrs });
  }
  return out;
}

/** What no page may contain, whatever the articles say. */
function assertInert(html: string, where: string): void {
  for (const t of tags(html)) {
    for (const [k, v] of t.attrs) {
      assert.ok(!k.startsWith('on'), `${where}: event handler ${k} on <${t.name}>`);
      if (k === 'href' || k === 'src' || k === 'action' || k === 'xlink:href') assert.ok(!/^\s*(javascript|data|vbscript):/i.test(v), `${where}: ${k}="${v}" on <${t.name}>`);
      assert.notEqual(k, 'style', `${where}: inline style on <${t.name}>`);
    }
    if (t.name === 'script') assert.equal(t.attrs.get('src'), '/static/app.js', `${where}: a script other than the page's own`);
    assert.ok(!['img', 'iframe', 'object', 'embed', 'base', 'meta'].includes(t.name) || (t.name === 'meta' && !t.attrs.has('http-equiv')), `${where}: <${t.name}>`);
  }
  assert.ok(!/[\u202a-\u202e\u2066-\u2069]/.test(html), `${where}: a bidirectional override`);
}

test(here + 'the inertness check itself catches what it is for', () => {
  const bad = [
    '<img src=x onerror=alert(1)>',
    '<svg onload=alert(1)>',
    '<a href="javascript:alert(1)">x</a>',
    '<a href=" data:text/html,x">x</a>',
    '<script>alert(1)</script>',
    '<p style="color:red">x</p>',
    '<p>\u202Etxt</p>',
    "<b onmouseover='x'>y</b>",
  ];
  for (const html of bad) assert.throws(() => assertInert(html, 'probe'), html);
  assertInert('<p>&lt;img src=x onerror=alert(1)&gt;</p><a href="/story/x">x</a><script src="/static/app.js" defer></script>', 'probe');
});

test(here + 'hostile articles stay text on every page, with a strict CSP', async () => {
  const store = await fixtureStore();
  const app = createApp(store);
  for (const path of ['/', '/story/hostile', '/article/hostile-1', '/article/hostile-2', `/outlet/${encodeURIComponent('Evil <svg onload=alert(1)> News')}`, '/search?q=river', '/search?q=%3Cscript%3E', '/nowhere/%3Cscript%3E']) {
    const r = await app.request(path);
    assert.ok(r.status === 200 || r.status === 404, path);
    const csp = r.headers.get('content-security-policy') ?? '';
    for (const d of ["default-src 'none'", "script-src 'self'", "style-src 'self'", "frame-ancestors 'none'", "base-uri 'none'"]) assert.ok(csp.includes(d), `${path}: ${d}`);
    assert.ok(!/unsafe-inline|unsafe-eval/.test(csp));
    assert.equal(r.headers.get('x-content-type-options'), 'nosniff');
    assert.equal(r.headers.get('x-frame-options'), 'DENY');
    assert.equal(r.headers.get('cross-origin-resource-policy'), 'same-origin');
    assert.equal(r.headers.get('access-control-allow-origin'), null);
    assertInert(await r.text(), path);
  }
  // The hostile words are there, as text.
  const story = await (await app.request('/story/hostile')).text();
  assert.ok(story.includes('&lt;script&gt;alert(11)&lt;/script&gt; Flood fdp.exe story'));
  assert.ok(story.includes('&lt;img src=x onerror=alert(6)&gt;'));
  const article = await (await app.request('/article/hostile-1')).text();
  assert.ok(article.includes('javascript:alert(2) <span class="tag">not a web address; not linked</span>'));
  await store.close();
});

test(here + 'every in-page link of the story page has its target; links into articles land on a sentence', async () => {
  const store = await fixtureStore();
  const app = createApp(store);
  for (const id of ['grain-talks', 'hostile']) {
    const html = await (await app.request(`/story/${id}`)).text();
    const all = tags(html);
    const idsOnPage = new Set(all.map((t) => t.attrs.get('id')).filter(Boolean));
    const hrefs = all.map((t) => t.attrs.get('href')).filter((h): h is string => !!h);
    for (const href of hrefs.filter((h) => h.startsWith('#'))) assert.ok(idsOnPage.has(href.slice(1)), `${id}: ${href}`);
    for (const href of hrefs.filter((h) => h.startsWith('/article/') && h.includes('#'))) {
      const [path, frag] = href.split('#');
      assert.ok(tags(await (await app.request(path)).text()).some((t) => t.attrs.get('id') === frag), href);
    }
  }
  await store.close();
});

test(here + 'the summary cites the sentence each outlet wrote', async () => {
  const store = await fixtureStore();
  const app = createApp(store);
  const html = await (await app.request('/story/grain-talks')).text();
  const cites = tags(html).filter((t) => t.attrs.get('class') === 'cite');
  const rows: [string, string, string][] = [
    ['#a1-p0s0', 'Northern Courier', 'Delegations from four countries met in Kyiv on Tuesday to reopen talks on the Black Sea grain corridor.'],
    ['#a2-p0s0', 'Meridian Daily', 'Delegations from four countries met in Kyiv on Tuesday to restart negotiations over the grain corridor.'],
    ['#a3-p0s0', 'Eastern Wire', 'Officials from four states gathered in Kiev on Tuesday for talks on the grain corridor.'],
    ['#a1-p1s0', 'Northern Courier', 'Foreign minister Olena Marchuk said the meeting was "a first step, not a final deal".'],
    ['#a2-p1s0', 'Meridian Daily', 'Olena Marchuk, the foreign minister, called the meeting "a first step, not a final deal".'],
    ['#a3-p2s0', 'Eastern Wire', 'The talks will continue in Istanbul on 20 May 2025.'],
  ];
  assert.deepEqual(
    cites.map((t) => [t.attrs.get('href'), t.attrs.get('data-outlet'), t.attrs.get('data-source')]),
    rows,
  );
  await store.close();
});

test(here + 'front page: biggest story first, filters, and no story for an outlet that has none', async () => {
  const store = await fixtureStore();
  const app = createApp(store);
  const front = await (await app.request('/')).text();
  assert.ok(front.indexOf('/story/grain-talks') < front.indexOf('/story/hostile'));
  assert.match(front, /3 outlets · 3 articles · 2025-05-06 – 2025-05-07/);
  const eastern = await (await app.request('/?outlet=Eastern+Wire')).text();
  assert.ok(eastern.includes('/story/grain-talks') && !eastern.includes('/story/hostile'));
  const none = await (await app.request('/?lang=fr')).text();
  assert.match(none, /No story matches these filters/);
  assert.equal((await app.request('/?from=soon')).status, 400);
  const outlet = await (await app.request('/outlet/Meridian%20Daily')).text();
  assert.match(outlet, /Stories it covers<\/h2><ol class="stories"><li class="story"><a class="headline" href="\/story\/grain-talks"/);
  assert.match(outlet, /Stories it misses<\/h2>.*href="\/story\/hostile"/s);
  assert.equal((await app.request('/outlet/Nobody')).status, 404);
  // Search: the story of the matching article, then the article with its matched word marked.
  const found = await (await app.request('/search?q=Istanbul')).text();
  assert.match(found, /<h2>Stories<\/h2><ol class="stories"><li class="story"><a class="headline" href="\/story\/grain-talks"/);
  assert.match(found, /href="\/article\/eastern-grain">Kiev hosts grain corridor meeting<\/a>/);
  assert.match(found, /The talks will continue in <mark>Istanbul<\/mark> on 20 May 2025/);
  await store.close();
});

test(here + 'story pages: ETag, 304, and gzip that unpacks to the same page', async () => {
  const store = await fixtureStore();
  const app = createApp(store);
  const plain = await app.request('/story/grain-talks');
  const etag = plain.headers.get('etag');
  assert.ok(etag);
  const html = await plain.text();
  assert.equal((await app.request('/story/grain-talks', { headers: { 'if-none-match': etag } })).status, 304);
  const zipped = await app.request('/story/grain-talks', { headers: { 'accept-encoding': 'gzip, br' } });
  assert.equal(zipped.headers.get('content-encoding'), 'gzip');
  assert.equal(gunzipSync(Buffer.from(await zipped.arrayBuffer())).toString('utf8'), html);
  // A new analysis is a new page.
  const s = (await store.getAnalysis('grain-talks'))!;
  await store.saveAnalysis({ ...s, title: 'Grain talks, second take' });
  const again = await app.request('/story/grain-talks', { headers: { 'if-none-match': etag } });
  assert.equal(again.status, 200);
  assert.match(await again.text(), /Grain talks, second take/);
  assert.equal((await app.request('/story/none')).status, 404);
  await store.close();
});

test(here + 'a story of 50 articles from 40 outlets, with hundreds of claims and quotes, makes a page under 600 KB (60 KB gzipped) that still holds every one of them', async () => {
  const store = await fixtureStore();
  const sentence = (i: number, j: number) => `Officials in district ${i} said on day ${j} that the measure number ${i * 31 + j} would cost about ${i + j} million and take several more months to finish.`;
  const articles = Array.from({ length: 50 }, (_, i) => ({
    id: `big-${i}`,
    source: `Outlet ${i % 40}`,
    url: `https://outlet${i % 40}.example/${i}`,
    title: `Report ${i} on the measures`,
    byline: null,
    published: `2025-03-0${1 + (i % 3)}T${String(i % 24).padStart(2, '0')}:00`,
    language: 'en',
    text: Array.from({ length: 20 }, (_, p) => [0, 1, 2].map((s) => sentence(i, p * 3 + s)).join(' ')).join('\n\n'),
  }));
  await store.upsertArticles(articles.map((a) => toArticle(a)));
  await store.assignStories(articles.map((a) => [a.id, 'big'] as [string, string]));
  const pick = (k: number, n: number) => Array.from({ length: n }, (_, j) => articles[(k * 7 + j * 3) % 50].id);
  await store.saveAnalysis({
    id: 'big',
    title: 'A big story',
    version: analysisVersion(),
    articles: articles.map((a) => ({ ...a, dateline: null })),
    entities: Array.from({ length: 200 }, (_, k) => ({ name: `Person ${k}`, kind: 'person' as const, mentions: pick(k, 5).map((article) => ({ article, text: `Person ${k}` })) })),
    quotes: Array.from({ length: 500 }, (_, k) => ({ speaker: `Speaker ${k % 120}`, text: `We will see what happens with measure ${k} in the coming weeks and months, the speaker said.`, direct: k % 3 > 0, articles: pick(k, 1 + (k % 30)) })),
    claims: Array.from({ length: 700 }, (_, k) => {
      const ids = pick(k, 1 + (k % 12));
      return { text: sentence(k % 50, k % 60), articles: ids, sentences: ids.map((article) => ({ article, text: sentence(Number(article.slice(4)), k % 60) })) };
    }),
    wording: Array.from({ length: 80 }, (_, k) => ({ concept: `Concept ${k}`, variants: [0, 1, 2, 3].map((v) => ({ text: `variant ${k}.${v}`, articles: pick(k + v, 12) })) })),
    timeline: Array.from({ length: 120 }, (_, k) => ({ date: `20${String(k % 25).padStart(2, '0')}-0${1 + (k % 9)}`, text: `Something dated happened, event ${k}, as several outlets recalled in their background paragraphs.`, articles: pick(k, 1 + (k % 20)) })),
    summary: Array.from({ length: 8 }, (_, k) => ({ text: sentence(k, k), articles: pick(k, 10) })),
  });
  const app = createApp(store);
  const r = await app.request('/story/big');
  assert.equal(r.status, 200);
  const html = await r.text();
  const kb = Buffer.byteLength(html) / 1024;
  assert.ok(kb < 600, `${kb.toFixed(0)} KB`);
  // As served: gzipped.
  const gz = Buffer.byteLength(gzipSync(html)) / 1024;
  assert.ok(gz < 60, `${gz.toFixed(0)} KB gzipped`);
  // Still all there in outline: every section, 40 outlet columns, the capped lists saying so.
  for (const id of ['summary', 'claims', 'quotes', 'wording', 'timeline', 'entities', 'articles']) assert.ok(html.includes(`<h2 id="${id}">`), id);
  assert.equal((html.match(/<th scope="col" class="rot">/g) ?? []).length, 40);
  // What is not shown first is folded under it, not left to the JSON.
  assert.match(html, /<summary>440 more quotes<\/summary>/);
  assert.equal((html.match(/<q class=/g) ?? []).length, 500, 'every quote');
  const from = html.indexOf('<h2 id="claims">');
  const claims = html.slice(from, html.indexOf('</section>', from));
  assert.equal((claims.match(/<tr/g) ?? []).length - 1 + (claims.match(/<li>/g) ?? []).length, 700, 'every claim');
  assert.ok(!html.includes("story's JSON"));
  // Only openings and cited paragraphs are shown, yet every in-page link has its target.
  const all = tags(html);
  const ids = new Set(all.map((t) => t.attrs.get('id')).filter(Boolean));
  const local = all.map((t) => t.attrs.get('href')).filter((x): x is string => !!x?.startsWith('#'));
  assert.ok(local.length > 100);
  for (const href of local) assert.ok(ids.has(href.slice(1)), href);
  assert.ok(all.some((t) => /^\/article\/big-\d+#p\d+s\d+$/.test(t.attrs.get('href') ?? '')), 'links to sentences on article pages');
  assert.match(html, /80 more dated events \(above: the 40 most reported\)/);
  await store.close();
});

test(here + 'a story asked for by many at once is analysed once', async () => {
  const store = await fixtureStore();
  await store.clearAnalyses();
  let saves = 0;
  // The real store, with its saves counted.
  const counted = new Proxy(store, {
    get(target, prop) {
      const v = Reflect.get(target, prop, target) as unknown;
      if (prop === 'saveAnalysis') saves++;
      return typeof v === 'function' ? v.bind(target) : v;
    },
  });
  const app = createApp(counted);
  const paths = Array.from({ length: 12 }, (_, i) => (i % 2 ? '/api/stories/grain-talks' : '/story/grain-talks'));
  const answers = await Promise.all(paths.map((p) => app.request(p)));
  assert.deepEqual(answers.map((r) => r.status), paths.map(() => 200));
  assert.equal(saves, 1);
  const json = (await answers[1].json()) as Story;
  assert.deepEqual(json.articles.map((a: { id: string }) => a.id).sort(), ['courier-grain', 'eastern-grain', 'meridian-grain']);
  await store.close();
});
