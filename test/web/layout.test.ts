import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { startServer } from '../../src/present/web/server.js';
import { openSqliteStore } from '../../src/store/sqlite.js';
import type { Store } from '../../src/store/types.js';
import type { Story } from '../../src/types.js';
import { cli, root } from '../cli/helpers.js';
import { toArticle, type FixtureArticle } from './fixture.js';
import { browserSkip, CHROMIUM } from '../support/requirements.js';

// The story page as a journalist reads it, in a real Chromium against a real server over a real
// SQLite store, the analysis made by the real pipeline: it fits a phone's width and a laptop's, it
// keeps its sections, its citations reach their sentences, and the sample story stays short.
const skip = browserSkip();
const here = '[web/layout] ';
const results = join(root, 'test-results');
const WIDTHS = [1280, 390] as const;
const SCREEN = 800;

// Browser globals used by the functions handed to page.evaluate (they run in Chromium).
interface BrowserElement {
  readonly id: string;
  readonly textContent: string | null;
  getAttribute(name: string): string | null;
  closest(selector: string): BrowserElement | null;
}
declare const document: {
  readonly documentElement: { readonly scrollWidth: number; readonly scrollHeight: number; readonly clientWidth: number };
  getElementById(id: string): BrowserElement | null;
  querySelectorAll(selectors: string): Iterable<BrowserElement> & { length: number };
};
declare const window: { readonly innerWidth: number };

// Invented reports of one invented event by five outlets: three in the registry, one that names
// itself but is not in it, one known only by its web address.
const day = '2031-03-11';
const articles: FixtureArticle[] = [
  {
    id: 'ferry-reuters', source: 'Reuters', url: 'https://www.reuters.com/world/ferry-strike-ends', title: 'Ferry crews end strike on the Solent after pay deal', byline: null, published: `${day}T08:10`, language: 'en',
    text: 'Ferry crews on the Solent ended a nine-day strike on Tuesday after accepting a pay rise of 7 percent, the Marine Workers Union said.\n\nUnion leader Agnes Tolland said the deal was "a fair result for every crew member". Services between Portsmouth and Ryde will resume on Wednesday morning.\n\nThe operator, Wightlink Ferries, said it expected a full timetable by Friday. The strike began on 2 March 2031.',
  },
  {
    id: 'ferry-bbc', source: 'BBC News', url: 'https://www.bbc.co.uk/news/ferry-walkout-over', title: 'Solent ferry walkout over as crews accept 7% rise', byline: 'Hana Orme', published: `${day}T09:00`, language: 'en',
    text: 'Ferry crews on the Solent ended their nine-day walkout on Tuesday after accepting a 7 percent pay rise, the Marine Workers Union said.\n\nAgnes Tolland, the union leader, called the agreement "a fair result for every crew member". Sailings between Portsmouth and Ryde restart on Wednesday.\n\nIsland businesses said the walkout had cost them thousands of pounds in lost trade.',
  },
  {
    id: 'ferry-dw', source: 'Deutsche Welle', url: 'https://www.dw.com/en/ferry-strike/a-1', title: 'British ferry strike ends with pay deal', byline: null, published: `${day}T10:30`, language: 'en',
    text: 'Ferry crews on the Solent ended a nine-day strike on Tuesday after accepting a pay rise of 7 percent, the Marine Workers Union said.\n\nThe operator, Wightlink Ferries, said it expected a full timetable by Friday.\n\nStrikes in British transport have become more frequent since 2029.',
  },
  {
    id: 'ferry-tribune', source: 'Lakeside Tribune', url: 'https://lakeside-tribune.example/ferry', title: 'Ferries to sail again as strike ends', byline: null, published: `${day}T12:45`, language: 'en',
    text: 'Ferry crews on the Solent ended a nine-day strike on Tuesday after accepting a 7 percent pay rise, the Marine Workers Union said.\n\nAgnes Tolland said the deal was "a fair result for every crew member". Services between Portsmouth and Ryde will resume on Wednesday morning.\n\nCommuters on the island said they had waited for hours at Ryde pier during the strike.',
  },
  {
    id: 'ferry-notes', source: null, url: 'https://www.harbour-notes.example/2031/03/ferries', title: 'Solent ferries back on Wednesday', byline: null, published: `${day}T15:20`, language: 'en',
    text: 'Services between Portsmouth and Ryde will resume on Wednesday morning after ferry crews on the Solent ended a nine-day strike on Tuesday.\n\nThe operator, Wightlink Ferries, said it expected a full timetable by Friday. The union had asked for 9 percent.',
  },
];
const STORY = 'ferry-strike';
const OUTLETS = ['Reuters', 'BBC News', 'Deutsche Welle', 'Lakeside Tribune', 'harbour-notes.example'];

