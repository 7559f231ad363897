/**
 * The language layer: which language a text is in, in which script it is written, and what the
 * project knows of each language (stop words, stemmers, titles and offices; see data/lang).
 *
 * Stages import the module they need (lists.ts, stopwords.ts, titles.ts, fold.ts, stem.ts) rather
 * than this one, which also brings the language identifier's code.
 *
 * @module
 */

export { identifyLanguage, identifiableLanguages, languageModelLoadMs, loadLanguageModel, scriptOf } from './identify.js';
export type { LanguageGuess, Script } from './identify.js';
export { detectLanguage, isDetectable } from './detect.js';
export { LANG_DATA_DIR, wordList, wordListOf, wordPairs } from './lists.js';
export { CLUSTER_STOP_LANGUAGES, isStopword, stopwords } from './stopwords.js';
export type { StopList } from './stopwords.js';
export { foldName, foldToken, lightStem } from './fold.js';
export { statementStem, stem } from './stem.js';
export { genderedNouns, leaderOffices, leaderWords, nameParticles, offices, personTitles, roleNounPattern, speakerNouns, titleWords } from './titles.js';
export type { SpeakerNouns } from './titles.js';
export { languageVersion } from './version.js';
