/**
 * Attribution cues: which words head an attribution ("said", "according to", "told", "argued",
 * a colon after a name). A linear model (averaged perceptron) over the word and its neighbourhood
 * decides; it is trained on PolNeAR's training part by scripts/train-quotes.mjs (with `train.ts` in
 * this folder), and its weights ship as models/quotes/cue-weights.tsv, read on first use. Without
 * weights a small lexicon of speech verbs stands in.
 *
 * @module
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { QUOTE_MARK, type QToken, type Tokenised } from './tokens.js';

/** The shipped weights: `feature<TAB>weight` lines after `#` comment lines. */
export const CUE_MODEL_FILE = fileURLToPath(new URL('../../../models/quotes/cue-weights.tsv', import.meta.url));

/** Tokens that can head a cue: words, a colon, a dash that introduces a source. */
export function isCandidate(t: QToken): boolean {
  return /^[\p{L}]/u.test(t.text) || t.text === ':' || t.text === '―' || t.text === '—';
}

/** Verbs of saying: the words after them are the subject's own. */
export const SPEECH =
  /^(?:said|says|say|told|tells|according|added|adds|adding|wrote|writes|noted|notes|noting|stated|explained|argued|argues|insisted|claimed|declared|announced|warned|stressed|emphasi[sz]ed|recalled|replied|responded|tweeted|asked|saying|telling|acknowledged|reported|reports|suggested|confirmed|denied|urged|concluded|continued)$/;

function shape(w: string): string {
  return w.replace(/\p{Lu}+/gu, 'X').replace(/\p{Ll}+/gu, 'x').replace(/\d+/g, 'd').slice(0, 5);
}

/** A crude lemma: "says", "saying", "said" stay apart but "argues"/"argued"/"arguing" meet. */
const lemma = (w: string) => w.replace(/(?:ing|ed|es|s)$/, '').replace(/e$/, '');

const bucket = (n: number) => (n < 3 ? String(n) : n < 6 ? '3-5' : n < 12 ? '6-11' : '12+');

