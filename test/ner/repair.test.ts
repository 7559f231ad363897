import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { EntitySpan, EntityType } from '../../src/enrich/types.js';
import { repairSpans } from '../../src/enrich/ner/repair.js';

/** Spans for the given [text, type] pieces, each at its first occurrence in `text`. */
function spans(text: string, pieces: [string, EntityType][]): EntitySpan[] {
  return pieces.map(([t, type]) => {
    const start = text.indexOf(t);
    assert.ok(start >= 0, t);
    return { start, end: start + t.length, text: t, type };
  });
}

// [text, the tagger's spans, the spans once repaired]
const cases: [string, [string, EntityType][], [string, EntityType][]][] = [
  // A title before a person is not part of the name; a title alone stays (it may be a surname).
  ['Representative Anna Berg asked.', [['Representative Anna Berg', 'PER']], [['Anna Berg', 'PER']]],
  ['Mayor said no.', [['Mayor', 'PER']], [['Mayor', 'PER']]],
  // A connector cannot end a name; a title at the end of an organisation belongs to the person after it.
  ['according to Daily Courier and others', [['Daily Courier and', 'ORG']], [['Daily Courier', 'ORG']]],
  ['ACME Acting Director Jo Bell spoke.', [['ACME Acting', 'ORG'], ['Jo Bell', 'PER']], [['ACME', 'ORG'], ['Jo Bell', 'PER']]],
  // Particles inside a person's name, and a generational suffix.
  ['Ilse von der Brinken spoke.', [['Ilse', 'PER'], ['der Brinken', 'PER']], [['Ilse von der Brinken', 'PER']]],
  ['as von der Brinken said', [['der Brinken', 'PER']], [['von der Brinken', 'PER']]],
  ['Mayor Luisa van den Berk said.', [['Luisa van', 'PER'], ['Berk', 'PER']], [['Luisa van den Berk', 'PER']]],
  ['Tom Hale Jr. spoke.', [['Tom Hale', 'PER']], [['Tom Hale Jr.', 'PER']]],
  ['said Tom Hale, Jr and Ana Ruiz III.', [['Tom Hale', 'PER'], ['Ana Ruiz', 'PER']], [['Tom Hale, Jr', 'PER'], ['Ana Ruiz III', 'PER']]],
  ['Tom Hale Jrx', [['Tom Hale', 'PER']], [['Tom Hale', 'PER']]],
  ['Ana Ruiz and Tom Hale met.', [['Ana Ruiz', 'PER'], ['Tom Hale', 'PER']], [['Ana Ruiz', 'PER'], ['Tom Hale', 'PER']]],
  // An organisation's head noun and its complements, cut by the tagger at the lower-case words.
  ['told the Centers for Soil Health and Mapping on Monday', [['Soil Health and Mapping', 'ORG']], [['Centers for Soil Health and Mapping', 'ORG']]],
  ['head of the Bureau of Salt, Sugar and Spice, to take over', [['Bureau of Salt, Sugar', 'ORG']], [['Bureau of Salt, Sugar and Spice', 'ORG']]],
  ['the Institute for the Study of Tides, a think tank', [['Institute for', 'ORG'], ['Study of Tides', 'ORG']], [['Institute for the Study of Tides', 'ORG']]],
  ['the Coalition to Stop Loud Noise said', [['Coalition', 'ORG'], ['Stop Loud Noise', 'ORG']], [['Coalition to Stop Loud Noise', 'ORG']]],
  // … but not across names of their own in a list, nor without an organisation seen, nor into a person.
  ['the Ministry of Roads, Norland and Estmark said', [['Ministry of Roads', 'ORG'], ['Norland', 'LOC'], ['Estmark', 'LOC']], [['Ministry of Roads', 'ORG'], ['Norland', 'LOC'], ['Estmark', 'LOC']]],
  ['the Office of Jane Dorn said', [['Jane Dorn', 'PER']], [['Jane Dorn', 'PER']]],
  ['the Ministry of Defence on Monday', [['Ministry', 'ORG'], ['Defence', 'ORG']], [['Ministry of Defence', 'ORG']]],
  // Two names side by side are one, of the surer type …
  ['an interview with Harbor News on Tuesday', [['Harbor', 'ORG'], ['News', 'LOC']], [['Harbor News', 'ORG']]],
  ['the novelist Ayn Brook wrote', [['Ayn', 'ORG'], ['Brook', 'PER']], [['Ayn Brook', 'PER']]],
  ['pupils of Brisling Academy said', [['Brisling', 'PER'], ['Academy', 'ORG']], [['Brisling Academy', 'ORG']]],
  ['a spokesman for Third Lane, a group', [['Third', 'LOC'], ['Lane', 'ORG']], [['Third Lane', 'ORG']]],
  // … but not a person before a longer place, a nationality or party word before or after a name,
  // a common word before a person, nor across a change of case.
  ['the Senate Liberals voted', [['Senate', 'ORG'], ['Liberals', 'MISC']], [['Senate Liberals', 'ORG']]],
  ['the Ohio Liberal spoke', [['Ohio', 'LOC'], ['Liberal', 'MISC']], [['Ohio', 'LOC'], ['Liberal', 'MISC']]],
  ['the Senate Bill passed', [['Senate', 'ORG'], ['Bill', 'MISC']], [['Senate', 'ORG'], ['Bill', 'MISC']]],
  ['in the Halvor White House', [['Halvor', 'PER'], ['White House', 'LOC']], [['Halvor', 'PER'], ['White House', 'LOC']]],
  ['the Danish Anna Berg won', [['Danish', 'MISC'], ['Anna Berg', 'PER']], [['Danish', 'MISC'], ['Anna Berg', 'PER']]],
  ['the NTSB Harbor Road office', [['NTSB', 'ORG'], ['Harbor Road', 'LOC']], [['NTSB', 'ORG'], ['Harbor Road', 'LOC']]],
  // An acronym defined in brackets after a name is a name too.
  ['from the Joint Board of Tides (JBT) are not ready', [['Joint Board of Tides', 'ORG']], [['Joint Board of Tides', 'ORG'], ['JBT', 'ORG']]],
  // A complement ends at a full stop.
  ['He studied at Kelby University School of Law. He left.', [['Kelby University School of Law', 'ORG']], [['Kelby University School of Law', 'ORG']]],
  // A capitalised web address used as a name is an organisation; an address in a link is not.
  ['Truthmeter.org rated the ad false.', [], [['Truthmeter.org', 'ORG']]],
  ['read Shopmart.com, not Gazette.net/news', [['Shopmart.com', 'MISC']], [['Shopmart.com', 'ORG']]],
];

