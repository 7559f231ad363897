/**
 * Reads inputs from files, directories, globs and stdin, and turns them into raw articles:
 * one per text or HTML file, one per line of a JSONL file. A bad input becomes an item with an
 * error naming it, never an exception, so one bad file in a thousand does not stop the batch.
 * An input read with damage (a few bytes that are not text in its charset) carries a warning.
 *
 * Directories are walked following symbolic links, to files and to directories, each directory
 * once: a link back to a directory already read (a loop) is refused, and a link to nothing is an
 * input that failed, both named by the link.
 *
 * @module
 */
import { createRequire } from 'node:module';
import { lstatSync, readFileSync, readdirSync, readlinkSync, realpathSync, statSync } from 'node:fs';
import { basename, extname, join, resolve, sep } from 'node:path';
import type { ArticleRecord, RawInput } from '../types.js';
import { decodeBytes } from './decode.js';
import { MAX_INPUT_BYTES, readStdin } from './stdin.js';

/** node:zlib, loaded for the first gzipped input: a command given none (`extract` of one page) does without it. */
let zlibModule: typeof import('node:zlib') | null = null;
const zlib = (): typeof import('node:zlib') => (zlibModule ??= createRequire(import.meta.url)('node:zlib') as typeof import('node:zlib'));

/** One input for the pipeline: a raw article with its hints, or the reason it cannot be one. */
export type InputItem =
  | {
      ok: true;
      origin: string;
      raw: RawInput;
      record: ArticleRecord;
      defaultId: string | null;
      /** What went wrong in reading the input without stopping it, e.g. bytes that were not valid UTF-8. */
      warnings?: string[];
    }
  | { ok: false; origin: string; error: string };

const TEXT_EXT = new Set(['.txt', '.text', '.md']);
const HTML_EXT = new Set(['.html', '.htm', '.xhtml', '.shtml']);
export const JSONL_EXT = new Set(['.jsonl', '.ndjson']);
const KNOWN_EXT = new Set([...TEXT_EXT, ...HTML_EXT, ...JSONL_EXT, '.json']);
/** Inputs larger than MAX_INPUT_BYTES are refused rather than read into memory. */
export { MAX_INPUT_BYTES };

/**
 * Expands paths: directories recursively (known extensions only), globs, `-` for stdin. The files
 * a directory holds under other extensions (images, binaries, archives) are returned as
 * `skipped`, so that the caller can say what it left out; a file named on its own is always read.
 */
export function expandPaths(paths: string[]): { files: string[]; errors: InputItem[]; skipped: string[] } {
  const files: string[] = [];
  const errors: InputItem[] = [];
  const skipped: string[] = [];
  for (const p of paths) {
    if (p === '-') { files.push('-'); continue; }
    // A path that exists is read as it is, whatever characters its name holds ("a [1].html");
    // only one that does not exist is read as a pattern.
    let st;
    try {
      st = statSync(p);
    } catch {
      st = null;
    }
    if (!st && /[*?[]/.test(p)) {
      const matched = glob(p);
      if (!matched.length) errors.push({ ok: false, origin: p, error: 'no file matches this pattern' });
      files.push(...matched);
      continue;
    }
    if (!st) {
      errors.push({ ok: false, origin: p, error: isLink(p) ? brokenLink(p) : 'no such file or directory' });
      continue;
    }
    if (st.isDirectory()) {
      const found: InputItem[] = [];
      for (const f of walk(p, found)) (KNOWN_EXT.has(innerExt(f)) ? files : skipped).push(f);
      errors.push(...found);
    } else files.push(p);
  }
  return { files, errors, skipped };
}

function isLink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}

function brokenLink(link: string): string {
  let target = '?';
  try {
    target = readlinkSync(link);
  } catch {
    /* the link went away as well */
  }
  return `broken symbolic link: it points to "${target}", which does not exist`;
}

/**
 * The files under `dir`, sorted, hidden ones left out. Symbolic links are followed, to files and
 * to directories; a directory is read once, by its real path, so a link back to one already read
 * (a loop, or a second way to the same directory) is refused with an item naming the link, as is
 * a link to nothing (one whose name could be an input: a known extension, or none, as a directory's).
 */
