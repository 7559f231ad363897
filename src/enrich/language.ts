/**
 * Language identification by script and function words. Scripts used by one language (Greek,
 * Hangul, kana, Thai…) decide at once; for Latin and Cyrillic text the commonest short words of
 * each language are a reliable fingerprint on a paragraph of news and need no model file. One
 * pass over the characters and one over the words: tens of microseconds on an article's opening.
 *
 * Measured against the declared `<html lang>` of the eval/aeb pages (`scripts/eval-aeb.mjs`,
 * `aeb_language_agreement`); where the two disagree the page's declaration is often the one that
 * is wrong (German pages declared `en`).
 *
 * @module
 */

const FUNCTION_WORDS: Record<string, string> = {
  en: 'the of and to in is that for it on was with as by at from he said his are be have an this which not but they has were would who their been will its',
  de: 'der die und in den von zu das mit sich des auf für ist im dem nicht ein eine als auch es an werden aus er hat dass sie nach wird bei einer um noch wie',
  fr: 'de la le et les des en un une du est que pour dans qui au sur par pas plus ne se ce il sont avec été son aux mais leur cette ont',
  es: 'de la que el en y los del se las por un para con una su al lo como más pero sus le ha ya o este porque esta entre cuando muy sin sobre también fue',
  it: 'di e il la che in un per è una del non le con si da al sono della gli anche ha dei nel più alla questo ci ma come essere stato delle',
  pt: 'de a o que e do da em um para é com não uma os no se na por mais as dos como mas foi ao ele das tem à seu sua ou quando muito nos já está também',
  nl: 'de het een van en in is dat op te zijn met voor niet aan er ook als bij door om maar heeft hij wordt werd dit naar nog zijn worden',
  sv: 'och att det som en på är av för med till den har de inte om ett men var jag så från vid kan hade sig efter eller',
  da: 'og at det som en på er af for med til den har de ikke om et men var jeg så fra ved kan havde sig efter eller blev',
  no: 'og at det som en på er av for med til den har de ikke om et men var jeg så fra ved kan hadde seg etter eller ble',
  fi: 'ja on ei se että oli hän mutta kun niin myös jo tai ovat ole sen joka mukaan kanssa vuoden',
  pl: 'i w na z do się że nie to jest o jak po co przez od za ale tak dla jego już są który może był',
  cs: 'a v se na je že s z do o to jako ale by jsou pro které jeho jak po již bylo také podle',
  ro: 'și în de la a cu din care pe este nu o un mai fost pentru că se ca sunt sau dintre',
  hu: 'a az és hogy nem is egy van meg de ez már csak volt mint el kell még azt',
  tr: 've bir bu da de için ile olarak çok daha olan gibi ama en ne kadar sonra ise değil',
  id: 'yang dan di ini itu dengan untuk tidak dari dalam akan pada juga ke karena ada atau kita jadi bisa sudah saya mereka oleh',
  ca: 'de la i el que a en les del per els amb una es un no al més com dels però ha seu',
  hr: 'i u je da se na za su od a koji s kao što to iz o ali bi sam',
  vi: 'và của là có được trong cho không với những người các một này đã khi đến để',
  uk: 'і в на що не з до як це та у за від його але про він так вже їх було який',
  ru: 'и в не на что с по как это к о из за его но от он так уже для же было который',
  bg: 'и на в за да се от с не е по че са като това който му но',
};

/** Letters that tell close languages apart where function words are shared (ru/uk, es/pt, da/no). */
const MARKERS: Record<string, RegExp> = {
  uk: /[іїєґ]/g, ru: /[ыэъё]/g, bg: /ъ[а-я]/g,
  pt: /[ãõç]/g, es: /[ñ¿¡]/g, ro: /[ăâîșțşţ]/g, pl: /[ąęłńśźż]/g, cs: /[ěřůčš]/g, hu: /[őű]/g, tr: /[ğışİ]/g,
  de: /[äöüß]/g, sv: /[å]/g, da: /[æø]/g, no: /[æø]/g, vi: /[ạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹđ]/g,
};

const LEXICON = new Map<string, Set<string>>(Object.entries(FUNCTION_WORDS).map(([l, w]) => [l, new Set(w.split(' '))]));
/** Each function word with the languages it belongs to: one lookup per word of the text. */
const WORD_LANGS = new Map<string, string[]>();
for (const [lang, words] of LEXICON) for (const w of words) WORD_LANGS.set(w, [...(WORD_LANGS.get(w) ?? []), lang]);
const CYRILLIC_LANGS = new Set(['uk', 'ru', 'bg']);

