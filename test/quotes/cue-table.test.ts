import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { CUE_MODEL_FILE, CUE_TABLE_FILE, decodeCueTable, defaultCueModel, encodeCueTable, parseCueWeights, scoreToken } from '../../src/enrich/quotes/cues.js';

test('the shipped cue table is made from the shipped weights (run scripts/build-cue-table.mjs after training)', () => {
  const table = readFileSync(CUE_TABLE_FILE);
  const header = JSON.parse(table.toString('utf8', 12, 12 + table.readUInt32LE(8))) as { sha256: string };
  assert.equal(header.sha256, createHash('sha256').update(readFileSync(CUE_MODEL_FILE)).digest('hex'));
});

test('the shipped cue model scores every feature as its TSV gives it', () => {
  const weights = parseCueWeights(readFileSync(CUE_MODEL_FILE, 'utf8'));
  const model = defaultCueModel()!;
  for (const [f, w] of weights) assert.equal(scoreToken(model, [f]), w, f);
  for (const f of ['w=nothing-like-this', 'constructor', '', '#']) assert.equal(scoreToken(model, [f]), weights.get(f) ?? 0, f);
  assert.deepEqual(model.weights, Object.fromEntries(weights));
});

test('a cue table holds features in any script, with their weights exactly', () => {
  const tsv = Buffer.from('# comment\nw=said\t5.8\nw=сказал\t-2.7\nw=说\t0.1\nb\t-12.35\nw=said\t1.5\n', 'utf8');
  const weights = parseCueWeights(tsv.toString('utf8'));
  assert.deepEqual([...weights], [['w=said', 1.5], ['w=сказал', -2.7], ['w=说', 0.1], ['b', -12.35]]);
  const table = decodeCueTable(encodeCueTable(tsv), tsv)!;
  for (const [f, w] of weights) assert.equal(table.get(f), w, f);
  for (const f of ['w=sai', 'w=saidx', '', '# comment']) assert.equal(table.get(f), undefined, f);
  assert.deepEqual(table.toObject(), Object.fromEntries(weights));
  // A table made from other weights is not used.
  assert.equal(decodeCueTable(encodeCueTable(tsv), Buffer.from('b\t1\n')), null);
});
