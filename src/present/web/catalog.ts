/**
 * What the front page, the outlet pages and the list endpoints need about the whole store, kept
 * in memory: the ranked story list (one GROUP BY over every article, too slow to run per request
 * on a big store) and, built lazily, each story's outlets and languages and each outlet's
 * article count. Both are dropped when the article count changes, when an article is ingested
 * through this server, or after `maxAgeMs` (another process may regroup the store without adding
 * articles).
 *
 * @module
 */
import type { Store, StoredStory } from '../../store/types.js';

/** Per story, who covers it in which language; per outlet, how many articles. */
export interface Facets {
  storyOutlets: Map<string, Set<string>>;
  /**
   * Per story, its outlets as the story page names them (the registry's name, else the article's
   * source, else its domain), the most articles first; and how many outlets nothing names.
   */
  storyOutletNames: Map<string, StoryOutletNames>;
  storyLanguages: Map<string, Set<string>>;
  outlets: Map<string, number>;
  languages: string[];
}

/** A story's outlets by name, for a list of stories. */
export interface StoryOutletNames {
  names: string[];
  unnamed: number;
  /** The languages of its articles (codes), the most used first. */
  languages?: string[];
}

export class Catalog {
  private list: { at: number; count: number; stories: StoredStory[]; byId: Map<string, StoredStory> } | null = null;
  private listing: Promise<NonNullable<Catalog['list']>> | null = null;
  private facetsBuilt: { at: number; count: number; facets: Facets } | null = null;
  private building: Promise<Facets> | null = null;

  constructor(
    private readonly store: Store,
    // Long: on a big store the listing holds the (synchronous) database for a second or two, and
    // new articles are noticed at once by their count anyway.
    private readonly maxAgeMs = 300_000,
  ) {}

  /** Forget everything (after an ingest through this server). */
  invalidate(): void {
    this.list = null;
    this.facetsBuilt = null;
  }

  private async fresh(entry: { at: number; count: number } | null): Promise<{ ok: boolean; count: number }> {
    const count = await this.store.countArticles();
    return { ok: !!entry && entry.count === count && Date.now() - entry.at < this.maxAgeMs, count };
  }

  /**
   * Every story, biggest and newest first (the store's order). When only the age has run out,
   * the list at hand is returned while a fresh one is made; when the article count has changed,
   * the fresh one is waited for.
   */
  async stories(): Promise<{ stories: StoredStory[]; byId: Map<string, StoredStory> }> {
    const { ok, count } = await this.fresh(this.list);
    if (ok) return this.list!;
    // One listing at a time: concurrent requests share it.
    this.listing ??= this.store
      .listStories()
      .then((stories) => (this.list = { at: Date.now(), count, stories, byId: new Map(stories.map((s) => [s.id, s])) }))
      .finally(() => (this.listing = null));
    if (this.list && this.list.count === count) {
      this.listing.catch(() => undefined);
      return this.list;
    }
    return this.listing;
  }

  /** The facets, waiting for them to be built if need be. */
  async facets(): Promise<Facets> {
    const { ok, count } = await this.fresh(this.facetsBuilt);
    if (ok) return this.facetsBuilt!.facets;
    this.building ??= this.build(count).finally(() => (this.building = null));
    return this.building;
  }

  /**
   * The facets for a page that should not wait long: on a small store (up to `waitBelow` articles)
   * they are built at once; on a big one, the last ones built (or null) while new ones are made.
   */
  async facetsSoon(waitBelow = 20_000): Promise<Facets | null> {
    const { ok, count } = await this.fresh(this.facetsBuilt);
    if (ok) return this.facetsBuilt!.facets;
    if (count <= waitBelow) return this.facets();
    void this.facets().catch(() => undefined);
    return this.facetsBuilt?.facets ?? null;
  }

  private async build(count: number): Promise<Facets> {
    const { stories } = await this.stories();
    const facets: Facets = { storyOutlets: new Map(), storyOutletNames: new Map(), storyLanguages: new Map(), outlets: new Map(), languages: [] };
    const { matcherFor, UNNAMED } = await import('../../outlets/index.js');
    const { userOutlets } = await import('../../pipeline/index.js');
    const matcher = matcherFor(await userOutlets(this.store));
    const languages = new Set<string>();
    for (const s of stories) {
      const outlets = new Set<string>();
      const langs = new Set<string>();
      const langCounts = new Map<string, number>();
      const named = new Map<string, number>();
      let unnamed = 0;
      for (const a of await this.store.listArticles({ story: s.id })) {
        const name = matcher.attribute(a).name;
        if (name === UNNAMED) unnamed++;
        else named.set(name, (named.get(name) ?? 0) + 1);
        if (a.source) {
          outlets.add(a.source);
          facets.outlets.set(a.source, (facets.outlets.get(a.source) ?? 0) + 1);
        }
        if (a.language) {
          langs.add(a.language);
          langCounts.set(a.language, (langCounts.get(a.language) ?? 0) + 1);
        }
      }
      facets.storyOutlets.set(s.id, outlets);
      facets.storyOutletNames.set(s.id, { names: [...named].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([n]) => n), unnamed, languages: [...langCounts].sort((a, b) => b[1] - a[1]).map(([l]) => l) });
      facets.storyLanguages.set(s.id, langs);
      for (const l of langs) languages.add(l);
      // Let requests through between stories: on a big store this takes a while.
      await new Promise((r) => setImmediate(r));
    }
    facets.languages = [...languages].sort();
    this.facetsBuilt = { at: Date.now(), count, facets };
    return facets;
  }
}
