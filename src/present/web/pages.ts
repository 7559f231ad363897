/**
 * Server-rendered pages: readable without JavaScript; the small script in assets.ts only adds
 * the citation pop-ups. Every piece of article text is escaped; only http(s) URLs become links.
 *
 * @module
 */
import type { Article, Story } from '../../types.js';
import type { SearchHit, StoredStory } from '../../store/types.js';
import { html as h, safeUrl } from '../report/escape.js';
import { barChart } from '../report/svg.js';

export function layout(title: string, body: string, q = ''): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${h(title)} — Parallax</title><link rel="stylesheet" href="/static/style.css"><script src="/static/app.js" defer></script></head>
<body><header class="top"><a class="brand" href="/">Parallax</a>
<form role="search" action="/search" method="get"><label for="q" class="sr">Search articles</label><input id="q" name="q" type="search" value="${h(q)}" placeholder="Search articles"><button type="submit">Search</button></form></header>
<main id="main">${body}</main></body></html>`;
}

const span = (s: StoredStory) => {
  const a = (s.first ?? '').slice(0, 10);
  const b = (s.last ?? '').slice(0, 10);
  return a && b && a !== b ? `${a} – ${b}` : a || 'undated';
};

/** A small bar: outlets out of the largest story's outlets. */
function coverageBar(n: number, max: number): string {
  const w = Math.max(4, Math.round((80 * n) / Math.max(1, max)));
  return `<svg class="bar" width="84" height="10" role="img" aria-label="${n} outlets"><rect width="${w}" height="10" rx="2"/></svg>`;
}

export function frontPage(stories: StoredStory[], next: string | null, filters: { outlet?: string; lang?: string; from?: string; to?: string }, outlets: string[]): string {
  const max = Math.max(1, ...stories.map((s) => s.sourceCount));
  const rows = stories
    .map((s) => `<li class="story"><a href="/story/${encodeURIComponent(s.id)}">${h(s.title)}</a>
<div class="meta">${coverageBar(s.sourceCount, max)} ${s.sourceCount} outlet${s.sourceCount === 1 ? "" : "s"} · ${s.articleCount} article${s.articleCount === 1 ? "" : "s"} · ${h(span(s))}</div></li>`)
    .join('');
  const opt = (v: string, sel?: string) => `<option value="${h(v)}"${v === sel ? ' selected' : ''}>${h(v || 'any')}</option>`;
  const form = `<form class="filters" method="get" action="/"><label>Outlet <select name="outlet">${['', ...outlets].map((o) => opt(o, filters.outlet)).join('')}</select></label>
