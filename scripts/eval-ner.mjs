#!/usr/bin/env node
// Named entities on the CoNLL-2003 English dev set (../shared/eval/conll2003/eng.testa): all four
// types, exact spans, scored with ner-score.mjs on the output of `parallax entities --conll`
// (each sentence tagged as text, its tokens joined by spaces); and the recogniser's speed in
// tokens per second on the same sentences, in this process, the model loaded before the clock
// starts (best of 3 rounds; wall clock and CPU time). Bars: F1 ≥ 88, ≥ 50,000 tokens/s.
// Usage: node --import tsx scripts/eval-ner.mjs
import { readFileSync } from 'node:fs';
import { cli, requireShared, score, tmpFile } from './lib-eval.mjs';

const dev = requireShared('eval', 'conll2003', 'eng.testa');
const pred = tmpFile('pred.conll', cli(['entities', '--conll', dev]));
const out = score('ner-score.mjs', [pred]);
const all = /^(?:all|overall)[^\n]*F1 ([\d.]+)/im.exec(out)?.[1] ?? /F1 ([\d.]+)/.exec(out)?.[1];

const { recogniseEntities } = await import('../src/enrich/ner/index.ts');
const sentences = [];
let cur = [];
for (const line of readFileSync(dev, 'utf8').split('\n')) {
  if (!line.trim() || line.startsWith('-DOCSTART-')) { if (cur.length) sentences.push(cur.join(' ')); cur = []; continue; }
  cur.push(line.split(' ')[0]);
}
const tokens = readFileSync(dev, 'utf8').split('\n').filter((l) => l.trim() && !l.startsWith('-DOCSTART-')).length;
recogniseEntities('Warm up in Lisbon.');
// Wall clock, and this process's CPU time: on a shared machine the second is what the code costs.
let wall = Infinity;
let cpu = Infinity;
for (let r = 0; r < 3; r++) {
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  for (const s of sentences) recogniseEntities(s);
  const c = process.cpuUsage(c0);
  wall = Math.min(wall, performance.now() - t0);
  cpu = Math.min(cpu, (c.user + c.system) / 1000);
}
console.log(`ner_conll_dev_f1\t${all}`);
console.log(`ner_tokens_per_second\t${Math.round(tokens / (wall / 1000))}`);
console.log(`ner_tokens_per_cpu_second\t${Math.round(tokens / (cpu / 1000))}`);
