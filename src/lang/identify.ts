/**
 * Language identification: one identifier for the whole project.
 *
 * The writing system decides at once where one language owns it (Hangul → ko, kana → ja, Han
 * alone → zh, Greek, Hebrew, Armenian, Georgian, Thai), without loading anything. Everything else
 * (Latin, Cyrillic, Arabic, Devanagari… scripts shared by several languages) goes to the n-gram
 * model of the `eld` package (Efficient Language Detector, Apache-2.0, 60 languages), whose
 * database ships inside the npm package as a JavaScript module. It tells Ukrainian from Russian
 * and Azerbaijani from Turkish, and needs no network and no native code.
 *
 * The model is loaded on the first call that needs it, synchronously, so commands that never
 * identify a language do not pay for it: the "extrasmall" database as typed arrays from
 * models/lang/ (a few ms; scripts/build-language-table.mjs writes it from the installed package),
 * or, when that file is missing or was made from another eld version, the package's own module
 * (0.2–0.6 s and 30–40 MB of heap; more under tsx). The synchronous load relies on `require()`
 * of an ES module (Node 20.19 and later, or any run under tsx); elsewhere call
 * {@link loadLanguageModel} once at start.
 *
 * eld reads only the first ~350 bytes of what it is given, so a long text is read as a few
 * consecutive windows of that size whose scores are averaged: a stray English quote or byline at
 * the top of an article does not decide alone (reading stops once two windows agree clearly).
 *
 * `scripts/eval-language.mjs` measures accuracy, confidence and speed.
 *
 * @module
 */

import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** The answer of {@link identifyLanguage}. */
export interface LanguageGuess {
  /** ISO 639-1 code, or `und` when the text is too short or has no letters. */
  lang: string;
  /**
   * 0..1: how clearly the best language beats the runner-up, damped for short texts. Measured on
   * news sentences and their first 40–100 characters, answers at 0.5 or more were right 99.9 %
   * of the time; below 0.1 they are little better than guesses.
   */
  confidence: number;
}

/** ISO 15924 code of a writing system, `Zyyy` for text without letters. */
export type Script =
  | 'Latn' | 'Cyrl' | 'Grek' | 'Armn' | 'Hebr' | 'Arab' | 'Deva' | 'Beng' | 'Guru' | 'Gujr' | 'Orya' | 'Taml'
  | 'Telu' | 'Knda' | 'Mlym' | 'Thai' | 'Laoo' | 'Geor' | 'Ethi' | 'Hani' | 'Jpan' | 'Hang' | 'Zyyy';

/** Scripts written by (practically) one language: no model needed. */
const SCRIPT_LANGUAGE: Partial<Record<Script, string>> = {
  Grek: 'el', Armn: 'hy', Hebr: 'he', Thai: 'th', Geor: 'ka', Hani: 'zh', Jpan: 'ja', Hang: 'ko',
};

/** The script of one UTF-16 code unit, or null for digits, punctuation, symbols and marks. */
function scriptOfCode(c: number): Script | null {
  if (c < 0x80) return (c | 32) >= 97 && (c | 32) <= 122 ? 'Latn' : null;
  if (c < 0x250) return c >= 0xc0 && c !== 0xd7 && c !== 0xf7 ? 'Latn' : null;
  if (c < 0x370) return null;
  if (c < 0x400) return 'Grek';
  if (c < 0x530) return 'Cyrl';
  if (c < 0x590) return 'Armn';
  if (c < 0x600) return 'Hebr';
  if (c < 0x700) return c >= 0x660 && c <= 0x669 ? null : 'Arab';
  if (c >= 0x750 && c < 0x780) return 'Arab';
  if (c >= 0x900 && c < 0x980) return 'Deva';
  if (c >= 0x980 && c < 0xa00) return 'Beng';
  if (c >= 0xa00 && c < 0xa80) return 'Guru';
  if (c >= 0xa80 && c < 0xb00) return 'Gujr';
  if (c >= 0xb00 && c < 0xb80) return 'Orya';
  if (c >= 0xb80 && c < 0xc00) return 'Taml';
  if (c >= 0xc00 && c < 0xc80) return 'Telu';
  if (c >= 0xc80 && c < 0xd00) return 'Knda';
  if (c >= 0xd00 && c < 0xd80) return 'Mlym';
  if (c >= 0xe00 && c < 0xe80) return 'Thai';
  if (c >= 0xe80 && c < 0xf00) return 'Laoo';
  if (c >= 0x10a0 && c < 0x1100) return 'Geor';
  if (c >= 0x1100 && c < 0x1200) return 'Hang';
  if (c >= 0x1200 && c < 0x1400) return 'Ethi';
  if (c >= 0x1e00 && c < 0x1f00) return 'Latn';
  if (c >= 0x1f00 && c < 0x2000) return 'Grek';
  if (c >= 0x3040 && c < 0x3100) return 'Jpan'; // hiragana and katakana
  if ((c >= 0x3400 && c < 0x4dc0) || (c >= 0x4e00 && c < 0xa000) || (c >= 0xf900 && c < 0xfb00)) return 'Hani';
  if (c >= 0xac00 && c < 0xd7b0) return 'Hang';
  if (c >= 0xfb50 && c < 0xfe00) return 'Arab';
  if (c >= 0xfe70 && c < 0xff00) return 'Arab';
  return null;
}

