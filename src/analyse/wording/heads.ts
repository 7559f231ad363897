/**
 * Noun phrases that name one thing differently: two phrases sharing their head noun ("steel
 * works" / "steel mill") or their first modifier ("emergency measures" / "emergency rules"), each
 * used by outlets that do not use the other, in sentences that otherwise say much the same (their
 * other content words overlap). The shared word and the shared context are the evidence that both
 * name one referent; a row resting on them alone is weaker than an aligned claim (see slots.ts),
 * so its confidence follows how alike the sentences are, and a shared modifier counts less than a
 * shared head ("federal agencies" / "federal courts" differ in what they name) unless WordNet
 * relates the two heads ("river boats" / "river ships", see nouns.ts).
 *
 * @module
 */
import type { StoryWording } from '../../types.js';
import type { StoryContext } from '../context.js';
import { textStems, stem } from '../similarity/text.js';
import { perMillion } from '../similarity/background.js';
import { relatedNouns } from '../similarity/nouns.js';
import { bestDice, rowsFromPairs } from './groups.js';
import { outletOf, personSpans } from './find.js';
import { DETERMINERS, GOVERNING, capitalised, endsPhrase, figuresOf, nominal, bodyParts, partsBetween, spanText, spellingKey, unbroken, type Part } from './phrase.js';

/** At most this many sentences of a phrase are compared. */
const MAX_SENTENCES = 6;
/** At most this many phrases sharing one word are compared pairwise (the most used first). */
const MAX_GROUP = 30;
/** Sentences must share this many other content words, and this Dice overlap, to be alike. */
const MIN_SHARED = 3;
const MIN_DICE = 0.2;
/** A shared head asks for somewhat less (its rows stay tentative below TENTATIVE). */
const MIN_DICE_HEAD = 0.15;
/**
 * Phrases whose heads WordNet relates need sentences less alike. (Phrases sharing only a modifier
 * need them as alike as those sharing a head, but their confidence stays lower: see TENTATIVE.)
 */
const MIN_DICE_RELATED = 0.05;
/** At most this many variants in one row: more means a chain of loose pairings. */
const MAX_VARIANTS = 4;
/** A modifier used this often (per million words of general English) is too common to tie two heads. */
const COMMON_MODIFIER_PER_MILLION = 100;
/** Most a row may be sure of when its heads differ and WordNet does not relate them (tentative). */
const UNRELATED_HEADS = 0.55;
/** Subject pronouns: the word after one is its verb. */
const SUBJECT = /^(?:i|we|you|he|she|it|they|who|which|that)$/;
/** Below this confidence a row is tentative. */
const TENTATIVE = 0.6;
/** Most a pair with a head and what it governs may be sure of (tentative). */
const GOVERNING_CONFIDENCE = 0.55;

interface Phrase {
  key: string;
  text: string;
  head: string;
  first: string;
  /** Its figures ("4"): phrases with other figures disagree on an amount, they do not word it. */
  figures: string;
  outlets: Set<string>;
  /**
   * Content stems of the sentences it stands in (the phrase's own words left out), a few, with
   * the people the sentence names as `@name` (see bestDice).
   */
  contexts: Set<string>[];
  /** The head with what it governs ("appeal to the nation"), not a head with modifiers. */
  governs: boolean;
}

