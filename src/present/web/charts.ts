/**
 * The story page's plots, drawn as inline SVG on the server rather than with a charting library:
 * no script to ship or run (a library would draw nothing without JavaScript and would need its
 * own script on every story page), nothing for the CSP to allow, colours through the page's CSS
 * variables so that they follow light and dark mode, real links for keyboard users, and each plot
 * paired with the same data as text (a list or a table) for screen readers. On a story of 50
 * articles from 40 outlets the two timeline plots weigh about 29 KB of markup together.
 *
 * @module
 */
import { html as h } from '../report/escape.js';

const WIDTH = 720;
const LEFT = 170;
const RIGHT = 44;

/** A date of any precision the analysis gives (`1994`, `2023-06`, `2024-12-03`, `…T14:27`) as a span of time. */
export function spanOf(date: string): { from: number; to: number } | null {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:[T ](\d{2}):(\d{2}))?)?)?/.exec(date);
  if (!m) return null;
  const [y, mo, d, hh, mm] = [Number(m[1]), m[2] ? Number(m[2]) - 1 : null, m[3] ? Number(m[3]) : null, m[4] ? Number(m[4]) : null, m[5] ? Number(m[5]) : 0];
  if (mo === null) return { from: Date.UTC(y, 0, 1), to: Date.UTC(y + 1, 0, 1) };
  if (d === null) return { from: Date.UTC(y, mo, 1), to: Date.UTC(y, mo + 1, 1) };
  if (hh === null) return { from: Date.UTC(y, mo, d), to: Date.UTC(y, mo, d + 1) };
  const t = Date.UTC(y, mo, d, hh, mm);
  return { from: t, to: t };
}

const DAY = 86_400_000;

/** Axis ticks at round calendar steps, about six of them. */
function ticks(lo: number, hi: number, wholeDays = false): { at: number; label: string }[] {
  const span = hi - lo;
  const out: { at: number; label: string }[] = [];
  const d0 = new Date(lo);
  if (span > 3 * 365 * DAY) {
    const years = span / (365 * DAY);
    const step = [1, 2, 5, 10, 20, 50, 100].find((s) => years / s <= 7) ?? 100;
    for (let y = Math.ceil(d0.getUTCFullYear() / step) * step; Date.UTC(y, 0, 1) <= hi; y += step) out.push({ at: Date.UTC(y, 0, 1), label: String(y) });
  } else if (span > 60 * DAY) {
    const months = span / (30 * DAY);
    const step = [1, 2, 3, 6, 12].find((s) => months / s <= 7) ?? 12;
    for (let m = d0.getUTCFullYear() * 12 + d0.getUTCMonth() + 1; ; m += step) {
      const at = Date.UTC(Math.floor(m / 12), m % 12, 1);
      if (at > hi) break;
      out.push({ at, label: new Date(at).toISOString().slice(0, 7) });
    }
  } else if (span > 4 * DAY) {
    const step = Math.max(1, Math.ceil(span / DAY / 7));
    for (let at = Date.UTC(d0.getUTCFullYear(), d0.getUTCMonth(), d0.getUTCDate() + 1); at <= hi; at += step * DAY) out.push({ at, label: new Date(at).toISOString().slice(5, 10) });
  } else if (wholeDays) {
    // Dates known only to the day: ticks at days, no hours on the axis.
    for (let at = lo; at <= hi; at += DAY) out.push({ at, label: new Date(at).toISOString().slice(5, 10) });
  } else {
    const hours = span / 3_600_000;
    const step = [1, 2, 3, 6, 12].find((s) => hours / s <= 7) ?? 12;
    for (let at = Math.ceil(lo / (step * 3_600_000)) * step * 3_600_000; at <= hi; at += step * 3_600_000) out.push({ at, label: new Date(at).toISOString().slice(5, 16).replace('T', ' ') });
  }
  return out;
}

