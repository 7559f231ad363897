import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli } from './helpers.js';
import { multilingualStore, STORY } from '../present/multilingual.js';

const here = '[cli/show-languages] ';

// The invented story in English, Russian and Arabic, its analysis stored as it is.
const db = join(mkdtempSync(join(tmpdir(), 'parallax-show-languages-')), 'show.db');
await (await multilingualStore(db)).close();

test(here + "show names each article's language beside its outlet and the story's languages, and labels each outlet's sentence with its language", () => {
  const r = cli(['show', '--db', db, STORY]);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /\n3 languages: English 2, Russian 1, Arabic 1\n/);
  assert.match(r.stdout, /\n\[1\] Lakeshore Herald · English · /);
  assert.match(r.stdout, /\n\[3\] Severny Vestnik · Russian · /);
  assert.match(r.stdout, /\n\[4\] Sahil Daily · Arabic · /);
  assert.match(r.stdout, /Severny Vestnik \[3\] \(Russian\): «Этот мост/);
  assert.match(r.stdout, /وبلغت تكلفة الجسر 45 مليون يورو\. \[4\] \(Arabic\)/);
});

test(here + 'report: the articles with their languages, each sentence labelled, Arabic marked up right to left', () => {
  const md = cli(['report', '--db', db, STORY, '-f', 'md']);
  assert.equal(md.status, 0, md.stderr);
  assert.match(md.stdout, /4 articles from 4 outlets\. 3 languages: English 2, Russian 1, Arabic 1\./);
  assert.match(md.stdout, /\n3\. Severny Vestnik, Russian \(unprofiled\)/);
  assert.match(md.stdout, /Движение транспорта по мосту откроется в среду\. _\(Russian\)_ \[3\]/);
  const html = cli(['report', '--db', db, STORY, '-f', 'html']);
  assert.equal(html.status, 0, html.stderr);
  assert.match(html.stdout, /<span lang="ar" dir="rtl">وبلغت تكلفة الجسر 45 مليون يورو\.<\/span> <span class="lang">Arabic<\/span>/);
  assert.match(html.stdout, /<strong>Sahil Daily<\/strong> · Arabic/);
  assert.match(html.stdout, /3 languages: English 2, Russian 1, Arabic 1/);
});
