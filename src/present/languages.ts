/**
 * The languages of a story as a reader meets them, for every presenter (the web page, the
 * terminal, the reports): each language by its English name ("Russian", not "ru", from the
 * runtime's own CLDR data through `Intl.DisplayNames`), the story's languages counted, and the
 * language of each sentence shown as an outlet's own, so that it is labelled and marked up (`lang`,
 * and `dir` for right-to-left writing) for screen readers and fonts.
 *
 * The analysis gives no language per row: a row's language is read from the articles. A row's text
 * is one article's sentence (a claim's, a quote's, a dated event's); that article's language is the
 * row's. Where the text matches no article's sentence, the articles carrying the row decide when
 * they agree, or their one language written in the text's script. Otherwise the row has no
 * language: an unlabelled sentence is better than a wrongly labelled one.
 *
 * @module
 */
import type { Story } from '../types.js';
import { scriptOf, type Script } from '../lang/identify.js';
import { englishLanguageName } from '../lang/language-names.js';

/** A language code as a valid BCP 47 tag ("ru", "pt-BR"), or null for none, `und` or a malformed one. */
export function languageTag(code: string | null | undefined): string | null {
  const c = code?.trim();
  if (!c || c.toLowerCase() === 'und') return null;
  try {
    return Intl.getCanonicalLocales(c)[0] ?? null;
  } catch {
    return null;
  }
}

/** A language's English name ("Russian" for ru); a code the runtime does not name stays as it is; null for none. */
export function languageName(code: string | null | undefined): string | null {
  const tag = languageTag(code);
  if (!tag) return null;
  return englishLanguageName(tag) ?? tag;
}

/** Scripts written right to left among those the language layer tells apart. */
const RTL_SCRIPTS = new Set<Script>(['Arab', 'Hebr']);

/** Whether a language is written right to left, by the runtime's locale data (ar, he, fa, ur…). */
function rightToLeft(tag: string): boolean {
  try {
    const locale = new Intl.Locale(tag) as Intl.Locale & { getTextInfo?: () => { direction?: string }; textInfo?: { direction?: string } };
    return (locale.getTextInfo?.() ?? locale.textInfo)?.direction === 'rtl';
  } catch {
    return false;
  }
}

/** The language the pages and reports are written in (their `<html lang>`). */
export const PAGE_LANGUAGE = 'en';

/**
 * The attributes for an element holding a sentence in language `code`: ` lang="ru"`, with
 * ` dir="rtl"` where the text (or, for a text without letters, the language) runs right to left,
 * so that it reads right inside the left-to-right page and is isolated from what follows it; an
 * unknown language gets ` dir="auto"` only (the browser takes the direction from the text). None
 * for the page's own language, which the element inherits (a big story's page stays light).
 */
export function langAttrs(code: string | null | undefined, text = ''): string {
  const tag = languageTag(code);
  const script = text ? scriptOf(text) : 'Zyyy';
  const rtl = RTL_SCRIPTS.has(script) || (script === 'Zyyy' && !!tag && rightToLeft(tag));
  if (!tag) return rtl ? ' dir="rtl"' : ' dir="auto"';
  if (tag === PAGE_LANGUAGE && !rtl) return '';
  return ` lang="${tag}"${rtl ? ' dir="rtl"' : ''}`;
}

/** Each language of the story's articles with how many articles are in it, the most first. */
export function storyLanguages(s: Pick<Story, 'articles'>): { code: string; name: string; articles: number }[] {
  const counts = new Map<string, number>();
  for (const a of s.articles) {
    const tag = languageTag(a.language);
    if (tag) counts.set(tag, (counts.get(tag) ?? 0) + 1);
  }
  // Ties keep the order the articles first use them in.
  return [...counts].map(([code, articles]) => ({ code, name: languageName(code)!, articles })).sort((a, b) => b.articles - a.articles);
}

/** "English 3, Russian 2, Chinese 1"; one language alone by its name; "" when none is known. */
export function languagesLine(s: Pick<Story, 'articles'>): string {
  const langs = storyLanguages(s);
  if (langs.length === 1) return langs[0].name;
  return langs.map((l) => `${l.name} ${l.articles}`).join(', ');
}

/** Writing systems as `Intl.Locale#maximize` names them, as the language layer names them. */
const SCRIPT_OF_LOCALE: Record<string, Script> = { Hans: 'Hani', Hant: 'Hani', Kore: 'Hang' };

