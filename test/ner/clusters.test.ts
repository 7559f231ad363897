import { test } from 'node:test';
import assert from 'node:assert/strict';
import { exchangeClusters, lookupCluster } from '../../src/enrich/ner/clusters.js';

test('words used alike share a class; words used differently do not', () => {
  const sentences: string[][] = [];
  const animals = ['cat', 'dog', 'horse', 'goat'];
  const cities = ['Paris', 'London', 'Berlin', 'Madrid'];
  const verbs = ['sleeps', 'runs', 'eats', 'waits'];
  for (let r = 0; r < 5; r++) {
    for (const a of animals) for (const v of verbs) sentences.push(['the', a, v, 'here']);
    for (const c of cities) for (const d of ['today', 'tonight']) sentences.push(['we', 'flew', 'to', c, d]);
  }
  const table = exchangeClusters(sentences, { classes: 8, minCount: 1, iterations: 20 });
  const cls = (w: string) => table.get(w);
  for (const a of animals) assert.equal(cls(a), cls('cat'), `${a} with cat`);
  for (const c of cities) assert.equal(cls(c), cls('Paris'), `${c} with Paris`);
  assert.notEqual(cls('cat'), cls('Paris'));
  assert.notEqual(cls('cat'), cls('sleeps'));
});

test('look-up forgives case and digits', () => {
  const table = new Map([['Paris', 3], ['today', 5], ['0000', 7]]);
  const rows: [string, number | undefined][] = [['Paris', 3], ['PARIS', 3], ['Today', 5], ['TODAY', 5], ['1996', 7], ['Lyon', undefined]];
  for (const [w, want] of rows) assert.equal(lookupCluster(table, w), want, w);
});
