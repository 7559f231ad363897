#!/usr/bin/env node
// Quotes on the seed story (../shared/corpus/seed-story): each report's body is cut between the
// gold's body_first/body_last phrases (the extract stage's job, not measured here), quotes are
// found, entities resolved, quotes matched across outlets, and {articles, quotes} is scored with
// ../shared/tools/story-score.mjs. Bar: quotes ≥ 0.90. Run with `node --import tsx`; pass
// --explain to list every miss.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const seed = join(root, '..', 'shared', 'corpus', 'seed-story');
if (!existsSync(join(seed, 'gold.json'))) { console.log('no ../shared/corpus/seed-story: skipped'); process.exit(0); }
const { findQuotes } = await import('../src/enrich/quotes/index.ts');
const { recogniseEntities } = await import('../src/enrich/ner/index.ts');
const { resolveEntities } = await import('../src/analyse/entities.ts');
const { matchQuotes } = await import('../src/analyse/quotes.ts');

const gold = JSON.parse(readFileSync(join(seed, 'gold.json'), 'utf8'));
const articles = [];
for (const [id, g] of Object.entries(gold.articles)) {
  const raw = readFileSync(join(seed, `${id}.txt`), 'utf8');
  // Typographic apostrophes and quotes differ between the gold phrases and the pages: fold both
  // (one character for one, so offsets hold).
  const fold = (s) => s.replace(/[‘’]/g, "'").replace(/[“”]/g, '"').replace(/\u00a0/g, ' ');
  const flat = fold(raw);
  const from = flat.indexOf(fold(g.body_first));
  const to = flat.indexOf(fold(g.body_last), Math.max(0, from));
  if (from < 0 || to < 0) { console.error(`${id}: body phrases not found`); process.exitCode = 1; continue; }
  const paragraphs = raw.slice(from, to + g.body_last.length).split(/\n+/).map((p) => p.trim()).filter(Boolean);
  const text = paragraphs.join('\n\n');
  articles.push({
    id, source: g.outlet ?? null, url: null, title: g.title ?? null, kicker: null, dek: g.dek ?? null, byline: null,
    published: g.published ?? null, dateline: null, language: 'en', blocks: paragraphs.map((p) => ({ kind: 'paragraph', text: p })),
    text, contentHash: id, provenance: {}, removed: [], messages: [], raw: { kind: 'text', origin: id, content: raw },
  });
}
const spans = new Map(articles.map((a) => [a.id, recogniseEntities(a.text)]));
const quotesByArticle = new Map(articles.map((a) => [a.id, findQuotes(a.text, spans.get(a.id))]));
const entities = resolveEntities(articles, spans);
const quotes = matchQuotes(articles, quotesByArticle, entities);
const story = { articles: articles.map((a) => ({ id: a.id, source: a.source, url: null, title: a.title, byline: null, published: a.published, dateline: null, language: 'en', text: a.text })), quotes };
const file = join(mkdtempSync(join(tmpdir(), 'parallax-quotes-seed-')), 'story.json');
writeFileSync(file, JSON.stringify(story, null, 1));
if (process.env.QUOTES_DUMP) writeFileSync(process.env.QUOTES_DUMP, JSON.stringify(quotes, null, 1));
const score = spawnSync(process.execPath, [join(root, '..', 'shared', 'tools', 'story-score.mjs'), join(seed, 'gold.json'), file, ...process.argv.slice(2)], { encoding: 'utf8' });
if (score.status !== 0) { console.error(score.stderr); process.exit(1); }
const lines = score.stdout.split('\n');
const at = lines.findIndex((l) => l.startsWith('quotes:'));
let stop = at + 1;
while (stop < lines.length && lines[stop].startsWith('  - ')) stop++;
if (at >= 0) process.stderr.write(lines.slice(at, stop).join('\n') + '\n');
const m = /^quotes: ([\d.]+)/m.exec(score.stdout);
console.log(`seed_quotes\t${m ? m[1] : 'n/a'}`);
