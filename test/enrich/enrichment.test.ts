import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openStore } from '../../src/store/index.js';
import { collectInputs, ingestItems, storyAnalysis } from '../../src/pipeline/index.js';
import { analyseStory } from '../../src/analyse/index.js';
import { enrichText, ensureEnriched, entitySpansOf, storedEnrichment } from '../../src/enrich/index.js';
import { recogniseEntities } from '../../src/enrich/ner/index.js';
import type { Article } from '../../src/types.js';

const here = '[enrich] ';
const fixtures = fileURLToPath(new URL('../fixtures/story/', import.meta.url));
const TEXT = 'NATO Secretary General Mark Rutte said on Tuesday that "the alliance stands with Ukraine," adding that aid would come first. Rutte spoke in Brussels.';

test(here + 'an enrichment gives back the entity spans and quotations of its text', () => {
  const e = enrichText(TEXT);
  assert.deepEqual(entitySpansOf(e, TEXT), recogniseEntities(TEXT));
  assert.ok(e.quotes.some((q) => q.direct && q.text.includes('the alliance stands with Ukraine')));
  // JSON round trip, as the store keeps it.
  assert.deepEqual(JSON.parse(JSON.stringify(e)), e);
});

test(here + 'a stored enrichment is used only for the text it was made from', () => {
  const a = { id: 'x', text: TEXT } as Article;
  assert.equal(storedEnrichment(a), null);
  assert.equal(ensureEnriched([a]).length, 1);
  assert.ok(storedEnrichment(a));
  assert.equal(ensureEnriched([a]).length, 0, 'already enriched');
  a.text = TEXT + ' More aid was promised.';
  assert.equal(storedEnrichment(a), null, 'the text changed');
  a.text = TEXT;
  a.enrichment = { ...a.enrichment!, version: 'made-by-other-code' };
  assert.equal(storedEnrichment(a), null, 'another version of the code made it');
});

test(here + "articles are enriched once, as they are stored, and a story's analysis is the same with the stored enrichment as without", async () => {
  const db = join(mkdtempSync(join(tmpdir(), 'parallax-enrich-')), 'e.db');
  const store = await openStore(db);
  try {
    await ingestItems(store, collectInputs([join(fixtures, 'harbour-daily.txt'), join(fixtures, 'coastal-wire.txt')]));
    const articles = await store.listArticles();
    assert.ok(articles.length && articles.every((a) => storedEnrichment(a)), 'ingest enriches');
    const storyId = (await store.storyOf(articles[0].id))!;
    const first = await storyAnalysis(store, storyId);
    const stored = await store.listArticles({ story: storyId });
    assert.ok(stored.length && stored.every((a) => storedEnrichment(a)), 'every article of the story is enriched in the store');
    // Computed from scratch (no enrichment given) the analysis is the same.
    const fresh = analyseStory(stored.map(({ enrichment, ...a }) => a as Article), { id: storyId });
    assert.deepEqual({ ...fresh, version: first!.version }, JSON.parse(JSON.stringify(first)));
    // And the stored enrichment is what the analysis reads: emptied, the story names (almost) nobody and quotes nobody.
    const emptied = stored.map((a) => ({ ...a, enrichment: { ...a.enrichment!, entities: [], quotes: [] } }));
    const blind = analyseStory(emptied, { id: storyId });
    assert.ok(first!.entities.length > 0 && first!.quotes.length > 0);
    assert.ok(blind.entities.length < first!.entities.length, `${blind.entities.length} of ${first!.entities.length}`);
    assert.equal(blind.quotes.length, 0);
  } finally {
    await store.close();
  }
});