async function ferryStore(): Promise<Store> {
  const store = await openSqliteStore(join(mkdtempSync(join(tmpdir(), 'parallax-layout-')), 'layout.db'));
  await store.upsertArticles(articles.map(toArticle));
  await store.assignStories(articles.map((a) => [a.id, STORY] as [string, string]));
  return store;
}

/** The sample corpus (corpus/sample), ingested by the real CLI into a store of its own. */
async function sampleStore(): Promise<{ store: Store; id: string }> {
  const db = join(mkdtempSync(join(tmpdir(), 'parallax-sample-')), 'sample.db');
  const r = cli(['ingest', '--db', db, join(root, 'corpus', 'sample')]);
  assert.equal(r.status, 0, r.stderr);
  const store = await openSqliteStore(db);
  const [top] = await store.listStories({ limit: 1 });
  assert.ok(top, 'the sample makes a story');
  return { store, id: top.id };
}

async function withServer(store: Store, fn: (browser: Browser, url: string) => Promise<void>): Promise<void> {
  assert.ok(existsSync(CHROMIUM), `no ${CHROMIUM}: install Debian's chromium package, or set PARALLAX_SKIP_BROWSER=1 to skip the browser tests`);
  const { chromium } = await import('playwright-core');
  const server = await startServer({ store, port: 0 });
  let browser: Browser | null = null;
  try {
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    await fn(browser, server.url);
  } finally {
    await browser?.close();
    await server.close();
    await store.close();
  }
}

/** Each width's page of a story, in a context of its own (the CSP bypassed, for axe only). */
async function eachWidth(browser: Browser, url: string, fn: (page: Page, width: number) => Promise<void>): Promise<void> {
  mkdirSync(results, { recursive: true });
  for (const width of WIDTHS) {
    const context = await browser.newContext({ bypassCSP: true, viewport: { width, height: SCREEN }, colorScheme: 'light' });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(url);
    await fn(page, width);
    assert.deepEqual(errors, [], `${width} px`);
    await context.close();
  }
}

const openAll = (page: Page) => page.locator('details').evaluateAll((ds) => ds.forEach((d) => d.setAttribute('open', '')));
const widthOf = (page: Page) => page.evaluate(() => ({ page: document.documentElement.scrollWidth, window: window.innerWidth }));

test(here + 'no sideways scrolling at 1280 and 390 px, folded or with every section open: tables scroll in their own box, charts scale', { skip, timeout: 240_000 }, async () => {
  for (const make of [async () => ({ store: await ferryStore(), id: STORY }), sampleStore]) {
    const { store, id } = await make();
    await withServer(store, async (browser, url) => {
      await eachWidth(browser, `${url}/story/${encodeURIComponent(id)}`, async (page, width) => {
        const folded = await widthOf(page);
        assert.ok(folded.page <= folded.window, `${id}, ${width} px: the page is ${folded.page} px wide`);
        await page.screenshot({ path: join(results, `layout-${id === STORY ? 'ferry' : 'sample'}-${width}.png`), fullPage: true });
        await openAll(page);
        const unfolded = await widthOf(page);
        assert.ok(unfolded.page <= unfolded.window, `${id}, ${width} px, every section open: the page is ${unfolded.page} px wide`);
        await page.screenshot({ path: join(results, `layout-${id === STORY ? 'ferry' : 'sample'}-${width}-open.png`), fullPage: true });
      });
    });
  }
});

