// Shared by train-ner.mjs and eval-ner-multilingual.mjs: the labelled sets each language's model
// learns from, read into sentences of [word, IOB2 tag] with a document number, and the fixed
// partition of documents into folds that keeps a held-out part apart from training.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const shared = join(root, '..', 'shared', 'eval');

/** Each language's training file (a development set meant for training and tuning) and its name in the metrics. */
export const NER_SETS = {
  en: { file: join(shared, 'conll2003', 'eng.train'), name: 'conll2003' },
  ru: { file: join(shared, 'multilingual', 'factrueval-dev.conll'), name: 'factrueval' },
  de: { file: join(shared, 'multilingual', 'germeval2014-dev.conll'), name: 'germeval' },
  es: { file: join(shared, 'multilingual', 'conll2002-esp-dev.conll'), name: 'conll2002' },
};

/**
 * Sentences of [word, IOB2 tag] (IOB1 is converted), each with `.doc`: the -DOCSTART- document it
 * belongs to or, in files without documents, its block of `block` consecutive sentences (news
 * sentences in a row share names: a held-out sentence must not have its neighbours in training).
 */
export function readConll(file, block = 25) {
  let doc = 0;
  const out = [];
  let cur = [];
  const text = readFileSync(file, 'utf8');
  const documents = text.includes('-DOCSTART-');
  const push = () => { if (cur.length) { cur.doc = documents ? doc : Math.floor(out.length / block); out.push(cur); } cur = []; };
  for (const line of text.split('\n')) {
    if (line.startsWith('-DOCSTART-')) doc++;
    if (!line.trim() || line.startsWith('-DOCSTART-')) { push(); continue; }
    const c = line.trim().split(/\s+/);
    cur.push([c[0], c[c.length - 1]]);
  }
  push();
  for (const s of out) {
    s.forEach((t, i) => {
      const [b, type] = t[1].split('-');
      if (b === 'I' && (i === 0 || s[i - 1][1] === 'O' || s[i - 1][1].slice(2) !== type)) t[1] = `B-${type}`;
    });
  }
  return out;
}

/** The fold of a document among `folds`: documents dealt round in file order, so each fold has parts of the whole file. */
export function foldOf(doc, folds) {
  return doc % folds;
}