interface ScriptCount { script: Script; letters: number; share: number }

/** Letters per script in `text`; Han, kana and Hangul weigh double (each carries a word's worth). */
function countScripts(text: string): ScriptCount {
  const counts = new Map<Script, number>();
  let letters = 0;
  let weighted = 0;
  for (let i = 0; i < text.length; i++) {
    const s = scriptOfCode(text.charCodeAt(i));
    if (!s) continue;
    const w = s === 'Hani' || s === 'Jpan' || s === 'Hang' ? 2 : 1;
    letters++;
    weighted += w;
    counts.set(s, (counts.get(s) ?? 0) + w);
  }
  if (!letters) return { script: 'Zyyy', letters: 0, share: 0 };
  let script: Script = 'Zyyy';
  let best = 0;
  for (const [s, n] of counts) if (n > best) { best = n; script = s; }
  // Japanese mixes kana with Han characters: any real share of kana makes Han text Japanese.
  const kana = counts.get('Jpan') ?? 0;
  const han = counts.get('Hani') ?? 0;
  if (script === 'Hani' && kana > (han + kana) * 0.05) { script = 'Jpan'; best = han + kana; }
  if (script === 'Jpan') best = han + kana;
  return { script, letters, share: Math.min(1, best / weighted) };
}

/**
 * The writing system most of the letters of `text` are in (ISO 15924), `Zyyy` when it has none.
 * Han text with kana is `Jpan`. One pass over the characters, no model.
 */
export function scriptOf(text: string): Script {
  return countScripts(text.length > 3000 ? text.slice(0, 3000) : text).script;
}

// ---------------------------------------------------------------------------------------------
// The model

interface EldResult { language: string; getScores(): Record<string, number> }
interface Eld { detect(text: string): EldResult; info(): { Languages: Record<number, string> } }

/** Which of eld's databases: 'extrasmall' measured as accurate as the larger ones on news text. */
const DATABASE = 'extrasmall';
let model: Eld | null = null;
let loadMs = 0;

function entryPath(): string {
  // The package's `exports` offer its databases to `import` only; the file is found through the
  // package's resolved entry (src/entries/dynamic.js) and required by path.
  const entry = import.meta.resolve('eld');
  return fileURLToPath(new URL(`static.${DATABASE}.js`, entry));
}

/**
 * The database as typed arrays (models/lang/eld-extrasmall.bin, written from the package by
 * scripts/build-language-table.mjs), read in one call: compiling the package's 0.9 MB module
 * took 0.1–0.2 s and tens of MB of heap. eld's own detector reads it, so the answers are eld's.
 */
const TABLE_FILE = fileURLToPath(new URL(`../../models/lang/eld-${DATABASE}.bin`, import.meta.url));
const TABLE_MAGIC = 'PXELD\0\0\x01';

interface TableHeader {
  version: string;
  database: string;
  type: string;
  languages: Record<string, string>;
  ngrams: number;
  scores: number;
  slots: number;
  textBytes: number;
  at: Record<'text' | 'offsets' | 'pairs' | 'langs' | 'scores' | 'slots', number>;
}

type EldData = { type: string; languages: Record<string, string>; ngrams: Record<string, Record<number, number>> };
type CreateEld = () => { instance: Eld; loadData(data: EldData): string };

