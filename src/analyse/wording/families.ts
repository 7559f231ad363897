/**
 * Longer phrases that name one thing in other words: a noun phrase with what it governs ("cuts to
 * the budget", "plan to curb smuggling", "war against the rebels") or a verb with its object
 * ("raided the fund"). Two relations tie such phrases across outlets:
 *
 * 1. **Same words, other form.** Phrases with the same content words, in another order or
 *    another form ("cuts to the budget" / "budget cuts", "raid on the fund" / "raided the fund" /
 *    "raiding the fund"): the words themselves say both name one thing. A plural against its
 *    singular, or a hyphen against a space, is one wording (see hyphens.ts), not two.
 * 2. **One word inside.** A two-word phrase and the same with a word between ("ferry deal" / "ferry
 *    lease deal"): the head and its first modifier say what is named.
 * 3. **One word swapped in a frame.** Phrases of three words or more, alike but for one word in
 *    the same place ("help for the poor" / "help for the needy", "war against the
 *    rebels" / "war on the rebels"): the frame ties them, the swapped word is the wording. A swap
 *    may also change what is said ("rise in prices" / "fall in prices"), so the frame is not
 *    enough: WordNet must relate two nouns, or the sentences around the phrases must say much the
 *    same; a swap resting on the sentences alone is tentative. (WordNet: nouns in nouns.ts,
 *    adjectives and verbs in synonyms.ts.)
 *
 * Names are left to names.ts: a capitalised word is never the word swapped (another name is
 * another referent), and figures are never swapped (another number is a disagreement).
 *
 * @module
 */
import type { StoryWording } from '../../types.js';
import type { StoryContext } from '../context.js';
import { textStems, stem } from '../similarity/text.js';
import { relatedNouns } from '../similarity/nouns.js';
import { synonymous } from '../similarity/synonyms.js';
import { bestDice, rowsFromPairs } from './groups.js';
import { outletOf } from './find.js';
import { DETERMINERS, JOINING, capitalised, endsPhrase, isFigure, modifier, nominal, bodyParts, partsBetween, spanText, unbroken, type Part } from './phrase.js';

/** At most this many words in a noun phrase's core (modifiers and head). */
const MAX_CORE = 3;
/** At most this many sentences of a phrase are kept as its context. */
const MAX_SENTENCES = 6;
/** A frame must keep this many content words besides the one swapped. */
const MIN_FRAME_CONTENT = 2;
/** Sentences compared for a swap must share this many other content words, and this Dice overlap. */
const MIN_SHARED = 3;
const MIN_DICE = 0.2;
/** Confidence of a row of the same words in another form. */
const SAME_WORDS = 0.8;
/** Confidence of a phrase and the same with one word inside it ("ferry deal" / "ferry lease deal"), in alike sentences. */
const INSERTED = 0.65;
/** The same where the sentences do not show it (tentative). */
const INSERTED_ALONE = 0.55;
/** Confidence of a swap WordNet relates. */
const RELATED_SWAP = 0.7;
/** Most a swap resting on alike sentences alone may be sure of (tentative). */
const CONTEXT_SWAP = 0.55;
/** Below this confidence a row is tentative. */
const TENTATIVE = 0.6;
/** At most this many variants in one row: more means a chain of loose pairings. */
const MAX_VARIANTS = 5;
/** At most this many phrases in one frame or family are compared pairwise. */
const MAX_GROUP = 12;

interface Phrase {
  key: string;
  text: string;
  /** Folded words, in order. */
  words: string[];
  /** Which words are capitalised in the text (names). */
  caps: boolean[];
  /** A verb form with its object ("raided the fund"), not a noun phrase. */
  verb: boolean;
  /** Content stems, sorted: the family key. */
  family: string;
  outlets: Set<string>;
  /** Where it stands: article and sentence, a few. */
  at: { article: string; start: number; end: number; text: string }[];
}

