#!/usr/bin/env node
// Writes, in data/lang/intl: calendar.json (month and weekday names, "yesterday" and "today" of
// each news language), numbers.json (each one's decimal mark), language-names.json (each one's
// English name) and countries.json (country names and nationality adjectives in every news
// language, read back to the region code), from the CLDR data of the running Node
// (its ICU; Unicode licence, see data/lang/intl/SOURCES.md). Asking ICU for these at run time
// took about 0.3 s of every process that read a date or grouped an article.
// Re-run after a Node upgrade; a test checks the files against the runtime.
//   node --import tsx scripts/build-intl-data.mjs
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { calendarWordsFromRuntime } from '../src/lang/calendar-cldr.ts';
import { countryNamesFromRuntime, LOCALES } from '../src/lang/countries-cldr.ts';
import { decimalMarkFromRuntime } from '../src/lang/numbers.ts';
import { englishLanguageNameFromRuntime } from '../src/lang/language-names.ts';

const dir = join(new URL('..', import.meta.url).pathname, 'data', 'lang', 'intl');
mkdirSync(dir, { recursive: true });
const calendar = Object.fromEntries(LOCALES.map((l) => [l, calendarWordsFromRuntime(l)]));
writeFileSync(join(dir, 'calendar.json'), JSON.stringify(calendar) + '\n');
const numbers = Object.fromEntries(LOCALES.map((l) => [l, decimalMarkFromRuntime(l)]));
writeFileSync(join(dir, 'numbers.json'), JSON.stringify(numbers) + '\n');
const names = Object.fromEntries(LOCALES.map((l) => [l, englishLanguageNameFromRuntime(l)]));
writeFileSync(join(dir, 'language-names.json'), JSON.stringify(names) + '\n');
const countries = countryNamesFromRuntime();
writeFileSync(join(dir, 'countries.json'), JSON.stringify(countries) + '\n');
console.log(`ICU ${process.versions.icu}, CLDR ${process.versions.cldr}: ${LOCALES.length} locales, ${Object.keys(countries.words).length} country words, ${Object.keys(countries.phrases).length} phrase heads, ${Object.keys(countries.han).length} Han names`);
