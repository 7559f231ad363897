/**
 * How each outlet refers to the story's people and organisations.
 *
 * People: the form of each mention with the title in front of it ("President Jane Doe",
 * "Ms. Doe", "then-Senator Doe", "Doe"). A title is an honorific ("Mr.", "Ms.", "Dr.") or a
 * capitalised common word that the story uses before a person's name in mid-sentence, where
 * capitals mark a title and not the start of a sentence ("Vice President", "Representative").
 * Each form counts where it stands alone: "Doe" inside "Ms. Doe" is the longer form.
 *
 * Organisations: an acronym and the long form it abbreviates (its initials, the initials of a run
 * of its words, or a definition in brackets, "Federal Widget Agency (FWA)"), and a long form and
 * its extension by a coordinated part ("Office for Safety" / "Office for Safety and Health").
 *
 * @module
 */
import type { StoryWording } from '../../types.js';
import type { StoryContext } from '../context.js';
import { STOP_WORDS, foldToken } from '../similarity/text.js';
import { wordClass } from '../similarity/pos.js';
import { perMillion } from '../similarity/background.js';
import { articleParts, divergence, findAll, locate, outletOf, type FoundVariant } from './find.js';
import { isFigure, type Part } from './phrase.js';

/** Honorifics and abbreviated titles: a closed class of English, stated once. */
const HONORIFIC = /^(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Sen|Rep|Gov|Gen|Lt|Col|Capt|Sgt|Adm|Rev|Amb|Pres|Sir|Dame|Lord|Lady)\.?$/;
/** Name suffixes that belong to the name: "Jr.", "III". */
const SUFFIX = /^,?\s(?:Jr\.|Sr\.|Jr\b|Sr\b|II\b|III\b|IV\b)/;
/** The word just before an offset, on the same line, with only spaces between. */
const WORD_BEFORE = /([\p{L}][\p{L}.'’-]*)\s$/u;

/**
 * How common (per million words of general English) a word must be to be a common word and not
 * a name: "president" or "senator", not "Barack".
 */
const COMMON_PER_MILLION = 2;

function commonWord(word: string): boolean {
  const w = foldToken(word);
  return perMillion(w) >= COMMON_PER_MILLION && (wordClass(w) === 'N' || wordClass(w) === 'J');
}

/** At most this many people's forms are compared. */
const MAX_PEOPLE = 100;

/** Confidence of a row of one referent's forms: entity resolution says they are one person. */
const NAME_CONFIDENCE = 0.9;
const ORG_CONFIDENCE = 0.8;

interface Mention { article: string; start: number; end: number }

/** Whether an offset starts a sentence (or a line): a capital there says nothing of a title. */
function sentenceInitial(text: string, at: number): boolean {
  return /(?:^|[.!?:;"“”]\s+|\n\s*)$/.test(text.slice(Math.max(0, at - 4), at)) || at === 0;
}

/** Capitalised common words the story uses as titles before people's names, in mid-sentence. */
function learnTitles(ctx: StoryContext, mentionsOf: Mention[][]): Set<string> {
  const text = new Map(ctx.articles.map((a) => [a.id, a.text]));
  const titles = new Set<string>();
  // The words of people's names are names, whatever their frequency ("Rose", "Hope").
  const personal = new Set(ctx.entities.filter((e) => e.kind === 'person').flatMap((e) => e.mentions.flatMap((m) => m.text.split(/\s+/))));
  // Twice: a title word in front of a title word ("Vice" before "President") is learnt next round.
  for (let round = 0; round < 2; round++) {
    for (const mentions of mentionsOf) {
      for (const m of mentions) {
        const t = text.get(m.article)!;
        let at = m.start;
        for (;;) {
          const w = WORD_BEFORE.exec(t.slice(Math.max(0, at - 40), at))?.[1];
          if (!w) break;
          const start = at - w.length - 1;
          if (isTitle(w, titles)) { at = start; continue; }
          // "then-Senator": the title is the capitalised part, and no sentence starts with it.
          const joined = /^\p{Ll}+-(\p{Lu}\p{Ll}+)$/u.exec(w)?.[1];
          const title = joined ?? w;
          const capitalised = /^\p{Lu}\p{Ll}/u.test(title);
          // At the start of a sentence a capital proves nothing, unless a full name follows
          // ("Senator Jane Doe said"): a common noun rarely stands there otherwise.
          const fullName = /\s/.test(t.slice(m.start, m.end).trim());
          const placed = joined || fullName || !sentenceInitial(t, start);
          if (capitalised && commonWord(title) && !personal.has(title) && placed && !insideEntity(ctx, m.article, start)) {
            titles.add(title);
            at = start;
            continue;
          }
          break;
        }
      }
    }
  }
  return titles;
}

function isTitle(word: string, titles: Set<string>): boolean {
  if (HONORIFIC.test(word) || titles.has(word)) return true;
  // "then-Senator", "ex-President": a lower-case prefix joined to a capitalised common noun is
  // a title by its shape alone.
  const m = /^\p{Ll}+-(\p{Lu}\p{Ll}*\.?)$/u.exec(word);
  return !!m && (HONORIFIC.test(m[1]) || titles.has(m[1]) || commonWord(m[1]));
}

function insideEntity(ctx: StoryContext, article: string, at: number): boolean {
  return (ctx.entitySpans.get(article) ?? []).some((s) => s.start <= at && at < s.end);
}

/** A mention with the titles in front of it and a suffix after it: the form the article uses. */
function formOf(text: string, m: Mention, titles: Set<string>): string {
  let start = m.start;
  for (;;) {
    const w = WORD_BEFORE.exec(text.slice(Math.max(0, start - 40), start))?.[1];
    if (!w || !isTitle(w, titles)) break;
    start -= w.length + 1;
  }
  const suffix = SUFFIX.exec(text.slice(m.end, m.end + 6))?.[0] ?? '';
  return text.slice(start, m.end + suffix.length).replace(/\s+/g, ' ');
}

/**
 * The story's people, one list of mentions per person. Recognition may leave one person as two
 * entities ("Jo Doe" and "Joanna Q. Doe Jr."): entities with the same surname are joined when
 * their given names agree (one holds a name beginning as one of the other's does: "Jo", "Joanna");
 * an entity known by its surname alone joins the one person it can be, if there is only one.
 */
interface Person { name: string; surname: string; mentions: Mention[] }

function people(ctx: StoryContext): Person[] {
  const bySurname = new Map<string, { name: string; given: string[]; mentions: Mention[] }[]>();
  for (const e of ctx.entities) {
    // A "name" joining two people ("Jane Doe and John Roe") is a recognition error.
    if (e.kind !== 'person' || /\sand\s/.test(e.name)) continue;
    const words = e.name.replace(SUFFIX_AT_END, '').split(/\s+/);
    const surname = words.pop()!.toLowerCase();
    // A preposition or conjunction taken into a name ("Despite Doe") is a recognition error too.
    if (words.some((w) => wordClass(foldToken(w)) === 'O' || wordClass(foldToken(w)) === 'D')) continue;
    const mentions = e.mentions.filter((m): m is Mention & typeof m => m.start !== undefined && m.end !== undefined);
    const list = bySurname.get(surname) ?? [];
    list.push({ name: e.name, given: words.filter((w) => !/^\p{Lu}\.$/u.test(w)), mentions });
    bySurname.set(surname, list);
  }
  // A "person" whose surname is a place's name ("Despite Norway") is a recognition error.
  const places = new Set(ctx.entities.filter((e) => e.kind === 'place').flatMap((e) => e.mentions.map((m) => m.text.toLowerCase())));
  for (const s of places) bySurname.delete(s);
  const agree = (a: string[], b: string[]) => a.some((x) => b.some((y) => x.slice(0, 2).toLowerCase() === y.slice(0, 2).toLowerCase()));
  const out: Person[] = [];
  for (const [surname, list] of bySurname) {
    const named = list.filter((p) => p.given.length);
    const groups: (typeof list)[] = [];
    for (const p of named) {
      const g = groups.find((x) => x.some((q) => agree(q.given, p.given)));
      if (g) g.push(p);
      else groups.push([p]);
    }
    for (const p of list.filter((x) => !x.given.length)) {
      if (groups.length === 1) groups[0].push(p);
      else if (!groups.length) groups.push([p]);
    }
    for (const g of groups) {
      // The name with the most mentions stands for the person.
      const main = [...g].sort((a, b) => b.mentions.length - a.mentions.length)[0];
      out.push({ name: main.name, surname, mentions: g.flatMap((p) => p.mentions) });
    }
  }
  return out;
}

/** People: each person's forms of reference, when the outlets use different ones. */
function personForms(ctx: StoryContext, persons: Person[]): StoryWording[] {
  const titles = learnTitles(ctx, persons.map((p) => p.mentions));
  const text = new Map(ctx.articles.map((a) => [a.id, a.text]));
  const out: StoryWording[] = [];
  const outlet = outletOf(ctx);
  // The most mentioned people first, at most MAX_PEOPLE: a bound on the work in a large story.
  const shown = [...persons].sort((a, b) => b.mentions.length - a.mentions.length).slice(0, MAX_PEOPLE);
  for (const p of shown) {
    // A person only one outlet names has no forms to compare.
    if (new Set(p.mentions.map((m) => outlet(m.article))).size < 2) continue;
    // One row per spelling of the surname: spellings are compared apart (see nameVariants).
    const forms = new Set<string>();
    for (const m of p.mentions) {
      const form = formOf(text.get(m.article)!, m, titles);
      // Only forms that name the person by this surname (a descriptive mention, "the leader", is not a name).
      const last = form.replace(SUFFIX_AT_END, '').split(' ').pop()!.replace(/['’]s?$/, '');
      if (NAME_START.test(form) && last.toLowerCase() === p.surname && !/\sand\s/.test(form)) forms.add(form);
    }
    // Recognition misses some mentions: a title before the surname anywhere in the story is a form too.
    const spelled = [...forms].map((f) => f.replace(SUFFIX_AT_END, '').split(' ').pop()!).find((w) => w.toLowerCase() === p.surname);
    if (spelled) {
      for (const at of findAll(ctx, spelled, true)) {
        const form = formOf(at.text.text, { article: at.text.article, start: at.start, end: at.end }, titles);
        if (form !== spelled && NAME_START.test(form) && !/^(?:The|A|An)\s/.test(form)) forms.add(form);
      }
    }
    if (forms.size < 2) continue;
    // Longer forms are found first: what is left next to a capitalised word (not a title) is part
    // of another name ("Doe" in "Richard Doe", "Doe Street"), and a name after "the" is no person's.
    const accept = (t: string, at: { start: number; end: number }) => {
      const w = WORD_BEFORE.exec(t.slice(Math.max(0, at.start - 40), at.start))?.[1];
      if (w && /^the$/i.test(w)) return false;
      // A capitalised word that ends a sentence ("… on Friday. Doe said") does not join the name.
      const endsSentence = !!w && /[.!?]$/.test(w) && !isTitle(w, titles);
      // Before a full name, a capitalised common word is a title's ("Acting Director Jane Doe"),
      // not a name's: the name is whole already.
      const whole = /\s/.test(t.slice(at.start, at.end).trim());
      const titleLike = whole && !!w && (commonWord(w) || (wordClass(foldToken(w)) === 'G' && perMillion(foldToken(w)) >= COMMON_PER_MILLION));
      if (w && /^\p{Lu}/u.test(w) && !endsSentence && !sentenceInitial(t, at.start - w.length - 1) && !isTitle(w, titles) && !titleLike) return false;
      return !/^\s\p{Lu}/u.test(t.slice(at.end, at.end + 2));
    };
    const variants = locate(ctx, [...forms], true, accept);
    const row = asRow(ctx, `how outlets name ${p.name}`, variants, NAME_CONFIDENCE);
    if (row) out.push(row);
  }
  return out;
}

/** A form begins with a capital, or with a prefixed title ("then-Senator Doe"). */
const NAME_START = /^(?:\p{Lu}|\p{Ll}+-\p{Lu})/u;
const SUFFIX_AT_END = /,?\s(?:Jr\.?|Sr\.?|II|III|IV)$/;

/** A row when two forms or more are used and the outlets do not all use the same ones. */
function asRow(ctx: StoryContext, concept: string, variants: FoundVariant[], confidence: number): StoryWording | null {
  if (variants.length < 2) return null;
  if (divergence(ctx, variants) === 0) return null;
  return {
    concept,
    variants: variants.map((v) => ({ text: v.text, articles: v.articles })),
    evidence: variants.flatMap((v) => v.evidence),
    confidence,
  };
}

/** How common (per million words) a name's first word must be to be taken as an ordinary word. */
const SENTENCE_WORD_PER_MILLION = 300;

/** Words of a name that take no initial in its acronym. */
const NAME_LINKS = new Set(['of', 'for', 'and', 'the', 'on', 'in', 'to', '&']);

/**
 * Capitalised names of several words in a text: capitalised words joined by spaces, by the small
 * words of names ("of", "for", "and") and, in a list closed by "and", by commas.
 */
function longNames(text: string): string[] {
  const out: string[] = [];
  const re = /\p{Lu}[\p{L}’'-]*(?:(?:\s+(?:of|for|and|on|the|&)\s+|,\s+|\s+)\p{Lu}[\p{L}’'-]*)*/gu;
  for (const m of text.matchAll(re)) {
    let name = m[0];
    // Commas only inside a list closed by "and": "Bureau of Wool, Flax and Silk".
    const comma = name.indexOf(',');
    if (comma >= 0 && !/\sand\s[^,]*$/.test(name.slice(name.lastIndexOf(',')))) name = name.slice(0, comma);
    name = name.replace(/^(?:The|A|An)\s+/, '');
    // A very common word in front is not part of the name but of the sentence or a heading
    // ("Everything Acme does"); an adjective is kept ("New Acme Party").
    const first = name.split(/\s/)[0];
    if (perMillion(foldToken(first)) >= SENTENCE_WORD_PER_MILLION && wordClass(foldToken(first)) !== 'J') {
      name = name.slice(first.length).trim();
    }
    const words = name.split(/[\s,]+/).filter((w) => !NAME_LINKS.has(w));
    if (words.length >= 2 && /^\p{Lu}/u.test(name) && !sentenceInitialOnly(text, m.index!, name)) out.push(name);
  }
  return out;
}

/** A two-word "name" whose first capital only starts a sentence ("Officials Said") is no name. */
function sentenceInitialOnly(text: string, at: number, name: string): boolean {
  const words = name.split(/\s+/);
  return words.length === 2 && sentenceInitial(text, at) && commonWord(words[0]);
}

function initials(name: string): string {
  return name.split(/[\s,]+/).filter((w) => w && !NAME_LINKS.has(w)).map((w) => w[0]).join('');
}

/**
 * Each acronym with the long names it abbreviates: their initials ("FWA", "Federal Widget
 * Agency"), the initials of a run of three words or more that is most of the name ("Office of
 * Paper, Ink and Quills" is "PIQ" too), or a definition in the text ("… Agency (FWA)", "the FWB
 * widget agency").
 */
function abbreviations(names: Iterable<string>, acronyms: Set<string>, defined: Map<string, string[]>): Map<string, string[]> {
  // Initials and their runs → the names having them, so each acronym is looked up once.
  const byInitials = new Map<string, string[]>();
  const add = (k: string, n: string) => {
    const list = byInitials.get(k);
    if (!list) byInitials.set(k, [n]);
    else if (!list.includes(n)) list.push(n);
  };
  for (const n of names) {
    const ini = initials(n);
    add(ini, n);
    for (let len = 3; len < ini.length && ini.length <= len + 2; len++) for (let k = 0; k + len <= ini.length; k++) add(ini.slice(k, k + len), n);
  }
  const out = new Map<string, string[]>();
  for (const x of acronyms) for (const n of [...(byInitials.get(x) ?? []), ...(defined.get(x) ?? [])]) out.set(n, [...(out.get(n) ?? []), x]);
  return out;
}

/** Organisations: acronyms with their long forms, and long forms with their extensions. */
function organisationForms(ctx: StoryContext, surnames: Set<string>): StoryWording[] {
  const names = new Set<string>();
  const acronyms = new Set<string>();
  const defined = new Map<string, string[]>();
  for (const a of ctx.articles) {
    for (const { text } of articleParts(a)) {
      // A name holding a person's surname is a person's, or two people's ("Jane Doe and John Roe").
      for (const n of longNames(text)) if (!n.split(/[\s,]+/).some((w) => surnames.has(w.toLowerCase()))) names.add(n);
      for (const m of text.matchAll(/(?<![\p{L}\p{N}])\p{Lu}{2,6}(?![\p{L}\p{N}])/gu)) acronyms.add(m[0]);
      // "Long Name (LN)": the text defines the acronym.
      for (const m of text.matchAll(/(\p{Lu}[\p{L}’' ,-]+?)\s+\((\p{Lu}{2,6})\)/gu)) {
        for (const n of longNames(m[1])) if (m[1].endsWith(n)) defined.set(m[2], [...(defined.get(m[2]) ?? []), n]);
      }
    }
  }
  // "the ABC border guard": an acronym glossed by the long name's other words, with the same
  // first letter and as many letters as the name has words, abbreviates that name even when its
  // letters are not the name's initials (an acronym of the name in another language).
  // One pass over the texts: the glosses after acronyms, and the capitalised words standing alone
  // after "the" ("the Larch on Friday"; see `shortened` below).
  const glosses = new Map<string, Set<string>>();
  const aloneAfterThe = new Set<string>();
  for (const a of ctx.articles) {
    for (const { text } of articleParts(a)) {
      for (const m of text.matchAll(/(?<![\p{L}\p{N}])(\p{Lu}{2,6})\s+(\p{Ll}+(?:\s+\p{Ll}+){0,2})/gu)) {
        const words = m[2].split(/\s+/);
        for (let k = 1; k <= words.length; k++) glosses.set(m[1], (glosses.get(m[1]) ?? new Set()).add(words.slice(0, k).join(' ')));
      }
      // It stands alone: before punctuation, a small word or a date ("the Larch on Friday", "the
      // Larch Wednesday"); before a noun it is a modifier ("the Acme plan"), before a
      // capitalised word part of another name.
      for (const m of text.matchAll(/(?<![\p{L}])the (\p{Lu}[\p{L}]*)(?![\p{L}\p{N}'’-])(?:\s+(\p{L}+))?/gu)) {
        if (!m[2] || isFigure({ fold: m[2].toLowerCase() } as Part) || (/^\p{Ll}/u.test(m[2]) && STOP_WORDS.has(m[2]))) aloneAfterThe.add(m[1]);
      }
    }
  }
  // Acronyms by their first letter and length: a name is compared with those that may abbreviate it.
  const glossed = new Map<string, string[]>();
  for (const x of glosses.keys()) {
    const k = `${x[0]}${x.length}`;
    glossed.set(k, [...(glossed.get(k) ?? []), x]);
  }
  // A name run on by "on"/"in" ("Border Guard on Tuesday") is tried without the run-on too.
  const heads = new Set([...names].flatMap((n) => [n, n.split(/\s+(?:on|in)\s+/)[0]]));
  for (const n of heads) {
    const words = n.split(/[\s,]+/).filter((w) => w && !NAME_LINKS.has(w));
    if (words.length < 2) continue;
    const rest = words.slice(1).join(' ').toLowerCase();
    for (const x of glossed.get(`${words[0][0]}${words.length}`) ?? []) {
      if (!glosses.get(x)!.has(rest) || initials(n) === x) continue;
      if (!(defined.get(x) ?? []).includes(n)) defined.set(x, [...(defined.get(x) ?? []), n]);
      names.add(n);
    }
  }
  const acronymsOf = abbreviations(names, acronyms, defined);
  // Names extended by a coordinated part: "Office for Safety" → "Office for Safety and Health".
  const extensions = new Map<string, string[]>();
  for (const n of names) {
    for (let at = n.indexOf(' and '); at > 0; at = n.indexOf(' and ', at + 1)) {
      const prefix = n.slice(0, at);
      if (names.has(prefix)) extensions.set(prefix, [...(extensions.get(prefix) ?? []), n]);
    }
  }
  // "the Larch" for "Larch Hill": a two-word name shortened to its first word after "the".
  const shortened = new Map<string, string>();
  for (const n of names) {
    const words = n.split(' ');
    if (words.length === 2 && !NAME_LINKS.has(words[1].toLowerCase()) && aloneAfterThe.has(words[0])) shortened.set(n, `the ${words[0]}`);
  }
  // Each long name with the acronyms of it and the names that extend it with "and …".
  const out: StoryWording[] = [];
  const used = new Set<string>();
  const sorted = [...names].sort((a, b) => a.length - b.length || (a < b ? -1 : 1));
  for (const n of sorted) {
    if (used.has(n)) continue;
    const forms = [n, ...(extensions.get(n) ?? []).filter((o) => !used.has(o))];
    const abbr = [...new Set(forms.flatMap((f) => [...(acronymsOf.get(f) ?? []), ...(shortened.has(f) ? [shortened.get(f)!] : [])]))];
    if (forms.length + abbr.length < 2) continue;
    // Acronyms count as whole words; long names as written.
    const variants = locate(ctx, [...forms, ...abbr], true);
    const row = asRow(ctx, `how outlets name ${forms[forms.length - 1]}`, variants, ORG_CONFIDENCE);
    if (!row) continue;
    for (const f of forms) used.add(f);
    out.push(row);
  }
  return out;
}

export function nameForms(ctx: StoryContext): StoryWording[] {
  const persons = people(ctx);
  return [...personForms(ctx, persons), ...organisationForms(ctx, new Set(persons.map((p) => p.surname)))];
}
