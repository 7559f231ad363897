// Names in Chinese text by the dictionary (CC-CEDICT, shipped in the chinese-tokenizer package):
// invented sentences; a name's kind from its English gloss; a weekday is no name; and a Chinese
// name joins the same person or place named in English in another article of the story.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Article } from '../../src/types.js';
import type { EntitySpan } from '../../src/enrich/types.js';
import { recogniseEntities } from '../../src/enrich/ner/index.js';
import { kindOfGloss } from '../../src/enrich/ner/chinese.js';
import { resolveEntities } from '../../src/analyse/entities.js';

const ZH = '普京周二在莫斯科表示，联合国和北约应当对话。乌克兰首都基辅的市长也发表了讲话。';

test('Chinese names found by the dictionary, with their kind; the weekday is none', () => {
  const got = recogniseEntities(ZH, 'zh').map((e) => [e.text, e.type]);
  assert.deepEqual(got, [['普京', 'PER'], ['莫斯科', 'LOC'], ['联合国', 'ORG'], ['北约', 'ORG'], ['乌克兰', 'LOC'], ['基辅', 'LOC']]);
  for (const e of recogniseEntities(ZH, 'zh')) assert.equal(ZH.slice(e.start, e.end), e.text);
});

test('the kind of a gloss: a country by its CLDR name, a body by its words, a person by two or three names', () => {
  assert.equal(kindOfGloss('Ukraine'), 'LOC');
  assert.equal(kindOfGloss('World Health Organization'), 'ORG');
  assert.equal(kindOfGloss('Vladimir Putin'), 'PER');
  assert.equal(kindOfGloss('Moscow'), 'LOC');
});

test('a Chinese name joins the English one of another article', () => {
  const en = 'President Vladimir Putin spoke in Moscow on Tuesday. Putin said the talks would go on.';
  const art = (id: string, language: string, text: string): Article => ({ id, source: null, url: null, title: null, kicker: null, dek: null, byline: null, published: null, dateline: null, language, blocks: [], text, contentHash: id, provenance: {}, removed: [], messages: [], raw: { kind: 'text', origin: id, content: text } });
  const spans = new Map<string, EntitySpan[]>([
    ['en', [
      { start: en.indexOf('Vladimir Putin'), end: en.indexOf('Vladimir Putin') + 14, text: 'Vladimir Putin', type: 'PER' },
      { start: en.indexOf('Moscow'), end: en.indexOf('Moscow') + 6, text: 'Moscow', type: 'LOC' },
      { start: en.lastIndexOf('Putin'), end: en.lastIndexOf('Putin') + 5, text: 'Putin', type: 'PER' },
    ]],
    ['zh', recogniseEntities(ZH, 'zh')],
  ]);
  const es = resolveEntities([art('en', 'en', en), art('zh', 'zh', ZH)], spans);
  const of = (t: string) => es.filter((e) => e.mentions.some((m) => m.text === t));
  assert.equal(of('普京').length, 1);
  assert.deepEqual(of('普京'), of('Vladimir Putin'));
  assert.deepEqual(of('莫斯科'), of('Moscow'));
  assert.notDeepEqual(of('基辅'), of('Moscow'));
});
