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

const { analyseStory } = await import('../src/analyse/index.ts');
const files = readdirSync(seed).filter((f) => f.endsWith('.txt')).sort().map((f) => join(seed, f));
const articles = await readSeed(files);
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

/**
 * The seed reports cleaned by the project's own extractor. Should the extractor not load (it is
 * being reworked), each report's body is cut between the annotation's first and last body phrases
 * instead, with the annotation's date and outlet: then only the comparison sections mean anything.
 */
async function readSeed(paths) {
  try {
    const { readInputs } = await import('../src/ingest/files.ts');
    const { extractArticle } = await import('../src/extract/index.ts');
    return paths.flatMap((p) => readInputs(p)).filter((item) => item.ok)
      .map((item) => extractArticle({ raw: item.raw, record: item.record, defaultId: item.defaultId }));
  } catch (err) {
    console.error(`note: the extractor did not load (${err.message}); seed bodies cut at the annotated phrases`);
    const { readFileSync } = await import('node:fs');
    const { basename } = await import('node:path');
    const gold = JSON.parse(readFileSync(join(seed, 'gold.json'), 'utf8'));
    return paths.map((p) => {
      const id = basename(p, '.txt');
      const g = gold.articles[id];
      const raw = readFileSync(p, 'utf8');
      const from = raw.indexOf(g.body_first);
      const to = raw.indexOf(g.body_last, from) + g.body_last.length;
      const text = raw.slice(from, to).replace(/\n{3,}/g, '\n\n');
      const blocks = text.split('\n\n').map((t) => ({ kind: 'paragraph', text: t }));
      return { id, source: g.outlet, url: null, title: g.title ?? null, kicker: g.kicker ?? null, dek: g.dek ?? null, byline: g.byline ?? null,
        published: g.published, dateline: g.dateline ?? null, language: 'en', blocks, text, contentHash: id, provenance: {}, removed: [], messages: [],
        raw: { kind: 'text', origin: p, content: raw } };
    });
  }
}
