/**
 * Snowball stemmers for languages other than English (the npm package snowball-stemmers 0.6.0, ISC
 * licence, pinned): "пожарные"/"пожарных", "Regierung"/"Regierungen", "الحكومة"/"حكومة" meet.
 * Grouping stems Arabic with it (see src/cluster/terms.ts); English keeps the light fold of
 * fold.ts, by which grouping's weights and background counts are keyed.
 *
 * @module
 */
import { createRequire } from 'node:module';

interface Stemmer {
  stem(word: string): string;
}

/** ISO 639-1 → the package's algorithm. */
const ALGORITHMS: Record<string, string> = {
  ar: 'arabic', cs: 'czech', da: 'danish', de: 'german', es: 'spanish', fi: 'finnish', fr: 'french', hu: 'hungarian',
  it: 'italian', nb: 'norwegian', nl: 'dutch', pt: 'portuguese', ro: 'romanian', ru: 'russian', sv: 'swedish', tr: 'turkish',
};

const stemmers = new Map<string, ((word: string) => string) | null>();
let library: { newStemmer(algorithm: string): Stemmer } | null = null;

/**
 * The stemmer of `lang` (a function of a lower-case word, cached), or null for a language that has
 * none here.
 */
export function snowballStemmer(lang: string): ((word: string) => string) | null {
  const known = stemmers.get(lang);
  if (known !== undefined) return known;
  const algorithm = ALGORITHMS[lang];
  let out: ((word: string) => string) | null = null;
  if (algorithm) {
    // A CommonJS module, loaded only when an article in such a language comes.
    library ??= createRequire(import.meta.url)('snowball-stemmers') as { newStemmer(algorithm: string): Stemmer };
    const stemmer = library.newStemmer(algorithm);
    const cache = new Map<string, string>();
    out = (word) => {
      let s = cache.get(word);
      if (s === undefined) {
        s = stemmer.stem(word);
        if (cache.size >= 100_000) cache.clear();
        cache.set(word, s);
      }
      return s;
    };
  }
  stemmers.set(lang, out);
  return out;
}
