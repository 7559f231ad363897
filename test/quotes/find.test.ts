import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findQuotes } from '../../src/enrich/quotes/index.js';
import type { EntitySpan } from '../../src/enrich/types.js';

/** Person spans for every occurrence of the given names, as the tagger would give them. */
function persons(text: string, ...names: string[]): EntitySpan[] {
  const out: EntitySpan[] = [];
  for (const name of names) {
    for (let i = text.indexOf(name); i >= 0; i = text.indexOf(name, i + name.length)) out.push({ start: i, end: i + name.length, text: name, type: 'PER' });
  }
  return out.sort((a, b) => a.start - b.start);
}

interface Row {
  kind: string;
  text: string;
  names?: string[];
  /** The content as it stands in the text (marks included for a direct quotation). */
  content: string;
  direct: boolean;
  /** Where the text names the source. */
  speaker: string;
  /** Who that is. */
  name: string;
}

// Each row: a kind of quotation, the content and speaker written out by hand.
const ROWS: Row[] = [
  {
    kind: 'curly quotes, speaker after',
    text: '“We will not give up on Ukraine,” Rutte said.',
    content: '“We will not give up on Ukraine,”', direct: true, speaker: 'Rutte', name: 'Rutte',
  },
  {
    kind: 'straight quotes after a colon',
    text: 'Rutte said: "The future of Ukraine is in NATO."',
    content: '"The future of Ukraine is in NATO."', direct: true, speaker: 'Rutte', name: 'Rutte',
  },
  {
    kind: 'guillemets',
    text: '«The door of the alliance remains open», the Secretary General said on Tuesday.',
    content: '«The door of the alliance remains open»', direct: true, speaker: 'Secretary General', name: 'Secretary General',
  },
  {
    kind: 'low-high German marks',
    text: '„We are ready to help with air defence“, the minister told reporters.',
    content: '„We are ready to help with air defence“', direct: true, speaker: 'minister', name: 'minister',
  },
  {
    kind: 'inverted: said Rutte',
    text: '“Russia is not interested in peace,” said Mark Rutte.',
    names: ['Mark Rutte'],
    content: '“Russia is not interested in peace,”', direct: true, speaker: 'Mark Rutte', name: 'Mark Rutte',
  },
  {
    kind: 'nested quotation',
    text: '“He told me ‘never again’ and he meant every word,” Bettel said.',
    content: '“He told me ‘never again’ and he meant every word,”', direct: true, speaker: 'Bettel', name: 'Bettel',
  },
  {
    kind: 'interrupted quotation',
    text: '“We are not there yet,” Rutte said, “but the path to membership is irreversible.”',
    content: '“We are not there yet,” Rutte said, “but the path to membership is irreversible.”', direct: true, speaker: 'Rutte', name: 'Rutte',
  },
  {
    kind: 'partial quote inside a sentence',
    text: 'Zelensky called the decision to withhold the invitation “a historic mistake” on Wednesday.',
    content: 'the decision to withhold the invitation “a historic mistake” on Wednesday', direct: true, speaker: 'Zelensky', name: 'Zelensky',
  },
  {
    kind: 'indirect speech with that',
    text: 'Rutte said that the future of Ukraine lies in the alliance.',
    content: 'that the future of Ukraine lies in the alliance', direct: false, speaker: 'Rutte', name: 'Rutte',
  },
  {
    kind: 'indirect speech, object and adverbial before that',
    text: 'Peskov told reporters on Monday that the plan was unacceptable for Moscow.',
    content: 'that the plan was unacceptable for Moscow', direct: false, speaker: 'Peskov', name: 'Peskov',
  },
  {
    kind: 'according to, source first',
    text: 'According to a senior U.S. official, reaching consensus will take weeks or even months.',
    content: 'reaching consensus will take weeks or even months', direct: false, speaker: 'a senior U.S. official', name: 'senior U.S. official',
  },
  {
    kind: 'according to, source last',
    text: 'The ministers will meet again in February, according to diplomats.',
    content: 'The ministers will meet again in February', direct: false, speaker: 'diplomats', name: 'diplomats',
  },
  {
    kind: 'statement attributed after the fact',
    text: 'Russian aggression shows no signs of slowing down, Rutte said.',
    content: 'Russian aggression shows no signs of slowing down', direct: false, speaker: 'Rutte', name: 'Rutte',
  },
  {
    kind: 'anonymous sources with an aside',
    text: 'Diplomats, speaking on condition of anonymity, said the talks had stalled over the weekend.',
    content: 'the talks had stalled over the weekend', direct: false, speaker: 'Diplomats, speaking on condition of anonymity', name: 'Diplomats, speaking on condition of anonymity',
  },
  {
    kind: 'quotation, then a described source and a cue with its object',
    text: '“The story has to be told right,” Malkia Cyril, the director of the media centre, told the Post.',
    names: ['Malkia Cyril'],
    content: '“The story has to be told right,”', direct: true, speaker: 'Malkia Cyril, the director of the media centre', name: 'Malkia Cyril',
  },
  {
    kind: 'relative pronoun as the source',
    text: 'The plan was backed by Senator Marco Rubio, who said that the vote would come next week.',
    names: ['Marco Rubio'],
    content: 'that the vote would come next week', direct: false, speaker: 'who', name: 'Marco Rubio',
  },
  {
    kind: 'title and name with an aside',
    text: 'Maria Zakharova, the spokeswoman of the Russian foreign ministry, said the summit was a provocation.',
    names: ['Maria Zakharova'],
    content: 'the summit was a provocation', direct: false, speaker: 'Maria Zakharova, the spokeswoman of the Russian foreign ministry', name: 'Maria Zakharova',
  },
];

