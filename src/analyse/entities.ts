/**
 * One entity per referent across a story's articles, whatever the spelling.
 *
 * A mention is read through its titles and possessive ("NATO Secretary General Mark Rutte's" →
 * Mark Rutte). Names are compared through a transliteration-tolerant key: diacritics dropped, the
 * letters that transliteration systems disagree on folded together (y/i/j, z/s, kh/h, ks/x,
 * ie/e, doubled letters, -iy/-yi/-yy endings), and vowels reduced to a consonant skeleton when
 * comparing, with an edit distance on the folded forms. A full name merges with another whose
 * surname and given name fold alike (Volodymyr Zelenskyy, Vladimir Zelensky, Volodymyr
 * Selensky); a lone surname joins the person it names when only one person of the story bears
 * it; places and organisations merge when their folded forms are close (Kyiv, Kiev; Donbas,
 * Donbass), and an acronym joins the one name whose initials it spells (EU, European Union).
 * A role ("the NATO chief") joins the one person whose title in the story fits it. The
 * canonical name is the most common full form.
 *
 * @module
 */
import type { Article, EntityKind, EntityMention, StoryEntity } from '../types.js';
import type { EntitySpan, EntityType } from '../enrich/types.js';
import { TITLES } from '../enrich/ner/rules.js';

const KIND: Record<EntityType, EntityKind> = { PER: 'person', ORG: 'organization', LOC: 'place', MISC: 'other' };

const folded = new Map<string, string>();

/** Transliteration folding of one word. */
export function foldWord(word: string): string {
  const hit = folded.get(word);
  if (hit !== undefined) return hit;
  const out = fold(word);
  if (folded.size > 100_000) folded.clear();
  folded.set(word, out);
  return out;
}

