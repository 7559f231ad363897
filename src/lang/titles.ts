/**
 * Titles, offices and role nouns: the words written before or instead of a person's name. Lists
 * that serve different readers are kept apart, each in its own file under data/lang/LANG/:
 *
 * - `titles.txt`: titles, offices and honorifics written before a name, not part of it ("President",
 *   "Dr", "Gen"): named-entity repair and the analysis's name cores;
 * - `title-words.txt`: words that may stand in a title phrase before a name in a run of capitalised
 *   words, qualifiers such as nationalities included ("Russian Foreign Minister"): rule-based
 *   named-entity recognition;
 * - `offices.txt`, `leader-offices.txt`, `leader-words.txt`: office nouns of a title phrase, and those
 *   that mean whoever leads an organisation: roles ("the harbour chief") matched to people;
 * - `role-nouns.txt`: nouns that name a speaker's role: the quote finder;
 * - `male-nouns.txt`, `female-nouns.txt`: titles and nouns that tell a person's gender, for
 *   resolving "he" and "she";
 * - `name-particles.txt`: lower-case particles inside names ("von der Leyen", "bin Salman");
 * - `speaker-people.txt`, `speaker-groups.txt`, `speaker-documents.txt`: nouns that can head the
 *   description of a speaker ("a senior official", "the ministry", "the report").
 *
 * @module
 */
import { wordList } from './lists.js';

/** Titles, offices and honorifics written before a name, lower case without a final dot. */
export const personTitles = (lang = 'en'): ReadonlySet<string> => wordList(lang, 'titles');

/** Words of a title phrase before a name in a capitalised run, lower case. */
export const titleWords = (lang = 'en'): ReadonlySet<string> => wordList(lang, 'title-words');

/** Office nouns of a title phrase. */
export const offices = (lang = 'en'): ReadonlySet<string> => wordList(lang, 'offices');

/** Offices held by whoever leads an organisation. */
export const leaderOffices = (lang = 'en'): ReadonlySet<string> => wordList(lang, 'leader-offices');

/** Nouns meaning whoever leads an organisation, whatever the office is called. */
export const leaderWords = (lang = 'en'): ReadonlySet<string> => wordList(lang, 'leader-words');

/** Titles and nouns that tell a man or a woman. */
export const genderedNouns = (gender: 'male' | 'female', lang = 'en'): ReadonlySet<string> => wordList(lang, `${gender}-nouns`);

/** Lower-case particles inside people's names. */
export const nameParticles = (lang = 'en'): ReadonlySet<string> => wordList(lang, 'name-particles');

/** The kinds of noun that can head a speaker's description. */
export type SpeakerNouns = 'people' | 'groups' | 'documents';

/** Nouns of one kind that can head a speaker's description, singular, lower case. */
export const speakerNouns = (kind: SpeakerNouns, lang = 'en'): ReadonlySet<string> => wordList(lang, `speaker-${kind}`);

const roleCache = new Map<string, string>();

/**
 * The role nouns as a regular-expression alternation (`official|spokesman|diplomats?|…`): a final
 * `s?` in the file takes the plural too.
 */
export function roleNounPattern(lang = 'en'): string {
  let p = roleCache.get(lang);
  if (p === undefined) {
    const words = [...wordList(lang, 'role-nouns')];
    for (const w of words) if (!/^[\p{L}-]+(?:s\?)?$/u.test(w)) throw new Error(`role-nouns (${lang}): not a word: ${w}`);
    p = words.join('|');
    roleCache.set(lang, p);
  }
  return p;
}
