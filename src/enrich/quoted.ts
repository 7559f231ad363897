/**
 * Where quotations stand in a text, paragraph by paragraph, in the marks news in any language
 * uses (“…”, «…», „…“, "…", 「…」); a quotation a paragraph leaves open runs to its end. Dates
 * there are the speaker's: "tomorrow" in a quotation is not the article's tomorrow.
 *
 * @module
 */

/** A test of whether a position lies inside a quotation of `text`. */
export function quotedAt(text: string): (pos: number) => boolean {
  const spans: [number, number][] = [];
  const re = /“[^”\n]*(?:”|$)|«[^»\n]*(?:»|$)|„[^“”\n]*(?:[“”]|$)|"[^"\n]*(?:"|$)|「[^」\n]*(?:」|$)/gm;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) spans.push([m.index, m.index + m[0].length]);
  return (pos) => spans.some(([a, b]) => pos > a && pos < b);
}
