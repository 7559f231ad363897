/**
 * Quotations and reported speech in languages other than English, by the shapes news in each
 * language uses and the language's own words (data/lang/LANG/speech-*.txt):
 *
 * - a quotation in the language's marks with a verb of saying beside it, the speaker after the
 *   verb («…», — заявил Путин; „…“, sagte Scholz; « … », a déclaré Macron; «…», dijo Sánchez) or
 *   before it (Путин заявил: «…»; 某某表示：“…”; وقال الوزير: «…»);
 * - reported speech opened by the language's conjunction (сказал, что …; sagte, dass …; a dit
 *   que …; dijo que …) or by a colon after a verb of saying;
 * - the Russian and Ukrainian dash after a statement (…, — сообщил он);
 * - an attribution phrase before the statement (по словам X, …; laut X …; selon X, …; según X, …).
 *
 * Precision first: a quotation with no verb of saying next to it is left out, since marks alone
 * also hold titles, names and scare quotes; a speaker is a name, a pronoun resolved to the name
 * before it, or a short description next to the verb, never a word further away. Languages
 * without the word lists get no quotations at all rather than English guesses.
 *
 * @module
 */
import type { EntitySpan, Span } from '../types.js';
import { wordList } from '../../lang/lists.js';
import type { FoundQuote } from './found.js';

/** Whether the project knows how quotations are attributed in `lang`. */
export function quotesSupported(lang: string): boolean {
  return /^[a-z]{2,3}$/.test(lang) && wordList(lang, 'speech-verbs').size > 0;
}

interface Word extends Span { text: string; lower: string; letter: boolean }

interface Lexicon {
  verbs: ReadonlySet<string>;
  phrases: string[][];
  pronouns: ReadonlySet<string>;
  conjunctions: ReadonlySet<string>;
  auxiliaries: ReadonlySet<string>;
  afterQuote: ReadonlySet<string>;
  /** Function words, which open a clause but never name a speaker. */
  stops: ReadonlySet<string>;
}

const lexicons = new Map<string, Lexicon>();
function lexicon(lang: string): Lexicon {
  let lx = lexicons.get(lang);
  if (!lx) {
    lx = {
      verbs: wordList(lang, 'speech-verbs'),
      phrases: [...wordList(lang, 'speech-phrases')].map((p) => p.split(/\s+/)),
      pronouns: wordList(lang, 'speaker-pronouns'),
      conjunctions: wordList(lang, 'speech-conjunctions'),
      auxiliaries: wordList(lang, 'speech-auxiliaries'),
      afterQuote: wordList(lang, 'speech-after-quote'),
      stops: new Set([...wordList(lang, 'stopwords'), ...wordList(lang, 'clause-openers')]),
    };
    lexicons.set(lang, lx);
  }
  return lx;
}

/** Languages written without spaces between words: words are not tokens there. */
const SPACELESS = new Set(['zh', 'ja']);

