/**
 * The story page: the cited summary, the claims × outlets matrix, quotes by speaker, the wording
 * table, the timeline and publication plots, entities, and the articles side by side with shared
 * and exclusive passages marked. Rendered once per stored analysis (the app caches it).
 *
 * @module
 */
import type { Story, StoryArticle, StoryClaim } from '../../types.js';
import { bareQuotation } from '../quotation.js';
import { articleTitle } from '../title.js';
import { barChart } from '../report/svg.js';
import { conceptLabel, outletNames } from '../outlet-names.js';
import { langAttrs, languageName, languagesLine, nameForms, storyLanguageOf, storyLanguages, type StoryLanguages } from '../languages.js';
import { coverageChart, eventsChart, publicationChart } from './charts.js';
import { articleHref, count, h, layout, outletHref, safeUrl } from './layout.js';
import { anchorOf, locate, passagesOf, type Passages, type Position } from './passages.js';

/** How many claims the matrix shows; the rest are counted under it. */
export const MATRIX_ROWS = 60;
/** Beyond this many articles, the side-by-side view shows each article's opening and cited paragraphs only. */
const LONG_STORY = 12;
const OPENING_PARAGRAPHS = 2;
/** Outlets named in a list before "and N more". */
const LISTED_OUTLETS = 8;
/** Quotes shown first (speakers with the most quotes first); the others are listed, folded, under them. */
const SHOWN_QUOTES = 60;
/** Wording concepts, dated events and named entities shown first; the others are folded under them. */
const SHOWN_CONCEPTS = 30;
const SHOWN_EVENTS = 40;
const SHOWN_ENTITIES = 60;
/** Outlet names longer than this are shortened in the matrix's column headers (the full name stays their label). */
const HEADER_CHARS = 18;
/** Concepts in the outlet-by-outlet wording table. */
const PIVOT_CONCEPTS = 8;
/** Shared claims lined up across the articles above the side-by-side columns. */
const ALIGNED_ROWS = 20;

type Mark = 'shared' | 'own' | 'cited';

/** What the page knows about one article of the story. */
interface Column {
  n: number;
  article: StoryArticle;
  outlet: string;
  /** The article's language (a BCP 47 tag), or null. */
  lang: string | null;
  passages: Passages;
  marks: Map<string, Mark>;
  shown: Set<number>;
}

/** Exclusive claims the matrix shows per outlet; the others are listed, folded, under it. */
export const EXCLUSIVES_PER_OUTLET = 2;

/**
 * The claims the matrix shows, in its order: those carried by the most outlets first, then each
 * outlet's first exclusives; ties keep the analysis's order. The exclusives left out are returned
 * by outlet, for the list under the matrix.
 */
export function matrixClaims(s: Story, outletOf: (articleId: string) => string): { rows: StoryClaim[]; moreExclusives: Map<string, StoryClaim[]> } {
  const ranked = s.claims.map((c, i) => ({ c, i, outlets: [...new Set(c.articles.map(outletOf))] })).sort((a, b) => b.outlets.length - a.outlets.length || a.i - b.i);
  const rows: StoryClaim[] = [];
  const perOutlet = new Map<string, number>();
  const moreExclusives = new Map<string, StoryClaim[]>();
  for (const { c, outlets } of ranked) {
    const only = outlets.length === 1 ? outlets[0] : null;
    const shownForOutlet = only ? (perOutlet.get(only) ?? 0) : 0;
    if (rows.length < MATRIX_ROWS && shownForOutlet < EXCLUSIVES_PER_OUTLET) {
      rows.push(c);
      if (only) perOutlet.set(only, shownForOutlet + 1);
    } else if (only) moreExclusives.set(only, [...(moreExclusives.get(only) ?? []), c]);
  }
  return { rows, moreExclusives };
}

