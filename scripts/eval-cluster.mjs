#!/usr/bin/env node
// Grouping into stories on ../shared/eval/stories/*.jsonl: `parallax cluster --jsonl` scored with
// cluster-score.mjs (BCubed and pairwise F1). Bars: basil ≥ 0.95, ecbplus ≥ 0.90, mcms ≥ 0.90, uci ≥ 0.85.
import { cli, requireShared, score, tmpFile } from './lib-eval.mjs';
import { join } from 'node:path';

const dir = requireShared('eval', 'stories');
for (const name of ['basil-dev', 'ecbplus-dev', 'mcms-dev', 'uci-headlines-dev']) {
  const gold = join(dir, `${name}.jsonl`);
  const t0 = performance.now();
  const pred = tmpFile('pred.jsonl', cli(['cluster', '--jsonl', gold]));
  const secs = (performance.now() - t0) / 1000;
  const out = score('cluster-score.mjs', [gold, pred]);
  const b = /bcubed: .*F1 ([\d.]+)/.exec(out)?.[1];
  const p = /pairwise: .*F1 ([\d.]+)/.exec(out)?.[1];
  console.log(`cluster_${name}_bcubed_f1\t${b}`);
  console.log(`cluster_${name}_pairwise_f1\t${p}`);
  console.log(`cluster_${name}_seconds\t${secs.toFixed(1)}`);
}
