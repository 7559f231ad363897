/**
 * One entity per referent across a story's articles, whatever the spelling.
 *
 * A mention is read through its titles and possessive ("Harbour Board Chair Tomas Brell's" →
 * Tomas Brell). Names are compared through a transliteration-tolerant key: diacritics dropped, the
 * letters that transliteration systems disagree on folded together (y/i/j, z/s, kh/h, ks/x,
 * ie/e, doubled letters, -iy/-yi/-yy endings), and vowels reduced to a consonant skeleton when
 * comparing, with an edit distance on the folded forms. A full name merges with another whose
 * surname and given names fold alike (Volodymyr Zelenskyy, Vladimir Zelensky, Volodymyr
 * Selensky), or, with the surname spelt alike, whose given names fit by a middle name, an
 * initial or a familiar form (Lee Harmon, B. Lee Harmon; Tom, Thomas R.) when no other person
 * of the story fits; a lone surname joins the person it names when only one person of the
 * story bears it (spelt the same way, if one does); places and organisations merge when their
 * folded forms are close (Kyiv, Kiev; Donbas, Donbass); an acronym joins the name a text
 * defines it as, else the one name whose initials it spells (EU, European Union); a name joins
 * the one longer name that only extends it (Halvorsen, Halvorsen News); a town keeps its state
 * abbreviation in the mention but not the name (Fairview, Conn. → Fairview).
 * A role ("the harbour chief") joins the one person whose title in the story fits it. The
 * canonical name is the most common full form.
 *
 * @module
 */
import type { Article, EntityKind, EntityMention, StoryEntity } from '../types.js';
import type { EntitySpan, EntityType } from '../enrich/types.js';
import { DEFINED_ACRONYM } from '../enrich/ner/repair.js';
import { foldName } from '../lang/fold.js';
import { nameKey } from '../lang/romanise.js';
import { glossOfName } from '../enrich/ner/chinese.js';

const HAN = /^\p{Script=Han}+$/u;
import { leaderOffices, leaderWords, offices, personTitles, titleWords } from '../lang/titles.js';
import { givenFit, personName, type PersonName } from '../enrich/ner/names.js';
import { STATE_ABBREVIATIONS } from '../enrich/ner/gazetteer.js';

const KIND: Record<EntityType, EntityKind> = { PER: 'person', ORG: 'organization', LOC: 'place', MISC: 'other' };

/** Transliteration folding of one word (see src/lang/fold.ts). */
export const foldWord = foldName;

/** The consonant skeleton of a folded word, first letter kept: Vladimir and Volodymyr agree. */
export function skeleton(word: string): string {
  const f = foldWord(word);
  return f[0] + f.slice(1).replace(/[aeiou]/g, '');
}

function editDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++) d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
  return d[a.length][b.length];
}

const ACRONYM = /^(?:\p{Lu}\.?){2,5}$/u;

/** Latin letters, or another alphabet's: names written in two alphabets are compared by their phonetic key too. */
const isLatin = (w: string) => !/[^\p{Script=Latin}\P{L}]/u.test(w);

/** Two spellings of one name in two alphabets (Шольц, Scholz; Макрон, Macron, ماكرون): the same phonetic key. */
function sameAcrossAlphabets(a: string, b: string): boolean {
  if (isLatin(a) === isLatin(b)) return false;
  const k = nameKey(a);
  return k !== null && k === nameKey(b);
}

function similarWord(a: string, b: string): boolean {
  if (a.toLowerCase() === b.toLowerCase()) return true;
  if (sameAcrossAlphabets(a, b)) return true;
  const fa = foldWord(a);
  const fb = foldWord(b);
  if (fa === fb) return true;
  // Acronyms are spelt, not transliterated: CNA is not CNN, nor ARB Arab.
  if (ACRONYM.test(a) || ACRONYM.test(b)) return false;
  if (skeleton(a) !== skeleton(b)) return false;
  return editDistance(fa, fb) <= Math.max(1, Math.floor(Math.min(fa.length, fb.length) / 3));
}

