import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  LANG_DATA_DIR,
  foldName,
  foldToken,
  genderedNouns,
  isStopword,
  leaderOffices,
  leaderWords,
  lightStem,
  nameParticles,
  offices,
  personTitles,
  roleNounPattern,
  speakerNouns,
  statementStem,
  stem,
  stopwords,
  titleWords,
  wordList,
  wordPairs,
} from '../../src/lang/index.js';
import { fold } from '../../src/cluster/terms.js';
import { STOP_WORDS, stem as analysisStem } from '../../src/analyse/similarity/text.js';
import { foldWord } from '../../src/analyse/entities.js';
import { ROLE_WORD } from '../../src/enrich/quotes/roles.js';

const here = '[lang/layer] ';

test(`${here}every list file reads: lower case (no capital letters; scripts without case have none), one word a line (a phrase in *-phrases lists), no repeats`, () => {
  const langs = readdirSync(LANG_DATA_DIR, { withFileTypes: true }).filter((d) => d.isDirectory() && /^[a-z]{2,3}$/.test(d.name)).map((d) => d.name);
  assert.ok(langs.includes('en'));
  for (const lang of langs) {
    for (const file of readdirSync(join(LANG_DATA_DIR, lang))) {
      const lines = readFileSync(join(LANG_DATA_DIR, lang, file), 'utf8').split('\n').filter((l) => l.trim() && !l.startsWith('#'));
      assert.ok(lines.length > 0, `${lang}/${file} is empty`);
      assert.equal(new Set(lines).size, lines.length, `${lang}/${file} repeats a line`);
      const name = file.replace(/\.(txt|tsv)$/, '');
      if (file.endsWith('.txt')) {
        const word = name.endsWith('-phrases') ? /^[\p{Ll}\p{Lo}\p{M}\p{N}'’.&?-]+(?: [\p{Ll}\p{Lo}\p{M}\p{N}'’.&?-]+)*$/u : /^[\p{Ll}\p{Lo}\p{M}\p{N}'.&?-]+$/u;
        for (const l of lines) assert.match(l, word, `${lang}/${file}: "${l}"`);
        assert.equal(wordList(lang, name).size, lines.length, `${lang}/${file}`);
      } else {
        for (const l of lines) assert.match(l, /^[^\t]+\t[^\t]+$/, `${lang}/${file}: "${l}"`);
        assert.ok(wordPairs(lang, name).size > 0, `${lang}/${file}`);
      }
    }
  }
});

test(`${here}the stop lists by purpose, and a language without a list has an empty one`, () => {
  assert.ok(stopwords('function').has('the'));
  assert.ok(isStopword('whose'));
  assert.ok(stopwords('cluster', 'en').has('said'));
  // Grouping reads English and Malay together; each file holds its own language only.
  assert.ok(stopwords('cluster', ['en', 'ms']).has('yang'));
  assert.ok(!stopwords('cluster', 'en').has('yang'));
  // The lists differ by purpose: a verb of saying is no function word.
  assert.ok(!stopwords('function').has('yesterday') && stopwords('cluster').has('yesterday'));
  assert.equal(stopwords('function', 'xx').size, 0);
  assert.throws(() => stopwords('function', '../en'));
  // Read once: the same set each time.
  assert.equal(stopwords('function'), stopwords('function'));
});

test(`${here}titles, offices and role nouns`, () => {
  assert.ok(personTitles().has('dr') && personTitles().has('spokeswoman'));
  assert.ok(titleWords().has('minister'));
  assert.ok(offices().has('chancellor') && leaderOffices().has('chancellor') && leaderWords().has('chief'));
  assert.ok(genderedNouns('male').has('sir') && genderedNouns('female').has('dame'));
  assert.ok(nameParticles().has('von'));
  assert.ok(speakerNouns('people').has('spokesperson') && speakerNouns('groups').has('ministry') && speakerNouns('documents').has('report'));
  const role = new RegExp(`^(?:${roleNounPattern()})$`, 'iu');
  for (const w of ['Spokesperson', 'diplomat', 'diplomats', 'adviser']) assert.match(w, role);
  assert.doesNotMatch('Blorfman', role);
  // The stage modules read the same lists.
  assert.ok(ROLE_WORD.test('envoy'));
});

test(`${here}the light stemmer folds made-up words' suffixes`, () => {
  const rows: [string, string][] = [
    ['blorfing', 'blorf'],
    ['snazzies', 'snazzy'],
    ['glimpped', 'glimp'],
    ['trabble', 'trabbl'],
    ['klatches', 'klatch'],
    ['plonkes', 'plonk'],
    ['frimbus', 'frimbus'],
    ['zantis', 'zantis'],
  ];
  for (const [w, want] of rows) assert.equal(lightStem(w), want, w);
  assert.equal(fold, lightStem);
});

test(`${here}the analysis stemmer folds case, diacritics and suffixes`, () => {
  const rows: [string, string][] = [
    ['Florbations', 'florb'],
    ['zindled', 'zindl'],
    ['Quarnishes', 'quarnish'],
    ['vextingly', 'vext'],
    ['glompment', 'glomp'],
    ['Smorbly', 'smorbli'],
    ['Zorb’s', 'zorb'],
    ['co-blorf', 'coblorf'],
    ['12,500', '12500'],
    ['U.S.', 'us'],
  ];
  for (const [w, want] of rows) assert.equal(stem(w), want, w);
  assert.equal(stem('Glimbers'), stem('glimber'));
  // British -ise and American -ize meet.
  assert.equal(stem('trundalise'), stem('trundalize'));
  assert.equal(foldToken('Ẑörb’s'), "zorb's");
  assert.equal(analysisStem, stem);
  assert.equal(STOP_WORDS, stopwords('function'));
});

test(`${here}the statement stemmer and the name folder`, () => {
  assert.equal(statementStem('grobbled'), 'grobbl');
  assert.equal(statementStem('snarfing'), 'snarf');
  assert.equal(statementStem('blorfingtonians'), stem('blorfingtonian'));
  // Irregular past forms go to their base first.
  assert.equal(statementStem('won'), statementStem('win'));
  assert.equal(foldName('Vladymyrskyy'), foldName('Wladimirskij'));
  assert.equal(foldName('Khrobak'), foldName('Hrobak'));
  assert.equal(foldName('Zanetti'), 'saneti');
  assert.equal(foldWord('Zanetti'), 'saneti');
});
