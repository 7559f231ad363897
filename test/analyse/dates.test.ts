import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findDates } from '../../src/enrich/dates.js';

const here = '[analyse/dates] ';
// 2024-12-03 is a Tuesday.
const TUE = '2024-12-03';

// [text, publication date, [expression, resolved date][]]
const rows: [string, string | null, [string, string][]][] = [
  ['In 1994, Ukraine gave up the weapons.', TUE, [['1994', '1994']]],
  ['At a summit in the summer of 2023, leaders met.', TUE, [['the summer of 2023', '2023']]],
  ['The meeting on 3 December 2024 was long.', TUE, [['3 December 2024', '2024-12-03']]],
  ['On Dec. 1, 2024 it began; by March 2022 it had ended.', TUE, [['Dec. 1, 2024', '2024-12-01'], ['March 2022', '2022-03']]],
  ['The file is dated 2024-12-03.', TUE, [['2024-12-03', '2024-12-03']]],
  ['He said on December 1 that he would not.', TUE, [['December 1', '2024-12-01']]],
  ['He takes office on January 20.', TUE, [['January 20', '2025-01-20']]],
  ['On 3 December 2021 they met. On December 5 they left.', TUE, [['3 December 2021', '2021-12-03'], ['December 5', '2021-12-05']]],
  ['The day before, the minister spoke.', TUE, [['The day before', '2024-12-02']]],
  ['Yesterday the ministers met.', TUE, [['Yesterday', '2024-12-02']]],
  ['The ministers met on Monday.', TUE, [['on Monday', '2024-12-02']]],
  ['The summit will open on Friday.', TUE, [['on Friday', '2024-12-06']]],
  ['It happened last Tuesday.', TUE, [['last Tuesday', '2024-11-26']]],
  ['Talks could begin next year.', TUE, [['next year', '2025']]],
  ['Two days ago, the talks began.', TUE, [['Two days ago', '2024-12-01']]],
  ['Last month prices fell.', TUE, [['Last month', '2024-11']]],
  ['He met him in November.', TUE, [['November', '2024-11']]],
  ['Last week, on November 28, he met the envoy.', TUE, [['November 28', '2024-11-28']]],
  ['In 2014 and 2022 the army attacked.', TUE, [['2014', '2014'], ['2022', '2022']]],
];

for (const [text, published, want] of rows) {
  test(`${here}${text}`, () => {
    assert.deepEqual(findDates(text, published).map((d) => [d.text, d.date]), want);
  });
}

// 2025-03-03 is a Monday.
const MON = '2025-03-03';

// Failure classes of relative and partial dates: [text, publication date, [expression, resolved date][]]
const resolved: [string, string, [string, string][]][] = [
  // A weekday the words look ahead to is the coming one, not the past one.
  ['The council will vote as early as Thursday on the budget.', MON, [['Thursday', '2025-03-06']]],
  ['Officials said the vote would be held on Thursday.', MON, [['on Thursday', '2025-03-06']]],
  ['The ministry would not say on Thursday whether the plant had closed.', MON, [['on Thursday', '2025-02-27']]],
  ['On Thursday, the council will vote on the budget.', MON, [['Thursday', '2025-03-06']]],
  // A past verb governs the weekday: the past one, even with a future verb later in the clause.
  ['The mayor said on Thursday that the council will vote again.', MON, [['on Thursday', '2025-02-27']]],
  // A weekday naming the calendar date that follows it is no second date.
  ['The final is on Saturday, Jan. 15 at the stadium.', '2011-01-05', [['Jan. 15', '2011-01-15']]],
  // A vague week is dated at the month that holds all of it, or not at all.
  ['The union met the minister last week and launched its campaign this week.', '2025-03-19', [['last week', '2025-03'], ['this week', '2025-03']]],
  ['The union met the minister last week.', MON, []],
  // "The past year" is the last twelve months, not last year.
  ['Exports have fallen over the past year, after rising 4% last year.', MON, [['last year', '2024']]],
  // A span of years is no event: neither end is dated.
  ['The survey covers the period from 2013 to 2022 and the 2015-2018 drought.', MON, []],
  ['Rainfall between 2001 and 2003 was low.', MON, []],
  // The baseline of a comparison is no event; the start of a state is.
  ['Last year was the wettest year since 2002.', MON, [['Last year', '2024']]],
  ['The dam has been closed since 2019.', MON, [['2019', '2019']]],
  ['Protests against the dam have gone on since 2019.', MON, [['2019', '2019']]],
  // A year used as an adjective, and "back to".
  ['Parliament restored the 1994 water law.', MON, [['1994', '1994']]],
  ['The dispute dates back to 2014, when the dam was built.', MON, [['2014', '2014']]],
  // A month's abbreviation inside a hyphenated name is no month.
  ['The envoys met in Mar-a-Lago and again in March.', '2025-06-10', [['March', '2025-03']]],
  // A month or a year inside a quotation holds for the speaker; a day does not.
  ['"At the end of this month the plant closes, and tomorrow we strike," she said.', MON, [['this month', '2025-03']]],
  ['"We expect growth to slow in the second half of the year," he said.', MON, [['the second half of the year', '2025']]],
  // A month-day without a year takes a year given earlier in its sentence.
  ['In 2019, on March 3, the bridge closed.', MON, [['2019', '2019'], ['March 3', '2019-03-03']]],
  // Without one, past tense takes the last such day, not the nearest.
  ['The ferry sank on November 20, officials said.', '2025-06-10', [['November 20', '2024-11-20']]],
  ['The envoys met in March.', MON, [['March', '2025-03']]],
  ['The envoys met in May.', MON, [['May', '2024-05']]],
  // A day or two ahead of the publication is a dateline's time zone, not last year.
  ['Police said on March 4 that the ferry sank.', MON, [['March 4', '2025-03-04']]],
];

