import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createClusterer, type ClusterDoc } from '../../src/cluster/index.js';
import { fold, isTitleCase, termVector, urlWords } from '../../src/cluster/terms.js';

const here = '[cluster] ';
const fixture = (name: string): string => readFileSync(new URL(`../fixtures/cluster/${name}`, import.meta.url), 'utf8');

const QUAKE_A = fixture('quake-a.txt');
const QUAKE_B = fixture('quake-b.txt');
const QUAKE_OTHER = fixture('quake-other.txt');
const FOOTBALL = fixture('football.txt');

function doc(id: string, title: string, text: string, published: string | null, extra: Partial<ClusterDoc> = {}): ClusterDoc {
  return { id, title, text, published, source: null, url: null, ...extra };
}

/** A wire copy as a second outlet runs it: its own dateline, one sentence trimmed, one word changed. */
function wireCopy(text: string): string {
  const lines = text.split('\n').filter(Boolean);
  return ['ORSK (Wire) -', ...lines.slice(0, -1), lines[lines.length - 1].replace('within an hour', 'soon')].join('\n').replace('officials said', 'authorities said');
}

test(`${here}two outlets' reports of one event form one story; another story stays apart`, () => {
  const c = createClusterer();
  const a = c.add(doc('a', 'Earthquake kills 12 in northern Valdoria', QUAKE_A, '2024-03-04'));
  const b = c.add(doc('b', 'Rescuers search rubble in Henning after deadly quake', QUAKE_B, '2024-03-04'));
  const f = c.add(doc('f', 'Rovers sign Arbeloa for record fee', FOOTBALL, '2024-03-04'));
  assert.equal(a.story, 'a', 'the first article starts its story, named after it');
  assert.equal(a.score, 0);
  assert.equal(b.story, 'a');
  assert.ok(b.score > 0);
  assert.equal(f.story, 'f');
  assert.deepEqual(Object.fromEntries(c.assignments()), { a: 'a', b: 'a', f: 'f' });
});