test('the tagger’s spans repaired where a greedy decoder errs on names', () => {
  for (const [text, given, want] of cases) {
    const got = repairSpans(text, spans(text, given)).map((s) => [s.text, s.type]);
    assert.deepEqual(got, want, text);
    for (const s of repairSpans(text, spans(text, given))) assert.equal(text.slice(s.start, s.end), s.text, `${text}: offsets`);
  }
});

test('a word mostly written in lower case joins no name: a sentence’s first word, a common word before a person', () => {
  const lower = new Set(['despite', 'fill']);
  const ratio = (w: string) => (lower.has(w.toLowerCase()) ? 0 : w === 'Ayn' ? 4 : -1);
  const rows: [string, [string, EntityType][], string[]][] = [
    ['Prices rose. Despite Norland, trade grew.', [['Despite', 'PER'], ['Norland', 'LOC']], ['Despite', 'Norland']],
    ['they had to Fill Brandt in', [['Fill', 'ORG'], ['Brandt', 'PER']], ['Fill', 'Brandt']],
    ['the novelist Ayn Brook wrote', [['Ayn', 'ORG'], ['Brook', 'PER']], ['Ayn Brook']],
  ];
  for (const [text, given, want] of rows) assert.deepEqual(repairSpans(text, spans(text, given), ratio).map((s) => s.text), want, text);
});
