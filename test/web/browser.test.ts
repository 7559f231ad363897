import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteStore } from '../../src/store/sqlite.js';
import { collectInputs, ingestItems, storyAnalysis } from '../../src/pipeline.js';
import { fromRecord } from '../../src/ingest/files.js';
import { startServer } from '../../src/present/web/server.js';
import { storyFixtures } from '../cli/helpers.js';

// End to end in a real Chromium against a real server on 127.0.0.1. Without Chromium this fails,
// unless PARALLAX_SKIP_BROWSER=1 says to skip it.
const CHROMIUM = '/usr/bin/chromium';
const skip = process.env.PARALLAX_SKIP_BROWSER === '1' ? 'PARALLAX_SKIP_BROWSER=1' : undefined;

test('[web/browser] front page, story page, a citation, the matrix and the wording table, no console errors', { skip, timeout: 120_000 }, async () => {
  assert.ok(existsSync(CHROMIUM), `no ${CHROMIUM}: install Debian's chromium (or set PARALLAX_SKIP_BROWSER=1)`);
  const { chromium } = await import('playwright-core');
  const store = await openSqliteStore(join(mkdtempSync(join(tmpdir(), 'parallax-e2e-')), 'e2e.db'));
  await ingestItems(store, collectInputs([storyFixtures]));
  await ingestItems(store, [fromRecord({ id: 'evil', source: 'Evil <svg onload=alert(1)>', title: '<script>alert(1)</script> \u202Etxt.exe', url: 'javascript:alert(1)', published: '2025-03-14', text: 'Dock workers <img src=x onerror=alert(3)> voted on Thursday to end the Rotterdam strike, the FNV union said.' }, 'evil', null)]);
  const server = await startServer({ store, port: 0 });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const problems: string[] = [];
    page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
    page.on('pageerror', (e) => problems.push(e.message));
    page.on('dialog', (d) => { problems.push(`dialog: ${d.message()}`); void d.dismiss(); });

    await page.goto(server.url + '/');
    mkdirSync('test-results', { recursive: true });
    await page.screenshot({ path: 'test-results/front.png', fullPage: true });
    const first = page.locator('ol.stories li a').first();
    const storyHref = await first.getAttribute('href');
    await first.click();
    await page.waitForURL(/\/story\//);
    const storyId = decodeURIComponent(storyHref!.split('/').pop()!);
    const story = (await storyAnalysis(store, storyId))!;

    // The claims matrix: one row per shown claim, one column per outlet, a dot where it is carried.
    const shown = story.claims.filter((c) => c.articles.length > 1 || story.articles.length <= 3).slice(0, 40);
    assert.equal(await page.locator('table.matrix tbody tr').count(), shown.length);
    const firstRow = page.locator('table.matrix tbody tr').first();
    assert.equal(await firstRow.locator('th').innerText(), shown[0].text);
    assert.equal(await firstRow.locator('td.yes').count(), new Set(shown[0].articles).size);
    // The wording table: every variant of every concept.
    assert.equal(await page.locator('table.wording tbody tr').count(), story.wording.reduce((n, w) => n + w.variants.length, 0));

    // A citation: focusing shows its source sentence; following it lands on the article.
    const cite = page.locator('ul.summary a.cite').first();
    await cite.focus();
    assert.equal(await page.locator('.pop[role=tooltip]').count(), 1);
    await cite.click();
    assert.match(page.url(), /#art-\d+$/);
    await page.screenshot({ path: 'test-results/story.png', fullPage: true });

    // Hostile text stays text.
    await page.goto(server.url + '/article/evil');
    assert.match(await page.locator('h1').innerText(), /<script>alert\(1\)<\/script>/);
    assert.equal(await page.locator('a[href^="javascript:"]').count(), 0);
    assert.deepEqual(problems, []);
  } finally {
    await browser.close();
    await server.close();
    await store.close();
  }
});