<label>Language <input name="lang" size="3" value="${h(filters.lang ?? '')}"></label>
<label>From <input name="from" type="date" value="${h(filters.from ?? '')}"></label><label>To <input name="to" type="date" value="${h(filters.to ?? '')}"></label><button type="submit">Filter</button></form>`;
  return layout('Stories', `<h1>Stories</h1>${form}${stories.length ? `<ol class="stories">${rows}</ol>` : '<p>No stories yet. Ingest some articles with <code>parallax ingest</code>.</p>'}${next ? `<p><a rel="next" href="/?cursor=${encodeURIComponent(next)}">More stories</a></p>` : ''}`);
}

export function searchPage(q: string, hits: SearchHit[]): string {
  const rows = hits.map((x) => `<li><a href="/article/${encodeURIComponent(x.id)}">${h(x.title ?? x.id)}</a> <span class="meta">${h(x.source ?? '')}</span><br><span class="snippet">${h(x.snippet)}</span>${x.story ? ` · <a href="/story/${encodeURIComponent(x.story)}">story</a>` : ''}</li>`).join('');
  return layout(`Search: ${q}`, `<h1>Search: ${h(q)}</h1>${hits.length ? `<ol>${rows}</ol>` : '<p>No matches.</p>'}`, q);
}

export function storyPage(s: Story): string {
  const n = new Map(s.articles.map((a, i) => [a.id, i + 1]));
  const outletOf = new Map((s.outlets ?? []).map((o) => [o.article, o.outlet]));
  const outlet = (id: string) => outletOf.get(id) ?? s.articles.find((a) => a.id === id)?.source ?? id;
  // A citation's pop-up shows the sentence of that article that carries the statement.
  const sentenceOf = (text: string, id: string) => {
    const c = s.claims.find((x) => x.text === text);
    return c?.sentences.find((x) => x.article === id)?.text ?? text;
  };
  const cite = (ids: string[], text: string) =>
    ids.map((id) => `<a class="cite" href="#art-${n.get(id)}" data-source="${h(sentenceOf(text, id))}" title="${h(outlet(id))}: ${h(sentenceOf(text, id))}">${n.get(id)}</a>`).join('');
  const sources = [...new Set(s.articles.map((a) => outlet(a.id)))];
  const summary = s.summary.map((x) => `<li>${h(x.text)} <span class="cites">${cite(x.articles, x.text)}</span>${x.exclusive ? ' <span class="tag">one outlet</span>' : ''}</li>`).join('');
  const claims = s.claims.filter((c) => c.articles.length > 1 || s.articles.length <= 3).slice(0, 40);
  const matrix = `<table class="matrix"><caption>Which outlet carries which claim</caption><thead><tr><th scope="col">Claim</th>${sources.map((o) => `<th scope="col">${h(o)}</th>`).join('')}</tr></thead><tbody>${claims
    .map((c) => {
      const carriers = new Set(c.articles.map(outlet));
      return `<tr${carriers.size === 1 ? ' class="exclusive"' : ''}><th scope="row">${h(c.text)}</th>${sources.map((o) => (carriers.has(o) ? `<td class="yes" aria-label="carried by ${h(o)}">●</td>` : `<td class="no" aria-label="not carried by ${h(o)}"></td>`)).join('')}</tr>`;
    })
    .join('')}</tbody></table>`;
  const bySpeaker = new Map<string, typeof s.quotes>();
  for (const q of s.quotes) bySpeaker.set(q.speaker, [...(bySpeaker.get(q.speaker) ?? []), q]);
  const quotes = [...bySpeaker].sort((a, b) => b[1].length - a[1].length).map(([sp, qs]) => `<h3>${h(sp)}</h3><ul>${qs.map((q) => `<li>${q.direct ? `“${h(q.text)}”` : h(q.text)} <span class="meta">${h([...new Set(q.articles.map(outlet))].join(', '))}</span></li>`).join('')}</ul>`).join('');
  const wording = `<table class="wording"><caption>How each outlet words it</caption><thead><tr><th scope="col">Concept</th><th scope="col">Wording</th><th scope="col">Outlets</th></tr></thead><tbody>${s.wording
    .flatMap((w) => w.variants.map((v, i) => `<tr>${i === 0 ? `<th scope="rowgroup" rowspan="${w.variants.length}">${h(w.concept)}</th>` : ''}<td>${h(v.text)}</td><td>${h([...new Set(v.articles.map(outlet))].join(', '))}</td></tr>`))
    .join('')}</tbody></table>`;
  const timeline = timelineChart(s);
  const entities = `<ul class="entities">${s.entities.slice(0, 40).map((e) => `<li><strong>${h(e.name)}</strong> <span class="meta">${h(e.kind)} · ${new Set(e.mentions.map((m) => m.article)).size} articles${[...new Set(e.mentions.map((m) => m.text))].filter((t) => t !== e.name).length ? ' · also ' + h([...new Set(e.mentions.map((m) => m.text))].filter((t) => t !== e.name).slice(0, 5).join(', ')) : ''}</span></li>`).join('')}</ul>`;
  const cov = s.coverage ? `<div class="charts">${[['Countries', s.coverage.countries], ['Ownership', s.coverage.ownership]].map(([label, counts]) => `<figure>${barChart(`${label} of the outlets`, Object.entries(counts as Record<string, number>))}<figcaption>${h(label as string)}</figcaption></figure>`).join('')}</div>` : '';
  // Sentences each article shares with another outlet, to mark its shared passages.
  const shared = new Map<string, string[]>();
  for (const c of s.claims) if (c.articles.length > 1) for (const x of c.sentences) shared.set(x.article, [...(shared.get(x.article) ?? []), x.text]);
  const isShared = (id: string, p: string) => (shared.get(id) ?? []).some((t) => p.includes(t));
  // Long stories show each article's opening; the article page has the rest (keeps pages light).
  const paras = s.articles.length > 12 ? 4 : 40;
  const articles = `<div class="columns">${s.articles
    .map((a) => {
      const ps = a.text.split(/\n\n+/);
      return `<article id="art-${n.get(a.id)}" class="col"><h3><span class="num">${n.get(a.id)}</span> ${h(outlet(a.id))}</h3><p class="meta">${h(a.published ?? 'undated')}${a.byline ? ' · ' + h(a.byline) : ''}</p><p><a href="/article/${encodeURIComponent(a.id)}">${h(a.title ?? 'untitled')}</a></p>${ps
        .slice(0, paras)
        .map((p) => `<p class="${isShared(a.id, p) ? 'shared' : 'own'}">${h(p)}</p>`)
        .join('')}${ps.length > paras ? `<p><a href="/article/${encodeURIComponent(a.id)}">Read on (${ps.length - paras} more paragraphs)</a></p>` : ''}</article>`;
    })
    .join('')}</div>`;
  const section = (id: string, title: string, body: string) => (body ? `<section aria-labelledby="${id}"><h2 id="${id}">${h(title)}</h2>${body}</section>` : '');
  return layout(s.title, `<h1>${h(s.title)}</h1><p class="meta">${s.articles.length} articles from ${sources.length} outlets</p>
