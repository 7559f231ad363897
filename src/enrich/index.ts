/**
 * The enrich stage as one step: what an article's own text says, worked out once per article —
 * its named entities and its quotations — and kept with the article, so that analysing a story
 * again when a new article joins it redoes only the comparison, not every article's tagging.
 *
 * An enrichment is valid for the text it was made from and for the code and model that made it:
 * it records the text's hash and the enrich version, a hash of this stage's own source files and
 * of the named-entity model, so that a change to either makes every stored enrichment
 * stale without anyone having to remember to bump a number.
 *
 * @module
 */
import { createHash } from 'node:crypto';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Article } from '../types.js';
import { codeHash } from '../code-hash.js';
import { languageVersion } from '../lang/version.js';
import type { EntitySpan, EntityType, Enrichment } from './types.js';
import { NER_LANGUAGES, modelFile, nerModelOf, recogniseEntities } from './ner/index.js';
import { findQuotes } from './quotes/index.js';
import { CUE_MODEL_FILE } from './quotes/cues.js';
import { PLACES_FILE } from './ner/gazetteer.js';

export type { Enrichment } from './types.js';

const TYPES: EntityType[] = ['PER', 'ORG', 'LOC', 'MISC'];

const versions = new Map<string, string>();

/**
 * A hash of the enrich stage's code, models and place list: stored enrichments made by other code
 * or data are stale. With a language (null: unknown), the version of that language's enrichments,
 * which reads only the entity model that tags it (an English run hashes no other model); without,
 * the version of all of them (what the analysis's version reads).
 */
export function enrichVersion(language?: string | null): string {
  const models = language === undefined ? NER_LANGUAGES : [nerModelOf(language)].filter((l): l is string => l !== null);
  const key = models.join(',');
  let v = versions.get(key);
  if (v === undefined) {
    v = codeHash([dirname(fileURLToPath(import.meta.url))], [...models.map((l) => modelFile(l)!), PLACES_FILE, CUE_MODEL_FILE], [languageVersion(), key]);
    versions.set(key, v);
  }
  return v;
}

function textHash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}

/** Entities and quotations of one text, its entities by the model of its language (ISO 639-1; unknown: English). */
export function enrichText(text: string, language?: string | null): Enrichment {
  const spans = recogniseEntities(text, language);
  const quotes = findQuotes(text, spans, { language });
  const entities: number[] = [];
  for (const s of spans) entities.push(s.start, s.end, TYPES.indexOf(s.type));
  return { version: enrichVersion(language ?? null), text: textHash(text), entities, quotes };
}

/** The article's stored enrichment when it is still valid for its text and this code, else null. */
export function storedEnrichment(a: Article): Enrichment | null {
  const e = a.enrichment;
  if (!e || e.version !== enrichVersion(a.language ?? null) || e.text !== textHash(a.text)) return null;
  return e;
}

/**
 * Enriches the articles that lack a valid enrichment, in place, and returns those it enriched
 * (for the caller to store).
 */
export function ensureEnriched(articles: Article[]): Article[] {
  const done: Article[] = [];
  for (const a of articles) {
    if (storedEnrichment(a)) continue;
    a.enrichment = enrichText(a.text, a.language);
    done.push(a);
  }
  return done;
}

/** The entity spans of an enrichment, with their text read from the article's. */
export function entitySpansOf(e: Enrichment, text: string): EntitySpan[] {
  const out: EntitySpan[] = [];
  for (let i = 0; i + 2 < e.entities.length; i += 3) {
    const start = e.entities[i];
    const end = e.entities[i + 1];
    out.push({ start, end, type: TYPES[e.entities[i + 2]] ?? 'MISC', text: text.slice(start, end) });
  }
  return out;
}
