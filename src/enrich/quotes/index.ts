/**
 * Quotations and reported speech with their speakers.
 *
 * Direct quotes are found by their marks (“…”, "…", «…», „…“, ‘…’ when not an apostrophe),
 * including quotes that run over several paragraphs with an opening mark on each. Reported speech
 * is found by its cue: a speech verb with a source ("Rutte said that…", "…, the official stated")
 * or "according to X". The speaker is the source named next to the cue; a pronoun or a role noun
 * is resolved to the last person named before it.
 *
 * @module
 */
import type { EntitySpan, QuoteSpan } from '../types.js';

const VERBS =
  'said|says|say|told|tells|added|adds|stated|states|noted|notes|stressed|stresses|emphasized|emphasised|emphasizes|explained|explains|' +
  'argued|argues|warned|warns|insisted|insists|claimed|claims|declared|declares|announced|announces|recalled|recalls|pointed out|' +
  'confirmed|confirms|wrote|writes|asked|asks|replied|replies|reiterated|reiterates|admitted|admits|accused|accuses|urged|urges|believes|believed|' +
  'thinks|expressed|suggested|suggests|acknowledged|acknowledges|denied|denies|commented|comments|continued|remarked|concluded|underlined';
const PRONOUNS = /^(?:he|she|they|it|we|i)$/i;
const SOURCE = String.raw`(?:(?:the|a|an)\s+)?(?:[\p{Lu}][\p{L}.'’-]*(?:\s+[\p{Lu}][\p{L}.'’-]*){0,4}|he|she|they|it|we|I|(?:(?:the|a|an|one|two|several|some)\s+)?(?:[\p{Ll}.-]+\s+){0,4}(?:official|officials|spokesman|spokeswoman|spokesperson|minister|diplomats?|sources?|source|chief|president|secretary|analysts?|experts?|ministry|statement|report|insiders|leader|general|envoy|ambassador|representative|negotiators|police|authorities))`;
const AFTER = new RegExp(String.raw`^[,.]?\s*(?:${'(' + VERBS + ')'})\s+(${SOURCE})|^[,.]?\s*(${SOURCE})\s+(?:has\s+|had\s+|also\s+|once again\s+)?(?:${VERBS})\b`, 'u');
const BEFORE = new RegExp(String.raw`(${SOURCE})\s+(?:has\s+|had\s+|also\s+|once again\s+)?(?:${VERBS})(?:\s+that|\s+journalists|\s+reporters|\s+[\p{Ll}]+)?\s*[,:]?\s*$|according to\s+(${SOURCE})\s*,?\s*$`, 'u');
const OPEN = '"“«„‘';
const CLOSE_OF: Record<string, string> = { '"': '"', '“': '”', '«': '»', '„': '“', '‘': '’' };

interface Found { start: number; end: number; contentStart: number; contentEnd: number }

function findMarked(text: string): Found[] {
  const out: Found[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    if (!OPEN.includes(ch) || (ch === '‘' && /\p{L}/u.test(text[i - 1] ?? ''))) { i++; continue; }
    const close = CLOSE_OF[ch];
    let j = i + 1;
    let end = -1;
    while (j < text.length) {
      const c = text[j];
      // An apostrophe inside a word is not a closing mark.
      if ((c === close || (ch === '"' && c === '”') || (ch === '“' && c === '"')) && !(close === '’' && /\p{L}/u.test(text[j + 1] ?? ''))) { end = j; break; }
      // A paragraph break ends the quote unless the next paragraph opens with a mark again.
      if (c === '\n' && text[j + 1] === '\n') {
        let k = j;
        while (text[k] === '\n') k++;
        if (!OPEN.includes(text[k])) break;
        j = k + 1;
        continue;
      }
      j++;
    }
    if (end < 0 || end - i < 3) { i++; continue; }
    out.push({ start: i, end: end + 1, contentStart: i + 1, contentEnd: end });
    i = end + 1;
  }
  return out;
}

function speakerSpan(text: string, at: number, s: string): { start: number; end: number; text: string } {
  const clean = s.replace(/^(?:the|a|an)\s+/i, '');
  const off = s.length - clean.length;
  return { start: at + off, end: at + off + clean.length, text: clean };
}

/** The last person named before `pos`, for pronouns and role nouns. */
function lastPerson(entities: EntitySpan[], pos: number): EntitySpan | null {
  let best: EntitySpan | null = null;
  for (const e of entities) if (e.type === 'PER' && e.end <= pos && (!best || e.start > best.start)) best = e;
  return best;
}

