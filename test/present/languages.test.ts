import { test } from 'node:test';
import assert from 'node:assert/strict';
import { langAttrs, languageName, languagesLine, nameForms, storyLanguageOf } from '../../src/present/languages.js';
import { formatStory } from '../../src/present/text.js';
import { multilingualStory } from './multilingual.js';

const here = '[present/languages] ';

test(here + 'languages by their English names; none, und and malformed codes have none', () => {
  assert.equal(languageName('ru'), 'Russian');
  assert.equal(languageName('ar'), 'Arabic');
  assert.equal(languageName('zh'), 'Chinese');
  assert.equal(languageName(null), null);
  assert.equal(languageName('und'), null);
  assert.equal(languageName('no such tag!'), null);
  assert.equal(languagesLine(multilingualStory), 'English 2, Russian 1, Arabic 1');
  assert.equal(languagesLine({ articles: multilingualStory.articles.slice(0, 2) }), 'English');
});

test(here + 'markup: lang always, dir="rtl" for right-to-left writing, dir="auto" when the language is unknown', () => {
  assert.equal(langAttrs('ru', 'Мост открыт.'), ' lang="ru"');
  assert.equal(langAttrs('ar', 'افتتح الجسر.'), ' lang="ar" dir="rtl"');
  assert.equal(langAttrs('he', '2031'), ' lang="he" dir="rtl"');
  assert.equal(langAttrs(null, 'افتتح الجسر.'), ' dir="rtl"');
  assert.equal(langAttrs(null, 'The bridge opened.'), ' dir="auto"');
  // The page's own language is inherited.
  assert.equal(langAttrs('en', 'The bridge opened.'), '');
  assert.equal(langAttrs('de', 'Die Brücke ist offen.'), ' lang="de"');
});

test(here + "each row's language comes from the article whose sentence it is, else from the one language of its articles written in its script", () => {
  const langs = storyLanguageOf(multilingualStory);
  assert.equal(langs.multi, true);
  const [claim] = multilingualStory.claims;
  assert.equal(langs.of(claim.text, claim.articles, claim.sentences), 'en');
  // A quotation is part of its article's sentence.
  assert.equal(langs.of('две половины', ['bridge-herald', 'bridge-vestnik'], [{ article: 'bridge-vestnik', text: '«Этот мост соединяет две половины одного города»' }]), 'ru');
  // No sentence given: the text's script picks the one language of the articles written in it.
  assert.equal(langs.of('الجسر الجديد', ['bridge-herald', 'bridge-sahil']), 'ar');
  // Two languages of one script and no sentence to tell: none rather than a guess.
  const two = storyLanguageOf({ articles: [{ ...multilingualStory.articles[0] }, { ...multilingualStory.articles[1], id: 'de', language: 'de' }] });
  assert.equal(two.of('Velgorod', ['bridge-herald', 'de']), null);
});

test(here + 'a name written in several alphabets has one form in each, the fullest, its own first', () => {
  const [e] = multilingualStory.entities;
  const forms = nameForms(e.name, e.mentions, storyLanguageOf(multilingualStory));
  assert.deepEqual(forms.map((f) => [f.text, f.lang]), [['Bogdan Marenko', 'en'], ['Богдан Маренко', 'ru'], ['بوغدان مارينكو', 'ar']]);
  assert.equal(nameForms('Marenko', [{ article: 'bridge-herald', text: 'Marenko' }], storyLanguageOf(multilingualStory)).length, 1);
});

test(here + 'the terminal names each article\'s language beside its outlet, the story\'s languages, and labels each outlet\'s sentence with its language', () => {
  const out = formatStory(multilingualStory);
  assert.match(out, /\n3 languages: English 2, Russian 1, Arabic 1\n/);
  assert.match(out, /\n\[3\] Severny Vestnik · Russian · /);
  assert.match(out, /\n\[4\] Sahil Daily · Arabic · /);
  assert.doesNotMatch(out, / · (ru|ar|en) · /);
  assert.match(out, /Severny Vestnik \[3\] \(Russian\): Мэр Велгорода/);
  assert.match(out, /Sahil Daily \[4\] \(Arabic\): افتتح/);
  assert.match(out, /Движение транспорта по мосту откроется в среду\. \[3\] \(Russian\)/);
  assert.match(out, /"Velgorod" Lakeshore Herald\/Riverside Post \(English\) · "Велгорода" Severny Vestnik \(Russian\) · "فيلغورود" Sahil Daily \(Arabic\)/);
  // A concept worded in one language is not split by language.
  assert.match(out, /\nthe bridge: "new river bridge" Lakeshore Herald · "river bridge" Riverside Post\n/);
  assert.match(out, /Bogdan Marenko · Богдан Маренко · بوغدان مارينكو \(person; also /);
});

test(here + 'a story in one language names it once and labels no sentence', () => {
  const english = { ...multilingualStory, articles: multilingualStory.articles.slice(0, 2) };
  const out = formatStory(english);
  assert.match(out, /\nin English\n/);
  assert.match(out, /\n\[1\] Lakeshore Herald · English · /);
  assert.doesNotMatch(out, /\((English|Russian|Arabic)\)/);
});
