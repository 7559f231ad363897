#!/usr/bin/env node
// One page through @mozilla/readability on linkedom, as a one-shot script would run it: read the
// file, parse, extract, print the text. The yardstick of scripts/bench-start.mjs for
// `parallax extract` on the same page (both devDependencies here).
// Usage: node scripts/readability-once.mjs PAGE.html
import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { Readability } from '@mozilla/readability';

const { document } = parseHTML(readFileSync(process.argv[2], 'utf8'));
const article = new Readability(document).parse();
process.stdout.write(`${article?.title ?? ''}\n\n${article?.textContent ?? ''}\n`);