const WORD = /[\p{L}\p{M}\p{N}]+(?:['’-][\p{L}\p{M}\p{N}]+)*|\S/gu;

function words(text: string, from: number, to: number): Word[] {
  const out: Word[] = [];
  WORD.lastIndex = from;
  for (let m = WORD.exec(text); m && m.index < to; m = WORD.exec(text)) {
    const t = m[0];
    out.push({ start: m.index, end: m.index + t.length, text: t, lower: t.toLowerCase(), letter: /\p{L}/u.test(t) });
  }
  return out;
}

/** Sentences: up to a full stop, question or exclamation mark (and any closing marks after it), or a paragraph break. */
function sentences(text: string): Span[] {
  const out: Span[] = [];
  const re = /[^.!?…。！？\n]*(?:[.!?…。！？]+["”»“’」』)]*|\n+|$)/gu;
  for (let m = re.exec(text); m && m.index < text.length; m = re.exec(text)) {
    if (!m[0]) { re.lastIndex++; continue; }
    if (m[0].trim()) out.push({ start: m.index, end: m.index + m[0].length });
  }
  return out;
}

/** Quotation marks by language family: the opening mark and the marks that may close it. */
const PAIRS: Record<string, string> = { '«': '»', '„': '“”', '“': '”', '"': '"', '「': '」', '『': '』', '‹': '›', '»': '«' };

interface Marked extends Span { open: number; close: number }

/** Quotations in marks within one paragraph, outermost only; German »…« too. */
function markedQuotes(text: string, lang: string): Marked[] {
  const out: Marked[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    const closes = PAIRS[c];
    // »…« opens a quotation only in German; elsewhere » closes one.
    if (!closes || (c === '»' && lang !== 'de') || (c === '"' && /[\p{L}\p{N}]/u.test(text[i - 1] ?? ''))) { i++; continue; }
    let j = i + 1;
    let depth = 0;
    for (; j < text.length; j++) {
      const d = text[j];
      if (d === '\n') { j = -1; break; }
      if (d === c && c !== '"' && !closes.includes(d)) depth++;
      else if (closes.includes(d)) {
        if (depth === 0) break;
        depth--;
      }
    }
    if (j < 0 || j >= text.length) { i++; continue; }
    const inner = text.slice(i + 1, j).trim();
    const enough = SPACELESS.has(lang) ? inner.length >= 6 : inner.split(/\s+/).length >= 3;
    if (enough) out.push({ start: i, end: j + 1, open: i, close: j });
    i = j + 1;
  }
  return out;
}

/** Does the word at `at` open its sentence (a capital there says nothing of a name)? */
const sentenceInitial = (text: string, at: number): boolean => /(?:^|[.!?…]["”»’]?\s+|\n\s*|^[\s—–-]+)$/u.test(text.slice(Math.max(0, at - 6), at));

/** Is `w` a word that starts with a capital letter (a name, in languages that capitalise names)? */
const capitalised = (w: Word) => /^\p{Lu}/u.test(w.text);

/** The entity span covering [start, end) best: a person first, then an organisation, then any. */
function entityIn(entities: readonly EntitySpan[], start: number, end: number): EntitySpan | null {
  let best: EntitySpan | null = null;
  const rank = (e: EntitySpan) => (e.type === 'PER' ? 0 : e.type === 'ORG' ? 1 : 2);
  for (const e of entities) {
    if (e.end <= start || e.start >= end) continue;
    if (!best || rank(e) < rank(best)) best = e;
  }
  return best;
}

interface Speaker extends Span { text: string; name: string }

/**
 * Resolves the words [from, to) of a sentence that name a speaker: the entity inside them, else
 * the capitalised words, else a pronoun (to the speaker or person named last before it), else a
 * short description. Null when nothing there can speak.
 */
function speakerOf(text: string, ws: Word[], lx: Lexicon, entities: readonly EntitySpan[], lang: string, earlier: Speaker[]): Speaker | null {
  const run = ws.filter((w) => w.letter);
  if (!run.length || run.length < ws.length) return null;
  const start = run[0].start;
  const end = run[run.length - 1].end;
  const spanText = text.slice(start, end);
  if (run.length === 1 && lx.pronouns.has(run[0].lower)) {
    const before = earlier.filter((s) => s.end <= start).at(-1);
    const person = [...entities].reverse().find((e) => e.type === 'PER' && e.end <= start);
    const near = (s: Span | undefined) => s && start - s.end < 600 ? s : undefined;
    const antecedent = near(before) && (!near(person) || before!.end >= person!.end) ? before!.name : near(person) ? person!.text : '';
    return { start, end, text: spanText, name: antecedent };
  }
  // A verb or an auxiliary is no part of a speaker ("haben gesagt"), nor are function words alone.
  if (run.some((w) => lx.verbs.has(w.lower) || lx.auxiliaries.has(w.lower)) || lx.conjunctions.has(run[0].lower) || run.every((w) => lx.stops.has(w.lower))) return null;
  // A person or organisation named in the words; a place only when it is all there is ("Россия заявила").
  const entity = entityIn(entities, start, end);
  if (entity && (entity.type !== 'LOC' || (entity.start <= start && entity.end >= end))) {
    return { start, end, text: spanText, name: text.slice(Math.max(entity.start, start), Math.min(entity.end, end)) };
  }
  // Names: the last run of capitalised words ("президент России Владимир Путин" → "Владимир Путин"),
  // where a capital says something: not the first word of a sentence alone, nor a place the tagger
  // found ("Эксперты в Киеве" name no one).
  const inPlace = (w: Word) => entities.some((e) => e.type === 'LOC' && e.start <= w.start && w.end <= e.end);
  if ((!entity || entity.type === 'LOC') && lang !== 'ar' && lang !== 'de') {
    let k = run.length - 1;
    while (k >= 0 && !(capitalised(run[k]) && !sentenceInitial(text, run[k].start) && !inPlace(run[k]))) k--;
    let first = k;
    while (first > 0 && capitalised(run[first - 1])) first--;
    if (k >= 0) return { start, end, text: spanText, name: text.slice(run[first].start, run[k].end) };
  }
  // German capitalises every noun: only two capitalised words in a row say "name" there ("Klara Weidmann").
  if (!entity && lang === 'de') {
    let k = run.length - 1;
    while (k > 0 && !(capitalised(run[k]) && capitalised(run[k - 1]))) k--;
    if (k > 0) {
      let first = k - 1;
      while (first > 0 && capitalised(run[first - 1])) first--;
      return { start, end, text: spanText, name: text.slice(run[first].start, run[k].end) };
    }
  }
  // A short description next to the verb ("эксперты", "украинские чиновники").
  if (run.length <= 3) return { start, end, text: spanText, name: spanText };
  return null;
}

/** Words of a speaker next to a verb: forwards (inverted order) or backwards, to the clause's edge. */
function takeRun(ws: Word[], from: number, step: 1 | -1, lx: Lexicon, limit = 5): Word[] {
  const out: Word[] = [];
  for (let k = from; k >= 0 && k < ws.length && out.length < limit; k += step) {
    const w = ws[k];
    if (!w.letter || lx.verbs.has(w.lower) || lx.conjunctions.has(w.lower) || lx.auxiliaries.has(w.lower)) break;
    out.push(w);
  }
  if (step < 0) out.reverse();
  // A forward run ends with the name in it: "la ministra Lucía Ferrer el martes" → "… Lucía Ferrer".
  if (step > 0) {
    const lastCap = out.findLastIndex((w, i) => i > 0 && capitalised(w));
    if (lastCap > 0) out.length = lastCap + 1;
  }
  // A backward run starts at the clause: drop the function words opening it ("Хотя украинские …"),
  // and the adverbs between the speaker and the verb ("… Тиффани Нг также отметила").
  while (step < 0 && out.length > 1 && lx.stops.has(out[0].lower) && !lx.pronouns.has(out[0].lower)) out.shift();
  while (step < 0 && out.length > 1 && lx.stops.has(out[out.length - 1].lower) && !lx.pronouns.has(out[out.length - 1].lower)) out.pop();
  return out;
}

/** Index of the verb of saying among the first few words (an auxiliary or a dash before it allowed). */
function verbAt(ws: Word[], lx: Lexicon, from: number, within: number): number {
  for (let k = from; k < Math.min(ws.length, from + within); k++) {
    const w = ws[k];
    if (lx.verbs.has(w.lower)) return k;
    if (w.letter && !lx.auxiliaries.has(w.lower)) return -1;
  }
  return -1;
}

/** Quotations and reported speech of one text in `lang` (see the module comment). */
export function findQuotesIn(lang: string, text: string, entities: readonly EntitySpan[] = []): FoundQuote[] {
  if (!quotesSupported(lang)) return [];
  if (SPACELESS.has(lang)) return findSpaceless(lang, text);
  const lx = lexicon(lang);
  const out: FoundQuote[] = [];
  const earlier: Speaker[] = [];
  const taken: Span[] = [];
  const add = (content: Span, speaker: Speaker | null, cue: Word | null, direct: boolean) => {
    if (!speaker || content.end - content.start < 8) return;
    if (taken.some((t) => t.start < content.end && content.start < t.end)) return;
    taken.push(content);
    if (speaker.name) earlier.push(speaker);
    out.push({
      start: content.start, end: content.end, text: text.slice(content.start, content.end), direct,
      speaker: { start: speaker.start, end: speaker.end, text: speaker.text, name: speaker.name || speaker.text },
      cue: cue ? { start: cue.start, end: cue.end, text: cue.text } : null,
    });
  };
  const marks = markedQuotes(text, lang);
  for (const s of sentences(text)) {
    const ws = words(text, s.start, s.end);
    const inSentence = marks.filter((m) => m.start >= s.start && m.start < s.end);
    // 1. Quotations in marks, the cue after them or before them.
    for (const m of inSentence) {
      const after = ws.findIndex((w) => w.start > m.close);
      const before = ws.findIndex((w) => w.start >= m.open) - 1;
      let done = false;
      if (after >= 0) {
        // «…», — заявил Путин. / „…“, sagte Scholz. / « … », a déclaré Macron. / „…“, so Scholz.
        const lead = ws.slice(after).findIndex((w) => w.letter);
        const v = lead >= 0 ? verbAt(ws, lx, after + lead, 3) : -1;
        const so = lead >= 0 && lx.afterQuote.has(ws[after + lead].lower) ? after + lead : -1;
        const cueAt = v >= 0 ? v : so;
        if (cueAt >= 0) {
          const run = takeRun(ws, cueAt + 1, 1, lx);
          let sp = speakerOf(text, run, lx, entities, lang, earlier);
          // "Bakan Ahmet Yılmaz, “…” dedi.": the verb ends the sentence, the speaker opens it.
          if (!run.length && before >= 1 && ws[before].text === ',') {
            const back = takeRun(ws, before - 1, -1, lx);
            if (back.length && back[0] === ws.find((w) => w.letter)) sp = speakerOf(text, back, lx, entities, lang, earlier);
          }
          if (sp) { add({ start: m.start, end: m.end }, sp, ws[cueAt], true); done = true; }
        } else if (lead >= 0 && ws[after + lead].letter) {
          // "…», Путин заявил." / "“…”, Sánchez dijo."
          const run = takeRun(ws, after + lead, 1, lx, 4);
          const vv = after + lead + run.length;
          if (run.length && vv < ws.length && lx.verbs.has(ws[vv].lower)) {
            const sp = speakerOf(text, run, lx, entities, lang, earlier);
            if (sp) { add({ start: m.start, end: m.end }, sp, ws[vv], true); done = true; }
          }
        }
      }
      if (!done && before >= 0) {
        // Путин заявил: «…» / Scholz sagte: „…“ / Dazu sagte Scholz: „…“ / وقال الوزير: «…»
        let k = before;
        while (k >= 0 && !ws[k].letter) k--;
        if (k >= 0 && lx.verbs.has(ws[k].lower)) {
          let b = k - 1;
          while (b >= 0 && lx.auxiliaries.has(ws[b].lower)) b--;
          const sp = speakerOf(text, takeRun(ws, b, -1, lx), lx, entities, lang, earlier);
          if (sp) add({ start: m.start, end: m.end }, sp, ws[k], true);
        } else if (k >= 0) {
          const run = takeRun(ws, k, -1, lx);
          const v = k - run.length;
          if (run.length && v >= 0 && lx.verbs.has(ws[v].lower)) {
            const sp = speakerOf(text, run, lx, entities, lang, earlier);
            if (sp) add({ start: m.start, end: m.end }, sp, ws[v], true);
          }
        }
      }
    }
    reported(text, s, ws, lx, entities, lang, earlier, add);
  }
  return out.sort((a, b) => a.start - b.start);
}

type Add = (content: Span, speaker: Speaker | null, cue: Word | null, direct: boolean) => void;

/** Reported speech in one sentence: conjunction, colon, dash and attribution-phrase shapes. */
function reported(text: string, s: Span, ws: Word[], lx: Lexicon, entities: readonly EntitySpan[], lang: string, earlier: Speaker[], add: Add): void {
  const end = trimEnd(text, s);
  let statedBefore = false;
  for (let k = 0; k < ws.length; k++) {
    const w = ws[k];
    if (!lx.verbs.has(w.lower)) continue;
    // Words between the verb and what opens the statement: an adverb, a time, the addressee
    // ("заявил вечером в среду, что …", "сказал Дзержинскому: …"), at most four.
    let j = k + 1;
    while (j < ws.length && j <= k + 4 && ws[j].letter && !lx.conjunctions.has(ws[j].lower) && !lx.verbs.has(ws[j].lower)) j++;
    const at = ws[j];
    const after = ws[j + 1];
    // X сказал, что … / X sagte, dass … / X a dit que … / X dijo que … / قال X إن …
    const conj = at && at.text === ',' && after && lx.conjunctions.has(after.lower) ? after
      : at && lx.conjunctions.has(at.lower) && (j === k + 1 || ws[j - 1].text !== ',') ? at : null;
    // X заявил: … (the rest of the sentence is the statement)
    const colon = at && at.text === ':' && after ? after : null;
    // …, — заявил X. (the statement is what comes before the dash)
    const dashBefore = k >= 2 && /^[—–-]$/.test(ws[k - 1].text) && ws[k - 2].text === ',';
    if (conj || colon) {
      let b = k - 1;
      while (b >= 0 && lx.auxiliaries.has(ws[b].lower)) b--;
      let sp = speakerOf(text, takeRun(ws, b, -1, lx), lx, entities, lang, earlier);
      // Verb first, speaker after it (Arabic; German and Russian inversion "sagte der Minister, dass").
      if (!sp && j > k + 1) sp = speakerOf(text, ws.slice(k + 1, j), lx, entities, lang, earlier);
      const from = conj ? conj.start : colon!.start;
      if (sp && !/^[«„“"]/.test(text.slice(from))) add({ start: from, end }, sp, w, false);
      statedBefore = true;
    } else if (dashBefore) {
      const sp = speakerOf(text, takeRun(ws, k + 1, 1, lx), lx, entities, lang, earlier);
      const contentEnd = ws[k - 2].start;
      if (sp && !/[»“”"]\s*$/.test(text.slice(s.start, contentEnd))) add({ start: s.start + leading(text, s), end: contentEnd }, sp, w, false);
      statedBefore = true;
    } else if (!statedBefore && k >= 3 && ws[k - 1].text === ',' && !ws.slice(0, k).some((x) => /^[«»„“”"]$/.test(x.text))) {
      // "…, говорят эксперты." / "…, утверждает Пастухов, …": the speaker after the verb, up to the
      // sentence's end or a comma; the statement is the rest of the sentence.
      const run = takeRun(ws, k + 1, 1, lx, 8);
      const stop = ws[k + 1 + run.length];
      const closes = !stop || stop.text === ',' || stop.text === '(' || /^[.!?…]$/.test(stop.text);
      const coordinated = run.some((x) => lx.stops.has(x.lower) && !/^\p{Lu}/u.test(x.text) && x !== run[0]);
      const sp = closes && !coordinated ? speakerOf(text, run, lx, entities, lang, earlier) : null;
      if (sp && k - 1 >= 3) {
        const whole = stop && stop.text !== '.' && ws.length > k + 2 + run.length;
        add({ start: s.start + leading(text, s), end: whole ? end : ws[k - 1].start }, sp, w, false);
      }
      statedBefore = true;
    }
  }
  // По словам X, … / Selon X, … / Según X, … / Laut X …
  for (const phrase of lx.phrases) {
    for (let k = 0; k + phrase.length <= ws.length; k++) {
      if (!phrase.every((p, i) => ws[k + i].lower === p)) continue;
      // Only at the start of the sentence or of a clause, so "laut" inside a clause is left alone.
      if (k > 0 && ws[k - 1].letter) continue;
      const run = takeRun(ws, k + phrase.length, 1, lx, 4);
      const after = ws[k + phrase.length + run.length];
      if (!run.length || !after || after.text !== ',') continue;
      const sp = speakerOf(text, run, lx, entities, lang, earlier);
      const cue = { start: ws[k].start, end: ws[k + phrase.length - 1].end, text: '', lower: '', letter: true };
      cue.text = text.slice(cue.start, cue.end);
      if (sp) add({ start: after.end + 1, end }, sp, cue, false);
    }
  }
}

/** Where a sentence's words start (after leading spaces and list dashes). */
function leading(text: string, s: Span): number {
  const m = /^[\s—–-]*/.exec(text.slice(s.start, s.end));
  return m ? m[0].length : 0;
}

/** The sentence without its final stop and spaces. */
function trimEnd(text: string, s: Span): number {
  let e = s.end;
  while (e > s.start && /[\s.!?…]/.test(text[e - 1])) e--;
  return e;
}

/**
 * Chinese (and any language written without spaces): “…”，某某表示 / 某某表示：“…” / 某某说，…
 * The speaker is the run of characters between the clause's start and the verb, at most eight
 * characters, so that a clause is never taken for a name.
 */
function findSpaceless(lang: string, text: string): FoundQuote[] {
  const lx = lexicon(lang);
  const verbs = [...lx.verbs].sort((a, b) => b.length - a.length).join('|');
  const out: FoundQuote[] = [];
  const SPEAKER = String.raw`([^\s，。！？：:,、“”「」『』"]{2,8}?)`;
  const after = new RegExp(String.raw`[”」』"][，,]?\s*${SPEAKER}(${verbs})[。.]`, 'gu');
  const before = new RegExp(String.raw`(?:^|[，。！？\n])\s*${SPEAKER}(${verbs})[：:，,]\s*(?=[“「『"])`, 'gu');
  const marks = markedQuotes(text, lang);
  for (const m of marks) {
    after.lastIndex = m.close;
    const a = after.exec(text);
    let speaker: RegExpExecArray | null = a && a.index === m.close ? a : null;
    let speakerStart = speaker ? m.close + speaker[0].indexOf(speaker[1]) : -1;
    if (!speaker) {
      const window = text.slice(Math.max(0, m.open - 20), m.open + 1);
      before.lastIndex = 0;
      let b: RegExpExecArray | null = null;
      for (let x = before.exec(window); x; x = before.exec(window)) if (x.index + x[0].length === window.length - 1) b = x;
      if (b) { speaker = b; speakerStart = Math.max(0, m.open - 20) + b.index + b[0].indexOf(b[1]); }
    }
    if (!speaker || lx.pronouns.has(speaker[1]) && !out.length) continue;
    const spText = speaker[1];
    const name = lx.pronouns.has(spText) ? out.at(-1)!.speaker!.name : spText;
    const cueStart = speakerStart + spText.length;
    out.push({
      start: m.start, end: m.end, text: text.slice(m.start, m.end), direct: true,
      speaker: { start: speakerStart, end: speakerStart + spText.length, text: spText, name },
      cue: { start: cueStart, end: cueStart + speaker[2].length, text: speaker[2] },
    });
  }
  return out;
}
