import type { Reporter } from './types.js';
import { plural } from '../text.js';
import { reportModel, type Cited, type Said } from './sections.js';
import { html as h, safeUrl } from './escape.js';
import { barChart } from './svg.js';
import { langAttrs } from '../languages.js';

const cites = (c: Cited) => c.cites.map((n) => `<a class="cite" href="#a${n}" aria-label="article ${n}">${n}</a>`).join('');
/** An outlet's sentence in its language and direction, with the language's name when the story holds several. */
const inLanguage = (text: string, lang: string | null) => {
  const attrs = langAttrs(lang, text);
  return attrs ? `<span${attrs}>${h(text)}</span>` : h(text);
};
const said = (c: Said) => `${inLanguage(c.text, c.lang)}${c.label ? ` <span class="lang">${h(c.label)}</span>` : ''}`;
const cited = (c: Cited) => `${said(c)} <span class="cites">${cites(c)}</span>`;

const STYLE = `
:root{color-scheme:light dark;--fg:#1d1d1f;--bg:#fff;--mute:#666;--line:#ddd;--accent:#0b5cad;--mark:#fff3c4}
@media (prefers-color-scheme:dark){:root{--fg:#e8e8ea;--bg:#141416;--mute:#a0a0a8;--line:#333;--accent:#7fb2ff;--mark:#4a3f10}}
body{font:16px/1.5 system-ui,sans-serif;color:var(--fg);background:var(--bg);max-width:60rem;margin:2rem auto;padding:0 1rem}
h1{font-size:1.6rem;line-height:1.25}h2{font-size:1.15rem;border-bottom:1px solid var(--line);padding-bottom:.2rem;margin-top:2rem}
.meta,.profile{color:var(--mute);font-size:.9rem}.cites a{font-size:.75rem;vertical-align:super;margin-left:.15rem;color:var(--accent)}
.lang{font-size:.75rem;border:1px solid var(--line);border-radius:3px;padding:0 .3rem;white-space:nowrap}.mark{background:var(--mark);padding:0 .3rem;border-radius:3px;font-size:.85rem}
ul{padding-left:1.2rem}li{margin:.3rem 0}table{border-collapse:collapse}td,th{padding:.2rem .6rem;border-bottom:1px solid var(--line);text-align:left}
.charts{display:flex;flex-wrap:wrap;gap:1.5rem}.charts figure{margin:0;color:var(--fg)}figcaption{font-weight:600;font-size:.9rem}
a{color:var(--accent)}`;

export const htmlReporter: Reporter = {
  format: 'html',
  extension: 'html',
  render(story) {
    const m = reportModel(story);
    const parts: string[] = [];
    const section = (title: string, body: string) => { if (body) parts.push(`<section><h2>${h(title)}</h2>${body}</section>`); };
    const list = (items: string[]) => (items.length ? `<ul>${items.map((i) => `<li>${i}</li>`).join('')}</ul>` : '');
    section('Summary', list(m.summary.map(cited)));
    section('What the outlets share', list(m.shared.slice(0, 30).map((c) => `${cited(c)}${c.coverage ? ` <span class="meta">(${h(c.coverage)})</span>` : ''}${c.mark ? ` <span class="mark">${h(c.mark)}</span>` : ''}`)));
    section('Only one outlet reports', m.exclusives.map((e) => `<h3>${h(e.outlet)}</h3>${list(e.claims.slice(0, 8).map(said))}`).join(''));
    section('Disagreements', m.disagreements.map((d) => `<h3>${h(d.about)}</h3>${list(d.versions.map(cited))}`).join(''));
    section('Who said what', m.quotes.map((q) => `<h3>${h(q.speaker)}</h3>${list(q.quotes.slice(0, 6).map(cited))}`).join(''));
    section('Wording', m.wording.length ? `<table><thead><tr><th scope="col">Concept</th><th scope="col">Words and the outlets that use them</th></tr></thead><tbody>${m.wording.map((w) => `<tr><th scope="row">${h(w.concept)}</th><td>${w.variants.map((v) => `“${inLanguage(v.text, v.lang)}” <span class="meta">${h(v.byLanguage.length ? v.byLanguage.map((g) => `${g.language}: ${g.outlets.join(', ')}`).join('; ') : v.outlets.join(', '))}</span>`).join('<br>')}</td></tr>`).join('')}</tbody></table>` : '');
    section('Timeline', list(m.timeline.map((t) => `<strong>${h(t.date)}</strong> ${cited(t)}`)));
    section('Coverage', m.coverage.length ? `<div class="charts">${m.coverage.map((g) => `<figure>${barChart(`${g.label} of the outlets covering this story`, g.counts)}<figcaption>${h(g.label)}</figcaption></figure>`).join('')}</div>${list(m.blindSpots.map((b) => `Blind spot: ${h(b)}`))}` : '');
    section('Articles', `<ol>${m.articles.map((a) => {
      const url = safeUrl(a.url);
      const title = url ? `<a href="${h(url)}" rel="noopener noreferrer"${langAttrs(a.lang, a.title)}>${h(a.title)}</a>` : inLanguage(a.title, a.lang);
      return `<li id="a${a.n}"><strong>${h(a.outlet)}</strong>${a.language ? ` · ${h(a.language)}` : ''} <span class="profile">${h(a.profile)}</span><br>${title} <span class="meta">${h(a.published)}</span></li>`;
    }).join('')}</ol>`);
    return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width,initial-scale=1">
<title>${h(m.title)} — Parallax</title><style>${STYLE}</style></head>
<body><header><p class="meta">Parallax story report</p><h1>${h(m.title)}</h1>
<p class="meta">${plural(m.articles.length, 'article')} from ${plural(new Set(m.articles.map((a) => a.outlet)).size, 'outlet')}${m.languages ? ` · ${m.languageCount > 1 ? `${plural(m.languageCount, 'language')}: ` : 'in '}${h(m.languages)}` : ''}</p></header>
<main>${parts.join('\n')}</main></body></html>
`;
  },
};