export function storyPage(s: Story): string {
  // One name per outlet, the one the terminal and the JSON give it.
  const outletOf = outletNames(s);
  const long = s.articles.length > LONG_STORY;
  const langs = storyLanguageOf(s);
  const columns = new Map<string, Column>(
    s.articles.map((a, i) => [a.id, { n: i + 1, article: a, outlet: outletOf(a.id), lang: langs.article(a.id), passages: passagesOf(a.text), marks: new Map(), shown: new Set() }]),
  );
  // An outlet's own sentence: marked up with its language (and direction), and labelled with it
  // when the story holds several languages.
  const said = (text: string, lang: string | null) => {
    const attrs = langAttrs(lang, text);
    return attrs ? `<span${attrs}>${h(text)}</span>` : h(text);
  };
  const langLabel = (lang: string | null) => (langs.multi && lang ? ` <span class="tag lang">${h(languageName(lang))}</span>` : '');
  const ownSaid = (text: string, articles: string[], rows?: { article: string; text: string }[]) => {
    const lang = langs.of(text, articles, rows);
    return said(text, lang) + langLabel(lang);
  };
  // Outlet lists in the quotes, wording and timeline: names only (links are in the side-by-side
  // view) and at most a few, so that a story of fifty outlets keeps a light page.
  const outletsOf = (ids: string[]) => {
    const names = [...new Set(ids.map(outletOf))];
    return h(names.slice(0, LISTED_OUTLETS).join(', ')) + (names.length > LISTED_OUTLETS ? ` and ${names.length - LISTED_OUTLETS} more` : '');
  };
  // The same, language by language when `split` (a wording concept in several languages): "English: A, B; Russian: C".
  const outletsByLanguage = (ids: string[], split: boolean) => (split ? byLanguage(ids, langs).map(([lang, group]) => `${h(languageName(lang) ?? 'language not identified')}: ${outletsOf(group)}`).join('; ') : outletsOf(ids));

  // Where each claim sits in each article: shared passages (carried by several outlets) and
  // exclusive ones (one outlet only) are marked in the side-by-side view.
  const claimAt = new Map<StoryClaim, Map<string, Position>>();
  for (const c of s.claims) {
    const kind: Mark = new Set(c.articles.map(outletOf)).size > 1 ? 'shared' : 'own';
    const at = new Map<string, Position>();
    for (const x of c.sentences) {
      const col = columns.get(x.article);
      const pos = col && locate(col.passages, x.text);
      if (!col || !pos) continue;
      at.set(x.article, pos);
      const key = anchorOf(pos);
      if (col.marks.get(key) !== 'shared') col.marks.set(key, kind);
    }
    claimAt.set(c, at);
  }

  // The summary's citations: each points at the sentence of that article that says it.
  const claimByText = new Map<string, StoryClaim>();
  for (const c of s.claims) {
    claimByText.set(c.text, c);
    for (const x of c.sentences) if (!claimByText.has(x.text)) claimByText.set(x.text, c);
  }
  const citations = s.summary.map((x) =>
    x.articles.map((id) => {
      const col = columns.get(id);
      if (!col) return null;
      const c = claimByText.get(x.text);
      const pos = (c && claimAt.get(c)?.get(id)) ?? locate(col.passages, x.text);
      if (pos && !col.marks.has(anchorOf(pos))) col.marks.set(anchorOf(pos), 'cited');
      if (pos) col.shown.add(pos.p);
      return { col, pos };
    }),
  );
  for (const col of columns.values()) {
    const opening = long ? OPENING_PARAGRAPHS : col.passages.length;
    for (let p = 0; p < Math.min(opening, col.passages.length); p++) col.shown.add(p);
  }
  const sentenceHref = (col: Column, pos: Position | null | undefined) =>
    !pos ? `#art-${col.n}` : col.shown.has(pos.p) ? `#a${col.n}-${anchorOf(pos)}` : `${articleHref(col.article.id)}#${anchorOf(pos)}`;
  const sentenceText = (col: Column, pos: Position | null | undefined) => (pos ? col.passages[pos.p][pos.s] : '');

  const summary = s.summary
    .map((x, i) => {
      const cites = citations[i]
        .filter((c): c is NonNullable<typeof c> => !!c)
        .map(({ col, pos }) => {
          const source = sentenceText(col, pos) || x.text;
          return `<a class="cite" href="${sentenceHref(col, pos)}" data-outlet="${h(col.outlet)}" data-source="${h(source)}"${col.lang ? ` data-lang="${h(col.lang)}"` : ''} aria-label="${h(`source ${col.n}: ${col.outlet}`)}">${col.n}</a>`;
        })
        .join('');
      const claim = claimByText.get(x.text);
      return `<li>${ownSaid(x.text, x.articles, claim?.evidence?.length ? claim.evidence : claim?.sentences)} <span class="cites">${cites}</span>${x.exclusive ? ' <span class="tag own">one outlet only</span>' : ''}</li>`;
    })
    .join('');

  // The matrix: one column per outlet, in order of appearance.
  const outlets: { name: string; articles: string[] }[] = [];
  for (const a of s.articles) {
    const o = outlets.find((x) => x.name === outletOf(a.id));
    if (o) o.articles.push(a.id);
    else outlets.push({ name: outletOf(a.id), articles: [a.id] });
  }
  // Each outlet's own rendering of a quote, folded under it: the row is checked where it is read.
  // (A claim's sentences are one click away already: each cell of the matrix links to its outlet's.)
  const evidenceList = (rows: { article: string; text: string }[], shown: string) => {
    const own = rows.filter((e) => e.text !== shown);
    return own.length
      ? `<details class="evidence"><summary>${count(own.length, 'sentence')} as each outlet wrote it</summary><ul>${own.map((e) => `<li><b>${h(outletOf(e.article))}</b>${langLabel(langs.article(e.article))} ${said(e.text, langs.article(e.article))}</li>`).join('')}</ul></details>`
      : '';
  };
  const { rows: shownClaims, moreExclusives } = matrixClaims(s, outletOf);
  // Every claim stays on the page: those the matrix leaves out are listed under it, folded, by outlet.
  const inMatrix = new Set(shownClaims);
  // Kept light: a story of hundreds of claims lists them all (each is marked where it sits in the
  // side-by-side view).
  const claimItem = (c: StoryClaim) => `<li>${ownSaid(c.text, c.articles, c.sentences)}</li>`;
  const sharedLeft = s.claims.filter((c) => !inMatrix.has(c) && new Set(c.articles.map(outletOf)).size > 1);
  const exclusiveLeft = [...moreExclusives].sort((a, b) => b[1].length - a[1].length);
  const leftCount = sharedLeft.length + exclusiveLeft.reduce((n, [, cs]) => n + cs.length, 0);
  const claimsNotShown = leftCount
    ? `<details class="more"><summary>${count(leftCount, 'more claim')} not in the table${exclusiveLeft.length ? ` (exclusive: ${h(exclusiveLeft.map(([o, cs]) => `${o} ${cs.length}`).join(', '))})` : ''}</summary>${
        sharedLeft.length ? `<h3>Carried by several outlets</h3><ul>${sharedLeft.map(claimItem).join('')}</ul>` : ''
      }${exclusiveLeft.map(([o, cs]) => `<h3>Only ${h(o)}</h3><ul>${cs.map(claimItem).join('')}</ul>`).join('')}</details>`
    : '';
  const matrix = `<div class="scroll" role="region" aria-labelledby="claims" tabindex="0"><table class="matrix sortable"><caption>Which outlet carries which claim (${count(shownClaims.length, 'claim')}${s.claims.length > shownClaims.length ? ` of ${s.claims.length}` : ''}); exclusive claims are highlighted</caption>
<thead><tr><th scope="col" class="claim">Claim</th><th scope="col" data-sort="number">Outlets</th>${outlets.map((o) => columnHeader(o.name)).join('')}</tr></thead><tbody>${shownClaims
    .map((c) => {
      const carriers = new Set(c.articles.map(outletOf));
      const at = claimAt.get(c)!;
      const cells = outlets
        .map((o) => {
          const id = o.articles.find((x) => c.articles.includes(x));
          // Kept small: a story of 40 outlets has thousands of cells. The column header names the
          // outlet for screen readers; an empty cell reads as blank.
          if (!id) return '<td></td>';
          return `<td class="yes"><a href="${sentenceHref(columns.get(id)!, at.get(id))}" aria-label="carried">●</a></td>`;
        })
        .join('');
      const only = carriers.size === 1 ? ` <span class="tag own">only ${h([...carriers][0])}</span>` : '';
      return `<tr${carriers.size === 1 ? ' class="exclusive"' : ''}><th scope="row">${ownSaid(c.text, c.articles, c.sentences)}${only}</th><td class="count">${carriers.size}</td>${cells}</tr>`;
    })
    .join('')}</tbody></table></div>${claimsNotShown}`;

  const disagreements = (s.disagreements ?? [])
    .map((d) => `<li><strong>${h(d.about)}</strong><ul>${d.versions.map((v) => `<li>${ownSaid(v.text, v.articles, d.evidence)} <span class="meta">${outletsOf(v.articles)}</span></li>`).join('')}</ul></li>`)
    .join('');

  // A quote in its own words, marked up (and labelled) with its language.
  const quoteText = (q: (typeof s.quotes)[number]) => {
    const text = q.direct ? bareQuotation(q.text) : q.text;
    const lang = langs.of(q.text, q.articles, [...(q.renderings ?? []), ...(q.evidence ?? [])]);
    return `<q class="${q.direct ? 'direct' : 'indirect'}"${langAttrs(lang, text)}>${h(text)}</q>${langLabel(lang)}`;
  };
  const quoteItem = (q: (typeof s.quotes)[number]) =>
    `<li>${quoteText(q)}${q.direct ? '' : ' <span class="tag">paraphrase</span>'} <span class="meta">— ${outletsOf(q.articles)}</span>${evidenceList(q.evidence?.length ? q.evidence : q.renderings ?? [], q.text)}</li>`;
  const bySpeaker = new Map<string, typeof s.quotes>();
  for (const q of s.quotes) bySpeaker.set(q.speaker, [...(bySpeaker.get(q.speaker) ?? []), q]);
  let quotesLeft = SHOWN_QUOTES;
  const notShown: string[] = [];
  // Speakers quoted most widely first: by the articles carrying their quotes, then by quotes.
  const reach = (qs: typeof s.quotes) => new Set(qs.flatMap((q) => q.articles)).size;
  const speakers = [...bySpeaker].sort((a, b) => reach(b[1]) - reach(a[1]) || b[1].length - a[1].length || a[0].localeCompare(b[0]));
  const quotes =
    speakers
      .map(([speaker, qs]) => {
        const sorted = [...qs].sort((a, b) => b.articles.length - a.articles.length);
        const shown = sorted.slice(0, Math.max(0, quotesLeft));
        quotesLeft -= shown.length;
        const rest = sorted.slice(shown.length);
        // The quotes past the first ones, in short: the words and how many outlets carry them.
        if (rest.length)
          notShown.push(`<h3>${h(speaker)}</h3><ul>${rest.map((q) => `<li>${quoteText(q)} <span class="meta">${count(new Set(q.articles.map(outletOf)).size, 'outlet')}</span></li>`).join('')}</ul>`);
        if (!shown.length) return '';
        return `<section class="speaker"><h3>${h(speaker)} <span class="meta">${count(qs.length, 'quote')}</span></h3><ul>${shown.map(quoteItem).join('')}</ul></section>`;
      })
      .join('') + (notShown.length ? `<details class="more"><summary>${count(s.quotes.length - SHOWN_QUOTES, 'more quote')}</summary>${notShown.join('')}</details>` : '');

  const wordingTable = (rows: typeof s.wording, caption: string) =>
    `<div class="scroll" role="region" aria-label="${h(caption)}" tabindex="0"><table class="wording"><caption>${h(caption)}</caption><thead><tr><th scope="col">Concept</th><th scope="col">Wording</th><th scope="col">Outlets</th></tr></thead><tbody>${rows
      .flatMap((w) => {
        const split = langs.several(w.variants.flatMap((v) => v.articles));
        return byLanguageOrder(w.variants, langs).map(
          ({ v, lang }, i) => `<tr>${i === 0 ? `<th scope="rowgroup" rowspan="${w.variants.length}">${h(conceptLabel(s, w.concept, outletOf))}</th>` : ''}<td>${said(v.text, lang)}</td><td>${outletsByLanguage(v.articles, split)}</td></tr>`,
        );
      })
      .join('')}</tbody></table></div>`;
  const wording =
    wordingTable(s.wording.slice(0, SHOWN_CONCEPTS), `Words the outlets choose for the same thing${s.wording.length > SHOWN_CONCEPTS ? ` (${SHOWN_CONCEPTS} of ${s.wording.length})` : ''}`) +
    (s.wording.length > SHOWN_CONCEPTS
      ? `<details class="more"><summary>${count(s.wording.length - SHOWN_CONCEPTS, 'more concept')}</summary>${wordingTable(s.wording.slice(SHOWN_CONCEPTS), 'The other concepts')}</details>`
      : '');
  // The same, outlet by outlet: which words each one chose, at a glance.
  const pivotConcepts = s.wording.slice(0, PIVOT_CONCEPTS);
  const byOutlet =
    pivotConcepts.length && outlets.length > 1
      ? `<div class="scroll" role="region" aria-label="Wording by outlet" tabindex="0"><table class="wording-by-outlet"><caption>Each outlet's words${s.wording.length > PIVOT_CONCEPTS ? ` (the first ${PIVOT_CONCEPTS} concepts)` : ''}</caption><thead><tr><th scope="col">Outlet</th>${pivotConcepts
          .map((w) => `<th scope="col">${h(conceptLabel(s, w.concept, outletOf))}</th>`)
          .join('')}</tr></thead><tbody>${outlets
          .map(
            (o) =>
              `<tr><th scope="row">${h(o.name)}</th>${pivotConcepts
                .map((w) => {
                  const used = w.variants.map((v) => ({ v, ids: v.articles.filter((id) => o.articles.includes(id)) })).filter((x) => x.ids.length);
                  return `<td>${used.map(({ v, ids }) => said(v.text, langs.of(v.text, ids))).join(', ')}</td>`;
                })
                .join('')}</tr>`,
          )
          .join('')}</tbody></table></div>`
      : '';

  // The most widely reported events, in date order.
  const events = [...s.timeline]
    .map((e, i) => ({ e, i }))
    .sort((a, b) => b.e.articles.length - a.e.articles.length || a.i - b.i)
    .slice(0, SHOWN_EVENTS)
    .map((x) => x.e)
    .sort((a, b) => a.date.localeCompare(b.date));
  const eventItem = (e: (typeof s.timeline)[number]) => `<li><time>${h(e.date)}</time> ${ownSaid(e.text, e.articles, e.evidence)} <span class="meta">${outletsOf(e.articles)}</span></li>`;
  const timeline = events.length
    ? `<figure><div class="scroll" role="region" aria-label="Timeline of dated events" tabindex="0">${eventsChart(events, SHOWN_EVENTS)}</div><figcaption>Dated events the articles mention</figcaption></figure><ol class="events">${events
        .map(eventItem)
        .join('')}</ol>${
        s.timeline.length > events.length
          ? `<details class="more"><summary>${count(s.timeline.length - events.length, 'more dated event')} (above: the ${events.length} most reported)</summary><ol class="events">${s.timeline
              .filter((e) => !events.includes(e))
              .sort((a, b) => a.date.localeCompare(b.date))
              .map(eventItem)
              .join('')}</ol></details>`
          : ''
      }`
    : '';
  const pubs = s.articles.map((a) => ({ n: columns.get(a.id)!.n, outlet: outletOf(a.id), title: articleTitle(a), published: a.published }));
  const published = publicationChart(pubs);
  const covered = coverageChart(pubs);
  const publication =
    (covered ? `<figure><div class="scroll" role="region" aria-label="Coverage over time" tabindex="0">${covered}</div><figcaption>Coverage over time: how many outlets had published${pubs.some((p) => p.published && !/T\d/.test(p.published)) ? ' (an article dated only to its day counts from the end of that day)' : ''}</figcaption></figure>` : '') +
    (published ? `<figure><div class="scroll" role="region" aria-label="When each outlet published" tabindex="0">${published}</div><figcaption>When each outlet published (each mark is an article, a bar over its day when the page gives no time; follow it to read it)</figcaption></figure>` : '');

  const cov = s.coverage;
  const profiled = cov && (s.outlets ?? []).some((o) => o.profiled);
  // The story's languages, each with its outlets, when there are several (the header names them all).
  const languageList = langs.multi
    ? `<ul class="langs" aria-label="Languages of the articles">${storyLanguages(s)
        .map((l) => `<li><b>${h(l.name)}</b> ${count(l.articles, 'article')}: ${outletsOf(s.articles.filter((a) => langs.article(a.id) === l.code).map((a) => a.id))}</li>`)
        .join('')}</ul>`
    : '';
  const coverage = languageList + (profiled
    ? `<div class="charts">${(
        [
          ['Countries', cov.countries],
          ['Ownership', cov.ownership],
          ['Languages', cov.languages],
        ] as const
      )
        .map(([label, counts]) => `<figure>${barChart(`${label} of the outlets`, Object.entries(counts).sort((a, b) => b[1] - a[1]))}<figcaption>${h(label)}: ${h(Object.entries(counts).map(([k, v]) => `${k} ${v}`).join(', '))}</figcaption></figure>`)
        .join('')}</div>${cov.blindSpots.length ? `<p>Missing from the coverage: ${h(cov.blindSpots.map((b) => `${b.value} (${b.dimension})`).join(', '))}</p>` : ''}`
    : '');

  const entityTable = (rows: typeof s.entities, caption: string) =>
    `<div class="scroll" role="region" aria-label="${h(caption)}" tabindex="0"><table class="entities sortable"><caption>${h(caption)}</caption><thead><tr><th scope="col">Name</th><th scope="col">Kind</th><th scope="col" data-sort="number">Articles</th><th scope="col">Also written</th></tr></thead><tbody>${rows
      .map((e) => {
        // A name met in several alphabets shows one form in each beside it: Bogdan Marenko · Богдан Маренко.
        const forms = nameForms(e.name, e.mentions, langs);
        const scripts = forms.length > 1 ? forms.slice(1).map((f) => ` · <span${langAttrs(f.lang, f.text)}>${h(f.text)}</span>`).join('') : '';
        const also = [...new Set(e.mentions.map((m) => m.text))].filter((t) => t !== e.name && !forms.some((f) => f.text === t)).slice(0, 5);
        const alsoLang = (t: string) => langs.of(t, e.mentions.filter((m) => m.text === t).map((m) => m.article));
        return `<tr><th scope="row"><a href="/search?q=${encodeURIComponent(e.name)}">${h(e.name)}</a>${scripts}</th><td>${h(e.kind)}</td><td class="count">${new Set(e.mentions.map((m) => m.article)).size}</td><td>${also.map((t) => said(t, alsoLang(t))).join(', ')}</td></tr>`;
      })
      .join('')}</tbody></table></div>`;
  const entities = s.entities.length
    ? entityTable(s.entities.slice(0, SHOWN_ENTITIES), 'People, organisations and places named') +
      (s.entities.length > SHOWN_ENTITIES
        ? `<details class="more"><summary>${count(s.entities.length - SHOWN_ENTITIES, 'more name')}</summary>${entityTable(s.entities.slice(SHOWN_ENTITIES), 'The other names')}</details>`
        : '')
    : '';

  // The shared passages lined up: one row per claim several outlets carry (the matrix's order),
  // one column per article, each cell that article's own sentence. The columns below keep each
  // article's order, where shared passages cannot stand level.
  const sharedRows = shownClaims.filter((c) => new Set(c.articles.map(outletOf)).size > 1).slice(0, ALIGNED_ROWS);
  const alignedCols = [...columns.values()].filter((col) => sharedRows.some((c) => c.articles.includes(col.article.id)));
  const ownSentence = (c: StoryClaim, col: Column) => {
    const id = col.article.id;
    return sentenceText(col, claimAt.get(c)?.get(id)) || (c.evidence?.length ? c.evidence : c.sentences).find((e) => e.article === id)?.text || '';
  };
  const aligned =
    sharedRows.length && alignedCols.length > 1
      ? `<div class="scroll" role="region" aria-label="Shared passages lined up" tabindex="0"><table class="aligned"><caption>Shared passages lined up: each row a claim several outlets carry, in each article's own words${
          sharedRows.length < shownClaims.filter((c) => new Set(c.articles.map(outletOf)).size > 1).length ? ` (the ${sharedRows.length} most widely carried)` : ''
        }</caption><thead><tr>${alignedCols.map((col) => `<th scope="col"><a href="#art-${col.n}"><span class="num">${col.n}</span> ${h(col.outlet)}</a>${langLabel(col.lang)}</th>`).join('')}</tr></thead><tbody>${sharedRows
          .map((c) => `<tr>${alignedCols.map((col) => (c.articles.includes(col.article.id) ? `<td${langAttrs(col.lang, ownSentence(c, col))}>${h(ownSentence(c, col))}</td>` : '<td class="none"></td>')).join('')}</tr>`)
          .join('')}</tbody></table></div>`
      : '';
  const side = `${aligned}<p class="legend"><mark class="shared">shared</mark> carried by several outlets · <mark class="own">exclusive</mark> carried by this outlet only · <span class="cited">cited</span> in the summary</p><div class="columns" role="region" aria-label="The articles, one column each" tabindex="0">${[...columns.values()].map(articleColumn).join('')}</div>`;

  const sources = outlets.length;
  const languages = languagesLine(s);
  const dates = s.articles.map((a) => a.published).filter((d): d is string => !!d).sort();
  const span = dates.length ? (dates[0].slice(0, 10) === dates[dates.length - 1].slice(0, 10) ? dates[0].slice(0, 10) : `${dates[0].slice(0, 10)} – ${dates[dates.length - 1].slice(0, 10)}`) : 'undated';
  const quoteCount = s.quotes.length;
  const claimsBody = outlets.length > 1 ? (shownClaims.length ? matrix : '') : s.claims.length ? `<ul class="claims">${s.claims.map(claimItem).join('')}</ul>` : '';
  // Open: what a reader takes in first (the summary, who carries what, who covers it). Folded: the
  // rest, each with its size in its heading; following a link into a folded section opens it.
  const sections: { id: string; title: string; body: string; open: boolean; size?: string }[] = [
    { id: 'summary', title: 'Summary', body: summary ? `<ol class="summary">${summary}</ol>` : '', open: true },
    { id: 'claims', title: outlets.length > 1 ? 'Claims by outlet' : 'Claims', body: claimsBody, open: true },
    { id: 'coverage', title: 'Who covers it', body: coverage, open: true },
    { id: 'disagreements', title: 'Where they disagree', body: disagreements ? `<ul>${disagreements}</ul>` : '', open: false, size: count(s.disagreements?.length ?? 0, 'point') },
    { id: 'quotes', title: 'Who said what', body: quotes, open: false, size: `${count(quoteCount, 'quote')} from ${count(bySpeaker.size, 'speaker')}` },
    { id: 'wording', title: 'Wording', body: s.wording.length ? wording + byOutlet : '', open: false, size: count(s.wording.length, 'concept') },
    { id: 'timeline', title: 'Timeline', body: timeline + publication, open: false, size: s.timeline.length ? count(s.timeline.length, 'dated event') : undefined },
    { id: 'entities', title: 'Named in the story', body: entities, open: false, size: count(s.entities.length, 'name') },
    { id: 'articles', title: 'The articles side by side', body: side, open: false, size: count(s.articles.length, 'article') },
  ];
  const present = sections.filter((x) => x.body);
  const toc = `<nav class="toc" aria-label="On this page"><ul>${present.map((x) => `<li><a href="#${x.id}">${h(x.title)}</a></li>`).join('')}</ul></nav>`;
  const render = (x: (typeof sections)[number]) =>
    x.open
      ? `<section aria-labelledby="${x.id}"><h2 id="${x.id}">${h(x.title)}</h2>${x.body}</section>`
      : `<section aria-labelledby="${x.id}"><details class="fold" id="${x.id}-fold"><summary><h2 id="${x.id}">${h(x.title)}${x.size ? ` <span class="size">${h(x.size)}</span>` : ''}</h2></summary>${x.body}</details></section>`;
  return layout(
    s.title,
    `<h1>${h(s.title)}</h1><p class="meta">${count(s.articles.length, 'article')} from ${count(sources, 'outlet')}${languages ? ` · <span class="langs-line">${langs.multi ? `in ${count(storyLanguages(s).length, 'language')}: ` : ''}${h(languages)}</span>` : ''} · ${h(span)} · <a href="/api/stories/${encodeURIComponent(s.id)}">JSON</a></p>${toc}
${present.map(render).join('\n')}`,
  );
}

