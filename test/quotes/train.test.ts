import { test } from 'node:test';
import assert from 'node:assert/strict';
import { examples, trainPerceptron } from '../../src/enrich/quotes/train.js';
import { findCues } from '../../src/enrich/quotes/cue-score.js';
import { tokenise } from '../../src/enrich/quotes/tokens.js';

// A small annotated corpus in the PolNeAR shape: the cue of each attribution marked by offsets.
function doc(text: string, ...cues: string[]) {
  return { text, quotes: cues.map((c) => { const start = text.indexOf(c); return { cue: [{ start, end: start + c.length }] }; }) };
}
const DOCS = [
  doc('Rutte said the alliance would help. The alliance met in Brussels.', 'said'),
  doc('The minister told reporters that talks had stalled. Talks began in May.', 'told'),
  doc('“We are ready,” Peskov said. Peskov is the Kremlin spokesman.', 'said'),
  doc('According to officials, the plan failed. The plan was drafted in June.', 'According to'),
  doc('Zelensky argued that help was late. Help arrived in the spring.', 'argued'),
  doc('Officials said the meeting was useful. The meeting lasted two hours.', 'said'),
];

test('examples: one positive per annotated cue, at its head word', () => {
  const ex = examples(DOCS[0]);
  assert.equal(ex.filter((e) => e.label).length, 1);
  assert.ok(ex.find((e) => e.label)!.features.includes('w=said'));
});

test('trainPerceptron: learns the cues of its training text and not the other words', () => {
  const weights = trainPerceptron(DOCS.flatMap(examples), 10, 1);
  const model = { weights, threshold: 0 };
  const tk = tokenise('Bettel said the door stays open. The door is made of oak.');
  const heads = findCues(tk, model).map((i) => tk.tokens[i].text);
  assert.deepEqual(heads, ['said']);
});
