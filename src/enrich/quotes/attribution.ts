/**
 * From an attribution cue ("said", "according to", "told … that") to what was said and who said
 * it, following the shapes English news uses:
 *
 * - source, cue, content: "Brell said (on Tuesday) (that) …", "He told reporters that …";
 * - content, source, cue: "…, Brell said." (the content may open with a quote begun sentences before);
 * - content, cue, source: "…, said the spokesman.";
 * - "According to X, …" and "…, according to X";
 * - a source and a colon: "Brell: …", "He said: “…”".
 *
 * Spans follow the PolNeAR conventions: the content of indirect speech starts at "that" when there
 * is one, a quotation keeps its marks, and the source is the noun phrase before the cue (with its
 * titles), or after it when inverted.
 *
 * @module
 */
import type { Span } from '../types.js';
import { ROLE_WORD } from './roles.js';
import { QUOTE_MARK, type QToken, type Tokenised } from './tokens.js';

/** Words between a source and its cue that belong to neither ("has also said", "repeatedly said"). */
const AUXILIARY = new Set(
  ('has have had is are was were be been being also will would could should may might must can did does do not never ' +
    "n't previously repeatedly later then recently once again further publicly reportedly just still even already often " +
    'initially quickly strongly finally first last earlier now subsequently flatly clearly openly privately simply ' +
    'actually apparently who which that and').split(' '),
);
/** Words that end a noun phrase on its left: the source starts after them. */
const NP_BOUNDARY = new Set(
  ('that and but or because while when as if after before since although though where who which whom whose so than despite without upon via unlike including ' +
    'said says told says wrote added to of for in on at by with from about into during under over against').split(' '),
);
/** Words of time that follow a cue ("said Tuesday") and are never its source. */
const TIME_WORD = /^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday|tonight|last|this|earlier|later|on|in|at|during|after|before|january|february|march|april|may|june|july|august|september|october|november|december|\d.*)$/i;
/** Words that open a sentence with a phrase before its subject ("After the vote, Brell said …"). */
const OPENER = /^(?:on|in|at|after|before|during|speaking|while|when|as|last|earlier|later|but|and|meanwhile|however|still|yet|also|then|despite|though|although|once|to|since|because|if|with|without|for|from|by|under|amid|following|according|asked|now|so|instead|even|unlike|like|in|the|\d.*)$/i;
const PRONOUN = /^(?:he|she|they|we|i|you|it)$/i;
/** Adverbials between a cue and its content ("said on Tuesday that", "said in a statement that"). */
const MAX_GAP_TO_THAT = 12;

export interface Attribution {
  cue: Span;
  content: Span;
  source: Span | null;
}

