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

/** Nouns for people by what they are or do. */
const PEOPLE =
  'official|spokesman|spokeswoman|spokesperson|spokespeople|minister|president|secretary|chief|director|chairman|chairwoman|chair|leader|envoy|ambassador|' +
  'representative|negotiator|chancellor|mayor|governor|commander|general|aide|adviser|advisor|lawmaker|legislator|senator|congressman|congresswoman|premier|' +
  'prosecutor|judge|lawyer|attorney|counsel|economist|analyst|expert|strategist|pollster|researcher|scientist|professor|consultant|diplomat|source|insider|' +
  'observer|critic|supporter|opponent|resident|local|voter|citizen|activist|advocate|campaigner|protester|witness|survivor|victim|soldier|troop|officer|' +
  'investigator|doctor|worker|employee|executive|manager|owner|founder|banker|trader|investor|farmer|family|parent|student|teacher|member|person|people|' +
  'man|woman|men|women|child|children|politician|candidate|nominee|democrat|republican|conservative|liberal|correspondent|journalist|reporter|editor|' +
  'writer|author|historian|priest|bishop|cleric|relative|neighbour|neighbor|friend|colleague|ally|allies|rival|partner|staffer|deputy|others|other';
/** Nouns for groups and institutions. */
const GROUPS =
  'group|organisation|organization|association|union|federation|party|campaign|committee|council|commission|government|administration|ministry|department|' +
  'agency|office|embassy|army|military|force|navy|police|court|parliament|congress|senate|house|kremlin|company|firm|business|bank|lobby|coalition|alliance|' +
  'team|staff|board|authority|authorities|regulator|intelligence|service|institute|center|centre|network|newspaper|outlet|media|press|club|caucus|bloc|' +
  'delegation|cabinet|regime|leadership|opposition|industry|sector|employer|producer|manufacturer|operator|utility|hospital|university|school|church|state|city|country|nation';
/** Nouns for documents and media that carry someone's words. */
const DOCUMENTS =
  'report|study|survey|poll|statement|letter|ad|advertisement|commercial|video|document|data|analysis|memo|filing|complaint|lawsuit|ruling|forecast|figure|' +
  'statistic|estimate|e-mail|email|post|tweet|message|release|article|editorial|book|website|account|note|transcript|interview|speech|record|paper|footage|broadcast';

const HEAD = new RegExp(`^(?:${PEOPLE}|${GROUPS}|${DOCUMENTS})(?:s|es)?$`, 'iu');
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