function fold(word: string): string {
  let w = word.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/['’`.-]/g, '');
  w = w.replace(/(?:yy|yi|iy|ii|ij|yj|y|j)$/u, 'i');
  w = w.replace(/kh/g, 'h').replace(/ks/g, 'x').replace(/ph/g, 'f').replace(/w/g, 'v').replace(/z/g, 's').replace(/[yj]/g, 'i').replace(/ie/g, 'i');
  w = w.replace(/(.)\1+/g, '$1');
  return w;
}

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

function similarWord(a: string, b: string): boolean {
  if (a.toLowerCase() === b.toLowerCase()) return true;
  const fa = foldWord(a);
  const fb = foldWord(b);
  if (fa === fb) return true;
  if (skeleton(a) !== skeleton(b)) return false;
  return editDistance(fa, fb) <= Math.max(1, Math.floor(Math.min(fa.length, fb.length) / 3));
}

interface Group {
  kind: Map<EntityType, number>;
  /** Surface form → count. */
  forms: Map<string, number>;
  mentions: EntityMention[];
  /** For persons: given name(s) and surname of the longest form. */
  given: string | null;
  surname: string;
}

const words = (s: string) => s.split(/\s+/).filter(Boolean);

/**
 * The name inside a mention as written: a possessive ending dropped ("Rutte's" → Rutte), and for
 * a person, the titles and roles before the name ("NATO Secretary General Mark Rutte" → Mark
 * Rutte); a leading article goes for any name ("the Kremlin" → Kremlin).
 */
export function nameCore(text: string, type: EntityType): string {
  let w = words(text.replace(/(?<=\p{L})['’]s?$/u, ''));
  if (w.length > 1 && /^the$/i.test(w[0])) w = w.slice(1);
  if (type === 'PER') {
    // Titles are lower case in the list; an initial like "Gen." or "Dr." counts with its dot.
    while (w.length > 1 && TITLES.has(w[0].toLowerCase().replace(/\.$/, ''))) w = w.slice(1);
  }
  return w.join(' ');
}

/** The place of a dateline ("BRUSSELS, December 3. /TASS/.") as a name ("Brussels"). */
function datelinePlace(dateline: string | null): string | null {
  const m = /^([\p{Lu}][\p{Lu}\p{M} .'’-]+?)(?:,|\s\(|\s[–—-])/u.exec(dateline ?? '');
  if (!m) return null;
  return m[1].trim().toLowerCase().replace(/(^|[\s-])\p{L}/gu, (c) => c.toUpperCase());
}

export function resolveEntities(articles: Article[], spans: Map<string, EntitySpan[]>): StoryEntity[] {
  const all: { article: string; span: EntitySpan }[] = [];
  for (const a of articles) {
    for (const s of spans.get(a.id) ?? []) all.push({ article: a.id, span: s });
    const place = datelinePlace(a.dateline);
    if (place) all.push({ article: a.id, span: { start: -1, end: -1, text: place, type: 'LOC' } });
  }
  // Longer names first, so that surnames alone find the full names they belong to.
  const length = new Map(all.map((x) => [x, words(nameCore(x.span.text, x.span.type)).length]));
  all.sort((x, y) => length.get(y)! - length.get(x)!);
  const groups: Group[] = [];
  const mention = (article: string, s: EntitySpan): EntityMention => (s.start >= 0 ? { article, text: s.text, start: s.start, end: s.end } : { article, text: s.text });

  // Groups indexed by the consonant skeleton of their surname (or whole name): a name can only
  // match a group whose skeleton it shares, so each lookup is a handful of comparisons.
  const bySkeleton = new Map<string, Group[]>();
  const index = (g: Group) => {
    const k = skeleton(words(g.surname).pop() ?? g.surname);
    const list = bySkeleton.get(k);
    if (list) list.push(g);
    else bySkeleton.set(k, [g]);
  };
  for (const { article, span: written } of all) {
    const span = { ...written, text: nameCore(written.text, written.type) };
    if (!span.text) continue;
    const w = words(span.text);
    const last = w[w.length - 1];
    const near = bySkeleton.get(skeleton(last)) ?? [];
    let target: Group | undefined;
    if (w.length >= 2) {
      target = near.find((g) => g.given && similarWord(g.surname, last) && (similarWord(g.given, w[0]) || g.given[0] === w[0][0]) && compatible(g, span.type))
        ?? near.find((g) => !g.given && w.length === words(g.surname).length && similarPhrase(g.surname, span.text) && compatible(g, span.type));
    } else {
      const persons = near.filter((g) => g.given && similarWord(g.surname, last));
      // A surname alone joins the person only when one person of the story bears it.
      if (persons.length === 1) target = persons[0];
      // The same word tagged as two types within a story is one name the tagger hesitated over.
      else target = near.find((g) => !g.given && words(g.surname).length === 1 && similarWord(g.surname, last) && (compatible(g, span.type) || g.forms.has(span.text)));
    }
    if (!target) {
      target = { kind: new Map(), forms: new Map(), mentions: [], given: span.type === 'PER' && w.length >= 2 ? w[0] : null, surname: span.type === 'PER' && w.length >= 2 ? last : span.text };
      groups.push(target);
      index(target);
    }
    target.kind.set(span.type, (target.kind.get(span.type) ?? 0) + 1);
    target.forms.set(span.text, (target.forms.get(span.text) ?? 0) + 1);
    target.mentions.push(mention(article, written));
  }

  mergeAcronyms(groups);
  const entities = groups
    .filter((g) => g.mentions.length)
    .map((g) => {
      const kind = [...g.kind].sort((a, b) => b[1] - a[1])[0][0];
      const type: EntityType = g.given ? 'PER' : kind;
      // The canonical name: the most common full form (for a person, one with a given name).
      const forms = [...g.forms].sort((a, b) => b[1] - a[1] || b[0].length - a[0].length);
      const full = type === 'PER' ? forms.find(([f]) => words(f).length >= 2) : undefined;
      return { name: (full ?? forms[0])[0], kind: KIND[type], mentions: g.mentions.sort((a, b) => a.article.localeCompare(b.article) || (a.start ?? 0) - (b.start ?? 0)) };
    })
    .sort((a, b) => new Set(b.mentions.map((m) => m.article)).size - new Set(a.mentions.map((m) => m.article)).size || b.mentions.length - a.mentions.length);
  addRoleMentions(articles, entities);
  return entities;
}

// Roles: "the NATO chief" names Mark Rutte when the story calls him "NATO Secretary General
// Mark Rutte" and calls no one else a NATO leader. The offices are general vocabulary; the
// organisation or country that qualifies them comes from the story's own title phrases.

/** Office nouns, and the ones that mean whoever leads the organisation. */
const OFFICES = new Set(
  ('secretary general secretary-general president minister spokesman spokeswoman spokesperson chancellor chief head leader boss premier ' +
    'director chairman chairwoman ambassador envoy commander king queen pope governor mayor senator').split(' '),
);
const LEADS = new Set(['chief', 'head', 'leader', 'boss']);
const LEADER_OFFICES = new Set(['general', 'secretary-general', 'president', 'chancellor', 'premier', 'director', 'chairman', 'chairwoman', 'chief', 'head', 'leader', 'king', 'queen', 'pope']);

interface Role {
  /** Office nouns of the title phrase, lower case. */
  offices: Set<string>;
  /** The other words (who the office belongs to: "nato", "kremlin", "russian"), folded. */
  qualifiers: Set<string>;
}

/** The title phrase written just before a mention ("NATO Secretary General" before "Mark Rutte"). */
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
 * noun not followed by a name ("NATO chief", "spokesman", "US President", "NATO Secretary
 * General"; not "NATO Secretary General Mark Rutte", a mention already).
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
    for (const m of a.text.matchAll(/\b[Tt]he\s+/g)) {
      const role = roleAfter(a.text, m.index! + m[0].length);
      // "the president" alone is most often a head of state the story never titles: only a
      // qualified leader ("the NATO chief") or a lesser office ("the spokesman") is resolved.
      if (!role || (!role.qualifiers.length && LEADER_OFFICES.has(role.office))) continue;
      const who = [...roles].filter(([, rs]) => rs.some((r) => fits(r, role.office, role.qualifiers)));
      if (who.length !== 1) continue;
      const start = m.index!;
      const e = who[0][0];
      if (e.mentions.some((x) => x.article === a.id && x.start === start)) continue;
      e.mentions.push({ article: a.id, text: a.text.slice(start, role.end), start, end: role.end });
    }
  }
  for (const e of roles.keys()) e.mentions.sort((x, y) => x.article.localeCompare(y.article) || (x.start ?? 0) - (y.start ?? 0));
}

/** Initials of a name's capitalised words ("European Union" → EU; "Ministry of Foreign Affairs" → MFA). */
function initials(name: string): string {
  return words(name).filter((w) => /^\p{Lu}/u.test(w)).map((w) => w[0]).join('');
}

/**
 * An acronym joins the one longer name of the story whose initials it spells (EU and European
 * Union; U.S. and United States), unless that name is a person's. Merged groups are emptied.
 */
function mergeAcronyms(groups: Group[]): void {
  const byInitials = new Map<string, Group[]>();
  for (const g of groups) {
    if (g.given) continue;
    for (const f of g.forms.keys()) {
      if (words(f).length < 2) continue;
      const k = initials(f);
      if (k.length < 2) continue;
      const list = byInitials.get(k) ?? [];
      if (!list.includes(g)) list.push(g);
      byInitials.set(k, list);
    }
  }
  for (const g of groups) {
    if (g.given || g.forms.size === 0) continue;
    const acronym = [...g.forms.keys()].map((f) => f.replace(/\./g, '')).find((f) => /^\p{Lu}{2,6}$/u.test(f));
    if (!acronym) continue;
    const targets = (byInitials.get(acronym) ?? []).filter((h) => h !== g && h.mentions.length);
    if (targets.length !== 1) continue;
    const h = targets[0];
    for (const [k, n] of g.kind) h.kind.set(k, (h.kind.get(k) ?? 0) + n);
    for (const [f, n] of g.forms) h.forms.set(f, (h.forms.get(f) ?? 0) + n);
    h.mentions.push(...g.mentions);
    g.mentions = [];
    g.forms.clear();
  }
}

function similarPhrase(a: string, b: string): boolean {
  const wa = words(a);
  const wb = words(b);
  return wa.length === wb.length && wa.every((w, i) => similarWord(w, wb[i]));
}

/** Types that may name the same referent: a recogniser often calls a lone surname MISC. */
function compatible(g: Group, type: EntityType): boolean {
  if (g.given) return type === 'PER' || type === 'MISC';
  const main = [...g.kind].sort((a, b) => b[1] - a[1])[0]?.[0];
  return !main || main === type || type === 'MISC' || main === 'MISC';
}
