/**
 * An article's title wherever one is shown (the terminal, the pages, the reports, search): the
 * headline its page gave, else the opening of its first sentence (a wire report without a
 * headline still reads as what it is about), and its id only when it has no text either.
 *
 * @module
 */

/** A title made from the text is cut to about this many characters, at a word. */
const TITLE_CHARS = 90;

export function articleTitle(a: { id: string; title: string | null; text?: string | null }): string {
  const given = a.title?.replace(/\s+/g, ' ').trim();
  if (given) return given;
  const lead = (a.text ?? '').trim().split(/\n/)[0].split(/(?<=[.!?])\s/)[0].replace(/\s+/g, ' ').trim();
  if (!lead) return a.id;
  if (lead.length <= TITLE_CHARS) return lead;
  const cut = lead.lastIndexOf(' ', TITLE_CHARS);
  return `${lead.slice(0, cut > TITLE_CHARS / 2 ? cut : TITLE_CHARS).replace(/[,;:–—-]+$/, '')} …`;
}