export function headVariants(ctx: StoryContext): StoryWording[] {
  const outlet = outletOf(ctx);
  const people = personSpans(ctx);
  const phrases = new Map<string, Phrase>();
  // A phrase's own stems, by its text as written: each is worked out once.
  const ownStems = new Map<string, Set<string>>();
  // Who each article names where: a sentence's people join its context.
  const named = new Map<string, { start: number; name: string }[]>();
  for (const e of ctx.entities) {
    if (e.kind !== 'person') continue;
    for (const m of e.mentions) {
      if (m.start === undefined) continue;
      const list = named.get(m.article);
      if (list) list.push({ start: m.start, name: e.name });
      else named.set(m.article, [{ start: m.start, name: e.name }]);
    }
  }
  for (const a of ctx.articles) {
    if (ctx.duplicateOf.has(a.id)) continue;
    const o = outlet(a.id);
    const body = bodyParts(ctx, a);
    const namedHere = named.get(a.id) ?? [];
    for (const s of ctx.sentences.get(a.id) ?? []) {
      const parts = partsBetween(body, s.start, s.end);
      let stems: string[] | null = null;
      // A phrase found here: its outlet noted, and its sentence kept as a context.
      const found = (from: number, to: number, h: number, first: string, governs = false) => {
        const text = spanText(s.text, parts, from, to, s.start);
        const key = spellingKey(text);
        let p = phrases.get(key);
        if (!p) phrases.set(key, (p = { key, text, head: parts[h].fold, first, figures: figuresOf(parts, from, to), outlets: new Set(), contexts: [], governs }));
        p.outlets.add(o);
        if (p.contexts.length < MAX_SENTENCES) {
          stems ??= [...textStems(s.text), ...namedHere.filter((m) => m.start >= s.start && m.start < s.end).map((m) => `@${m.name}`)];
          let own = ownStems.get(text);
          if (!own) ownStems.set(text, (own = new Set(textStems(text))));
          p.contexts.push(new Set(stems.filter((x) => !own.has(x))));
        }
      };
      for (let h = 0; h < parts.length; h++) {
        // The head ends the phrase: no noun and no hyphen after it.
        if (!endsPhrase(parts, h)) continue;
        // A capitalised head in mid-sentence is a name ("traditional Acme"): who, not how.
        if (capitalised(parts[h]) && h > 0 && !/[.!?]\s*$/.test(s.text.slice(0, parts[h].start - s.start))) continue;
        for (let n = 2; n <= 3; n++) {
          let from = h - n + 1;
          while (from > 0 && parts[from].hyphen) from--;
          if (from < 0 || !nominal(parts, from, h + 1, true) || !unbroken(parts, from, h + 1)) continue;
          if (!standsAlone(s.text, s.start, parts, from, h)) continue;
          // All capitals: a name, compared in names.ts. A person's name in it: who, not how.
          let allCaps = true;
          for (let k = from; k <= h && allCaps; k++) allCaps = capitalised(parts[k]);
          const at = { start: parts[from].start, end: parts[h].end };
          if (allCaps || (people.get(a.id) ?? []).some((m) => m.start < at.end && at.start < m.end)) continue;
          found(from, h + 1, h, firstWord(parts, from));
        }
        // The head with what it governs: "appeal to the nation" names what "radio appeal" does.
        const end = governedEnd(parts, h);
        if (end > h && unbroken(parts, h, end + 1) && !(people.get(a.id) ?? []).some((m) => m.start < parts[end].end && parts[h].start < m.end)) found(h, end + 1, h, parts[h].fold, true);
      }
    }
  }
  // Candidate pairs: phrases sharing their head or their first word, used by different outlets.
  const byWord = new Map<string, Phrase[]>();
  for (const p of phrases.values()) {
    for (const k of [`h:${p.head}`, `f:${p.first}`]) {
      const list = byWord.get(k);
      if (list) list.push(p);
      else byWord.set(k, [p]);
    }
  }
  const edges = new Map<string, number>();
  // Each phrase's stems, worked out once however many pairs it is in.
  const stemmed = new Map<string, string>();
  const stemsOf = (key: string) => {
    let v = stemmed.get(key);
    if (v === undefined) stemmed.set(key, (v = stems(key)));
    return v;
  };
  for (const list of byWord.values()) {
    if (list.length < 2) continue;
    const top = list.sort((x, y) => y.outlets.size - x.outlets.size || x.key.localeCompare(y.key)).slice(0, MAX_GROUP);
    for (let i = 0; i < top.length; i++) {
      for (let j = i + 1; j < top.length; j++) {
        const x = top[i];
        const y = top[j];
        if ((x.head !== y.head && x.first !== y.first) || x.figures !== y.figures) continue;
        // A head with what it governs is compared with the same head modified ("appeal to the
        // nation" / "radio appeal"); two such phrases differ in what they govern ("start
        // of the talks" / "start of the season"), which families.ts compares in their frame.
        if (x.governs && y.governs) continue;
        // The other must be a head with modifiers before it: in "year of fighting" the last word
        // is no head.
        const governing = x.governs || y.governs;
        if (governing && (x.head !== y.head || (x.governs ? y : x).key.includes(' of '))) continue;
        // A common word shared ("new plan" / "new rules") says nothing of a common referent, and
        // nor do two common words before one head ("early period" / "time period").
        if (x.head !== y.head ? !specific(x.first) : !specific(x.first) && !specific(y.first)) continue;
        // A plural and its singular ("logistics hub" / "logistics hubs") are one wording.
        if (stemsOf(x.key) === stemsOf(y.key)) continue;
        // One used by an outlet that does not use the other: two ways of saying it, not one. (An
        // outlet may use both, "flood barriers" and "storm barriers", while another
        // keeps to one; outlets using both alike show no difference.)
        // But a phrase and its own tail ("boat owners" in "licensed boat owners") is one naming,
        // more or less modified: only outlets keeping each to one of them make it two wordings.
        const nested = ` ${x.key}`.endsWith(` ${y.key}`) || ` ${y.key}`.endsWith(` ${x.key}`);
        const xOnly = [...x.outlets].some((o) => !y.outlets.has(o));
        const yOnly = [...y.outlets].some((o) => !x.outlets.has(o));
        if (nested ? !(xOnly && yOnly) : !(xOnly || yOnly)) continue;
        // Two heads under one modifier may name one thing when WordNet relates them ("clips",
        // "magazines"); else only sentences much alike tie them ("federal agencies" / "federal courts").
        const related = x.head !== y.head && relatedNouns(x.head, y.head);
        const alike = bestDice(x.contexts, y.contexts, related ? 1 : MIN_SHARED);
        if (alike < (related ? MIN_DICE_RELATED : x.head === y.head ? MIN_DICE_HEAD : MIN_DICE)) continue;
        // How alike the sentences are, a shared head or related heads counting more than a shared
        // modifier; two unrelated heads under one modifier stay tentative however alike the sentences.
        const conf = x.head === y.head || related ? Math.min(0.85, 0.3 + alike + (related ? 0.3 : 0.1)) : Math.min(UNRELATED_HEADS, 0.3 + alike);
        const key = x.key < y.key ? `${x.key}\t${y.key}` : `${y.key}\t${x.key}`;
        // What a head governs is read without a parser ("the dispute over Acme goes back"):
        // such a pair is shown as possible only.
        edges.set(key, Math.max(edges.get(key) ?? 0, governing ? Math.min(conf, GOVERNING_CONFIDENCE) : conf));
      }
    }
  }
  return rowsFromPairs(ctx, edges, (k) => phrases.get(k)!.text, MAX_VARIANTS, TENTATIVE);
}

