/**
 * Names in Chinese text, by the dictionary: a run of Han characters is cut into CC-CEDICT words
 * (longest match, see lang/cedict.ts), and a word whose pinyin the dictionary capitalises is a
 * proper noun. Its English gloss tells its kind: a country or region by its English name (CLDR),
 * a body by the words bodies are named with, a person by a given name and a surname, else a
 * place (a one-word name: 莫斯科 Moscow, 基辅 Kiev). A name the dictionary lacks is not found:
 * no guesses from characters.
 *
 * @module
 */
import type { EntitySpan, EntityType } from '../types.js';
import { cedict, segment } from '../../lang/cedict.js';
import { calendarWords } from '../../lang/calendar.js';
import { countryForm, countryOfPhrase, countryOfWord } from '../../lang/countries.js';

const HAN_RUN = /\p{Script=Han}+/gu;
/** Words that name a body in English glosses. */
const BODY = /\b(?:Union|Nations|Organi[sz]ation|Party|Ministry|Council|Bank|University|Company|Corporation|Agency|Committee|Army|Court|Parliament|Congress|Assembly|Alliance|Association|Institute|Fund|Group|Treaty|Forces|Office|Department|Commission|Federation|League|Front|Movement|NATO|UN|EU)\b/;

/** Is a gloss the English name of a country or region (CLDR, see lang/countries.ts)? */
function namesCountry(gloss: string): boolean {
  const words = gloss.toLowerCase().split(/\s+/);
  return (words.length === 1 ? countryOfWord(countryForm(words[0]), false) : countryOfPhrase(words, false)) !== null;
}

/** Is a gloss an English weekday or month name (the dictionary capitalises them, but they name no one: 周二 Tuesday)? */
function isCalendarWord(gloss: string): boolean {
  const en = calendarWords('en');
  const first = gloss.split(/[\s,]/)[0].toLowerCase();
  return !!en && (en.weekdays.some((f) => f.includes(first)) || en.months.some((f) => f.includes(first)));
}

/** The kind of name an English gloss names. */
export function kindOfGloss(gloss: string): EntityType {
  if (BODY.test(gloss)) return 'ORG';
  if (namesCountry(gloss)) return 'LOC';
  const words = gloss.split(/\s+/);
  if (words.length >= 2 && words.length <= 3 && words.every((w) => /^\p{Lu}[\p{Ll}'’-]+$/u.test(w))) return 'PER';
  return 'LOC';
}

/** The English gloss of a Chinese name, or null (no dictionary, or not a name in it). */
export function glossOfName(word: string): string | null {
  const g = cedict()?.get(word);
  return g && g.name ? g.text : null;
}

/** Named entities of a Chinese text, by the dictionary (see the module comment). */
export function recogniseChinese(text: string): EntitySpan[] {
  const words = cedict();
  if (!words) return [];
  const out: EntitySpan[] = [];
  for (const m of text.matchAll(HAN_RUN)) {
    let at = m.index!;
    const run = m[0];
    let from = 0;
    for (const { word, gloss } of segment(run, words)) {
      const i = run.indexOf(word, from);
      if (i < 0) continue;
      from = i + word.length;
      if (!gloss.name || isCalendarWord(gloss.text)) continue;
      out.push({ start: at + i, end: at + i + word.length, text: word, type: kindOfGloss(gloss.text) });
    }
    at += run.length;
  }
  return out;
}
