/**
 * Word folders that need no dictionary: each for its own use, and not interchangeable (the
 * clusterer's background table is keyed by what {@link lightStem} gives).
 *
 * - {@link lightStem}: crude English suffixes only (`strikes` → `strike`, `voted` → `vot`), for every
 *   word of every article when grouping; data/background-stems.tsv is keyed by it;
 * - {@link foldToken}: lower case, diacritics dropped, curly apostrophes made straight;
 * - {@link foldName}: transliteration folding of a name's word (Zelenskyy, Zelensky, Selensky).
 *
 * The stemmers of whole languages are in stem.ts.
 *
 * @module
 */
import anyAscii from 'any-ascii';

/** A light stemmer: enough to meet "strikes"/"strike"/"striking", "voted"/"vote", "stopped"/"stop". */
export function lightStem(word: string): string {
  // Suffixes tested on character codes, not regular expressions: this runs for every word.
  let w = word;
  const n = w.length;
  const last = w.charCodeAt(n - 1);
  const before = w.charCodeAt(n - 2);
  if (n > 5 && w.endsWith('ing')) w = w.slice(0, -3);
  else if (n > 4 && (w.endsWith('ies') || w.endsWith('ied'))) w = w.slice(0, -3) + 'y';
  else if (n > 4 && w.endsWith('ed')) w = w.slice(0, -2);
  else if (n > 4 && w.endsWith('es') && isEsStem(w.charCodeAt(n - 3), w.charCodeAt(n - 4))) w = w.slice(0, -2);
  // -s, but not -ss, -us, -is.
  else if (n > 3 && last === 115 && before !== 115 && before !== 117 && before !== 105) w = w.slice(0, -1);
  // "stopp" → "stop"; a final e goes so that "vote", "voted" and "voting" meet at "vot".
  if (w !== word && w.length > 3 && isDoubled(w)) w = w.slice(0, -1);
  if (w.length > 3 && w.charCodeAt(w.length - 1) === 101) w = w.slice(0, -1);
  return w;
}

/** Whether the letters before -es take -es (`boxes`, `churches`, `wishes`): s, x, z, ch, sh. */
function isEsStem(c: number, c2: number): boolean {
  return c === 115 || c === 120 || c === 122 || (c === 104 && (c2 === 99 || c2 === 115));
}

/** Whether a word ends in a doubled b, d, g, m, n, p, r or t (`stopp`). */
function isDoubled(w: string): boolean {
  const c = w.charCodeAt(w.length - 1);
  return c === w.charCodeAt(w.length - 2) && (c === 98 || c === 100 || c === 103 || c === 109 || c === 110 || c === 112 || c === 114 || c === 116);
}

const ASCII = /^[\x00-\x5f\x61-\x7f]*$/;

/** Lower case without diacritics; curly apostrophes made straight. */
export function foldToken(word: string): string {
  // Most tokens are plain ASCII: nothing to decompose.
  if (ASCII.test(word)) return word.toLowerCase();
  return word.normalize('NFKD').replace(/\p{M}/gu, '').replace(/[’‘`]/g, "'").toLowerCase();
}

const NAME_CACHE = new Map<string, string>();

/** Alphabets a name is romanised from before folding. */
const OTHER_ALPHABET = /[\p{Script=Cyrillic}\p{Script=Greek}\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Armenian}\p{Script=Georgian}]/u;
/** Oblique case endings of Russian and Ukrainian surnames in -ский/-ський and of names ending in a consonant. */
const CYRILLIC_CASE_ENDING = /(?:ого|ому|ым|ом|ою|ої|ому|ові|еві|у|ю|а|я|е|і)$/u;

/**
 * Transliteration folding of one word of a name: diacritics dropped, lower case, the letters that
 * transliteration systems disagree on folded together (y/i/j, z/s, kh/h, ks/x, ph/f, w/v, ie/e,
 * doubled letters, -iy/-yi/-yy endings). Zelenskyy, Zelensky and Selensky fold alike.
 */
export function foldName(word: string): string {
  const hit = NAME_CACHE.get(word);
  if (hit !== undefined) return hit;
  let w = word;
  // A name in another alphabet is romanised first (Зеленский → Zelenskii, Шольц → Sholts), with a
  // Cyrillic case ending off (Зеленского, Шольцу); Han names are not spelt out this way.
  if (OTHER_ALPHABET.test(w)) {
    if (/^\p{Script=Cyrillic}+$/u.test(w) && w.length > 5) w = w.replace(CYRILLIC_CASE_ENDING, '');
    w = anyAscii(w);
  }
  w = w.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/['’`.-]/g, '');
  w = w.replace(/(?:yy|yi|iy|ii|ij|yj|y|j)$/u, 'i');
  w = w.replace(/kh/g, 'h').replace(/ks/g, 'x').replace(/ph/g, 'f').replace(/w/g, 'v').replace(/z/g, 's').replace(/[yj]/g, 'i').replace(/ie/g, 'i');
  w = w.replace(/(.)\1+/g, '$1');
  if (NAME_CACHE.size > 100_000) NAME_CACHE.clear();
  NAME_CACHE.set(word, w);
  return w;
}