/** The script a language is usually written in (ru → Cyrl, zh → Hani), from the runtime's likely-subtags data. */
function usualScript(tag: string): string | null {
  try {
    const script = new Intl.Locale(tag).maximize().script;
    return script ? (SCRIPT_OF_LOCALE[script] ?? script) : null;
  } catch {
    return null;
  }
}

/** A sentence for comparison: spaces folded, the first letter as the analysis capitalises it. */
const norm = (t: string) => t.replace(/\s+/g, ' ').trim().replace(/^\p{Ll}/u, (c) => c.toUpperCase());

/** What {@link storyLanguageOf} returns: the languages of a story's articles and of the sentences it shows. */
export interface StoryLanguages {
  /** More than one language among the articles: sentences are then labelled with theirs. */
  multi: boolean;
  /** Whether these articles are in more than one language (a wording concept is then shown language by language). */
  several(articles: Iterable<string>): boolean;
  /** An article's language (a BCP 47 tag), or null. */
  article(id: string): string | null;
  /** A language's place among the story's, the most used first (0); none or one not in the story last. */
  rank(lang: string | null): number;
  /**
   * The language of `text`, a row carried by `articles` whose own sentences (evidence, renderings)
   * are `own`: see the module's comment. Null when it cannot be told.
   */
  of(text: string, articles: readonly string[], own?: readonly { article: string; text: string }[]): string | null;
}

export function storyLanguageOf(s: Pick<Story, 'articles'>): StoryLanguages {
  const byArticle = new Map(s.articles.map((a) => [a.id, languageTag(a.language)]));
  const article = (id: string) => byArticle.get(id) ?? null;
  // One language for a set of articles, or null when they have none or several.
  const agreed = (ids: Iterable<string>) => {
    const langs = new Set([...ids].map(article));
    return langs.size === 1 ? [...langs][0] : null;
  };
  const order = storyLanguages(s).map((l) => l.code);
  return {
    multi: order.length > 1,
    article,
    several: (ids) => new Set([...ids].map(article)).size > 1,
    rank: (lang) => (lang && order.includes(lang) ? order.indexOf(lang) : order.length),
    of(text, articles, own = []) {
      const t = norm(text);
      const same = own.filter((x) => norm(x.text) === t);
      if (same.length) return agreed(same.map((x) => x.article));
      // A quotation is a part of its article's sentence; a sentence may hold a shorter row's text.
      const holding = t ? own.filter((x) => norm(x.text).includes(t) || (x.text.trim() && t.includes(norm(x.text)))) : [];
      if (holding.length) return agreed(holding.map((x) => x.article));
      const ids = new Set([...articles, ...own.map((x) => x.article)]);
      const one = agreed(ids);
      if (one || !t) return one;
      // Several languages: the one of them written in the text's script, if only one is.
      const script = scriptOf(t);
      const fits = [...new Set([...ids].map(article))].filter((l): l is string => !!l && usualScript(l) === script);
      return fits.length === 1 ? fits[0] : null;
    },
  };
}

/** One form of a name in one writing system, with the language of the articles that write it so (null when they differ). */
export interface NameForm {
  text: string;
  lang: string | null;
  script: Script;
}

/**
 * One form of a name per writing system its mentions use (in each, the fullest and most mentioned
 * form; the entity's own name stands for its script), the name's script first. A name met in one
 * script has one form.
 */
export function nameForms(name: string, mentions: readonly { article: string; text: string }[], langs: StoryLanguages): NameForm[] {
  const own = scriptOf(name);
  const byScript = new Map<Script, Map<string, string[]>>();
  for (const m of mentions) {
    const script = scriptOf(m.text);
    if (script === 'Zyyy') continue;
    const forms = byScript.get(script) ?? new Map<string, string[]>();
    forms.set(m.text, [...(forms.get(m.text) ?? []), m.article]);
    byScript.set(script, forms);
  }
  const out: NameForm[] = [];
  for (const [script, forms] of byScript) {
    // The fullest form first (as many words as the name: "Богдан Маренко" rather than "Маренко"),
    // then the most mentioned.
    const words = (t: string) => t.trim().split(/\s+/).length;
    const full = (t: string) => Number(words(t) === words(name));
    const ranked = [...forms].sort((a, b) => full(b[0]) - full(a[0]) || b[1].length - a[1].length);
    const [text, articles] = script === own ? ([name, forms.get(name) ?? ranked[0][1]] as const) : ranked[0];
    const ls = new Set(articles.map(langs.article));
    out.push({ text, lang: ls.size === 1 ? [...ls][0] : null, script });
  }
  if (!byScript.has(own)) out.push({ text: name, lang: null, script: own });
  return out.sort((a, b) => Number(b.script === own) - Number(a.script === own));
}
