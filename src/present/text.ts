/**
 * Terminal presentation of articles and stories: plain text that reads well at 100 columns and
 * in a pipe. Colour is never required to understand it.
 *
 * @module
 */
import type { Article, Story, StoryClaim } from '../types.js';
import { bareQuotation } from './quotation.js';
import { articleTitle } from './title.js';
import { conceptLabel, exclusiveOutlet, isUnnamed, outletNames } from './outlet-names.js';
import { languageName, languagesLine, nameForms, storyLanguageOf, storyLanguages } from './languages.js';

const WIDTH = 100;

/** `1 article`, `2 articles`, `1 story`, `3 stories`. */
export function plural(n: number, noun: string, many = noun.endsWith('y') ? noun.slice(0, -1) + 'ies' : noun + 's'): string {
  return `${n} ${n === 1 ? noun : many}`;
}

/** Wraps at `width`; the first line starts with `indent`, the others align under its text. */
function wrap(text: string, indent = '', width = WIDTH): string {
  const out: string[] = [];
  const rest = ' '.repeat(indent.length);
  let line = indent;
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line.length + word.length + 1 > width && line.trim()) {
      out.push(line.trimEnd());
      line = rest;
    }
    line += word + ' ';
  }
  if (line.trim()) out.push(line.trimEnd());
  return out.join('\n');
}

function heading(title: string): string {
  return `\n${title.toUpperCase()}\n${'─'.repeat(Math.min(WIDTH, title.length))}`;
}

export function formatArticle(a: Article): string {
  const meta = ([
    ['id', a.id],
    ['outlet', a.source],
    ['title', a.title],
    ['kicker', a.kicker],
    ['dek', a.dek],
    ['byline', a.byline],
    ['published', a.published],
    ['dateline', a.dateline],
    ['language', a.language],
    ['url', a.url],
  ] as [string, string | null][])
    .filter(([, v]) => v)
    .map(([k, v]) => `${k.padEnd(10)} ${v}`);
  const body = a.blocks.map((b) => (b.kind === 'heading' ? `## ${b.text}` : wrap(b.text, b.kind === 'list-item' ? '  • ' : ''))).join('\n\n');
  const removed = a.removed.length ? `\n[${a.removed.length} lines of page chrome removed]` : '';
  return `${meta.join('\n')}\n\n${body}${removed}`;
}

/** Each article's sentence behind a claim: its evidence where given, else its sentences. */
function evidenceOf(c: StoryClaim): { article: string; text: string }[] {
  return c.evidence?.length ? c.evidence : c.sentences;
}

/** A confidence below certainty, said in words a reader does not have to decode. */
function confidence(c: number | undefined): string {
  return c !== undefined && c < 0.75 ? ` (confidence ${c.toFixed(2)})` : '';
}

