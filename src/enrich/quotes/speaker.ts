/**
 * Who a speaker span stands for. A name stands for itself (the longest person or organisation
 * named inside the span); "he"/"she" for the person last named or quoted before it; a role noun
 * that names its institution ("the NATO chief", "the ministry's spokesman") for the person whose
 * title carries those words; anything else ("a senior U.S. official", "diplomats, speaking
 * anonymously") stays a description.
 *
 * Without entity spans from the tagger, runs of capitalised words stand in for names.
 *
 * @module
 */
import type { EntitySpan, Span } from '../types.js';

const ROLE_NOUNS =
  'official|officials|spokesman|spokeswoman|spokesperson|minister|diplomats?|sources?|chief|head|president|secretary|general|analysts?|experts?|ministry|' +
  'leader|envoy|ambassador|representative|negotiators?|chancellor|mayor|governor|commander|aide|adviser|advisor|lawmaker|senator|premier|director|chairman|chairwoman|prosecutor|spokespeople';
const ROLE_END = new RegExp(String.raw`(?:^|\s)(?:${ROLE_NOUNS})(?:\s+(?:of|for|at)\s+.*)?$`, 'iu');
const ROLE_WORD = new RegExp(`^(?:${ROLE_NOUNS})$`, 'iu');
const ANONYMOUS = /^(?:an?\s+|one\s+|two\s+|several\s+|some\s+)|^(?:sources?|officials|diplomats|insiders|analysts|experts)\b/i;
/** A role that names an institution, which speaks for itself ("the Foreign Ministry said"). */
const INSTITUTION = /^(?:[\p{L}'’-]+\s+){0,4}(?:ministry|office|government|department|agency|embassy|committee|council|commission|administration|kremlin|white house)\b/iu;
const PERSONAL_PRONOUN = /^(?:he|she|him|her)$/i;
const PLURAL_PRONOUN = /^(?:they|we)$/i;
const STOP_CAPITALS = new Set('The A An He She It They We I In On At But And Or If When While As After Before This That These Those His Her Its Their Our Mr Mrs Ms Dr'.split(' '));

/** Capitalised-word runs that look like names, for when no tagger output is given. */
export function guessNames(text: string): EntitySpan[] {
  const out: EntitySpan[] = [];
  const re = /\p{Lu}[\p{L}'’-]+(?:\s+(?:\p{Lu}\.\s+)?\p{Lu}[\p{L}'’-]+)*/gu;
  for (const m of text.matchAll(re)) {
    let t = m[0].replace(/['’]s$/, '');
    let start = m.index!;
    const first = t.split(/\s+/)[0];
    if (STOP_CAPITALS.has(first)) {
      const rest = t.slice(first.length).trimStart();
      if (!rest) continue;
      start += t.length - rest.length;
      t = rest;
    }
    // A lone capitalised word opening a sentence is as likely a common noun ("Diplomats said").
    const sentenceInitial = /(?:^|[.!?]["”’]?\s+|\n)\s*$/.test(text.slice(Math.max(0, start - 4), start)) || start === 0;
    if (sentenceInitial && !/\s/.test(t)) continue;
    out.push({ start, end: start + t.length, text: t, type: 'PER' });
  }
  return out;
}

/** Resolves speaker spans of one text against its entity spans. */
export class SpeakerResolver {
  private readonly persons: EntitySpan[];
  private readonly named: EntitySpan[];

  constructor(private readonly text: string, entities: EntitySpan[]) {
    this.named = entities.filter((e) => e.type === 'PER' || e.type === 'ORG').sort((a, b) => a.start - b.start);
    this.persons = this.named.filter((e) => e.type === 'PER');
  }

  /**
   * The name `span` stands for. `recent` is the resolved speaker of the attribution before it in
   * the text, which a pronoun most often continues.
   */
  resolve(span: Span, recent: { name: string; end: number } | null): string {
    const said = this.text.slice(span.start, span.end);
    const inside = this.named.filter((e) => e.start < span.end && e.end > span.start);
    // The head of the phrase comes last ("the spokesman for the ministry" is the spokesman's, but
    // "Carter's press secretary, Peter Cook" is Cook's): prefer a person, the last one named.
    const person = inside.filter((e) => e.type === 'PER').pop();
    if (person) return person.text.replace(/['’]s$/, '');
    if (/^(?:who|which)$/i.test(said)) {
      // The name just before ", who": the antecedent.
      const antecedent = this.named.filter((e) => e.end <= span.start && span.start - e.end < 60).pop();
      if (antecedent) return antecedent.text;
    }
    if (PERSONAL_PRONOUN.test(said)) {
      const last = this.persons.filter((e) => e.end <= span.start).pop();
      // The speaker just quoted is who "he" continues, unless someone was named since.
      if (recent && (!last || last.end <= recent.end || this.text.slice(last.end, span.start).split(/\s+/).length > 60)) return recent.name;
      return last?.text ?? said;
    }
    if (PLURAL_PRONOUN.test(said) && recent && !/^(?:he|she)$/i.test(recent.name)) return said;
    const org = inside.pop();
    const bare = said.replace(/^(?:the|a|an)\s+/i, '');
    if (ROLE_END.test(said) && !ANONYMOUS.test(said) && !INSTITUTION.test(bare)) {
      const byTitle = this.titled(bare);
      if (byTitle) return byTitle;
    }
    if (org && !ROLE_END.test(said)) return org.text;
    return bare;
  }

  private titleCache: { person: EntitySpan; near: string }[] | null = null;

  /** Each person mention with its title words (lower-cased): computed once per text. */
  private titles(): { person: EntitySpan; near: string }[] {
    if (this.titleCache) return this.titleCache;
    this.titleCache = this.persons.map((e) => {
      // The title: the capitalised words (and role nouns) right before the name, nearest first.
      const words = this.text.slice(Math.max(0, e.start - 80), e.start).split(/\s+/).filter(Boolean).reverse();
      const kept: string[] = [];
      for (const w of words) {
        if (kept.length >= 6 || (!/^\p{Lu}/u.test(w) && !ROLE_WORD.test(w))) break;
        kept.push(w.replace(/['’]s$/, ''));
      }
      const after = /^,\s*(?:the\s+|a\s+)?([^,.;]{0,60})/u.exec(this.text.slice(e.end, e.end + 65))?.[1] ?? '';
      return { person: e, near: `${kept.join(' ')} ${after}`.toLowerCase() };
    });
    return this.titleCache;
  }

  /** Whether `name` is a person the text names (so a later "he" may continue it). */
  isPerson(name: string): boolean {
    return this.persons.some((e) => e.text === name);
  }

  /**
   * The person whose title carries the role's words: "the NATO chief" → "NATO Secretary General
   * Mark Rutte" → "Mark Rutte". The title is the capitalised run just before a name, or an
   * apposition just after it (", the Kremlin spokesman,").
   */
  private titled(role: string): string | null {
    const words = (role.match(/[\p{L}]+/gu) ?? []).map((w) => w.replace(/['’]s$/, '')).filter((w) => /^\p{Lu}/u.test(w) || ROLE_WORD.test(w));
    const specific = words.filter((w) => !/^(?:chief|head|official|officials|leader)$/i.test(w));
    if (!specific.length) return null;
    // The role itself ("spokesman", "minister") must stand in the title; "chief" and "head" fit any.
    const roleWord = (role.replace(/\s+(?:of|for|at|in)\s.*$/i, '').match(/[\p{L}]+/gu) ?? []).filter((w) => ROLE_WORD.test(w)).pop()?.toLowerCase().replace(/(?:wo)?man$|person$/, '');
    const generic = !roleWord || /^(?:chief|head|leader|official)$/.test(roleWord);
    const counts = new Map<string, number>();
    for (const { person: e, near } of this.titles()) {
      if (!generic && !near.includes(roleWord!)) continue;
      const hits = specific.filter((w) => near.includes(w.toLowerCase())).length;
      if (hits) counts.set(e.text, Math.max(counts.get(e.text) ?? 0, hits) + 0.01);
    }
    const best = [...counts].sort((a, b) => b[1] - a[1])[0];
    return best ? best[0] : null;
  }
}