/**
 * Whether parts [from, head] are a phrase of their own: not the tail of a noun compound ("care
 * law" of "zoning law"), no possessive inside ("Acme's plan" is Acme's, the phrase is
 * "plan"), a first word in -ing only after a determiner or modifier ("the rising prices"
 * names revenues, "by cutting costs" is an act), and none in -ed after a subject pronoun.
 */
function standsAlone(text: string, base: number, parts: Part[], from: number, h: number): boolean {
  // The word before, if only a space parts it from the phrase (after a comma the phrase starts afresh).
  const prev = parts[from - 1];
  const before = prev && /^\s+$/.test(text.slice(prev.end - base, parts[from].start - base)) ? prev : undefined;
  // A noun before a noun is one compound; before an adjective it ends something else ("post extra guards").
  if (before && before.cls === 'N' && parts[from].cls === 'N' && !before.fold.endsWith("'s")) return false;
  for (let k = from; k < h; k++) if (parts[k].fold.endsWith("'s")) return false;
  const first = parts[from];
  if (first.cls === 'G') return !!before && (before.cls === 'D' || before.cls === 'J' || before.fold.endsWith("'s"));
  // "they directed agencies", "Doe directed agencies": after a subject, a word in -ed is the verb.
  return !(first.cls === 'J' && /ed$/.test(first.fold) && before && (SUBJECT.test(before.fold) || capitalised(before)));
}

/**
 * Where the phrase governed by the head at `h` ends ("appeal | to his voters"), or -1: a joining
 * word, a determiner, then a noun phrase of up to three words that ends there. After "to" a
 * determiner is needed ("plan to curb" is a verb).
 */
function governedEnd(parts: Part[], h: number): number {
  const joint = parts[h + 1];
  if (!joint || !GOVERNING.has(joint.fold) || (parts[h].cls !== 'N')) return -1;
  let at = h + 2;
  if (!parts[at]) return -1;
  if (DETERMINERS.has(parts[at].fold)) at++;
  else if (joint.fold === 'to') return -1;
  for (let k = at; k < parts.length && k < at + 3; k++) {
    if (endsPhrase(parts, k) && nominal(parts, at, k + 1)) return k;
    if (parts[k].cls !== 'N' && parts[k].cls !== 'J') return -1;
  }
  return -1;
}

/** A phrase's words reduced to their stems. */
function stems(key: string): string {
  return key.split(' ').map(stem).join(' ');
}

/** The first word of a phrase, a hyphenated compound whole ("high capacity"). */
function firstWord(parts: Part[], from: number): string {
  let to = from + 1;
  while (parts[to]?.hyphen) to++;
  return parts.slice(from, to).map((p) => p.fold).join(' ');
}

/**
 * A modifier specific enough to tie two heads: a compound, or a word that is not common ("new",
 * "big", "other" go with anything). Frequency, not word class: the lexicon cannot tell every
 * adjective from a noun.
 */
function specific(word: string): boolean {
  return word.includes(' ') || perMillion(word) < COMMON_MODIFIER_PER_MILLION;
}
