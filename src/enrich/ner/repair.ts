/**
 * Repairs of the tagger's spans where a greedy left-to-right decoder characteristically errs on
 * the names of news text. Each repair follows the tagger's own evidence — it joins, extends or
 * trims spans the tagger found — save two forms that are names by their shape alone (the last
 * item below):
 *
 * - a title before a person ("Representative Anna Berg" → Anna Berg) and a connector word after
 *   any name ("Daily Courier and" → Daily Courier) are cut off; so is a title at the end of an
 *   organisation's span before a name ("ACME Acting" in "ACME Acting Director Jo Bell");
 * - a person's name with particles ("Ilse", "der Brinken" in "Ilse von der Brinken") and with a
 *   generational suffix ("Tom Hale Jr.") is one name;
 * - an organisation named by a head noun and its complement ("Centers for Soil Health and
 *   Mapping", "Bureau of Salt, Sugar and Spice", "Institute for the Study of Tides"), which the
 *   tagger cuts at the lower-case words, is one name;
 * - two names side by side with only a space between ("Fox" "News", "Ayn" "Rand") are one name:
 *   the tagger started a new name where there was none;
 * - an acronym in brackets after a name ("(JBT)") and a capitalised web address used as a name
 *   ("FactCheck.org") are organisations' names, tagged or not.
 *
 * @module
 */
import type { EntitySpan, EntityType } from '../types.js';
import { wordList } from '../../lang/lists.js';
import { nameParticles, personTitles } from '../../lang/titles.js';

/** Lower-case words inside a person's name ("von der Leyen", "bin Salman", "da Silva"). */
const PARTICLES = nameParticles('en');
const PARTICLE = `(?:${[...PARTICLES].join('|')})`;

/**
 * Titles, offices and honorifics written before a name; lower case, without a final dot. They
 * are not part of the name (CoNLL-2003 leaves them outside, as the analysis does).
 */
export const PERSON_TITLES = personTitles('en');

/** Connector words that cannot end a name ("Daily Courier and"). */
const TRAILING = /(?:\s+(?:and|or|of|for|the|to|on|in|at|&))+$/u;

/** Head nouns of organisations' names: "Centers", "Bureau", "Institute" (compared in lower case). */
const ORG_HEADS = new Set(
  ('academy administration agency alliance assembly association authority bank board bureau center centers centre centres chamber ' +
    'coalition college command commission committee company conference corporation council court department directorate federation ' +
    'forum foundation front fund group guard hospital institute institution league library ministry movement museum office ' +
    'organisation organization party school secretariat service services society tribunal trust union university laboratory ' +
    'news inc corp ltd llc plc').split(' '),
);

/** Capitalised words that never continue an organisation's name (days, months). */
const NOT_IN_NAME: ReadonlySet<string> = new Set([...wordList('en', 'days'), ...wordList('en', 'months')]);

