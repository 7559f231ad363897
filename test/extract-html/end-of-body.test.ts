// Where the body ends: what pages print under a story without markup saying so (teaser lists,
// comment threads, calls to subscribe, share buttons, "related" blocks), and lines of the story
// that look like links. Invented pages, one case each.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractHtml } from '../../src/extract/html/index.js';

const here = '[extract/html end of body] ';

const STORY = [
  'The harbour board voted on Tuesday to deepen the northern channel, ending a dispute that had kept larger ferries away from the town for most of the decade.',
  'Dredging will start in the spring and take about eighteen months, the board said, at a cost the port and the regional council will share between them.',
  'Ferry operators welcomed the decision, saying the deeper channel would let them run their newer vessels on the winter timetable for the first time.',
  'Residents near the channel had asked for limits on night work, and the board agreed to stop dredging between ten in the evening and six in the morning.',
  'The board will publish the contractor’s schedule next month, after the regional council approves its share of the cost at its March meeting.',
];
const story = STORY.map((p) => `<p>${p}</p>`).join('\n');
const page = (article: string, after = '') =>
  `<!doctype html><html><head><title>Harbour board votes to deepen channel</title></head><body><div id="page"><div class="main"><h1>Harbour board votes to deepen channel</h1>${article}</div>${after}</div></body></html>`;
const extract = (html: string) => extractHtml(html, { origin: 'test', url: 'https://harbour-news.example/2024/03/05/channel' });

const TEASERS = [
  ['Bridge repairs to close the coast road for a week', 'Drivers heading north will be sent through the valley while crews replace the deck of the old bridge, the council said on Monday.'],
  ['School board names a new head for the island campus', 'The board chose a teacher who has worked on the island for twenty years, after a search that lasted most of the winter term.'],
  ['Fishing quota talks resume after a month of delays', 'Negotiators from the three fishing ports will meet again on Thursday, hoping to settle the spring quotas before the season opens.'],
  ['Library opens its new reading room on the quay', 'The reading room, built in the old customs house, will stay open until nine on weekdays and hold the town’s archive of ship logs.'],
  ['Storm warning lifted for the outer islands', 'Forecasters lifted the warning on Sunday evening after the wind dropped, and the first ferries are expected to sail on Monday morning.'],
  ['Market square to get new lighting before summer', 'The lamps, paid for by the traders’ association, will replace the ones put up in the nineteen-seventies and use a third of the power.'],
];
const pairs = (n: number) =>
  `<div class="rail"><h3>Regional headlines</h3><dl>${TEASERS.slice(0, n).map(([h, s], i) => `<dt><a href="/news/${i}">${h}</a></dt><dd>${s}</dd>`).join('')}</dl></div>`;

test(here + 'a list of headline links each followed by its summary is teasers, not the story', () => {
  const a = extract(page(story + pairs(3)));
  assert.ok(a.text.includes('The board will publish the contractor’s schedule'));
  assert.ok(!a.text.includes('Drivers heading north'), a.text);
  assert.ok(!a.text.includes('The board chose a teacher'));
});

test(here + 'teasers outweighing the story do not make the body look too small to be the story', () => {
  // Six summaries hold more text than the story: read as prose, they would send the page to the
  // fallback, which takes them all in.
  const a = extract(page(STORY.slice(0, 2).map((p) => `<p>${p}</p>`).join(''), pairs(6) + pairs(6).replace(/\/news\//g, '/more/')));
  assert.ok(a.text.includes('Dredging will start in the spring'));
  assert.ok(!a.text.includes('Forecasters lifted the warning'), a.text);
});

test(here + 'cards whose summary ends in a "read more" link are teasers too', () => {
  const cards = `<div class="more"><ul>${TEASERS.slice(0, 4).map(([h, s], i) => `<li><h3>${h}</h3><p class="text">${s} <a href="/news/${i}">Read more</a></p></li>`).join('')}</ul></div>`;
  const a = extract(page(`<div class="story">${story}</div>${cards}`));
  assert.ok(a.text.includes('The board will publish the contractor’s schedule'));
  assert.ok(!a.text.includes('Drivers heading north'), a.text);
});

test(here + 'a line that labels one address ("Website: https://…") stays in the story', () => {
  const body = `${STORY.slice(0, 2).map((p) => `<p>${p}</p>`).join('')}<p><b>Website: </b><a href="https://harbour-board.example/">https://harbour-board.example/</a></p>${STORY.slice(2).map((p) => `<p>${p}</p>`).join('')}`;
  const a = extract(page(body));
  assert.ok(a.text.includes('Website: https://harbour-board.example/'), a.text);
});

test(here + 'a thread of comments under the story, each under a dated header, is not the story', () => {
  const comments = [
    ['Ana Costa | 3/5/2024 10:14:02 AM', 'About time. The old channel has been a problem since the new ferries arrived, and everyone in town knew it.'],
    ['Tom Okafor | 3/5/2024 11:40:37 AM', 'Night work limits are a good compromise, but I would like to see the schedule before I believe it.'],
    ['Lena Brandt | 3/5/2024 1:02:11 PM', 'Does anyone know whether the winter timetable changes this year or next?'],
  ];
  const thread = `<h4>Comments</h4>${comments.map(([h, c], i) => `<p class="c${i}">${h}</p><p>${c}</p>`).join('')}`;
  const a = extract(page(`<div class="story">${story}<div class="talk">${thread}</div></div>`));
  assert.ok(a.text.endsWith('at its March meeting.'), a.text);
  assert.ok(!a.text.includes('About time.'));
});

test(here + 'a live blog whose entries carry dated headers keeps every entry', () => {
  const entries = STORY.map((p, i) => `<p>3/5/2024 ${9 + i}:15 AM</p><p>${p}</p>`).join('');
  const a = extract(page(`<div class="story">${entries}</div>`));
  for (const p of STORY) assert.ok(a.text.includes(p), p);
});

test(here + 'the story ends at a call to subscribe, a comment-form notice, a share button or a "related" label', () => {
  const tails = [
    '<p>To get these reports every week, sign up for our harbour newsletter.</p>',
    '<p>Readers may post comments about this article; the comment policy applies.</p>',
    '<p>Share this story</p>',
    '<h3>Related articles</h3>',
  ];
  const after = '<p>Our newsroom is funded by readers in the three harbour towns, who keep it going.</p>';
  for (const tail of tails) {
    const a = extract(page(`<div class="story">${story}${tail}${after}</div>`));
    assert.ok(a.text.includes('The board will publish the contractor’s schedule'), tail);
    assert.ok(!a.text.includes('Our newsroom is funded'), `${tail}: ${a.text.slice(-300)}`);
  }
});

test(here + 'a code listing that shows markup is part of the article that shows it', () => {
  const listing = Array.from({ length: 12 }, (_, i) => `  &lt;p class="channel-${i}"&gt;Depth survey, section ${i}: dredge to eleven metres&lt;/p&gt;`).join('\n');
  const code = `<pre><code>&lt;section class="survey"&gt;\n${listing}\n&lt;/section&gt;</code></pre>`;
  const a = extract(page(`<div class="story">${STORY.slice(0, 2).map((p) => `<p>${p}</p>`).join('')}${code}${STORY.slice(2).map((p) => `<p>${p}</p>`).join('')}</div>`));
  assert.ok(a.text.includes('Depth survey, section 11: dredge to eleven metres'), a.text);
  assert.ok(a.text.includes(STORY[4]));
  assert.ok(a.text.includes(STORY[0]));
});
