/**
 * Chinese text in English terms, through CC-CEDICT (the copy the `chinese-tokenizer` package
 * ships; CC BY-SA 4.0). A run of Han characters is cut into dictionary words by longest match,
 * and each word stands for the English words of its first real sense: 委内瑞拉 → `Venezuela`,
 * 被捕 → `arrested`. A report in Chinese and one in English of the same event then share terms.
 *
 * The dictionary is read once, on the first Han text, and only what matching needs is kept: the
 * gloss of each word of two characters or more, simplified and traditional alike.
 *
 * @module
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** The English of one dictionary word: plain words, and whether it names someone or somewhere. */
export interface Gloss {
  /** The gloss as written (`Puerto Rico`, `to be arrested`). */
  text: string;
  /** A proper noun (its pinyin is capitalised): a person, a place, an organisation. */
  name: boolean;
}

/** Longest dictionary word tried when cutting a run; longer entries are rare set phrases. */
const MAX_WORD = 8;

let dictionary: Map<string, Gloss> | null = null;
let unavailable = false;

/** Senses that say nothing by themselves: cross-references, surnames, classifiers. */
const EMPTY_SENSE = /^(?:surname\b|(?:old |archaic |ancient )?variant of\b|see\b|see also\b|used in\b|CL:|abbr\.|also written\b|also pr\.|erhua variant|Japanese variant|\(old\)|\(archaic\)|\(literary\)|\(dialect\)|\(Cantonese\)|\(Tw\)|\(loanword\))/i;

/**
 * The first sense of a CEDICT definition list worth matching on, with comments in brackets and
 * any Chinese in it taken out; null when no sense has plain English words.
 */
export function firstSense(definitions: string, name: boolean): string | null {
  for (const raw of definitions.split('/')) {
    const sense = raw.trim();
    if (!sense || EMPTY_SENSE.test(sense)) continue;
    let text = sense
      .replace(/\([^)]*\)/g, ' ')
      .replace(/\[[^\]]*\]/g, ' ')
      .replace(/[^\x20-\x7e\u00c0-\u024f]+/g, ' ');
    // A place or person is named before the comma; what follows describes it.
    if (name) text = text.split(/[,;]/)[0];
    text = text.replace(/\s+/g, ' ').trim();
    if (/[A-Za-z]{2,}/.test(text)) return text;
  }
  return null;
}

/** Where the package keeps its copy of CC-CEDICT; null when the package is missing. */
function dictionaryPath(): string | null {
  try {
    const require = createRequire(import.meta.url);
    return join(dirname(require.resolve('chinese-tokenizer/package.json')), 'tests', 'cedict_ts.u8');
  } catch {
    return null;
  }
}

/**
 * Parses CEDICT text (`繁體 简体 [pin1 yin1] /sense/sense/`) into word → gloss. Given the file's
 * bytes, each line is decoded on its own: a gloss cut from a line then holds that line alive, not
 * (as a slice of one decoded string would) the whole 14 MB file for as long as the dictionary.
 */
export function parseCedict(input: string | Buffer): Map<string, Gloss> {
  const out = new Map<string, Gloss>();
  const bytes = typeof input === 'string' ? Buffer.from(input) : input;
  let from = 0;
  while (from < bytes.length) {
    let to = bytes.indexOf(10, from);
    if (to < 0) to = bytes.length;
    const line = bytes.toString('utf8', from, to);
    from = to + 1;
    if (!line || line.charCodeAt(0) === 35) continue;
    const a = line.indexOf(' ');
    const b = line.indexOf(' ', a + 1);
    const c = line.indexOf('] /', b);
    if (a < 0 || b < 0 || c < 0) continue;
    const traditional = line.slice(0, a);
    const simplified = line.slice(a + 1, b);
    if (simplified.length < 2 || simplified.length > MAX_WORD) continue;
    const pinyin = line.slice(b + 2, c);
    const name = /^[A-Z]/.test(pinyin);
    const sense = firstSense(line.slice(c + 3, line.lastIndexOf('/')), name);
    if (!sense) continue;
    // The first entry of a word is its commonest use; later ones (other readings) give way.
    for (const w of [simplified, traditional]) if (!out.has(w)) out.set(w, { text: sense, name });
  }
  return out;
}

/** The dictionary, read on first use; null when it cannot be had (the text keeps its other terms). */
export function cedict(): Map<string, Gloss> | null {
  if (dictionary || unavailable) return dictionary;
  const path = dictionaryPath();
  try {
    if (!path) throw new Error('no dictionary');
    dictionary = parseCedict(readFileSync(path));
  } catch {
    unavailable = true;
  }
  return dictionary;
}

/** Uses `words` as the dictionary from now on (for tests); null goes back to CC-CEDICT. */
export function useDictionary(words: Map<string, Gloss> | null): void {
  dictionary = words;
  unavailable = false;
}

/**
 * The dictionary words of a run of Han text, longest match first, with their glosses; the
 * characters no word of two or more covers are skipped (their character pairs still count).
 */
export function segment(run: string, words: Map<string, Gloss>): { word: string; gloss: Gloss }[] {
  const out: { word: string; gloss: Gloss }[] = [];
  let i = 0;
  while (i < run.length) {
    let found = false;
    for (let len = Math.min(MAX_WORD, run.length - i); len >= 2; len--) {
      const word = run.slice(i, i + len);
      const gloss = words.get(word);
      if (gloss) {
        out.push({ word, gloss });
        i += len;
        found = true;
        break;
      }
    }
    if (!found) i++;
  }
  return out;
}