// Spans counted from another date: the date the text gave last, or the date of their own sentence.
const counted: [string, string, [string, string][]][] = [
  ['The mayor spoke on Saturday. Two days later, her deputy resigned.', '2025-03-05', [['on Saturday', '2025-03-01'], ['Two days later', '2025-03-03']]],
  ['The party won the 2010 elections. Two years prior, it had lost badly.', MON, [['2010', '2010'], ['Two years prior', '2008']]],
  ['The talks began on 3 March 2025. The next day they collapsed.', '2025-03-10', [['3 March 2025', '2025-03-03'], ['The next day', '2025-03-04']]],
  // "Exactly" keeps the day of a month's count; without it the month is all a month's count gives.
  ['At a briefing on Monday, exactly one month after the flood in Lindale, the governor spoke.', '2025-03-04', [['on Monday', '2025-03-03'], ['exactly one month after', '2025-02-03']]],
  ['At a briefing on Monday, one month after the flood in Lindale, the governor spoke.', '2025-03-04', [['on Monday', '2025-03-03'], ['one month after', '2025-02']]],
  // With no date of its own, a sentence of now counts from the publication.
  ['The vote comes a day after a joint report on the harbour was published.', '2025-03-04', [['a day after', '2025-03-03']]],
  ['Tuesday marks the fourth anniversary of the flood.', '2025-03-05', [['Tuesday', '2025-03-04'], ['the fourth anniversary of', '2021-03-04']]],
  // An anniversary the sentence does not date is known to the year only.
  ['Officials did not mark the four-year anniversary of the flood.', '2025-03-05', [['the four-year anniversary of', '2021']]],
  // "The day before the election" names the election's eve, not the report's.
  ['He voted the day before the election.', MON, []],
];

for (const [text, published, want] of counted) {
  test(`${here}counted: ${text} (published ${published})`, () => {
    assert.deepEqual(findDates(text, published).map((d) => [d.text, d.date]), want);
  });
}

for (const [text, published, want] of resolved) {
  test(`${here}${text} (published ${published})`, () => {
    assert.deepEqual(findDates(text, published).map((d) => [d.text, d.date]), want);
  });
}

// What must not be read as a date.
const misses: [string, string | null][] = [
  ['The 2,000 troops flew 1994 sorties.', TUE],
  ['"We will meet tomorrow," he said.', TUE],
  ['The talks began the day before.', null],
];
for (const [text, published] of misses) {
  test(`${here}no date in: ${text}`, () => {
    assert.deepEqual(findDates(text, published).map((d) => d.text), []);
  });
}

test(`${here}relative expressions are marked relative, calendar dates are not`, () => {
  const got = findDates('On 3 December 2024 and the day before.', TUE);
  assert.deepEqual(got.map((d) => [d.text, d.relative]), [['3 December 2024', false], ['the day before', true]]);
  for (const d of got) assert.equal('On 3 December 2024 and the day before.'.slice(d.start, d.end), d.text);
});