for (const row of ROWS) {
  test(`findQuotes: ${row.kind}`, () => {
    const quotes = findQuotes(row.text, row.names ? persons(row.text, ...row.names) : undefined);
    const q = quotes.find((x) => x.text === row.content);
    assert.ok(q, `no quote "${row.content}" in ${JSON.stringify(quotes.map((x) => x.text))}`);
    assert.equal(row.text.slice(q.start, q.end), row.content, 'offsets point at the content');
    assert.equal(q.direct, row.direct);
    assert.ok(q.speaker, 'has a speaker');
    // The speaker span must lie on the words that name the source.
    const said = row.text.slice(q.speaker.start, q.speaker.end);
    assert.ok(row.speaker.includes(said) || said.includes(row.speaker), `speaker span "${said}", want "${row.speaker}"`);
    assert.equal(q.speaker.name, row.name);
  });
}

test('findQuotes: a quotation over two paragraphs, a mark opening each', () => {
  const text = '“We will support Ukraine for as long as it takes. Nobody should doubt that.\n\n“Its future is in NATO,” Rutte said.';
  const q = findQuotes(text).find((x) => x.speaker?.text === 'Rutte');
  assert.ok(q);
  assert.equal(q.start, 0);
  assert.equal(text.slice(q.start, q.end), text.slice(0, text.indexOf(' Rutte')));
});

test('findQuotes: "he" and "the NATO chief" resolve to the person named before', () => {
  const text =
    'NATO Secretary General Mark Rutte met foreign ministers in Brussels on Tuesday.\n\n' +
    '“Ukraine will decide when to negotiate,” he said.\n\n' +
    'The NATO chief said that more air defence systems would be sent within weeks.';
  const quotes = findQuotes(text, persons(text, 'Mark Rutte'));
  const direct = quotes.find((q) => q.text.startsWith('“Ukraine will decide'));
  assert.equal(direct?.speaker?.text, 'he');
  assert.equal(direct?.speaker?.name, 'Mark Rutte');
  const role = quotes.find((q) => q.text.startsWith('that more air defence'));
  assert.equal(role?.speaker?.name, 'Mark Rutte');
});

test('findQuotes: scare quotes and apostrophes are not quotations', () => {
  const text = 'The “hot phase” of the conflict is over, and Ukraine’s allies’ patience holds.';
  assert.deepEqual(findQuotes(text).filter((q) => q.direct), []);
});

test('findQuotes: a quotation signed with a dash and a name', () => {
  const text = 'Readers wrote to us.\n\n“He does not understand our communities at all.” ― Maria Lopez\n\n“The debate changed my mind.” ― Ana Ruiz';
  const quotes = findQuotes(text);
  const lopez = quotes.find((q) => q.text === '“He does not understand our communities at all.”');
  assert.equal(lopez?.speaker?.text, 'Maria Lopez');
  const ruiz = quotes.find((q) => q.text === '“The debate changed my mind.”');
  assert.equal(ruiz?.speaker?.text, 'Ana Ruiz');
});

test('findQuotes: a quotation in a sentence without a speech verb is its subject’s', () => {
  const text = 'The summit ended on Friday.\n\nJapan branded North Korea an “outlaw nation in the neighbourhood” after the launch.';
  const q = findQuotes(text).find((x) => x.text.includes('outlaw nation'));
  assert.equal(q?.speaker?.text, 'Japan');
});

test('findQuotes: a transcript line is its speaker’s', () => {
  const text = 'The interview ran on Sunday.\n\nWALLACE: Will she be there tomorrow night?\n\nPENCE: Well, look, the question is why they invited him at all.';
  const quotes = findQuotes(text);
  const pence = quotes.find((q) => q.speaker?.text === 'PENCE');
  assert.equal(pence?.text, 'Well, look, the question is why they invited him at all.');
  const wallace = quotes.find((q) => q.speaker?.text === 'WALLACE');
  assert.equal(wallace?.text, 'Will she be there tomorrow night?');
});

test('findQuotes: empty and quote-free text give nothing', () => {
  assert.deepEqual(findQuotes(''), []);
  assert.deepEqual(findQuotes('The ministers met in Brussels on Tuesday.'), []);
});
