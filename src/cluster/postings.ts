/**
 * The inverted index through which an article finds its neighbours: per term, a bounded ring of
 * the most recent articles carrying it (`Posting`); `filing.ts` files each new article in it.
 *
 * @module
 */
/** The most recent articles carrying one term, with the term's weight in each; a ring once full. */
export class Posting {
  docs: number[] = [];
  weights: number[] = [];
  next = 0;
  /** Listed for the next sweep: it may hold articles of closing stories, or has wrapped round. */
  due = false;

  constructor(readonly term: number) {}

  push(doc: number, weight: number, cap: number): void {
    // Most terms are met once (names, rare words): a list made for one entry holds one, where the
    // first push onto an empty array leaves room for seventeen (about 270 bytes a term, both lists).
    if (this.docs.length === 0 && cap > 0) {
      this.docs = [doc];
      this.weights = [weight];
      return;
    }
    if (this.docs.length < cap) {
      this.docs.push(doc);
      this.weights.push(weight);
      return;
    }
    // Full: the oldest entry gives way. News moves on, and old articles already have their stories.
    this.docs[this.next] = doc;
    this.weights[this.next] = weight;
    this.next = (this.next + 1) % cap;
  }

  /** Drops the entries of articles `gone` says are gone; false when nothing is left. */
  keep(gone: (doc: number) => boolean): boolean {
    if (this.next === 0) {
      // Already oldest first: filtered where it is.
      let n = 0;
      for (let j = 0; j < this.docs.length; j++) {
        if (gone(this.docs[j])) continue;
        this.docs[n] = this.docs[j];
        this.weights[n] = this.weights[j];
        n++;
      }
      this.docs.length = n;
      this.weights.length = n;
      return n > 0;
    }
    const docs: number[] = [];
    const weights: number[] = [];
    // Oldest first, so that the ring goes on replacing the oldest.
    for (let k = 0; k < this.docs.length; k++) {
      const j = (this.next + k) % this.docs.length;
      if (gone(this.docs[j])) continue;
      docs.push(this.docs[j]);
      weights.push(this.weights[j]);
    }
    this.docs = docs;
    this.weights = weights;
    this.next = 0;
    return docs.length > 0;
  }
}
