import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OutletRegistry, readOutletFile, starterOutletByHost, starterOutlets } from '../../src/outlets/registry.js';
import { OutletMatcher } from '../../src/outlets/match.js';
import { blindSpots, coverage, markClaims, storyOutlets } from '../../src/outlets/coverage.js';
import type { Article } from '../../src/types.js';
import { makeArticle } from '../store/contract.js';

const here = '[outlets] ';
const matcher = new OutletMatcher(OutletRegistry.withUser());
const art = (id: string, over: Partial<Article>) => makeArticle(id, { source: null, url: null, ...over });

test(here + 'the starter registry has at least 300 outlets, each with its country, ownership and a cited source', () => {
  const all = starterOutlets();
  assert.ok(all.length >= 300, `${all.length}`);
  for (const o of all) {
    assert.match(o.country ?? '', /^[A-Z]{2}$/, o.name);
    assert.ok(o.ownership, `${o.name} has no ownership`);
    assert.match(o.source ?? '', /^https:\/\//, `${o.name} cites no source`);
    assert.ok(o.domains.length, `${o.name} has no domain`);
  }
  assert.equal(new Set(all.map((o) => o.name.toLowerCase())).size, all.length, 'duplicate names');
});

const CASES: [string, Partial<Article>, { name: string; by: string; agencies: string[] }][] = [
  ['by domain, any subdomain', { url: 'https://www.bbc.co.uk/news/world-1', source: 'BBC' }, { name: 'BBC News', by: 'domain', agencies: [] }],
  ['by name in the metadata', { source: 'TASS' }, { name: 'TASS', by: 'name', agencies: [] }],
  ['by an agency dateline alone', { dateline: 'BRUSSELS, December 3. /TASS/.' }, { name: 'TASS', by: 'agency-credit', agencies: [] }],
  ['a reprint is attributed to both', { source: 'Daily Test Blog', text: 'MOSCOW (Reuters) - The central bank kept rates on hold on Friday.' }, { name: 'Daily Test Blog', by: 'unprofiled', agencies: ['Reuters'] }],
  ['an acronym credit', { url: 'https://www.theguardian.com/x', text: 'The vote passed late on Friday. (AFP)' }, { name: 'The Guardian', by: 'domain', agencies: ['Agence France-Presse'] }],
  ['"(VIDEO)" is not an agency', { source: 'Somewhere Daily', text: '(VIDEO) The ministers met on Tuesday in Brussels.' }, { name: 'Somewhere Daily', by: 'unprofiled', agencies: [] }],
  ['unknown outlets stay, unprofiled', { url: 'https://news.example-unknown.org/a' }, { name: 'news.example-unknown.org', by: 'unprofiled', agencies: [] }],
];
for (const [name, over, want] of CASES) {
  test(here + `attribution: ${name}`, () => {
    const a = matcher.attribute(art('x', over));
    assert.deepEqual({ name: a.name, by: a.by, agencies: a.agencies.map((g) => g.name) }, want);
  });
}

test(here + 'coverage counts outlets once and finds a blind spot', () => {
  const arts = [
    art('1', { source: 'TASS' }), art('2', { source: 'TASS' }), art('3', { source: 'RIA Novosti' }), art('4', { source: 'RT' }),
  ];
  const outlets = storyOutlets(arts, new Map(arts.map((a) => [a.id, matcher.attribute(a)])));
  const c = coverage(arts, outlets);
  assert.equal(c.outlets, 3);
  assert.deepEqual(c.countries, { RU: 3 });
  assert.deepEqual(blindSpots(c).map((b) => `${b.dimension}=${b.value}`), ['country=RU', 'ownership=state']);

  const mixed = [art('1', { source: 'TASS' }), art('2', { source: 'BBC News' }), art('3', { source: 'Le Monde' }), art('4', { source: 'NHK' })];
  const o2 = storyOutlets(mixed, new Map(mixed.map((a) => [a.id, matcher.attribute(a)])));
  assert.deepEqual(blindSpots(coverage(mixed, o2)), []);
  const marked = markClaims([
    { text: 'only the agency says it', articles: ['1'], sentences: [] },
    { text: 'everyone says it', articles: ['1', '2', '3'], sentences: [] },
  ], o2);
  assert.deepEqual((marked[0] as { only?: unknown }).only, { ownership: 'state', country: 'RU' });
  assert.equal((marked[1] as { only?: unknown }).only, undefined);
});

test(here + "a user's file adds outlets and labels and overrides the starter's facts", () => {
  const dir = mkdtempSync(join(tmpdir(), 'parallax-outlets-'));
  const file = join(dir, 'mine.tsv');
  writeFileSync(file, 'name\tdomains\tcountry\townership\tlean\nTASS\t\t\t\tmy-label\nHarbour Daily\tharbourdaily.example\tNL\tprivate\tcentre\n');
  const reg = OutletRegistry.withUser(readOutletFile(file));
  assert.deepEqual(reg.byOutletName('TASS')?.labels, { lean: 'my-label' });
  assert.equal(reg.byOutletName('TASS')?.country, 'RU');
  assert.equal(reg.byHost('www.harbourdaily.example')?.name, 'Harbour Daily');
  writeFileSync(file, 'name\townership\nBad One\tgovernmental\n');
  assert.throws(() => readOutletFile(file), /mine\.tsv:2: ownership must be state, public or private/);
});

test(here + 'parallax stories --blindspots lists the story only one country covers, not the one all cover', async () => {
  const { cli } = await import('../cli/helpers.js');
  const dir = mkdtempSync(join(tmpdir(), 'parallax-blind-'));
  const grain = 'Russia and Turkey agreed on Tuesday to resume grain shipments across the Black Sea, the Kremlin said after talks in Sochi.\n\nThe deal lets ships leave Odesa under inspection, officials said.';
  const storm = 'A storm closed the port of Rotterdam on Friday and flights were cancelled across the Netherlands, the authorities said.\n\nThe weather service warned of winds of 120 kilometres an hour along the coast.';
  const rec = (id: string, source: string, url: string, text: string) => JSON.stringify({ id, source, url, title: text.split(',')[0], published: '2025-02-04', text });
  const lines = [
    rec('g1', 'TASS', 'https://tass.com/politics/1', grain), rec('g2', 'RIA Novosti', 'https://ria.ru/a/2', grain.replace('Tuesday', 'Tuesday evening')),
    rec('g3', 'RT', 'https://www.rt.com/news/3', grain.replace('officials said', 'officials in Moscow said')),
    rec('s1', 'BBC News', 'https://www.bbc.com/news/4', storm), rec('s2', 'Le Monde', 'https://www.lemonde.fr/5', storm.replace('Friday', 'Friday morning')),
    rec('s3', 'NHK', 'https://www3.nhk.or.jp/6', storm.replace('authorities said', 'Dutch authorities said')),
  ];
  const file = join(dir, 'news.jsonl');
  writeFileSync(file, lines.join('\n') + '\n');
  const db = join(dir, 'b.db');
  const ingest = cli(['ingest', '--db', db, file]);
  assert.equal(ingest.status, 0, ingest.stderr);
  const r = cli(['stories', '--blindspots', '--json', '--db', db]);
  assert.equal(r.status, 0, r.stderr);
  const spots = JSON.parse(r.stdout) as { id: string; articleCount: number; blindSpots: { dimension: string; value: string }[] }[];
  assert.equal(spots.length, 1, r.stdout);
  assert.equal(spots[0].articleCount, 3);
  assert.deepEqual(spots[0].blindSpots.map((b) => `${b.dimension}=${b.value}`).sort(), ['country=RU', 'ownership=state']);
  const text = cli(['stories', '--blindspots', '--db', db]);
  assert.match(text.stdout, /100% of 3 outlets: country RU/);
});

test('the starter outlet of a host, read from the rows that name it, is the one the whole registry gives', () => {
  const whole = OutletRegistry.withUser();
  const hosts = whole.all().flatMap((o) => o.domains.flatMap((d) => [d, `www.${d}`, `news.${d}`, `x${d}`]));
  assert.ok(hosts.length > 400);
  for (const host of [...hosts, 'example.invalid', 'co.uk', 'www.unknown-outlet.example']) {
    assert.deepEqual(starterOutletByHost(host), whole.byHost(host), host);
  }
});
