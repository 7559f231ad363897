#!/usr/bin/env node
// The seed story (../shared/corpus/seed-story): analyse the five reports and score the story JSON
// against the hand annotation with ../shared/tools/story-score.mjs.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const seed = join(root, '..', 'shared', 'corpus', 'seed-story');
if (!existsSync(seed)) { console.log('no ../shared/corpus/seed-story: skipped'); process.exit(0); }
const files = readdirSync(seed).filter((f) => f.endsWith('.txt')).map((f) => join(seed, f));
const out = spawnSync(join(root, 'bin', 'parallax'), ['analyse', '--json', ...files], { encoding: 'utf8', maxBuffer: 1 << 28 });
if (out.status !== 0) { console.error(out.stderr); process.exit(1); }
const tmp = join(mkdtempSync(join(tmpdir(), 'parallax-seed-')), 'story.json');
writeFileSync(tmp, out.stdout);
const score = spawnSync(process.execPath, [join(root, '..', 'shared', 'tools', 'story-score.mjs'), join(seed, 'gold.json'), tmp, ...process.argv.slice(2)], { encoding: 'utf8' });
process.stderr.write(score.stdout);
for (const line of score.stdout.split('\n')) {
  const m = /^(\w+): ([\d.]+)/.exec(line);
  if (m) console.log(`seed_${m[1]}\t${m[2]}`);
}
