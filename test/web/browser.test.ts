import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { startServer } from '../../src/present/web/server.js';
import { fixtureArticle, fixtureStore, fixtureStory } from './fixture.js';
import { browserSkip, CHROMIUM } from '../support/requirements.js';

// End to end in a real Chromium against a real server on 127.0.0.1 (skipped, saying why, where
// there is no Chromium, except under CI=true).
const skip = browserSkip();
const here = '[web/browser] ';
const results = new URL('../../test-results/', import.meta.url).pathname;

// The functions handed to page.evaluate run in Chromium, not in Node: the browser globals they use,
// declared for this file only (the DOM library for every test would also type fetch's json() as any).
interface BrowserElement {
  readonly tagName: string;
  readonly attributes: Iterable<{ readonly name: string }>;
  readonly textContent: string | null;
  getAttribute(name: string): string | null;
}
declare const window: { scrollTo(x: number, y: number): void };
declare const document: {
  readonly activeElement: BrowserElement | null;
  readonly title: string;
  readonly body: { readonly innerText: string };
  querySelectorAll(selectors: string): Iterable<BrowserElement>;
};

async function withBrowser(fn: (browser: Browser, url: string) => Promise<void>): Promise<void> {
  assert.ok(existsSync(CHROMIUM), `no ${CHROMIUM}: install Debian's chromium package (apt-get install chromium), or set PARALLAX_SKIP_BROWSER=1 to skip the browser tests`);
  const { chromium } = await import('playwright-core');
  const store = await fixtureStore();
  const server = await startServer({ store, port: 0 });
  let browser: Browser | null = null;
  try {
    assert.match(server.url, /^http:\/\/127\.0\.0\.1:\d+$/);
    // launch() gives every run a fresh temporary profile of its own.
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

/** Console errors, page errors, dialogs (an alert() that ran) and requests leaving the server. */
function watch(page: Page, origin: string): string[] {
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(`console ${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('dialog', (d) => {
    problems.push(`dialog: ${d.message()}`);
    void d.dismiss();
  });
  page.on('request', (r) => {
    if (!r.url().startsWith(origin)) problems.push(`request off the server: ${r.url()}`);
  });
  return problems;
}

test(here + 'front page to story; the claims matrix and the wording table match the story JSON; a citation shows and reaches its sentence', { skip, timeout: 120_000 }, async () => {
  await withBrowser(async (browser, url) => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, colorScheme: 'light' });
    const problems = watch(page, url);
    await page.goto(url + '/');
    mkdirSync(results, { recursive: true });
    await page.screenshot({ path: join(results, 'front.png'), fullPage: true });
    const first = page.locator('ol.stories li a.headline').first();
    assert.equal(await first.getAttribute('href'), '/story/grain-talks');
    await first.click();
    await page.waitForURL(/\/story\/grain-talks$/);
    const story = fixtureStory('grain-talks');
    const outletOf = (id: string) => fixtureArticle(id).source!;
    assert.equal(await page.locator('h1').innerText(), story.title);

    // The matrix: a row per claim, a column per outlet, a dot where the outlet carries the claim.
    const columns = await page.locator('table.matrix thead th.rot').allInnerTexts();
    assert.deepEqual(columns, ['Northern Courier', 'Meridian Daily', 'Eastern Wire']);
    const rows = page.locator('table.matrix tbody tr');
    assert.equal(await rows.count(), story.claims.length);
    for (let i = 0; i < story.claims.length; i++) {
      const row = rows.nth(i);
      const text = (await row.locator('th').innerText()).replace(/\s*only .*$/, '');
      const claim = story.claims.find((c) => c.text === text);
      assert.ok(claim, `row ${i}: ${text}`);
      const carried = new Set(claim.articles.map(outletOf));
      const cells = row.locator('td:not(.count)');
      assert.equal(await cells.count(), columns.length);
      for (let j = 0; j < columns.length; j++) assert.equal(await cells.nth(j).getAttribute('class'), carried.has(columns[j]) ? 'yes' : null, `${text} × ${columns[j]}`);
      assert.equal(await row.getAttribute('class'), carried.size === 1 ? 'exclusive' : null, text);
    }
    // Sorting by outlet count (a button in the header), then back.
    const sortButton = page.locator('table.matrix thead th button', { hasText: 'Outlets' });
    await sortButton.click();
    assert.equal(await page.locator('table.matrix thead th[aria-sort]').getAttribute('aria-sort'), 'descending');
    assert.equal(await rows.first().locator('td.count').innerText(), '3');
    await sortButton.press('Enter');
    assert.equal(await rows.first().locator('td.count').innerText(), '1');

    // The wording table, folded under its heading: opened, every variant with its outlets.
    await page.locator('#wording-fold > summary').click();
    const wording = page.locator('table.wording tbody tr');
    const variants = story.wording.flatMap((w) => w.variants);
    assert.equal(await wording.count(), variants.length);
    for (let i = 0; i < variants.length; i++) {
      const cells = wording.nth(i).locator('td');
      assert.equal(await cells.nth(0).innerText(), variants[i].text);
      assert.equal(await cells.nth(1).innerText(), [...new Set(variants[i].articles.map(outletOf))].join(', '));
    }

    // And outlet by outlet: who says Kyiv, who says Kiev.
    const pivot = page.locator('table.wording-by-outlet tbody tr');
    assert.equal(await pivot.count(), columns.length);
    for (let i = 0; i < columns.length; i++) {
      const cells = await pivot.nth(i).locator('td').allInnerTexts();
      const want = story.wording.map((w) => w.variants.filter((v) => v.articles.some((id) => outletOf(id) === columns[i])).map((v) => v.text).join(', '));
      assert.deepEqual(cells, want, columns[i]);
    }

    // A citation: focusing it shows the sentence it stands for; following it lands on that sentence.
    const cite = page.locator('ol.summary a.cite').nth(2);
    await cite.focus();
    const pop = page.locator('.pop[role=tooltip]');
    assert.equal(await pop.count(), 1);
    const claim = story.claims[0].sentences.find((x) => x.article === 'eastern-grain')!;
    assert.equal(await pop.innerText(), `Eastern Wire\n${claim.text}`);
    assert.equal(await cite.getAttribute('aria-describedby'), 'cite-pop');
    await page.keyboard.press('Escape');
    assert.equal(await pop.count(), 0);
    await cite.press('Enter');
    await page.waitForURL(/#a3-p0s0$/);
    const target = page.locator(':target');
    assert.equal(await target.innerText(), claim.text);
    assert.ok(await target.isVisible());
    assert.equal(await target.evaluate((el) => el.closest('article')?.id), 'art-3');
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: join(results, 'story.png'), fullPage: true });

    // Keyboard: the first Tab reaches the skip link.
    await page.goto(url + '/story/grain-talks');
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Skip to content');
    assert.deepEqual(problems, []);
  });
});

test(here + 'hostile text stays text: no script runs, no handler, no script or data link, no bidi override', { skip, timeout: 120_000 }, async () => {
  await withBrowser(async (browser, url) => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const problems = watch(page, url);
    for (const path of ['/', '/story/hostile', '/article/hostile-1', '/article/hostile-2', '/outlet/' + encodeURIComponent('Evil <svg onload=alert(1)> News'), '/search?q=river']) {
      await page.goto(url + path);
      // Pointer over the hostile text, in case a handler slipped through as markup.
      await page.locator('h1').hover();
      const found = await page.evaluate(() => {
        const bad: string[] = [];
        for (const el of document.querySelectorAll('*')) {
          for (const a of el.attributes) if (a.name.startsWith('on')) bad.push(`${el.tagName} ${a.name}`);
          const href = el.getAttribute('href') ?? el.getAttribute('src') ?? '';
          if (/^\s*(javascript|data):/i.test(href)) bad.push(`${el.tagName} ${href}`);
          if (el.tagName === 'SCRIPT' && el.getAttribute('src') !== '/static/app.js') bad.push('script');
          if (el.tagName === 'IMG' || el.tagName === 'IFRAME') bad.push(el.tagName);
        }
        if (/[\u202a-\u202e\u2066-\u2069]/.test(document.title + document.body.innerText)) bad.push('bidi override');
        return bad;
      });
      assert.deepEqual(found, [], path);
    }
    await page.goto(url + '/story/hostile');
    assert.equal(await page.locator('h1').innerText(), '<script>alert(11)</script> Flood fdp.exe story');
    await page.goto(url + '/article/hostile-1');
    assert.equal(await page.locator('h1').innerText(), '<script>alert(3)</script> Flood fdp.exe warning');
    assert.match(await page.locator('main').innerText(), /<img src=x onerror=alert\(6\)>/);
    assert.deepEqual(problems, []);
  });
});

test(here + 'dark mode: the story page follows prefers-color-scheme and stays legible', { skip, timeout: 120_000 }, async () => {
  await withBrowser(async (browser, url) => {
    const colours = async (scheme: 'light' | 'dark') => {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, colorScheme: scheme });
      const problems = watch(page, url);
      await page.goto(url + '/story/grain-talks');
      if (scheme === 'dark') await page.screenshot({ path: join(results, 'story-dark.png'), fullPage: true });
      // A string, not a function: the test runner's transpiler would wrap named functions in
      // helpers that do not exist in the page.
      const got = (await page.evaluate(`(() => {
        const rgb = (s) => (s.match(/\\d+(\\.\\d+)?/g) || []).slice(0, 3).map(Number);
        const lum = ([r, g, b]) => {
          const f = (c) => ((c /= 255) <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
          return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
        };
        const contrast = (a, b) => {
          const [x, y] = [lum(rgb(a)), lum(rgb(b))].sort((p, q) => q - p);
          return (x + 0.05) / (y + 0.05);
        };
        const body = getComputedStyle(document.body);
        const mark = document.querySelector('.chart .mark');
        const link = document.querySelector('main a');
        return {
          bg: lum(rgb(body.backgroundColor)),
          text: contrast(body.color, body.backgroundColor),
          link: contrast(getComputedStyle(link).color, body.backgroundColor),
          chart: contrast(getComputedStyle(mark).fill, body.backgroundColor),
        };
      })()`)) as { bg: number; text: number; link: number; chart: number };
      assert.deepEqual(problems, []);
      await page.close();
      return got;
    };
    const light = await colours('light');
    const dark = await colours('dark');
    assert.ok(light.bg > 0.8, `light background ${light.bg}`);
    assert.ok(dark.bg < 0.05, `dark background ${dark.bg}`);
    for (const [name, c] of Object.entries({ light, dark })) {
      assert.ok(c.text >= 7, `${name} text contrast ${c.text}`);
      assert.ok(c.link >= 4.5, `${name} link contrast ${c.link}`);
      assert.ok(c.chart >= 3, `${name} chart mark contrast ${c.chart}`);
    }
  });
});

test(here + 'without JavaScript the story still reads: the summary, the matrix, and citations that reach their sentence', { skip, timeout: 120_000 }, async () => {
  await withBrowser(async (browser, url) => {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1000, height: 800 } });
    const page = await context.newPage();
    const problems = watch(page, url);
    await page.goto(url + '/story/grain-talks');
    const story = fixtureStory('grain-talks');
    assert.deepEqual(
      (await page.locator('ol.summary li').allInnerTexts()).map((t) => t.split('\n')[0].replace(/\s*[\d\s]*(one outlet only)?$/, '')),
      story.summary.map((x) => x.text),
    );
    assert.equal(await page.locator('table.matrix tbody tr').count(), story.claims.length);
    assert.equal(await page.locator('table.matrix thead th button').count(), 0);
    await page.locator('ol.summary a.cite').first().click();
    await page.waitForURL(/#a1-p0s0$/);
    assert.equal(await page.locator(':target').innerText(), story.claims[0].sentences[0].text);
    // The timeline opens without script (a details element); the dots of its publication chart
    // are links a keyboard reaches.
    await page.locator('#timeline-fold > summary').click();
    const dot = page.locator('svg.chart a').first();
    await dot.focus();
    assert.equal(await dot.evaluate((el) => el === document.activeElement), true);
    assert.match((await dot.getAttribute('aria-label')) ?? '', /^Northern Courier, 2025-05-06T09:15: Grain corridor talks open in Kyiv$/);
    await page.keyboard.press('Enter');
    await page.waitForURL(/#art-1$/);
    assert.deepEqual(problems, []);
    await context.close();
  });
});

test(here + 'accessibility: axe-core finds no WCAG 2 A/AA violation on the pages, light and dark, wide and narrow', { skip, timeout: 180_000 }, async () => {
  const axe = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  await withBrowser(async (browser, url) => {
    const found: string[] = [];
    for (const [colorScheme, width] of [['light', 1280], ['dark', 1280], ['light', 400]] as const) {
      // The page's CSP forbids injected scripts, as it should; the checker needs one.
      const context = await browser.newContext({ bypassCSP: true, colorScheme, viewport: { width, height: 900 } });
      const page = await context.newPage();
      for (const path of ['/', '/story/grain-talks', '/story/hostile', '/article/courier-grain', '/outlet/Meridian%20Daily', '/search?q=grain']) {
        await page.goto(url + path);
        await page.addScriptTag({ content: axe });
        const violations = (await page.evaluate(`axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }).then((r) => r.violations.map((v) => v.id + ' (' + v.impact + '): ' + v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')))`)) as string[];
        found.push(...violations.map((v) => `${colorScheme} ${width}px ${path}: ${v}`));
      }
      await context.close();
    }
    assert.deepEqual(found, []);
  });
});
