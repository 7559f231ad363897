#!/usr/bin/env node
// Quotations on the PolNeAR dev set (../shared/eval/polnear/polnear_dev.jsonl), scored with
// quote-score.mjs. Bars: direct @0.3 F1 ≥ 90 with the speaker right ≥ 90%; all @0.3 F1 ≥ 70.
import { cli, requireShared, score, tmpFile } from './lib-eval.mjs';

const dev = requireShared('eval', 'polnear', 'polnear_dev.jsonl');
const pred = tmpFile('pred.jsonl', cli(['quotes', '--jsonl', dev]));
const out = score('quote-score.mjs', [dev, pred]);
for (const [label, key] of [['all @0.3', 'all'], ['direct @0.3', 'direct']]) {
  const line = out.split('\n').find((l) => l.startsWith(label)) ?? '';
  console.log(`quotes_${key}_f1_at_0.3\t${/F1 ([\d.]+)/.exec(line)?.[1]}`);
  console.log(`quotes_${key}_speaker_right_at_0.3\t${/speaker ([\d.]+)%/.exec(line)?.[1]}%`);
}
