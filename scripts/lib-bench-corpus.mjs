// A collection of any size for the benchmarks, built from the story sets of ../shared/eval/stories,
// recombined: copy 0 is the sets themselves, their dates moved into one month (undated articles
// get a day by their position); copy k of an article gets a new id, its date moved 30 days on
// per copy and its capitalised names swapped for other names of the corpus, so that copies form
// new stories. The story labels are not read.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const storiesDir = join(new URL('..', import.meta.url).pathname, '..', 'shared', 'eval', 'stories');

/** The sets with full texts (the store takes no headline without text). */
export const FULL_TEXT = ['ecbplus-dev', 'basil-dev', 'mcms-dev'];

/** `record(i)`: the i-th article of the collection built from `files`; null without ../shared. */
export function corpus(files = FULL_TEXT) {
  if (!existsSync(storiesDir)) return null;
  const base = [];
  for (const f of files)
    for (const l of readFileSync(join(storiesDir, `${f}.jsonl`), 'utf8').split('\n').filter(Boolean)) { const { story: _s, ...r } = JSON.parse(l); base.push(r); }
  const START = Date.parse('2020-01-01');
  base.forEach((r, i) => { r.day = i % 30; });
  base.sort((a, b) => a.day - b.day);
  const NAME = /\b\p{Lu}\p{Ll}{3,}\b/gu;
  const names = [...new Set(base.flatMap((r) => `${r.title ?? ''} ${r.text.slice(0, 2000)}`.match(NAME) ?? []))];
  const nameIndex = new Map(names.map((n, i) => [n, i]));
  return function record(i) {
    const r = base[i % base.length];
    const k = Math.floor(i / base.length);
    const published = new Date(START + (k * 30 + r.day) * 86_400_000).toISOString().slice(0, 10);
    if (!k) return { ...r, published };
    const swap = (s) => (s ?? '').replace(NAME, (w) => names[((nameIndex.get(w) ?? 0) + k * 7919) % names.length]);
    return { ...r, id: `${r.id}~${k}`, url: r.url ? `${r.url}~${k}` : null, title: swap(r.title), text: swap(r.text), published };
  };
}
