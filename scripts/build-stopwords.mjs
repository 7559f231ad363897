#!/usr/bin/env node
// Writes data/lang/<code>/stopwords-cluster.txt for the languages grouping tells apart beyond
// English and Malay (whose lists are written by hand), from the npm package `stopword` (MIT,
// pinned as a devDependency): function words of each language. In a collection of many languages a
// language's function words are in a small share of the articles, so without a stop list they weigh
// as much as names and join unrelated reports in that language.
//   node scripts/build-stopwords.mjs
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as lists from 'stopword';

const root = new URL('..', import.meta.url).pathname;
const version = JSON.parse(await import('node:fs').then((fs) => fs.readFileSync(join(root, 'node_modules', 'stopword', 'package.json'), 'utf8'))).version;
// ISO 639-1 (as the language layer names languages) → the package's ISO 639-3 lists.
const LANGS = {
  de: 'deu', fr: 'fra', es: 'spa', it: 'ita', pt: 'por', nl: 'nld', pl: 'pol', cs: 'ces', ru: 'rus', uk: 'ukr', bg: 'bul',
  el: 'ell', tr: 'tur', ar: 'ara', fa: 'fas', he: 'heb', hi: 'hin', vi: 'vie', sv: 'swe', da: 'dan', nb: 'nob',
  fi: 'fin', hu: 'hun', ro: 'ron', hr: 'hrv',
};
for (const [code, list] of Object.entries(LANGS)) {
  const words = [...new Set(lists[list].map((w) => w.trim().toLowerCase()).filter((w) => /^[\p{Ll}\p{Lo}][\p{Ll}\p{Lo}\p{M}'’-]*$/u.test(w)))].sort();
  const dir = join(root, 'data', 'lang', code);
  mkdirSync(dir, { recursive: true });
  const head = `# Function words of this language for grouping, from the npm package stopword ${version} (MIT), list "${list}"; written by scripts/build-stopwords.mjs.`;
  writeFileSync(join(dir, 'stopwords-cluster.txt'), [head, ...words].join('\n') + '\n');
  console.log(`${code}: ${words.length}`);
}
