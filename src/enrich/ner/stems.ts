/**
 * Name stems for the languages whose names inflect: the word in lower case without its case or
 * number ending, so that the tagger and its gazetteers see one word in "Путин", "Путина" and
 * "Путиным", or in "Deutschland" and "Deutschlands". The endings are the nominal endings of each
 * language's grammar (general knowledge), tried longest first; at least three letters stay.
 *
 * @module
 */

const ENDINGS: Record<string, string[]> = {
  // Russian: noun and adjective endings of the six cases, singular and plural (surnames in -ов/-ин decline like adjectives).
  ru: ['ого', 'его', 'ому', 'ему', 'ыми', 'ими', 'ами', 'ями', 'ой', 'ей', 'ий', 'ый', 'ая', 'яя', 'ое', 'ее', 'ую', 'юю', 'ые', 'ие', 'ых', 'их', 'ым', 'им', 'ом', 'ем', 'ам', 'ям', 'ах', 'ях', 'ов', 'ев', 'ью', 'а', 'я', 'у', 'ю', 'е', 'ы', 'и', 'о', 'ь', 'й'],
  // German: the genitive -s/-es, dative plural -n/-en, adjective endings (deutschen, deutscher).
  de: ['ern', 'em', 'en', 'er', 'es', 'e', 'n', 's'],
  // Spanish: plural and gender endings (españoles, española).
  es: ['es', 'as', 'os', 'a', 'o', 's'],
};

const SORTED = new Map(Object.entries(ENDINGS).map(([lang, e]) => [lang, [...e].sort((a, b) => b.length - a.length)]));

/** Whether {@link nameStem} knows the endings of `lang`. */
export function hasStems(lang: string): boolean {
  return SORTED.has(lang);
}

/** `lower` (a lower-case word) without its longest ending in `lang`, keeping three letters or more; the word itself for other languages. */
export function nameStem(lower: string, lang: string): string {
  const endings = SORTED.get(lang);
  if (!endings) return lower;
  for (const e of endings) if (lower.length - e.length >= 3 && lower.endsWith(e)) return lower.slice(0, lower.length - e.length);
  return lower;
}

/** Keys the stem tables use inside a model's gazetteer, apart from its words: types a stem had in training, known places, given names. */
export const STEM_KEY = '\u0001';
export const PLACE_KEY = '\u0002';
export const GIVEN_KEY = '\u0003';