/** Cosine of raw term counts over plain words (no names, no numbers). */
function wordCosine(x: string, y: string): number {
  const words = (t: string) => new Map([...termVector(null, t).terms].filter(([k]) => !/^[@#%&]/.test(k)));
  const [a, b] = [words(x), words(y)];
  let dot = 0;
  for (const [t, w] of a) dot += w * (b.get(t) ?? 0);
  const norm = (m: Map<string, number>) => Math.sqrt([...m.values()].reduce((s, w) => s + w * w, 0));
  return dot / (norm(a) * norm(b));
}

test(`${here}an event of the same kind with other places, people and numbers is another story`, () => {
  // The two reports follow one template: their plain words alone are as alike as two outlets'
  // reports of one event. What tells them apart is who, where and how many.
  assert.ok(wordCosine(QUAKE_A, QUAKE_OTHER) > 0.35, `template overlap ${wordCosine(QUAKE_A, QUAKE_OTHER)}`);
  const c = createClusterer();
  c.add(doc('a', 'Earthquake kills 12 in northern Valdoria', QUAKE_A, '2024-03-04'));
  c.add(doc('b', 'Rescuers search rubble in Henning after deadly quake', QUAKE_B, '2024-03-04'));
  const other = c.add(doc('k', 'Earthquake kills three on Kesslar Bay coast', QUAKE_OTHER, '2024-03-05'));
  assert.equal(other.story, 'k', 'same template, a day later, but Brunnholm and Lindqvist are not Henning and Estevan');
});

test(`${here}the same event a year later is another story`, () => {
  const c = createClusterer();
  c.add(doc('a', 'Earthquake kills 12 in northern Valdoria', QUAKE_A, '2024-03-04'));
  const later = c.add(doc('a2', 'Earthquake kills 12 in northern Valdoria', QUAKE_B, '2025-03-10'));
  assert.equal(later.story, 'a2');
  assert.match(c.explain('a2')!.reason, /new story/);
});

test(`${here}a wire copy is marked as a near-duplicate of the first text and joins its story`, () => {
  const c = createClusterer();
  c.add(doc('f', 'Rovers sign Arbeloa for record fee', FOOTBALL, '2024-03-04T10:00'));
  c.add(doc('q', 'Earthquake kills 12 in northern Valdoria', QUAKE_A, '2024-03-04T11:00'));
  const copy = c.add(doc('f2', 'Rovers break record to sign striker Arbeloa', wireCopy(FOOTBALL), '2024-03-04T12:00'));
  const copy2 = c.add(doc('f3', 'Arbeloa joins Rovers', wireCopy(FOOTBALL), '2024-03-04T13:00'));
  assert.equal(copy.duplicateOf, 'f');
  assert.equal(copy.story, 'f');
  assert.equal(copy2.duplicateOf, 'f', 'ten copies of one text name one original, not a chain');
  const why = c.explain('f2')!;
  assert.match(why.reason, /copy of f/);
  assert.equal(c.add(doc('q2', 'Rescuers search rubble in Henning', QUAKE_B, '2024-03-04T14:00')).duplicateOf, undefined, 'another outlet\'s own report is no copy');
});

test(`${here}an updated version at the same address is a duplicate; another article on the same site is not`, () => {
  const c = createClusterer();
  c.add(doc('v1', 'Quake kills 10', QUAKE_A, '2024-03-04T05:00', { url: 'https://news.example/world/quake-valdoria?utm_source=feed' }));
  const v2 = c.add(doc('v2', 'Quake kills 12', QUAKE_B, '2024-03-04T09:00', { url: 'http://www.news.example/world/quake-valdoria/' }));
  const other = c.add(doc('o', 'Rovers sign Arbeloa', FOOTBALL, '2024-03-04T09:00', { url: 'https://news.example/article.aspx?id=77' }));
  const other2 = c.add(doc('o2', 'Quake toll rises', QUAKE_OTHER, '2024-03-05T09:00', { url: 'https://news.example/article.aspx?id=78' }));
  assert.equal(v2.duplicateOf, 'v1');
  assert.equal(other.duplicateOf, undefined);
  assert.equal(other2.duplicateOf, undefined, 'the query names the article');
});

test(`${here}a late arrival (back-fill) joins the story that formed without it`, () => {
  const c = createClusterer();
  c.add(doc('f', 'Rovers sign Arbeloa for record fee', FOOTBALL, '2024-03-04'));
  c.add(doc('b', 'Rescuers search rubble in Henning after deadly quake', QUAKE_B, '2024-03-06'));
  c.add(doc('k', 'Earthquake kills three on Kesslar Bay coast', QUAKE_OTHER, '2024-03-06'));
  // Published two days before the story's first article, delivered after it.
  const late = c.add(doc('a', 'Earthquake kills 12 in northern Valdoria', QUAKE_A, '2024-03-04'));
  assert.equal(late.story, 'b');
  assert.match(c.explain('a')!.reason, /2\.0 days from the story's dates/);
});

test(`${here}stories merge when an article shows they are one, and the moved articles are reported`, () => {
  // A low merge threshold and a strict join make the merge happen on a small example; the
  // mechanism is the same at the defaults.
  const c = createClusterer({ thresholdLong: 0.3, mergeThresholdLong: 0.15 });
  const first = QUAKE_A.split('\n').slice(0, 2).join('\n');
  const second = QUAKE_A.split('\n').slice(2).join('\n');
  const a = c.add(doc('a', 'Valdoria quake', first, '2024-03-04'));
  const b = c.add(doc('b', 'Hospitals in Orsk', second, '2024-03-04'));
  assert.notEqual(a.story, b.story, 'two halves of one report start two stories');
  const bridge = c.add(doc('c', 'Earthquake kills 12 in northern Valdoria', QUAKE_A, '2024-03-04'));
  const stories = c.assignments();
  assert.equal(stories.get('a'), stories.get('b'), 'the whole report joins the halves');
  assert.equal(stories.get('c'), stories.get('a'));
  assert.ok(bridge.moved && Object.keys(bridge.moved).length === 1, `one article moved: ${JSON.stringify(bridge.moved)}`);
  const [movedId, to] = Object.entries(bridge.moved!)[0];
  assert.equal(stories.get(movedId), to);
  assert.match(c.explain(movedId)!.reason, /merged into/);
});

test(`${here}explanations give the shared names and terms, the score and the nearest article`, () => {
  const c = createClusterer();
  c.add(doc('a', 'Earthquake kills 12 in northern Valdoria', QUAKE_A, '2024-03-04'));
  c.add(doc('b', 'Rescuers search rubble in Henning after deadly quake', QUAKE_B, '2024-03-04'));
  const e = c.explain('b')!;
  assert.equal(e.story, 'a');
  assert.ok(e.score > 0.2, `score ${e.score}`);
  const terms = e.shared.map((s) => s.term);
  // Orsk by its phonetic key, as reports in other scripts spell it too.
  for (const t of ['@henning', '%rsk', 'valdoria']) assert.ok(terms.includes(t), `${t} among ${terms.join(', ')}`);
  // Shared with the story as the article found it: every term is one the first report has too
  // ("rescuers" is the second's alone, and was listed while its own terms counted in the story).
  const first = new Set([...termVector('Earthquake kills 12 in northern Valdoria', QUAKE_A).terms.keys()].map((t) => t.replace(/^#/, '')));
  for (const t of terms) assert.ok(first.has(t), `${t} is in the first report`);
  assert.ok(e.shared.every((s, i) => i === 0 || s.weight <= e.shared[i - 1].weight), 'strongest first');
  assert.match(e.reason, /nearest article a/);
  assert.deepEqual(c.explain('a')!.shared, [], 'an article that started its story shares nothing yet');
  assert.equal(c.explain('nope'), null);
});

test(`${here}a saved state goes on grouping exactly as an uninterrupted run`, () => {
  const docs = [
    doc('a', 'Earthquake kills 12 in northern Valdoria', QUAKE_A, '2024-03-04', { url: 'https://a.example/quake' }),
    doc('f', 'Rovers sign Arbeloa for record fee', FOOTBALL, '2024-03-04'),
    doc('k', 'Earthquake kills three on Kesslar Bay coast', QUAKE_OTHER, '2024-03-05'),
    doc('b', 'Rescuers search rubble in Henning after deadly quake', QUAKE_B, '2024-03-05'),
    doc('f2', 'Rovers break record', wireCopy(FOOTBALL), '2024-03-05'),
    doc('a2', 'Quake update', QUAKE_A, '2024-03-05', { url: 'https://a.example/quake' }),
  ];
  const whole = createClusterer();
  const wholeOut = docs.map((d) => whole.add(d));
  const first = createClusterer();
  docs.slice(0, 3).forEach((d) => first.add(d));
  const saved = JSON.parse(JSON.stringify(first.snapshot())) as unknown;
  const resumed = createClusterer({ state: saved });
  const resumedOut = docs.slice(3).map((d) => resumed.add(d));
  assert.deepEqual(resumedOut, wholeOut.slice(3));
  assert.deepEqual([...resumed.assignments()].sort(), [...whole.assignments()].sort());
  assert.deepEqual(resumed.explain('b'), whole.explain('b'));
  assert.throws(() => createClusterer({ state: { format: 'something else' } }), /not a clusterer snapshot/);
});

test(`${here}the same id again leaves the article where it is`, () => {
  const c = createClusterer();
  c.add(doc('a', 'Earthquake kills 12 in northern Valdoria', QUAKE_A, '2024-03-04'));
  const again = c.add(doc('a', 'Rovers sign Arbeloa', FOOTBALL, '2024-03-04'));
  assert.equal(again.story, 'a');
  assert.equal(c.assignments().size, 1);
});

test(`${here}headlines alone group by their words`, () => {
  const c = createClusterer();
  const rows: [string, string][] = [
    ['h1', 'Sbarro files for second bankruptcy in three years'],
    ['h2', 'Pizza chain Sbarro files for bankruptcy again'],
    ['h3', 'Titanfall launch boosts Xbox One sales'],
    ['h4', 'Sbarro bankruptcy: what it means for mall food courts'],
    ['h5', 'Xbox One gets Titanfall bundle ahead of launch'],
  ];
  for (const [id, title] of rows) c.add(doc(id, title, '', null));
  const s = c.assignments();
  assert.equal(s.get('h2'), s.get('h1'));
  assert.equal(s.get('h4'), s.get('h1'));
  assert.equal(s.get('h5'), s.get('h3'));
  assert.notEqual(s.get('h3'), s.get('h1'));
});

test(`${here}a headline needs a closer match to join a story of one headline than a story of several`, () => {
  const rows: [string, string][] = [
    ['f1', 'Senate passes budget bill after long debate'],
    ['f2', 'Storm leaves thousands without power in Ohio'],
    ['f3', 'Titanfall launch boosts Xbox One sales'],
    ['f4', 'Central bank holds interest rates steady'],
    ['g1', 'Mt Gox exchange files for bankruptcy protection in Tokyo'],
    ['p1', 'Parliament votes to oust prime minister'],
    ['p2', 'Prime minister ousted in parliament vote'],
    ['p3', 'Parliament ousts prime minister over tanker row'],
    ['n', 'Sbarro pizza chain closes mall stores and files for bankruptcy'],
    ['m', 'Ousted prime minister vows comeback'],
  ];
  const run = (params: Parameters<typeof createClusterer>[0]): Map<string, string> => {
    const c = createClusterer(params);
    for (const [id, title] of rows) c.add(doc(id, title, '', null));
    return c.assignments();
  };
  const s = run({});
  // "files for bankruptcy" is all that n shares with the lone Mt Gox headline.
  assert.equal(s.get('n'), 'n', 'a stock phrase shared with one headline is not a story');
  assert.equal(s.get('m'), s.get('p1'), 'a headline close to several of a story joins it');
  // Judged by its single nearest headline, n would have joined the Mt Gox story.
  assert.equal(run({ nearestCount: 1 }).get('n'), 'g1');
});

test(`${here}settling a batch moves a small story into the larger one its articles now fit`, () => {
  // Without the prior of general English: with it, the made-up name alone already carries the
  // second headline into the first one's story (checked at the end), and nothing is left to settle.
  const c = createClusterer({ priorDocs: 0 });
  const rows: [string, string][] = [
    ['z0', 'Zorblat launch crowds make servers buckle'],
    ['z1', 'Zorblat launch draws long queues at game stores'],
    ['z2', 'Zorblat launch: fans queue overnight at game stores'],
    ['z3', 'Game stores report long queues for Zorblat launch'],
    ['z4', 'Zorblat launch day queues stretch around the block'],
    ['z5', 'Long queues as Zorblat launches in game stores'],
    ['b', 'Harbour bridge closed for repairs after storm damage'],
  ];
  for (const [id, title] of rows) c.add(doc(id, title, '', null));
  // The first headline came when there was nothing to join; the story it belongs to formed after.
  assert.equal(c.assignments().get('z0'), 'z0');
  assert.equal(c.assignments().get('z5'), 'z1');
  assert.deepEqual(c.settle(), { z0: 'z1' });
  const s = c.assignments();
  assert.equal(s.get('z0'), 'z1');
  assert.equal(s.get('b'), 'b', 'a headline on another matter stays apart');
  assert.match(c.explain('z0')!.reason, /later merged into z1/);
  assert.deepEqual(c.settle(), {}, 'settling again changes nothing');
  const prior = createClusterer();
  for (const [id, title] of rows) prior.add(doc(id, title, '', null));
  assert.deepEqual(prior.settle(), {});
  assert.deepEqual([...new Set(rows.slice(0, 6).map(([id]) => prior.storyOfArticle(id)))], ['z0']);
  assert.equal(prior.storyOfArticle('b'), 'b');
});

test(`${here}terms: stems, names, numbers, Han pairs, address words`, () => {
  const rows: [string, string][] = [
    ['strikes', 'strik'], ['striking', 'strik'], ['strike', 'strik'], ['voted', 'vot'], ['vote', 'vot'],
    ['stopped', 'stop'], ['watches', 'watch'], ['countries', 'country'], ['crisis', 'crisis'], ['killed', 'kill'],
  ];
  for (const [word, want] of rows) assert.equal(fold(word), want, word);
  const { terms } = termVector(null, 'Police said Sarah Palin visited Wasilla on Friday. 1,200 people came.');
  // A one-word name by its phonetic key (Palin → %pln, Wasilla → %fsl), as other scripts spell it too.
  for (const t of ['@sarah palin', '%pln', '%fsl', '#1200']) assert.ok(terms.has(t), `${t} in ${[...terms.keys()].join(' ')}`);
  assert.ok(!terms.has('@police'), 'a sentence starts with a capital: no name');
  assert.ok(!terms.has('@friday'), 'weekdays are no names');
  assert.ok(termVector(null, 'Shares of General Motors fell after the recall.').terms.has('gm'), 'a name gives its initials');
  assert.ok(termVector('GM widens its recall', '').terms.has('gm'), 'as the acronym itself reads');
  assert.ok(termVector('墨西哥地震', '').terms.has('地震'));
  assert.equal(isTitleCase('Rovers Sign Striker For Record Fee'), true);
  assert.equal(isTitleCase('Rovers sign striker Arbeloa for record fee'), false);
  assert.equal(urlWords('https://x.example/2014/03/10/sbarro-files-for-bankruptcy.html'), 'sbarro files for bankruptcy');
  assert.equal(urlWords('not a url'), '');
});

test(`${here}stories past the time window close: memory is freed, explanations stay, late copies start anew`, () => {
  const c = createClusterer({ sweepEvery: 4 });
  c.add(doc('a', 'Earthquake kills 12 in northern Valdoria', QUAKE_A, '2024-01-02'));
  // Two months of other news later, a sweep closes the quake story.
  for (let i = 0; i < 4; i++) c.add(doc(`n${i}`, `Council ${i} votes on budget`, `The council of district ${i} voted on the ${2000 + i} budget on Tuesday.`, '2024-03-10'));
  const saved = JSON.parse(JSON.stringify(c.snapshot())) as { stories: { id: string; retired: boolean }[]; docs: { id: string; terms: number[] }[] };
  assert.equal(saved.stories.find((s) => s.id === 'a')?.retired, true);
  assert.deepEqual(saved.docs.find((d) => d.id === 'a')?.terms, [], 'its vector is freed');
  const late = c.add(doc('b', 'Rescuers search rubble in Henning after deadly quake', QUAKE_B, '2024-01-03'));
  assert.equal(late.story, 'b', 'a closed story takes no more articles');
  assert.match(c.explain('a')!.reason, /started a new story/);
  assert.equal(c.assignments().get('a'), 'a');
});

test(`${here}undated stories close after enough other articles`, () => {
  const c = createClusterer({ sweepEvery: 2, retireAfter: 3 });
  c.add(doc('f', 'Rovers sign Arbeloa for record fee', FOOTBALL, null));
  const soon = c.add(doc('f2', 'Rovers break record to sign striker Arbeloa', wireCopy(FOOTBALL), null));
  assert.equal(soon.story, 'f');
  for (let i = 0; i < 5; i++) c.add(doc(`n${i}`, `Council ${i} votes on budget`, `The council of district ${i} voted on the ${2000 + i} budget on Tuesday.`, null));
  assert.equal(c.add(doc('f3', 'Arbeloa joins Rovers', FOOTBALL, null)).story, 'f3');
});

test(`${here}a follow-up weeks later is a story of its own, linked to the first as related`, () => {
  const c = createClusterer();
  c.add(doc('a', 'Earthquake kills 12 in northern Valdoria', QUAKE_A, '2024-03-04'));
  c.add(doc('b', 'Rescuers search rubble in Henning after deadly quake', QUAKE_B, '2024-03-04'));
  c.add(doc('f', 'Rovers sign Arbeloa for record fee', FOOTBALL, '2024-03-06'));
  const follow = c.add(doc('r', 'Valdoria approves fund to rebuild Henning', fixture('quake-followup.txt'), '2024-03-25'));
  assert.equal(follow.story, 'r', 'reconstruction three weeks on is another development');
  assert.deepEqual(c.related('a').map((x) => x.story), ['r']);
  assert.deepEqual(c.related('r').map((x) => x.story), ['a']);
  assert.deepEqual(c.related('f'), [], 'football is not related');
  assert.deepEqual(c.related('b'), [], 'b is an article, not a story');
  const resumed = createClusterer({ state: JSON.parse(JSON.stringify(c.snapshot())) as unknown });
  assert.deepEqual(resumed.related('a'), c.related('a'));
});
