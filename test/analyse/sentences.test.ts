import { test } from 'node:test';
import assert from 'node:assert/strict';
import { splitSentences } from '../../src/enrich/sentences.js';

const here = '[analyse/sentences] ';

// [text, the sentences wanted]
const rows: [string, string[]][] = [
  ['The U.S. Army said so. Gen. Smith agreed.', ['The U.S. Army said so.', 'Gen. Smith agreed.']],
  ['It rose 3.5 per cent on Dec. 3. Prices fell.', ['It rose 3.5 per cent on Dec. 3.', 'Prices fell.']],
  ['He said "we will win." Then he left.', ['He said "we will win."', 'Then he left.']],
  ['It was “a position of strength.” The rest followed.', ['It was “a position of strength.”', 'The rest followed.']],
  ['J. R. R. Tolkien wrote it. Mr. Smith read it.', ['J. R. R. Tolkien wrote it.', 'Mr. Smith read it.']],
  ['Wait... what happened? Nobody knows.', ['Wait... what happened?', 'Nobody knows.']],
  ['He waited… Then he went.', ['He waited…', 'Then he went.']],
  ['He works for the U.S. He lives in Paris.', ['He works for the U.S.', 'He lives in Paris.']],
  ['The vote in the U.S. Senate was 52-48. It passed.', ['The vote in the U.S. Senate was 52-48.', 'It passed.']],
  ['He met Sen. Warren at 3 p.m. on Monday. They talked.', ['He met Sen. Warren at 3 p.m. on Monday.', 'They talked.']],
  ['Shares fell 2.5%. Analysts (e.g. Jones) disagreed.', ['Shares fell 2.5%.', 'Analysts (e.g. Jones) disagreed.']],
  ['Why? Because. Fine!', ['Why?', 'Because.', 'Fine!']],
  ['"We will win," he said. "Never."', ['"We will win," he said.', '"Never."']],
];

for (const [text, want] of rows) {
  test(`${here}${text}`, () => {
    assert.deepEqual(splitSentences(text).map((s) => s.text), want);
  });
}

test(`${here}offsets point into the text and blocks count paragraphs`, () => {
  const text = 'First paragraph. It has two sentences.\n\nSecond one.\n\n\nThird, after extra lines.';
  const got = splitSentences(text);
  assert.deepEqual(got.map((s) => [s.block, s.text]), [
    [0, 'First paragraph.'],
    [0, 'It has two sentences.'],
    [1, 'Second one.'],
    [2, 'Third, after extra lines.'],
  ]);
  for (const s of got) assert.equal(text.slice(s.start, s.end), s.text);
});

test(`${here}a long text splits into every sentence, abbreviations and decimals kept whole`, () => {
  const text = Array.from({ length: 5000 }, (_, i) => `Sentence ${i} mentions the U.S. and Gen. Smith at 3.5 per cent.`).join(' ');
  const got = splitSentences(text);
  assert.equal(got.length, 5000);
  assert.ok(got.every((s) => s.text.endsWith('per cent.')));
});

test('sentences end at the stops of Chinese, Arabic and Hindi', () => {
  // Invented: Chinese writes no space after its stop; Arabic and Hindi have no capitals to open the next sentence.
  const zh = '新桥梁周二正式通车。议会主席说：“这座桥将缓解交通拥堵。”居民表示欢迎！';
  assert.deepEqual(splitSentences(zh).map((s) => s.text), ['新桥梁周二正式通车。', '议会主席说：“这座桥将缓解交通拥堵。”', '居民表示欢迎！']);
  const ar = 'افتتح المجلس البلدي جسرا جديدا. وقال رئيس المجلس إن الجسر سيخفف الازدحام؟ ويبلغ طول الجسر أربعمائة متر.';
  assert.equal(splitSentences(ar).length, 3);
  const hi = 'नगर परिषद ने एक नया पुल खोला। परिषद के अध्यक्ष ने कहा कि भीड़ कम होगी।';
  assert.equal(splitSentences(hi).length, 2);
});
