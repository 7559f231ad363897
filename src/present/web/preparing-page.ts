/**
 * The story page while the story's comparison is still being made: a large or busy server cannot
 * analyse every story the moment someone opens it, and a reader should not get an error for
 * that. The page lists the story's articles (each links to its cleaned text), says the comparison
 * is on its way and how many analyses are ahead of it, and reloads itself after a few seconds.
 * It is never cached, and its response says `Parallax-Analysis: pending`.
 *
 * @module
 */
import type { Article } from '../../types.js';
import { articleHref, count, h, layout, outletHref } from './layout.js';
import { articleTitle } from '../title.js';
import { langAttrs } from '../languages.js';

/** Articles listed on the page; a larger story says how many more it has. */
export const PREPARING_LISTED = 100;

export interface Preparing {
  /** The story's articles, up to {@link PREPARING_LISTED} + 1 (one more says there are more). */
  articles: Article[];
  /** Whether its analysis is queued or running (false: the queue was full; the reload asks again). */
  queued: boolean;
  /** Analyses running and waiting on the server. */
  busy: number;
  /** Seconds before the page reloads. */
  retryAfter: number;
}

export function preparingPage(p: Preparing): string {
  const shown = p.articles.slice(0, PREPARING_LISTED);
  const title = shown.length ? articleTitle(shown[0]) : 'Story';
  const outlets = new Set(shown.map((a) => a.source).filter(Boolean)).size;
  const items = shown
    .map((a) => {
      const t = articleTitle(a);
      const meta = [a.source ? `<a href="${outletHref(a.source)}">${h(a.source)}</a>` : null, a.published ? `<time>${h(a.published.slice(0, 10))}</time>` : null].filter(Boolean).join(' · ');
      return `<li><a href="${articleHref(a.id)}"${langAttrs(a.language, t)}>${h(t)}</a>${meta ? ` <span class="meta">${meta}</span>` : ''}</li>`;
    })
    .join('');
  const more = p.articles.length > PREPARING_LISTED ? '<p>…and more; the comparison lists them all.</p>' : '';
  const state = p.queued
    ? `Parallax is comparing how the outlets tell this story${p.busy > 1 ? ` (${count(p.busy - 1, 'other analysis', 'other analyses')} under way or waiting)` : ''}.`
    : `The server is busy comparing other stories (${count(p.busy, 'analysis', 'analyses')} under way or waiting); this one is next when a place frees.`;
  return layout(
    title,
    `<h1>${h(title)}</h1>
<p class="preparing" role="status">${state} This page reloads in ${p.retryAfter} seconds; until then, here are the reports, ${count(shown.length, 'article')} from ${count(outlets, 'outlet')}.</p>
<ul class="articles">${items}</ul>${more}`,
  ).replace('<meta charset="utf-8">', `<meta charset="utf-8"><meta http-equiv="refresh" content="${p.retryAfter}">`);
}
