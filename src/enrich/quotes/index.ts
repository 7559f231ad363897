/**
 * Quotations and reported speech with their speakers.
 *
 * Direct quotes are found by their marks (“…”, "…", «…», „…“, ‘…’ when not an apostrophe),
 * including quotes that run over several paragraphs, with or without an opening mark on each.
 * Reported speech is found by its cue: a speech verb with a source ("Rutte said that…", "…, the
 * official stated", where the statement may run over the sentences before it) or "according to X".
 *
 * The speaker is the source named next to the cue. A pronoun is resolved to the last person named
 * before it; a role noun ("the NATO chief") to the person named near the role's words. A quote with
 * no cue of its own takes the speaker of the quote right after it in the same paragraph ("…" "…,"
 * he said), else of the quote before it, else the person the sentence before it is about.
 *
 * @module
 */
import type { EntitySpan, QuoteSpan } from '../types.js';

const VERBS =
  'said|says|say|told|tells|added|adds|stated|states|noted|notes|stressed|stresses|emphasized|emphasised|emphasizes|emphasises|explained|explains|' +
  'argued|argues|warned|warns|insisted|insists|claimed|claims|declared|declares|announced|announces|recalled|recalls|pointed out|' +
  'confirmed|confirms|wrote|writes|asked|asks|replied|replies|reiterated|reiterates|admitted|admits|accused|accuses|urged|urges|believes|believed|' +
  'thinks|expressed|suggested|suggests|suggesting|acknowledged|acknowledges|denied|denies|commented|comments|continued|remarked|concluded|underlined|read|reads|' +
  'assured|assures|promised|promises|demanded|demands|maintained|maintains|predicted|predicts|vowed|vows|told reporters|told journalists';
const ROLE_NOUNS =
  'official|officials|spokesman|spokeswoman|spokesperson|minister|diplomats?|sources?|chief|head|president|secretary|general|analysts?|experts?|ministry|' +
  'statement|report|insiders|leader|envoy|ambassador|representative|negotiators|police|authorities|office|government|chancellor|mayor|governor|commander|aide|adviser|advisor|lawmaker|senator';
