/**
 * The cue model's score of each token, with its features hashed as they are read instead of built
 * as strings. `cueFeatures` (in `cues.ts`) spells out the features, for training and for reading;
 * building some forty strings a token made the quote finder the largest allocator of enrichment
 * (about 7 MB an article of 10 KB, most of it promoted before it died), and scanning each
 * sentence again for every token made it quadratic in a sentence's length. Here the features are
 * the same, in the same order, each one's characters fed to two running hashes and looked up by
 * the pair; what each token is (a verb of saying, a capital, a quotation mark, inside an open
 * quotation) is worked out once per text.
 *
 * The weights are found by a 64-bit key (two independent 32-bit hashes of the feature's text),
 * so a feature the model never saw matches one it has with a chance of about 2⁻⁴⁹: the score is
 * the one the strings give, which a test checks on every feature of invented texts.
 *
 * @module
 */
import { bucket, defaultCueModel, isCandidate, lemmaEnd, SPEECH, weightsOf, type CueModel, type PairHashed } from './cues.js';
import { QUOTE_MARK, type QSentence, type Tokenised } from './tokens.js';
import { FeatureHash } from './feature-hash.js';

// Regular expressions as constants: a literal in a loop makes a new object each time it is reached.
const CAPITAL = /^\p{Lu}/u;
const OPEN_MARK = /["“«„]/;
const CLOSE_MARK = /[”"»]/;
const OPENS = /[“«„]/;
const CLOSES = /[”»]/;
const PRONOUN = /^(?:he|she|they|i|we)$/;
const OBJECT = /^(?:the|a|an|his|her|their|its|him|them|me|us|reporters|journalists)$/;

/** Weights by the two hashes of their feature, in open addressing. */
export class HashedWeights {
  private readonly k1: Int32Array;
  private readonly k2: Int32Array;
  private readonly values: Float64Array;
  private readonly used: Uint8Array;
  private readonly mask: number;

  /** The weights of the features given, each hashed here. */
  static of(entries: Iterable<[string, number]>): HashedWeights {
    const list = [...entries];
    const out = new HashedWeights(list.length);
    const h = new FeatureHash();
    for (const [feature, weight] of list) {
      h.start(feature);
      out.put(h.h1, h.h2, weight);
    }
    return out;
  }

  /** The weights of features already hashed (by a table file that keeps each one's pair). */
  static ofPairs(h1: Int32Array, h2: Int32Array, weights: Float64Array): HashedWeights {
    const out = new HashedWeights(weights.length);
    for (let i = 0; i < weights.length; i++) out.put(h1[i], h2[i], weights[i]);
    return out;
  }

  private constructor(n: number) {
    let size = 16;
    while (size < n * 2) size <<= 1;
    this.k1 = new Int32Array(size);
    this.k2 = new Int32Array(size);
    this.values = new Float64Array(size);
    this.used = new Uint8Array(size);
    this.mask = size - 1;
  }

  private put(h1: number, h2: number, weight: number): void {
    let slot = h1 & this.mask;
    while (this.used[slot] && !(this.k1[slot] === h1 && this.k2[slot] === h2)) slot = (slot + 1) & this.mask;
    this.used[slot] = 1;
    this.k1[slot] = h1;
    this.k2[slot] = h2;
    this.values[slot] = weight;
  }

  /**
   * The running sum of {@link add}. A field, not a returned number: a weight returned by a call
   * that is not inlined is a new heap object each time, a field's number is changed in place.
   */
  sum = 0;

  /** Adds the weight of the feature whose hashes `h` holds to {@link sum} (nothing when the model has none). */
  add(h: FeatureHash): void {
    const { k1, k2, used, mask } = this;
    for (let slot = h.h1 & mask; used[slot]; slot = (slot + 1) & mask) {
      if (k1[slot] === h.h1 && k2[slot] === h.h2) {
        this.sum += this.values[slot];
        return;
      }
    }
  }
}

const hashed = new WeakMap<CueModel, HashedWeights>();
function hashedWeights(model: CueModel): HashedWeights {
  let w = hashed.get(model);
  if (!w) {
    // The shipped table keeps each feature's pair of hashes: 32,000 features are then not hashed
    // again by every process and thread that finds quotes.
    const table = weightsOf(model);
    const pairs = 'pairHashes' in table ? (table as PairHashed).pairHashes() : null;
    w = pairs ? HashedWeights.ofPairs(pairs.h1, pairs.h2, pairs.values) : HashedWeights.of(table.entries());
    hashed.set(model, w);
  }
  return w;
}


/** Scores tokens of one text as cue heads, with what each token is worked out once. */
export class CueScorer {
  private readonly weights: HashedWeights;
  private readonly h = new FeatureHash();
  /** Per token: a verb of saying, starts with a capital, holds an opening / closing / any quotation mark. */
  private readonly speech: Uint8Array;
  private readonly capital: Uint8Array;
  private readonly openMark: Uint8Array;
  private readonly closeMark: Uint8Array;
  private readonly anyMark: Uint8Array;
  /** Per token: inside a quotation opened before it in its sentence; capitals right before it in its sentence. */
  private readonly inside: Uint8Array;
  private readonly capsBefore: Uint16Array;
  /** Per sentence: its first verb of saying (−1: none), and whether it holds a quotation mark. */
  private readonly firstSpeech: Int32Array;
  readonly sentenceHasQuote: boolean[];

  constructor(private readonly tk: Tokenised, model: CueModel) {
    this.weights = hashedWeights(model);
    const { tokens, sentences, text } = tk;
    const n = tokens.length;
    this.speech = new Uint8Array(n);
    this.capital = new Uint8Array(n);
    this.openMark = new Uint8Array(n);
    this.closeMark = new Uint8Array(n);
    this.anyMark = new Uint8Array(n);
    this.inside = new Uint8Array(n);
    this.capsBefore = new Uint16Array(n);
    for (let k = 0; k < n; k++) {
      const t = tokens[k];
      this.speech[k] = SPEECH.test(t.lower) ? 1 : 0;
      this.capital[k] = CAPITAL.test(t.text) ? 1 : 0;
      this.openMark[k] = OPEN_MARK.test(t.text) ? 1 : 0;
      this.closeMark[k] = CLOSE_MARK.test(t.text) ? 1 : 0;
      this.anyMark[k] = QUOTE_MARK.test(t.text) ? 1 : 0;
    }
    this.firstSpeech = new Int32Array(sentences.length).fill(-1);
    this.sentenceHasQuote = sentences.map((s) => QUOTE_MARK.test(text.slice(s.start, s.end)));
    for (let j = 0; j < sentences.length; j++) {
      const s = sentences[j];
      let open = false;
      let caps = 0;
      for (let k = s.first; k < s.last; k++) {
        this.inside[k] = open ? 1 : 0;
        this.capsBefore[k] = Math.min(caps, 0xffff);
        const x = tokens[k].text;
        if (OPENS.test(x)) open = true;
        else if (CLOSES.test(x)) open = false;
        else if (x === '"') open = !open;
        caps = this.capital[k] ? caps + 1 : 0;
        if (this.speech[k] && this.firstSpeech[j] < 0) this.firstSpeech[j] = k;
      }
    }
  }

  /** Token `k` of the sentence `sent` in lower case, or the sentence's edge beyond it. */
  private at(sent: QSentence, k: number): string {
    return k >= sent.first && k < sent.last ? this.tk.tokens[k].lower : k < sent.first ? '<s>' : '</s>';
  }

  /**
   * The model's score of token `i` as the head of a cue: the sum of its features' weights, as
   * `scoreToken(model, cueFeatures(…))` gives it, added in the same order. (No closure over the
   * sum: a captured number is boxed anew at every addition.)
   */
  score(i: number): number {
    const { tk, h, weights } = this;
    const { tokens, sentences } = tk;
    const t = tokens[i];
    const sent = sentences[t.sentence];
    const w = t.lower;
    const p1 = this.at(sent, i - 1), p2 = this.at(sent, i - 2), n1 = this.at(sent, i + 1), n2 = this.at(sent, i + 2);
    weights.sum = 0;
    weights.add(h.start('b'));
    weights.add(h.start('w=').text(w));
    weights.add(h.start('s3=').text(w, Math.max(0, w.length - 3)));
    weights.add(h.start('s2=').text(w, Math.max(0, w.length - 2)));
    weights.add(h.start('sh=').shape(t.text));
    weights.add(h.start('p1=').text(p1));
    weights.add(h.start('p2=').text(p2));
    weights.add(h.start('n1=').text(n1));
    weights.add(h.start('n2=').text(n2));
    weights.add(h.start('p1w=').text(p1).unit(124).text(w));
    weights.add(h.start('wn1=').text(w).unit(124).text(n1));
    weights.add(h.start('wn2=').text(w).unit(124).text(n2));
    weights.add(h.start('p1sh=').shape(tokens[i - 1]?.text ?? ''));
    weights.add(h.start('n1sh=').shape(tokens[i + 1]?.text ?? ''));
    weights.add(h.start('pos=').text(bucket(i - sent.first)));
    weights.add(h.start('rest=').text(bucket(sent.last - i - 1)));
    weights.add(h.start(this.sentenceHasQuote[t.sentence] ? 'q=true' : 'q=false'));
    if (this.speech[i]) weights.add(h.start('speech'));
    for (let k = i + 1; k < Math.min(sent.last, i + 6); k++) {
      if (tokens[k].lower !== 'that') continue;
      weights.add(h.start('that@').int(k - i));
      weights.add(h.start('w+that=').text(w));
      break;
    }
    for (let k = i + 1; k < Math.min(sent.last, i + 4); k++) {
      if (!this.openMark[k]) continue;
      weights.add(h.start('openq@').int(k - i));
      weights.add(h.start('w+openq=').text(w));
      break;
    }
    for (let k = i - 1; k >= Math.max(sent.first, i - 6); k--) {
      if (!this.closeMark[k]) continue;
      weights.add(h.start('closeq@').int(i - k));
      weights.add(h.start('w+closeq=').text(w));
      break;
    }
    if (p1 === ',' || p2 === ',') {
      weights.add(h.start(p1 === ',' ? 'commaBefore=true' : 'commaBefore=false'));
      weights.add(h.start('w+commaBefore=').text(w));
    }
    if (n1 === '.' || n1 === '</s>') {
      weights.add(h.start('endsSentence'));
      weights.add(h.start('w+end=').text(w));
    }
    if (i > 0 && this.capital[i - 1]) {
      weights.add(h.start('capBefore'));
      weights.add(h.start('w+capBefore=').text(w));
    }
    if (PRONOUN.test(p1)) {
      weights.add(h.start('pronBefore'));
      weights.add(h.start('w+pronBefore=').text(w));
    }
    if (i + 1 < tokens.length && this.anyMark[i + 1]) weights.add(h.start('quoteAfter'));
    const lem = lemmaEnd(w);
    weights.add(h.start('lem=').text(w, 0, lem));
    weights.add(h.start('p1|lem=').text(p1).unit(124).text(w, 0, lem));
    for (let k = Math.max(sent.first, i - 3); k < i; k++) weights.add(h.start('L:').text(tokens[k].lower));
    for (let k = i + 1; k < Math.min(sent.last, i + 4); k++) weights.add(h.start('R:').text(tokens[k].lower));
    if (this.inside[i]) {
      weights.add(h.start('insideQuote'));
      weights.add(h.start('w+inside=').text(w));
    }
    let other = this.firstSpeech[t.sentence];
    if (other === i) for (other = i + 1; other < sent.last && !this.speech[other]; other++);
    if (other >= 0 && other < sent.last) weights.add(h.start(other < i ? 'speechBefore' : 'speechAfter'));
    const cap = this.capsBefore[i];
    weights.add(h.start('capRun=').int(Math.min(cap, 3)));
    weights.add(h.start('w+capRun=').text(w).unit(124).int(Math.min(cap, 2)));
    if (OBJECT.test(n1)) {
      weights.add(h.start('objectAfter'));
      weights.add(h.start('w+objectAfter=').text(w));
    }
    return weights.sum;
  }
}

/** Indices of the tokens that head an attribution cue (the model's own decision, without the finder's rules). */
export function findCues(tk: Tokenised, model: CueModel | null = defaultCueModel()): number[] {
  const out: number[] = [];
  const scorer = model ? new CueScorer(tk, model) : null;
  for (let i = 0; i < tk.tokens.length; i++) {
    const t = tk.tokens[i];
    if (!isCandidate(t)) continue;
    const cue = scorer ? scorer.score(i) > model!.threshold : SPEECH.test(t.lower) && (t.lower !== 'according' || tk.tokens[i + 1]?.lower === 'to');
    if (cue) out.push(i);
  }
  return out;
}
