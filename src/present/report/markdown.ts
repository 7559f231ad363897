import type { Reporter } from './types.js';
import { plural } from '../text.js';
import { reportModel, type Cited, type Said } from './sections.js';
import { markdown as md, safeUrl } from './escape.js';

/** An outlet's sentence, with its language's name when the story holds several. */
const said = (c: Said) => `${md(c.text)}${c.label ? ` _(${md(c.label)})_` : ''}`;
const cite = (c: Cited) => `${said(c)} ${c.cites.map((n) => `[${n}]`).join('')}`;

export const markdownReporter: Reporter = {
  format: 'md',
  extension: 'md',
  render(story) {
    const m = reportModel(story);
    const languages = m.languages ? ` ${m.languageCount > 1 ? `${plural(m.languageCount, 'language')}: ` : 'In '}${md(m.languages)}.` : '';
    const out: string[] = [`# ${md(m.title)}`, '', `${plural(m.articles.length, 'article')} from ${plural(new Set(m.articles.map((a) => a.outlet)).size, 'outlet')}.${languages}`, ''];
    const section = (title: string, lines: string[]) => { if (lines.length) out.push(`## ${title}`, '', ...lines, ''); };
    section('Summary', m.summary.map((c) => `- ${cite(c)}`));
    section('What the outlets share', m.shared.slice(0, 30).map((c) => `- ${cite(c)}${c.coverage ? ` _(${c.coverage})_` : ''}${c.mark ? ` — **${c.mark}**` : ''}`));
    section('Only one outlet reports', m.exclusives.flatMap((e) => [`**${md(e.outlet)}**`, ...e.claims.slice(0, 8).map((c) => `- ${said(c)}`)]));
    section('Disagreements', m.disagreements.flatMap((d) => [`**${md(d.about)}**`, ...d.versions.map((v) => `- ${cite(v)}`)]));
    section('Who said what', m.quotes.flatMap((q) => [`**${md(q.speaker)}**`, ...q.quotes.slice(0, 6).map((c) => `- ${cite(c)}`)]));
    section('Wording', m.wording.map((w) => `- ${md(w.concept)}: ${w.variants.map((v) => `"${md(v.text)}" (${v.byLanguage.length ? v.byLanguage.map((g) => `${md(g.language)}: ${g.outlets.map(md).join(', ')}`).join('; ') : v.outlets.map(md).join(', ')})`).join(' · ')}`));
    section('Timeline', m.timeline.map((t) => `- **${md(t.date)}** ${cite(t)}`));
    section('Coverage', [...m.coverage.map((g) => `- ${md(g.label)}: ${g.counts.map(([k, v]) => `${md(k)} ${v}`).join(', ')}`), ...m.blindSpots.map((b) => `- Blind spot: ${md(b)}`)]);
    section('Articles', m.articles.map((a) => {
      const url = safeUrl(a.url);
      const title = md(a.title);
      return `${a.n}. ${md(a.outlet)}${a.language ? `, ${md(a.language)}` : ''} (${md(a.profile)}), ${md(a.published)}: ${url ? `[${title}](<${url.replace(/>/g, '%3E')}>)` : title}`;
    }));
    return out.join('\n');
  },
};
