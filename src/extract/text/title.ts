/**
 * Headlines as pages title themselves: "Headline | Section | Site", "Headline - Site". The tail
 * goes when it names the site (its outlet name or domain), is a domain, or is a short label after
 * a pipe, which headlines themselves do not use; a dash tail stays otherwise, since "— Name" is how
 * a headline credits whom it quotes.
 *
 * @module
 */

export interface Site {
  source?: string | null;
  url?: string | null;
}

const SEPARATOR = /\s+(\||-|–|—|\/|::|·)\s+/g;
/** A pipe tail of at most this many words is a section or site label. */
const LABEL_WORDS = 4;

const squash = (s: string) => s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

function siteNames(site: Site): string[] {
  const names: string[] = [];
  if (site.source) {
    names.push(squash(site.source));
    // "Outlet (via Host)", "Outlet (NV)": the name before the brackets alone too.
    const head = site.source.replace(/\s*\(.*$/, '');
    if (head) names.push(squash(head));
  }
  if (site.url) {
    try {
      const host = new URL(site.url).hostname.replace(/^(?:www|amp|m|english|en)\./, '');
      names.push(squash(host), squash(host.replace(/\.[a-z.]+$/, '')));
    } catch {
      /* not a URL */
    }
  }
  return names.filter((n) => n.length >= 2);
}

function namesSite(tail: string, names: string[]): boolean {
  const t = squash(tail);
  if (!t) return false;
  if (/^[\p{L}\d-]+(?:\.[\p{L}\d-]+)*\.[a-z]{2,}$/iu.test(tail.trim())) return true;
  return names.some((n) => n === t || (t.length >= 3 && n.includes(t)) || (n.length >= 3 && t.includes(n)));
}

/** The headline without its site and section suffixes. */
export function stripSiteSuffix(title: string, site: Site = {}): string {
  return suffixStripper(site)(title);
}

/** `stripSiteSuffix` for one site, to apply to many lines: the site's names are worked out once. */
export function suffixStripper(site: Site): (title: string) => string {
  const names = siteNames(site);
  return (title) => {
    let t = title.trim();
    for (;;) {
      const last = [...t.matchAll(SEPARATOR)].at(-1);
      if (!last || last.index === undefined) return t;
      const head = t.slice(0, last.index).trim();
      const tail = t.slice(last.index + last[0].length).trim();
      if (head.split(/\s+/).length < 3) return t;
      const label = last[1] === '|' && tail.split(/\s+/).length <= LABEL_WORDS;
      if (!label && !namesSite(tail, names)) return t;
      t = head;
    }
  };
}
