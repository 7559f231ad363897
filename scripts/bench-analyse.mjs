#!/usr/bin/env node
// Analysis time of one story with 50 and with 500 articles (ECB+ dev texts taken as one story, the
// worst case for the comparison: forty events, few shared claims; the grouping is not tested
// here), median of 3 runs after a warm-up, each after a forced collection. The analysis with stored
// enrichments is timed in steady state instead: the mean of 7 runs in a row after 10 uncounted ones
// at 50 articles (3 after 2 at 500), garbage collection included, as in a server or a watch that
// keeps analysing, its code compiled by the JIT. Prints the whole analyseStory time and, apart, the
// comparison sections (claims, exclusives, disagreements, wording, timeline, summary) on the same
// context, so that the cost of each stage is visible. Wall time and CPU time both: on a shared
// machine the second is the steadier figure. Two analyses: cold, every article tagged on the spot,
// and as from the store, where each article's entities and quotations were worked out once
// (ensureEnriched, as the pipeline does on the first analysis) and a later analysis of the grown
// story only compares.
//   node --import tsx scripts/bench-analyse.mjs [50 500]
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const file = join(root, '..', 'shared', 'eval', 'stories', 'ecbplus-dev.jsonl');
if (!existsSync(file)) { console.log(`note: ${file} is absent; analysis benchmark skipped`); process.exit(0); }
const { fromRecord } = await import('../src/ingest/files.ts');
const { extractArticle } = await import('../src/extract/index.ts');
const { analyseStory, buildContext } = await import('../src/analyse/index.ts');
const { ensureEnriched } = await import('../src/enrich/index.ts');
const { buildClaims, exclusivesBySource } = await import('../src/analyse/claims.ts');
const { findDisagreements } = await import('../src/analyse/disagreements.ts');
const { compareWording } = await import('../src/analyse/wording.ts');
const { buildTimeline } = await import('../src/analyse/timeline.ts');
const { summarise } = await import('../src/analyse/summary.ts');

const recs = readFileSync(file, 'utf8').split('\n').filter(Boolean).map((l) => { const { story, ...r } = JSON.parse(l); return r; });
const articles = recs.map((r) => fromRecord(r, 'bench', null)).filter((i) => i.ok)
  .map((i) => extractArticle({ raw: i.raw, record: i.record, defaultId: i.defaultId })).filter((a) => a.text.trim());
const sizes = process.argv.slice(2).map(Number).filter(Boolean);

/**
 * Median wall and CPU milliseconds of `f` over `runs` runs, after `warm` runs not counted: the
 * figure of a process that has analysed before (a server, a watch), with its code compiled by
 * the JIT; a fresh process's first analysis is reported apart.
 */
function time(f, warm = 0, runs = 3) {
  for (let i = 0; i < warm; i++) f();
  const wall = [];
  const cpu = [];
  for (let i = 0; i < runs; i++) {
    globalThis.gc?.();
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    f();
    wall.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  const mid = (xs) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  return { wall: mid(wall), cpu: mid(cpu) };
}

/**
 * Mean wall and CPU milliseconds of `f` over `runs` runs in a row, after `warm` uncounted ones,
 * with no collection forced between them: what each analysis costs a process that keeps
 * analysing, garbage collection included.
 */
function steady(f, warm, runs) {
  for (let i = 0; i < warm; i++) f();
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  for (let i = 0; i < runs; i++) f();
  const c = process.cpuUsage(c0);
  return { wall: (performance.now() - t0) / runs, cpu: (c.user + c.system) / 1000 / runs };
}

analyseStory(articles.slice(0, 5));
for (const n of sizes.length ? sizes : [50, 500]) {
  const set = articles.slice(0, n);
  const chars = set.reduce((k, a) => k + a.text.length, 0);
  const whole = time(() => analyseStory(set));
  const stored = set.map((a) => ({ ...a }));
  const enrichTime = time(() => { for (const a of stored) delete a.enrichment; ensureEnriched(stored); });
  // Steady state: V8 needs about ten analyses of a 50-article story before its timings settle.
  const warm = n <= 100 ? steady(() => analyseStory(stored), 10, 7) : steady(() => analyseStory(stored), 2, 3);
  const ctx = buildContext(set);
  // A fresh context object per run, so that nothing one run works out is kept for the next.
  const sections = time(() => {
    const c = { ...ctx };
    const claims = buildClaims(c);
    exclusivesBySource(c, claims);
    findDisagreements(c, claims);
    compareWording(c);
    buildTimeline(c);
    summarise(c, claims);
  });
  console.log(`${String(set.length).padStart(4)} articles (${(chars / 1000).toFixed(0)}k chars): analyseStory ${whole.wall.toFixed(0)} ms (cpu ${whole.cpu.toFixed(0)}); comparison sections ${sections.wall.toFixed(0)} ms (cpu ${sections.cpu.toFixed(0)})`);
  console.log(`${' '.repeat(4)} enrichment of every article ${enrichTime.wall.toFixed(0)} ms (cpu ${enrichTime.cpu.toFixed(0)}); analyseStory with stored enrichments ${warm.wall.toFixed(0)} ms (cpu ${warm.cpu.toFixed(0)}) in steady state`);
  console.log(`analyse_${n}_ms\t${whole.wall.toFixed(0)}`);
  console.log(`analyse_${n}_enriched_ms\t${warm.wall.toFixed(0)}`);
  console.log(`enrich_${n}_ms\t${enrichTime.wall.toFixed(0)}`);
  console.log(`compare_${n}_ms\t${sections.wall.toFixed(0)}`);
}