function walk(dir: string, problems: InputItem[], visited = new Set<string>()): string[] {
  const out: string[] = [];
  try {
    visited.add(realpathSync(dir));
  } catch {
    /* read below, and reported there if it cannot be */
  }
  for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    if (e.name.startsWith('.')) continue;
    const p = join(dir, e.name);
    let directory = e.isDirectory();
    let file = e.isFile();
    if (e.isSymbolicLink()) {
      let st;
      try {
        st = statSync(p);
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code;
        const ext = innerExt(p);
        if (code === 'ELOOP') problems.push({ ok: false, origin: p, error: 'symbolic link loop: the link leads back to itself; not followed' });
        else if (!ext || KNOWN_EXT.has(ext)) problems.push({ ok: false, origin: p, error: code === 'ENOENT' ? brokenLink(p) : `unreadable symbolic link (${code ?? (err as Error).message})` });
        continue;
      }
      directory = st.isDirectory();
      file = st.isFile();
      if (directory) {
        let real: string;
        try {
          real = realpathSync(p);
        } catch (err) {
          problems.push({ ok: false, origin: p, error: `unreadable symbolic link (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})` });
          continue;
        }
        if (visited.has(real)) {
          let here = dir;
          try {
            here = realpathSync(dir);
          } catch {
            /* named as given */
          }
          const loop = here === real || here.startsWith(real.endsWith(sep) ? real : real + sep);
          problems.push({
            ok: false,
            origin: p,
            error: loop
              ? `symbolic link loop: the link leads back to "${real}", a directory already read that holds the link; not followed`
              : `symbolic link to "${real}", a directory already read; not followed`,
          });
          continue;
        }
      }
    }
    if (directory) {
      // A directory already read through a link to it (one that sorts before it) is not read twice.
      if (!e.isSymbolicLink()) {
        try {
          if (visited.has(realpathSync(p))) continue;
        } catch {
          /* read below, and reported there if it cannot be */
        }
      }
      try {
        out.push(...walk(p, problems, visited));
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code;
        problems.push({ ok: false, origin: p, error: code === 'EACCES' ? 'permission denied' : `unreadable directory (${code ?? (err as Error).message})` });
      }
    } else if (file) out.push(p);
  }
  return out;
}

/**
 * One path segment of a glob as a regular expression: `*` and `?` within the segment, `[…]` a set
 * of characters (`[!…]` its complement); a `[` that no `]` closes is a character like any other,
 * so a name such as "draft [2" is looked for as written.
 */
function segmentPattern(seg: string): string {
  let out = '';
  for (let i = 0; i < seg.length; i++) {
    const c = seg[i];
    if (c === '*') out += '[^/]*';
    else if (c === '?') out += '[^/]';
    else if (c === '[' && seg.indexOf(']', i + 2) > i) {
      const close = seg.indexOf(']', i + 2);
      let body = seg.slice(i + 1, close);
      const negate = body.startsWith('!');
      if (negate) body = body.slice(1);
      out += `[${negate ? '^' : ''}${body.replace(/[\\\]^[]/g, '\\$&')}]`;
      i = close;
    } else out += c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  }
  return out;
}