/** The table's data for eld when the file is there and was made from the installed eld, else null. */
function tableData(): EldData | null {
  if (!existsSync(TABLE_FILE)) return null;
  let buf = readFileSync(TABLE_FILE);
  if (buf.toString('latin1', 0, 8) !== TABLE_MAGIC) return null;
  if (buf.byteOffset % 8) buf = Buffer.from(buf);
  const h = JSON.parse(buf.toString('utf8', 12, 12 + buf.readUInt32LE(8))) as TableHeader;
  const installed = (JSON.parse(readFileSync(fileURLToPath(new URL('../../package.json', import.meta.resolve('eld'))), 'utf8')) as { version?: string }).version;
  if (h.version !== installed || h.database !== DATABASE) return null;
  const text = buf.toString('latin1', h.at.text, h.at.text + h.textBytes);
  const offsets = new Uint32Array(buf.buffer, buf.byteOffset + h.at.offsets, h.ngrams + 1);
  const pairs = new Uint32Array(buf.buffer, buf.byteOffset + h.at.pairs, h.ngrams + 1);
  const langs = new Uint8Array(buf.buffer, buf.byteOffset + h.at.langs, h.scores);
  const scores = new Uint8Array(buf.buffer, buf.byteOffset + h.at.scores, h.scores);
  const slots = new Int32Array(buf.buffer, buf.byteOffset + h.at.slots, h.slots);
  const mask = h.slots - 1;
  // eld reads `ngrams[gram]` and enumerates the languages of what it finds: each n-gram's object
  // is made when asked for, from the table (FNV-1a hash, linear probing).
  const ngrams = new Proxy(Object.create(null) as Record<string, Record<number, number>>, {
    get(_, key) {
      if (typeof key !== 'string') return undefined;
      let hash = 0x811c9dc5;
      for (let i = 0; i < key.length; i++) hash = Math.imul(hash ^ key.charCodeAt(i), 0x01000193);
      for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
        const e = slots[slot] - 1;
        if (e < 0) return undefined;
        if (offsets[e + 1] - offsets[e] !== key.length || !text.startsWith(key, offsets[e])) continue;
        const o: Record<number, number> = {};
        for (let p = pairs[e]; p < pairs[e + 1]; p++) o[langs[p]] = scores[p];
        return o;
      }
    },
  });
  return { type: h.type, languages: h.languages, ngrams };
}

/** An eld detector over {@link tableData}, or null without a table for this eld. */
function fromTable(createEld: CreateEld | undefined, data: EldData | null): { eld: Eld } | null {
  if (!data || typeof createEld !== 'function') return null;
  const { instance, loadData } = createEld();
  return loadData(data) ? { eld: instance } : null;
}

/** eld's detector module (no database), by path like the entry above. */
const DETECTOR = () => fileURLToPath(new URL('../languageDetector.js', import.meta.resolve('eld')));

function adopt(mod: { eld?: Eld; default?: Eld }, started: number): Eld {
  const m = mod.eld ?? mod.default;
  if (!m || typeof m.detect !== 'function') throw new Error('the eld package did not load a detector');
  model = m;
  loadMs = performance.now() - started;
  return m;
}

function loadSync(): Eld {
  if (model) return model;
  const started = performance.now();
  try {
    const data = tableData();
    const table = data && fromTable((createRequire(import.meta.url)(DETECTOR()) as { createEld?: CreateEld }).createEld, data);
    return adopt(table ?? (createRequire(import.meta.url)(entryPath()) as { eld?: Eld }), started);
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code === 'ERR_REQUIRE_ESM') {
      throw new Error('this Node cannot load the language model synchronously (it needs 20.19 or later): call `await loadLanguageModel()` once at start');
    }
    throw e;
  }
}

/**
 * Loads the language model now, without `require()` of an ES module. Optional: the first call of
 * {@link identifyLanguage} that needs the model loads it anyway.
 */
export async function loadLanguageModel(): Promise<void> {
  if (model) return;
  const started = performance.now();
  const data = tableData();
  const table = data && fromTable(((await import(pathToFileURL(DETECTOR()).href)) as { createEld?: CreateEld }).createEld, data);
  adopt(table ?? ((await import(`eld/${DATABASE}`)) as { eld?: Eld }), started);
}

/** Milliseconds the model took to load, 0 while it is not loaded. */
export function languageModelLoadMs(): number {
  return loadMs;
}

let known: Set<string> | null = null;

/** The languages {@link identifyLanguage} can answer (loads the model). */
export function identifiableLanguages(): ReadonlySet<string> {
  if (!known) {
    known = new Set([...Object.values(loadSync().info().Languages), ...Object.values(SCRIPT_LANGUAGE), 'id']);
  }
  return known;
}

// ---------------------------------------------------------------------------------------------
// Identification

/** How much text is read at most: the opening of an article says what language it is in. */
const SAMPLE_CHARS = 2000;
/** eld stops after ~350 UTF-8 bytes; windows are cut at a space past this many. */
const WINDOW_BYTES = 320;
const MAX_WINDOWS = 4;
/** A gap this wide between the best and second score counts as sure on one window. */
const SURE_GAP = 0.1;
/** Letters below which confidence is damped in proportion. */
const FULL_LETTERS = 30;

