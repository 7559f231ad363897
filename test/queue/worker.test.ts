import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { fromRecord, type InputItem } from '../../src/ingest/files.js';
import { connectPostgres, openPostgresStore } from '../../src/store/postgres.js';
import { PgQueue } from '../../src/queue/pg-queue.js';
import { runWorker } from '../../src/queue/worker.js';
import { regroup } from '../../src/pipeline/index.js';
import { freshDatabase, postgresAvailable } from '../support/pg-server.js';
import { bin } from '../cli/helpers.js';

const skip = postgresAvailable() ?? undefined;
const here = '[queue] ';

/** A corpus of `events` events, each told by several outlets in different words. */
function corpus(events: number): InputItem[] {
  const places = ['Oslo', 'Lima', 'Hanoi', 'Accra', 'Quito', 'Perth', 'Tartu', 'Recife', 'Cusco', 'Gdansk', 'Malmo', 'Tromso'];
  const things = ['bridge', 'harbour', 'stadium', 'library', 'railway', 'airport', 'museum', 'hospital', 'tunnel', 'school'];
  const people = ['Ana Silva', 'Jon Berg', 'Mai Tran', 'Kofi Mensah', 'Lena Ots', 'Raul Vega', 'Ewa Nowak', 'Ola Dahl'];
  const items: InputItem[] = [];
  for (let e = 0; e < events; e++) {
    const place = places[e % places.length];
    const thing = things[(e * 7) % things.length];
    const person = people[(e * 3) % people.length];
    const day = String(1 + (e % 27)).padStart(2, '0');
    const outlets = 2 + (e % 4);
    for (let o = 0; o < outlets; o++) {
      const text = [
        `${place} officials opened the new ${thing} on ${['Monday', 'Tuesday', 'Friday'][o % 3]}, mayor ${person} said.`,
        `The ${thing} in ${place} cost ${10 + e} million and took ${2 + (e % 5)} years to build, according to ${person}.`,
        o % 2 ? `Critics in ${place} said the ${thing} was late and over budget.` : `Residents of ${place} welcomed the ${thing} at a ceremony.`,
      ].join('\n\n');
      items.push(fromRecord({ id: `e${e}-o${o}`, source: `Outlet ${o}`, title: `${place} opens new ${thing}`, published: `2025-05-${day}`, text }, `gen:e${e}-o${o}`, null));
    }
  }
  return items;
}

async function enqueueAll(url: string, items: InputItem[]): Promise<void> {
  const sql = await connectPostgres(url, 2);
  const queue = await PgQueue.open(sql);
  await queue.enqueue(items.map((item) => ({ kind: 'ingest', payload: { item } })));
  await sql.close();
}

/**
 * BCubed F1 of one grouping against another (lists of comma-joined members). Grouping is
 * incremental: each step groups what was stored since the last, and how the steps fall (which
 * worker stored what, when) changes the order the clusterer sees, so two runs agree closely but
 * not always exactly; a regroup of the same articles gives the same stories exactly.
 */
function bcubed(ref: string[], pred: string[]): number {
  const of = (groups: string[]) => new Map(groups.flatMap((g) => g.split(',').map((id) => [id, new Set(g.split(','))] as const)));
  const r = of(ref);
  const q = of(pred);
  let precision = 0;
  let recall = 0;
  for (const [id, a] of r) {
    const b = q.get(id) ?? new Set([id]);
    const both = [...b].filter((x) => a.has(x)).length;
    precision += both / b.size;
    recall += both / a.size;
  }
  precision /= r.size;
  recall /= r.size;
  return (2 * precision * recall) / (precision + recall);
}

/** The stories after a regroup of the collection from scratch (the same articles give the same stories). */
async function regrouped(url: string): Promise<string[]> {
  const store = await openPostgresStore(url);
  await regroup(store);
  await store.close();
  return partition(url);
}

/** The grouping as a set of sorted member lists: comparable whatever the story ids are. */
async function partition(url: string): Promise<string[]> {
  const store = await openPostgresStore(url);
  const groups = new Map<string, string[]>();
  for (const a of await store.listArticles()) {
    const s = (await store.storyOf(a.id)) ?? `none:${a.id}`;
    groups.set(s, [...(groups.get(s) ?? []), a.id]);
  }
  await store.close();
  return [...groups.values()].map((g) => g.sort().join(',')).sort();
}

function workerProcess(url: string, extra: string[] = []) {
  const child = spawn(process.execPath, [bin, 'worker', '--db', url, '--quiet', ...extra], { stdio: ['ignore', 'pipe', 'pipe'] });
  let err = '';
  child.stderr.on('data', (d) => (err += d));
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null; err: string }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal, err })),
  );
  return { child, exit };
}

