import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CueScorer } from '../../src/enrich/quotes/cue-score.js';
import { cueFeatures, defaultCueModel, lemmaEnd, scoreToken, type CueModel } from '../../src/enrich/quotes/cues.js';
import { QUOTE_MARK, tokenise } from '../../src/enrich/quotes/tokens.js';

// Invented texts with what the features look at: verbs of saying before and after, "that",
// quotation marks of several kinds (open, closed, straight, unbalanced), commas, pronouns, runs of
// capitals, digits, words in other scripts and characters outside the BMP.
const TEXTS = [
  'Mayor Anna Velt said on Tuesday that the bridge would reopen. "We are ready," she told reporters, adding that 12 crews were at work.',
  '“The plan is sound,” the minister argued, “and it will pass.” According to the ministry, 3,400 homes lost power; officials denied it.',
  'Er sagte: „Wir warten.“ Le porte-parole a déclaré « non ». Ο ΥΠΟΥΡΓΟΣ είπε ότι 𝐀𝐁 and 😀 were tweeted by NASA-X2 on 2026-01-02.',
  'KYIV — Officials warned. He insisted the "deal" was off, while they said nothing, noting the "open quote never closed',
  'I said it. We said so! Reporters asked, journalists replied: yes. Him, them, us, me — the announcement stressed sings, sees, eds, bing, s.',
];

const hasQuoteOf = (text: string) => {
  const tk = tokenise(text);
  return { tk, hasQuote: tk.sentences.map((s) => QUOTE_MARK.test(text.slice(s.start, s.end))) };
};

test('the hashed cue score is the sum of the weights of the spelled-out features, for every token', () => {
  // A model that weighs every feature these texts give, each differently, so that any feature the
  // hashed path spells otherwise, misses or adds shows in the sum.
  const weights: Record<string, number> = {};
  let x = 1;
  for (const text of TEXTS) {
    const { tk, hasQuote } = hasQuoteOf(text);
    for (let i = 0; i < tk.tokens.length; i++) for (const f of cueFeatures(tk, i, hasQuote[tk.tokens[i].sentence])) weights[f] ??= ((x = (x * 48271) % 2147483647) / 2147483647) * 4 - 2;
  }
  const models: CueModel[] = [{ weights, threshold: 0 }, defaultCueModel()!];
  for (const model of models) {
    for (const text of TEXTS) {
      const { tk, hasQuote } = hasQuoteOf(text);
      const scorer = new CueScorer(tk, model);
      for (let i = 0; i < tk.tokens.length; i++) {
        const expected = scoreToken(model, cueFeatures(tk, i, hasQuote[tk.tokens[i].sentence]));
        assert.equal(scorer.score(i), expected, `token ${i} "${tk.tokens[i].text}" of "${text.slice(0, 30)}…"`);
      }
    }
  }
});

test('hashed weights find exactly the features they were given', () => {
  // Through a one-feature model: the score of a token is the weight of its features only.
  const only = (feature: string, value: number): CueModel => ({ weights: { [feature]: value }, threshold: 0 });
  const { tk } = hasQuoteOf('They said it.');
  assert.equal(new CueScorer(tk, only('w=said', 2)).score(1), 2);
  assert.equal(new CueScorer(tk, only('w=sai', 2)).score(1), 0);
  assert.equal(new CueScorer(tk, only('w=saidx', 2)).score(1), 0);
  assert.equal(new CueScorer(tk, only('p1w=they|said', -1)).score(1), -1);
});

test('lemmaEnd cuts where the lemma ends', () => {
  const lemma = (w: string) => w.replace(/(?:ing|ed|es|s)$/, '').replace(/e$/, '');
  for (const w of ['said', 'says', 'saying', 'argued', 'argues', 'sees', 'sings', 'eds', 'ing', 's', 'e', '', 'bee', 'notes', 'ses'])
    assert.equal(w.slice(0, lemmaEnd(w)), lemma(w), w);
});

test('[quotes/cue-score] the shipped table keeps each feature\'s hashes, the very ones the scorer makes', async () => {
  const { readFileSync } = await import('node:fs');
  const { CUE_MODEL_FILE, CUE_TABLE_FILE, decodeCueTable } = await import('../../src/enrich/quotes/cues.js');
  const { HashedWeights } = await import('../../src/enrich/quotes/cue-score.js');
  const { FeatureHash } = await import('../../src/enrich/quotes/feature-hash.js');
  const table = decodeCueTable(readFileSync(CUE_TABLE_FILE), readFileSync(CUE_MODEL_FILE));
  assert.ok(table, 'the table is the TSV\'s (rebuild it with scripts/build-cue-table.mjs)');
  const pairs = table.pairHashes();
  assert.ok(pairs, 'written with the hash that runs');
  const entries = [...table.entries()];
  const h = new FeatureHash();
  entries.forEach(([feature], i) => {
    h.start(feature);
    if (h.h1 !== pairs.h1[i] || h.h2 !== pairs.h2[i]) assert.fail(`feature ${i} "${feature}": hashes differ`);
  });
  // Built from the kept pairs or from the strings, the weights found are the same, for every feature and for one never seen.
  const fromPairs = HashedWeights.ofPairs(pairs.h1, pairs.h2, pairs.values);
  const fromStrings = HashedWeights.of(entries);
  for (const [feature, weight] of [...entries, ['w=never-seen-anywhere', 0] as [string, number]]) {
    h.start(feature);
    fromPairs.sum = 0;
    fromStrings.sum = 0;
    fromPairs.add(h);
    fromStrings.add(h);
    if (fromPairs.sum !== weight || fromStrings.sum !== weight) assert.fail(`"${feature}": ${fromPairs.sum} / ${fromStrings.sum}, not ${weight}`);
  }
});
