/**
 * Names across writing systems: a word romanised (any-ascii, ISC licence, pinned) and reduced to a
 * phonetic key, so that one person or place written in Latin, Cyrillic, Greek or Arabic letters,
 * and spelled the way each language spells foreign names, gives one key: Zelensky, Selenskyj,
 * Зеленский, Зеленского and زيلينسكي all give `slns`.
 *
 * The reduction keeps consonants only (Arabic writes few vowels, and vowels are what
 * transliterations disagree on most), folds the consonants that spellings trade for one another
 * (c/k/q/g/x, s/z, b/p, f/v/w, and digraphs such as sh, gh, ts, ph), drops h and kh, y and j (which
 * stand for vowels or glides as often as for consonants), squeezes repeats, and keeps the first
 * four: case endings (Зеленского, Erdoğan'ın) come after them. Keys of fewer than three
 * consonants say too little and are not made.
 *
 * @module
 */
import anyAscii from 'any-ascii';

/** Consonants kept in a key, each folded to its class; every other letter is dropped. */
const CLASS: Record<string, string> = {
  b: 'p', p: 'p', c: 'k', k: 'k', q: 'k', g: 'k', x: 'k', d: 'd', t: 't', f: 'f', v: 'f', w: 'f',
  l: 'l', r: 'r', m: 'm', n: 'n', s: 's', z: 's',
};

/** Letter pairs written for one sound, read as that sound's class. */
const DIGRAPHS: [RegExp, string][] = [
  [/sch|sh|ch|zh|tsch|tch|ts|tz|dzh|dj|dz/g, 's'],
  // Kh is how Cyrillic and Arabic letters write a Latin h (Халворсен, Halvorsen): dropped as h is.
  [/kh/g, ''],
  [/gh|ck/g, 'k'],
  [/ph/g, 'f'],
  [/th/g, 't'],
];

/** Consonants in a key. */
export const KEY_LENGTH = 4;
/** Fewest consonants a key needs. */
export const MIN_KEY = 3;

/** The Arabic article and the one-letter words written onto the next (and, with, for, so, like). */
const ARABIC_PREFIX = /^(?:[وفبلك]?ال|لل|[وفبلك](?=\p{L}{4}))/u;

/**
 * The phonetic key of one word in any script, or null when it has fewer than {@link MIN_KEY}
 * consonants. Han text is not romanised here: its names come through the dictionary's glosses.
 */
export function nameKey(word: string): string | null {
  let w = word;
  const c0 = w.charCodeAt(0);
  // Arabic: the article and clitics off; a waw inside a word writes a vowel (o, u) in foreign
  // names far more often than a w.
  // Jim writes the g of foreign names (نيوجيني, Niugini) as often as their j, which other
  // scripts' keys drop as a glide anyway.
  if (c0 >= 0x600 && c0 < 0x700) w = w.replace(ARABIC_PREFIX, '').replace(/(?<=.)و/gu, '').replace(/ج/g, 'g');
  if (c0 >= 0x2e80) return null;
  let ascii = /^[\x00-\x7f]*$/.test(w) ? w.toLowerCase() : anyAscii(w).toLowerCase();
  for (const [re, to] of DIGRAPHS) ascii = ascii.replace(re, to);
  let key = '';
  let last = '';
  for (let i = 0; i < ascii.length && key.length < KEY_LENGTH; i++) {
    const k = CLASS[ascii[i]];
    if (k === undefined) continue;
    if (k !== last) key += k;
    last = k;
  }
  return key.length >= MIN_KEY ? key : null;
}