async function jobStates(url: string): Promise<Record<string, number>> {
  const sql = await connectPostgres(url, 1);
  const queue = await PgQueue.open(sql);
  const out: Record<string, number> = {};
  for (const c of await queue.counts()) out[c.state] = (out[c.state] ?? 0) + c.count;
  await sql.close();
  return out;
}

test(here + 'one worker and four concurrent workers end with the same stories', { skip, timeout: 240_000 }, async () => {
  const items = corpus(40);
  const one = await freshDatabase();
  await enqueueAll(one, items);
  await runWorker({ url: one, exitWhenIdle: true, pollMs: 50 });

  const four = await freshDatabase();
  await enqueueAll(four, items);
  const workers = Array.from({ length: 4 }, () => workerProcess(four, ['--exit-when-idle']));
  for (const w of workers) {
    const r = await w.exit;
    assert.equal(r.code, 0, r.err);
  }
  const [p1, p4] = [await partition(one), await partition(four)];
  assert.equal(p1.flatMap((g) => g.split(',')).length, items.length);
  assert.ok(p1.length > 1 && p1.length < items.length, `a trivial grouping: ${p1.length} stories`);
  assert.ok(!p4.some((g) => g.includes('none:')), 'every article is in a story');
  assert.ok(bcubed(p1, p4) >= 0.95, `the stories agree: BCubed ${bcubed(p1, p4).toFixed(3)}`);
  assert.deepEqual(await regrouped(four), await regrouped(one), 'the same articles landed');
  assert.deepEqual(Object.keys(await jobStates(four)), ['done'], 'jobs left waiting, running or dead');
});

test(here + 'a worker killed with SIGKILL mid-job loses nothing and duplicates nothing', { skip, timeout: 240_000 }, async () => {
  const items = corpus(60);
  const reference = await freshDatabase();
  await enqueueAll(reference, items);
  await runWorker({ url: reference, exitWhenIdle: true, pollMs: 50 });

  const url = await freshDatabase();
  await enqueueAll(url, items);
  const victim = workerProcess(url, ['--lease', '2']);
  // Kill it while it holds a job.
  const deadline = Date.now() + 60_000;
  let states: Record<string, number> = {};
  while (Date.now() < deadline) {
    states = await jobStates(url);
    if ((states.done ?? 0) > 5 && (states.running ?? 0) > 0) break;
    await new Promise((r) => setTimeout(r, 20));
  }
  victim.child.kill('SIGKILL');
  const r = await victim.exit;
  assert.equal(r.signal, 'SIGKILL');
  assert.ok((states.queued ?? 0) > 0, 'the worker finished everything before it could be killed');

  // A new worker takes over; the killed worker's job comes back when its lease runs out.
  const heir = workerProcess(url, ['--exit-when-idle', '--lease', '2']);
  const done = await heir.exit;
  assert.equal(done.code, 0, done.err);
  const store = await openPostgresStore(url);
  assert.equal(await store.countArticles(), items.length);
  await store.close();
  const [pr, pu] = [await partition(reference), await partition(url)];
  assert.ok(!pu.some((g) => g.includes('none:')), 'every article is in a story');
  assert.ok(bcubed(pr, pu) >= 0.95, `the stories agree: BCubed ${bcubed(pr, pu).toFixed(3)}`);
  assert.deepEqual(await regrouped(url), await regrouped(reference), 'nothing lost, nothing twice');
  const final = await jobStates(url);
  assert.equal(final.running ?? 0, 0);
  assert.equal(final.queued ?? 0, 0);
  assert.equal(final.dead ?? 0, 0);
});

test(here + 'a job that keeps failing is retried with backoff, then parked as dead with its error', { skip }, async () => {
  const url = await freshDatabase();
  const sql = await connectPostgres(url, 2);
  const queue = await PgQueue.open(sql);
  await queue.enqueue([{ kind: 'no-such-kind', payload: {}, maxAttempts: 2 }]);
  const first = await queue.claim('w1', 30);
  assert.equal(first?.attempts, 1);
  assert.equal(await queue.fail(first!.id, 'w1', 'boom'), 'queued');
  assert.equal(await queue.claim('w1', 30), null, 'retried before its backoff');
  await sql.query(`UPDATE parallax_jobs SET run_after = now()`);
  const second = await queue.claim('w2', 30);
  assert.equal(second?.attempts, 2);
  assert.equal(await queue.fail(second!.id, 'w2', 'boom again'), 'dead');
  const [dead] = await queue.list('dead');
  assert.equal(dead.lastError, 'boom again');
  await sql.close();
});
