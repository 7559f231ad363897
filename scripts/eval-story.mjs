#!/usr/bin/env node
// The story comparison on the seed story (../shared/corpus/seed-story): the five reports go through
// the pipeline's own cleaner and analyseStory, the story JSON is scored with
// ../shared/tools/story-score.mjs against the hand annotation. Run under tsx:
//   node --import tsx scripts/eval-story.mjs [--explain] [--out STORY.json]
// Prints the scorer's report on stderr and `story_SECTION<TAB>VALUE` lines on stdout.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const seed = join(root, '..', 'shared', 'corpus', 'seed-story');
const scorer = join(root, '..', 'shared', 'tools', 'story-score.mjs');
if (!existsSync(seed) || !existsSync(scorer)) {
  console.log('note: ../shared/corpus/seed-story or its scorer is absent; story evaluation skipped');
  process.exit(0);
}
const args = process.argv.slice(2);
const outAt = args.indexOf('--out');
const outFile = outAt >= 0 ? args[outAt + 1] : join(mkdtempSync(join(tmpdir(), 'parallax-story-')), 'story.json');

const { collectInputs, extractItem } = await import('../src/pipeline.ts');
const { analyseStory } = await import('../src/analyse/index.ts');
const files = readdirSync(seed).filter((f) => f.endsWith('.txt')).sort().map((f) => join(seed, f));
const articles = [];
for (const item of collectInputs(files)) {
  const r = extractItem(item);
  if ('article' in r) articles.push(r.article);
  else console.error(`skipped ${r.failure.origin}: ${r.failure.error}`);
}
const t0 = performance.now();
const story = analyseStory(articles);
const ms = performance.now() - t0;
writeFileSync(outFile, JSON.stringify(story, null, 2));

const run = spawnSync(process.execPath, [scorer, join(seed, 'gold.json'), outFile, ...(args.includes('--explain') ? ['--explain'] : [])], { encoding: 'utf8' });
process.stderr.write(run.stdout);
if (run.status !== 0) { process.stderr.write(run.stderr); process.exit(1); }
for (const line of run.stdout.split('\n')) {
  const m = /^(\w+): ([\d.]+)/.exec(line);
  if (m) console.log(`story_${m[1]}\t${m[2]}`);
}
console.log(`story_analyse_ms\t${ms.toFixed(1)}`);
