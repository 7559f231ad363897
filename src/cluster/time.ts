/**
 * Time in the clusterer: publication dates as milliseconds, and how a story's score fades with
 * the gap between an article and the story's dates.
 *
 * @module
 */
import type { ClusterParams } from './params.js';
import type { StoryState } from './state.js';

export const DAY = 86_400_000;

/** Milliseconds since 1970 for an ISO date of any precision; NaN when unknown. */
export function timeOf(published: string | null): number {
  if (!published || published.startsWith('--')) return NaN;
  const p = published.length === 4 ? `${published}-07-01` : published.length === 7 ? `${published}-15` : published;
  return Date.parse(p);
}

/**
 * The factor on a story's score for the gap in time between an article and the story's dates
 * (1 within `graceDays`, then fading; 0 past `windowDays` or once the story closed), and the gap.
 */
export function timeFactor(params: ClusterParams, time: number, story: StoryState): { factor: number; gap: number } {
  if (story.retired) return { factor: 0, gap: NaN };
  if (!Number.isFinite(time) || !Number.isFinite(story.first)) return { factor: 1, gap: NaN };
  const gap = time < story.first ? (story.first - time) / DAY : time > story.last ? (time - story.last) / DAY : 0;
  if (gap > params.windowDays) return { factor: 0, gap };
  return { factor: gap <= params.graceDays ? 1 : Math.exp(-(gap - params.graceDays) / params.fadeDays), gap };
}
