/**
 * Terms for comparing articles: lower-cased content words (stop words dropped, crude suffixes
 * folded), capitalised names as `@name` terms, and numbers. Title and lead count more than the
 * tail, because news puts what an article is about first.
 *
 * @module
 */

export type TermVector = Map<string, number>;

const STOP = new Set(
  ('a an the and or but if of in on at to for from by with about as into over after before under between than then so that this these those ' +
    'is are was were be been being has have had do does did will would can could should may might must shall it its it\'s he she they them his her their ' +
    'we our you your i me my not no yes also more most said says say told according which who whom whose what when where why how all any some such ' +
    'one two three new other up out there here just only very while during since until against across around through per via mr ms mrs').split(' '),
);

function fold(w: string): string {
  // A light stemmer: enough to meet "strikes"/"strike", "voted"/"vote", "workers"/"worker".
  if (w.length > 5 && w.endsWith('ing')) return w.slice(0, -3);
  if (w.length > 4 && w.endsWith('ed')) return w.slice(0, -2);
  if (w.length > 4 && w.endsWith('es')) return w.slice(0, -2);
  if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss')) return w.slice(0, -1);
  return w;
}

function addTerms(out: TermVector, text: string, weight: number, names = true): void {
  const tokens = text.match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu) ?? [];
  for (let i = 0; i < tokens.length; i++) {
    const raw = tokens[i].replace(/['’]s$/, '');
    const lower = raw.toLowerCase();
    if (/^\d/.test(raw)) {
      if (raw.length >= 2) out.set(`#${raw}`, (out.get(`#${raw}`) ?? 0) + weight);
      continue;
    }
    if (STOP.has(lower) || lower.length < 3) continue;
    // A capitalised word inside a sentence is likely a name: it gets a term of its own.
    if (names && /^\p{Lu}/u.test(raw) && i > 0 && !/[.!?]$/.test(tokens[i - 1])) out.set(`@${lower}`, (out.get(`@${lower}`) ?? 0) + weight);
    const t = fold(lower);
    out.set(t, (out.get(t) ?? 0) + weight);
  }
}

export function termVector(title: string | null, text: string): TermVector {
  const out: TermVector = new Map();
  if (title) {
    // A Title Case Headline capitalises every word: there, capitals do not mark names.
    const words = title.match(/\p{L}+/gu) ?? [];
    const capitalised = words.filter((w) => /^\p{Lu}/u.test(w)).length;
    addTerms(out, title, 3, capitalised < words.length * 0.6);
  }
  const lead = text.slice(0, 600);
  addTerms(out, lead, 2);
  addTerms(out, text.slice(600, 4000), 1);
  return out;
}
