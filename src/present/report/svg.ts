/**
 * A small inline SVG bar chart: no script, no external request, legible in light and dark mode
 * (it draws with `currentColor`), and described for screen readers by its title and a table
 * beside it.
 */
import { html } from './escape.js';

export function barChart(title: string, counts: [string, number][], width = 320): string {
  const rowH = 22;
  const max = Math.max(1, ...counts.map(([, n]) => n));
  const label = 110;
  const bars = counts
    .map(([k, n], i) => {
      const w = Math.max(2, Math.round(((width - label - 30) * n) / max));
      const y = i * rowH;
      return `<text x="0" y="${y + 15}" font-size="12" fill="currentColor">${html(k.slice(0, 16))}</text>` +
        `<rect x="${label}" y="${y + 4}" width="${w}" height="14" rx="2" fill="currentColor" opacity="0.55"/>` +
        `<text x="${label + w + 6}" y="${y + 15}" font-size="12" fill="currentColor">${n}</text>`;
    })
    .join('');
  return `<svg role="img" aria-label="${html(title)}" width="${width}" height="${counts.length * rowH + 4}" viewBox="0 0 ${width} ${counts.length * rowH + 4}" xmlns="http://www.w3.org/2000/svg"><title>${html(title)}</title>${bars}</svg>`;
}
