/**
 * Tokens found one after another without a match array each: a search with a global expression
 * makes an array (with its index and input) for every token, which in a long text is most of what
 * reading it allocates. The expressions read here start only at a letter, a mark or a number, and
 * match at any such character; so skipping the other characters and matching the expression
 * there (sticky) finds what the search finds.
 *
 * @module
 */

const TOKEN_START = /[\p{L}\p{M}\p{N}]/u;
const starts = new Map<number, boolean>();

/** Whether the code point is a letter, a mark or a number (\p{L}, \p{M}, \p{N}). */
export function startsToken(cp: number): boolean {
  if (cp < 128) return (cp >= 97 && cp <= 122) || (cp >= 65 && cp <= 90) || (cp >= 48 && cp <= 57);
  let yes = starts.get(cp);
  if (yes === undefined) {
    yes = TOKEN_START.test(String.fromCodePoint(cp));
    if (starts.size < 50_000) starts.set(cp, yes);
  }
  return yes;
}

/**
 * Where the next match of `sticky` (flags `uy`; an expression whose every match starts with a
 * letter, mark or number, and which matches at each of them) in `text` at or after `from` starts,
 * its end left in `sticky.lastIndex`; -1 when there is none.
 */
export function nextAt(sticky: RegExp, text: string, from: number): number {
  for (let at = from; at < text.length; ) {
    const cp = text.codePointAt(at)!;
    if (startsToken(cp)) {
      sticky.lastIndex = at;
      if (sticky.test(text)) return at;
    }
    at += cp > 0xffff ? 2 : 1;
  }
  return -1;
}
