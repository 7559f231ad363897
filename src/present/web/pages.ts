/**
 * The pages other than the story page: front, search, article, outlet. Server-rendered and
 * readable without JavaScript; every piece of article text is escaped and only http(s) URLs
 * become links.
 *
 * @module
 */
import type { Article } from '../../types.js';
import type { Outlet } from '../../outlets/index.js';
import type { SearchHit, StoredStory } from '../../store/types.js';
import type { StoryOutletNames } from './catalog.js';
import { coverageBar } from './charts.js';
import { articleHref, count, h, layout, outletHref, safeUrl, storyHref } from './layout.js';
import { anchorOf, passagesOf } from './passages.js';
import { articleTitle } from '../title.js';
import { langAttrs, languageName } from '../languages.js';

export { errorPage, layout } from './layout.js';
export { storyPage } from './story-page.js';

/** The front page's filters, as given in the query string. */
export interface Filters {
  outlet?: string;
  lang?: string;
  from?: string;
  to?: string;
}

/** What the front page's filter controls offer. */
export interface FilterChoices {
  outlets: string[];
  languages: string[];
}

export const spanText = (s: { first: string | null; last: string | null }) => {
  const a = (s.first ?? '').slice(0, 10);
  const b = (s.last ?? '').slice(0, 10);
  return a && b && a !== b ? `${a} – ${b}` : a || 'undated';
};

/** Outlets named in a story's line before the rest are folded. */
const LISTED_OUTLETS = 4;

/** Which outlets carry a story, compact: the first few by name, the others folded under "N more". */
function outletList(o: StoryOutletNames | undefined): string {
  if (!o || (!o.names.length && !o.unnamed)) return '';
  const items = [...o.names.map((n) => h(n)), ...(o.unnamed ? [`${o.unnamed} unnamed`] : [])];
  // Folded only when that hides more than one name.
  const shown = items.length > LISTED_OUTLETS + 1 ? items.slice(0, LISTED_OUTLETS) : items;
  const rest = items.slice(shown.length);
  const more = rest.length ? ` <details class="more-outlets"><summary>and ${rest.length} more</summary>${rest.join(', ')}</details>` : '';
  // The story's languages by name, when it holds several.
  const langs = (o.languages ?? []).map((l) => languageName(l)).filter((l): l is string => !!l);
  const languages = langs.length > 1 ? ` <span class="story-langs">· in ${h(langs.join(', '))}</span>` : '';
  return `<div class="outlets"><span class="sr">Outlets: </span>${shown.join(', ')}${more}${languages}</div>`;
}

function storyItem(s: StoredStory, max: number, outlets?: Map<string, StoryOutletNames>): string {
  return `<li class="story"><a class="headline" href="${storyHref(s.id)}">${h(s.title)}</a>
<div class="meta">${coverageBar(s.sourceCount, max)} ${count(s.sourceCount, 'outlet')} · ${count(s.articleCount, 'article')} · ${h(spanText(s))}</div>${outletList(outlets?.get(s.id))}</li>`;
}

export function frontPage(stories: StoredStory[], next: string | null, filters: Filters, choices: FilterChoices, total: number, outlets?: Map<string, StoryOutletNames>): string {
  const max = Math.max(1, ...stories.map((s) => s.sourceCount));
  const select = (name: string, label: string, values: string[], chosen?: string, shown: (v: string) => string = (v) => v) =>
    `<label>${label} <select name="${name}"><option value="">any</option>${values.map((v) => `<option value="${h(v)}"${v === chosen ? ' selected' : ''}>${h(shown(v))}</option>`).join('')}</select></label>`;
  const form = `<form class="filters" method="get" action="/" aria-label="Filter stories">${select('outlet', 'Outlet', choices.outlets, filters.outlet)}${select('lang', 'Language', choices.languages, filters.lang, (v) => languageName(v) ?? v)}
<label>From <input name="from" type="date" value="${h(filters.from ?? '')}"></label><label>To <input name="to" type="date" value="${h(filters.to ?? '')}"></label><button type="submit">Filter</button>${Object.values(filters).some(Boolean) ? ' <a href="/">Clear</a>' : ''}</form>`;
  const empty = total ? '<p>No story matches these filters.</p>' : '<p>No stories yet. Ingest some articles with <code>parallax ingest</code>.</p>';
  const more = next ? `<p><a rel="next" href="/?${new URLSearchParams({ ...Object.fromEntries(Object.entries(filters).filter(([, v]) => v)), cursor: next })}">More stories</a></p>` : '';
  return layout(
    'Stories',
    `<h1>Stories</h1><p class="meta">Biggest and newest first · ${count(total, 'story')} in the store</p>${form}${stories.length ? `<ol class="stories">${stories.map((s) => storyItem(s, max, outlets)).join('')}</ol>` : empty}${more}`,
  );
}

/** The store marks the matched words of a snippet with [brackets]: shown as highlights, after escaping. */
const snippet = (text: string) => h(text).replace(/\[([^[\]<>]{1,80})\]/g, '<mark>$1</mark>');