/**
 * Consecutive windows of about {@link WINDOW_BYTES} UTF-8 bytes, cut at white space where there
 * is one. Read in order; reading stops early once two agree by a sure margin.
 */
/** UTF-8 bytes of one UTF-16 code unit (a surrogate pair counts 2 + 2). */
function utf8Bytes(c: number): number {
  return c < 0x80 ? 1 : c < 0x800 || (c >= 0xd800 && c < 0xe000) ? 2 : 3;
}

function windows(text: string): string[] {
  const out: string[] = [];
  let start = 0;
  let bytes = 0;
  let lastSpace = -1;
  for (let i = 0; i < text.length && out.length < MAX_WINDOWS; i++) {
    const c = text.charCodeAt(i);
    bytes += utf8Bytes(c);
    if (c === 32) lastSpace = i;
    if (bytes >= WINDOW_BYTES) {
      const cut = lastSpace > start + (i - start) / 2 ? lastSpace : i + 1;
      out.push(text.slice(start, cut));
      start = cut;
      bytes = 0;
      for (let j = start; j <= i; j++) bytes += utf8Bytes(text.charCodeAt(j));
      lastSpace = -1;
    }
  }
  if (out.length < MAX_WINDOWS && start < text.length) {
    const rest = text.slice(start);
    // A short tail counts for little; keep it only when it is all there is or has some substance.
    if (!out.length || rest.length >= 40) out.push(rest);
  }
  return out;
}

/** Words spelt one way in Indonesian and another in Malay (eld answers `ms` for both). */
const INDONESIAN = new Set('bahwa karena bisa polisi pemerintah uang kantor yaitu kemarin setelah ujar'.split(' '));
const MALAY = new Set('bahawa kerana boleh polis kerajaan wang pejabat iaitu ialah semalam selepas'.split(' '));

function malayOrIndonesian(text: string): string {
  let id = 0;
  let ms = 0;
  for (const w of text.toLowerCase().split(/[^\p{L}]+/u)) {
    if (INDONESIAN.has(w)) id++;
    else if (MALAY.has(w)) ms++;
  }
  return id > ms ? 'id' : 'ms';
}

const UNDETERMINED: LanguageGuess = Object.freeze({ lang: 'und', confidence: 0 });

/**
 * The language of `text`: an ISO 639-1 code (`und` when there are no letters to go on) and a
 * confidence between 0 and 1. Synchronous; loads the model on the first call that needs it.
 */
export function identifyLanguage(text: string): LanguageGuess {
  const sample = (text.length > SAMPLE_CHARS ? text.slice(0, SAMPLE_CHARS) : text).replace(/\s+/g, ' ').trim();
  const { script, letters, share } = countScripts(sample);
  if (letters < 2) return UNDETERMINED;
  const damp = Math.min(1, letters / FULL_LETTERS);
  const own = SCRIPT_LANGUAGE[script];
  // Han, kana and Hangul carry about a word a character.
  if (own) return { lang: own, confidence: round(share * Math.min(1, (script === 'Hani' || script === 'Jpan' || script === 'Hang' ? 3 : 1) * damp)) };

  const eld = loadSync();
  const parts = windows(sample);
  if (!parts.length) return UNDETERMINED;
  const sum = new Map<string, number>();
  const votes = new Map<string, number>();
  let n = 0;
  let best = '';
  let first = 0;
  let second = 0;
  for (const part of parts) {
    const r = eld.detect(part);
    n++;
    if (r.language) {
      votes.set(r.language, (votes.get(r.language) ?? 0) + 1);
      for (const [l, s] of Object.entries(r.getScores())) sum.set(l, (sum.get(l) ?? 0) + s);
    }
    best = '';
    first = 0;
    second = 0;
    for (const [l, s] of sum) {
      if (s > first) { second = first; first = s; best = l; } else if (s > second) second = s;
    }
    // Two windows that agree by a sure margin settle it: the rest would cost time and change nothing.
    if (n >= 2 && votes.get(best) === n && (first - second) / n >= SURE_GAP) break;
  }
  if (!best) return UNDETERMINED;
  // One window: the gap between the best and second average score, as a share of a sure gap.
  // Several windows that agree each add evidence; windows that disagree take it away.
  const strength = Math.min(1, (first - second) / n / SURE_GAP);
  const agree = (votes.get(best) ?? 0) / n;
  const confidence = agree * (1 - (1 - strength) ** n) * damp;
  const lang = best === 'ms' ? malayOrIndonesian(sample) : best;
  return { lang, confidence: round(confidence) };
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