export function familyVariants(ctx: StoryContext): StoryWording[] {
  const phrases = collect(ctx);
  const edges = new Map<string, number>();
  const link = (x: Phrase, y: Phrase, conf: number) => {
    const key = x.key < y.key ? `${x.key}\t${y.key}` : `${y.key}\t${x.key}`;
    edges.set(key, Math.max(edges.get(key) ?? 0, conf));
  };
  // 1. Same content words in another form.
  const families = new Map<string, Phrase[]>();
  for (const p of phrases.values()) {
    if (p.family.split(' ').length < 2) continue;
    const list = families.get(p.family);
    if (list) list.push(p);
    else families.set(p.family, [p]);
  }
  for (const list of families.values()) {
    if (list.length < 2) continue;
    const top = list.sort((a, b) => b.outlets.size - a.outlets.size || a.key.localeCompare(b.key)).slice(0, MAX_GROUP);
    for (let i = 0; i < top.length; i++) {
      for (let j = i + 1; j < top.length; j++) {
        if (notAWordingPair(top[i], top[j]) || !differentOutlets(top[i], top[j])) continue;
        link(top[i], top[j], SAME_WORDS);
      }
    }
  }
  const contexts = new Map<Phrase, Set<string>[]>();
  const contextOf = (p: Phrase) => {
    let c = contexts.get(p);
    if (!c) {
      const own = new Set(textStems(p.text));
      contexts.set(p, (c = p.at.map((s) => new Set(textStems(s.text).filter((x) => !own.has(x))))));
    }
    return c;
  };
  // 2. One word inserted inside a phrase: "ferry deal" / "ferry lease deal". Its first and last words
  // (what it names, and how) stay; a word put in front would name a part ("ferry deal" / "new ferry
  // deal") and is not taken.
  const byEnds = new Map<string, Phrase[]>();
  for (const p of phrases.values()) {
    if (p.words.length < 2 || p.words.some((w) => JOINING.has(w))) continue;
    const k = `${p.words[0]} ${p.words[p.words.length - 1]}`;
    const list = byEnds.get(k);
    if (list) list.push(p);
    else byEnds.set(k, [p]);
  }
  for (const list of byEnds.values()) {
    for (const x of list) {
      // Noun phrases only: a verb with its object ("cutting costs") names an act, not a thing.
      if (x.words.length !== 2 || x.verb) continue;
      for (const y of list) {
        if (y.words.length !== 3 || y.verb || y.caps[1] || isFigure({ fold: y.words[1] } as Part) || !differentOutlets(x, y)) continue;
        // The word inside may narrow what is named ("small farms" / "small family farms"):
        // sure only where the sentences around say much the same.
        link(x, y, bestDice(contextOf(x), contextOf(y), MIN_SHARED) >= MIN_DICE ? INSERTED : INSERTED_ALONE);
      }
    }
  }
  // 3. One word swapped in a frame of three words or more.
  const frames = new Map<string, { p: Phrase; slot: number }[]>();
  for (const p of phrases.values()) {
    if (p.words.length < 3 || !p.words.some((w) => JOINING.has(w))) continue;
    for (let k = 0; k < p.words.length; k++) {
      if (p.caps[k] || !swappable(p.words[k])) continue;
      const rest = p.words.filter((w, j) => j !== k && !JOINING.has(w) && !DETERMINERS.has(w));
      if (rest.length < MIN_FRAME_CONTENT) continue;
      const frame = p.words.map((w, j) => (j === k ? '*' : w)).join(' ');
      const list = frames.get(frame);
      if (list) list.push({ p, slot: k });
      else frames.set(frame, [{ p, slot: k }]);
    }
  }
  for (const list of frames.values()) {
    if (list.length < 2) continue;
    const top = list.sort((a, b) => b.p.outlets.size - a.p.outlets.size || a.p.key.localeCompare(b.p.key)).slice(0, MAX_GROUP);
    for (let i = 0; i < top.length; i++) {
      for (let j = i + 1; j < top.length; j++) {
        const x = top[i];
        const y = top[j];
        const wx = x.p.words[x.slot];
        const wy = y.p.words[y.slot];
        if (stem(wx) === stem(wy) || !differentOutlets(x.p, y.p)) continue;
        // A joining word swapped for a content word, or the reverse, changes the phrase's make-up.
        if (JOINING.has(wx) !== JOINING.has(wy)) continue;
        if (!JOINING.has(wx) && (relatedNouns(wx, wy) || synonymous(wx, wy))) {
          link(x.p, y.p, RELATED_SWAP);
          continue;
        }
        const alike = bestDice(contextOf(x.p), contextOf(y.p), MIN_SHARED);
        if (alike >= MIN_DICE) link(x.p, y.p, Math.min(CONTEXT_SWAP, 0.3 + alike));
      }
    }
  }
  return rowsFromPairs(ctx, edges, (k) => phrases.get(k)!.text, MAX_VARIANTS, TENTATIVE);
}

