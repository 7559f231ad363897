#!/usr/bin/env node
// Entities on the seed story (../shared/corpus/seed-story): recognises entities in each report's
// body, resolves them across the story with resolveEntities, and scores the story JSON with
// story-score.mjs (its `entities:` line; bar 0.95). The reports carry page chrome that the
// pipeline removes; this check stands in for that by keeping the body between the annotation's
// body_first and body_last phrases (and taking its dateline, which the extractor finds) — here
// only, never in the recogniser or the resolver.
// Usage: node --import tsx scripts/eval-entities-seed.mjs [--explain] [--print]
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { tmpFile } from './lib-eval.mjs';

const root = new URL('..', import.meta.url).pathname;
const dir = join(root, '..', 'shared', 'corpus', 'seed-story');
const goldFile = join(dir, 'gold.json');
if (!existsSync(goldFile)) { console.log(`no ${goldFile}: skipped`); process.exit(0); }
const { recogniseEntities } = await import('../src/enrich/ner/index.ts');
const { resolveEntities } = await import('../src/analyse/entities.ts');

const gold = JSON.parse(readFileSync(goldFile, 'utf8'));
const fold = (s) => s.replace(/[“”„«»]/g, '"').replace(/[‘’‚]/g, "'").replace(/[–—]/g, '-').toLowerCase();
const articles = [];
for (const f of readdirSync(dir).filter((f) => f.endsWith('.txt')).sort()) {
  const id = f.replace(/\.txt$/, '');
  const raw = readFileSync(join(dir, f), 'utf8');
  const g = gold.articles[id];
  // Same length after folding, so offsets found in the folded text hold in the raw one.
  const from = fold(raw).indexOf(fold(g.body_first));
  const last = fold(raw).indexOf(fold(g.body_last), Math.max(0, from));
  const text = from >= 0 && last >= 0 ? raw.slice(from, last + g.body_last.length) : raw;
  articles.push({ id, source: null, url: null, title: null, kicker: null, dek: null, byline: null, published: null, dateline: g.dateline ?? null, language: 'en', blocks: [], text, contentHash: '', provenance: {}, removed: [], messages: [], raw: { kind: 'text', origin: f, content: raw } });
}
const spans = new Map(articles.map((a) => [a.id, recogniseEntities(a.text)]));
const entities = resolveEntities(articles, spans);
if (process.argv.includes('--print')) for (const e of entities) console.log(`${e.kind.padEnd(12)} ${e.name}: ${[...new Set(e.mentions.map((m) => m.text))].join(' | ')}`);
const story = tmpFile('story.json', JSON.stringify({ articles: articles.map((a) => ({ id: a.id, text: a.text })), entities }));
const args = [join(root, '..', 'shared', 'tools', 'story-score.mjs'), goldFile, story];
if (process.argv.includes('--explain')) args.push('--explain');
const r = spawnSync(process.execPath, args, { encoding: 'utf8' });
process.stderr.write(r.stdout);
const score = /^entities: ([\d.]+)/m.exec(r.stdout)?.[1] ?? 'NaN';
console.log(`entities_seed_story\t${score}`);