function scale(spans: { from: number; to: number }[]): { x: (t: number) => number; axis: (y: number) => string } {
  let lo = Math.min(...spans.map((s) => s.from));
  let hi = Math.max(...spans.map((s) => s.to));
  if (hi - lo < 3_600_000) {
    lo -= 1_800_000;
    hi += 1_800_000;
  }
  const x = (t: number) => LEFT + ((t - lo) / (hi - lo)) * (WIDTH - LEFT - RIGHT);
  const wholeDays = spans.every((s) => s.to > s.from && s.from % DAY === 0 && s.to % DAY === 0);
  const axis = (y: number) =>
    `<g class="axis"><line x1="${LEFT}" y1="${y}" x2="${WIDTH - RIGHT}" y2="${y}"/>${ticks(lo, hi, wholeDays)
      .map((t) => `<line x1="${x(t.at).toFixed(1)}" y1="${y}" x2="${x(t.at).toFixed(1)}" y2="${y + 5}"/><text x="${x(t.at).toFixed(1)}" y="${y + 18}" text-anchor="middle">${h(t.label)}</text>`)
      .join('')}</g>`;
  return { x, axis };
}

/** The narrowest a span's bar is drawn (a day on an axis of months is narrower than this). */
const MIN_BAR = 8;

/**
 * One mark: a dot for an instant, a bar over the whole span for a date known only to the day,
 * month or year. A day is never a dot at its midday: that would give it an hour nobody gave.
 */
function mark(span: { from: number; to: number }, x: (t: number) => number, y: number, label: string, r = 5.5): string {
  const a = x(span.from);
  const b = x(span.to);
  if (span.to > span.from) {
    // Too narrow to see: widened around the span, which it still covers.
    const w = Math.max(MIN_BAR, b - a);
    const left = b - a >= MIN_BAR ? a : (a + b) / 2 - MIN_BAR / 2;
    return `<rect class="mark" x="${left.toFixed(1)}" y="${(y - r + 1).toFixed(1)}" width="${w.toFixed(1)}" height="${(2 * r - 2).toFixed(1)}" rx="3"><title>${h(label)}</title></rect>`;
  }
  return `<circle class="mark" cx="${a.toFixed(1)}" cy="${y}" r="${r}"><title>${h(label)}</title></circle>`;
}

export interface DatedEvent {
  date: string;
  text: string;
}

/**
 * The dated events on one time axis, one row per event (up to `max`, the earliest first): an
 * image for the eye; the list under it carries the same facts for screen readers.
 */
export function eventsChart(events: DatedEvent[], max = 24): string {
  const dated = events.map((e) => ({ ...e, span: spanOf(e.date) })).filter((e): e is DatedEvent & { span: { from: number; to: number } } => !!e.span).slice(0, max);
  if (!dated.length) return '';
  const { x, axis } = scale(dated.map((e) => e.span));
  const rowH = 18;
  const height = dated.length * rowH + 34;
  const rows = dated
    .map((e, i) => {
      const y = 12 + i * rowH;
      return `<text class="label" x="${LEFT - 8}" y="${y + 4}" text-anchor="end">${h(e.date)}</text><line class="grid" x1="${LEFT}" y1="${y}" x2="${WIDTH - RIGHT}" y2="${y}"/>${mark(e.span, x, y, `${e.date}: ${e.text.length > 120 ? e.text.slice(0, 119) + '…' : e.text}`)}`;
    })
    .join('');
  const first = dated[0].date;
  const last = dated[dated.length - 1].date;
  return `<svg class="chart" viewBox="0 0 ${WIDTH} ${height}" width="100%" role="img" aria-label="${h(`Timeline: ${dated.length} dated events from ${first} to ${last}, listed below`)}" xmlns="http://www.w3.org/2000/svg">${rows}${axis(height - 26)}</svg>`;
}

export interface Publication {
  /** The article's number on the page (its anchor is `#art-N`). */
  n: number;
  outlet: string;
  title: string;
  published: string | null;
}

/**
 * When each outlet published: one lane per outlet (the first `maxLanes` by number of articles,
 * the rest in one lane), a dot per article linking to it in the side-by-side view. The dots are
 * real links, so keyboard users can step through them.
 */
