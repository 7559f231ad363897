/**
 * Words of the scripts written without spaces between them: how many a text holds (Chinese,
 * Japanese, Thai and their neighbours), and where they lie (Chinese and Japanese, by the word
 * segmenter of the runtime's ICU, `Intl.Segmenter`, and its dictionary for the two), so that a
 * sentence in them is measured and compared word by word as a sentence in English is, not as one
 * token running from one punctuation mark to the next.
 *
 * @module
 */

/** A letter of Chinese or Japanese, whose words {@link spacelessWords} finds. */
export const SPACELESS = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;

/** Letters of the scripts written without spaces between words, whose words are counted by their characters. */
const IDEOGRAPHIC = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u30fc]/u;
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u30fc\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;
const UNSPACED_ALL = new RegExp(UNSPACED.source, 'gu');
/** Characters per word, on average: a Chinese or Japanese word is one to three, a Thai one some four letters (marks not counted). */
const IDEOGRAPHS_PER_WORD = 2;
const LETTERS_PER_WORD = 4;

/**
 * The length of a text in words: words between spaces, and for runs of a script written without
 * spaces, its characters over the characters a word of that script takes ("港口工人周四投票结束罢工"
 * is six words, not one).
 */
export function countWords(text: string): number {
  if (!text) return 0;
  if (!UNSPACED.test(text)) return text.split(/\s+/).filter(Boolean).length;
  let ideographs = 0;
  let letters = 0;
  for (const ch of text.match(UNSPACED_ALL) ?? []) {
    if (IDEOGRAPHIC.test(ch)) ideographs++;
    else letters++;
  }
  // What is left between the unspaced runs (Latin names, numbers) counts by its spaces.
  const rest = text.replace(UNSPACED_ALL, ' ').split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
  return rest + Math.ceil(ideographs / IDEOGRAPHS_PER_WORD) + Math.ceil(letters / LETTERS_PER_WORD);
}

let segmenter: Intl.Segmenter | null = null;

/** The words of a token that holds Chinese or Japanese letters, with their offsets in it. */
export function spacelessWords(token: string): { text: string; start: number; end: number }[] {
  segmenter ??= new Intl.Segmenter('zh', { granularity: 'word' });
  const out: { text: string; start: number; end: number }[] = [];
  for (const s of segmenter.segment(token)) {
    if (!s.isWordLike) continue;
    out.push({ text: s.segment, start: s.index, end: s.index + s.segment.length });
  }
  return out;
}
