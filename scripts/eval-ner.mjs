#!/usr/bin/env node
// Named entities on the CoNLL-2003 English dev set (../shared/eval/conll2003/eng.testa): all four
// types, exact spans, scored with ner-score.mjs; and tagging speed in tokens per second. Bar: F1 ≥ 88.
import { readFileSync } from 'node:fs';
import { cli, requireShared, score, tmpFile } from './lib-eval.mjs';

const dev = requireShared('eval', 'conll2003', 'eng.testa');
const tokens = readFileSync(dev, 'utf8').split('\n').filter((l) => l.trim() && !l.startsWith('-DOCSTART-')).length;
const t0 = performance.now();
const pred = tmpFile('pred.conll', cli(['entities', '--conll', dev]));
const secs = (performance.now() - t0) / 1000;
const out = score('ner-score.mjs', [pred]);
const all = /^(?:all|overall)[^\n]*F1 ([\d.]+)/im.exec(out)?.[1] ?? /F1 ([\d.]+)/.exec(out)?.[1];
console.log(`ner_conll_dev_f1\t${all}`);
console.log(`ner_tokens_per_second_incl_startup\t${Math.round(tokens / secs)}`);
