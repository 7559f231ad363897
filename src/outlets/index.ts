/**
 * Outlet profiles for a story: who published each article, the coverage spectrum and blind spots.
 *
 * @module
 */
import type { Article, StoryClaim, StoryCoverage, StoryOutletProfile } from '../types.js';
import { OutletRegistry, type Outlet } from './registry.js';
import { OutletMatcher, UNNAMED, type Attribution } from './match.js';
import { blindSpots, coverage, markClaims, storyOutlets } from './coverage.js';

export { OutletRegistry, readOutletFile, starterOutlets, type Outlet } from './registry.js';
export { OutletMatcher, UNNAMED, type Attribution } from './match.js';

/** Store state key under which the user's own outlet entries are kept. */
export const USER_OUTLETS_KEY = 'outlets:user';

const matchers = new WeakMap<Outlet[], OutletMatcher>();
let defaultMatcher: OutletMatcher | null = null;

export function matcherFor(user?: Outlet[]): OutletMatcher {
  if (!user?.length) return (defaultMatcher ??= new OutletMatcher(OutletRegistry.withUser()));
  let m = matchers.get(user);
  if (!m) matchers.set(user, (m = new OutletMatcher(OutletRegistry.withUser(user))));
  return m;
}

export interface StoryOutlets {
  outlets: StoryOutletProfile[];
  coverage: StoryCoverage;
  claims: StoryClaim[];
}

/** A, B, … Z, then AA, AB, … */
function letter(i: number): string {
  return (i >= 26 ? letter(Math.floor(i / 26) - 1) : '') + String.fromCharCode(65 + (i % 26));
}

export function profileStory(articles: Article[], claims: StoryClaim[], user?: Outlet[]): StoryOutlets {
  const matcher = matcherFor(user);
  const attributions = new Map<string, Attribution>(articles.map((a) => [a.id, matcher.attribute(a)]));
  // Two articles that nothing names are not one outlet: each gets a letter of its own, in the
  // story's order ("Unnamed outlet A", "Unnamed outlet B"), never a file name or an article id.
  const nameless = articles.filter((a) => attributions.get(a.id)!.name === UNNAMED);
  if (nameless.length > 1) nameless.forEach((a, i) => attributions.set(a.id, { ...attributions.get(a.id)!, name: `${UNNAMED} ${letter(i)}` }));
  const outlets = storyOutlets(articles, attributions);
  const c = coverage(articles, outlets);
  return { outlets, coverage: { ...c, blindSpots: blindSpots(c) }, claims: markClaims(claims, outlets) };
}
