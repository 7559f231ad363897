/**
 * Who a speaker span stands for. A name stands for itself (the longest person or organisation
 * named inside the span); "he"/"she" for the person the text is about at that point (see
 * {@link SpeakerResolver.antecedent}); a role noun that names its institution ("the harbour chief",
 * "the ministry's spokesman") for the person whose title carries those words; anything else ("a
 * senior U.S. official", "diplomats, speaking anonymously") stays a description.
 *
 * Without entity spans from the tagger, runs of capitalised words stand in for names.
 *
 * @module
 */
import type { EntitySpan, Span } from '../types.js';
import { clauseSubject } from './attribution.js';
import { ROLE_NOUNS, ROLE_WORD } from './roles.js';
import type { Tokenised } from './tokens.js';
import { genderedNouns } from '../../lang/titles.js';
import { wordList } from '../../lang/lists.js';

const ROLE_END = new RegExp(String.raw`(?:^|\s)(?:${ROLE_NOUNS})(?:\s+(?:of|for|at)\s+.*)?$`, 'iu');
const ANONYMOUS = /^(?:an?\s+|one\s+|two\s+|several\s+|some\s+)|^(?:sources?|officials|diplomats|insiders|analysts|experts)\b/i;
/** A role that names an institution, which speaks for itself ("the Foreign Ministry said"). */
const INSTITUTION = /^(?:[\p{L}'’-]+\s+){0,4}(?:ministry|office|government|department|agency|embassy|committee|council|commission|administration|kremlin|white house)\b/iu;
const PERSONAL_PRONOUN = /^(?:he|she|him|her)$/i;
/** Words that, capitalised, open a run of capitals but are no name (data/lang/en/capitalised-non-names.txt). */
const NON_NAME_CAPITALS = wordList('en', 'capitalised-non-names');
/** Whether a word is one of those, written with a capital and the rest in lower case ("The", "I"). */
const isStopCapital = (w: string): boolean => {
  const lower = w.toLowerCase();
  return NON_NAME_CAPITALS.has(lower) && w === lower[0].toUpperCase() + lower.slice(1);
};

/** Capitalised-word runs that look like names, for when no tagger output is given. */
export function guessNames(text: string): EntitySpan[] {
  const out: EntitySpan[] = [];
  const re = /\p{Lu}[\p{L}'’-]+(?:\s+(?:\p{Lu}\.\s+)?\p{Lu}[\p{L}'’-]+)*/gu;
  for (const m of text.matchAll(re)) {
    let t = m[0].replace(/['’]s$/, '');
    let start = m.index!;
    const first = t.split(/\s+/)[0];
    if (isStopCapital(first)) {
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

/** A source already resolved, earlier in the text: a pronoun after it may continue it. */
export interface ResolvedSource extends Span {
  name: string;
}

/** The sentences of the text and its quotations, for resolving pronouns. */
export interface ResolverContext {
  tk: Tokenised;
  /** Spans inside quotation marks: a name quoted is not who the reporter's "he" refers to. */
  quoted: Span[];
}

type Gender = 'm' | 'f';
/** Titles and nouns that tell a man or a woman (data/lang/en/male-nouns.txt, female-nouns.txt). */
const MALE_TITLE = genderedNouns('male', 'en');
const FEMALE_TITLE = genderedNouns('female', 'en');
/** "the prime minister", "the ministry's spokeswoman": one person named by a role. */
const SINGLE_ROLE = new RegExp(String.raw`^the\s+(?:[\p{L}'’-]+\s+){0,3}(?:${ROLE_NOUNS.split('|').filter((w) => !/s\??$|people|officials/.test(w)).join('|')})$`, 'iu');
/** How many sentences back a pronoun may reach for the person it stands for. */
const PRONOUN_REACH = 3;

/** Resolves speaker spans of one text against its entity spans. */
export class SpeakerResolver {
  private readonly persons: EntitySpan[];
  private readonly named: EntitySpan[];

  constructor(private readonly text: string, entities: EntitySpan[], private readonly context?: ResolverContext) {
    this.named = entities.filter((e) => e.type === 'PER' || e.type === 'ORG').sort((a, b) => a.start - b.start);
    this.persons = this.named.filter((e) => e.type === 'PER');
  }

  /**
   * The name `span` stands for. `earlier` are the sources resolved before it in the text, which a
   * pronoun most often continues.
   */
  resolve(span: Span, earlier: ResolvedSource[] = []): string {
    const said = this.text.slice(span.start, span.end);
    const inside = this.named.filter((e) => e.start < span.end && e.end > span.start);
    // "Matt Bennett, a spokesman for Third Way, …": a name opening the phrase, set off by a comma, is its head.
    const opening = inside[0];
    if (opening?.type === 'PER' && opening.start === span.start && /^\s*,/.test(this.text.slice(opening.end, span.end))) return opening.text.replace(/['’]s$/, '');
    // The head of the phrase comes last ("the spokesman for the ministry" is the spokesman's, but
    // "Carter's press secretary, Peter Cook" is Cook's): prefer a person, the last one named.
    // (Not a name that modifies a noun: "the Marlow campaign" is the campaign's.)
    const heads = inside.filter((e) => !(e.end < span.end && /^\s+(?!(?:of|for|from|at|in|and|or)\b)\p{Ll}/u.test(this.text.slice(e.end, span.end))));
    const person = heads.filter((e) => e.type === 'PER').pop();
    if (person) return person.text.replace(/['’]s$/, '');
    if (/^(?:who|which)$/i.test(said)) {
      // The name just before ", who": the antecedent.
      const antecedent = this.named.filter((e) => e.end <= span.start && span.start - e.end < 60).pop();
      if (antecedent) return antecedent.text;
    }
    if (PERSONAL_PRONOUN.test(said)) return this.antecedent(span, /^(?:she|her)$/i.test(said) ? 'f' : 'm', earlier) ?? said;
    const org = heads.pop();
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
   * The person "he" or "she" at `span` stands for, walking back over the sentences before it (at
   * most {@link PRONOUN_REACH}, in its paragraph or the one before): in each, the persons in
   * subject position or speaking there come first ("Shapiro, a former official in the Clinton
   * White House, offered an analysis. “…,” he said" is Shapiro's); a sentence whose subject is
   * the same pronoun passes the reference on; a sentence with persons named elsewhere in it ends
   * the walk. Names inside quotation marks never count, nor a person of the other gender where
   * the text shows it (Mr., Mrs., spokeswoman). Two candidates where one is wanted: none.
   */
  private antecedent(span: Span, gender: Gender, earlier: ResolvedSource[]): string | null {
    const ctx = this.context;
    if (!ctx) return this.nearestPerson(span, earlier);
    const { tokens, sentences } = ctx.tk;
    const at = tokens.findIndex((t) => t.end > span.start);
    if (at < 0) return null;
    const s0 = tokens[at].sentence;
    const fits = (name: string) => { const g = this.genderOf(name); return !g || g === gender; };
    const unquoted = (e: Span) => !ctx.quoted.some((q) => q.start <= e.start && e.end <= q.end);
    // "the Marlow campaign", "the Ferrand White House": a name used as a modifier names no one here.
    const referent = (e: Span) => !/\b(?:the|a|an)\s+$/i.test(this.text.slice(Math.max(0, e.start - 4), e.start)) && !/^[ \t]+(?!Jr|Sr)\p{Lu}/u.test(this.text.slice(e.end, e.end + 4));
    for (let k = s0; k >= 0 && s0 - k <= PRONOUN_REACH && sentences[s0].block - sentences[k].block <= 1; k--) {
      const sent = sentences[k];
      const end = k === s0 ? span.start : sent.end;
      const here = this.persons.filter((e) => e.start >= sent.start && e.end <= end && unquoted(e) && referent(e));
      const subject = clauseSubject(ctx.tk, sent.first, k === s0 ? at : sent.last);
      // (A subject of two names joined by "and" is both: "Feld and Lanz met" leaves "he" open.)
      const subjectEnd = subject ? subject.end + (/^\s+and\s+/.exec(this.text.slice(subject.end, subject.end + 6))?.[0].length ?? 0) : 0;
      const inSubject = subject ? here.filter((e) => (e.start < subject.end && e.end > subject.start) || (subjectEnd > subject.end && e.start === subjectEnd)) : [];
      // A speaker there: a person, or one person by role ("The prime minister said …. “…,” he added").
      const speakers = earlier.filter((r) => r.start >= sent.start && r.end <= end && (this.isPerson(r.name) || SINGLE_ROLE.test(this.text.slice(r.start, r.end)))).map((r) => r.name);
      const first = new Set([...inSubject.map((e) => this.canonical(e.text)), ...speakers.map((n) => this.canonical(n))].filter(fits));
      if (first.size === 1) return [...first][0];
      if (first.size > 1) return null;
      // "He hammered …. Then he said": the same pronoun as subject carries the reference back.
      if (subject && this.text.slice(subject.start, subject.end).toLowerCase() === this.text.slice(span.start, span.end).toLowerCase()) continue;
      const others = new Set(here.map((e) => this.canonical(e.text)).filter(fits));
      if (others.size) return others.size === 1 ? [...others][0] : null;
    }
    return null;
  }

  /** Without the text's sentences: the person last named, unless the speaker just quoted came after. */
  private nearestPerson(span: Span, earlier: ResolvedSource[]): string | null {
    const last = this.persons.filter((e) => e.end <= span.start).pop();
    const recent = [...earlier].reverse().find((r) => this.isPerson(r.name));
    if (recent && (!last || last.end <= recent.end)) return recent.name;
    return last?.text ?? null;
  }

  /** A person's fullest name in the text: "Shapiro" after "Rob Shapiro" is him, unless another Shapiro is named. */
  private canonical(name: string): string {
    const bare = name.replace(/['’]s$/, '');
    const last = (t: string) => t.replace(/['’]s$/, '').split(/\s+/).pop()!;
    const same = [...new Set(this.persons.filter((e) => last(e.text) === last(bare)).map((e) => e.text.replace(/['’]s$/, '')))];
    const full = same.sort((a, b) => b.length - a.length)[0];
    return full && same.every((t) => full.endsWith(t)) ? full : bare;
  }

  private genders: Map<string, Gender | null> | null = null;

  /** The gender the text shows for a name's last word ("Mr. Healey", "Lis Smith, a spokeswoman"), if any. */
  private genderOf(name: string): Gender | null {
    if (!this.genders) {
      this.genders = new Map();
      for (const e of this.persons) {
        const before = /([\p{L}]+)\.?\s+(?:[\p{Lu}][\p{L}.'’-]*\s+){0,2}$/u.exec(this.text.slice(Math.max(0, e.start - 40), e.start))?.[1] ?? '';
        const after = /^,\s+(?:a|an|the|his|her)\s+(?:[\p{L}-]+\s+){0,2}?([\p{L}]+)\b/u.exec(this.text.slice(e.end, e.end + 60))?.[1] ?? '';
        const b = before.toLowerCase();
        const a = after.toLowerCase();
        const g: Gender | null = MALE_TITLE.has(b) || MALE_TITLE.has(a) ? 'm' : FEMALE_TITLE.has(b) || FEMALE_TITLE.has(a) ? 'f' : null;
        const key = e.text.split(/\s+/).pop()!.replace(/['’]s$/, '');
        // Two people of one surname and different genders: the surname shows neither.
        if (g) this.genders.set(key, this.genders.has(key) && this.genders.get(key) !== g ? null : g);
      }
    }
    return this.genders.get(name.split(/\s+/).pop()!.replace(/['’]s$/, '')) ?? null;
  }

  /**
   * The person whose title carries the role's words: "the harbour chief" → "Harbour Board Chair
   * Ada Lind" → "Ada Lind". The title is the capitalised run just before a name, or an
   * apposition just after it (", the ministry spokesman,").
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
