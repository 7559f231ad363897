import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractText } from '../../src/extract/text/index.js';
import { extractArticle } from '../../src/extract/index.js';
import { classifyLine } from '../../src/extract/text/lines.js';
import { namesOnly } from '../../src/extract/text/byline.js';
import { stripSiteSuffix } from '../../src/extract/text/title.js';

const here = '[extract/text chrome] ';

// Every fixture below is invented. The menus repeat as scraped pages repeat them.
const MENU = ['Home', 'Local News', 'Weather', 'Sports', 'Menu', 'Sign in', 'Home', 'Local News', 'Weather', 'Sports'].join('\n');

// A lossy scrape: the text after each link is gone, every link text stands on its own line.
const PIECES = `${MENU}
Harbour strike ends after union vote
Jane Roe
Tue, March 4, 2025 at 9:10 AM UTC
Dock workers voted on Tuesday to accept the new contract, ending a walkout that had lasted
three weeks
The union said the deal raises wages by six percent and settles the dispute over night shifts.
Shipping firms, which had warned of losses,
welcomed the vote
Advertisement
Captains of more than forty ships waiting outside the port were told they could dock from Wednesday.
The port authority said the backlog would take about a week to clear, according to
a statement
Copyright 2025 Example Media. All rights reserved.
For the latest news and weather, head to our homepage every morning.
Show comments
Advertisement
Sports
Weather`;

test(here + 'pieces of sentences split at links stay in the body and are joined again', () => {
  const a = extractText(PIECES, { origin: 'test', title: 'Harbour strike ends after union vote' });
  assert.ok(a.text.startsWith('Dock workers voted on Tuesday to accept the new contract, ending a walkout that had lasted three weeks'), a.text.slice(0, 120));
  assert.ok(a.text.includes('Shipping firms, which had warned of losses, welcomed the vote'), a.text);
  assert.ok(a.text.endsWith('would take about a week to clear, according to a statement'), a.text.slice(-80));
  for (const chrome of ['Advertisement', 'Copyright', 'head to our homepage', 'Show comments', 'Local News'])
    assert.ok(!a.text.includes(chrome), `chrome left in the body: ${chrome}`);
  assert.equal(a.title, 'Harbour strike ends after union vote');
  assert.equal(a.byline, 'Jane Roe');
  assert.equal(a.published, '2025-03-04T09:10');
});

// Things set into a body: captions with credits, a related box with its date, other articles'
// headlines, a donation box. The body runs on after each of them.
const INSERTS = `Example Courier
Flood waters recede in the valley as clean-up begins
By
Jane Roe
March 5, 2025
In this handout photo released by the county, volunteers fill sandbags near the river. (Source: County Office)
Flood waters in the valley began to recede on Wednesday, and residents returned to inspect their homes.
Rescue crews said no one had been reported missing since Monday night.
Volunteers stack sandbags along the river bank, March 4, 2025 [John Doe/Example Agency]
The river peaked at more than six metres on Tuesday, the highest level in thirty years.
[Example Agency]
Engineers will inspect the two bridges that were closed before they reopen to traffic.
We bring you stories from the ground.
Your support keeps our team in the field.
DONATE NOW
The regional government has promised emergency payments to households whose homes were flooded.
Read more
Category
Latest news
Storm season starts early as warm seas feed the clouds
Feb 10, 2025 13:43
Farmers fear that the flooded fields will not be ready for planting until late spring.
Council votes to raise parking fees in the old town
Bakery chain opens its hundredth store with free bread for a day
Ferry timetable changes for the summer months announced
Insurers said claims were already arriving and that payments would begin within a fortnight.
Support our reporters
Related articles
Author
John Doe
Drought warning issued for the southern plains
Mar 1, 2025 08:00
Tags:
Weather
© 2025 Example Courier. All rights reserved.`;

test(here + 'captions, credits, related boxes and donation boxes inside a body are removed, the body runs on', () => {
  const a = extractText(INSERTS, { origin: 'test' });
  assert.ok(a.text.startsWith('Flood waters in the valley began to recede'), a.text.slice(0, 80));
  assert.ok(a.text.endsWith('payments would begin within a fortnight.'), a.text.slice(-80));
  for (const kept of ['The river peaked', 'Engineers will inspect', 'The regional government has promised', 'Farmers fear'])
    assert.ok(a.text.includes(kept), `body text lost: ${kept}`);
  for (const chrome of ['handout photo', 'County Office', 'Volunteers stack sandbags', 'John Doe', '[Example Agency]', 'We bring you', 'Your support',
    'DONATE', 'Read more', 'Storm season starts early', 'Council votes', 'Bakery chain', 'Ferry timetable', 'Related articles', 'Drought warning', '©'])
    assert.ok(!a.text.includes(chrome), `chrome left in the body: ${chrome}`);
  assert.equal(a.byline, 'Jane Roe');
  assert.equal(a.published, '2025-03-05');
});

