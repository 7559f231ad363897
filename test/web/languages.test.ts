// A story in English, Russian and Arabic on its page: each article's language by name beside its
// outlet, the story's languages in its header and coverage, every outlet's sentence marked up with
// its language (right to left for Arabic) and labelled with it, a name in each of its alphabets, the
// wording language by language; read in a real Chromium at a laptop's width and a phone's.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { createApp } from '../../src/present/web/app.js';
import { startServer } from '../../src/present/web/server.js';
import { fixtureStore } from './fixture.js';
import { multilingualStore, multilingualStory, STORY } from '../present/multilingual.js';
import { browserSkip, CHROMIUM } from '../support/requirements.js';
import { root } from '../cli/helpers.js';

const here = '[web/languages] ';
const skip = browserSkip();

// Browser globals used by the functions handed to page.evaluate (they run in Chromium).
declare const document: { readonly documentElement: { readonly scrollWidth: number } };
declare const window: { readonly innerWidth: number };
declare function getComputedStyle(el: unknown): { readonly direction: string; readonly unicodeBidi: string };

/** The opening tag of the element that holds exactly `text` (escaped as the page escapes it). */
function tagAround(page: string, text: string): string {
  const escaped = text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
  const at = page.indexOf(`>${escaped}<`);
  assert.ok(at > 0, `no element holds "${text}"`);
  return page.slice(page.lastIndexOf('<', at), at + 1);
}

async function storyHtml(): Promise<string> {
  const store = await multilingualStore();
  try {
    const res = await createApp(store).request(`/story/${STORY}`);
    assert.equal(res.status, 200);
    return await res.text();
  } finally {
    await store.close();
  }
}

test(here + "each article's language by its name beside its outlet, and the story's languages in its header and coverage", async () => {
  const page = await storyHtml();
  assert.match(page, /in 3 languages: English 2, Russian 1, Arabic 1/);
  assert.match(page, /2031-05-12T12:00<\/time> · Russian<\/p>/);
  assert.match(page, /2031-05-12T13:15<\/time> · Arabic<\/p>/);
  assert.doesNotMatch(page, /<\/time> · (ru|ar|en)<\/p>/);
  const coverage = /<ul class="langs"[^>]*>([\s\S]*?)<\/ul>/.exec(page)?.[1] ?? '';
  assert.match(coverage, /<b>English<\/b> 2 articles: Lakeshore Herald, Riverside Post/);
  assert.match(coverage, /<b>Arabic<\/b> 1 article: Sahil Daily/);
  // The lined-up passages name each column's language.
  assert.match(page, /Sahil Daily<\/a> <span class="tag lang">Arabic<\/span><\/th>/);
});

test(here + "every outlet's sentence carries its language in lang (and dir for Arabic), and is labelled with it", async () => {
  const page = await storyHtml();
  const [opened, cost, traffic] = multilingualStory.claims;
  // The matrix's rows and the summary: the claim's own sentence, labelled.
  assert.match(page, new RegExp(`<th scope="row">${opened.text} <span class="tag lang">English</span>`));
  assert.match(page, new RegExp(`<span lang="ru">${traffic.text}</span> <span class="tag lang">Russian</span>`));
  // Each outlet's rendering of a quote, and the quote in Arabic.
  assert.equal(tagAround(page, '«Этот мост соединяет две половины одного города»'), '<span lang="ru">');
  assert.equal(tagAround(page, 'إن الجسر يربط نصفي المدينة'), '<q class="indirect" lang="ar" dir="rtl">');
  // The disagreement and the dated event in Arabic, right to left.
  assert.match(page, /<span lang="ar" dir="rtl">وبلغت تكلفة الجسر 45 مليون يورو\.<\/span> <span class="tag lang">Arabic<\/span>/);
  assert.match(page, /<time>2031-05-12<\/time> <span lang="ar" dir="rtl">افتتح[^<]*<\/span> <span class="tag lang">Arabic<\/span>/);
  // The lined-up passages and the columns: each article's own sentences in its language.
  assert.equal(tagAround(page, cost.sentences.find((x) => x.article === 'bridge-vestnik')!.text), '<td lang="ru">');
  assert.match(page, /<p lang="ar" dir="rtl"><mark id="a4-p0s0"/);
  assert.match(page, /<a href="\/article\/bridge-sahil" lang="ar" dir="rtl">/);
  // A citation tells the script the language of the sentence it shows.
  assert.match(page, /data-outlet="Sahil Daily" data-source="افتتح[^"]*" data-lang="ar"/);
});

