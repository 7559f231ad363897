#!/usr/bin/env node
// Grouping into stories on ../shared/eval/stories/*.jsonl: `parallax cluster --jsonl FILE` (which
// never reads the `story` field) scored with ../shared/tools/cluster-score.mjs.
//   node scripts/eval-cluster.mjs
// Bars (BCubed F1): basil ≥ 0.95, ecbplus ≥ 0.90, mcms ≥ 0.90, uci-headlines ≥ 0.85.
// Prints a table, then `cluster_<name>_bcubed_f1<TAB>value` lines (and pairwise F1 and seconds).
import { cli, requireShared, score, tmpFile } from './lib-eval.mjs';
import { join } from 'node:path';

const dir = requireShared('eval', 'stories');
const sets = [['basil-dev', 0.95], ['ecbplus-dev', 0.9], ['mcms-dev', 0.9], ['uci-headlines-dev', 0.85]];
const rows = [];
for (const [name, bar] of sets) {
  const gold = join(dir, `${name}.jsonl`);
  const t0 = performance.now();
  const pred = tmpFile('pred.jsonl', cli(['cluster', '--jsonl', gold]));
  const seconds = (performance.now() - t0) / 1000;
  const out = score('cluster-score.mjs', [gold, pred]);
  const [, articles, goldStories, predStories] = /articles (\d+)\s+gold stories (\d+)\s+predicted stories (\d+)/.exec(out) ?? [];
  const [, bp, br, bf] = /bcubed: precision ([\d.]+)\s+recall ([\d.]+)\s+F1 ([\d.]+)/.exec(out) ?? [];
  const pf = /pairwise: .*F1 ([\d.]+)/.exec(out)?.[1];
  rows.push({ name, bar, articles, goldStories, predStories, bp, br, bf, pf, seconds });
}
const head = ['set', 'articles', 'stories gold/pred', 'BCubed P', 'BCubed R', 'BCubed F1', 'bar', 'pairwise F1', 's'];
const table = rows.map((r) => [r.name, r.articles, `${r.goldStories}/${r.predStories}`, r.bp, r.br, r.bf, `${Number(r.bf) >= r.bar ? '≥' : '<'} ${r.bar}`, r.pf, r.seconds.toFixed(1)]);
const width = head.map((h, i) => Math.max(h.length, ...table.map((t) => String(t[i]).length)));
console.log('\n' + head.map((h, i) => h.padEnd(width[i])).join('  '));
for (const t of table) console.log(t.map((c, i) => String(c).padEnd(width[i])).join('  '));
console.log('');
for (const r of rows) {
  console.log(`cluster_${r.name}_bcubed_f1\t${r.bf}`);
  console.log(`cluster_${r.name}_pairwise_f1\t${r.pf}`);
  console.log(`cluster_${r.name}_seconds\t${r.seconds.toFixed(1)}`);
}
