/**
 * How each outlet words the same thing.
 *
 * 1. Names: one referent under different spellings (an entity whose mentions differ across
 *    articles), each spelling with the articles that use it.
 * 2. Loaded terms: words and phrases one outlet uses markedly more than the others, by the
 *    log-odds ratio with an informative Dirichlet prior (Monroe, Colaresi and Quinn 2008), the
 *    prior being the story's own pooled word counts; a phrase is reported when its z-score is high
 *    and the other outlets never use it.
 *
 * @module
 */
import type { StoryWording } from '../types.js';
import type { StoryContext } from './context.js';

const STOP = new Set('the a an of to in on at for and or but is are was were be been that this it its with as by from he she they his her their not will would has have had said also which who'.split(' '));
/** z-score of the log-odds above which a phrase is distinctive of an outlet. */
const Z_MIN = 1.5;

function ngrams(text: string): string[] {
  const toks = text.toLowerCase().match(/[\p{L}][\p{L}'’-]*/gu) ?? [];
  const out: string[] = [];
  for (let n = 1; n <= 3; n++) {
    for (let i = 0; i + n <= toks.length; i++) {
      const g = toks.slice(i, i + n);
      if (STOP.has(g[0]) || STOP.has(g[n - 1]) || g.some((w) => w.length < 3)) continue;
      out.push(g.join(' '));
    }
  }
  return out;
}

export function compareWording(ctx: StoryContext): StoryWording[] {
  const out: StoryWording[] = [];
  const fold = (s: string) => s.toLowerCase().replace(/['’]s$/, '');
  for (const e of ctx.entities) {
    const byForm = new Map<string, Set<string>>();
    for (const m of e.mentions) {
      const key = m.text.split(/\s+/).pop()!;
      if (!byForm.has(key)) byForm.set(key, new Set());
      byForm.get(key)!.add(m.article);
    }
    const forms = [...byForm.keys()];
    if (new Set(forms.map(fold)).size < 2 || e.kind === 'other') continue;
    out.push({ concept: e.name, variants: forms.map((f) => ({ text: f, articles: [...byForm.get(f)!] })) });
  }

  // Distinctive phrases per outlet.
  const bySource = new Map<string, string[]>();
  for (const a of ctx.articles) {
    const s = a.source ?? a.id;
    bySource.set(s, [...(bySource.get(s) ?? []), a.id]);
  }
  if (bySource.size < 2) return out;
  const counts = new Map<string, Map<string, number>>();
  const total = new Map<string, number>();
  for (const a of ctx.articles) {
    const s = a.source ?? a.id;
    const c = counts.get(s) ?? new Map<string, number>();
    for (const g of ngrams(a.text)) c.set(g, (c.get(g) ?? 0) + 1);
    counts.set(s, c);
  }
  for (const c of counts.values()) for (const [g, n] of c) total.set(g, (total.get(g) ?? 0) + n);
  const a0 = [...total.values()].reduce((x, y) => x + y, 0);
  for (const [source, c] of counts) {
    const ni = [...c.values()].reduce((x, y) => x + y, 0);
    const distinctive: { g: string; z: number }[] = [];
    for (const [g, y] of c) {
      const aw = total.get(g)!;
      const yj = aw - y;
      if (yj > 0 || y < 1 || g.split(' ').length < 2) continue;
      const nj = a0 - ni;
      const prior = (aw / a0) * 10;
      const delta = Math.log((y + prior) / (ni + 10 - y - prior)) - Math.log((yj + prior) / (nj + 10 - yj - prior));
      const z = delta / Math.sqrt(1 / (y + prior) + 1 / (yj + prior));
      if (z >= Z_MIN) distinctive.push({ g, z });
    }
    distinctive.sort((x, y) => y.z - x.z);
    if (distinctive.length) {
      out.push({ concept: `wording only ${source} uses`, variants: distinctive.slice(0, 8).map((d) => ({ text: d.g, articles: bySource.get(source)! })) });
    }
  }
  return out;
}