/**
 * The phrases of the story's bodies: noun phrases that govern another ("cuts to the budget"),
 * noun phrases alone ("budget cuts"), and verbs with their object ("raided the fund").
 */
function collect(ctx: StoryContext): Map<string, Phrase> {
  const outlet = outletOf(ctx);
  const phrases = new Map<string, Phrase>();
  const add = (article: string, s: { start: number; end: number; text: string }, parts: Part[], from: number, to: number, verb = false) => {
    if (!unbroken(parts, from, to)) return;
    // The key from the parts' folded forms (as spellingKey would fold the text, without the work).
    let key = parts[from].fold;
    for (let k = from + 1; k < to; k++) key += ` ${parts[k].fold}`;
    let p = phrases.get(key);
    if (!p) {
      const text = spanText(s.text, parts, from, to, s.start);
      const words = parts.slice(from, to).map((x) => x.fold);
      const family = words
        .filter((w) => !JOINING.has(w) && !DETERMINERS.has(w))
        .map(stem)
        .sort()
        .join(' ');
      const caps = parts.slice(from, to).map((x) => capitalised(x));
      phrases.set(key, (p = { key, text, words, caps, verb, family, outlets: new Set(), at: [] }));
    }
    p.outlets.add(outlet(article));
    if (p.at.length < MAX_SENTENCES && !p.at.some((x) => x.article === article && x.start === s.start)) p.at.push({ article, ...s });
  };
  for (const a of ctx.articles) {
    if (ctx.duplicateOf.has(a.id)) continue;
    const body = bodyParts(ctx, a);
    for (const sentence of ctx.sentences.get(a.id) ?? []) {
      const s = { start: sentence.start, end: sentence.end, text: a.text.slice(sentence.start, sentence.end) };
      const parts = partsBetween(body, s.start, s.end);
      // Noun phrase cores: [from, head] with modifiers before a head noun that ends the phrase.
      const coresEndingAt = new Map<number, number[]>();
      const coresStartingAt = new Map<number, number[]>();
      for (let h = 0; h < parts.length; h++) {
        if (!endsPhrase(parts, h)) continue;
        for (let n = 1; n <= MAX_CORE && h - n + 1 >= 0; n++) {
          let from = h - n + 1;
          while (from > 0 && parts[from].hyphen) from--;
          if (!nominal(parts, from, h + 1)) continue;
          // A first word in -ing is a verb unless a determiner or modifier stands before it
          // ("eliminating subsidies" is an act; "the rising costs" names costs).
          const before = parts[from - 1];
          if (parts[from].cls === 'G' && !(before && (before.cls === 'D' || before.cls === 'J' || before.fold.endsWith("'s")))) continue;
          (coresEndingAt.get(h) ?? coresEndingAt.set(h, []).get(h)!).push(from);
          (coresStartingAt.get(from) ?? coresStartingAt.set(from, []).get(from)!).push(h);
        }
      }
      for (const [h, starts] of coresEndingAt) {
        const joint = parts[h + 1];
        // The core alone, two words or more ("budget cuts"); a lone noun is compared in heads.ts.
        for (const from of starts) if (h > from) add(a.id, s, parts, from, h + 1);
        // The core governing another phrase: "cuts to the budget", "plan to curb smuggling".
        if (joint && JOINING.has(joint.fold) && parts[h + 2]) {
          let at = h + 2;
          const determined = DETERMINERS.has(parts[at].fold);
          if (determined) at++;
          // After "to", a word with no determiner and no capital is an infinitive's verb ("plan to
          // curb smuggling"): the phrase runs on to its object, or is not taken.
          if (joint.fold === 'to' && !determined && !capitalised(parts[at])) {
            if (parts[at].cls !== 'V' && parts[at].cls !== 'N') continue;
            at++;
          }
          // The governed phrase whole: "the background check system", not "the background". An
          // adjective after "the" that ends the phrase is a noun of its own ("for the poor").
          const ends = coresStartingAt.get(at);
          const next = parts[at + 1];
          const end = ends ? Math.max(...ends) : determined && parts[at]?.cls === 'J' && (!next || (!modifier(next) && !next.hyphen)) ? at : -1;
          if (end >= 0) for (const from of starts) add(a.id, s, parts, from, end + 1);
        }
      }
      // A verb form with its object: "raided the fund", "raiding the fund".
      for (let v = 0; v + 1 < parts.length; v++) {
        if (!/(?:ed|ing)$/.test(parts[v].fold) || parts[v].hyphen || (parts[v].cls !== 'V' && parts[v].cls !== 'G' && parts[v].cls !== 'J')) continue;
        let at = v + 1;
        if (DETERMINERS.has(parts[at].fold)) at++;
        for (const end of coresStartingAt.get(at) ?? []) if (end - at < 2) add(a.id, s, parts, v, end + 1, true);
      }
    }
  }
  return phrases;
}

