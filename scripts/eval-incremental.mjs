#!/usr/bin/env node
// Incremental grouping against a regroup from scratch, on ../shared/eval/stories/*.jsonl.
// The stored grouping feeds the clusterer in steps (src/cluster/stored.ts): a live collection
// gets one step per new article (`POST /api/articles`, a feed round), while `parallax regroup`
// feeds the whole collection as one step. Each set's records are ingested into a real SQLite
// store one at a time, in publication order, each followed by a grouping step, and the stories
// compared with those of `regroup` on the same store. Records with no body text (the headline
// set) are not articles the store takes; for them the stage's own step feeder runs in memory on
// the records (the store replays the same steps, as the tests check). The figure is the BCubed
// F1 of the incremental stories scored against the regrouped ones (bar ≥ 0.99). Beside it: a
// crawl far out of publication order (a fixed shuffle, 50 articles a step), and each grouping
// scored against the sets' true stories, which the grouping never reads.
//   node --import tsx scripts/eval-incremental.mjs [SET…]
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { requireShared } from './lib-eval.mjs';
import { createClusterer } from '../src/cluster/index.ts';
import { StepFeeder } from '../src/cluster/stored.ts';
import { openSqliteStore } from '../src/store/sqlite.ts';
import { extractItem, groupPending, regroup } from '../src/pipeline/index.ts';
import { fromRecord } from '../src/ingest/files.ts';

const dir = requireShared('eval', 'stories');
const sets = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const names = sets.length ? sets : ['basil-dev', 'ecbplus-dev', 'mcms-dev', 'uci-headlines-dev'];

/** BCubed F1 of `pred` scored against `ref` (both id → cluster). */
function bcubed(ref, pred) {
  const members = (m) => { const by = new Map(); for (const [id, c] of m) by.set(c, [...(by.get(c) ?? []), id]); return by; };
  const refBy = members(ref), predBy = members(pred);
  let p = 0, r = 0;
  for (const [id] of ref) {
    const a = new Set(refBy.get(ref.get(id))), b = predBy.get(pred.get(id));
    const both = b.filter((x) => a.has(x)).length;
    p += both / b.length;
    r += both / a.size;
  }
  p /= ref.size; r /= ref.size;
  return (2 * p * r) / (p + r);
}

/** A fixed shuffle (the same on every run). */
function shuffled(list) {
  const out = [...list];
  let seed = 42;
  for (let i = out.length - 1; i > 0; i--) {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    const j = seed % (i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

// The store's grouping order: dated articles by date, undated last, ties by id.
const byPublication = (a, b) => ((a.published === null) - (b.published === null)) || (a.published ?? '').localeCompare(b.published ?? '') || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** The store path: articles stored `step` at a time, each batch grouped; then a regroup of the same store. */
async function stored(articles, step) {
  const tmp = mkdtempSync(join(tmpdir(), 'parallax-incremental-'));
  const store = await openSqliteStore(join(tmp, 's.db'));
  try {
    const t0 = performance.now();
    for (let i = 0; i < articles.length; i += step) {
      await store.upsertArticles(articles.slice(i, i + step));
      await groupPending(store);
    }
    const ms = (performance.now() - t0) / Math.ceil(articles.length / step);
    const read = async () => new Map(await Promise.all(articles.map(async (a) => [a.id, await store.storyOf(a.id)])));
    const stories = await read();
    await regroup(store);
    return { stories, full: await read(), ms };
  } finally {
    await store.close();
    rmSync(tmp, { recursive: true, force: true });
  }
}

/** The stage's step feeder in memory, on the records themselves. */
function grouped(docs, step) {
  const clusterer = createClusterer();
  const t0 = performance.now();
  for (let i = 0; i < docs.length; i += step) {
    const feeder = new StepFeeder(clusterer);
    for (const d of docs.slice(i, i + step)) feeder.add(d);
    feeder.end();
  }
  return { stories: clusterer.assignments(), ms: (performance.now() - t0) / Math.ceil(docs.length / step) };
}

const rows = [];
for (const name of names) {
  const gold = new Map();
  const docs = readFileSync(join(dir, `${name}.jsonl`), 'utf8').split('\n').filter(Boolean).map((line) => {
    const { story, ...r } = JSON.parse(line);
    gold.set(String(r.id), story);
    return { id: String(r.id), title: r.title ?? null, text: r.text ?? '', published: r.published ?? null, source: r.source ?? null, url: r.url ?? null };
  });
  const articles = docs.map((d, i) => extractItem(fromRecord(d, `${name}:${i + 1}`, null))).filter((r) => 'article' in r).map((r) => r.article);
  let full, live, crawl, ms, path;
  if (articles.length === docs.length) {
    path = 'store';
    const a = await stored([...articles].sort(byPublication), 1);
    ({ full, ms } = a);
    live = a.stories;
    const b = await stored(shuffled(articles), 50);
    crawl = b.stories;
    full = new Map([...full]);
    // The shuffled run is scored against its own store's regroup.
    crawl = { stories: b.stories, full: b.full };
  } else {
    path = 'memory';
    const inOrder = [...docs].sort(byPublication);
    full = grouped(inOrder, inOrder.length).stories;
    const l = grouped(inOrder, 1);
    live = l.stories;
    ms = l.ms;
    crawl = { stories: grouped(shuffled(docs), 50).stories, full };
  }
  const f1 = bcubed(full, live);
  rows.push([name, docs.length, path, f1.toFixed(3), ms.toFixed(1), bcubed(crawl.full, crawl.stories).toFixed(3), bcubed(gold, live).toFixed(3), bcubed(gold, full).toFixed(3)]);
  console.log(`incremental_${name}_bcubed_f1\t${f1.toFixed(3)}`);
}
const head = ['set', 'articles', 'path', 'one a step: F1 vs regroup', 'ms a step', 'shuffled, 50 a step: F1', 'gold F1 one a step', 'gold F1 regroup'];
const width = head.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
console.log('\n' + head.map((h, i) => h.padEnd(width[i])).join('  '));
for (const r of rows) console.log(r.map((c, i) => String(c).padEnd(width[i])).join('  '));