// Wire copy: a byline with the place and agency, a sign-off, then the site's subscription notice.
const WIRE = `Talks on grain exports resume in the capital | World | example-news.com
Talks on grain exports resume in the capital
Jane ROE with John DOE in Northport AFP
Mar 6, 2025
Negotiators from both countries met again on Thursday to discuss grain shipments across the sea.
Officials said a deal could be signed within days if the insurance question is settled.
*Writing by Ann Smith in Southport
Example News website carries only a part of the stories offered to subscribers of its wire service.
Please contact us for subscription options.`;

test(here + 'a sign-off ends the body; a wire byline keeps only the names; the title loses its site suffix', () => {
  const a = extractText(WIRE, { origin: 'test', url: 'https://www.example-news.com/world/talks' });
  assert.ok(a.text.endsWith('if the insurance question is settled.'), a.text.slice(-80));
  assert.ok(!a.text.includes('Writing by') && !a.text.includes('subscription'), a.text);
  assert.equal(a.byline, 'Jane ROE with John DOE');
  assert.equal(a.title, 'Talks on grain exports resume in the capital');
});

const KINDS: [string, string][] = [
  ['Published On 3 Mar 2025', 'date'],
  ['Tue, March 4, 2025 at 9:10 AM UTC', 'date'],
  ['04.03.2025 - Update : 05.03.2025', 'date'],
  ['March 4 was the day the lights went out in the old town', 'short'],
  ['© 2025 Example Media Group', 'legal'],
  ['Copyright 2025 Example Media, Inc. All rights reserved. This material may not be published.', 'legal'],
  ['Reporting by Jane Roe; Editing by John Doe', 'signoff'],
  ['Crowds gather in the main square at dawn [Jane Roe/Example Agency]', 'caption'],
  ['The mayor visits the flooded street (Image: Example Agency)', 'caption'],
  ['(Example Agency)', 'caption'],
  ['The ministry said the talks would resume next week (TASS).', 'prose'],
  ['Timeline (2014–2022)', 'short'],
  ['Your donation keeps our reporters where the news is.', 'prompt'],
  ['Thank you for signing up. You will receive a confirmation email shortly.', 'prompt'],
  ['“We will rebuild every house,” the mayor told residents on Tuesday.', 'prose'],
  ['The US and the EU agreed on the text of the statement on Friday.', 'prose'],
  ['Read more: Storm closes two ferry routes in the north as winds reach gale force on the coast', 'prompt'],
  ['Photo: Jane Roe/Example Agency', 'caption'],
  ['Photographs of the flood were shared widely on Tuesday, officials said.', 'prose'],
];
for (const [text, kind] of KINDS) {
  test(`${here}line kind: ${text}`, () => assert.equal(classifyLine(text, 0).kind, kind));
}

const NAMES: [string, string | null][] = [
  ['Jane Roe', 'Jane Roe'],
  ['Jane T Roe  |', 'Jane T Roe'],
  ['Jane Roe | Staff Reporter', 'Jane Roe'],
  ['Jane ROE with John DOE in Northport AFP', 'Jane ROE with John DOE'],
  ['Maria van der Berg and John Doe', 'Maria van der Berg and John Doe'],
  ['Local News', null],
  ['Home & Garden', null],
  ['Sign in', null],
  ['Prices rise again', null],
  ['Roe', null],
];
for (const [text, want] of NAMES) {
  test(`${here}names only: ${text}`, () => assert.equal(namesOnly(text), want));
}

const TITLES: [string, { source?: string; url?: string }, string][] = [
  ['Storm closes ferry routes | News | example-news.com', {}, 'Storm closes ferry routes'],
  ['Storm closes ferry routes - Example Times', { source: 'Example Times' }, 'Storm closes ferry routes'],
  ['Storm closes ferry routes / The Example Herald', { url: 'https://www.exampleherald.com/a/1' }, 'Storm closes ferry routes'],
  // A dash tail that is not the site credits a source: it stays.
  ['Aid matters more than membership talks — Minister', { source: 'Example Times' }, 'Aid matters more than membership talks — Minister'],
  ['Budget passes - Example Times', { source: 'Example Times' }, 'Budget passes - Example Times'],
];
for (const [title, site, want] of TITLES) {
  test(`${here}title suffix: ${title}`, () => assert.equal(stripSiteSuffix(title, site), want));
}

