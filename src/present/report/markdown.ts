import type { Reporter } from './types.js';
import { plural } from '../text.js';
import { reportModel, type Cited } from './sections.js';
import { markdown as md, safeUrl } from './escape.js';

const cite = (c: Cited) => `${md(c.text)} ${c.cites.map((n) => `[${n}]`).join('')}`;

export const markdownReporter: Reporter = {
  format: 'md',
  extension: 'md',
  render(story) {
    const m = reportModel(story);
    const out: string[] = [`# ${md(m.title)}`, '', `${plural(m.articles.length, 'article')} from ${plural(new Set(m.articles.map((a) => a.outlet)).size, 'outlet')}.`, ''];
    const section = (title: string, lines: string[]) => { if (lines.length) out.push(`## ${title}`, '', ...lines, ''); };
    section('Summary', m.summary.map((c) => `- ${cite(c)}`));
    section('What the outlets share', m.shared.slice(0, 30).map((c) => `- ${cite(c)}${c.coverage ? ` _(${c.coverage})_` : ''}${c.mark ? ` — **${c.mark}**` : ''}`));
    section('Only one outlet reports', m.exclusives.flatMap((e) => [`**${md(e.outlet)}**`, ...e.claims.slice(0, 8).map((c) => `- ${md(c)}`)]));
    section('Disagreements', m.disagreements.flatMap((d) => [`**${md(d.about)}**`, ...d.versions.map((v) => `- ${cite(v)}`)]));
    section('Who said what', m.quotes.flatMap((q) => [`**${md(q.speaker)}**`, ...q.quotes.slice(0, 6).map((c) => `- ${cite(c)}`)]));
    section('Wording', m.wording.map((w) => `- ${md(w.concept)}: ${w.variants.map((v) => `"${md(v.text)}" (${v.outlets.map(md).join(', ')})`).join(' · ')}`));
    section('Timeline', m.timeline.map((t) => `- **${md(t.date)}** ${cite(t)}`));
    section('Coverage', [...m.coverage.map((g) => `- ${md(g.label)}: ${g.counts.map(([k, v]) => `${md(k)} ${v}`).join(', ')}`), ...m.blindSpots.map((b) => `- Blind spot: ${md(b)}`)]);
    section('Articles', m.articles.map((a) => {
      const url = safeUrl(a.url);
      const title = md(a.title);
      return `${a.n}. ${md(a.outlet)} (${md(a.profile)}), ${md(a.published)}: ${url ? `[${title}](<${url.replace(/>/g, '%3E')}>)` : title}`;
    }));
    return out.join('\n');
  },
};
