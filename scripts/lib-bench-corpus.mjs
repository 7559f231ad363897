// A collection of any size for the store benchmarks, built from the full-text story sets of
// ../shared/eval/stories (ecbplus, basil, mcms; headlines without text are not articles the store
// takes), recombined: copy k of an article gets a new id, its date moved 30 days on per copy and
// its capitalised names swapped for other names of the corpus, so that copies form new stories.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const storiesDir = join(new URL('..', import.meta.url).pathname, '..', 'shared', 'eval', 'stories');

/** `record(i)`: the i-th article of the collection, `{id, source, title, text, published}`; null without ../shared. */
export function corpus() {
  if (!existsSync(storiesDir)) return null;
  const base = [];
  for (const f of ['ecbplus-dev', 'basil-dev', 'mcms-dev'])
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
    const swap = (s) => (s ?? '').replace(NAME, (w) => names[((nameIndex.get(w) ?? 0) + k * 7919) % names.length]);
    return { id: `${r.id}~${k}`, source: r.source ?? `outlet${i % 40}`, title: k ? swap(r.title) : r.title, text: k ? swap(r.text) : r.text, published };
  };
}