/** The features of token `i`, as strings (the model's keys). */
export function cueFeatures(tk: Tokenised, i: number, sentHasQuote: boolean): string[] {
  const { tokens, sentences } = tk;
  const t = tokens[i];
  const sent = sentences[t.sentence];
  const w = t.lower;
  const at = (k: number) => (k >= sent.first && k < sent.last ? tokens[k].lower : k < sent.first ? '<s>' : '</s>');
  const p1 = at(i - 1), p2 = at(i - 2), n1 = at(i + 1), n2 = at(i + 2);
  const f = [
    'b', `w=${w}`, `s3=${w.slice(-3)}`, `s2=${w.slice(-2)}`, `sh=${shape(t.text)}`,
    `p1=${p1}`, `p2=${p2}`, `n1=${n1}`, `n2=${n2}`, `p1w=${p1}|${w}`, `wn1=${w}|${n1}`, `wn2=${w}|${n2}`,
    `p1sh=${shape(tokens[i - 1]?.text ?? '')}`, `n1sh=${shape(tokens[i + 1]?.text ?? '')}`,
    `pos=${bucket(i - sent.first)}`, `rest=${bucket(sent.last - i - 1)}`, `q=${sentHasQuote}`,
  ];
  if (SPEECH.test(w)) f.push('speech');
  for (let k = i + 1; k < Math.min(sent.last, i + 6); k++) if (tokens[k].lower === 'that') { f.push(`that@${k - i}`, `w+that=${w}`); break; }
  for (let k = i + 1; k < Math.min(sent.last, i + 4); k++) if (/["“«„]/.test(tokens[k].text)) { f.push(`openq@${k - i}`, `w+openq=${w}`); break; }
  for (let k = i - 1; k >= Math.max(sent.first, i - 6); k--) if (/[”"»]/.test(tokens[k].text)) { f.push(`closeq@${i - k}`, `w+closeq=${w}`); break; }
  if (p1 === ',' || p2 === ',') f.push(`commaBefore=${p1 === ','}`, `w+commaBefore=${w}`);
  if (n1 === '.' || n1 === '</s>') f.push('endsSentence', `w+end=${w}`);
  if (/^\p{Lu}/u.test(tokens[i - 1]?.text ?? '')) f.push('capBefore', `w+capBefore=${w}`);
  if (/^(?:he|she|they|i|we)$/.test(p1)) f.push('pronBefore', `w+pronBefore=${w}`);
  if (QUOTE_MARK.test(tokens[i + 1]?.text ?? '')) f.push('quoteAfter');
  f.push(`lem=${lemma(w)}`, `p1|lem=${p1}|${lemma(w)}`);
  for (let k = Math.max(sent.first, i - 3); k < i; k++) f.push(`L:${tokens[k].lower}`);
  for (let k = i + 1; k < Math.min(sent.last, i + 4); k++) f.push(`R:${tokens[k].lower}`);
  // Inside a quotation: an opening mark before it in the sentence that is not closed yet.
  let open = false;
  for (let k = sent.first; k < i; k++) {
    const x = tokens[k].text;
    if (/[“«„]/.test(x)) open = true;
    else if (/[”»]/.test(x)) open = false;
    else if (x === '"') open = !open;
  }
  if (open) f.push('insideQuote', `w+inside=${w}`);
  // Another speech verb in the sentence competes for the attribution.
  for (let k = sent.first; k < sent.last; k++) if (k !== i && SPEECH.test(tokens[k].lower)) { f.push(k < i ? 'speechBefore' : 'speechAfter'); break; }
  let cap = 0;
  for (let k = i - 1; k >= sent.first && /^\p{Lu}/u.test(tokens[k].text); k--) cap++;
  f.push(`capRun=${Math.min(cap, 3)}`, `w+capRun=${w}|${Math.min(cap, 2)}`);
  if (/^(?:the|a|an|his|her|their|its|him|them|me|us|reporters|journalists)$/.test(n1)) f.push('objectAfter', `w+objectAfter=${w}`);
  return f;
}

/** A trained cue model: feature weights and the score above which a token heads a cue. */
export interface CueModel {
  weights: Record<string, number>;
  threshold: number;
}

/**
 * Each model's weights as a Map, made on first use. The features are strings built per token;
 * looked up as keys of the weights object (tens of thousands of keys), each one is first searched
 * in V8's string table, which cost more than building them. A model's weights are read once:
 * models are not changed after they are made.
 */
const tables = new WeakMap<CueModel, Map<string, number>>();

function tableOf(model: CueModel): Map<string, number> {
  let table = tables.get(model);
  if (!table) tables.set(model, (table = new Map(Object.entries(model.weights))));
  return table;
}

let shipped: CueModel | null | undefined;

/**
 * The shipped model ({@link CUE_MODEL_FILE}), read once on first use; null, with a note, when the
 * file is missing (the speech-verb lexicon stands in).
 */
export function defaultCueModel(): CueModel | null {
  if (shipped !== undefined) return shipped;
  if (!existsSync(CUE_MODEL_FILE)) {
    process.stderr.write(`parallax: no attribution-cue weights at ${CUE_MODEL_FILE}; using a list of speech verbs (train them with scripts/train-quotes.mjs)\n`);
    return (shipped = null);
  }
  const table = new Map<string, number>();
  for (const line of readFileSync(CUE_MODEL_FILE, 'utf8').split('\n')) {
    const tab = line.indexOf('\t');
    if (tab > 0 && line[0] !== '#') table.set(line.slice(0, tab), Number(line.slice(tab + 1)));
  }
  // The perceptron's bias is a feature ('b'), so its decision is a sum above zero. Scoring reads
  // the Map; the weights as an object are made only if asked for.
  let weights: Record<string, number> | undefined;
  shipped = { threshold: 0, get weights() { return (weights ??= Object.fromEntries(table)); } };
  tables.set(shipped, table);
  return shipped;
}

export function scoreToken(model: CueModel, features: string[]): number {
  const table = tableOf(model);
  let s = 0;
  for (const f of features) s += table.get(f) ?? 0;
  return s;
}

/** Indices of the tokens that head an attribution cue. */
export function findCues(tk: Tokenised, model: CueModel | null): number[] {
  const out: number[] = [];
  const hasQuote = tk.sentences.map((s) => QUOTE_MARK.test(tk.text.slice(s.start, s.end)));
  for (let i = 0; i < tk.tokens.length; i++) {
    const t = tk.tokens[i];
    if (!isCandidate(t)) continue;
    if (!model) {
      if (SPEECH.test(t.lower) && (t.lower !== 'according' || tk.tokens[i + 1]?.lower === 'to')) out.push(i);
      continue;
    }
    if (scoreToken(model, cueFeatures(tk, i, hasQuote[t.sentence])) > model.threshold) out.push(i);
  }
  return out;
}
