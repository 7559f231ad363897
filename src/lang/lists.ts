/**
 * Word lists of each language, one file a list under data/lang/<language>/: `NAME.txt` holds one
 * word a line, `NAME.tsv` one `word<TAB>word` pair a line; lines starting with `#` are comments.
 * A list is read on first use and kept; a language without the file has an empty list, so a
 * caller can ask for any language and gets what the project knows of it.
 *
 * @module
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The folder of the per-language data (data/lang, beside src/ and dist/). */
export const LANG_DATA_DIR = fileURLToPath(new URL('../../data/lang/', import.meta.url));

const lists = new Map<string, ReadonlySet<string>>();
const pairLists = new Map<string, ReadonlyMap<string, string>>();

/** The lines of a data file, comments and blank lines left out; none when the file is absent. */
function lines(lang: string, file: string): string[] {
  if (!/^[a-z]{2,3}$/.test(lang)) throw new Error(`not a language code: ${JSON.stringify(lang)}`);
  const path = `${LANG_DATA_DIR}${lang}/${file}`;
  if (!existsSync(path)) return [];
  const out: string[] = [];
  for (const raw of readFileSync(path, 'utf8').split('\n')) {
    const line = raw.trim();
    if (line && line[0] !== '#') out.push(line);
  }
  return out;
}

/** The words of list `name` of `lang` (data/lang/LANG/NAME.txt), in file order. */
export function wordList(lang: string, name: string): ReadonlySet<string> {
  const key = `${lang}/${name}`;
  let list = lists.get(key);
  if (!list) {
    list = new Set(lines(lang, `${name}.txt`));
    lists.set(key, list);
  }
  return list;
}

/** The words of list `name` in any of `langs`, one set (a multilingual feed needs several). */
export function wordListOf(langs: readonly string[], name: string): ReadonlySet<string> {
  if (langs.length === 1) return wordList(langs[0], name);
  const key = `${langs.join('+')}/${name}`;
  let list = lists.get(key);
  if (!list) {
    list = new Set(langs.flatMap((l) => [...wordList(l, name)]));
    lists.set(key, list);
  }
  return list;
}

/** The pairs of list `name` of `lang` (data/lang/LANG/NAME.tsv), first word → second, in file order. */
export function wordPairs(lang: string, name: string): ReadonlyMap<string, string> {
  const key = `${lang}/${name}`;
  let map = pairLists.get(key);
  if (!map) {
    map = new Map(
      lines(lang, `${name}.tsv`).map((l) => {
        const tab = l.indexOf('\t');
        if (tab <= 0) throw new Error(`${LANG_DATA_DIR}${lang}/${name}.tsv: no tab in "${l}"`);
        return [l.slice(0, tab), l.slice(tab + 1).trim()] as [string, string];
      }),
    );
    pairLists.set(key, map);
  }
  return map;
}

/**
 * A value of CLDR per language (Node's ICU), kept for the news languages in `file` under
 * data/lang/intl (a JSON object by language, written by `scripts/build-intl-data.mjs`, read on
 * first use), since asking ICU at run time cost each process its loading; any other language is
 * asked of the runtime once, by `fromRuntime`.
 */
export function storedPerLanguage<T>(file: string, fromRuntime: (lang: string) => T): (lang: string) => T {
  let stored: Record<string, T> | null = null;
  const asked = new Map<string, T>();
  return (lang) => {
    stored ??= JSON.parse(readFileSync(file, 'utf8')) as Record<string, T>;
    if (Object.hasOwn(stored, lang)) return stored[lang];
    if (!asked.has(lang)) asked.set(lang, fromRuntime(lang));
    return asked.get(lang)!;
  };
}
