/**
 * Whether a speaker as written can be a speaker at all. A quote row's speaker must be a person or
 * an organisation — or, where the text gives no name, a description of one ("a senior official",
 * "farm groups", "the ministry") or a document that speaks for one ("the report", "the
 * ad"). Words the attribution finder mistook for a source ("inflation", "Unilaterally", "Among
 * the", "take-home pay") are none of these.
 *
 * The nouns are general English (people, groups, institutions, documents), not taken from any
 * story.
 *
 * @module
 */
import { speakerNouns } from '../lang/titles.js';

/**
 * Nouns for people, for groups and institutions, and for documents that carry someone's words
 * (data/lang/en/speaker-people.txt, speaker-groups.txt, speaker-documents.txt), singular or plural.
 */
const HEAD = new RegExp(`^(?:${(['people', 'groups', 'documents'] as const).map((k) => [...speakerNouns(k)].join('|')).join('|')})(?:s|es)?$`, 'iu');
/** Nationality and party plurals ("Norwegians", "Democrats", "Republicans"). */
const DEMONYM = /^\p{Lu}\p{Ll}+(?:ans|ians|ese|crats|icans|ists)$/u;
/** "those briefed on the plan", "people familiar with the talks": people described by what they know. */
const THOSE = /^(?:those|people|others|some|many)\s+(?:familiar|briefed|close|involved|present|with|who|in|at)\b/i;
const PRONOUN = /^(?:he|she|him|her|they|them|we|us|it|i|you|one|who|which|that)$/i;

/** What a speaker as written is: a pronoun left unresolved, a description of a speaker, or no speaker. */
export type SpeakerKind = 'pronoun' | 'description' | 'none';

/**
 * `knownOther` tells a name the entity tagger knows as neither person, organisation nor place
 * ("Star Wars"): such a name is no speaker.
 */
export function speakerKind(speaker: string, knownOther: (name: string) => boolean = () => false): SpeakerKind {
  const s = speaker.trim().replace(/['’]s$/, '');
  if (PRONOUN.test(s) || /^(?:they|we|you)['’]\p{L}+$/iu.test(s)) return 'pronoun';
  // "the head of the agency"; a bare "head" is more often a verb or a body part.
  if (THOSE.test(s) || /\bhead\s+of\b/i.test(s)) return 'description';
  // The head noun: the last word before a phrase that qualifies it ("a spokesman for the ministry").
  const core = s.replace(/\s+(?:of|for|at|in|from|on|with|to|close|familiar|who|which|that|speaking)\b.*$/iu, '');
  const words = core.split(/\s+/).filter((w) => /\p{L}/u.test(w));
  // "documents seen (by …)", "figures released": a participle after the noun qualifies it.
  if (words.length >= 2 && /^(?:seen|obtained|reviewed|released|published|cited|quoted|issued|leaked|sent|filed|shown)$/i.test(words[words.length - 1])) words.pop();
  const head = (words[words.length - 1] ?? '').replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '');
  if (!head) return 'none';
  if (HEAD.test(head) || HEAD.test(head.replace(/-/g, '')) || DEMONYM.test(head)) return 'description';
  // An unrecognised name of several capitalised words ("European Pravda"): a name all the same.
  if (words.length >= 2 && /^\p{Lu}/u.test(head) && words.every((w) => /^\p{Lu}/u.test(w) || /^(?:of|the|and|for|de|la|von|van|der)$/.test(w)) && /^\p{Lu}/u.test(words[0]) && !knownOther(core)) return 'description';
  return 'none';
}