export function publicationChart(articles: Publication[], maxLanes = 16): string {
  const dated = articles.map((a) => ({ ...a, span: a.published ? spanOf(a.published) : null })).filter((a): a is Publication & { span: { from: number; to: number } } => !!a.span);
  if (dated.length < 2) return '';
  const byOutlet = new Map<string, typeof dated>();
  for (const a of dated) byOutlet.set(a.outlet, [...(byOutlet.get(a.outlet) ?? []), a]);
  let lanes = [...byOutlet].sort((a, b) => b[1].length - a[1].length || Math.min(...a[1].map((x) => x.span.from)) - Math.min(...b[1].map((x) => x.span.from)));
  if (lanes.length > maxLanes) {
    const rest = lanes.slice(maxLanes - 1);
    lanes = [...lanes.slice(0, maxLanes - 1), [`${rest.length} other outlets`, rest.flatMap(([, xs]) => xs)]];
  }
  const { x, axis } = scale(dated.map((a) => a.span));
  const rowH = 22;
  const height = lanes.length * rowH + 36;
  const rows = lanes
    .map(([outlet, xs], i) => {
      const y = 14 + i * rowH;
      const dots = xs
        .map((a) => {
          const label = `${a.outlet}, ${a.published}: ${a.title}`;
          return `<a href="#art-${a.n}" aria-label="${h(label)}">${mark(a.span, x, y, label, 6)}</a>`;
        })
        .join('');
      return `<text class="label" x="${LEFT - 8}" y="${y + 4}" text-anchor="end">${h(outlet.length > 20 ? outlet.slice(0, 19) + '…' : outlet)}</text><line class="grid" x1="${LEFT}" y1="${y}" x2="${WIDTH - RIGHT}" y2="${y}"/>${dots}`;
    })
    .join('');
  return `<svg class="chart" viewBox="0 0 ${WIDTH} ${height}" width="100%" role="group" aria-label="${h(`When each outlet published: ${dated.length} articles from ${byOutlet.size} outlets`)}" xmlns="http://www.w3.org/2000/svg">${rows}${axis(height - 26)}</svg>`;
}

/**
 * Coverage over time: how many outlets had published on the story by each moment, as a step line
 * over the same kind of time axis. An image with its summary in the label; the lanes chart beside
 * it has every article.
 */
export function coverageChart(articles: Publication[]): string {
  // An article known only to its day counts from the day's end: by then it had surely been
  // published (the line is a lower bound), and no hour is made up for it.
  const at = (a: { span: { from: number; to: number } }) => a.span.to;
  const dated = articles
    .map((a) => ({ ...a, span: a.published ? spanOf(a.published) : null }))
    .filter((a): a is Publication & { span: { from: number; to: number } } => !!a.span)
    .sort((a, b) => at(a) - at(b));
  const outlets = new Set<string>();
  const steps: { at: number; n: number }[] = [];
  for (const a of dated) {
    if (outlets.has(a.outlet)) continue;
    outlets.add(a.outlet);
    steps.push({ at: at(a), n: outlets.size });
  }
  if (steps.length < 2) return '';
  const { x, axis } = scale(dated.map((a) => a.span));
  const height = 160;
  const top = 24;
  const bottom = height - 30;
  const y = (n: number) => bottom - ((bottom - top) * n) / outlets.size;
  let d = `M${x(steps[0].at).toFixed(1)},${y(0).toFixed(1)}`;
  for (const s of steps) d += `V${y(s.n - 1).toFixed(1)}H${x(s.at).toFixed(1)}V${y(s.n).toFixed(1)}`;
  d += `H${(WIDTH - RIGHT).toFixed(1)}`;
  const first = dated[0].published!;
  const last = dated.find((a) => a.outlet === [...outlets][outlets.size - 1])!.published!;
  const label = `Coverage over time: the first outlet published at ${first}; all ${outlets.size} had by ${last}`;
  const yTicks = [...new Set([0, Math.round(outlets.size / 2), outlets.size])]
    .map((n) => `<text class="label" x="${LEFT - 8}" y="${(y(n) + 4).toFixed(1)}" text-anchor="end">${n}</text><line class="grid" x1="${LEFT}" y1="${y(n).toFixed(1)}" x2="${WIDTH - RIGHT}" y2="${y(n).toFixed(1)}"/>`)
    .join('');
  return `<svg class="chart" viewBox="0 0 ${WIDTH} ${height + 6}" width="100%" role="img" aria-label="${h(label)}" xmlns="http://www.w3.org/2000/svg"><text class="label" x="${LEFT - 8}" y="10" text-anchor="end">outlets</text>${yTicks}<path class="line" d="${d}"/>${axis(bottom + 4)}</svg>`;
}

/** A small bar for the front page: this story's outlets against the biggest story's. */
export function coverageBar(outlets: number, max: number): string {
  const w = Math.max(4, Math.round((80 * outlets) / Math.max(1, max)));
  return `<svg class="bar" width="84" height="10" aria-hidden="true"><rect class="track" width="84" height="10" rx="2"/><rect width="${w}" height="10" rx="2"/></svg>`;
}