test(here + 'every section the analysis has, citations that reach their sentence, no serious or critical axe finding, at 1280 and 390 px', { skip, timeout: 240_000 }, async () => {
  const axe = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  await withServer(await ferryStore(), async (browser, url) => {
    const story = (await (await fetch(`${url}/api/stories/${STORY}`)).json()) as Story;
    assert.ok(story.summary.length && story.claims.length && story.quotes.length && story.timeline.length, 'the invented story has a summary, claims, quotes and dated events');
    await eachWidth(browser, `${url}/story/${STORY}`, async (page, width) => {
      // Every section the analysis has something for, each once, in the table of contents too.
      const want = [
        ['summary', story.summary.length],
        ['claims', story.claims.length],
        ['quotes', story.quotes.length],
        ['wording', story.wording.length],
        ['timeline', story.timeline.length],
        ['entities', story.entities.length],
        ['articles', story.articles.length],
      ] as const;
      for (const [id, n] of want) {
        if (!n) continue;
        assert.equal(await page.locator(`section[aria-labelledby="${id}"] h2#${id}`).count(), 1, `${width} px: section ${id}`);
        assert.equal(await page.locator(`nav.toc a[href="#${id}"]`).count(), 1, `${width} px: ${id} in the table of contents`);
      }

      // Each citation of the summary points at an element of this page that holds the sentence it
      // stands for (its data-source).
      const cites = await page.locator('ol.summary a.cite').evaluateAll((as) => as.map((a) => ({ href: a.getAttribute('href') ?? '', said: a.getAttribute('data-source') ?? '' })));
      assert.ok(cites.length >= story.summary.length, `${width} px: ${cites.length} citations`);
      for (const { href, said } of cites) {
        assert.ok(href.startsWith('#'), `${width} px: citation ${href} leaves the page`);
        const held = await page.evaluate((id) => document.getElementById(id)?.textContent ?? null, href.slice(1));
        assert.equal(held, said, `${width} px: citation ${href}`);
      }
      // Following one into the folded side-by-side view shows the sentence.
      const first = page.locator('ol.summary a.cite').first();
      const target = (await first.getAttribute('href'))!;
      await first.click();
      await page.waitForURL(new RegExp(`${target}$`));
      assert.ok(await page.locator(target).isVisible(), `${width} px: ${target} is visible once followed`);

      // No serious or critical accessibility finding, on the folded page and the unfolded one.
      await page.goto(`${url}/story/${STORY}`);
      for (const state of ['folded', 'open']) {
        if (state === 'open') await openAll(page);
        await page.addScriptTag({ content: axe });
        const found = (await page.evaluate(
          `axe.run(document).then((r) => r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id + ' (' + v.impact + '): ' + v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')))`,
        )) as string[];
        assert.deepEqual(found, [], `${width} px, ${state}`);
      }
      await page.screenshot({ path: join(results, `layout-ferry-${width}-axe.png`), fullPage: true });
    });
  });
});

test(here + 'one name per outlet: the registry\'s, else the article\'s own source, else its domain; never "unknown outlet"; no two matrix columns alike', { skip, timeout: 240_000 }, async () => {
  await withServer(await ferryStore(), async (browser, url) => {
    const story = (await (await fetch(`${url}/api/stories/${STORY}`)).json()) as Story;
    assert.deepEqual([...new Set((story.outlets ?? []).map((o) => o.outlet))].sort(), [...OUTLETS].sort(), 'the JSON names the outlets');
    await eachWidth(browser, `${url}/story/${STORY}`, async (page, width) => {
      // (A long name is shortened in its column's header; the whole of it is the header's title.)
      const columns = await page.locator('table.matrix thead th.rot span').evaluateAll((ss) => ss.map((x) => x.getAttribute('title') ?? ''));
      assert.deepEqual([...columns].sort(), [...OUTLETS].sort(), `${width} px: the matrix's columns`);
      const shown = await page.locator('table.matrix thead th.rot').allInnerTexts();
      assert.equal(new Set(shown).size, shown.length, `${width} px: two columns under one name: ${shown.join(', ')}`);
      await openAll(page);
      const text = (await page.locator('main').innerText()).replace(/\s+/g, ' ');
      assert.ok(!/unknown outlet/i.test(text), `${width} px: "unknown outlet" on the page`);
      assert.ok(!text.includes('www.harbour-notes.example'), `${width} px: the outlet under its host name`);
      for (const name of OUTLETS) assert.ok(text.includes(name), `${width} px: ${name}`);
    });
  });
});

