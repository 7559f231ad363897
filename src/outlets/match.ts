/**
 * Which outlet published an article, and which agencies it reprints: by the page's domain, by the
 * outlet's name in the metadata, and by agency credits in the dateline or text ("/TASS/",
 * "(Reuters)", "AP —"). An outlet that is not in the registry is kept by its name, as unprofiled.
 *
 * @module
 */
import type { Article } from '../types.js';
import { OutletRegistry, normName, type Outlet } from './registry.js';

export interface Attribution {
  /** The outlet's display name: the registry's when profiled, else the article's own. */
  name: string;
  profile: Outlet | null;
  /** How it was matched: `domain`, `name`, `agency-credit`, or `unprofiled`. */
  by: 'domain' | 'name' | 'agency-credit' | 'unprofiled';
  /** Agencies whose copy the article carries. */
  agencies: { name: string; profile: Outlet | null }[];
}

/** The name of an outlet that nothing names: no registry entry, no source field, no web address, no credit. */
export const UNNAMED = 'Unnamed outlet';

/** Agency credits: `/TASS/`, `(Reuters)`, `(AP)`, and a leading `AP —` or trailing `— Reuters`. */
const CREDIT = [/\/\s*([\p{Lu}][\p{L}-]{1,20})\s*\//gu, /\((\p{Lu}[\p{L}&. -]{1,25})\)/gu, /^(\p{Lu}{2,8})\s+[—–-]\s/gmu];

function acronym(name: string): string {
  return name.split(/[\s-]+/).filter((w) => /^\p{Lu}/u.test(w)).map((w) => w[0]).join('');
}

export class OutletMatcher {
  private acronyms = new Map<string, Outlet | null>();

  constructor(private registry: OutletRegistry) {
    for (const o of registry.all()) {
      const a = acronym(o.name);
      // An acronym that two outlets share identifies neither.
      if (a.length >= 2 && a !== o.name) this.acronyms.set(a, this.acronyms.has(a) ? null : o);
    }
  }

  private lookup(name: string): Outlet | null {
    return this.registry.byOutletName(name) ?? (/^\p{Lu}{2,6}$/u.test(name) ? this.acronyms.get(name) ?? null : null) ?? this.registry.byHost(name);
  }

  /** Agencies credited in the dateline or the opening and closing lines of the text. */
  credits(a: Article): { name: string; profile: Outlet | null }[] {
    const where = [a.dateline ?? '', a.text.slice(0, 300), a.text.slice(-200)].join('\n');
    const out = new Map<string, { name: string; profile: Outlet | null }>();
    for (const re of CREDIT) {
      for (const m of where.matchAll(re)) {
        const profile = this.lookup(m[1].trim());
        // A credit counts only when it names a known outlet: "(VIDEO)" and "(R)" are not agencies.
        if (profile) out.set(profile.name, { name: profile.name, profile });
      }
    }
    return [...out.values()];
  }

  attribute(a: Article): Attribution {
    const agencies = this.credits(a);
    let host: string | null = null;
    try {
      host = a.url ? new URL(a.url).hostname : null;
    } catch {
      host = null;
    }
    const byDomain = host ? this.registry.byHost(host) : null;
    if (byDomain) return { name: byDomain.name, profile: byDomain, by: 'domain', agencies: agencies.filter((g) => g.name !== byDomain.name) };
    const byName = a.source ? this.lookup(a.source) : null;
    if (byName) return { name: byName.name, profile: byName, by: 'name', agencies: agencies.filter((g) => g.name !== byName.name) };
    if (a.source) return { name: a.source, profile: null, by: 'unprofiled', agencies };
    if (agencies.length) return { name: agencies[0].name, profile: agencies[0].profile, by: 'agency-credit', agencies: agencies.slice(1) };
    // Named by its web address when it has one; with nothing to name it by, it is an unnamed outlet
    // (a story with several tells them apart: see `profileStory`).
    return { name: host ? host.toLowerCase().replace(/^www\./, '') : UNNAMED, profile: null, by: 'unprofiled', agencies };
  }
}

export { normName };
