import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createClusterer, type ClusterDoc } from '../../src/cluster/index.js';
import { proseOf } from '../../src/cluster/terms.js';
import { NEUTRAL, priorChance } from '../../src/cluster/background.js';

// A handful of reports of one matter, grouped on their own (what `parallax analyse FILES` does),
// and reports saved with their page chrome. All texts are invented.
const here = '[cluster] ';
const fixture = (name: string): string => readFileSync(new URL(`../fixtures/cluster/${name}`, import.meta.url), 'utf8');
const chrome = (text: string): string => fixture('page-chrome/chrome-top.txt') + text + fixture('page-chrome/chrome-bottom.txt');

const AGENCY = fixture('strike-agency.txt');
const EXPORTERS = fixture('strike-exporters.txt');
const MINISTER = fixture('strike-minister.txt');
const NURSES = fixture('nurses-strike.txt');

function doc(id: string, title: string, text: string, published: string): ClusterDoc {
  return { id, title, text, published, source: null, url: null };
}

/** The agency's report and two retellings with their own angles: trade, and the government. */
const strike = (agencyText = AGENCY): ClusterDoc[] => [
  doc('agency', 'Veldrun dockworkers strike over pay, halting harbour traffic', agencyText, '2025-05-01'),
  doc('exporters', 'Exporters count the cost as port stoppage strands cargo', EXPORTERS, '2025-05-02'),
  doc('minister', 'Minister urges talks in harbour dispute', MINISTER, '2025-05-02'),
];

function group(docs: ClusterDoc[], params: Parameters<typeof createClusterer>[0] = {}): string[] {
  const c = createClusterer(params);
  for (const d of docs) c.add(d);
  c.settle();
  return docs.map((d) => c.storyOfArticle(d.id)!);
}

test(`${here}a handful of reports of one event, each with its own angle, form one story`, () => {
  assert.deepEqual(group(strike()), ['agency', 'agency', 'agency']);
  // What they share (Veldrun, Grelling Terminals, the union, the stoppage) is in every one of
  // them: by the collection's own frequencies alone it weighs least, and the angles win.
  assert.notDeepEqual(group(strike(), { priorDocs: 0 }), ['agency', 'agency', 'agency']);
});

test(`${here}a report saved with its page chrome joins its story; two stories under one site's chrome stay apart`, () => {
  assert.deepEqual(group(strike(chrome(AGENCY))), ['agency', 'agency', 'agency']);
  const site = [doc('strike', 'Veldrun dockworkers strike over pay, halting harbour traffic', chrome(AGENCY), '2025-05-01'), doc('nurses', 'Hospital nurses strike over pay in Pallas', chrome(NURSES), '2025-05-01')];
  assert.deepEqual(group(site), ['strike', 'nurses'], 'menus, share buttons and footer are not what the stories share');
});

test(`${here}the prose of a page saved as text: its title and sentences stay, chrome lines go; a report's own short lines stay`, () => {
  const report = 'Storm closes the coast road\nMay 3, 2025\nHigh winds closed the coast road between Arnby and Lisk on Saturday, police said.\nHe was 75.\nTrees fell across both lanes and crews worked through the night to clear them.';
  const cases: [string, string, string][] = [
    ['a report with its headline, dateline and a short sentence', report, report],
    ['one line', 'High winds closed the coast road on Saturday, police said.', 'High winds closed the coast road on Saturday, police said.'],
    ['a list is kept whole', 'Apples\nPears\nPlums\nCherries', 'Apples\nPears\nPlums\nCherries'],
    [
      'Chinese prose among menu lines',
      '风暴关闭沿海公路\n首页\n新闻\n体育\n强风周六关闭了阿恩比和利斯克之间的沿海公路，警方表示，树木倒在两条车道上，工作人员连夜清理。\n首页\n新闻\n道路在工程师检查海堤是否受损之后于周日上午重新开放，当地居民对此表示欢迎，商店也恢复了正常营业。\n隐私政策',
      '风暴关闭沿海公路\n强风周六关闭了阿恩比和利斯克之间的沿海公路，警方表示，树木倒在两条车道上，工作人员连夜清理。\n道路在工程师检查海堤是否受损之后于周日上午重新开放，当地居民对此表示欢迎，商店也恢复了正常营业。',
    ],
    [
      'menus, labels and repeats around a report',
      'Storm closes the coast road | Arnby Gazette\nHome\nNews\nSport\nContact us:\nConfidential tip?\nHigh winds closed the coast road between Arnby and Lisk on Saturday, police said.\nHome\nNews\nTrees fell across both lanes and crews worked through the night to clear them, a spokesman said.\nThe road reopened on Sunday morning after engineers had checked the sea wall for damage from the storm\nRecord crowds expected for the summer regatta this weekend\nPrivacy policy',
      'Storm closes the coast road | Arnby Gazette\nHigh winds closed the coast road between Arnby and Lisk on Saturday, police said.\nTrees fell across both lanes and crews worked through the night to clear them, a spokesman said.\nThe road reopened on Sunday morning after engineers had checked the sea wall for damage from the storm',
    ],
  ];
  for (const [what, text, want] of cases) assert.equal(proseOf(text), want, what);
});

test(`${here}the prior of general English: common words likely, rare words and unknown names not`, () => {
  const police = priorChance('polic');
  const magnitude = priorChance('magnitud');
  const unseen = priorChance('veldrun');
  assert.ok(police > magnitude && magnitude > unseen, `${police} > ${magnitude} > ${unseen}`);
  assert.ok(police > 0.01 && unseen < 1e-4, `${police} ${unseen}`);
  assert.equal(priorChance('@ilse veldrun'), unseen, 'a name is as rare as its rarest word');
  assert.equal(priorChance('@police'), police);
  assert.equal(priorChance('#17'), priorChance('#2025'), 'numbers share one chance');
  assert.equal(priorChance('地震'), NEUTRAL);
});
