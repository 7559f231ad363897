/**
 * Grouping articles into stories: a streaming TF-IDF centroid clusterer with a time window.
 *
 * Each article becomes a sparse vector of terms (title and lead weighted above the tail, capitalised
 * names and numbers kept as terms of their own), compared by cosine with the centroids of the
 * stories active around its date; candidates come from an inverted index over the centroids' top
 * terms, so the cost per article does not grow with the collection. It joins the best story above
 * a threshold or starts a new one.
 *
 * @module
 */
import type { Assignment, ClusterDoc, Clusterer, Explanation } from './types.js';
import { termVector, type TermVector } from './terms.js';

export type { Clusterer, ClusterDoc, Assignment, Explanation } from './types.js';

export interface ClustererOptions {
  /** Cosine similarity to a story's centroid needed to join it. */
  threshold?: number;
  /** Days around a story's dates within which an article may join it. */
  windowDays?: number;
}

interface StoryState {
  id: string;
  centroid: Map<string, number>;
  size: number;
  first: number;
  last: number;
}

const DAY = 86_400_000;

function dayOf(published: string | null): number | null {
  if (!published || published.startsWith('--')) return null;
  const t = Date.parse(published.length === 4 ? `${published}-07-01` : published.length === 7 ? `${published}-15` : published);
  return Number.isNaN(t) ? null : t;
}

class CentroidClusterer implements Clusterer {
  readonly name = 'tfidf-centroid';
  private df = new Map<string, number>();
  private docs = 0;
  private stories = new Map<string, StoryState>();
  private index = new Map<string, Set<string>>();
  private assigned = new Map<string, string>();
  private explanations = new Map<string, Explanation>();
  private threshold: number;
  private window: number;

  constructor(options: ClustererOptions = {}) {
    this.threshold = options.threshold ?? 0.25;
    this.window = (options.windowDays ?? 7) * DAY;
  }

  private weigh(tv: TermVector): Map<string, number> {
    const out = new Map<string, number>();
    let norm = 0;
    for (const [t, tf] of tv) {
      const idf = Math.log((this.docs + 1) / ((this.df.get(t) ?? 0) + 1)) + 1;
      const w = (1 + Math.log(tf)) * idf;
      out.set(t, w);
      norm += w * w;
    }
    norm = Math.sqrt(norm) || 1;
    for (const [t, w] of out) out.set(t, w / norm);
    return out;
  }

  add(doc: ClusterDoc): Assignment {
    const tv = termVector(doc.title, doc.text);
    this.docs++;
    for (const t of tv.keys()) this.df.set(t, (this.df.get(t) ?? 0) + 1);
    const vec = this.weigh(tv);
    const when = dayOf(doc.published);

    // Candidates: stories sharing one of the article's strongest terms that some story has
    // (its rarest words are often its own and lead nowhere).
    const top = [...vec].filter(([t]) => this.index.has(t)).sort((a, b) => b[1] - a[1]).slice(0, 12);
    const candidates = new Set<string>();
    for (const [t] of top) for (const s of this.index.get(t) ?? []) candidates.add(s);

    let best: StoryState | null = null;
    let bestScore = 0;
    for (const id of candidates) {
      const s = this.stories.get(id)!;
      if (when !== null && s.first && (when < s.first - this.window || when > s.last + this.window)) continue;
      let dot = 0;
      let norm = 0;
      for (const w of s.centroid.values()) norm += w * w;
      norm = Math.sqrt(norm) || 1;
      for (const [t, w] of vec) dot += w * (s.centroid.get(t) ?? 0);
      const score = dot / norm;
      if (score > bestScore) { bestScore = score; best = s; }
    }

    let story: StoryState;
    if (best && bestScore >= this.threshold) {
      story = best;
      for (const [t, w] of vec) story.centroid.set(t, (story.centroid.get(t) ?? 0) + w);
      story.size++;
    } else {
      story = { id: doc.id, centroid: new Map(vec), size: 1, first: when ?? 0, last: when ?? 0 };
      this.stories.set(story.id, story);
      bestScore = 0;
    }
    if (when !== null) {
      story.first = story.first ? Math.min(story.first, when) : when;
      story.last = Math.max(story.last, when);
    }
    // Index the story under its strongest terms, so later articles find it.
    const strongest = [...story.centroid].sort((a, b) => b[1] - a[1]).slice(0, 30);
    for (const [t] of strongest) {
      if (!this.index.has(t)) this.index.set(t, new Set());
      this.index.get(t)!.add(story.id);
    }
    this.assigned.set(doc.id, story.id);
    const shared = top.filter(([t]) => (story.centroid.get(t) ?? 0) > 0).map(([term, weight]) => ({ term, weight }));
    this.explanations.set(doc.id, {
      id: doc.id, story: story.id, score: bestScore, shared,
      reason: bestScore ? `joined the story whose centroid it matched best (cosine ${bestScore.toFixed(2)} ≥ ${this.threshold})` : 'started a new story: no story within the time window was similar enough',
    });
    return { id: doc.id, story: story.id, score: bestScore };
  }

  assignments(): Map<string, string> {
    return new Map(this.assigned);
  }

  explain(id: string): Explanation | null {
    return this.explanations.get(id) ?? null;
  }
}

export function createClusterer(options?: ClustererOptions): Clusterer {
  return new CentroidClusterer(options);
}