export function findQuotes(text: string, entities: EntitySpan[] = []): QuoteSpan[] {
  const out: QuoteSpan[] = [];
  const resolve = (sp: { start: number; end: number; text: string }) => {
    const named = entities.find((e) => e.start <= sp.start && e.end >= sp.end - 1 && e.type === 'PER') ?? entities.find((e) => e.start >= sp.start && e.end <= sp.end && e.type === 'PER');
    if (named) return { ...sp, text: sp.text, name: named.text };
    if (PRONOUNS.test(sp.text) || /^(?:the\s+)?(?:[\p{Ll}-]+\s+)*(?:chief|head|spokesman|spokeswoman|minister|president|secretary|leader|general)$/iu.test(sp.text)) {
      const p = lastPerson(entities, sp.start);
      if (p) return { ...sp, name: p.text };
    }
    return { ...sp, name: sp.text };
  };
  const covered: [number, number][] = [];
  for (const q of findMarked(text)) {
    const content = text.slice(q.contentStart, q.contentEnd);
    if (content.split(/\s+/).length < 3 && !/[.!?,]$/.test(content)) {
      // A scare-quoted word or two ("hot phase") is wording, not a quotation.
      continue;
    }
    const after = text.slice(q.end, q.end + 120).split('\n')[0];
    const lineStart = text.lastIndexOf('\n', q.start) + 1;
    const before = text.slice(Math.max(lineStart, q.start - 160), q.start);
    let speaker: { start: number; end: number; text: string; name?: string } | null = null;
    let m = AFTER.exec(after);
    if (m) {
      const s = m[2] ?? m[3];
      const at = q.end + after.indexOf(s, m.index);
      speaker = resolve(speakerSpan(text, at, s));
    } else if ((m = BEFORE.exec(before))) {
      const s = m[1] ?? m[2];
      const at = q.start - before.length + before.indexOf(s, m.index);
      speaker = resolve(speakerSpan(text, at, s));
    } else {
      // Within the sentence: "Rutte stressed that … 'position of strength'".
      const sentStart = Math.max(text.lastIndexOf('. ', q.start) + 2, lineStart);
      const head = text.slice(sentStart, q.start);
      const mm = new RegExp(String.raw`(${SOURCE})\s+(?:${VERBS})`, 'u').exec(head);
      if (mm) speaker = resolve(speakerSpan(text, sentStart + mm.index, mm[1]));
    }
    out.push({ start: q.contentStart, end: q.contentEnd, text: content, direct: true, speaker: speaker ? { start: speaker.start, end: speaker.end, text: speaker.name ?? speaker.text } : null });
    covered.push([q.start, q.end]);
  }
  // Reported speech without quotation marks: "X said that …", "…, X said.", "According to X, …".
  for (const m of text.matchAll(/[^.!?\n]+[.!?]/gu)) {
    const s = m[0];
    const at = m.index!;
    if (covered.some(([a, b]) => a < at + s.length && b > at)) continue;
    let r = new RegExp(String.raw`^\s*(${SOURCE})\s+(?:has\s+|had\s+|also\s+)?(?:${VERBS})\s+(?:that\s+)?(.+)$`, 'u').exec(s);
    let content: string | null = null;
    let src: string | null = null;
    if (r && !/^\s*(?:The|A|An)\s+[\p{Ll}]/u.test(r[1]) || (r && /official|spokes|minister|diplomat|source/i.test(r[1]))) { src = r![1]; content = r![2]; }
    else if ((r = new RegExp(String.raw`^(.+?),\s*(${SOURCE})\s+(?:${VERBS})\.$`, 'u').exec(s))) { content = r[1]; src = r[2]; }
    else if ((r = new RegExp(String.raw`^\s*According to\s+(${SOURCE}),\s*(.+)$`, 'u').exec(s))) { src = r[1]; content = r[2]; }
    if (!content || !src || content.split(/\s+/).length < 4) continue;
    const cStart = at + s.indexOf(content);
    const sStart = at + s.indexOf(src);
    const speaker = resolve(speakerSpan(text, sStart, src));
    out.push({ start: cStart, end: cStart + content.length, text: content, direct: false, speaker: { start: speaker.start, end: speaker.end, text: speaker.name ?? speaker.text } });
  }
  return out.sort((a, b) => a.start - b.start);
}
