import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findQuotes } from '../../src/enrich/quotes/index.js';
import type { EntitySpan } from '../../src/enrich/types.js';

/** Spans for every occurrence of the given names, as the tagger would give them (longest first, never overlapping). */
function spans(text: string, type: EntitySpan['type'], ...names: string[]): EntitySpan[] {
  const out: EntitySpan[] = [];
  for (const name of [...names].sort((a, b) => b.length - a.length)) {
    for (let i = text.indexOf(name); i >= 0; i = text.indexOf(name, i + name.length)) {
      if (!out.some((o) => o.start < i + name.length && o.end > i)) out.push({ start: i, end: i + name.length, text: name, type });
    }
  }
  return out;
}

interface Row {
  kind: string;
  text: string;
  persons?: string[];
  orgs?: string[];
  /** Words of the quotation to look for. */
  quote: string;
  /** Who it must be given to (the resolved name), or null for a speaker left unresolved. */
  name: string | null;
}

// Each row: an attribution shape that went wrong, written out by hand, and who said it.
const ROWS: Row[] = [
  {
    kind: 'inverted source with a lower-case title before the name',
    text: 'Marta Quill spoke first.\n\n“We cannot wait for the spring,” said senior adviser Tomas Brell.',
    persons: ['Marta Quill', 'Tomas Brell'], quote: 'wait for the spring', name: 'Tomas Brell',
  },
  {
    kind: 'a sentence adverb before the pronoun',
    text: 'Press secretary Dana Obert said the bill could change. Then he cautioned: “Nobody should expect a new vote before June.”',
    persons: ['Dana Obert'], quote: 'new vote before June', name: 'Dana Obert',
  },
  {
    kind: '"he" after a subject whose apposition names another person',
    text: 'Asked about the delay, Rob Keller, a former trade official in the Alvarez cabinet, was calm. “The wait will not hurt the harvest,” he said.',
    persons: ['Rob Keller', 'Alvarez'], quote: 'wait will not hurt', name: 'Rob Keller',
  },
  {
    kind: '"he" after a speaker whose words name another person',
    text: 'Mr. Harlan said a panel led by Judge Ines Moro had "given me a list of steps." He added: "My starting point is what works."',
    persons: ['Harlan', 'Ines Moro'], quote: 'starting point', name: 'Harlan',
  },
  {
    kind: '"she" continuing the spokeswoman just quoted, past a name inside her quotation',
    text: 'Lia Vance, a spokeswoman for the council, said, "Peter Dunn\'s plan is reckless." The savings, she said, "do not reach a single school."',
    persons: ['Lia Vance', 'Peter Dunn'], quote: 'do not reach a single school', name: 'Lia Vance',
  },
  {
    kind: 'a pronoun with two people of its gender before it stays unresolved',
    text: 'Omar Feld and Piotr Lanz met on Monday. "There is no deal yet," he told reporters.',
    persons: ['Omar Feld', 'Piotr Lanz'], quote: 'no deal yet', name: null,
  },
  {
    kind: '"she" passes over a man named since',
    text: 'Mrs. Anna Roig opened the session. She thanked Mr. Colin Bray for his report. "We will vote in May," she said.',
    persons: ['Anna Roig', 'Colin Bray'], quote: 'vote in May', name: 'Anna Roig',
  },
  {
    kind: 'a name opening an apposition is the speaker, not a name inside it',
    text: '“The ban is a low priority,” Ada Lorne, a spokeswoman for Clear Path, a research group, said on Friday.',
    persons: ['Ada Lorne'], orgs: ['Clear Path'], quote: 'low priority', name: 'Ada Lorne',
  },
  {
    kind: 'an adverb set off by commas between the source and the cue',
    text: 'A campaign aide, though, said “that is a distinction without a difference” on Monday.',
    quote: 'distinction without', name: 'campaign aide',
  },
  {
    kind: 'a name modifying a noun does not make its bearer the speaker',
    text: 'The Harlan campaign said that the budget "would end the program as we know it" within a decade.',
    persons: ['Harlan'], quote: 'end the program', name: 'Harlan campaign',
  },
  {
    kind: 'a participle\'s subject runs from a place that modifies a title on to the person it titles',
    text: 'The Norland harbour minister Petra Volk also hit out at the shipping firms, saying the delays had been "a year of broken promises" for the islands.',
    persons: ['Petra Volk'], quote: 'broken promises', name: 'Petra Volk',
  },
  {
    kind: 'a participle after a comma takes the clause subject, not the name after it',
    text: 'Tomas Brell praised the novelist Ilse Marr, saying “Cold Harbour” changed his view of the sea.',
    persons: ['Tomas Brell', 'Ilse Marr'], quote: 'changed his view', name: 'Tomas Brell',
  },
];

for (const row of ROWS) {
  test(`findQuotes speaker: ${row.kind}`, () => {
    const ents = [...spans(row.text, 'PER', ...(row.persons ?? [])), ...spans(row.text, 'ORG', ...(row.orgs ?? []))].sort((a, b) => a.start - b.start);
    const q = findQuotes(row.text, ents).find((x) => x.text.includes(row.quote));
    assert.ok(q, `no quote holding "${row.quote}"`);
    if (row.name === null) assert.ok(!q.speaker || /^(?:he|she)$/i.test(q.speaker.name), `got ${q.speaker?.name}`);
    else assert.equal(q.speaker?.name, row.name);
  });
}

test('findQuotes: a quotation that ends its sentence takes no cue from the next one', () => {
  const text = 'The plan was the minister’s own, said Ana Ruiz. “A new government will restore the fund.” The Ruiz plan, like any budget, lists costs and savings in detail.';
  const q = findQuotes(text, spans(text, 'PER', 'Ana Ruiz', 'Ruiz')).find((x) => x.text.includes('restore the fund'));
  assert.ok(q);
  assert.notEqual(q.cue?.text, 'plan');
  assert.equal(q.speaker?.name, 'Ana Ruiz');
});

test('findQuotes: a contraction is never the cue', () => {
  const text = 'Though he doesn’t use the word “cuts,” the plan would slow spending, Ana Ruiz said.';
  for (const q of findQuotes(text, spans(text, 'PER', 'Ana Ruiz'))) assert.notEqual(q.cue?.text, 'doesn’t');
});