/** Whether a word may be the one swapped in a frame: a joining word, or a content word that is no figure. */
function swappable(word: string): boolean {
  if (JOINING.has(word)) return true;
  if (DETERMINERS.has(word) || word.length < 3 || isFigure({ fold: word } as Part)) return false;
  return /^\p{L}/u.test(word);
}

/**
 * Whether two phrases of the same words are one wording, or tie no referent: words in the same
 * order differing only by inflection, a determiner or a hyphen ("urged allies" / "urging the
 * allies"); words differing only in names' spelling (spellings.ts shows those); a possessive
 * against anything but "of" ("the city's support" is support by the city, "support for the city"
 * support given to it; "the city's future" is "the future of the city").
 */
function notAWordingPair(x: Phrase, y: Phrase): boolean {
  const bare = (p: Phrase) =>
    p.words
      .filter((w) => !DETERMINERS.has(w))
      .map(stem)
      .join(' ');
  if (bare(x) === bare(y)) return true;
  const lower = (p: Phrase) =>
    p.words
      .filter((w, k) => !p.caps[k] && !DETERMINERS.has(w) && !JOINING.has(w))
      .map(stem)
      .sort()
      .join(' ');
  const names = (p: Phrase) =>
    p.words
      .filter((w, k) => p.caps[k])
      .map(stem)
      .sort()
      .join(' ');
  if (lower(x) === lower(y) && names(x) !== names(y)) return true;
  const possessive = (p: Phrase) => p.words.some((w) => w.endsWith("'s"));
  const joins = (p: Phrase) => p.words.filter((w) => JOINING.has(w) && w !== 'of');
  return (possessive(x) && joins(y).length > 0) || (possessive(y) && joins(x).length > 0);
}

/** Each used by an outlet that does not use the other, or at least one of them so. */
function differentOutlets(x: Phrase, y: Phrase): boolean {
  return [...x.outlets].some((o) => !y.outlets.has(o)) || [...y.outlets].some((o) => !x.outlets.has(o));
}
