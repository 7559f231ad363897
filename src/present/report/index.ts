/**
 * Story reports to share: one self-contained file per story, as HTML (renders offline, no
 * external requests), Markdown or JSON.
 *
 * @module
 */
import type { Reporter } from './types.js';
import { htmlReporter } from './html.js';
import { markdownReporter } from './markdown.js';
import { jsonReporter } from './json.js';

export type { Reporter } from './types.js';

export const reporters: Record<Reporter['format'], Reporter> = { html: htmlReporter, md: markdownReporter, json: jsonReporter };