interface Group {
  kind: Map<EntityType, number>;
  /** Surface form → count. */
  forms: Map<string, number>;
  mentions: EntityMention[];
  /** For persons: the given names of each full form that joined ("Byron Todd", "B. Todd"); empty for others. */
  givens: string[][];
  /** For persons, the surname's last word; for other names, the whole name. */
  surname: string;
  /** For persons, the generational suffixes written ("jr", "iii"): Jr. and Sr. are two people. */
  suffixes: Set<string>;
}

const words = (s: string) => s.split(/\s+/).filter(Boolean);

/**
 * The name inside a mention as written: a possessive ending dropped ("Brell's" → Brell), and for
 * a person, the titles and roles before the name ("Harbour Board Chair Tomas Brell" → Mark
 * Brell); a leading article goes for any name ("the Kremlin" → Kremlin).
 */
export function nameCore(text: string, type: EntityType): string {
  let w = words(text.replace(/(?<=\p{L})['’]s?$/u, ''));
  if (w.length > 1 && /^the$/i.test(w[0])) w = w.slice(1);
  // "Fairview, Conn." is the town of Fairview; "the Dovra region", of Dovra.
  const town = type === 'LOC' ? /^(.+?)(, .+)$/u.exec(w.join(' ')) : null;
  if (town && stateAfter(town[2]) === town[2]) w = words(town[1]);
  if (type !== 'PER' && w.length > 1 && AREAS.has(w[w.length - 1])) w = w.slice(0, -1);
  if (type === 'PER') {
    // Titles are lower case in the list; an initial like "Gen." or "Dr." counts with its dot.
    const runWords = titleWords('en');
    const titles = personTitles('en');
    const title = (x: string) => runWords.has(x) || titles.has(x);
    while (w.length > 1 && title(w[0].toLowerCase().replace(/\.$/, ''))) w = w.slice(1);
  }
  return w.join(' ');
}

/** ", Conn." or ", CT" after a town: the state, abbreviated as news style writes it. */
const STATE_AFTER = /^, ((?:\p{Lu}\.?){2}|\p{Lu}\p{Ll}{1,4}\.)(?![\p{L}\p{N}])/u;

function stateAfter(text: string): string | null {
  const m = STATE_AFTER.exec(text);
  return m && STATE_ABBREVIATIONS.has(m[1].replace(/\./g, '')) ? m[0] : null;
}

/** Area words written in lower case after a place's name ("the Dovra region"). */
const AREAS = new Set(['region', 'province', 'oblast', 'krai', 'prefecture', 'governorate']);
const AREA_AFTER = new RegExp(`^ (?:${[...AREAS].join('|')})(?![\\p{L}\\p{N}-])`, 'u');

/**
 * A town with its state abbreviated after it ("Fairview, Conn.") is one mention of the town, as
 * written: the state abbreviation is no place of its own there. A place with an area word after
 * it ("the Dovra region") is written with it, as the outlet words it.
 */
function withQualifiers(text: string, spans: EntitySpan[]): EntitySpan[] {
  const out: EntitySpan[] = [];
  let skipUntil = -1;
  for (const s of spans) {
    if (s.start < skipUntil) continue;
    const after = text.slice(s.end, s.end + 14);
    const state = (s.type === 'LOC' ? stateAfter(after) : null) ?? (s.type === 'LOC' || s.type === 'ORG' ? AREA_AFTER.exec(after)?.[0] ?? null : null);
    if (!state) { out.push(s); continue; }
    const end = s.end + state.length;
    out.push({ ...s, end, text: text.slice(s.start, end) });
    skipUntil = end;
  }
  return out;
}

/** The place of a dateline ("BRUSSELS, December 3. /TASS/.") as a name ("Brussels"). */
function datelinePlace(dateline: string | null): string | null {
  const m = /^([\p{Lu}][\p{Lu}\p{M} .'’-]+?)(?:,|\s\(|\s[–—-])/u.exec(dateline ?? '');
  if (!m) return null;
  return m[1].trim().toLowerCase().replace(/(^|[\s-])\p{L}/gu, (c) => c.toUpperCase());
}

export function resolveEntities(articles: Article[], spans: Map<string, EntitySpan[]>): StoryEntity[] {
  const all: { article: string; span: EntitySpan; core?: string }[] = [];
  for (const a of articles) {
    for (const s of withQualifiers(a.text, spans.get(a.id) ?? [])) all.push({ article: a.id, span: s });
    const place = datelinePlace(a.dateline);
    if (place) all.push({ article: a.id, span: { start: -1, end: -1, text: place, type: 'LOC' } });
  }
  // Longer names first, so that surnames alone find the full names they belong to.
  // A Chinese name joins the others by its dictionary gloss (普京 → Vladimir Putin); its mention keeps its characters.
  for (const x of all) x.core = nameCore(HAN.test(x.span.text) ? (glossOfName(x.span.text) ?? x.span.text) : x.span.text, x.span.type);
  const length = new Map(all.map((x) => [x, words(x.core!).length]));
  all.sort((x, y) => length.get(y)! - length.get(x)!);
  const groups: Group[] = [];
  const mention = (article: string, s: EntitySpan): EntityMention => (s.start >= 0 ? { article, text: s.text, start: s.start, end: s.end } : { article, text: s.text });

  // Groups indexed by the consonant skeleton of their surname (or whole name): a name can only
  // match a group whose skeleton it shares, so each lookup is a handful of comparisons.
  const bySkeleton = new Map<string, Group[]>();
  // And by phonetic key, for the same name in another alphabet (see sameAcrossAlphabets).
  const byKey = new Map<string, Group[]>();
  const index = (g: Group) => {
    const last = words(g.surname).pop() ?? g.surname;
    for (const [map, k] of [[bySkeleton, skeleton(last)], [byKey, nameKey(last)]] as const) {
      if (!k) continue;
      const list = map.get(k);
      if (list) list.push(g);
      else map.set(k, [g]);
    }
  };
  const nearTo = (last: string): Group[] => {
    const same = bySkeleton.get(skeleton(last)) ?? [];
    const key = nameKey(last);
    const other = key ? (byKey.get(key) ?? []).filter((g) => !same.includes(g) && isLatin(words(g.surname).pop() ?? '') !== isLatin(last)) : [];
    return other.length ? [...same, ...other] : same;
  };
  // How the story tags each word written alone: a person's surname the tagger once took for a
  // place ("Lind") still joins the person; a place that is also someone's surname does not.
  const loneTypes = new Map<string, number>();
  for (const { span, core } of all) {
    if (!core || core.includes(' ')) continue;
    const k = foldWord(core);
    loneTypes.set(k, (loneTypes.get(k) ?? 0) + (span.type === 'PER' || span.type === 'MISC' ? 1 : -1));
  }
  const personLike = (word: string) => (loneTypes.get(foldWord(word)) ?? 0) > 0;
  const texts = new Map(articles.map((a) => [a.id, a.text]));
  /** Acronym → the group of the name it was written after in brackets (null: two such names). */
  const definitions = new Map<string, Group | null>();
  for (const { article, span: written, core } of all) {
    const span = { ...written, text: core! };
    if (!span.text) continue;
    const w = words(span.text);
    const person = span.type === 'PER' ? personName(span.text) : null;
    const last = person ? person.surname : w[w.length - 1];
    const near = nearTo(last);
    let target: Group | undefined;
    if (person?.given.length) target = samePerson(near, person);
    else if (w.length >= 2 && !person) {
      // A full name the tagger called MISC may still be a person of the story's.
      const misc = span.type === 'MISC' ? personName(span.text) : null;
      target = (misc && samePerson(near, misc)) || near.find((g) => !g.givens.length && w.length === words(g.surname).length && similarPhrase(g.surname, span.text) && compatible(g, span.type));
    } else {
      // A surname alone ("Berg", "von der Berg") joins the one person of the story who bears it,
      // spelt the same way if one is; two people bearing it leave it to neither. A word the
      // story mostly tags as a place or body stays one when so tagged ("Washington").
      const asName = span.type === 'PER' || span.type === 'MISC' || personLike(last);
      const persons = asName ? near.filter((g) => g.givens.length && similarWord(g.surname, last)) : [];
      const spelt = persons.filter((g) => foldWord(g.surname) === foldWord(last));
      if (spelt.length === 1 || (!spelt.length && persons.length === 1)) target = spelt[0] ?? persons[0];
      // The same word tagged as two types within a story is one name the tagger hesitated over.
      else if (!persons.length) {
        const single = (g: Group) => !g.givens.length && !g.surname.includes(' ') && (compatible(g, span.type) || g.forms.has(span.text));
        const key = foldWord(last);
        // A spelling apart (Kyiv, Kiev) must be the same kind of name: "Somali" is not "Somalia".
        target = near.find((g) => single(g) && foldWord(g.surname) === key) ?? near.find((g) => single(g) && mainType(g) === span.type && similarWord(g.surname, last));
      }
    }
    if (!target) {
      target = { kind: new Map(), forms: new Map(), mentions: [], givens: [], surname: person?.given.length ? last : span.text, suffixes: new Set() };
      groups.push(target);
      index(target);
    }
    if (person?.given.length && !target.givens.some((g) => g.join(' ') === person.given.join(' '))) target.givens.push(person.given);
    if (person?.suffix) target.suffixes.add(person.suffix);
    // "Joint Board of Tides (JBT)": the text itself says what the acronym stands for.
    const defined = written.start >= 0 && !person ? DEFINED_ACRONYM.exec(texts.get(article)!.slice(written.end, written.end + 12))?.[1] : undefined;
    // The name must open with the acronym's first letter: a name the tagger cut short ("Rights"
    // of "Parliamentarians for Human Rights (PHR)") is not what the acronym stands for.
    if (defined && defined[0] === span.text[0]) definitions.set(defined, definitions.has(defined) && definitions.get(defined) !== target ? null : target);
    target.kind.set(span.type, (target.kind.get(span.type) ?? 0) + 1);
    target.forms.set(span.text, (target.forms.get(span.text) ?? 0) + 1);
    target.mentions.push(mention(article, written));
  }

  mergeAcronyms(groups, definitions);
  mergeExtensions(groups);
  const entities = groups
    .filter((g) => g.mentions.length)
    .map((g) => {
      const kind = [...g.kind].sort((a, b) => b[1] - a[1])[0][0];
      const type: EntityType = g.givens.length ? 'PER' : kind;
      // The canonical name: the most common full form (for a person, one with a given name; for
      // a body known by an acronym too, its name written out: United Nations, not UN).
      const forms = [...g.forms].sort((a, b) => b[1] - a[1] || b[0].length - a[0].length);
      const full = type === 'PER' ? forms.find(([f]) => personName(f).given.length > 0) : forms.some(([f]) => ACRONYM.test(f)) ? forms.find(([f]) => f.includes(' ')) : undefined;
      return { name: (full ?? forms[0])[0], kind: KIND[type], mentions: g.mentions.sort((a, b) => a.article.localeCompare(b.article) || (a.start ?? 0) - (b.start ?? 0)) };
    });
  // Most articles first, then most mentions; each entity's articles counted once, not in every comparison.
  const spread = new Map(entities.map((e) => [e, new Set(e.mentions.map((m) => m.article)).size]));
  entities.sort((a, b) => spread.get(b)! - spread.get(a)! || b.mentions.length - a.mentions.length);
  addRoleMentions(articles, entities);
  return entities;
}

// Roles: "the harbour chief" names Ada Lind when the story calls her "Harbour Board Chair Ada
// Lind" and calls no one else a harbour leader. The offices are general vocabulary; the
// organisation or country that qualifies them comes from the story's own title phrases.

/** Office nouns, and the ones that mean whoever leads the organisation (data/lang/en/offices.txt, leader-*.txt). */
const OFFICES = offices('en');
const LEADS = leaderWords('en');
const LEADER_OFFICES = leaderOffices('en');

interface Role {
  /** Office nouns of the title phrase, lower case. */
  offices: Set<string>;
  /** The other words (who the office belongs to: "nato", "kremlin", "russian"), folded. */
  qualifiers: Set<string>;
}

/** The title phrase written just before a mention ("Harbour Board Chair" before "Tomas Brell"). */
function titleBefore(text: string, start: number): Role | null {
  // Most names have no office noun right before them: that is seen from the last word alone, and
  // spares the regular expression below, which tries every position of its 80 characters.
  if (!endsWithOffice(text, start)) return null;
  const before = text.slice(Math.max(0, start - 80), start);
  const m = /((?:(?:\p{Lu}[\p{L}.’'-]*|[a-z-]+)\s+){1,5})$/u.exec(before);
  if (!m) return null;
  const ws = m[1].trim().split(/\s+/);
  // Keep the run of office nouns and capitalised qualifiers that ends at the name.
  let from = ws.length;
  while (from > 0 && (OFFICES.has(ws[from - 1].toLowerCase()) || (/^\p{Lu}/u.test(ws[from - 1]) && from < ws.length))) from--;
  const run = ws.slice(from);
  const offices = new Set(run.map((w) => w.toLowerCase()).filter((w) => OFFICES.has(w)));
  if (!offices.size || !OFFICES.has(run[run.length - 1].toLowerCase())) return null;
  const qualifiers = new Set(run.filter((w) => !OFFICES.has(w.toLowerCase())).map(foldWord));
  return { offices, qualifiers };
}

/** The longest office noun, in characters. */
const OFFICE_LENGTH = Math.max(...[...OFFICES].map((o) => o.length));

/**
 * Whether the word just before `start` (after white space) ends, case aside, with an office noun:
 * true whenever {@link titleBefore} can find a title, since its last word must be an office noun.
 */
function endsWithOffice(text: string, start: number): boolean {
  let end = start;
  while (end > 0 && /\s/.test(text[end - 1])) end--;
  if (end === start) return false;
  const tail = text.slice(Math.max(0, end - OFFICE_LENGTH), end).toLowerCase();
  for (let k = 0; k < tail.length; k++) if (OFFICES.has(tail.slice(k))) return true;
  return false;
}

/** Whether a role mention (office and its qualifiers) can only be this person's role. */
function fits(role: Role, office: string, qualifiers: string[]): boolean {
  const officeFits = role.offices.has(office) || (LEADS.has(office) && [...role.offices].some((o) => LEADER_OFFICES.has(o)));
  return officeFits && qualifiers.every((q) => role.qualifiers.has(q));
}

/** The first word (or other character) of a text that starts with no space, as {@link roleAfter} reads it. */
const FIRST_WORD = /^(?:\p{L}[\p{L}’'-]*|\S)/u;

/**
 * The role written at `from` (just after "the"): up to three capitalised words, then an office
 * noun not followed by a name ("harbour chief", "spokesman", "US President", "Harbour Board
 * Chair"; not "Harbour Board Chair Tomas Brell", a mention already).
 */
function roleAfter(text: string, from: number): { office: string; qualifiers: string[]; end: number } | null {
  const head = text.slice(from, from + 80);
  // Most often the first word is neither capitalised nor an office ("the government"): no role.
  const first = FIRST_WORD.exec(head);
  if (!first) return null;
  if (!/^\p{Lu}/u.test(first[0]) && !OFFICES.has(first[0].toLowerCase())) return null;
  const ws = [...head.matchAll(/\p{L}[\p{L}’'-]*|\S/gu)].slice(0, 5);
  for (let j = 0; j < ws.length && j <= 3; j++) {
    const office = ws[j][0].toLowerCase();
    const before = ws.slice(0, j).map((w) => w[0]);
    if (!before.every((w) => /^\p{Lu}/u.test(w))) return null;
    if (!OFFICES.has(office)) continue;
    const next = ws[j + 1]?.[0] ?? '';
    if (/^\p{Lu}/u.test(next)) continue;
    return { office, qualifiers: before.filter((w) => !OFFICES.has(w.toLowerCase())).map(foldWord), end: from + ws[j].index! + ws[j][0].length };
  }
  return null;
}

/** Text → {@link rolesInText}. */
const ROLES_CACHE = new Map<string, readonly { start: number; role: NamedRole }[]>();

/** A role named after "the" (see {@link roleAfter}). */
type NamedRole = NonNullable<ReturnType<typeof roleAfter>>;

/**
 * The roles a text names after "the" ("the harbour chief", "the spokesman"), each with where its
 * "the" starts: what {@link addRoleMentions} looks for in every article, found once per text
 * (an article's text is the same in every analysis of its story). Shared, so never changed.
 */
function rolesInText(text: string): readonly { start: number; role: NamedRole }[] {
  let found = ROLES_CACHE.get(text);
  if (found === undefined) {
    const list: { start: number; role: NamedRole }[] = [];
    for (const m of text.matchAll(/\b[Tt]he\s+/g)) {
      const role = roleAfter(text, m.index! + m[0].length);
      // "the president" alone is most often a head of state the story never titles: only a
      // qualified leader ("the harbour chief") or a lesser office ("the spokesman") is resolved.
      if (!role || (!role.qualifiers.length && LEADER_OFFICES.has(role.office))) continue;
      list.push({ start: m.index!, role });
    }
    found = list;
    if (ROLES_CACHE.size > 10_000) ROLES_CACHE.clear();
    ROLES_CACHE.set(text, found);
  }
  return found;
}

function addRoleMentions(articles: Article[], entities: StoryEntity[]): void {
  const texts = new Map(articles.map((a) => [a.id, a.text]));
  const roles = new Map<StoryEntity, Role[]>();
  for (const e of entities) {
    if (e.kind !== 'person') continue;
    for (const m of e.mentions) {
      const text = texts.get(m.article);
      if (text === undefined || m.start === undefined) continue;
      const role = titleBefore(text, m.start);
      if (role) roles.set(e, [...(roles.get(e) ?? []), role]);
    }
  }
  if (!roles.size) return;
  for (const a of articles) {
    for (const { start, role } of rolesInText(a.text)) {
      const who = [...roles].filter(([, rs]) => rs.some((r) => fits(r, role.office, role.qualifiers)));
      if (who.length !== 1) continue;
      const e = who[0][0];
      if (e.mentions.some((x) => x.article === a.id && x.start === start)) continue;
      e.mentions.push({ article: a.id, text: a.text.slice(start, role.end), start, end: role.end });
    }
  }
  for (const e of roles.keys()) e.mentions.sort((x, y) => x.article.localeCompare(y.article) || (x.start ?? 0) - (y.start ?? 0));
}

/** Initials of a name's capitalised words and their parts ("European Union" → EU; "Ministry of Foreign Affairs" → MFA; "Agence France-Presse" → AFP). */
function initials(name: string): string {
  return words(name).flatMap((w) => w.split('-')).filter((w) => /^\p{Lu}/u.test(w)).map((w) => w[0]).join('');
}

/**
 * An acronym joins the name a text defines it as ("Joint Board of Tides (JBT)"), else the one
 * longer name of the story whose initials it spells (EU and European Union; U.S. and United
 * States; AFP and Agence France-Presse), else the one long name whose initials hold it (see
 * {@link longFormsHolding}); never a person's name. Merged groups are emptied.
 */
function mergeAcronyms(groups: Group[], definitions: Map<string, Group | null>): void {
  const byInitials = new Map<string, Group[]>();
  for (const g of groups) {
    if (g.givens.length) continue;
    for (const f of g.forms.keys()) {
      if (words(f).length < 2) continue;
      const k = initials(f);
      if (k.length < 2) continue;
      const list = byInitials.get(k) ?? [];
      if (!list.includes(g)) list.push(g);
      byInitials.set(k, list);
    }
  }
  const long = [...byInitials].filter(([k]) => k.length >= 5);
  for (const g of groups) {
    if (g.givens.length || g.forms.size === 0) continue;
    const acronym = [...g.forms.keys()].map((f) => f.replace(/\./g, '')).find((f) => /^\p{Lu}{2,6}$/u.test(f));
    if (!acronym) continue;
    const defined = definitions.get(acronym);
    let targets = defined ? [defined] : (byInitials.get(acronym) ?? []).filter((h) => h.mentions.length);
    if (!targets.length && acronym.length >= 3) targets = [...new Set(longFormsHolding(long, acronym))].filter((h) => h.mentions.length);
    if (targets.length !== 1 || targets[0] === g || !targets[0].mentions.length) continue;
    const h = targets[0];
    for (const [k, n] of g.kind) h.kind.set(k, (h.kind.get(k) ?? 0) + n);
    for (const [f, n] of g.forms) h.forms.set(f, (h.forms.get(f) ?? 0) + n);
    h.mentions.push(...g.mentions);
    g.mentions = [];
    g.forms.clear();
  }
}

/**
 * The names of five words or more whose initials hold an acronym of three letters or more as a
 * run inside them: a long name is often shortened to its middle words (the initials of "Bureau
 * of Salt, Sugar, Spice and Herbs" hold SSS). A run at either end is the name of a body the long
 * one belongs to or stands over ("Farm Agency of the US Department of Trade" and USDT), and a
 * shorter name's run too easily another body's acronym (NSC in UNSC): neither counts.
 */
function longFormsHolding(long: [string, Group[]][], acronym: string): Group[] {
  const out: Group[] = [];
  for (const [k, gs] of long) if (k.slice(1, -1).includes(acronym)) out.push(...gs);
  return out;
}

/** Words that extend a name to the body or area it stands for ("Halvorsen News", "Dovra Oblast"). */
const BODY_WORDS = new Set(['news', 'group', 'inc', 'corp', 'corporation', 'company', 'co', 'ltd', 'plc', 'llc', 'oblast', 'region', 'province', 'krai', 'prefecture']);
/** Words that extend a name to an institution; a place and its school are kept apart (Oxford, Oxford University). */
const INSTITUTION_WORDS = new Set(['school', 'elementary', 'university', 'college', 'academy', 'hospital']);

/**
 * A name joins the one longer name of the story that only extends it: by a word for its body or
 * area ("Halvorsen" and "Halvorsen Group"; "Dovra" and "Dovra Oblast"), by an institution's
 * word when it is no place ("Pine Ridge Elementary" and "Pine Ridge Elementary School"), or by
 * the rest of an organisation's name cut short ("Centers for Soil Health" and "… and Mapping").
 * People's names never join this way. Merged groups are emptied.
 */
function mergeExtensions(groups: Group[]): void {
  const live = groups.filter((g) => !g.givens.length && g.mentions.length);
  // Each longer form under the forms it could extend: its first words, one to all but one.
  const byPrefix = new Map<string, { group: Group; rest: string[] }[]>();
  for (const g of live) for (const f of g.forms.keys()) {
    const ws = words(f);
    for (let n = 1; n < ws.length; n++) {
      const k = ws.slice(0, n).join(' ');
      const list = byPrefix.get(k);
      const entry = { group: g, rest: ws.slice(n).map((w) => w.toLowerCase().replace(/\.$/, '')) };
      if (list) list.push(entry);
      else byPrefix.set(k, [entry]);
    }
  }
  const kindOf = (g: Group) => [...g.kind].sort((a, b) => b[1] - a[1])[0][0];
  const extension = (short: string, rest: string[], kind: EntityType): boolean => {
    const a = words(short);
    if (rest.length === 1 && BODY_WORDS.has(rest[0])) return true;
    if (rest.length === 1 && INSTITUTION_WORDS.has(rest[0])) return kind !== 'LOC' || INSTITUTION_WORDS.has(a[a.length - 1].toLowerCase());
    return rest[0] === 'and' && a.some((w) => /^(?:of|for|on|to)$/.test(w));
  };
  for (const g of live) {
    if (!g.mentions.length) continue;
    const targets = new Set<Group>();
    for (const f of g.forms.keys()) {
      for (const { group: h, rest } of byPrefix.get(words(f).join(' ')) ?? []) {
        if (h !== g && h.mentions.length && !targets.has(h) && extension(f, rest, kindOf(g))) targets.add(h);
      }
    }
    if (targets.size !== 1) continue;
    const h = [...targets][0];
    // The longer name's kind stands: "Halvorsen" alone is often taken for a person.
    for (const [f, n] of g.forms) h.forms.set(f, (h.forms.get(f) ?? 0) + n);
    h.mentions.push(...g.mentions);
    g.mentions = [];
    g.forms.clear();
  }
}

/**
 * The person a full name ("Lee Harmon", "B. Lee Harmon") belongs to: one whose surname matches
 * and whose given names fit. A fit by spelling or transliteration (Volodymyr, Vladimir) allows a
 * surname spelt otherwise (Zelenskyy, Zelensky); a fit by an initial, a middle name or a familiar
 * form (Joe, Joseph) needs the surname spelt alike and no other person of that surname fitting.
 */
function samePerson(near: Group[], person: PersonName): Group | undefined {
  const fits = (g: Group) => {
    const f = g.givens.map((given) => givenFit(given, person.given, similarWord));
    return f.includes('same') ? 'same' : f.includes('loose') ? 'loose' : null;
  };
  // Jr. and Sr. (or III) of one name are father and son: a written suffix must not contradict.
  const persons = near
    .filter((g) => g.givens.length && similarWord(g.surname, person.surname) && (!person.suffix || [...g.suffixes].every((x) => x === person.suffix)))
    .map((g) => ({ g, fit: fits(g) }));
  const same = persons.filter((p) => p.fit === 'same');
  // Two people the name fits as well (Jr. and Sr.): it is neither's.
  if (same.length) return same.length === 1 ? same[0].g : undefined;
  const surname = foldWord(person.surname);
  const loose = persons.filter((p) => p.fit === 'loose' && foldWord(p.g.surname) === surname).map((p) => p.g);
  return loose.length === 1 ? loose[0] : undefined;
}

function similarPhrase(a: string, b: string): boolean {
  const wa = words(a);
  const wb = words(b);
  return wa.length === wb.length && wa.every((w, i) => similarWord(w, wb[i]));
}

/** The type most of a group's mentions have. */
const mainType = (g: Group): EntityType | undefined => [...g.kind].sort((a, b) => b[1] - a[1])[0]?.[0];

/** Types that may name the same referent: a recogniser often calls a lone surname MISC. */
function compatible(g: Group, type: EntityType): boolean {
  if (g.givens.length) return type === 'PER' || type === 'MISC';
  const main = [...g.kind].sort((a, b) => b[1] - a[1])[0]?.[0];
  return !main || main === type || type === 'MISC' || main === 'MISC';
}
