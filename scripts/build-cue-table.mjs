#!/usr/bin/env node
// Writes models/quotes/cue-weights.bin from models/quotes/cue-weights.tsv: the attribution-cue
// weights as typed arrays, read in one call at start (see CUE_TABLE_FILE in
// src/enrich/quotes/cues.ts). The table records the SHA-256 of the TSV and is used only while
// that TSV is unchanged: run this after scripts/train-quotes.mjs writes new weights.
// Usage: node --import tsx scripts/build-cue-table.mjs
import { readFileSync, writeFileSync } from 'node:fs';
import { CUE_MODEL_FILE, CUE_TABLE_FILE, encodeCueTable } from '../src/enrich/quotes/cues.ts';

const out = encodeCueTable(readFileSync(CUE_MODEL_FILE));
writeFileSync(CUE_TABLE_FILE, out);
console.log(`wrote ${CUE_TABLE_FILE}: ${(out.length / 2 ** 10).toFixed(0)} KiB`);
