/**
 * A story's title: the headline that shares the most words with the story's other headlines
 * (an outlier headline, or one about a side of the story, does not stand for it). One rule for
 * every place a story is named (the store's lists, the analysis, the page, the terminal), so a
 * story has one title everywhere.
 *
 * @module
 */

/**
 * The most central of `titles` (given in publication order; ties go to the earlier one), or null
 * when there is none.
 */
export function centralTitle(titles: string[]): string | null {
  if (!titles.length) return null;
  const words = (t: string) => new Set(t.toLowerCase().match(/\p{L}{4,}/gu) ?? []);
  const sets = titles.map(words);
  let best = 0;
  let bestScore = -1;
  sets.forEach((s, i) => {
    let score = 0;
    sets.forEach((o, j) => {
      if (i !== j) for (const w of s) if (o.has(w)) score++;
    });
    score = score / Math.sqrt(s.size || 1);
    if (score > bestScore) {
      bestScore = score;
      best = i;
    }
  });
  return titles[best];
}