/** The story side by side: who carries what, who alone says what, how each words it, when. */
export function formatStory(s: Story): string {
  const n = new Map(s.articles.map((a, i) => [a.id, i + 1]));
  const cite = (ids: string[]) => `[${ids.map((id) => n.get(id) ?? '?').join(',')}]`;
  // One name per outlet, the one the web page and the JSON give it.
  const name = outletNames(s);
  const outlets = new Set(s.articles.map((a) => name(a.id)));
  // An outlet by its name and number; one that nothing names by its number alone (the article
  // list says it is unnamed).
  // Each sentence shown as an outlet's own is labelled with its language when the story holds
  // several: "(Russian)".
  const langs = storyLanguageOf(s);
  const inLanguage = (lang: string | null) => (langs.multi && lang ? ` (${languageName(lang)})` : '');
  const tagged = (text: string, articles: string[], own?: { article: string; text: string }[]) => inLanguage(langs.of(text, articles, own));
  const label = (id: string) => `${isUnnamed(name(id)) ? '' : name(id) + ' '}[${n.get(id) ?? '?'}]${inLanguage(langs.article(id))}`;
  const out: string[] = [];
  out.push(`STORY ${s.id}: ${s.title}`);
  out.push(`${plural(s.articles.length, 'article')} from ${plural(outlets.size, 'outlet')}`);
  const languages = languagesLine(s);
  if (languages) out.push(`${langs.multi ? `${plural(storyLanguages(s).length, 'language')}: ` : 'in '}${languages}`);
  out.push(heading('Articles'));
  for (const a of s.articles) {
    const lang = languageName(langs.article(a.id));
    out.push(`[${n.get(a.id)}] ${name(a.id)}${lang ? ` · ${lang}` : ''} · ${a.published ?? 'undated'} · ${articleTitle(a)}`);
  }
  const claimByText = new Map(s.claims.map((c) => [c.text, c]));
  const claimTagged = (text: string, articles: string[]) => {
    const c = claimByText.get(text);
    return tagged(text, c?.articles ?? articles, c ? evidenceOf(c) : undefined);
  };

  if (s.summary.length) {
    out.push(heading('Summary'));
    for (const x of s.summary) out.push(wrap(`${x.text} ${cite(x.articles)}${claimTagged(x.text, x.articles)}`));
  }
  const firm = <T extends { tentative?: boolean }>(rows: T[]) => rows.filter((r) => !r.tentative);
  // Carried by two articles or more: a story of one article has none (and no heading for them).
  const shared = firm(s.claims).filter((c) => new Set(c.articles).size > 1).sort((a, b) => b.articles.length - a.articles.length);
  if (shared.length) {
    out.push(heading('Claims by coverage'));
    // Each claim with each outlet's own sentence under it, so that a row is checked where it is read.
    for (const c of shared.slice(0, 15)) {
      out.push(wrap(`${cite(c.articles)} ${c.text}${tagged(c.text, c.articles, evidenceOf(c))}${confidence(c.confidence)}`, '', WIDTH));
      for (const e of evidenceOf(c)) if (e.text !== c.text) out.push(wrap(`${label(e.article)}: ${e.text}`, '    '));
    }
  }
  const possible = s.claims.filter((c) => c.tentative && new Set(c.articles).size > 1);
  if (possible.length) {
    out.push(heading('Possibly the same claim (not counted)'));
    for (const c of possible.slice(0, 5)) {
      out.push(wrap(`${cite(c.articles)} ${c.text}${tagged(c.text, c.articles, evidenceOf(c))}${confidence(c.confidence)}`));
      for (const e of evidenceOf(c)) if (e.text !== c.text) out.push(wrap(`${label(e.article)}: ${e.text}`, '    '));
    }
  }
  // Only meaningful when other outlets cover the story too.
  const exclusives = outlets.size > 1 ? (s.exclusives ?? []).filter((e) => e.claims.length) : [];
  if (exclusives.length) {
    out.push(heading('Only one outlet reports'));
    for (const e of exclusives) {
      const outlet = exclusiveOutlet(s, e.source, name);
      out.push(`${outlet}:`);
      const theirs = s.articles.filter((a) => name(a.id) === outlet).map((a) => a.id);
      for (const c of e.claims.slice(0, 5)) out.push(wrap(`${c}${claimTagged(c, theirs)}`, '  – '));
    }
  }
  if (s.disagreements?.length) {
    out.push(heading('Disagreements'));
    for (const d of s.disagreements) {
      out.push(d.about);
      for (const v of d.versions) out.push(wrap(`${v.text} ${cite(v.articles)}${tagged(v.text, v.articles, d.evidence)}`, '  – '));
    }
  }
  const quotes = firm(s.quotes);
  if (quotes.length) {
    out.push(heading('Who said what'));
    for (const q of [...quotes].sort((a, b) => b.articles.length - a.articles.length).slice(0, 15)) {
      out.push(wrap(`${q.speaker}: ${q.direct ? '“' + bareQuotation(q.text) + '”' : q.text} ${cite(q.articles)}${tagged(q.text, q.articles, [...(q.renderings ?? []), ...(q.evidence ?? [])])}${confidence(q.confidence)}`));
      // Each outlet's own rendering where it differs from the one shown.
      for (const r of q.renderings ?? []) if (r.text !== q.text) out.push(wrap(`${label(r.article)}: ${r.text}`, '    '));
    }
  }
  if (s.wording.length) {
    out.push(heading('Wording'));
    for (const w of s.wording) {
      // Variants from articles of several languages: each one's outlets language by language, "Kyiv" Outlet A (English).
      const outletsOf = (ids: string[]) => [...new Set(ids.map(name))].join('/');
      const split = langs.several(w.variants.flatMap((v) => v.articles));
      const variants = w.variants.map((v) => {
        if (!split) return { rank: 0, text: `"${v.text}" ${outletsOf(v.articles)}` };
        const groups = new Map<string | null, string[]>();
        for (const id of v.articles) groups.set(langs.article(id), [...(groups.get(langs.article(id)) ?? []), id]);
        const ranked = [...groups].sort((a, b) => langs.rank(a[0]) - langs.rank(b[0]));
        return { rank: langs.rank(ranked[0]?.[0] ?? null), text: `"${v.text}" ${ranked.map(([lang, ids]) => `${outletsOf(ids)}${inLanguage(lang)}`).join(', ')}` };
      });
      out.push(`${conceptLabel(s, w.concept, name)}: ` + variants.sort((a, b) => a.rank - b.rank).map((v) => v.text).join(' · '));
    }
  }
  if (s.timeline.length) {
    out.push(heading('Timeline'));
    for (const t of s.timeline) out.push(wrap(`${t.date.padEnd(10)} ${t.text} ${cite(t.articles)}${tagged(t.text, t.articles, t.evidence)}`, ''));
  }
  if (s.entities.length) {
    out.push(heading('Named'));
    const top = [...s.entities].sort((a, b) => b.mentions.length - a.mentions.length).slice(0, 20);
    out.push(wrap(top.map((e) => {
      // A name met in several alphabets with one form in each: Bogdan Marenko · Богдан Маренко.
      const forms = nameForms(e.name, e.mentions, langs).map((f) => f.text);
      const spellings = [...new Set(e.mentions.map((m) => m.text))].filter((t) => !forms.includes(t));
      return `${forms.join(' · ')} (${e.kind}${spellings.length ? '; also ' + spellings.slice(0, 4).join(', ') : ''})`;
    }).join(' · ')));
  }
  return out.join('\n');
}
