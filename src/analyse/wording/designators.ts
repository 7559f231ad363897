/**
 * One name with another designator: "Harlow region" / "Harlow Voivodeship", "Kesh province" / "Kesh
 * Governorate". The outlets agree on the name and differ in the word that says what it names, a
 * common noun or a word kept from the place's own language. The shared name ties the two only
 * when the sentences around them say much the same (another designator may name another thing:
 * "Harlow region" / "Harlow airport"), so a row rests on both.
 *
 * @module
 */
import type { StoryWording } from '../../types.js';
import type { StoryContext } from '../context.js';
import { textStems, foldToken } from '../similarity/text.js';
import { wordClass } from '../similarity/pos.js';
import { perMillion } from '../similarity/background.js';
import { divergence, locate, outletOf, sentenceAt } from './find.js';
import { bestDice } from './groups.js';
import { spellingKey } from './phrase.js';

/** Sentences must share this many other content words, and this Dice overlap, to be alike. */
const MIN_SHARED = 3;
const MIN_DICE = 0.15;
/** Confidence of a row: the name is shared, the designator is a reading of alike sentences. */
const CONFIDENCE = 0.65;
/** A designator inside a name must be rarer than this per million words of general English. */
const RARE_PER_MILLION = 1;
/** At most this many sentences of one form are compared. */
const MAX_SENTENCES = 6;

interface Form {
  text: string;
  /** The designator is the name's own capitalised last word ("Voivodeship"), not a noun after it. */
  inName: boolean;
  designator: string;
  outlets: Set<string>;
  contexts: Set<string>[];
}

export function designatorVariants(ctx: StoryContext): StoryWording[] {
  const outlet = outletOf(ctx);
  const byName = new Map<string, Map<string, Form>>();
  const add = (name: string, designator: string, text: string, article: string, sentence: string, inName: boolean) => {
    const key = spellingKey(name);
    const forms = byName.get(key) ?? new Map<string, Form>();
    byName.set(key, forms);
    const d = foldToken(designator);
    const f = forms.get(d) ?? { text, inName, designator: d, outlets: new Set<string>(), contexts: [] };
    forms.set(d, f);
    f.outlets.add(outlet(article));
    if (f.contexts.length < MAX_SENTENCES) {
      const own = new Set(textStems(text));
      f.contexts.push(new Set(textStems(sentence).filter((s) => !own.has(s))));
    }
  };
  const byId = new Map(ctx.articles.map((a) => [a.id, a]));
  // Names as resolved, and as recognised (resolution may keep a shorter form of the mention).
  const mentions = ctx.entities.filter((e) => e.kind !== 'person').flatMap((e) => e.mentions);
  for (const [article, spans] of ctx.entitySpans) for (const x of spans) if (x.type !== 'PER') mentions.push({ article, text: x.text, start: x.start, end: x.end });
  const seen = new Set<string>();
  for (const m of mentions) {
    const key = `${m.article}:${m.start}:${m.end}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const a = byId.get(m.article);
    if (!a || m.start === undefined || m.end === undefined || ctx.duplicateOf.has(a.id)) continue;
    // The sentence holding the name (found by binary search, see find.ts).
    const sentence = sentenceAt(ctx, a.id, m.start)?.text;
    if (!sentence) continue;
    const name = a.text.slice(m.start, m.end);
    const words = name.split(/\s+/);
    // The name's own last word, capitalised: "Harlow Voivodeship".
    if (words.length >= 3 || (words.length === 2 && !/^(?:the|a|an)$/i.test(words[0]))) {
      const last = words[words.length - 1];
      // Only a word rare in English: one kept from the place's own language ("Voivodeship"); a
      // common one ends a name of its own ("Kesh Bank").
      if (/^\p{Lu}\p{Ll}+$/u.test(last) && perMillion(foldToken(last)) < RARE_PER_MILLION) add(words.slice(0, -1).join(' '), last, name, a.id, sentence, true);
    }
    // A common noun right after the name: "Harlow region".
    const next = /^ (\p{Ll}+)\b/u.exec(a.text.slice(m.end, m.end + 40));
    // A singular noun: "Kesh payments" are things of the place, not a name of it.
    if (next && wordClass(next[1]) === 'N' && next[1].length > 2 && !/s$/.test(next[1])) add(name, next[1], `${name} ${next[1]}`, a.id, sentence, false);
  }
  const out: StoryWording[] = [];
  for (const forms of byName.values()) {
    if (forms.size < 2) continue;
    const list = [...forms.values()];
    const members = new Set<Form>();
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        const x = list[i];
        const y = list[j];
        if (![...x.outlets].some((o) => !y.outlets.has(o)) && ![...y.outlets].some((o) => !x.outlets.has(o))) continue;
        // One designator part of the name, the other a noun after it: two nouns after one name
        // ("Acme payments" / "Acme savings") are two things of it, and two names sharing a word
        // ("North Bank" / "North Union") two things altogether.
        if (x.inName === y.inName) continue;
        const alike = bestDice(x.contexts, y.contexts, MIN_SHARED);
        if (alike < MIN_DICE) continue;
        members.add(x).add(y);
      }
    }
    if (members.size < 2) continue;
    const variants = locate(ctx, [...members].map((f) => f.text), false, undefined, true);
    if (variants.length < 2 || divergence(ctx, variants) === 0) continue;
    out.push({
      concept: `what outlets call ${variants.map((v) => `"${v.text}"`).join(' / ')}`,
      variants: variants.map((v) => ({ text: v.text, articles: v.articles })),
      evidence: variants.flatMap((v) => v.evidence),
      confidence: CONFIDENCE,
    });
  }
  return out;
}