const isWord = (t: QToken | undefined) => !!t && /[\p{L}\p{N}]/u.test(t.text);
const isOpenQuote = (t: QToken | undefined) => !!t && /["“«„]/.test(t.text);

/** A dash right after a closing quotation mark and before a name signs the quotation. */
const DASH_ALONE = /^[―—–-]$/;
export function isSignatureDash(tokens: QToken[], i: number): boolean {
  return DASH_ALONE.test(tokens[i]?.text ?? '') && /[”"»]/.test(tokens[i - 1]?.text ?? '') && /^\p{Lu}/u.test(tokens[i + 1]?.text ?? '') &&
    tokens[i - 1].sentence === tokens[i].sentence;
}

/** How many tokens the cue spans from its head: "according to", "pointed out", "called for". */
function cueLength(tokens: QToken[], head: number): number {
  const w = tokens[head].lower;
  const next = tokens[head + 1]?.lower;
  if (w === 'according' && next === 'to') return 2;
  if (next && ['out', 'for', 'on', 'up'].includes(next) && /(?:ed|s|ing)$/.test(w)) return 2;
  return 1;
}

/**
 * The source noun phrase that ends at token `end` (inclusive), walking left to a boundary;
 * `limit` is the first token that may belong to it.
 */
function nounPhraseEndingAt(tokens: QToken[], end: number, limit: number): Span | null {
  if (end < limit || !isWord(tokens[end])) return null;
  // "Then he cautioned": a pronoun is the whole phrase.
  if (isPronoun(tokens[end].text)) return { start: tokens[end].start, end: tokens[end].end };
  let start = end;
  // "Carter's press secretary, Peter Cook," — a name in apposition is part of the source.
  while (start - 1 >= limit) {
    const t = tokens[start - 1];
    if (t.text === "'s" || t.text === '’s') { start--; continue; }
    if (!isWord(t) && t.text !== '.' && t.text !== '-') break;
    if (t.text === '.' && !/^\p{Lu}/u.test(tokens[start - 2]?.text ?? '')) break;
    // "of" inside a name ("Federation of Teachers", "Secretary of State") does not end it.
    const inName = (t.lower === 'of' || t.lower === 'for') && /^\p{Lu}/u.test(tokens[start].text) && /^\p{Lu}/u.test(tokens[start - 2]?.text ?? '');
    if (NP_BOUNDARY.has(t.lower) && start - 1 !== end && !inName) break;
    if (end - start >= 7) break;
    start--;
  }
  while (start < end && ['.', '-'].includes(tokens[start].text)) start++;
  return { start: tokens[start].start, end: tokens[end].end };
}

/** The source before a cue: skip auxiliaries and an aside in commas, then take the noun phrase. */
function sourceBefore(tk: Tokenised, cueStart: number, first: number): { source: Span | null; from: number; aside?: boolean; afterQuote?: boolean } {
  const { tokens } = tk;
  let j = cueStart - 1;
  let aside = false;
  let describedTo = -1;
  while (j >= first && (AUXILIARY.has(tokens[j].lower) || /^(?:only|merely|simply|instead)$/.test(tokens[j].lower) || (/^\p{Ll}+ly$/u.test(tokens[j].text) && j < cueStart)) && !['who', 'which', 'that', 'and'].includes(tokens[j].lower)) j--;
  if (j >= first && tokens[j].text === ',' && /ing$/.test(tokens[cueStart].lower)) return { source: clauseSubject(tk, first, cueStart), from: cueStart };
  // "A campaign aide, though, said": a lone adverb set off by commas is no aside to skip to.
  if (j - 2 >= first && tokens[j].text === ',' && tokens[j - 2].text === ',' && /^(?:though|however|meanwhile|too|also|moreover|instead|nevertheless|in turn|then)$/i.test(tokens[j - 1].text)) { j -= 3; aside = true; }
  // "Rep. Gwen Moore (D-Wis.) said": the bracket belongs to the name.
  if (j >= first && tokens[j].text === ')') {
    let k = j - 1;
    while (k >= first && k > j - 12 && tokens[k].text !== '(') k--;
    if (k >= first && tokens[k].text === '(') j = k - 1;
  }
  // "“…,” Malkia Cyril, the director of the centre and also in the film, told the Post": after a
  // closing mark, a name opens the source and everything up to the cue describes it.
  if (j >= first && tokens[j].text === ',') {
    let k = j - 1;
    while (k >= first && j - k < 40 && !/[”"»]/.test(tokens[k].text)) k--;
    const n = k + 1;
    if (k >= first && /[”"»]/.test(tokens[k].text) && /^\p{Lu}/u.test(tokens[n]?.text ?? '') && n < j) {
      return { source: { start: tokens[n].start, end: tokens[j - 1].end }, from: n, aside: true, afterQuote: true };
    }
  }
  // "Brell, who met him in November, said" — skip back over the aside to the noun before it.
  if (j >= first && tokens[j].text === ',') {
    let k = j - 1;
    while (k >= first && k > j - 25 && tokens[k].text !== ',' && !QUOTE_MARK.test(tokens[k].text)) k--;
    let np = k - 1;
    if (tokens[np]?.text === ')') { while (np > first && tokens[np].text !== '(') np--; np--; }
    if (k >= first && tokens[k].text === ',' && isWord(tokens[np]) && /^\p{Lu}/u.test(tokens[np].text)) {
      // Only an aside that opens with a relative word, a title or a name: otherwise the comma
      // ends the content ("…, he said" has no source before the comma).
      const opener = tokens[k + 1];
      if (opener && j - k <= 16) {
        // "Diplomats, speaking on condition of anonymity, said": the aside describes the source.
        if (/anonym|condition|privately|not authori[sz]ed/i.test(tk.text.slice(tokens[k].end, tokens[j].start))) describedTo = tokens[j - 1].end;
        j = np;
        aside = true;
      }
    }
  }
  if (j < first || !isWord(tokens[j])) return { source: null, from: j + 1 };
  // "Rubio, who said …": the relative pronoun stands for the source named before it.
  if (/^(?:who|which)$/.test(tokens[j].lower)) return { source: { start: tokens[j].start, end: tokens[j].end }, from: j };
  // "…, adding that", "took to Twitter to accuse", "and urged": the cue's subject is the clause's.
  if (NP_BOUNDARY.has(tokens[j].lower) || /^\d/.test(tokens[j].text) || TIME_WORD.test(tokens[j].text) || (/ing$/.test(tokens[cueStart].lower) && (tokens[cueStart - 1]?.text === ',' || tokens[j + 1]?.text === ','))) {
    return { source: clauseSubject(tk, first, cueStart), from: cueStart };
  }
  let np = nounPhraseEndingAt(tokens, j, first);
  let from = j + 1;
  if (np) from = tokens.findIndex((t) => t.start === np!.start);
  // "Michael Mulgrew, president of the union, which …, said": the name the titles are in apposition to.
  if (np && aside && tokens[from - 1]?.text === ',') {
    let k = from - 2;
    while (k >= first && from - k < 10 && tokens[k].text !== ',' && !NP_BOUNDARY.has(tokens[k].lower) && !QUOTE_MARK.test(tokens[k].text)) k--;
    const head = k + 1;
    if (head < from - 1 && /^\p{Lu}/u.test(tokens[head].text) && (k < first || tokens[k].text === ',' || NP_BOUNDARY.has(tokens[k].lower))) {
      np = { start: tokens[head].start, end: np.end };
      from = head;
    }
  }
  if (np && describedTo > np.end) np = { start: np.start, end: describedTo };
  return { source: np, from, aside };
}

/** The subject of the sentence: the first name or pronoun, after an opening phrase set off by a comma. */
export function clauseSubject(tk: Tokenised, first: number, before: number): Span | null {
  const { tokens } = tk;
  let i = first;
  // A sentence that opens with a quotation: its subject comes after it ("“…,” Blige sings …").
  if (i < before && /["“«„]/.test(tokens[i].text)) {
    let k = i + 1;
    while (k < before && !/[”"»]/.test(tokens[k].text)) k++;
    if (k < before) i = k + 1;
    while (i < before && tokens[i].text === ',') i++;
  }
  while (i < before && (QUOTE_MARK.test(tokens[i].text) || tokens[i].text === '(')) i++;
  // "On Tuesday, Brell said …" — skip the opening phrase.
  // (A participle opens such a phrase too: "Amplifying the message, he said …".)
  if (i < before && (OPENER.test(tokens[i].text) || /^\p{Lu}\p{Ll}+ing$/u.test(tokens[i].text)) && !/^the$/i.test(tokens[i].text)) {
    const comma = tokens.slice(i, before).findIndex((t) => t.text === ',');
    if (comma >= 0 && comma < 25) i += comma + 1;
    else {
      // "On September 27 they published …": the subject after the opening phrase, if a pronoun shows it.
      const pron = tokens.slice(i + 1, Math.min(before, i + 9)).findIndex((t) => isPronoun(t.text));
      i = pron >= 0 ? i + 1 + pron : i + 1;
    }
  }
  if (i >= before) return null;
  if (isPronoun(tokens[i].text)) return { start: tokens[i].start, end: tokens[i].end };
  let j = i;
  const det = /^(?:the|a|an)$/i.test(tokens[j].text) ? 1 : 0;
  j += det;
  while (j < before && (/^\p{Lu}/u.test(tokens[j].text) || tokens[j].text === '.' || /^(?:of|the)$/.test(tokens[j].text)) && j - i < 8) j++;
  while (j > i + det && /^(?:of|the|\.)$/.test(tokens[j - 1].text)) j--;
  // "The Norland harbour minister Petra Volk": lower-case words ending on a role noun, then a name,
  // go on from a capitalised modifier to the person it titles.
  if (j > i + det) {
    let k = j;
    while (k < before && k - j < 4 && isWord(tokens[k]) && /^\p{Ll}/u.test(tokens[k].text) && !AUXILIARY.has(tokens[k].lower) && !NP_BOUNDARY.has(tokens[k].lower)) k++;
    if (k > j && k < before && ROLE_WORD.test(tokens[k - 1].text) && /^\p{Lu}/u.test(tokens[k].text)) {
      j = k;
      while (j < before && /^\p{Lu}/u.test(tokens[j].text) && j - k < 4) j++;
    }
  }
  if (j === i + det) {
    j = i + det;
    // A common-noun subject: "the campaign", "a spokesman for the ministry".
    while (j < before && isWord(tokens[j]) && !AUXILIARY.has(tokens[j].lower) && !NP_BOUNDARY.has(tokens[j].lower) && j - i < 5) {
      j++;
      // "The prime minister used an address …": the phrase ends with its role noun.
      if (ROLE_WORD.test(tokens[j - 1].text) && !/^(?:of|for|at)$/.test(tokens[j]?.lower ?? '')) break;
    }
    if (j === i) return null;
  }
  return { start: tokens[i].start, end: tokens[j - 1].end };
}

/** The source after a cue ("…, said Brell", "according to the report,"): a name, or a determiner or pronoun and a noun phrase. */
function sourceAfter(tk: Tokenised, after: number, last: number, loose = false): { source: Span | null; to: number } {
  const { tokens } = tk;
  let j = after;
  while (j < last && !isWord(tokens[j])) j++;
  const start = j;
  const t = tokens[start];
  if (t && TIME_WORD.test(t.text)) return { source: null, to: start };
  if (!t || !(loose || /^\p{Lu}/u.test(t.text) || /^(?:the|a|an|one|two|three|some|several|many|his|her|their|its|our|he|she|they|we|i|officials|sources|experts|analysts|diplomats|police|people|critics|supporters|researchers|data|polls?)$/i.test(t.text) || describesName(tokens, start, last))) return { source: null, to: start };
  while (j < last && j - start < 10) {
    const w = tokens[j];
    const ok = isWord(w) || w.text === "'s" || w.text === '’s' || (w.text === '.' && /^\p{Lu}/u.test(tokens[j - 1]?.text ?? '') && j + 1 < last) || w.text === '-';
    if (!ok || (j > start && (AUXILIARY.has(w.lower) || (NP_BOUNDARY.has(w.lower) && !['of', 'for', 'at', 'in', 'from'].includes(w.lower))))) break;
    j++;
  }
  if (j === start) return { source: null, to: start };
  return { source: { start: tokens[start].start, end: tokens[j - 1].end }, to: j };
}

/**
 * "said senior adviser Jane Roe", "said defence ministry adviser Jan Kowal": lower-case words
 * ending in a role noun right before a name describe the source that follows.
 */
function describesName(tokens: QToken[], start: number, last: number): boolean {
  for (let k = start; k < Math.min(last - 1, start + 4); k++) {
    const w = tokens[k];
    if (!/^[\p{L}-]+$/u.test(w.text) || AUXILIARY.has(w.lower) || NP_BOUNDARY.has(w.lower) || TIME_WORD.test(w.text)) return false;
    if (ROLE_WORD.test(w.text) && /^\p{Lu}\p{Ll}/u.test(tokens[k + 1].text)) return true;
  }
  return false;
}

/** Where a quotation that closes at token `close` opened, if in an earlier sentence of the paragraph. */
function openingOf(tk: Tokenised, close: number, limitSentences = 6): number | null {
  const { tokens, sentences } = tk;
  const block = sentences[tokens[close].sentence].block;
  let depth = 0;
  for (let i = close - 1; i >= 0; i--) {
    const t = tokens[i];
    if (sentences[t.sentence].block !== block && !/^["“«„]/.test(tk.text.slice(sentences[t.sentence + 1]?.start ?? 0))) return null;
    if (tokens[close].sentence - t.sentence > limitSentences) return null;
    if (/[”»]/.test(t.text)) depth++;
    if (/[“«„]/.test(t.text)) { if (depth === 0) return i; depth--; }
    if (t.text === '"') {
      // Straight quotes: an opening one stands after a space or the start of a line.
      const before = tk.text[t.start - 1] ?? ' ';
      if (/\s|\(|^$/.test(before)) { if (depth === 0) return i; depth--; } else depth++;
    }
  }
  return null;
}

/**
 * A quotation over several paragraphs opens a mark on each and closes only on the last: from a
 * paragraph that opens with a mark, walk back over the paragraphs before it that open with a mark
 * and never close.
 */
function earlierParagraphsOfQuote(tk: Tokenised, open: number): number {
  const { tokens, sentences } = tk;
  let at = open;
  for (;;) {
    const s = tokens[at].sentence;
    const block = sentences[s].block;
    if (!isOpenQuote(tokens[at]) || (s > 0 && sentences[s - 1].block === block && tokens[sentences[s].first] !== tokens[at])) return at;
    if (at !== sentences[s].first) return at;
    // The previous paragraph.
    const prevLast = sentences[s].first - 1;
    if (prevLast < 0) return at;
    const prevBlock = sentences[tokens[prevLast].sentence].block;
    let first = prevLast;
    while (first > 0 && sentences[tokens[first - 1].sentence].block === prevBlock) first--;
    if (!isOpenQuote(tokens[first])) return at;
    const para = tokens.slice(first + 1, prevLast + 1);
    if (para.some((t) => /[”»]/.test(t.text) || (t.text === '"' && t !== tokens[first]))) return at;
    at = first;
  }
}

/** Where a quotation opened at token `open` closes, if in a later sentence. */
function closingOf(tk: Tokenised, open: number, limitSentences = 6): number | null {
  const { tokens, sentences } = tk;
  for (let i = open + 1; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.sentence - tokens[open].sentence > limitSentences) return null;
    if (sentences[t.sentence].block !== sentences[tokens[open].sentence].block && t.sentence !== tokens[i - 1].sentence && !/[“"«„]/.test(t.text)) return null;
    if (/[”»]/.test(t.text)) return i;
    if (t.text === '"') {
      const after = tk.text[t.end] ?? ' ';
      if (/[\s,.;:!?)]|^$/.test(after)) return i;
    }
  }
  return null;
}

/**
 * "“…,” he said, “…” More quotation after the cue — in the same sentence after a comma, and in the
 * sentences of the paragraph that open with a mark — continues the same content. Returns the end
 * offset of the last continuation, or 0.
 */
function continuedQuotation(tk: Tokenised, head: number): number {
  const { tokens, sentences } = tk;
  let end = 0;
  const s0 = tokens[head].sentence;
  const last = sentences[s0].last;
  // Inside the cue's sentence: ", “…”".
  for (let k = head + 1; k < Math.min(last, head + 12); k++) {
    if (isOpenQuote(tokens[k]) && tokens[k - 1].text === ',') {
      const close = closingOf(tk, k);
      if (close !== null) end = tokens[close].end;
      break;
    }
    if (QUOTE_MARK.test(tokens[k].text)) break;
  }
  // Following sentences of the same paragraph that are quotations.
  let s = tokens[end ? tokens.findIndex((t) => t.end === end) : head].sentence + 1;
  while (s < sentences.length && sentences[s].block === sentences[s0].block) {
    const t = tokens[sentences[s].first];
    if (!isOpenQuote(t)) break;
    const close = closingOf(tk, sentences[s].first);
    if (close === null) break;
    // A quotation with words after it in its sentence ("…,” Brell stressed.) is its own attribution.
    if (tokens.slice(close + 1, sentences[tokens[close].sentence].last).some(isWord)) break;
    end = tokens[close].end;
    s = tokens[close].sentence + 1;
  }
  return end;
}

function trimSpan(text: string, s: Span): Span {
  let { start, end } = s;
  while (start < end && /[\s,;:—–-]/.test(text[start])) start++;
  while (end > start && /[\s,;:—–-]/.test(text[end - 1])) end--;
  return { start, end };
}

/**
 * The attribution a cue heads: its content and its source. `head` is the index of the cue's main
 * word ("said", "according", ":"). Returns null when the sentence gives no content.
 */
export function attributionAt(tk: Tokenised, head: number): Attribution | null {
  const { tokens, sentences, text } = tk;
  const sent = sentences[tokens[head].sentence];
  const first = sent.first;
  const last = sent.last;
  const len = tokens[head].text === ':' ? 1 : cueLength(tokens, head);
  const cue: Span = { start: tokens[head].start, end: tokens[head + len - 1].end };
  const afterCue = head + len;

  // "“…” ― Krystal Correa": a quotation signed with a dash and a name.
  if (isSignatureDash(tokens, head)) {
    const close = head - 1;
    const open = openingOf(tk, close) ?? sentences[tokens[close].sentence].first;
    const { source } = sourceAfter(tk, afterCue, last);
    return finish({ cue, content: { start: tokens[open].start, end: tokens[close].end }, source });
  }

  // "According to X, content" / "content, according to X".
  if (tokens[head].lower === 'according') {
    const { source, to } = sourceAfter(tk, afterCue, last, true);
    if (head - first <= 1) {
      if (to >= last) return null;
      return finish({ cue, content: { start: tokens[to].start, end: tokens[last - 1].end }, source });
    }
    return finish({ cue, content: { start: tokens[first].start, end: tokens[head - 1].end }, source });
  }

  // "Brell: …" and "He said: …" — the content is what follows, to the end of the paragraph's quote.
  if (tokens[head].text === ':') {
    const { source } = sourceBefore(tk, head, first);
    if (afterCue >= last) {
      const next = sentences[tokens[head].sentence + 1];
      if (!next) return null;
      return finish({ cue, content: { start: next.start, end: next.end }, source });
    }
    let end = sent.end;
    for (let k = tokens[head].sentence + 1; k < sentences.length && sentences[k].block === sent.block; k++) end = sentences[k].end;
    return finish({ cue, content: { start: tokens[afterCue].start, end }, source });
  }

  // What stands after the cue: an object ("told reporters"), adverbials, then "that" or the content.
  let c = afterCue;
  let thatAt = -1;
  for (let k = afterCue; k < Math.min(last, afterCue + MAX_GAP_TO_THAT); k++) {
    if (tokens[k].lower === 'that' || tokens[k].lower === 'whether' || tokens[k].lower === 'if') { thatAt = k; break; }
    if (/^[.;!?]$/.test(tokens[k].text) || QUOTE_MARK.test(tokens[k].text)) break;
  }
  const rightWords = tokens.slice(afterCue, last).filter(isWord).length;
  const next = tokens[afterCue];
  const commaThenWord = next?.text === ',' && !isOpenQuote(tokens[afterCue + 1]) && !tokens[afterCue + 1]?.text.match(/^[‘']/);
  const before = sourceBefore(tk, head, first);
  // Inverted: "…,” said Brell." / "…, says a new report."
  const rightClause = thatAt >= 0 || rightWords >= 4 || next?.text === ':' || isOpenQuote(next);
  // A participle ("…, saying", "adding") takes the clause's subject, never the words after it.
  const participle = /ing$/.test(tokens[head].lower) && (tokens[head - 1]?.text === ',' || (/[”"»]/.test(tokens[head - 1]?.text ?? '') && tokens[head - 2]?.text === ','));
  if (participle && !before.source) return null;
  const inverted = !participle && (!before.source || (head - 1 >= first && (tokens[head - 1].text === ',' || QUOTE_MARK.test(tokens[head - 1].text)) && !(before.aside && rightClause) && !before.afterQuote && !(before.aside && /[”"»]/.test(tokens[before.from - 1]?.text ?? ''))));
  // Content stands before the source ("“…,” Figueroa told USA Today."): unless what follows the cue
  // is plainly a clause of its own, it is the object and adverbials of the cue.
  const preceded = before.from > first && (tokens[before.from - 1].text === ',' || /[”"»]/.test(tokens[before.from - 1].text));
  const rightStrong = thatAt >= 0 || next?.text === ':' || isOpenQuote(next) || (rightWords >= 6 && !/^(?:to|in|at|on|during|after|before|from|with|for|by|about|last|this|earlier|later|,)$/i.test(next?.text ?? '') && !TIME_WORD.test(next?.text ?? ''));

  if (!inverted && rightWords >= 2 && !commaThenWord && (!preceded || rightStrong)) {
    if (thatAt >= 0) c = thatAt;
    let start = tokens[c].start;
    let endTok = last - 1;
    // A quotation opened here that closes sentences later is one content.
    const openIdx = tokens.slice(c, Math.min(last, c + 4)).findIndex((t) => isOpenQuote(t));
    if (openIdx >= 0) {
      const close = closingOf(tk, c + openIdx);
      if (close !== null && close > endTok) endTok = close;
    }
    return finish({ cue, content: { start, end: tokens[endTok].end }, source: before.source });
  }

  // Content before the cue.
  let source: Span | null;
  let contentEnd: number;
  if (inverted) {
    const after = sourceAfter(tk, afterCue, last);
    source = after.source;
    contentEnd = head - 1;
    if (!source && before.source && !/[,”"»]/.test(tokens[head - 1]?.text ?? '')) { source = before.source; contentEnd = before.from - 1; }
    if (!source) return null;
  } else {
    source = before.source;
    contentEnd = before.from - 1;
  }
  while (contentEnd >= first && /^[,—–-]$/.test(tokens[contentEnd].text)) contentEnd--;
  if (contentEnd < first) {
    // "He said." after a quotation in its own sentence: the content is the sentence before. (Not
    // when a clause goes on after the cue: "The plan, like any budget, specifies …" says nothing.)
    const prev = sentences[tokens[head].sentence - 1];
    if (!prev || prev.block !== sent.block && !QUOTE_MARK.test(text.slice(prev.start, prev.end))) return null;
    if (rightWords > 5 || (next?.text === ',' && rightWords > 2)) return null;
    return finish({ cue, content: { start: prev.start, end: prev.end }, source });
  }
  let startTok = first;
  // A quotation that ends here but opened sentences before.
  if (/[”"»]/.test(tokens[contentEnd].text) || /[”"»]/.test(tokens[contentEnd + 1]?.text ?? '')) {
    const closeIdx = /[”"»]/.test(tokens[contentEnd].text) ? contentEnd : contentEnd + 1;
    const open = openingOf(tk, closeIdx);
    if (open !== null && open < startTok) startTok = open;
    startTok = earlierParagraphsOfQuote(tk, startTok);
  }
  let end = /[”"»]/.test(tokens[contentEnd + 1]?.text ?? '') && tokens[contentEnd + 1].start < cue.start ? tokens[contentEnd + 1].end : tokens[contentEnd].end;
  if (QUOTE_MARK.test(text.slice(tokens[startTok].start, end))) end = Math.max(end, continuedQuotation(tk, head));
  return finish({ cue, content: { start: tokens[startTok].start, end }, source });

  function finish(a: Attribution): Attribution | null {
    const content = a.content.end > a.content.start ? a.content : null;
    if (!content) return null;
    const trimmed = quoteAware(text, trimSpan(text, content));
    // The full stop of indirect speech is the sentence's, not the content's (a transcript line keeps it).
    if (tokens[head].text !== ':' && text[trimmed.end - 1] === '.' && !/[”"»’]/.test(text[trimmed.end - 2] ?? '') && !/\b\p{Lu}\.$|\.\.\.$/u.test(text.slice(trimmed.start, trimmed.end))) trimmed.end--;
    const words = text.slice(trimmed.start, trimmed.end).split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
    if (words < 2) return null;
    return { cue: a.cue, content: trimmed, source: a.source };
  }
}

/** Keeps a closing mark (and the comma inside it) with a quotation, as the annotation does. */
function quoteAware(text: string, s: Span): Span {
  let { start, end } = s;
  if (/["“«„]/.test(text[start] ?? '') && /[,.]/.test(text[end] ?? '') && /[”"»]/.test(text[end + 1] ?? '')) end += 2;
  return { start, end };
}

export const isPronoun = (s: string) => PRONOUN.test(s.trim());
