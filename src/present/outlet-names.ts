/**
 * One name per outlet in everything that shows a story (the terminal, the web page, the reports):
 * the name the analysis gave it (`outlets[].outlet`: the registry's name, else the article's own
 * source, else its web address's domain, else "Unnamed outlet"), so that no screen shows one
 * outlet under two names, or as a file name.
 *
 * @module
 */
import type { Story } from '../types.js';

/** "Unnamed outlet": kept in step with the outlets module, which names such outlets. */
const UNNAMED = 'Unnamed outlet';

/** Whether a name is one given to an outlet that nothing names ("Unnamed outlet", "Unnamed outlet B"). */
export const isUnnamed = (name: string): boolean => name === UNNAMED || /^Unnamed outlet [A-Z]+$/.test(name);

function hostOf(url: string | null): string | null {
  if (!url) return null;
  try {
    return new URL(url).hostname.toLowerCase().replace(/^www\./, '') || null;
  } catch {
    return null;
  }
}

/**
 * The outlet of each article of the story, by article id. An analysis stored before outlets were
 * profiled has no `outlets`: its articles are named the same way here.
 */
export function outletNames(s: Pick<Story, 'articles' | 'outlets'>): (articleId: string) => string {
  const names = new Map<string, string>();
  for (const o of s.outlets ?? []) names.set(o.article, o.outlet);
  const nameless = s.articles.filter((a) => !names.has(a.id) && !a.source?.trim() && !hostOf(a.url));
  let i = 0;
  for (const a of s.articles) {
    if (names.has(a.id)) continue;
    const own = a.source?.trim() || hostOf(a.url);
    names.set(a.id, own ?? (nameless.length > 1 ? `${UNNAMED} ${String.fromCharCode(65 + (i++ % 26))}` : UNNAMED));
  }
  return (id) => names.get(id) ?? UNNAMED;
}

/**
 * The outlet an exclusives entry stands for: the analysis groups exclusive claims by each article's
 * source field, or by its article id when it has none; either is turned into the outlet's name.
 */
export function exclusiveOutlet(s: Pick<Story, 'articles' | 'outlets'>, key: string, outletOf = outletNames(s)): string {
  const byId = s.articles.find((a) => a.id === key);
  if (byId) return outletOf(byId.id);
  const bySource = s.articles.find((a) => a.source === key);
  return bySource ? outletOf(bySource.id) : key;
}

/**
 * A wording concept's label with any outlet in it by its name: the analysis labels an outlet's own
 * words "wording only X uses", X being the article's source field or, without one, its id.
 */
export function conceptLabel(s: Pick<Story, 'articles' | 'outlets'>, concept: string, outletOf = outletNames(s)): string {
  const m = /^wording only (.+) uses$/.exec(concept);
  return m ? `wording only ${exclusiveOutlet(s, m[1], outletOf)} uses` : concept;
}
