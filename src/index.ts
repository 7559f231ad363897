/**
 * Parallax as a library. The CLI, the HTTP API and the workers are thin layers over these.
 *
 * @example
 * import { analyseFiles } from 'parallax';
 * const stories = analyseFiles(['reports/']);
 *
 * @module
 */
import type { Story } from './types.js';
import { analyseArticles, collectInputs, extractItem } from './pipeline/index.js';

export type * from './types.js';
export type { Store, StoredStory, SearchHit, UpsertResult } from './store/types.js';
export type { Clusterer, ClusterDoc, Assignment, Explanation } from './cluster/types.js';
export { extractArticle } from './extract/index.js';
export { analyseStory, buildContext } from './analyse/index.js';
export { openStore } from './store/index.js';
export { ingestItems, collectInputs, extractItem, analyseArticles, regroup, storyAnalysis } from './pipeline/index.js';

/** Files in, stories out: clean every article, group them into stories, analyse each. Bad inputs are skipped. */
export function analyseFiles(paths: string[]): Story[] {
  const articles = [];
  for (const item of collectInputs(paths)) {
    const r = extractItem(item);
    if ('article' in r) articles.push(r.article);
  }
  return analyseArticles(articles);
}

/** The same as {@link analyseFiles}, under the name the README uses for the whole job. */
export const analyse = analyseFiles;