export function searchPage(q: string, stories: StoredStory[], hits: SearchHit[], outlets?: Map<string, StoryOutletNames>): string {
  const max = Math.max(1, ...stories.map((s) => s.sourceCount));
  const rows = hits
    .map((x) => `<li><a href="${articleHref(x.id)}">${h(articleTitle(x))}</a>${x.source ? ` <span class="meta">${h(x.source)}</span>` : ''}${x.story ? ` · <a href="${storyHref(x.story)}">its story</a>` : ''}<br><span class="snippet">${snippet(x.snippet)}</span></li>`)
    .join('');
  const body = q
    ? `${stories.length ? `<h2>Stories</h2><ol class="stories">${stories.map((s) => storyItem(s, max, outlets)).join('')}</ol>` : ''}<h2>Articles</h2>${hits.length ? `<ol class="hits">${rows}</ol>` : '<p>No matches.</p>'}`
    : '<p>Type words to look for in the search box.</p>';
  return layout(q ? `Search: ${q}` : 'Search', `<h1>Search${q ? `: ${h(q)}` : ''}</h1>${body}`, q);
}

export function articlePage(a: Article, story: string | null): string {
  const url = safeUrl(a.url);
  const meta = (
    [
      ['Outlet', a.source ? `<a href="${outletHref(a.source)}">${h(a.source)}</a>` : null],
      ['Published', a.published ? `<time>${h(a.published)}</time>` : null],
      ['Modified', a.modified ? h(a.modified) : null],
      ['Byline', a.byline ? h(a.byline) : null],
      ['Dateline', a.dateline ? h(a.dateline) : null],
      ['Language', a.language ? h(languageName(a.language) ?? a.language) : null],
      ['Section', a.section ? h(a.section) : null],
      ['Address', a.url ? (url ? `<a href="${h(url)}" rel="noopener noreferrer nofollow">${h(url)}</a>` : `${h(a.url)} <span class="tag">not a web address; not linked</span>`) : null],
    ] as const
  )
    .filter(([, v]) => v)
    .map(([k, v]) => `<dt>${k}</dt><dd>${v}</dd>`)
    .join('');
  // Each sentence has an id so that the story page's citations can point at it.
  const body = passagesOf(a.text)
    .map((sentences, p) => `<p${langAttrs(a.language, sentences.join(' '))}>${sentences.map((t, s) => `<span id="${anchorOf({ p, s })}">${h(t)}</span>`).join(' ')}</p>`)
    .join('');
  const removed = a.removed.length
    ? `<details><summary>Page chrome removed (${count(a.removed.length, 'piece')})</summary><ul class="removed">${a.removed.map((r) => `<li>${h(r)}</li>`).join('')}</ul></details>`
    : '';
  const notes = a.messages.length
    ? `<details><summary>Notes from the pipeline (${a.messages.length})</summary><ul>${a.messages.map((m) => `<li><code>${h(m.stage)}/${h(m.rule)}</code> ${h(m.reason)}</li>`).join('')}</ul></details>`
    : '';
  return layout(
    articleTitle(a),
    `<article class="reader">${a.kicker ? `<p class="kicker">${h(a.kicker)}</p>` : ''}<h1${langAttrs(a.language, articleTitle(a))}>${h(articleTitle(a))}</h1>${a.dek ? `<p class="dek">${h(a.dek)}</p>` : ''}<dl class="meta">${meta}</dl>
${story ? `<p><a href="${storyHref(story)}">The whole story, side by side</a></p>` : ''}<div class="body">${body}</div>${removed}${notes}</article>`,
  );
}

export function outletPage(name: string, articles: Article[], more: boolean, covered: StoredStory[], missed: StoredStory[], profile: Outlet | null = null): string {
  const max = Math.max(1, ...covered.map((s) => s.sourceCount), ...missed.map((s) => s.sourceCount));
  const facts = profile
    ? (
        [
          ['Profile', profile.name === name ? null : h(profile.name)],
          ['Country', profile.country && h(profile.country)],
          ['Ownership', profile.ownership && h(profile.ownership)],
          ['Owner', profile.owner && h(profile.owner)],
          ['Languages', profile.languages.length ? h(profile.languages.join(', ')) : null],
          ...Object.entries(profile.labels).map(([k, v]) => [k, h(v)] as const),
          ['Source of these facts', profile.source && (safeUrl(profile.source) ? `<a href="${h(safeUrl(profile.source))}" rel="noopener noreferrer nofollow">${h(profile.source)}</a>` : h(profile.source))],
        ] as const
      )
        .filter(([, v]) => v)
        .map(([k, v]) => `<dt>${h(k)}</dt><dd>${v}</dd>`)
        .join('')
    : '';
  return layout(
    name,
    `<h1>${h(name)}</h1>${facts ? `<dl class="meta">${facts}</dl>` : '<p class="meta">Not in the outlet registry: no profile.</p>'}
<h2>Stories it covers</h2>${covered.length ? `<ol class="stories">${covered.map((s) => storyItem(s, max)).join('')}</ol>` : '<p>None.</p>'}
<h2>Stories it misses</h2><p class="meta">Stories of several outlets that this one does not carry</p>${missed.length ? `<ol class="stories">${missed.map((s) => storyItem(s, max)).join('')}</ol>` : '<p>None.</p>'}
<h2>Articles</h2><table class="sortable"><thead><tr><th scope="col">Title</th><th scope="col">Language</th><th scope="col">Published</th></tr></thead><tbody>${articles
      .map((a) => `<tr><td><a href="${articleHref(a.id)}"${langAttrs(a.language, articleTitle(a))}>${h(articleTitle(a))}</a></td><td>${h(languageName(a.language) ?? '')}</td><td>${h(a.published ?? '')}</td></tr>`)
      .join('')}</tbody></table>${more ? '<p class="meta">Showing the first articles only.</p>' : ''}`,
  );
}