test(here + 'a name in several alphabets shows its forms; the wording is grouped by language', async () => {
  const page = await storyHtml();
  assert.match(page, /Bogdan Marenko<\/a> · <span lang="ru">Богдан Маренко<\/span> · <span lang="ar" dir="rtl">بوغدان مارينكو<\/span><\/th>/);
  assert.match(page, /<td>Velgorod<\/td><td>English: Lakeshore Herald, Riverside Post<\/td>/);
  assert.match(page, /<td><span lang="ru">Велгорода<\/span><\/td><td>Russian: Severny Vestnik<\/td>/);
  assert.match(page, /<td><span lang="ar" dir="rtl">فيلغورود<\/span><\/td><td>Arabic: Sahil Daily<\/td>/);
  // A concept worded in one language is not split by language.
  assert.match(page, /<td>river bridge<\/td><td>Riverside Post<\/td>/);
});

test(here + 'the front page says which languages a story of several is told in, by name; the language filter names them too', async () => {
  const store = await multilingualStore();
  try {
    const page = await (await createApp(store).request('/')).text();
    assert.match(page, /<span class="story-langs">· in English, Russian, Arabic<\/span>/);
    assert.match(page, /<option value="ar">Arabic<\/option>/);
  } finally {
    await store.close();
  }
});

test(here + "the article page names its language and marks its text up with it; the outlet page lists each article's language", async () => {
  const store = await multilingualStore();
  try {
    const app = createApp(store);
    const article = await (await app.request('/article/bridge-sahil')).text();
    assert.match(article, /<dt>Language<\/dt><dd>Arabic<\/dd>/);
    assert.match(article, /<h1 lang="ar" dir="rtl">/);
    assert.match(article, /<p lang="ar" dir="rtl"><span id="p0s0">افتتح/);
    const outlet = await (await app.request('/outlet/Severny%20Vestnik')).text();
    assert.match(outlet, /<a href="\/article\/bridge-vestnik" lang="ru">В Велгороде открыли новый мост<\/a><\/td><td>Russian<\/td>/);
  } finally {
    await store.close();
  }
});

test(here + 'a story in one language labels none of its sentences', async () => {
  const store = await fixtureStore();
  try {
    const page = await (await createApp(store).request('/story/grain-talks')).text();
    assert.doesNotMatch(page, /class="tag lang"/);
    assert.doesNotMatch(page, /<ul class="langs"/);
    assert.match(page, /<span class="langs-line">English<\/span>/);
  } finally {
    await store.close();
  }
});

test(here + 'in Chromium at 1280 and 390 px: Arabic reads right to left inside the page, nothing overflows sideways, axe finds no WCAG A/AA violation', { skip, timeout: 180_000 }, async () => {
  assert.ok(existsSync(CHROMIUM), `no ${CHROMIUM}`);
  const axe = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  const { chromium } = await import('playwright-core');
  const store = await multilingualStore();
  const server = await startServer({ store, port: 0 });
  let browser: Browser | null = null;
  const results = join(root, 'test-results');
  mkdirSync(results, { recursive: true });
  try {
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    for (const width of [1280, 390]) {
      const context = await browser.newContext({ bypassCSP: true, viewport: { width, height: 900 }, colorScheme: 'light' });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(`${server.url}/story/${STORY}`);
      await page.locator('details').evaluateAll((ds) => ds.forEach((d) => d.setAttribute('open', '')));
      const wide = await page.evaluate(() => ({ page: document.documentElement.scrollWidth, window: window.innerWidth }));
      assert.ok(wide.page <= wide.window, `${width} px: the page is ${wide.page} px wide`);
      // The Arabic sentence runs right to left, isolated: its label stands after it, to its right.
      const arabic = page.locator('section[aria-labelledby="disagreements"] span[lang="ar"]');
      assert.equal(await arabic.evaluate((el) => getComputedStyle(el).direction), 'rtl');
      assert.equal(await arabic.evaluate((el) => getComputedStyle(el).unicodeBidi), 'isolate');
      const label = page.locator('section[aria-labelledby="disagreements"] span[lang="ar"] + .tag.lang');
      const [a, l] = [await arabic.boundingBox(), await label.boundingBox()];
      assert.ok(a && l && (l.x >= a.x + a.width - 1 || l.y > a.y + 1), `${width} px: the label is not after the Arabic sentence`);
      // The side-by-side column of the Arabic article is set right to left.
      assert.equal(await page.locator('#art-4 p[lang="ar"]').first().evaluate((el) => getComputedStyle(el).direction), 'rtl');
      await page.screenshot({ path: join(results, `languages-${width}.png`), fullPage: true });
      await page.addScriptTag({ content: axe });
      const found = (await page.evaluate(`axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }).then((r) => r.violations.map((v) => v.id + ' (' + v.impact + '): ' + v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')))`)) as string[];
      assert.deepEqual(found, [], `${width} px`);
      // The citation's pop-up shows the Arabic sentence in its language.
      await page.locator('ol.summary a.cite[data-lang="ar"]').focus();
      assert.equal(await page.locator('.pop span').getAttribute('lang'), 'ar');
      assert.deepEqual(errors, [], `${width} px`);
      await context.close();
    }
  } finally {
    await browser?.close();
    await server.close();
    await store.close();
  }
});