type Script = 'latin' | 'cyrillic' | string;

/** The script most letters of `text` are written in, and how many letters it has. */
function dominantScript(text: string): { script: Script; share: number; letters: number } {
  const counts: Record<string, number> = {};
  let letters = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    let s: string | null = null;
    if (c < 0x80) { if ((c | 32) >= 97 && (c | 32) <= 122) s = 'latin'; }
    else if (c < 0x250) s = c >= 0xc0 ? 'latin' : null;
    else if (c >= 0x370 && c < 0x400) s = 'el';
    else if (c >= 0x400 && c < 0x530) s = 'cyrillic';
    else if (c >= 0x530 && c < 0x590) s = 'hy';
    else if (c >= 0x590 && c < 0x600) s = 'he';
    else if (c >= 0x600 && c < 0x700) s = 'ar';
    else if (c >= 0x900 && c < 0x980) s = 'hi';
    else if (c >= 0x980 && c < 0xa00) s = 'bn';
    else if (c >= 0xb80 && c < 0xc00) s = 'ta';
    else if (c >= 0xe00 && c < 0xe80) s = 'th';
    else if (c >= 0x10a0 && c < 0x1100) s = 'ka';
    else if (c >= 0x1e00 && c < 0x1f00) s = 'latin';
    else if (c >= 0x3040 && c < 0x3100) s = 'ja';
    else if (c >= 0x4e00 && c < 0xa000) s = 'han';
    else if (c >= 0xac00 && c < 0xd7b0) s = 'ko';
    if (!s) continue;
    letters++;
    counts[s] = (counts[s] ?? 0) + 1;
  }
  let script = 'latin';
  let best = 0;
  for (const [s, n] of Object.entries(counts)) if (n > best) { best = n; script = s; }
  // Japanese mixes kana with Chinese characters; any real share of kana makes it Japanese.
  if (script === 'han' && (counts.ja ?? 0) > letters * 0.05) script = 'ja';
  return { script, share: letters ? best / letters : 0, letters };
}

/**
 * The language of `text` as a BCP 47 primary subtag, or null when the text is too short or
 * matches no language well. `confidence` is between 0 and 1.
 */
export function detectLanguage(text: string): { language: string | null; confidence: number } {
  const sample = text.length > 3000 ? text.slice(0, 3000) : text;
  const { script, share, letters } = dominantScript(sample);
  if (letters < 20) return { language: null, confidence: 0 };
  if (script !== 'latin' && script !== 'cyrillic') return { language: script === 'han' ? 'zh' : script, confidence: Math.min(1, share) };

  const lower = sample.toLowerCase();
  const hits = new Map<string, number>();
  for (const w of lower.split(/[^\p{L}]+/u)) {
    const langs = w ? WORD_LANGS.get(w) : undefined;
    if (langs) for (const l of langs) hits.set(l, (hits.get(l) ?? 0) + 1);
  }
  for (const lang of [...hits.keys()]) {
    if (CYRILLIC_LANGS.has(lang) !== (script === 'cyrillic')) { hits.delete(lang); continue; }
    const marker = MARKERS[lang];
    if (marker) hits.set(lang, (hits.get(lang) ?? 0) + Math.min(5, (lower.match(marker)?.length ?? 0) * 0.5));
  }
  let best: string | null = null;
  let first = 0;
  let second = 0;
  for (const [lang, n] of hits) {
    if (n > first) { second = first; first = n; best = lang; }
    else if (n > second) second = n;
  }
  if (!best || first < 3) return { language: null, confidence: 0 };
  // Confidence: how clearly the best language beats the runner-up, damped for short samples.
  const margin = (first - second) / first;
  const confidence = Math.min(1, margin * Math.min(1, first / 10));
  // Tables of scores and lists of names match a few stray short words of some language.
  if (confidence < 0.15) return { language: null, confidence };
  return { language: best, confidence };
}

/** True when {@link detectLanguage} can recognise `language` (so its silence or disagreement means something). */
export function isDetectable(language: string): boolean {
  return LEXICON.has(language) || ['el', 'hy', 'he', 'ar', 'hi', 'bn', 'ta', 'th', 'ka', 'ja', 'zh', 'ko'].includes(language);
}