// Modifier words of a role; dots only in initials ("U.S."), so a role never spans two sentences.
const ROLE = String.raw`(?:(?:the|a|an|one|two|several|some)\s+)?(?:(?:(?:\p{Lu}\.)+|[\p{L}'’-]+)\s+){0,4}(?:${ROLE_NOUNS})(?:\s+(?:of|from|for|at)\s+(?:the\s+)?[\p{Lu}][\p{L}'’-]*(?:\s+[\p{Lu}][\p{L}'’-]*){0,4})?`;
// Name tokens may hold inner dots (U.S) but never end on one, so a name cannot run into the next sentence.
const TOKEN = String.raw`[\p{Lu}](?:[\p{L}'’-]|\.(?=\p{Lu}))*`;
const NAME = String.raw`${TOKEN}(?:\s+${TOKEN}){0,4}`;
const PRONOUN = String.raw`(?:he|she|they|we|I)`;
const SOURCE = String.raw`(?:${ROLE}|(?:the\s+)?${NAME}|${PRONOUN})`;
const ASIDE = String.raw`(?:,[^,"“”]{1,90},)?`;
const AFTER = new RegExp(String.raw`^\s*[,.]?\s*(?:(?:${VERBS})\s+(${SOURCE})|(${SOURCE})${ASIDE}\s+(?:has\s+|had\s+|also\s+|once again\s+)?(?:${VERBS}))\b`, 'u');
const BEFORE = new RegExp(String.raw`(?:(${SOURCE})${ASIDE}\s+(?:has\s+|had\s+|also\s+|once again\s+)?(?:${VERBS})(?:\s+(?:that|journalists|reporters|[\p{Ll}]+))?|according to\s+(${SOURCE}))\s*[,:]?\s*$`, 'u');
const IN_SENTENCE = new RegExp(String.raw`(${SOURCE})${ASIDE}\s+(?:has\s+|had\s+|also\s+|once again\s+)?(?:${VERBS})\b`, 'gu');
const PRONOUNS = /^(?:he|she|they|we|i)$/i;
const OPEN = '"“«„‘';
const CLOSE_OF: Record<string, string> = { '"': '"', '“': '”', '«': '»', '„': '“', '‘': '’' };
const ANY_CLOSE = /["”»’]/;

interface Marked { start: number; end: number; contentStart: number; contentEnd: number }
interface Speaker { start: number; end: number; text: string }

function isClose(open: string, c: string, next: string): boolean {
  if (open === '‘') return c === '’' && !/\p{L}/u.test(next);
  return c === CLOSE_OF[open] || (open === '"' && c === '”') || (open === '“' && c === '"') || (open === '„' && c === '”');
}

function findMarked(text: string): Marked[] {
  const out: Marked[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    if (!OPEN.includes(ch) || (ch === '‘' && /\p{L}/u.test(text[i - 1] ?? '')) || (ch === '"' && /\p{L}/u.test(text[i - 1] ?? '') && !/\s/.test(text[i + 1] ?? ' '))) { i++; continue; }
    let j = i + 1;
    let end = -1;
    while (j < text.length) {
      const c = text[j];
      if (isClose(ch, c, text[j + 1] ?? '')) { end = j; break; }
      if (c === '\n' && text[j + 1] === '\n') {
        let k = j;
        while (text[k] === '\n') k++;
        const nextPara = text.slice(k, text.indexOf('\n\n', k) < 0 ? text.length : text.indexOf('\n\n', k));
        // A quote continues into the next paragraph when that paragraph opens with a mark again,
        // or (a common house style) closes a quote it never opened.
        const closeAt = nextPara.search(ANY_CLOSE);
        const openAt = nextPara.search(/["“«„]/);
        if (OPEN.includes(text[k]) ? true : closeAt >= 0 && (openAt < 0 || closeAt < openAt)) { j = OPEN.includes(text[k]) ? k + 1 : k; continue; }
        // Never closed: the quote is the sentence it opens.
        const sentenceEnd = /[.!?](?=\s+\p{Lu})/u.exec(text.slice(i, j));
        end = sentenceEnd ? i + sentenceEnd.index + 1 : j;
        out.push({ start: i, end, contentStart: i + 1, contentEnd: end });
        end = -2;
        break;
      }
      j++;
    }
    if (end === -2) { i = out[out.length - 1].end; continue; }
    if (end < 0) {
      const sentenceEnd = /[.!?](?=\s+\p{Lu}|$)/u.exec(text.slice(i));
      if (sentenceEnd && sentenceEnd.index > 10) out.push({ start: i, end: i + sentenceEnd.index + 1, contentStart: i + 1, contentEnd: i + sentenceEnd.index + 1 });
      i++;
      continue;
    }
    if (end - i >= 3) out.push({ start: i, end: end + 1, contentStart: i + 1, contentEnd: end });
    i = end + 1;
  }
  return out;
}

function span(text: string, at: number, s: string): Speaker {
  const clean = s.replace(/^(?:the|a|an)\s+/i, '');
  const off = s.length - clean.length;
  return { start: at + off, end: at + off + clean.length, text: clean };
}

export function findQuotes(text: string, entities: EntitySpan[] = []): QuoteSpan[] {
  const persons = entities.filter((e) => e.type === 'PER');
  const paraStart = (pos: number) => Math.max(0, text.lastIndexOf('\n\n', pos) + 2) - (text.lastIndexOf('\n\n', pos) < 0 ? 2 : 0);
  const sentenceStart = (pos: number) => {
    let s = paraStart(pos);
    for (const m of text.slice(s, pos).matchAll(/[.!?]["”’]?\s+(?=["“„«]?\p{Lu})/gu)) s = paraStart(pos) + m.index! + m[0].length;
    return s;
  };

  /** The name a speaker span stands for: the person it names, or the person a pronoun or role points to. */
  const resolve = (sp: Speaker): string => {
    const named = persons.find((e) => e.start < sp.end && e.end > sp.start);
    if (named) return named.text;
    if (PRONOUNS.test(sp.text)) {
      const before = persons.filter((e) => e.end <= sp.start).pop();
      return before?.text ?? sp.text;
    }
    const role = new RegExp(String.raw`(?:^|\s)(?:${ROLE_NOUNS})$`, 'iu').test(sp.text.replace(/\s+(?:of|from|for|at)\s+.*$/, ''));
    // Only a role that names its institution ("the NATO chief") points to a person; "the
    // official" stays an anonymous source.
    const words = (sp.text.match(/\p{Lu}[\p{L}]+/gu) ?? []).map((w) => w.replace(/['’]s$/, '')).filter((w) => !new RegExp(`^(?:${ROLE_NOUNS})$`, 'iu').test(w));
    if (role && words.length && !/^(?:statement|report|sources?|insiders|officials|diplomats?)/i.test(sp.text)) {
      // The person whose title carries those words: "NATO Secretary General Mark Rutte",
      // "Mark Rutte, the NATO Secretary General".
      const titled = persons.filter((e) => {
        const before = text.slice(Math.max(0, e.start - 40), e.start);
        const after = /^,\s*(?:the\s+)?[^,.]{0,40}/.exec(text.slice(e.end, e.end + 45))?.[0] ?? '';
        return words.some((w) => before.includes(w) || after.includes(w));
      });
      const counts = new Map<string, number>();
      for (const e of titled) counts.set(e.text, (counts.get(e.text) ?? 0) + 1);
      const best = [...counts].sort((a, b) => b[1] - a[1])[0];
      if (best) return best[0];
    }
    return sp.text;
  };

  const found: (QuoteSpan & { resolved: boolean })[] = [];
  const marked = findMarked(text);
  for (const q of marked) {
    const content = text.slice(q.contentStart, q.contentEnd).replace(/["”’»]$/, '');
    // A scare-quoted word or two ("hot phase") is wording, not a quotation.
    if (content.split(/\s+/).length < 3) continue;
    const after = text.slice(q.end, q.end + 160).split('\n')[0];
    const sStart = sentenceStart(q.start);
    const before = text.slice(sStart, q.start);
    let speaker: Speaker | null = null;
    let fallback: Speaker | null = null;
    let m = AFTER.exec(after);
    if (m) {
      const s = m[1] ?? m[2];
      speaker = span(text, q.end + after.indexOf(s, m.index), s);
    } else if ((m = BEFORE.exec(before))) {
      const s = m[1] ?? m[2];
      speaker = span(text, sStart + before.indexOf(s, m.index), s);
    } else {
      // A cue earlier in the sentence: "Rutte, who met him in November, told them that '…'".
      let last: RegExpExecArray | null = null;
      for (const mm of before.matchAll(IN_SENTENCE)) last = mm;
      if (last) speaker = span(text, sStart + last.index!, last[1]);
      else {
        // A partial quote in a sentence about someone: the person the sentence is about.
        const subject = persons.find((e) => e.start >= sStart && e.end <= q.start);
        if (subject) fallback = { start: subject.start, end: subject.end, text: subject.text };
      }
    }
    found.push({
      start: q.contentStart, end: q.contentStart + content.length, text: content, direct: true,
      speaker: speaker ? { ...speaker, text: resolve(speaker) } : fallback, resolved: !!speaker,
    });
  }
  // Quotes with no cue of their own: the next quote's speaker if it follows at once in the same
  // paragraph, else the previous quote's in the paragraph, else the person of the sentence before.
  for (let i = 0; i < found.length; i++) {
    const q = found[i];
    if (q.resolved) continue;
    const next = found[i + 1];
    const prev = found[i - 1];
    const gap = next ? text.slice(q.end, next.start) : '';
    if (next?.speaker && next.resolved && gap.length < 40 && !gap.includes('\n\n')) q.speaker = next.speaker;
    else if (q.speaker) continue;
    else if (prev?.speaker && !text.slice(prev.end, q.start).includes('\n\n')) q.speaker = prev.speaker;
    else {
      const sStart = sentenceStart(q.start);
      const prevSentence = sentenceStart(Math.max(0, sStart - 2));
      const p = persons.filter((e) => e.start >= prevSentence && e.end <= sStart).pop();
      if (p) q.speaker = { start: p.start, end: p.end, text: p.text };
    }
  }

  // Reported speech without quotation marks.
  const inMarked = (a: number, b: number) => marked.some((q) => q.start < b && q.end > a);
  const out: QuoteSpan[] = found.map(({ resolved: _, ...q }) => q);
  for (const para of text.matchAll(/[^\n]+/g)) {
    const pStart = para.index!;
    const sentences = [...para[0].matchAll(/[^.!?]+(?:[.!?]+["”’]?|$)/gu)].map((m) => ({ start: pStart + m.index!, text: m[0] }));
    let runStart = 0;
    sentences.forEach((s, idx) => {
      const end = s.start + s.text.length;
      if (inMarked(s.start, end)) { runStart = idx + 1; return; }
      let content: { start: number; end: number } | null = null;
      let src: Speaker | null = null;
      let r: RegExpExecArray | null;
      if ((r = new RegExp(String.raw`^(\s*)(.+?),\s*(${SOURCE})\s+(?:${VERBS})\.?\s*$`, 'u').exec(s.text))) {
        // "…, Rutte said." The statement runs back over the paragraph's unattributed sentences.
        const from = sentences[runStart].start + (/^\s*/.exec(sentences[runStart].text)?.[0].length ?? 0);
        content = { start: from, end: s.start + r[1].length + r[2].length };
        src = span(text, s.start + s.text.lastIndexOf(r[3]), r[3]);
      } else if ((r = new RegExp(String.raw`^\s*According to\s+(${SOURCE}),\s*(.+?)[.!?]?$`, 'u').exec(s.text))) {
        content = { start: s.start + s.text.indexOf(r[2]), end: s.start + s.text.indexOf(r[2]) + r[2].length };
        src = span(text, s.start + s.text.indexOf(r[1]), r[1]);
      } else if ((r = new RegExp(String.raw`^\s*(?:[\p{Lu}][\p{Ll}]+,\s*)?(${SOURCE})${ASIDE}\s+(?:has\s+|had\s+|also\s+|once again\s+)?(?:${VERBS})(?:\s+(?:that|journalists|reporters))?\s+(.+?)[.!?]?$`, 'u').exec(s.text))) {
        if (/^(?:The|A|An)\s+\p{Ll}+$/u.test(r[1]) && !new RegExp(`(?:${ROLE_NOUNS})$`, 'u').test(r[1])) return;
        const c = r[r.length - 1];
        content = { start: s.start + s.text.lastIndexOf(c), end: s.start + s.text.lastIndexOf(c) + c.length };
        src = span(text, s.start + s.text.indexOf(r[1]), r[1]);
      }
      if (!content || !src) return;
      runStart = idx + 1;
      const body = text.slice(content.start, content.end);
      if (body.split(/\s+/).length < 4) return;
      out.push({ start: content.start, end: content.end, text: body, direct: false, speaker: { ...src, text: resolve(src) } });
    });
  }
  return out.sort((a, b) => a.start - b.start);
}
