import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createClusterer, type ClusterDoc } from '../../src/cluster/index.js';
import { fold, languageOf, termVector } from '../../src/cluster/terms.js';
import { firstSense, parseCedict, segment } from '../../src/lang/cedict.js';

const here = '[cluster] ';

function doc(id: string, title: string, text: string): ClusterDoc {
  return { id, title, text, published: null, source: null, url: null };
}

const QUAKE_EN = [
  'LIMA: A powerful earthquake struck southern Peru on Tuesday, killing at least 30 people and destroying hundreds of homes, officials said.',
  'The magnitude 7.1 quake was centred near the city of Arequipa, the national seismology institute said, and was felt as far away as the capital Lima.',
  'Rescue teams were searching collapsed buildings for survivors, and the government declared a state of emergency in three provinces.',
  'President of Peru said the army would help deliver water and tents to families who lost their homes, while hospitals in Arequipa treated hundreds of injured.',
  'Aftershocks continued through the night, and officials warned residents to stay away from damaged buildings and roads blocked by landslides.',
].join('\n');

const QUAKE_ZH = '秘鲁南部发生强烈地震 至少30人死亡。秘鲁南部周二发生7.1级强烈地震，震中位于阿雷基帕附近，首都利马也有震感。' +
  '地震造成至少30人死亡，数百间房屋倒塌。救援人员正在倒塌的建筑物中搜寻幸存者，政府宣布三个省进入紧急状态。' +
  '秘鲁总统表示，军队将协助向失去家园的家庭运送饮用水和帐篷，阿雷基帕的医院正在救治数百名伤者。余震持续了一整夜，官员警告居民远离受损建筑。';

const TRADE_ZH = '巴西总统访问日本 两国签署贸易协议。巴西总统周三抵达东京，与日本首相举行会谈，双方签署了多项贸易和投资协议。' +
  '两国领导人同意扩大农产品和汽车贸易，并加强在能源和科技领域的合作。日本首相表示，日本企业希望增加对巴西的投资。' +
  '巴西总统还将访问大阪，与日本企业家会面，讨论基础设施建设和清洁能源项目。';

const ELECTION_EN = [
  'OSLO: Voters in Norway went to the polls on Monday in a parliamentary election dominated by debate over oil, taxes and the cost of living.',
  'The opposition Labour party led the final opinion polls, while the governing coalition hoped that undecided voters would return it to power.',
  'Turnout was expected to be high, and results were due late in the evening after polling stations closed across the country.',
  'Analysts said the future of the oil industry and its role in the economy was the central question for many voters in coastal towns.',
].join('\n');

test(`${here}Chinese text: Han runs are cut into dictionary words whose English glosses become terms`, () => {
  const words = parseCedict(['委內瑞拉 委内瑞拉 [Wei3 nei4 rui4 la1] /Venezuela/', '逮捕 逮捕 [dai4 bu3] /to arrest/to apprehend/an arrest/', '警方 警方 [jing3 fang1] /police/'].join('\n'));
  assert.deepEqual(segment('委内瑞拉警方逮捕了', words).map((s) => s.word), ['委内瑞拉', '警方', '逮捕']);
  assert.equal(words.get('委內瑞拉')?.text, 'Venezuela', 'the traditional form is kept too');
  const lines = ['# a comment', '委內瑞拉 委内瑞拉 [Wei3 nei4 rui4 la1] /Venezuela/', '逮捕 逮捕 [dai4 bu3] /to arrest/to apprehend/an arrest/\r', '警方 警方 [jing3 fang1] /police/'].join('\n');
  assert.deepEqual([...parseCedict(Buffer.from(lines))], [...parseCedict(lines)], "the file's bytes give the dictionary its text gives");
  assert.equal(parseCedict(Buffer.from(lines)).get('逮捕')?.text, 'to arrest');
  assert.equal(firstSense('surname Wang/king or monarch/', false), 'king or monarch', 'a surname sense is passed over');
  assert.equal(firstSense('Puerto Rico, self-governing unincorporated territory/', true), 'Puerto Rico', 'a name stops at its description');
  const terms = termVector('委内瑞拉警方逮捕了一名男子', '').terms;
  for (const t of ['venezuela', '@venezuela', fold('arrested'), fold('police'), '委内']) assert.ok(terms.has(t), `${t} is a term`);
});

test(`${here}digits next to Han text are a number of their own, not a word with the Han run`, () => {
  const terms = termVector(null, '可在10分钟内完成检测').terms;
  assert.ok(terms.has('#10'));
  assert.ok(![...terms.keys()].some((t) => /\d/.test(t) && /\p{Script=Han}/u.test(t)), [...terms.keys()].join(' '));
});