// Guards found while checking precision on other plain-text inputs.
const GUARDS: [string, string, (a: ReturnType<typeof extractText>) => void][] = [
  [
    'a short sentence between sentences stays in the body as its own paragraph',
    `Flood waters recede in the valley
"It was a terrible night for all of us on the street.
So very frightening.
Nobody slept until the water started to fall in the morning," said one resident.`,
    (a) => assert.ok(a.text.includes('\n\nSo very frightening.\n\n'), a.text),
  ],
  [
    'a headline that ends in a full stop above the first paragraph stays the title',
    `Mayor resigns.
The mayor of the harbour town resigned on Monday after a dispute over the new budget.
Her deputy will lead the council until an election in the spring, officials said.`,
    (a) => {
      assert.equal(a.title, 'Mayor resigns.');
      assert.ok(a.text.startsWith('The mayor of the harbour town'), a.text);
    },
  ],
  [
    'a headline ending on an adverb is not a sentence cut at a link',
    `Striker's season over
The club said on Friday that its top scorer would miss the rest of the season with a knee injury.
He had scored eleven goals in fourteen matches before he was hurt.`,
    (a) => {
      assert.equal(a.title, "Striker's season over");
      assert.ok(a.text.startsWith('The club said on Friday'), a.text);
    },
  ],
  [
    'a title-case line under the headline with no date after it is not a byline',
    `Council approves the new harbour plan
Multiple Budget Amendments
The council approved the harbour plan on Tuesday by a wide margin after a long debate.
Work on the new quay will start in the autumn, the council said.`,
    (a) => assert.equal(a.byline, null),
  ],
  [
    'link texts after a gap at the end of a body are not the body',
    `The council approved the harbour plan on Tuesday by a wide margin after a long debate.
Work on the new quay will start in the autumn, the council said.
xyz-abc/def
Latest Headlines from Elsewhere
Originally published on
example.com`,
    (a) => assert.ok(a.text.endsWith('the council said.'), a.text.slice(-60)),
  ],
  [
    'a date line with a lower-case label is not a piece of the headline',
    `Jury finds driver guilty in harbour crash
on March 4, 2025 at 9: 10 AM, updated March 4, 2025 at 11: 30 AM
A jury on Tuesday convicted the driver of a van that crashed into a harbour café last year.
The sentence will be handed down next month, the court said.`,
    (a) => {
      assert.ok(a.text.startsWith('A jury on Tuesday'), a.text);
      assert.equal(a.published, '2025-03-04');
    },
  ],
];
for (const [name, text, check] of GUARDS) {
  test(here + name, () => check(extractText(text, { origin: 'test', title: text.split('\n')[0] })));
}

test(here + "a record's title loses the site suffix that names the record's outlet", () => {
  const a = extractArticle({
    raw: { kind: 'text', origin: 'test', content: 'The council approved the harbour plan on Tuesday by a wide margin after a long debate.' },
    record: { id: 'r1', title: 'Council approves harbour plan | Harbour Daily', source: 'Harbour Daily' },
  });
  assert.equal(a.title, 'Council approves harbour plan');
  const b = extractArticle({
    raw: { kind: 'text', origin: 'test', content: 'The council approved the harbour plan on Tuesday by a wide margin after a long debate.' },
    record: { id: 'r2', title: 'Plan is "a disaster" — Harbour Daily', source: 'Example Times' },
  });
  assert.equal(b.title, 'Plan is "a disaster" — Harbour Daily');
});

test(`${here}a bare count under the date line is no date: the first sentences after it are body, not a dated list`, () => {
  const input = `${MENU}
Harbour strike ends after union vote
Jane Roe
Tue, March 4, 2025 at 9:10 AM UTC
0
Dock workers voted on Tuesday to accept the new contract, ending a walkout that had lasted three weeks.
“We did not give up — we held the line,” the union leader said in an
address to her members
Shipping firms welcomed the vote and said the first ships would dock on Wednesday morning.
Captains of more than forty ships waiting outside the port were told they could dock from Wednesday.`;
  const out = extractText(input, { origin: 'test' });
  assert.match(out.text, /we held the line,” the union leader said in an address to her members/);
  assert.equal(classifyLine('0', 0).kind, 'short');
});
