#!/usr/bin/env node
// The stories annotated by hand (../shared/corpus/seed-story and ../shared/corpus/stories/*): each
// story's inputs go through `parallax analyse --json`, and the story JSON is scored against its
// annotation with ../shared/tools/story-score.mjs. Prints one row a story (every section and the
// overall score) on stderr, `stories_NAME_overall<TAB>VALUE` lines and the mean on stdout.
//   node scripts/eval-stories.mjs [--explain] [NAME…]     (names narrow the run; --explain prints each miss)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const corpus = join(root, '..', 'shared', 'corpus');
const scorer = join(root, '..', 'shared', 'tools', 'story-score.mjs');
if (!existsSync(corpus) || !existsSync(scorer)) { console.log(`no ${corpus} or its scorer: skipped`); process.exit(0); }
const args = process.argv.slice(2);
const explain = args.includes('--explain');
const only = args.filter((a) => !a.startsWith('--'));

/** Each annotated story: its name, gold file and the inputs to analyse. */
const stories = [];
const seed = join(corpus, 'seed-story');
if (existsSync(join(seed, 'gold.json'))) {
  stories.push({ name: 'seed-story', gold: join(seed, 'gold.json'), inputs: readdirSync(seed).filter((f) => f.endsWith('.txt')).sort().map((f) => join(seed, f)) });
}
const dir = join(corpus, 'stories');
for (const name of existsSync(dir) ? readdirSync(dir).sort() : []) {
  const d = join(dir, name);
  if (existsSync(join(d, 'gold.json')) && existsSync(join(d, 'articles.jsonl'))) stories.push({ name, gold: join(d, 'gold.json'), inputs: [join(d, 'articles.jsonl')] });
}

const tmp = mkdtempSync(join(tmpdir(), 'parallax-stories-'));
const sections = ['articles', 'entities', 'quotes', 'claims', 'wording', 'timeline', 'summary'];
const rows = [];
for (const s of stories.filter((x) => !only.length || only.some((o) => x.name.includes(o)))) {
  const run = spawnSync(process.execPath, [join(root, 'bin', 'parallax'), 'analyse', '--json', ...s.inputs], { encoding: 'utf8', maxBuffer: 1 << 28, timeout: 120_000 });
  if (run.status !== 0) { console.error(`${s.name}: analyse failed: ${run.stderr}`); process.exit(1); }
  const out = join(tmp, `${s.name}.json`);
  writeFileSync(out, run.stdout);
  const scored = spawnSync(process.execPath, [scorer, s.gold, out, ...(explain ? ['--explain'] : [])], { encoding: 'utf8', maxBuffer: 1 << 28 });
  if (scored.status !== 0) { console.error(`${s.name}: scorer failed: ${scored.stderr}`); process.exit(1); }
  if (explain) process.stderr.write(`\n== ${s.name}\n${scored.stdout}`);
  const got = Object.fromEntries([...scored.stdout.matchAll(/^(\w+): ([\d.]+)/gm)].map((m) => [m[1], Number(m[2])]));
  rows.push({ name: s.name, got });
}
const w = Math.max(10, ...rows.map((r) => r.name.length));
process.stderr.write(`\n${'story'.padEnd(w)}  ${sections.map((x) => x.slice(0, 8).padStart(8)).join(' ')}  overall\n`);
for (const r of rows) process.stderr.write(`${r.name.padEnd(w)}  ${sections.map((x) => (r.got[x] ?? 0).toFixed(3).padStart(8)).join(' ')}  ${(r.got.story ?? 0).toFixed(3)}\n`);
const mean = (f) => rows.reduce((a, r) => a + f(r), 0) / (rows.length || 1);
process.stderr.write(`${'mean'.padEnd(w)}  ${sections.map((x) => mean((r) => r.got[x] ?? 0).toFixed(3).padStart(8)).join(' ')}  ${mean((r) => r.got.story ?? 0).toFixed(3)}\n`);
for (const r of rows) console.log(`stories_${r.name}_overall\t${(r.got.story ?? 0).toFixed(3)}`);
if (rows.length) {
  console.log(`stories_min_section\t${Math.min(...rows.flatMap((r) => sections.map((x) => r.got[x] ?? 0))).toFixed(3)}`);
  console.log(`stories_mean_overall\t${mean((r) => r.got.story ?? 0).toFixed(3)}`);
}
