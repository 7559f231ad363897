/**
 * The language layer: which language a text is in, and in which script it is written.
 *
 * @module
 */

export { identifyLanguage, identifiableLanguages, languageModelLoadMs, loadLanguageModel, scriptOf } from './identify.js';
export type { LanguageGuess, Script } from './identify.js';
export { detectLanguage, isDetectable } from './detect.js';
