/**
 * Outlet profiles for a story: who published each article, the coverage spectrum and blind spots.
 *
 * @module
 */
import type { Article, StoryClaim, StoryCoverage, StoryOutletProfile } from '../types.js';
import { OutletRegistry, type Outlet } from './registry.js';
import { OutletMatcher, type Attribution } from './match.js';
import { blindSpots, coverage, markClaims, storyOutlets } from './coverage.js';

export { OutletRegistry, readOutletFile, starterOutlets, type Outlet } from './registry.js';
export { OutletMatcher, type Attribution } from './match.js';

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

export function profileStory(articles: Article[], claims: StoryClaim[], user?: Outlet[]): StoryOutlets {
  const matcher = matcherFor(user);
  const attributions = new Map<string, Attribution>(articles.map((a) => [a.id, matcher.attribute(a)]));
  const outlets = storyOutlets(articles, attributions);
  const c = coverage(articles, outlets);
  return { outlets, coverage: { ...c, blindSpots: blindSpots(c) }, claims: markClaims(claims, outlets) };
}
