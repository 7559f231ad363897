/**
 * The frame every page shares, and the links between pages. Every piece of untrusted text goes
 * through `h` (HTML escaping that also drops bidirectional overrides); only http(s) URLs become
 * links (`safeUrl`).
 *
 * @module
 */
import { html as h, safeUrl } from '../report/escape.js';

export { h, safeUrl };

export const storyHref = (id: string) => `/story/${encodeURIComponent(id)}`;
export const articleHref = (id: string) => `/article/${encodeURIComponent(id)}`;
export const outletHref = (name: string) => `/outlet/${encodeURIComponent(name)}`;

/** Plural-aware count: `1 outlet`, `3 outlets`, `2 stories`. */
export const count = (n: number, noun: string, plural = noun.endsWith('y') ? noun.slice(0, -1) + 'ies' : noun + 's') => `${n.toLocaleString('en')} ${n === 1 ? noun : plural}`;

export function layout(title: string, body: string, q = ''): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="color-scheme" content="light dark"><title>${h(title)} — Parallax</title>
<link rel="stylesheet" href="/static/style.css"><script src="/static/app.js" defer></script></head>
<body><a class="skip" href="#main">Skip to content</a>
<header class="top"><a class="brand" href="/">Parallax</a>
<form role="search" action="/search" method="get"><label for="q" class="sr">Search stories and articles</label><input id="q" name="q" type="search" value="${h(q)}" placeholder="Search stories and articles" maxlength="500"><button type="submit">Search</button></form></header>
<main id="main" tabindex="-1">${body}</main>
<footer class="foot"><a href="/api/openapi.json">HTTP API</a></footer></body></html>`;
}

export function errorPage(status: number, message: string): string {
  return layout(`${status}`, `<h1>${status}</h1><p>${h(message)}</p><p><a href="/">All stories</a></p>`);
}