/** A small glob: `*`, `?`, `[…]` within a path segment, and `**` for any depth. */
function glob(pattern: string): string[] {
  const parts = pattern.split(/[\\/]/);
  const fixed: string[] = [];
  while (parts.length && !/[*?[]/.test(parts[0])) fixed.push(parts.shift()!);
  const base = fixed.length ? fixed.join(sep) || sep : '.';
  const rx = new RegExp(
    '^' +
      parts
        .map((seg) =>
          seg === '**'
            ? '(?:.*/)?'
            : segmentPattern(seg) + '/',
        )
        .join('')
        .replace(/\/$/, '')
        .replace(/\(\?:\.\*\/\)\?$/, '.*') +
      '$',
  );
  let all: string[];
  // A glob names files: links it cannot follow are left to the paths that name them.
  try {
    all = walk(base, []);
  } catch {
    return [];
  }
  const prefix = resolve(base) + sep;
  return all.filter((f) => rx.test(resolve(f).slice(prefix.length).split(sep).join('/')));
}

/** A file's extension inside its `.gz`, lower case (`a.JSONL.gz` → `.jsonl`). */
export function innerExt(path: string): string {
  const p = path.toLowerCase().endsWith('.gz') ? path.slice(0, -3) : path;
  return extname(p).toLowerCase();
}

function stem(path: string): string {
  let b = basename(path);
  if (b.toLowerCase().endsWith('.gz')) b = b.slice(0, -3);
  const e = extname(b);
  return e ? b.slice(0, -e.length) : b;
}

/** Why an input past MAX_INPUT_BYTES is refused: what was found, and the limit. */
export function tooLarge(found: string): string {
  return `too large: ${found}; the limit of one input is ${MAX_INPUT_BYTES} bytes (${MAX_INPUT_BYTES / 2 ** 20} MiB), and nothing of it was stored`;
}

/** Reads one path (or stdin) into input items. */
export function readInputs(path: string, stdin?: Buffer): InputItem[] {
  const origin = path === '-' ? 'stdin' : path;
  let bytes: Buffer;
  try {
    if (path === '-') {
      if (stdin) bytes = stdin;
      else {
        const read = readStdin();
        if ('error' in read) return [{ ok: false, origin, error: read.error }];
        bytes = read.bytes;
      }
    } else {
      const st = statSync(path);
      if (!st.isFile()) return [{ ok: false, origin, error: 'not a regular file' }];
      if (st.size > MAX_INPUT_BYTES) return [{ ok: false, origin, error: tooLarge(`${st.size} bytes`) }];
      bytes = readFileSync(path);
    }
  } catch (err) {
    return [{ ok: false, origin, error: unreadable(err) }];
  }
  if (isGzip(path, bytes)) {
    try {
      // Inflated in chunks, and stopped as soon as the output passes the limit.
      bytes = zlib().gunzipSync(bytes, { maxOutputLength: MAX_INPUT_BYTES });
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      return [{ ok: false, origin, error: code === 'ERR_BUFFER_TOO_LARGE' ? tooLarge(`more than ${MAX_INPUT_BYTES} bytes once decompressed`) : 'not a readable gzip file' }];
    }
  }
  return itemsFromBytes(path, bytes);
}

/** Why a file could not be read, in a few words. */
export function unreadable(err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  return code === 'EACCES' ? 'permission denied' : code === 'ENOENT' ? 'no such file' : `unreadable (${code ?? (err as Error).message})`;
}

/** A gzip file, by its name or its first bytes. */
export function isGzip(path: string, head: Uint8Array): boolean {
  return path.toLowerCase().endsWith('.gz') || (head[0] === 0x1f && head[1] === 0x8b);
}

/** The items of one input's (decompressed) bytes: one article, or a JSON document's records. */
export function itemsFromBytes(path: string, bytes: Buffer): InputItem[] {
  const origin = path === '-' ? 'stdin' : path;
  if (bytes.length === 0) return [{ ok: false, origin, error: 'empty file' }];

  const ext = path === '-' ? '' : innerExt(path);
  const decoded = decodeBytes(bytes, ext);
  if ('error' in decoded) return [{ ok: false, origin, error: decoded.error }];
  const text = decoded.text;
  if (!text.trim()) return [{ ok: false, origin, error: 'no text (only white space)' }];
  return withWarning(itemsOf(text, path, origin, ext), decoded.warning);
}

function itemsOf(text: string, path: string, origin: string, ext: string): InputItem[] {
  const defaultId = path === '-' ? null : stem(path);
  if (JSONL_EXT.has(ext) || (ext === '' && /^\s*\{/.test(text) && text.trim().includes('\n{'))) return readJsonl(text, origin);
  if (ext === '.json') return readJson(text, origin, defaultId);
  const kind = HTML_EXT.has(ext) || (ext === '' && looksLikeHtml(text)) || (TEXT_EXT.has(ext) === false && looksLikeHtml(text)) ? 'html' : 'text';
  return [{ ok: true, origin, raw: { kind, origin, content: text }, record: {}, defaultId }];
}

/** A warning about the whole input goes with its first article (a file of records warns once). */
function withWarning(items: InputItem[], warning: string | undefined): InputItem[] {
  if (!warning) return items;
  const first = items.find((it) => it.ok);
  if (first?.ok) first.warnings = [...(first.warnings ?? []), warning];
  return items;
}

function looksLikeHtml(text: string): boolean {
  return /^\s*(?:<!doctype html|<html|<head|<body|<meta|<article|<div|<p[\s>])/i.test(text.slice(0, 2000));
}

function readJsonl(text: string, origin: string): InputItem[] {
  const out: InputItem[] = [];
  text.split('\n').forEach((line, i) => {
    if (!line.trim()) return;
    const where = `${origin}:${i + 1}`;
    let rec: unknown;
    try {
      rec = JSON.parse(line);
    } catch (err) {
      out.push({ ok: false, origin: where, error: `invalid JSON (${(err as Error).message})` });
      return;
    }
    out.push(fromRecord(rec, where, null));
  });
  if (!out.length) out.push({ ok: false, origin, error: 'no records' });
  return out;
}

function readJson(text: string, origin: string, defaultId: string | null): InputItem[] {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (err) {
    return [{ ok: false, origin, error: `invalid JSON (${(err as Error).message})` }];
  }
  if (Array.isArray(doc)) return doc.map((r, i) => fromRecord(r, `${origin}[${i}]`, null));
  return [fromRecord(doc, origin, defaultId)];
}

/** A record `{id, url, source, title, published, text | html}`; unknown fields are ignored. */
export function fromRecord(rec: unknown, origin: string, defaultId: string | null): InputItem {
  if (!rec || typeof rec !== 'object' || Array.isArray(rec)) return { ok: false, origin, error: 'not an object' };
  const r = rec as Record<string, unknown>;
  const str = (k: string) => (typeof r[k] === 'string' ? (r[k] as string) : typeof r[k] === 'number' && k === 'id' ? String(r[k]) : undefined);
  const record: ArticleRecord = { id: str('id'), url: str('url'), source: str('source'), title: str('title'), published: str('published'), text: str('text'), html: str('html') };
  const body = record.html ?? record.text;
  if (!body || !body.trim()) return { ok: false, origin, error: 'record has neither "text" nor "html"' };
  return { ok: true, origin, raw: { kind: record.html ? 'html' : 'text', origin, content: body }, record, defaultId };
}
