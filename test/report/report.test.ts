import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { reporters } from '../../src/present/report/index.js';
import { hostileStory } from './fixture.js';
import { browserSkip } from '../support/requirements.js';

const here = '[report] ';

test(here + 'json is the story JSON itself', () => {
  assert.deepEqual(JSON.parse(reporters.json.render(hostileStory)), hostileStory);
});

test(here + 'html is self-contained, escaped, and never links javascript: or data: URLs', () => {
  const out = reporters.html.render(hostileStory);
  assert.ok(!/<script/i.test(out), 'a script tag got through');
  assert.ok(!/<img/i.test(out), 'an img tag got through');
  assert.ok(!/href="(javascript|data):/i.test(out), 'a dangerous link');
  assert.ok(!out.includes('\u202E'), 'a bidirectional override got through');
  assert.match(out, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
  assert.match(out, /<a href="https:\/\/harbour\.example\/strike"/);
  // No external requests: every src/href is in-page or the article links.
  for (const m of out.matchAll(/(?:src|href)="([^"]+)"/g)) assert.ok(m[1].startsWith('#') || m[1].startsWith('https://harbour.example'), m[1]);
  assert.match(out, /Content-Security-Policy" content="default-src 'none'/);
  for (const section of ['Summary', 'What the outlets share', 'Only one outlet reports', 'Disagreements', 'Who said what', 'Wording', 'Timeline', 'Coverage', 'Articles']) assert.ok(out.includes(`<h2>${section}</h2>`), section);
  assert.match(out, /state-owned or state-affiliated/);
  assert.match(out, /<svg role="img"/);
});

test(here + 'markdown escapes markup and links only http(s)', () => {
  const out = reporters.md.render(hostileStory);
  assert.ok(!out.includes('<script>'));
  assert.ok(!out.includes('](<javascript:'));
  assert.ok(!out.includes('](<data:'));
  assert.match(out, /\[Strike over \\<img src=x onerror=alert\\\(1\\\)\\>\]\(<https:\/\/harbour\.example\/strike>\)/);
  assert.match(out, /## Who said what/);
});

test(here + 'the HTML report renders offline in Chromium, with no script run and no request made', { skip: browserSkip() }, async () => {
  const { chromium } = await import('playwright-core');
  const dir = mkdtempSync(join(tmpdir(), 'parallax-report-'));
  const file = join(dir, 'report.html');
  writeFileSync(file, reporters.html.render(hostileStory));
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const page = await browser.newPage();
    const requests: string[] = [];
    const dialogs: string[] = [];
    page.on('request', (r) => { if (!r.url().startsWith('file:')) requests.push(r.url()); });
    page.on('dialog', (d) => { dialogs.push(d.message()); void d.dismiss(); });
    await page.goto('file://' + file);
    assert.equal(await page.locator('h1').count(), 1);
    assert.match(await page.locator('h1').innerText(), /Harbour strike ends <script>alert\(1\)<\/script>/);
    assert.equal(await page.locator('svg[role=img]').count() >= 2, true);
    assert.deepEqual(dialogs, []);
    assert.deepEqual(requests, []);
    mkdirSync('test-results', { recursive: true });
    await page.screenshot({ path: 'test-results/report.png', fullPage: true });
  } finally {
    await browser.close();
  }
});