${section('summary', 'Summary', summary ? `<ul class="summary">${summary}</ul>` : '')}
${section('claims', 'Claims by outlet', claims.length ? matrix : '')}
${section('quotes', 'Who said what', quotes)}
${section('wording', 'Wording', s.wording.length ? wording : '')}
${section('timeline', 'Timeline', timeline)}
${section('coverage', 'Coverage', cov)}
${section('entities', 'Named', entities)}
${section('articles', 'The articles side by side', articles)}`);
}

function timelineChart(s: Story): string {
  const events = s.timeline.filter((t) => /^\d{4}/.test(t.date));
  if (!events.length) return '';
  const years = events.map((e) => Number(e.date.slice(0, 4)));
  const lo = Math.min(...years);
  const hi = Math.max(...years);
  const width = 640;
  const x = (d: string) => 20 + ((Number(d.slice(0, 4)) - lo + (d.length >= 7 ? (Number(d.slice(5, 7)) - 1) / 12 : 0.5)) / Math.max(1, hi - lo + 1)) * (width - 40);
  const dots = events.map((e, i) => `<circle cx="${x(e.date).toFixed(1)}" cy="${30 + (i % 3) * 14}" r="5"><title>${h(e.date)}: ${h(e.text)}</title></circle>`).join('');
  const axis = `<line x1="20" y1="80" x2="${width - 20}" y2="80" stroke="currentColor"/><text x="20" y="96" font-size="12" fill="currentColor">${lo}</text><text x="${width - 50}" y="96" font-size="12" fill="currentColor">${hi}</text>`;
  const svg = `<svg role="img" aria-label="Timeline of ${events.length} dated events from ${lo} to ${hi}" viewBox="0 0 ${width} 100" width="100%" class="timeline"><title>Timeline</title>${axis}${dots}</svg>`;
  const list = `<ol class="events">${events.map((e) => `<li><strong>${h(e.date)}</strong> ${h(e.text)} <span class="meta">${h(e.articles.length)} article${e.articles.length > 1 ? 's' : ''}</span></li>`).join('')}</ol>`;
  return svg + list;
}

export function articlePage(a: Article, story: string | null): string {
  const url = safeUrl(a.url);
  const meta = [['Outlet', a.source], ['Published', a.published], ['Byline', a.byline], ['Dateline', a.dateline], ['Language', a.language]]
    .filter(([, v]) => v)
    .map(([k, v]) => `<dt>${k}</dt><dd>${h(v)}</dd>`)
    .join('');
  const body = a.blocks.map((b) => (b.kind === 'heading' ? `<h2>${h(b.text)}</h2>` : b.kind === 'list-item' ? `<p class="li">• ${h(b.text)}</p>` : `<p>${h(b.text)}</p>`)).join('');
  const removed = a.removed.length ? `<details><summary>Page chrome removed (${a.removed.length} pieces)</summary><ul>${a.removed.map((r) => `<li>${h(r)}</li>`).join('')}</ul></details>` : '';
  return layout(a.title ?? a.id, `<article><p class="kicker">${h(a.kicker ?? '')}</p><h1>${h(a.title ?? a.id)}</h1>${a.dek ? `<p class="dek">${h(a.dek)}</p>` : ''}<dl class="meta">${meta}</dl>
${url ? `<p><a href="${h(url)}" rel="noopener noreferrer nofollow">Original page</a></p>` : ''}${story ? `<p><a href="/story/${encodeURIComponent(story)}">The whole story</a></p>` : ''}${body}${removed}</article>`);
}

export function outletPage(name: string, articles: Article[], covered: StoredStory[], missed: StoredStory[]): string {
  return layout(name, `<h1>${h(name)}</h1><h2>Articles</h2><ul>${articles.map((a) => `<li><a href="/article/${encodeURIComponent(a.id)}">${h(a.title ?? a.id)}</a> <span class="meta">${h(a.published ?? '')}</span></li>`).join('')}</ul>
<h2>Stories it covers</h2><ul>${covered.map((s) => `<li><a href="/story/${encodeURIComponent(s.id)}">${h(s.title)}</a></li>`).join('')}</ul>
<h2>Stories it misses</h2><ul>${missed.map((s) => `<li><a href="/story/${encodeURIComponent(s.id)}">${h(s.title)}</a> <span class="meta">${s.sourceCount} outlets</span></li>`).join('')}</ul>`);
}

export function errorPage(status: number, message: string): string {
  return layout(`${status}`, `<h1>${status}</h1><p>${h(message)}</p>`);
}
