/**
 * Word clusters learned from unlabelled text, for the tagger's features: words that occur in
 * similar contexts ("Brell", "Kessel"; "Kyiv", "Brussels") share a cluster, so a name never
 * seen in the labelled data still borrows the evidence of the names it resembles.
 *
 * The method is the predictive exchange algorithm (Uszkoreit & Brants, 2008): a class bigram model
 * P(w | c(w)) · P(c(w) | previous word), improved word by word by moving each word to the class
 * that raises the likelihood most. One pass costs (distinct bigrams × classes), a few seconds on a
 * couple of million words, where Brown clustering would take hours in this language.
 *
 * @module
 */

/** Options of {@link exchangeClusters}. */
export interface ClusterOptions {
  /** Number of classes. */
  classes: number;
  /** Words rarer than this share one "rare" class and get none of their own. */
  minCount: number;
  /** Passes over the vocabulary. */
  iterations: number;
  /** Called after each pass with the pass number and the share of words that moved. */
  onPass?: (pass: number, moved: number) => void;
}

/** How a word is looked up in the cluster table: digits collapsed, so numbers share classes. */
export const clusterKey = (word: string): string => word.replace(/\d/g, '0');

/**
 * Clusters the words of `sentences` (tokens as written; case is kept, since "Bush" and "bush" are
 * different words for a tagger). Returns word → class for words seen at least `minCount` times.
 */
export function exchangeClusters(sentences: Iterable<string[]>, opts: ClusterOptions): Map<string, number> {
  const { classes: C, minCount } = opts;
  // Vocabulary by frequency; id 0 is the sentence boundary, id 1 every rare word.
  const freq = new Map<string, number>();
  const sents: string[][] = [];
  for (const s of sentences) {
    const keys = s.map(clusterKey);
    sents.push(keys);
    for (const k of keys) freq.set(k, (freq.get(k) ?? 0) + 1);
  }
  const vocab = [...freq].filter(([, n]) => n >= minCount).sort((a, b) => b[1] - a[1]).map(([w]) => w);
  const id = new Map(vocab.map((w, i) => [w, i + 2]));
  const V = vocab.length + 2;

  // Bigram counts grouped by the second word: for each word, its predecessors and counts.
  const pairCounts = new Map<number, number>();
  const count = new Float64Array(V);
  let total = 0;
  for (const s of sents) {
    let prev = 0;
    count[0]++;
    for (const k of [...s, null]) {
      const cur = k === null ? 0 : id.get(k) ?? 1;
      if (k !== null) count[cur]++;
      const key = cur * V + prev;
      pairCounts.set(key, (pairCounts.get(key) ?? 0) + 1);
      prev = cur;
      total++;
    }
  }
  const degree = new Int32Array(V + 1);
  for (const key of pairCounts.keys()) degree[Math.floor(key / V) + 1]++;
  for (let i = 1; i <= V; i++) degree[i] += degree[i - 1];
  const predWord = new Int32Array(pairCounts.size);
  const predCount = new Float64Array(pairCounts.size);
  const fill = degree.slice(0, V);
  for (const [key, n] of pairCounts) {
    const w = Math.floor(key / V);
    const at = fill[w]++;
    predWord[at] = key % V;
    predCount[at] = n;
  }
  pairCounts.clear();

  // x log x, tabulated: every count in the objective is an integer no larger than the total.
  const xlogx = new Float64Array(total + 2);
  for (let x = 2; x < xlogx.length; x++) xlogx[x] = x * Math.log(x);

  // Start: the most frequent words one to a class, the rest in turn.
  const cls = new Int32Array(V);
  for (let w = 0; w < V; w++) cls[w] = w % C;
  const nvc = new Int32Array(V * C); // N(v, c): how often v is followed by a word of class c
  const nc = new Int32Array(C); // N(c): how often a word of class c occurs
  for (let w = 0; w < V; w++) {
    nc[cls[w]] += count[w];
    for (let e = degree[w]; e < degree[w + 1]; e++) nvc[predWord[e] * C + cls[w]] += predCount[e];
  }

  const gain = new Float64Array(C);
  for (let pass = 1; pass <= opts.iterations; pass++) {
    let moved = 0;
    for (let w = 2; w < V; w++) {
      const from = cls[w];
      const n = count[w];
      // Take w out of its class, then score every class as its new home.
      nc[from] -= n;
      for (let e = degree[w]; e < degree[w + 1]; e++) nvc[predWord[e] * C + from] -= predCount[e];
      for (let c = 0; c < C; c++) gain[c] = xlogx[nc[c]] - xlogx[nc[c] + n];
      for (let e = degree[w]; e < degree[w + 1]; e++) {
        const row = predWord[e] * C;
        const k = predCount[e];
        for (let c = 0; c < C; c++) {
          const x = nvc[row + c];
          gain[c] += xlogx[x + k] - xlogx[x];
        }
      }
      let best = from;
      for (let c = 0; c < C; c++) if (gain[c] > gain[best] + 1e-9) best = c;
      if (best !== from) moved++;
      cls[w] = best;
      nc[best] += n;
      for (let e = degree[w]; e < degree[w + 1]; e++) nvc[predWord[e] * C + best] += predCount[e];
    }
    opts.onPass?.(pass, moved / Math.max(1, V - 2));
    if (moved === 0) break;
  }
  return new Map(vocab.map((w, i) => [w, cls[i + 2]]));
}

/**
 * The class of a word, tolerant of case: a headline in capitals ("HARBOUR CHIEF BRELL") or a
 * sentence-initial capital finds the class of the word as usually written.
 */
export function lookupCluster<T>(table: Map<string, T>, word: string): T | undefined {
  const k = clusterKey(word);
  const hit = table.get(k);
  if (hit !== undefined) return hit;
  const title = k.charAt(0) + k.slice(1).toLowerCase();
  return table.get(title) ?? table.get(k.toLowerCase());
}
