/**
 * Bylines as scraped pages leave them: "By Jane Roe" on one line, a bare "By" or "Authors" line
 * with the names on the next, or the names alone between the headline and the date line
 * ("Jane Roe" / "Tue, March 4, 2025 at 9:10 AM UTC"). A bare name line is read as a byline only
 * there: anywhere else — even right under the headline — a few capitalised words are as likely
 * a menu entry, a subtitle or the name of the person the story is about.
 *
 * @module
 */
import type { Line } from './lines.js';

/** How many header lines above the body may hold the names when the headline is not known. */
const NEAR_BODY = 15;
/** Lines that announce the author on the next line. Multilingual, generic. */
const AUTHOR_LABEL = /^(?:by|written by|author|authors|autor|autores|autoren|auteur|auteurs|von|par|por|di|door|av|text)\s*:?$/i;
/** Joins between names: "Jane Roe and John Doe", "Jane ROE with John DOE". */
const JOINER = /^(?:and|with|&|und|et|y|e|mit|avec|con|,)$/i;
/** Lower-case parts of names: "Ursula von der Leyen", "Luiz Inácio da Silva". */
const PARTICLE = /^(?:von|van|der|den|de|del|della|di|da|dos|das|du|la|le|bin|ibn|al|el|ter|zu)$/;
/** Words that look like names in menus and labels but never are: the genre's own vocabulary. */
const NOT_NAME = /^(?:news|home|latest|video|videos|live|world|politics|business|sports?|opinion|menu|search|more|account|local|top|weather|health|culture|science|tech|travel|style|life|photos?|editor|staff|team|contact|about|us|the|our|section|category|tags?|share|follow|sign|log|subscribe|newsletter|podcasts?|reporter|correspondent|intern)$/i;
/** "… in Lisbon AFP": the place and agency after the names on a wire byline. */
const PLACE_AGENCY = /\s+in\s+\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’-]*)?(?:\s+\p{Lu}{2,6})?$|\s+\p{Lu}{2,6}$/u;

/**
 * The names of a line made only of people's names, without the trailing place and agency
 * ("Jane ROE with John DOE in Lisbon AFP" → "Jane ROE with John DOE"), or null.
 */
export function namesOnly(text: string): string | null {
  // "Jane Roe | Reporter", "Jane Roe — Staff": a short role after a bar or dash is not part of the names.
  const t = text.replace(/\s+[|·•–—]\s+\S+(?:\s+\S+){0,2}$/, '').replace(/\s*[|·•,–—-]\s*$/, '').trim();
  const stripped = t.replace(PLACE_AGENCY, '');
  return (stripped !== t ? names(stripped) : null) ?? names(t);
}

function names(t: string): string | null {
  const tokens = t.replace(/,/g, ' , ').split(/\s+/).filter(Boolean);
  if (tokens.length < 2 || tokens.length > 12) return null;
  let inName = 0;
  const nameLengths: number[] = [];
  for (const tok of tokens) {
    if (JOINER.test(tok)) {
      if (!inName) return null;
      nameLengths.push(inName);
      inName = 0;
    } else if (PARTICLE.test(tok) && inName) {
      continue;
    } else if (/^\p{Lu}[\p{L}'’.-]*$/u.test(tok) && !NOT_NAME.test(tok)) {
      inName++;
    } else return null;
  }
  if (!inName) return null;
  nameLengths.push(inName);
  // Every name has a given name and a surname, and none is a sentence's worth of capitals.
  return nameLengths.every((n) => n >= 2 && n <= 4) ? t : null;
}

export function isAuthorLabel(text: string): boolean {
  return AUTHOR_LABEL.test(text.trim());
}

/** "By Jane Roe | Staff" → "Jane Roe". */
export function cleanByline(text: string): string {
  return text.replace(/^(?:by|von|par|por|di|door|av)\s+/i, '').replace(/\s*[|–—]\s*.*$/, '').trim();
}

/**
 * The byline among a page's header lines: the names after an author label, or a names-only line
 * between the headline and the date line. `title` is the headline's index, or -1.
 */
export function bylineInHeader(header: Line[], title: number): { index: number; byline: string } | null {
  for (let i = 0; i + 1 < header.length; i++) {
    if (!isAuthorLabel(header[i].text)) continue;
    const names = namesOnly(header[i + 1].text);
    if (names) return { index: i + 1, byline: names };
  }
  // The names stand right above the date line ("Jane Roe" / "Tue, March 4 …"), or above a
  // one-word label and the date ("Jane Roe" / "Updated" / "Tue, March 4 …"), below the headline.
  const beforeDate = (i: number) => header[i + 1]?.kind === 'date' || header[i + 1]?.kind === 'timestamp'
    || (header[i + 1]?.words === 1 && header[i + 2]?.kind === 'date');
  // Without a known headline, only the lines just above the body: a page's upper reaches hold
  // photo and graphics credits beside dates too.
  const from = title >= 0 ? title : Math.max(-1, header.length - 1 - NEAR_BODY);
  for (let i = header.length - 1; i > from; i--) {
    if (header[i].kind !== 'short' || !beforeDate(i)) continue;
    const names = namesOnly(header[i].text);
    if (names) return { index: i, byline: names };
  }
  return null;
}