/** A matrix column's header: the outlet's name, shortened in the middle when long (the whole name stays its label). */
function columnHeader(name: string): string {
  if (name.length <= HEADER_CHARS) return `<th scope="col" class="rot"><span title="${h(name)}">${h(name)}</span></th>`;
  const short = `${name.slice(0, HEADER_CHARS - 7).trimEnd()}…${name.slice(-6).trimStart()}`;
  return `<th scope="col" class="rot" aria-label="${h(name)}"><span title="${h(name)}">${h(short)}</span></th>`;
}

function articleColumn(col: Column): string {
  const a = col.article;
  const url = safeUrl(a.url);
  let skipped = 0;
  const paragraphs: string[] = [];
  col.passages.forEach((sentences, p) => {
    if (!col.shown.has(p)) {
      skipped++;
      return;
    }
    if (skipped) paragraphs.push(`<p class="gap">… ${count(skipped, 'paragraph')} …</p>`);
    skipped = 0;
    const body = sentences
      .map((text, s) => {
        const key = anchorOf({ p, s });
        const mark = col.marks.get(key);
        if (!mark) return h(text);
        return mark === 'cited' ? `<span id="a${col.n}-${key}" class="cited">${h(text)}</span>` : `<mark id="a${col.n}-${key}" class="${mark}">${h(text)}</mark>`;
      })
      .join(' ');
    paragraphs.push(`<p${langAttrs(col.lang, sentences.join(' '))}>${body}</p>`);
  });
  const more = skipped || col.shown.size < col.passages.length ? `<p><a href="${articleHref(a.id)}">Read the whole article</a></p>` : '';
  const source = a.source ? `<a href="${outletHref(a.source)}">${h(col.outlet)}</a>` : h(col.outlet);
  return `<article id="art-${col.n}" class="col" aria-labelledby="art-${col.n}-h"><h3 id="art-${col.n}-h"><span class="num">${col.n}</span> ${source}</h3>
<p class="meta">${a.published ? `<time>${h(a.published)}</time>` : 'undated'}${a.byline ? ` · ${h(a.byline)}` : ''}${col.lang ? ` · ${h(languageName(col.lang))}` : ''}</p>
<p class="title"><a href="${articleHref(a.id)}"${langAttrs(col.lang, articleTitle(a))}>${h(articleTitle(a))}</a>${url ? ` <a class="ext" href="${h(url)}" rel="noopener noreferrer nofollow">original</a>` : ''}</p>${paragraphs.join('')}${more}</article>`;
}

/** Articles grouped by language, the story's most used language first; articles of no known language last. */
function byLanguage(ids: string[], langs: StoryLanguages): [string | null, string[]][] {
  const groups = new Map<string | null, string[]>();
  for (const id of ids) {
    const lang = langs.article(id);
    groups.set(lang, [...(groups.get(lang) ?? []), id]);
  }
  const rank = langs.rank;
  return [...groups].sort((a, b) => rank(a[0]) - rank(b[0]));
}

/** A concept's variants with the language of each, grouped by language (the story's most used first) when there are several. */
function byLanguageOrder<V extends { text: string; articles: string[] }>(variants: V[], langs: StoryLanguages): { v: V; lang: string | null }[] {
  const out = variants.map((v) => ({ v, lang: langs.of(v.text, v.articles) }));
  return langs.multi ? out.sort((a, b) => langs.rank(a.lang ?? langs.article(a.v.articles[0] ?? '')) - langs.rank(b.lang ?? langs.article(b.v.articles[0] ?? ''))) : out;
}
