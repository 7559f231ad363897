/**
 * The first view of a story analyses it: on a big story that holds the CPU for seconds. The server
 * runs analyses on threads, so that other pages are answered meanwhile, and bounds them: beyond
 * the queue an API request is answered 503 with Retry-After rather than queued without limit, and
 * a reader's story page that cannot have its analysis at once lists the story's articles, says the
 * comparison is on its way and reloads.
 *
 * Real parts: a SQLite file holding invented stories, a real server on 127.0.0.1 whose threads
 * open the same file. The store handed to the server is the real one, watched only to know when
 * the big story's analysis has been asked for.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '../../src/present/web/server.js';
import { openSqliteStore } from '../../src/store/sqlite.js';
import type { Store } from '../../src/store/types.js';
import { fixtureStore, toArticle } from './fixture.js';

const here = '[web/analysis-off-path] ';

const people = ['Maria Lindqvist', 'Tomas Okafor', 'Priya Raman', 'Henrik Vos', 'Aiko Tanaka', 'Samuel Brandt'];
const places = ['Rotterdam', 'Gdansk', 'Valencia', 'Aarhus', 'Porto', 'Tallinn'];

/** An invented report of `sentences` sentences, with quotations, names, places and figures. */
function report(sentences: number, seed: number): string {
  const out: string[] = [];
  for (let i = 0; i < sentences; i++) {
    const p = people[(seed + i) % people.length];
    const q = places[(seed * 3 + i) % places.length];
    out.push(
      i % 3 === 0
        ? `"The harbour levy will rise by ${i + seed} percent next spring," said ${p}, a spokesperson for the port authority in ${q}.`
        : i % 3 === 1
          ? `${p} told reporters in ${q} on Tuesday that shipping firms had warned of delays on ${100 + i * seed} container routes.`
          : `Officials in ${q} put the cost of the new dock at ${i * 7 + seed} million euros, according to documents seen by the paper.`,
    );
  }
  return out.join(' ');
}

/** Adds a story of `count` invented articles, none analysed yet. */
async function addStory(store: Store, id: string, count: number, sentences: number): Promise<void> {
  const articles = Array.from({ length: count }, (_, i) =>
    toArticle({
      id: `${id}-${i}`,
      source: `Outlet ${i % 20}`,
      url: `https://outlet${i % 20}.example/${id}/${i}`,
      title: `Port levy row deepens in ${places[i % places.length]} (${id} ${i})`,
      byline: null,
      published: `2025-03-${String(1 + (i % 28)).padStart(2, '0')}`,
      language: 'en',
      text: report(sentences, i + id.length),
    }),
  );
  await store.upsertArticles(articles);
  await store.assignStories(articles.map((a) => [a.id, id] as [string, string]));
}

/** The real store, and a promise per story kept when its analysis is first asked for. */
function watched(store: Store): { store: Store; asked(id: string): Promise<void> } {
  const waiting = new Map<string, { promise: Promise<void>; resolve(): void }>();
  const entry = (id: string) => {
    let e = waiting.get(id);
    if (!e) {
      let resolve!: () => void;
      const promise = new Promise<void>((r) => (resolve = r));
      e = { promise, resolve };
      waiting.set(id, e);
    }
    return e;
  };
  const proxy = new Proxy(store, {
    get(target, prop) {
      const v = Reflect.get(target, prop, target) as unknown;
      if (prop === 'getAnalysis') {
        return (id: string) => {
          entry(id).resolve();
          return target.getAnalysis(id);
        };
      }
      return typeof v === 'function' ? v.bind(target) : v;
    },
  });
  return { store: proxy, asked: (id) => entry(id).promise };
}

const newDb = () => join(mkdtempSync(join(tmpdir(), 'parallax-offpath-')), 'web.db');

