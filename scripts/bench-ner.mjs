#!/usr/bin/env node
// Tagging speed of the named-entity recogniser, in tokens per second, on the CoNLL-2003 English
// dev set (../shared/eval/conll2003/eng.testa): once through the trained tagger on the given
// tokens, and once through recogniseEntities on each sentence's text (tokenizer, tagger and spans).
// The model loads before the clock starts; best of 5 rounds, wall clock and CPU time. Bar: ≥ 50,000 tokens/s.
// Usage: node --import tsx scripts/bench-ner.mjs
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const dev = join(root, '..', 'shared', 'eval', 'conll2003', 'eng.testa');
if (!existsSync(dev)) { console.log(`no ${dev}: skipped`); process.exit(0); }
const { recogniseEntities, tagTokens } = await import('../src/enrich/ner/index.ts');

const sentences = [];
let cur = [];
for (const line of readFileSync(dev, 'utf8').split('\n')) {
  if (!line.trim() || line.startsWith('-DOCSTART-')) { if (cur.length) sentences.push(cur); cur = []; continue; }
  cur.push(line.split(' ')[0]);
}
if (cur.length) sentences.push(cur);
const tokens = sentences.reduce((n, s) => n + s.length, 0);
const texts = sentences.map((s) => s.join(' '));
tagTokens(['Warm', 'up']);

// Wall-clock time, and CPU time of this process: on a shared machine the second says what the
// code costs whatever else runs beside it.
function best(run, rounds = 5) {
  let wall = Infinity;
  let cpu = Infinity;
  for (let r = 0; r < rounds; r++) {
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    run();
    const c = process.cpuUsage(c0);
    wall = Math.min(wall, performance.now() - t0);
    cpu = Math.min(cpu, (c.user + c.system) / 1000);
  }
  return { wall: wall / 1000, cpu: cpu / 1000 };
}
const tag = best(() => { for (const s of sentences) tagTokens(s); });
const text = best(() => { for (const t of texts) recogniseEntities(t); });
console.log(`${sentences.length} sentences, ${tokens} tokens; best of 5 rounds`);
console.log(`ner_tag_tokens_per_second\t${Math.round(tokens / tag.wall)}`);
console.log(`ner_text_tokens_per_second\t${Math.round(tokens / text.wall)}`);
console.log(`ner_tag_tokens_per_cpu_second\t${Math.round(tokens / tag.cpu)}`);
console.log(`ner_text_tokens_per_cpu_second\t${Math.round(tokens / text.cpu)}`);
