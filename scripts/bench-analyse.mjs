#!/usr/bin/env node
// Analysis time of one story with 50 and with 500 articles (ECB+ dev texts taken as one story; the
// grouping is not tested here, only the analysis), median of 3 runs after a warm-up.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fromRecord } from '../src/ingest/files.ts';
import { extractItem } from '../src/pipeline.ts';
import { analyseStory } from '../src/analyse/index.ts';

const root = new URL('..', import.meta.url).pathname;
const file = join(root, '..', 'shared', 'eval', 'stories', 'ecbplus-dev.jsonl');
if (!existsSync(file)) { console.log(`no ${file}: skipped`); process.exit(0); }
const recs = readFileSync(file, 'utf8').split('\n').filter(Boolean).map((l) => { const { story, ...r } = JSON.parse(l); return r; });
const articles = recs.map((r) => extractItem(fromRecord(r, 'bench', null))).filter((x) => 'article' in x).map((x) => x.article);
analyseStory(articles.slice(0, 5));
for (const n of [50, 500]) {
  const set = articles.slice(0, n);
  const times = [];
  for (let i = 0; i < 3; i++) { const t0 = performance.now(); analyseStory(set); times.push(performance.now() - t0); }
  times.sort((a, b) => a - b);
  console.log(`${String(set.length).padStart(4)} articles (${(set.reduce((k, a) => k + a.text.length, 0) / 1000).toFixed(0)}k chars): ${times[1].toFixed(0)} ms`);
}
