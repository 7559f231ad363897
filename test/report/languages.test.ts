import { test } from 'node:test';
import assert from 'node:assert/strict';
import { reporters } from '../../src/present/report/index.js';
import { multilingualStory } from '../present/multilingual.js';
import { hostileStory } from './fixture.js';

const here = '[report/languages] ';

test(here + "html: each outlet's sentence in its language (Arabic right to left) and labelled; the wording by language", () => {
  const out = reporters.html.render(multilingualStory);
  assert.match(out, /<span lang="ar" dir="rtl">إن الجسر يربط نصفي المدينة<\/span> <span class="lang">Arabic<\/span>/);
  assert.match(out, /<span lang="ru">Движение транспорта по мосту откроется в среду\.<\/span> <span class="lang">Russian<\/span>/);
  assert.match(out, /“<span lang="ru">Велгорода<\/span>” <span class="meta">Russian: Severny Vestnik<\/span>/);
  assert.match(out, /<a href="https:\/\/sahil-daily\.example\/bridge" rel="noopener noreferrer" lang="ar" dir="rtl">/);
});

test(here + 'markdown: the wording language by language', () => {
  const md = reporters.md.render(multilingualStory);
  assert.match(md, /"Velgorod" \(English: Lakeshore Herald, Riverside Post\) · "Велгорода" \(Russian: Severny Vestnik\) · "فيلغورود" \(Arabic: Sahil Daily\)/);
  // A concept worded in one language is not split by language.
  assert.match(md, /- the bridge: "new river bridge" \(Lakeshore Herald\) · "river bridge" \(Riverside Post\)/);
});

test(here + 'a story in one language is named once and labels no sentence', () => {
  const out = reporters.html.render(hostileStory);
  assert.match(out, /from 3 outlets · in English<\/p>/);
  assert.doesNotMatch(out, /<span class="lang">/);
  assert.doesNotMatch(reporters.md.render(hostileStory), /_\(English\)_/);
});
