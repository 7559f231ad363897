/**
 * What a report says, independent of its format: the story's sections in reading order, with
 * citations as article numbers. The HTML and Markdown reporters only lay this out.
 */
import type { Story, StoryClaim } from '../../types.js';
import { bareQuotation } from '../quotation.js';
import { conceptLabel, exclusiveOutlet, outletNames } from '../outlet-names.js';
import { articleTitle } from '../title.js';

export interface Cited {
  text: string;
  cites: number[];
}

export interface ReportModel {
  title: string;
  articles: { n: number; id: string; outlet: string; title: string; published: string; url: string | null; profile: string }[];
  summary: Cited[];
  shared: (Cited & { coverage: string; mark: string })[];
  exclusives: { outlet: string; claims: string[] }[];
  disagreements: { about: string; versions: Cited[] }[];
  quotes: { speaker: string; quotes: Cited[] }[];
  wording: { concept: string; variants: { text: string; outlets: string[] }[] }[];
  timeline: (Cited & { date: string })[];
  coverage: { label: string; counts: [string, number][] }[];
  blindSpots: string[];
}

export function reportModel(s: Story): ReportModel {
  const n = new Map(s.articles.map((a, i) => [a.id, i + 1]));
  const cites = (ids: string[]) => [...new Set(ids.map((id) => n.get(id)).filter((x): x is number => !!x))].sort((a, b) => a - b);
  const profile = new Map((s.outlets ?? []).map((o) => [o.article, o]));
  const outletOf = outletNames(s);
  const describe = (id: string) => {
    const p = profile.get(id);
    if (!p?.profiled) return 'unprofiled';
    const own = p.ownership === 'state' ? 'state-owned or state-affiliated' : p.ownership ?? 'ownership unknown';
    return `${p.country ?? '??'} · ${own}${p.agencies.length ? ' · reprints ' + p.agencies.join(', ') : ''}`;
  };
  const mark = (c: StoryClaim & { only?: { ownership?: string; country?: string } }) =>
    [c.only?.ownership === 'state' ? 'only state-affiliated outlets' : '', c.only?.country ? `only outlets from ${c.only.country}` : ''].filter(Boolean).join('; ');
  const quotesBySpeaker = new Map<string, Cited[]>();
  for (const q of [...s.quotes].sort((a, b) => b.articles.length - a.articles.length)) {
    const list = quotesBySpeaker.get(q.speaker) ?? [];
    list.push({ text: q.direct ? `“${bareQuotation(q.text)}”` : q.text, cites: cites(q.articles) });
    quotesBySpeaker.set(q.speaker, list);
  }
  const cov = s.coverage;
  return {
    title: s.title,
    articles: s.articles.map((a, i) => ({
      n: i + 1, id: a.id, outlet: outletOf(a.id), title: articleTitle(a), published: a.published ?? 'undated', url: a.url, profile: describe(a.id),
    })),
    summary: s.summary.map((x) => ({ text: x.text, cites: cites(x.articles) })),
    shared: s.claims
      .filter((c) => c.articles.length > 1)
      .sort((a, b) => b.articles.length - a.articles.length)
      .map((c) => ({ text: c.text, cites: cites(c.articles), coverage: c.coverage ?? '', mark: mark(c) })),
    exclusives: (s.exclusives ?? []).filter((e) => e.claims.length).map((e) => ({ outlet: exclusiveOutlet(s, e.source, outletOf), claims: e.claims })),
    disagreements: (s.disagreements ?? []).map((d) => ({ about: d.about, versions: d.versions.map((v) => ({ text: v.text, cites: cites(v.articles) })) })),
    quotes: [...quotesBySpeaker].map(([speaker, quotes]) => ({ speaker, quotes })),
    wording: s.wording.map((w) => ({ concept: conceptLabel(s, w.concept, outletOf), variants: w.variants.map((v) => ({ text: v.text, outlets: [...new Set(v.articles.map(outletOf))] })) })),
    timeline: s.timeline.map((t) => ({ date: t.date, text: t.text, cites: cites(t.articles) })),
    coverage: cov
      ? [
          { label: 'Countries', counts: Object.entries(cov.countries) },
          { label: 'Ownership', counts: Object.entries(cov.ownership) },
          { label: 'Languages', counts: Object.entries(cov.languages) },
          ...Object.entries(cov.labels).map(([k, v]) => ({ label: k, counts: Object.entries(v) })),
        ].map((g) => ({ ...g, counts: g.counts.sort((a, b) => b[1] - a[1]) }))
      : [],
    blindSpots: (cov?.blindSpots ?? []).map((b) => `${Math.round(b.share * 100)}% of the ${b.outlets} outlets share ${b.dimension} ${b.value}`),
  };
}
