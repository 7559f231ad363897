/**
 * A hash of the language layer's code and data files: the stages that store what they made from
 * it (enrichment, grouping) fold it into their own versions, so a changed word list makes their
 * stored output stale as a change to their own code would.
 *
 * @module
 */
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { codeHash } from '../code-hash.js';

let version: string | undefined;

export function languageVersion(): string {
  if (version) return version;
  const here = dirname(fileURLToPath(import.meta.url));
  const data = fileURLToPath(new URL('../../data/lang/', import.meta.url));
  const files = existsSync(data)
    ? readdirSync(data, { withFileTypes: true })
        .filter((d) => d.isDirectory())
        .map((d) => d.name)
        .sort()
        .flatMap((lang) => readdirSync(join(data, lang)).sort().map((f) => join(data, lang, f)))
    : [];
  return (version = codeHash([here], files));
}
