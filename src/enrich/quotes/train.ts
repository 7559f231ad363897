/**
 * Training of the attribution-cue model on PolNeAR-style documents ({text, quotes: [{cue: [{start,
 * end}]}]}): the examples of a document and the perceptron. scripts/train-quotes.mjs runs it and
 * writes the weights to models/quotes/cue-weights.tsv:
 *
 *     node --import tsx scripts/train-quotes.mjs ../shared/eval/polnear/polnear_train.jsonl [EPOCHS]
 *
 * The target of each gold cue is its head: the first word of the cue span that is not an
 * auxiliary ("has said" → "said"), as the finder looks for.
 *
 * @module
 */
import { cueFeatures, isCandidate } from './cues.js';
import { QUOTE_MARK, tokenise } from './tokens.js';

const AUX = new Set('has have had is are was were be been also will would could did does do not just still even'.split(' '));

/** Weights smaller than this are dropped: they change few decisions and most of the file's size. */
const MIN_WEIGHT = 1;
/** Features seen fewer times than this in training are not used. */
const MIN_COUNT = 5;

interface GoldDoc { text: string; quotes: { cue: { start: number; end: number }[] }[] }

/** Every candidate token of a document as (features, is a cue head). */
export function examples(doc: GoldDoc): { features: string[]; label: boolean }[] {
  const tk = tokenise(doc.text);
  const heads = new Set<number>();
  for (const q of doc.quotes) {
    const c = q.cue[0];
    if (!c) continue;
    let head = tk.tokens.findIndex((t) => t.start >= c.start && t.end <= c.end && !AUX.has(t.lower) && isCandidate(t));
    if (head < 0) head = tk.tokens.findIndex((t) => t.start >= c.start && t.end <= c.end);
    if (head >= 0) heads.add(head);
  }
  const hasQuote = tk.sentences.map((s) => QUOTE_MARK.test(doc.text.slice(s.start, s.end)));
  const out: { features: string[]; label: boolean }[] = [];
  tk.tokens.forEach((t, i) => {
    if (isCandidate(t)) out.push({ features: cueFeatures(tk, i, hasQuote[t.sentence]), label: heads.has(i) });
  });
  return out;
}

/** An averaged perceptron for one binary decision; returns the averaged weights. */
export function trainPerceptron(
  data: { features: string[]; label: boolean }[],
  epochs: number,
  minCount = MIN_COUNT,
  log: (line: string) => void = () => {},
): Record<string, number> {
  // Features seen a few times only are left out: they mostly memorise the training text.
  const counts = new Map<string, number>();
  for (const ex of data) for (const f of ex.features) counts.set(f, (counts.get(f) ?? 0) + 1);
  data = data.map((ex) => ({ label: ex.label, features: ex.features.filter((f) => (counts.get(f) ?? 0) >= minCount) }));
  const w = new Map<string, number>();
  const total = new Map<string, number>();
  const stamp = new Map<string, number>();
  let step = 0;
  const update = (f: string, delta: number) => {
    const cur = w.get(f) ?? 0;
    total.set(f, (total.get(f) ?? 0) + cur * (step - (stamp.get(f) ?? 0)));
    stamp.set(f, step);
    w.set(f, cur + delta);
  };
  // A fixed shuffle, so training is repeatable.
  let seed = 7;
  const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const order = data.map((_, i) => i);
  for (let e = 0; e < epochs; e++) {
    for (let i = order.length - 1; i > 0; i--) { const j = Math.floor(rand() * (i + 1)); [order[i], order[j]] = [order[j], order[i]]; }
    let errors = 0;
    for (const idx of order) {
      step++;
      const ex = data[idx];
      let s = 0;
      for (const f of ex.features) s += w.get(f) ?? 0;
      const guess = s > 0;
      if (guess !== ex.label) {
        errors++;
        const d = ex.label ? 1 : -1;
        for (const f of ex.features) update(f, d);
      }
    }
    log(`epoch ${e + 1}: ${errors} errors of ${data.length}`);
  }
  const out: Record<string, number> = {};
  for (const [f, cur] of w) {
    const t = (total.get(f) ?? 0) + cur * (step - (stamp.get(f) ?? 0));
    const avg = t / step;
    if (Math.abs(avg) >= MIN_WEIGHT) out[f] = Math.round(avg * 10) / 10;
  }
  return out;
}