test(`${here}the language of an article is told from its function words or its Han characters`, () => {
  assert.equal(languageOf('Earthquake kills 30 in Peru', QUAKE_EN), 1);
  assert.equal(languageOf('Gempa bumi kuat landa Peru', 'Gempa bumi yang kuat telah melanda selatan Peru pada hari Selasa dan mengorbankan sekurang-kurangnya 30 orang, kata pegawai kepada media. Pasukan penyelamat sedang mencari mangsa di dalam bangunan yang runtuh dan kerajaan mengisytiharkan darurat di tiga wilayah.'), 2);
  assert.equal(languageOf(null, QUAKE_ZH), 3);
  assert.equal(languageOf('Earthquake kills 30 in Peru', ''), 0, 'a headline alone proves nothing');
});

test(`${here}an English and a Chinese report of one event join one story; other events, in either language, stay apart`, () => {
  const c = createClusterer();
  c.add(doc('en', 'Powerful earthquake kills 30 in southern Peru', QUAKE_EN));
  c.add(doc('other', 'Norway votes in election dominated by oil and taxes', ELECTION_EN));
  const zh = c.add(doc('zh', '秘鲁南部发生强烈地震', QUAKE_ZH));
  const trade = c.add(doc('trade', '巴西总统访问日本', TRADE_ZH));
  assert.equal(zh.story, 'en', c.explain('zh')?.reason);
  assert.equal(trade.story, 'trade', c.explain('trade')?.reason);
  assert.equal(c.storyOfArticle('other'), 'other');
  // Without the allowance for comparing across languages the two reports stay apart.
  const strict = createClusterer({ crossLanguageShare: 1 });
  strict.add(doc('en', 'Powerful earthquake kills 30 in southern Peru', QUAKE_EN));
  strict.add(doc('other', 'Norway votes in election dominated by oil and taxes', ELECTION_EN));
  assert.equal(strict.add(doc('zh', '秘鲁南部发生强烈地震', QUAKE_ZH)).story, 'zh');
});

test(`${here}common Malay news words also stand for their English, so a Malay report meets an English one`, () => {
  const terms = termVector('Polis tahan lelaki selepas kebakaran di Lima', '').terms;
  for (const t of ['polis', fold('police'), fold('man'), fold('fire')]) assert.ok(terms.has(t), `${t} is a term`);
  const english = termVector('Police detain man after fire in Lima', '').terms;
  assert.ok(!english.has('polis'), 'English words gain no Malay');
});

test(`${here}an article in another language is filed under its strongest anchors, beyond its strongest words`, async () => {
  const { fileAnchorsFirst } = await import('../../src/cluster/vectors.js');
  // Ten terms by weight, the anchors (names, numbers) at 2, 6, 7 and 9; four index terms, two slots.
  const order = Int32Array.from([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  const anchor = Uint8Array.from([0, 0, 1, 0, 0, 0, 1, 1, 0, 1]);
  fileAnchorsFirst(order, anchor, 10, 4, 2);
  // The index block keeps its strongest words and its anchor, and takes anchors 6 and 7 for words 1 and 3.
  assert.deepEqual([...order], [0, 2, 6, 7, 1, 3, 4, 5, 8, 9]);
  // Nothing beyond the index block: nothing moves.
  const few = Int32Array.from([0, 1, 2]);
  fileAnchorsFirst(few, Uint8Array.from([0, 0, 1]), 3, 4, 2);
  assert.deepEqual([...few], [0, 1, 2]);
});

// Invented: an English report, and a Russian one of the same storm whose names and numbers come
// only in its last lines, after many words of its own.
const STORM_EN = doc('en', 'Storm leaves 1,240 homes in Dravosk without power', [
  'Governor Bogdan Marenko said 1,240 homes in Dravosk lost power after the storm on Tuesday.',
  'Repair crews from Kelmin arrived with 35 trucks, Marenko said.',
  'Winds of up to 140 kilometres an hour tore down lines across the region overnight.',
  'Schools in the district will stay closed until the end of the week.',
].join('\n'));
const STORM_RU = doc('ru', 'Ураган оставил регион без электричества', [
  'Ночью ураганный ветер оборвал провода, повалил деревья и сорвал крыши по всему региону.',
  'Школы района останутся закрытыми до конца недели, а жителей просят не выходить на улицу без необходимости.',
  'Синоптики предупреждают о новых ливнях, подтоплениях низин и возможных оползнях на горных дорогах в ближайшие сутки.',
  'Волонтёры развозят питьевую воду, одеяла и обогреватели пожилым людям в отдалённые сёла.',
  'Областная больница перешла на собственные генераторы и продолжает принимать пациентов.',
  'Фермеры опасаются за урожай: градом побиты теплицы, а скот пришлось перегонять на возвышенности.',
  'Железнодорожное сообщение частично приостановлено, пассажиров пересаживают на автобусы.',
  'Губернатор Богдан Маренко сообщил, что без света остались 1240 домов в Дравоске.',
  'Ремонтные бригады из Кельмина прибыли на 35 грузовиках.',
].join('\n'));

test(`${here}a report in Russian whose names come late meets the English report that shares them`, () => {
  const c = createClusterer();
  assert.deepEqual([STORM_EN, STORM_RU].map((d) => c.add(d).story), ['en', 'en']);
});
