/**
 * The enrich step of the pipeline, apart from the extract step so that a command that only
 * extracts (`parallax extract`) loads no tagger, no quotation finder and none of their word lists.
 *
 * @module
 */
import { ensureEnriched } from '../enrich/index.js';
import type { Extracted } from './extract.js';

/**
 * The enrich step: the article's named entities and quotations worked out and kept with it (in
 * the extraction thread or worker that made it), so that no story's first analysis waits for
 * its articles' tagging. An article that already has them, valid for its text and this code,
 * is left as it is.
 */
export function enrichExtracted(extracted: Extracted): Extracted {
  if ('article' in extracted) {
    try {
      ensureEnriched([extracted.article]);
    } catch {
      // A failure here is not the input's fault: the analysis works them out again when it needs them.
    }
  }
  return extracted;
}