test(here + 'while a big story is analysed, a cached story page and the story list are answered first', { timeout: 180_000 }, async () => {
  const path = newDb();
  const real = await fixtureStore(path);
  await addStory(real, 'big', 40, 10);
  const { store, asked } = watched(real);
  const server = await startServer({ store, port: 0 });
  try {
    const order: string[] = [];
    const big = fetch(`${server.url}/api/stories/big`).then(async (r) => {
      order.push('big');
      return { status: r.status, body: await r.text() };
    });
    // The big story's analysis has been asked for: from here on, it is under way.
    await asked('big');
    const cached = await fetch(`${server.url}/story/grain-talks`);
    order.push('cached story');
    assert.equal(cached.status, 200);
    assert.match(await cached.text(), /<html/i);
    const list = await fetch(`${server.url}/api/stories?limit=1`);
    order.push('story list');
    assert.equal(list.status, 200);
    assert.equal(((await list.json()) as { items: unknown[] }).items.length, 1);
    const done = await big;
    assert.deepEqual(order, ['cached story', 'story list', 'big']);
    assert.equal(done.status, 200);
    assert.match(done.body, /Port levy row deepens/);
    // The analysis made on the thread was cached in the store, as an inline one would be.
    assert.equal((await real.getAnalysis('big'))?.articles.length, 40);
  } finally {
    await server.close();
    await real.close();
  }
});

test(here + 'beyond the queue, distinct unanalysed stories are answered 503 with Retry-After by the API and with their articles on the page; nothing else fails', { timeout: 180_000 }, async () => {
  const path = newDb();
  const real = await fixtureStore(path);
  await addStory(real, 'big', 40, 10);
  const small = Array.from({ length: 8 }, (_, i) => `small-${i}`);
  for (const id of small) await addStory(real, id, 3, 3);
  const { store, asked } = watched(real);
  // One analysis at a time, two waiting.
  const server = await startServer({ store, port: 0, analysis: { threads: 1, queue: 2 } });
  try {
    const big = fetch(`${server.url}/api/stories/big`);
    await asked('big');
    const asks = small.map(async (id) => {
      const path = `/api/stories/${id}`;
      const r = await fetch(server.url + path);
      return { id, path, status: r.status, retryAfter: r.headers.get('retry-after'), type: r.headers.get('content-type') ?? '', body: await r.text() };
    });
    // The first refusal comes back while the big story still holds the thread and the queue is
    // full: a reader asking for that story's page meanwhile gets its articles, not an error.
    const firstRefused = await Promise.any(asks.map((p) => p.then((r) => (r.status === 503 ? r : Promise.reject(new Error('taken'))))));
    const page = await fetch(`${server.url}/story/${firstRefused.id}`);
    const flood = await Promise.all(asks);
    // Other pages are answered meanwhile.
    const list = await fetch(`${server.url}/api/stories?limit=1`);
    assert.equal(list.status, 200);
    const cached = await fetch(`${server.url}/api/stories/grain-talks`);
    assert.equal(cached.status, 200);

    const statuses = flood.map((r) => r.status);
    assert.ok(statuses.every((s) => s === 200 || s === 503), `statuses: ${statuses.join(' ')}`);
    const refused = flood.filter((r) => r.status === 503);
    assert.ok(refused.length >= 1, `statuses: ${statuses.join(' ')}`);
    // No more than the queue's two were taken while the big one ran.
    assert.ok(flood.filter((r) => r.status === 200).length <= 2, `statuses: ${statuses.join(' ')}`);
    for (const r of refused) {
      assert.match(r.retryAfter ?? '', /^[1-9]\d*$/, r.path);
      assert.match(r.type, /application\/json/);
      const body = JSON.parse(r.body) as { status: number; message: string };
      assert.equal(body.status, 503);
      assert.match(body.message, /busy/);
      assert.doesNotMatch(body.message, /\n/);
    }
    const id = firstRefused.id;
    assert.equal(page.status, 200);
    assert.equal(page.headers.get('parallax-analysis'), 'pending');
    assert.equal(page.headers.get('cache-control'), 'no-store');
    const html = await page.text();
    assert.match(html, /<meta http-equiv="refresh" content="\d+">/);
    assert.match(html, /busy comparing other stories/);
    for (let i = 0; i < 3; i++) assert.ok(html.includes(`href="/article/${id}-${i}"`), `article ${i} listed`);
    assert.equal((await big).status, 200);
    // Once the queue has room again, the refused stories are answered, the page with its comparison.
    for (const r of refused) assert.equal((await fetch(server.url + r.path)).status, 200, r.path);
    const full = await fetch(`${server.url}/story/${id}`);
    assert.equal(full.status, 200);
    assert.equal(full.headers.get('parallax-analysis'), null);
    assert.doesNotMatch(await full.text(), /http-equiv="refresh"/);
  } finally {
    await server.close();
    await real.close();
  }
});