test(here + 'the sample story: under six screens tall at 1280 px, the summary, matrix and coverage open, and every claim, quote, dated event and name still on the page', { skip, timeout: 240_000 }, async () => {
  const { store, id } = await sampleStore();
  await withServer(store, async (browser, url) => {
    const story = (await (await fetch(`${url}/api/stories/${encodeURIComponent(id)}`)).json()) as Story;
    mkdirSync(results, { recursive: true });
    const page = await browser.newPage({ viewport: { width: 1280, height: SCREEN } });
    await page.goto(`${url}/story/${encodeURIComponent(id)}`);
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    await page.screenshot({ path: join(results, 'sample-story-1280.png'), fullPage: true });
    assert.ok(height < 6 * SCREEN, `the sample's story page is ${height} px tall at 1280 px (${(height / SCREEN).toFixed(1)} screens)`);
    for (const open of ['summary', 'claims', 'coverage']) assert.ok(await page.locator(`h2#${open}`).isVisible(), `${open} is shown`);
    assert.ok(await page.locator('table.matrix').isVisible(), 'the matrix is open');
    for (const folded of ['quotes', 'wording', 'entities', 'articles']) assert.equal(await page.locator(`section[aria-labelledby="${folded}"] details.fold:not([open])`).count(), 1, `${folded} is folded`);
    // Nothing the analysis lists is left out: what is not shown first is folded under it.
    const inClaims = (await page.locator('section[aria-labelledby="claims"] table.matrix tbody tr').count()) + (await page.locator('section[aria-labelledby="claims"] details.more li').count());
    assert.equal(inClaims, story.claims.length, 'every claim');
    assert.equal(await page.locator('section[aria-labelledby="quotes"] q').count(), story.quotes.length, 'every quote');
    assert.equal(await page.locator('section[aria-labelledby="timeline"] ol.events li').count(), story.timeline.length, 'every dated event');
    assert.equal(await page.locator('section[aria-labelledby="entities"] table.entities tbody tr').count(), story.entities.length, 'every name');
    assert.ok(!(await page.locator('main').textContent())?.includes("story's JSON"), 'a list cut short and left to the JSON');
    const columns = await page.locator('table.matrix thead th.rot').allInnerTexts();
    assert.equal(new Set(columns).size, columns.length, `the matrix's columns: ${columns.join(', ')}`);
    await page.close();
  });
});

test(here + 'the articles side by side: at 1280 px the five articles stand in one row (none wrapped below the others); at 390 px one under another, the page no wider than the screen', { skip, timeout: 240_000 }, async () => {
  await withServer(await ferryStore(), async (browser, url) => {
    await eachWidth(browser, `${url}/story/${STORY}`, async (page, width) => {
      await openAll(page);
      const boxes = await page.locator('.columns > article.col').evaluateAll((cols) => cols.map((c) => (c as unknown as { getBoundingClientRect(): { top: number; left: number } }).getBoundingClientRect()).map((r) => ({ top: Math.round(r.top), left: Math.round(r.left) })));
      assert.equal(boxes.length, articles.length);
      const rows = new Set(boxes.map((b) => b.top)).size;
      if (width === 1280) assert.equal(rows, 1, `${width} px: the articles stand in ${rows} rows`);
      else assert.equal(new Set(boxes.map((b) => b.left)).size, 1, `${width} px: one column`);
      const w = await widthOf(page);
      assert.ok(w.page <= w.window, `${width} px: the page is ${w.page} px wide`);
    });
  });
});