const CAP_WORD = /^\p{Lu}[\p{L}\p{M}’'.-]*$/u;
const isParticle = (w: string) => PARTICLES.has(w);
const PARTICLES_BEFORE = new RegExp(`(?<![\\p{L}\\p{N}])(?:${PARTICLE} )+$`, 'u');

const make = (text: string, start: number, end: number, type: EntityType): EntitySpan => ({ start, end, type, text: text.slice(start, end) });

/**
 * The spans repaired. `caseRatio` tells how often unlabelled text capitalises a word (fifths,
 * -1 unknown): a sentence's first word that is mostly written in lower case is no part of a name.
 */
export function repairSpans(text: string, spans: EntitySpan[], caseRatio: (word: string) => number = () => -1): EntitySpan[] {
  let out = spans.map((s) => trim(text, s)).filter((s): s is EntitySpan => s !== null);
  out = joinParticles(text, out);
  out = addSuffixes(text, out);
  out = joinOrganisations(text, out);
  out = joinAdjacent(text, out, caseRatio);
  out = addDefinedAcronyms(text, out);
  return addWebNames(text, out);
}

const FIRST = /^(\S+)\s+/u;
const LAST = /\s+(\S+)$/u;
const allCaps = (w: string) => !/\p{Ll}/u.test(w);
const isTitle = (w: string) => PERSON_TITLES.has(w.toLowerCase().replace(/\.$/, ''));

/** Cuts titles before a person, connectors after any name, a title after an organisation. */
function trim(text: string, s: EntitySpan): EntitySpan | null {
  let { start, end } = s;
  const tail = TRAILING.exec(text.slice(start, end));
  if (tail) end -= tail[0].length;
  if (s.type === 'PER') {
    // "Representative Anna Berg" → "Anna Berg"; a title alone stays (it may be a surname: King).
    for (let m = FIRST.exec(text.slice(start, end)); m && isTitle(m[1]); m = FIRST.exec(text.slice(start, end))) start += m[0].length;
  } else if (/^\s+\p{Lu}/u.test(text.slice(end, end + 3))) {
    // "ACME Acting" before "Director Jo Bell": the title belongs to the person that follows.
    for (let m = LAST.exec(text.slice(start, end)); m && isTitle(m[1]); m = LAST.exec(text.slice(start, end))) end -= m[0].length;
  }
  if (end <= start) return null;
  return start === s.start && end === s.end ? s : make(text, start, end, s.type);
}

/**
 * "Ilse" + "von der" + "Brinken": a person's name and the capitalised word after the particles
 * between them are one person; particles just before a person's surname belong to it
 * ("von der Brinken" said).
 */
function joinParticles(text: string, spans: EntitySpan[]): EntitySpan[] {
  const out: EntitySpan[] = [];
  for (const s of spans) {
    let cur = s;
    if (cur.type === 'PER') {
      const before = PARTICLES_BEFORE.exec(text.slice(Math.max(out[out.length - 1]?.end ?? 0, cur.start - 30), cur.start));
      if (before) cur = make(text, cur.start - before[0].length, cur.end, 'PER');
    }
    const prev = out[out.length - 1];
    if (prev && prev.type === 'PER' && (cur.type === 'PER' || !cur.text.includes(' ')) && /^ (?:\S+ )*$/u.test(text.slice(prev.end, cur.start))) {
      const gap = text.slice(prev.end, cur.start).trim();
      const lastWords = prev.text.split(' ');
      const firstWords = cur.text.split(' ');
      const particles = gap ? gap.split(' ') : [];
      const joined = particles.length > 0 || isParticle(lastWords[lastWords.length - 1]) || isParticle(firstWords[0]);
      if (joined && particles.every(isParticle) && CAP_WORD.test(lastWords[0]) && firstWords.some((w) => CAP_WORD.test(w))) {
        out[out.length - 1] = make(text, prev.start, cur.end, 'PER');
        continue;
      }
    }
    out.push(cur);
  }
  return out;
}

/** "Tom Hale Jr.", "Tom Hale, Jr.", "Tom Hale III": the suffix is part of the name. */
function addSuffixes(text: string, spans: EntitySpan[]): EntitySpan[] {
  return spans.map((s) => {
    if (s.type !== 'PER') return s;
    const m = /^,? (?:Jr\.?|Sr\.?|II|III|IV)(?![\p{L}\p{N}])/u.exec(text.slice(s.end, s.end + 6));
    return m ? make(text, s.start, s.end + m[0].length, 'PER') : s;
  });
}

/** The words of a text with their offsets; a full stop after a word (not an initial's) is a word of its own. */
function wordsIn(text: string, from: number, to: number): { w: string; start: number; end: number }[] {
  const out: { w: string; start: number; end: number }[] = [];
  for (const m of text.slice(from, to).matchAll(/[\p{L}\p{N}][\p{L}\p{M}\p{N}’'.&-]*|[^\s\p{L}\p{N}]/gu)) {
    const start = from + m.index!;
    const stop = m[0].length > 1 && m[0].endsWith('.') && !/^(?:\p{L}\.)+$/u.test(m[0]);
    const w = stop ? m[0].slice(0, -1) : m[0];
    out.push({ w, start, end: start + w.length });
    if (stop) out.push({ w: '.', start: start + w.length, end: start + w.length + 1 });
  }
  return out;
}

/**
 * "Centers for Soil Health and Mapping": a capitalised head noun of organisations, then one or
 * more complements ("for Soil Health", "of the Study", "on Taxation", "to Stop Noise"), the last
 * of which may be a list ("of Salt, Sugar and Spice"). Taken as one organisation when the tagger
 * saw an organisation somewhere in it and no person, and no word after "and" or a comma starts
 * a name of its own.
 */
function joinOrganisations(text: string, spans: EntitySpan[]): EntitySpan[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  const within = (pos: number) => sorted.find((s) => s.start <= pos && pos < s.end);
  const startsAt = (pos: number) => sorted.some((s) => s.start === pos);
  const phrases: { start: number; end: number }[] = [];
  for (const m of text.matchAll(/\p{Lu}\p{Ll}+(?= (?:of|for|on|to) )/gu)) {
    if (!ORG_HEADS.has(m[0].toLowerCase())) continue;
    const head = within(m.index!);
    if (head && head.type === 'PER') continue;
    const lineEnd = text.indexOf('\n', m.index!);
    const ws = wordsIn(text, m.index!, Math.min(lineEnd < 0 ? text.length : lineEnd, m.index! + 200));
    let i = 1;
    let end = ws[0].end;
    // Complements: connector, optional "the", capitalised words.
    const capital = (k: number) => k < ws.length && CAP_WORD.test(ws[k].w) && !NOT_IN_NAME.has(ws[k].w.toLowerCase()) && !PERSON_TITLES.has(ws[k].w.toLowerCase().replace(/\.$/, '')) && within(ws[k].start)?.type !== 'PER';
    const run = (k: number) => { let j = k; while (capital(j)) j++; return j; };
    for (;;) {
      if (!/^(?:of|for|on|to)$/.test(ws[i]?.w ?? '')) break;
      let k = i + 1;
      if (ws[k]?.w === 'the') k++;
      const j = run(k);
      if (j === k) break;
      end = ws[j - 1].end;
      i = j;
      // A list closing the complement: ", Sugar and Spice", "and Mapping".
      let l = i;
      const items: number[] = [];
      while (ws[l]?.w === ',' && capital(l + 1)) { items.push(l + 1); l = run(l + 1); }
      if (ws[l]?.w === ',') l++;
      if (ws[l]?.w === 'and' && capital(l + 1)) {
        items.push(l + 1);
        const last = run(l + 1);
        // Each item must continue the name: inside a span begun before it, or in none.
        if (items.every((k2) => !startsAt(ws[k2].start))) { end = ws[last - 1].end; i = last; }
        break;
      }
    }
    if (end === ws[0].end) continue;
    const start = head ? head.start : m.index!;
    const inside = sorted.filter((s) => s.start < end && s.end > start);
    if (!inside.some((s) => s.type === 'ORG') || inside.some((s) => s.type === 'PER' || s.start < start || s.end > end)) continue;
    phrases.push({ start, end });
  }
  if (!phrases.length) return spans;
  const out = sorted.filter((s) => !phrases.some((p) => s.start >= p.start && s.end <= p.end));
  for (const p of phrases) if (!out.some((s) => s.start < p.end && s.end > p.start)) out.push(make(text, p.start, p.end, 'ORG'));
  return out.sort((a, b) => a.start - b.start);
}

/**
 * Two names with a single space between them ("Fox" "News"): the decoder began a second name
 * where the first went on.
 */
function joinAdjacent(text: string, spans: EntitySpan[], caseRatio: (word: string) => number): EntitySpan[] {
  const out: EntitySpan[] = [];
  for (const s of spans) {
    const prev = out[out.length - 1];
    const type = prev && prev.end + 1 === s.start && text[prev.end] === ' ' ? joinedType(text, prev, s, caseRatio) : null;
    if (type) out[out.length - 1] = make(text, prev.start, s.end, type);
    else out.push(s);
  }
  return out;
}

/** The type of two adjacent names read as one, or null when they are two. */
function joinedType(text: string, a: EntitySpan, b: EntitySpan, caseRatio: (word: string) => number): EntityType | null {
  if (!/^\p{Lu}/u.test(b.text) || !/\p{L}$/u.test(a.text) || allCaps(a.text) !== allCaps(b.text) || isTitle(a.text)) return null;
  const single = (x: EntitySpan) => !x.text.includes(' ');
  if (!single(a) && !single(b)) return null;
  // A common word capitalised at the start of a sentence ("Despite" "Norland").
  const usuallyLower = (x: EntitySpan) => { const r = caseRatio(x.text); return r >= 0 && r <= 1; };
  if (single(a) && usuallyLower(a) && /(?:^|[.!?:"“”]\s*|\n\s*)$/u.test(text.slice(Math.max(0, a.start - 3), a.start))) return null;
  // The last word names the kind: "Harbor" "News", "Milton" "Academy" are organisations.
  if (ORG_HEADS.has(b.text.split(' ').pop()!.toLowerCase())) return 'ORG';
  // A body's members as a group ("Senate" "Liberals") are a body of their own; a nationality or
  // party word before or after another name ("Danish" "Anna Berg", "Ohio" "Liberal") is not.
  if (a.type === 'ORG' && b.type === 'MISC' && single(a) && single(b) && /\p{Ll}s$/u.test(b.text)) return 'ORG';
  if (a.type === 'MISC' || b.type === 'MISC') return null;
  if (a.type === 'PER' && b.type === 'PER') return 'PER';
  if (a.type === 'PER' || b.type === 'PER') {
    // A person's name takes in one more word usually written with a capital (a given name:
    // "Ayn" "Rand"), not a common word ("Fill" "Kerry") nor a longer name ("Clinton" "White House").
    const other = a.type === 'PER' ? b : a;
    const r = caseRatio(other.text);
    return single(other) && (r < 0 || r >= 3) ? 'PER' : null;
  }
  // Otherwise the second part, the head of the compound, names the kind ("Third" "Way").
  return b.type;
}

/** "Long Form (LF)": an acronym in brackets just after a name. */
export const DEFINED_ACRONYM = /^ ?\((\p{Lu}[\p{Lu}&]{1,7})\)/u;

/**
 * An acronym in brackets just after a name ("Joint Board of Tides (JBT)") is a name of the same
 * kind, which the tagger, seeing a lone word in brackets, often leaves out.
 */
function addDefinedAcronyms(text: string, spans: EntitySpan[]): EntitySpan[] {
  const added: EntitySpan[] = [];
  for (const s of spans) {
    if (s.type === 'PER') continue;
    const m = DEFINED_ACRONYM.exec(text.slice(s.end, s.end + 12));
    if (!m) continue;
    const start = s.end + m[0].indexOf(m[1]);
    if (!spans.some((x) => x.start === start)) added.push(make(text, start, start + m[1].length, s.type));
  }
  return added.length ? [...spans, ...added].sort((a, b) => a.start - b.start) : spans;
}

/** A capitalised web address used as a name ("FactCheck.org", "Politico.com"). */
const WEB_NAME = /(?<![\p{L}\p{N}.@/-])\p{Lu}[\p{L}\p{N}-]*\.(?:com|org|net|gov|edu|info|io)(?![\p{L}\p{N}]|\/|\.\p{L})/gu;

/**
 * A capitalised web address in running text names the outlet or company behind it: an
 * organisation, whatever type (or none) the tagger gave the unfamiliar token.
 */
function addWebNames(text: string, spans: EntitySpan[]): EntitySpan[] {
  let out = spans;
  for (const m of text.matchAll(WEB_NAME)) {
    const start = m.index!;
    const end = start + m[0].length;
    const hit = out.find((s) => s.start < end && s.end > start);
    if (hit && (hit.start !== start || hit.end !== end)) continue;
    out = [...out.filter((s) => s !== hit), make(text, start, end, 'ORG')].sort((a, b) => a.start - b.start);
  }
  return out;
}