test(here + 'the same story asked for many times at once is one job, not a full queue', { timeout: 120_000 }, async () => {
  const path = newDb();
  const real = await fixtureStore(path);
  await addStory(real, 'shared', 4, 4);
  // Room for one analysis, none waiting: every request but the first joins its job.
  const server = await startServer({ store: real, port: 0, analysis: { threads: 1, queue: 0 } });
  try {
    const answers = await Promise.all(Array.from({ length: 6 }, (_, i) => fetch(`${server.url}${i % 2 ? '/api/stories/shared' : '/story/shared'}`)));
    assert.deepEqual(
      answers.map((r) => r.status),
      answers.map(() => 200),
    );
  } finally {
    await server.close();
    await real.close();
  }
});

test(here + 'a story page whose analysis takes long answers at once with the articles, and with the comparison once it is made', { timeout: 180_000 }, async () => {
  const path = newDb();
  const real = await fixtureStore(path);
  await addStory(real, 'slow', 60, 12);
  // A server that gives a page no more than a moment, as a busy one does.
  const server = await startServer({ store: real, port: 0, pagePatienceMs: { idle: 50, busy: 50 } });
  try {
    const first = await fetch(`${server.url}/story/slow`);
    assert.equal(first.status, 200);
    assert.equal(first.headers.get('parallax-analysis'), 'pending');
    const html = await first.text();
    assert.match(html, /comparing how the outlets tell this story/);
    assert.match(html, /60 articles from 20 outlets/);
    // The analysis went on without the reader: the stored comparison appears.
    let analysed = null;
    for (let i = 0; i < 600 && !analysed; i++) {
      analysed = await real.getAnalysis('slow');
      if (!analysed) await new Promise((r) => setTimeout(r, 100));
    }
    assert.equal(analysed?.articles.length, 60);
    const again = await fetch(`${server.url}/story/slow`);
    assert.equal(again.headers.get('parallax-analysis'), null);
    assert.match(await again.text(), /Port levy row deepens/);
    assert.equal((await fetch(`${server.url}/story/no-such-story`)).status, 404);
  } finally {
    await server.close();
    await real.close();
  }
});

test(here + 'an analysis over its time budget is stopped and answered 503; the server goes on', { timeout: 120_000 }, async () => {
  const path = newDb();
  const real = await fixtureStore(path);
  await addStory(real, 'long', 20, 10);
  const server = await startServer({ store: real, port: 0, analysis: { budgetMs: 1 } });
  try {
    const r = await fetch(`${server.url}/api/stories/long`);
    assert.equal(r.status, 503);
    assert.match(r.headers.get('retry-after') ?? '', /^[1-9]\d*$/);
    assert.match(((await r.json()) as { message: string }).message, /took over .* and was stopped/);
    assert.equal((await fetch(`${server.url}/story/grain-talks`)).status, 200);
  } finally {
    await server.close();
    await real.close();
  }
});

test(here + 'an in-memory store has no file for threads to open: its analyses run inline', { timeout: 120_000 }, async () => {
  const store = await openSqliteStore(':memory:');
  await addStory(store, 'memory', 3, 3);
  const server = await startServer({ store, port: 0 });
  try {
    const r = await fetch(`${server.url}/api/stories/memory`);
    assert.equal(r.status, 200);
    assert.equal(((await r.json()) as { articles: unknown[] }).articles.length, 3);
  } finally {
    await server.close();
    await store.close();
  }
});
