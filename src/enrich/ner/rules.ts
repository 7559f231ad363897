/**
 * Named entities by rule (the fallback when no trained model is present): runs of capitalised words, split at titles ("Secretary General Mark
 * Brell" → Tomas Brell), typed by their shape and context — an organisation's head noun or an
 * acronym, a place after "in"/"from" or in the gazetteer of countries and capitals, a person
 * when two or three names stand together or one was seen as a person's surname.
 *
 * @module
 */
import type { EntitySpan, EntityType } from '../types.js';
import { PLACES, DEMONYMS } from './gazetteer.js';
import { titleWords } from '../../lang/titles.js';
import { wordList } from '../../lang/lists.js';

/** Words of a title phrase before a name ("Secretary General", "Russian Foreign Minister"; data/lang/en/title-words.txt). */
export const TITLES = titleWords('en');
const ORG_HEADS = /^(?:ministry|ministries|alliance|party|union|council|agency|office|department|company|inc|corp|corporation|bank|university|committee|forces|army|navy|commission|parliament|government|assembly|court|institute|foundation|association|organization|organisation|group|news|times|post|press|service|services|federation|league|club|fund|board|authority|administration|kremlin|senate|congress|house|media|tv|radio|network|airlines|airways|reuters|police|guard|staff|command|summit)$/i;
/** Words that open a sentence before a name and are no part of it (data/lang/en/sentence-openers.txt). */
const SENTENCE_OPENERS = wordList('en', 'sentence-openers');
const PLACE_PREPS = new Set(['in', 'from', 'to', 'at', 'near', 'across', 'into', 'outside', 'inside', 'towards', 'toward']);

interface Token { text: string; start: number; end: number }

function tokens(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(/[\p{L}\p{N}][\p{L}\p{N}.'’&-]*[\p{L}\p{N}]|[\p{L}\p{N}]|[^\s\p{L}\p{N}]/gu)) {
    out.push({ text: m[0], start: m.index!, end: m.index! + m[0].length });
  }
  return out;
}

const isCap = (t: string) => /^\p{Lu}/u.test(t) && /\p{L}/u.test(t);
const bare = (t: string) => t.replace(/['’]s$/, '');

export function recogniseByRules(text: string): EntitySpan[] {
  const toks = tokens(text);
  const spans: EntitySpan[] = [];
  const persons = new Set<string>();
  let i = 0;
  while (i < toks.length) {
    if (!isCap(toks[i].text)) { i++; continue; }
    let j = i;
    while (j + 1 < toks.length && (isCap(toks[j + 1].text) || (/^(?:of|de|van|von|al|bin|der|la|le|and)$/.test(toks[j + 1].text) && toks[j + 2] && isCap(toks[j + 2].text))) && text.slice(toks[j].end, toks[j + 1].start) === ' ') j++;
    // Do not end on a connector word.
    while (j > i && /^(?:of|de|van|von|al|bin|der|la|le|and)$/.test(toks[j].text)) j--;
    let run = toks.slice(i, j + 1);
    const prev = toks[i - 1]?.text ?? '.';
    const atStart = /^[.!?"“”:;•—–(]$/.test(prev) || i === 0 || text.slice(toks[i - 1].end, toks[i].start).includes('\n');
    // Split off titles before a name: "Secretary General Tomas Brell", "Harbour Board Chair".
    const parts: Token[][] = [];
    let cur: Token[] = [];
    // "Ukrainian Foreign Ministry" is one organisation's name, not a title before a name.
    const orgName = ORG_HEADS.test(bare(run[run.length - 1].text)) && run.length > 1;
    if (orgName) {
      parts.push(atStart && SENTENCE_OPENERS.has(run[0].text.toLowerCase()) ? run.slice(1) : run);
      run = [];
    }
    for (const t of run) {
      const low = bare(t.text).toLowerCase();
      if (TITLES.has(low) && !(t.text.length > 1 && t.text === t.text.toUpperCase() && t.text.length <= 5 && !TITLES.has(low))) {
        if (cur.length) parts.push(cur);
        cur = [];
        if (/^[A-Z]{2,}$/.test(t.text) || PLACES.has(t.text)) parts.push([t]);
        continue;
      }
      cur.push(t);
    }
    if (cur.length) parts.push(cur);
    for (const p of parts) {
      let part = p;
      if (atStart && part[0] === run[0] && part.length === 1 && SENTENCE_OPENERS.has(part[0].text.toLowerCase())) continue;
      if (atStart && part[0] === run[0] && SENTENCE_OPENERS.has(part[0].text.toLowerCase())) part = part.slice(1);
      if (!part.length) continue;
      const start = part[0].start;
      const endTok = part[part.length - 1];
      const surface = text.slice(start, endTok.end).replace(/['’]s$/, '');
      const sentenceStart = atStart && part[0] === run[0];
      const type = classify(part.map((t) => bare(t.text)), PLACE_PREPS.has(prev.toLowerCase()), persons, sentenceStart);
      if (!type) continue;
      if (type === 'PER') for (const t of part) persons.add(bare(t.text));
      spans.push({ start, end: start + surface.length, text: surface, type });
    }
    i = j + 1;
    run = [];
  }
  return spans;
}

function classify(words: string[], afterPlacePrep: boolean, persons: Set<string>, sentenceStart: boolean): EntityType | null {
  const joined = words.join(' ');
  const last = words[words.length - 1];
  if (words.length === 1 && /^\p{Lu}\p{Ll}{0,2}$/u.test(last) && !PLACES.has(last)) return null;
  if (PLACES.has(joined)) return 'LOC';
  if (DEMONYMS.has(joined)) return 'MISC';
  if (words.some((w) => ORG_HEADS.test(w)) || /^[A-Z]{2,6}$/.test(joined)) return 'ORG';
  const known = words.some((w) => PLACES.has(w) || DEMONYMS.has(w));
  if (!known && words.length >= 2 && words.length <= 4 && words.every((w) => /^\p{Lu}[\p{Ll}'’-]+$/u.test(w))) return 'PER';
  if (words.length === 1 && persons.has(last)) return 'PER';
  // A lone capitalised word opening a sentence is usually just the sentence's first word.
  if (words.length === 1 && sentenceStart) return null;
  if (afterPlacePrep) return 'LOC';
  return 'MISC';
}
