/**
 * The coverage spectrum of a story: which countries, languages, kinds of ownership and user
 * labels cover it, and whether it is a blind spot — covered (almost) only by one group.
 *
 * @module
 */
import type { Article, StoryClaim, StoryOutletProfile } from '../types.js';
import type { Attribution } from './match.js';

export type StoryOutlet = StoryOutletProfile;

export interface Coverage {
  /** Dimension → value → number of outlets (each outlet counted once per story). */
  countries: Record<string, number>;
  languages: Record<string, number>;
  ownership: Record<string, number>;
  labels: Record<string, Record<string, number>>;
  outlets: number;
}

export interface BlindSpot {
  dimension: string;
  value: string;
  share: number;
  outlets: number;
}

/** Share of a story's outlets above which one group "owns" it. */
export const BLINDSPOT_SHARE = 0.8;
/** Fewer outlets than this say nothing about blind spots. */
export const BLINDSPOT_MIN_OUTLETS = 3;

export function storyOutlets(articles: Article[], attributions: Map<string, Attribution>): StoryOutlet[] {
  return articles.map((a) => {
    const at = attributions.get(a.id)!;
    const p = at.profile;
    return {
      article: a.id, outlet: at.name, country: p?.country ?? null, ownership: p?.ownership ?? null, owner: p?.owner ?? null,
      source: p?.source ?? null, agencies: at.agencies.map((g) => g.name), labels: p?.labels ?? {}, profiled: !!p,
    };
  });
}

export function coverage(articles: Article[], outlets: StoryOutlet[]): Coverage {
  const lang = new Map(articles.map((a) => [a.id, a.language ?? 'unknown']));
  const seen = new Set<string>();
  const c: Coverage = { countries: {}, languages: {}, ownership: {}, labels: {}, outlets: 0 };
  const inc = (m: Record<string, number>, k: string) => (m[k] = (m[k] ?? 0) + 1);
  for (const o of outlets) {
    if (seen.has(o.outlet)) continue;
    seen.add(o.outlet);
    c.outlets++;
    inc(c.countries, o.country ?? 'unprofiled');
    inc(c.ownership, o.ownership ?? 'unprofiled');
    inc(c.languages, lang.get(o.article) ?? 'unknown');
    for (const [k, v] of Object.entries(o.labels)) inc((c.labels[k] ??= {}), v);
  }
  return c;
}

/** Dimensions in which one group holds most of the story's outlets. */
export function blindSpots(c: Coverage): BlindSpot[] {
  if (c.outlets < BLINDSPOT_MIN_OUTLETS) return [];
  const out: BlindSpot[] = [];
  const dims: [string, Record<string, number>][] = [['country', c.countries], ['ownership', c.ownership], ...Object.entries(c.labels).map(([k, v]) => [`label:${k}`, v] as [string, Record<string, number>])];
  for (const [dimension, counts] of dims) {
    for (const [value, n] of Object.entries(counts)) {
      if (value === 'unprofiled' || value === 'unknown') continue;
      const share = n / c.outlets;
      if (share >= BLINDSPOT_SHARE) out.push({ dimension, value, share, outlets: c.outlets });
    }
  }
  return out;
}

/**
 * Marks claims carried only by state-affiliated outlets, or only by one country's outlets, when
 * the story has outlets of other kinds too (otherwise the mark says nothing).
 */
export function markClaims(claims: StoryClaim[], outlets: StoryOutlet[]): (StoryClaim & { only?: { ownership?: string; country?: string } })[] {
  const byArticle = new Map(outlets.map((o) => [o.article, o]));
  const kinds = new Set(outlets.map((o) => o.ownership).filter(Boolean));
  const countries = new Set(outlets.map((o) => o.country).filter(Boolean));
  return claims.map((cl) => {
    const os = cl.articles.map((id) => byArticle.get(id)).filter((o): o is StoryOutlet => !!o);
    if (!os.length || os.some((o) => !o.profiled)) return cl;
    const only: { ownership?: string; country?: string } = {};
    if (kinds.size > 1 && os.every((o) => o.ownership === 'state')) only.ownership = 'state';
    if (countries.size > 1 && new Set(os.map((o) => o.country)).size === 1) only.country = os[0].country!;
    return Object.keys(only).length ? { ...cl, only } : cl;
  });
}
