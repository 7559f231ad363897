/**
 * What a report says, independent of its format: the story's sections in reading order, with
 * citations as article numbers. The HTML and Markdown reporters only lay this out.
 */
import type { Story, StoryClaim } from '../../types.js';
import { bareQuotation } from '../quotation.js';
import { conceptLabel, exclusiveOutlet, outletNames } from '../outlet-names.js';
import { articleTitle } from '../title.js';
import { languageName, languagesLine, storyLanguageOf, storyLanguages } from '../languages.js';

/** A sentence as an outlet wrote it: its language (a BCP 47 tag, or null) and, when the story holds several, its name to show. */
export interface Said {
  text: string;
  lang: string | null;
  label: string;
}

export interface Cited extends Said {
  cites: number[];
}

export interface ReportModel {
  title: string;
  /** "English 3, Russian 2", or the one language's name; "" when none is known. */
  languages: string;
  /** How many languages the articles are in. */
  languageCount: number;
  articles: { n: number; id: string; outlet: string; language: string; lang: string | null; title: string; published: string; url: string | null; profile: string }[];
  summary: Cited[];
  shared: (Cited & { coverage: string; mark: string })[];
  exclusives: { outlet: string; claims: Said[] }[];
  disagreements: { about: string; versions: Cited[] }[];
  quotes: { speaker: string; quotes: Cited[] }[];
  /** Each variant with its outlets, language by language when the story holds several (`language` "" otherwise). */
  wording: { concept: string; variants: { text: string; lang: string | null; outlets: string[]; byLanguage: { language: string; outlets: string[] }[] }[] }[];
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
  const langs = storyLanguageOf(s);
  const said = (text: string, articles: string[], own?: { article: string; text: string }[]): Said => {
    const lang = langs.of(text, articles, own);
    return { text, lang, label: langs.multi && lang ? languageName(lang)! : '' };
  };
  const claimByText = new Map(s.claims.map((c) => [c.text, c]));
  const claimSaid = (text: string, articles: string[]) => {
    const c = claimByText.get(text);
    return said(text, c?.articles ?? articles, c ? (c.evidence?.length ? c.evidence : c.sentences) : undefined);
  };
  const quotesBySpeaker = new Map<string, Cited[]>();
  for (const q of [...s.quotes].sort((a, b) => b.articles.length - a.articles.length)) {
    const list = quotesBySpeaker.get(q.speaker) ?? [];
    list.push({ ...said(q.text, q.articles, [...(q.renderings ?? []), ...(q.evidence ?? [])]), text: q.direct ? `“${bareQuotation(q.text)}”` : q.text, cites: cites(q.articles) });
    quotesBySpeaker.set(q.speaker, list);
  }
  const cov = s.coverage;
  return {
    title: s.title,
    languages: languagesLine(s),
    languageCount: storyLanguages(s).length,
    articles: s.articles.map((a, i) => ({
      n: i + 1, id: a.id, outlet: outletOf(a.id), language: languageName(langs.article(a.id)) ?? '', lang: langs.article(a.id), title: articleTitle(a), published: a.published ?? 'undated', url: a.url, profile: describe(a.id),
    })),
    summary: s.summary.map((x) => ({ ...claimSaid(x.text, x.articles), cites: cites(x.articles) })),
    shared: s.claims
      .filter((c) => c.articles.length > 1)
      .sort((a, b) => b.articles.length - a.articles.length)
      .map((c) => ({ ...said(c.text, c.articles, c.evidence?.length ? c.evidence : c.sentences), cites: cites(c.articles), coverage: c.coverage ?? '', mark: mark(c) })),
    exclusives: (s.exclusives ?? [])
      .filter((e) => e.claims.length)
      .map((e) => {
        const outlet = exclusiveOutlet(s, e.source, outletOf);
        const theirs = s.articles.filter((a) => outletOf(a.id) === outlet).map((a) => a.id);
        return { outlet, claims: e.claims.map((c) => claimSaid(c, theirs)) };
      }),
    disagreements: (s.disagreements ?? []).map((d) => ({ about: d.about, versions: d.versions.map((v) => ({ ...said(v.text, v.articles, d.evidence), cites: cites(v.articles) })) })),
    quotes: [...quotesBySpeaker].map(([speaker, quotes]) => ({ speaker, quotes })),
    wording: s.wording.map((w) => {
      const split = langs.several(w.variants.flatMap((v) => v.articles));
      return {
        concept: conceptLabel(s, w.concept, outletOf),
        variants: w.variants
          .map((v) => {
            const groups = new Map<string | null, string[]>();
            for (const id of v.articles) groups.set(langs.article(id), [...(groups.get(langs.article(id)) ?? []), id]);
            const ranked = [...groups].sort((a, b) => langs.rank(a[0]) - langs.rank(b[0]));
            const byLanguage = split ? ranked.map(([lang, ids]) => ({ language: languageName(lang) ?? 'language not identified', outlets: [...new Set(ids.map(outletOf))] })) : [];
            return { rank: langs.rank(ranked[0]?.[0] ?? null), v: { text: v.text, lang: langs.of(v.text, v.articles), outlets: [...new Set(v.articles.map(outletOf))], byLanguage } };
          })
          // Grouped by language (the story's most used first) when there are several.
          .sort((a, b) => (split ? a.rank - b.rank : 0))
          .map((x) => x.v),
      };
    }),
    timeline: s.timeline.map((t) => ({ ...said(t.text, t.articles, t.evidence), date: t.date, cites: cites(t.articles) })),
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
