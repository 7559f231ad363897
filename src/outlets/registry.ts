/**
 * The outlet registry: who publishes what. A starter set ships in `data/outlets.tsv` (each
 * entry's facts cited); users add or override entries with their own file, and attach their own
 * labels (a lean, a reliability rating) under any names they choose.
 *
 * @module
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { UserError } from '../errors.js';

export type Ownership = 'state' | 'public' | 'private';

export interface Outlet {
  name: string;
  domains: string[];
  /** ISO 3166-1 alpha-2. */
  country: string | null;
  languages: string[];
  ownership: Ownership | null;
  owner: string | null;
  /** Where the facts come from. */
  source: string | null;
  /** The user's own labels, e.g. `{lean: "left", reliability: "high"}`. */
  labels: Record<string, string>;
}

const COLUMNS = ['name', 'domains', 'country', 'languages', 'ownership', 'owner', 'source'] as const;
const OWNERSHIP = new Set(['state', 'public', 'private']);

const list = (s: string | undefined) => (s ?? '').split(',').map((x) => x.trim()).filter(Boolean);

/** Parses the registry's TSV format (the shipped file and user files alike). */
export function parseOutletsTsv(text: string, origin: string): Outlet[] {
  const out: Outlet[] = [];
  let header: string[] | null = null;
  text.split(/\r?\n/).forEach((line, i) => {
    if (!line.trim() || line.startsWith('#')) return;
    if (!header) {
      header = line.split('\t').map((c) => c.trim().toLowerCase());
      if (!header.includes('name')) throw new UserError(`${origin}:${i + 1}: the header must name a "name" column`);
      return;
    }
    out.push(toOutlet(rowOf(header, line), `${origin}:${i + 1}`));
  });
  return out;
}

/** A TSV line's cells by the header's column names. */
function rowOf(header: readonly string[], line: string): Record<string, string> {
  const cells = line.split('\t');
  const row: Record<string, string> = {};
  header.forEach((h, k) => (row[h] = (cells[k] ?? '').trim()));
  return row;
}

/** One entry from a record with the registry's columns; any other column is a user label. */
export function toOutlet(row: Record<string, unknown>, where: string): Outlet {
  const str = (k: string) => (row[k] == null ? '' : String(row[k]).trim());
  const name = str('name');
  if (!name) throw new UserError(`${where}: an outlet needs a name`);
  const ownership = str('ownership').toLowerCase();
  if (ownership && !OWNERSHIP.has(ownership)) throw new UserError(`${where}: ownership must be state, public or private, not "${ownership}"`);
  const country = str('country').toUpperCase();
  if (country && !/^[A-Z]{2}$/.test(country)) throw new UserError(`${where}: country must be a two-letter ISO code, not "${country}"`);
  const labels: Record<string, string> = {};
  const given = row.labels;
  if (given && typeof given === 'object') for (const [k, v] of Object.entries(given)) labels[k] = String(v);
  for (const [k, v] of Object.entries(row)) {
    if (!(COLUMNS as readonly string[]).includes(k) && k !== 'labels' && v != null && String(v).trim()) labels[k] = String(v).trim();
  }
  const domains = Array.isArray(row.domains) ? row.domains.map(String) : list(str('domains'));
  const languages = Array.isArray(row.languages) ? row.languages.map(String) : list(str('languages'));
  return {
    name, domains: domains.map((d) => d.toLowerCase().replace(/^www\./, '')), country: country || null, languages,
    ownership: (ownership || null) as Ownership | null, owner: str('owner') || null, source: str('source') || null, labels,
  };
}

/** Reads a user's outlet file: TSV with the registry's columns, or JSON (an array of entries). */
export function readOutletFile(path: string): Outlet[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new UserError(`${path}: cannot read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
  }
  if (/^\s*[[{]/.test(text)) {
    let doc: unknown;
    try {
      doc = JSON.parse(text);
    } catch (err) {
      throw new UserError(`${path}: invalid JSON (${(err as Error).message})`);
    }
    const rows = Array.isArray(doc) ? doc : (doc as { outlets?: unknown[] }).outlets;
    if (!Array.isArray(rows)) throw new UserError(`${path}: expected an array of outlets`);
    return rows.map((r, i) => toOutlet(r as Record<string, unknown>, `${path}[${i}]`));
  }
  return parseOutletsTsv(text, path);
}

let starter: Outlet[] | null = null;
let starterText: string | null = null;

function readStarter(): string {
  return (starterText ??= readFileSync(fileURLToPath(new URL('../../data/outlets.tsv', import.meta.url)), 'utf8'));
}

/** The shipped starter registry. */
export function starterOutlets(): Outlet[] {
  return (starter ??= parseOutletsTsv(readStarter(), 'data/outlets.tsv'));
}

/** Outlets of the starter registry found by host name, each worked out once. */
const starterByHost = new Map<string, Outlet | null>();

/**
 * The starter registry's outlet of a host name, as `OutletRegistry.withUser().byHost(host)` gives
 * it, without parsing the whole registry: the rows that name one of the host's domains are found
 * in the file's text and only they are read. A one-page `parallax extract` asks for one host, and
 * parsing the 420 rows took it some 10 ms.
 */
export function starterOutletByHost(host: string): Outlet | null {
  const known = starterByHost.get(host);
  if (known !== undefined) return known;
  const text = readStarter();
  const header = headerOf(text);
  let found: Outlet | null = null;
  let h = host.toLowerCase().replace(/^www\./, '');
  while (header && !found && h.includes('.')) {
    // The last row that lists the domain, as the registry's map keeps the last.
    for (let at = text.lastIndexOf(h); at >= 0 && !found; at = at > 0 ? text.lastIndexOf(h, at - 1) : -1) {
      const start = text.lastIndexOf('\n', at) + 1;
      const newline = text.indexOf('\n', at);
      const line = text.slice(start, newline < 0 ? text.length : newline).replace(/\r$/, '');
      if (line.startsWith('#')) continue;
      const outlet = toOutlet(rowOf(header, line), 'data/outlets.tsv');
      if (outlet.domains.includes(h)) found = outlet;
    }
    h = h.slice(h.indexOf('.') + 1);
  }
  starterByHost.set(host, found);
  return found;
}

/** The column names of a registry file's header, lower-cased; null without one. */
function headerOf(text: string): string[] | null {
  for (const line of text.split('\n', 64)) {
    if (!line.trim() || line.startsWith('#')) continue;
    return line.replace(/\r$/, '').split('\t').map((c) => c.trim().toLowerCase());
  }
  return null;
}

/**
 * A name folded for matching: no accents, lower case, every run of other signs one space. Names
 * in plain ASCII take a path without the Unicode classes, whose compiling cost a one-page
 * `parallax extract` some milliseconds (it gives the same: in ASCII, a letter or digit is a-z, 0-9).
 */
export const normName = (s: string): string =>
  /^[\x00-\x7f]*$/.test(s)
    ? s.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim()
    : s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

/** A registry: the starter set with the user's entries laid over it (by name). */
export class OutletRegistry {
  private byName = new Map<string, Outlet>();
  private byDomain = new Map<string, Outlet>();

  constructor(entries: Outlet[]) {
    for (const o of entries) {
      const key = normName(o.name);
      const prev = this.byName.get(key);
      // A user's entry overrides the starter's fields it gives, and keeps the rest.
      const merged: Outlet = prev
        ? {
            ...prev, ...Object.fromEntries(Object.entries(o).filter(([, v]) => v != null && !(Array.isArray(v) && !v.length))),
            labels: { ...prev.labels, ...o.labels },
          } as Outlet
        : o;
      this.byName.set(key, merged);
      for (const d of merged.domains) this.byDomain.set(d, merged);
    }
  }

  static withUser(user: Outlet[] = []): OutletRegistry {
    return new OutletRegistry([...starterOutlets(), ...user]);
  }

  all(): Outlet[] {
    return [...this.byName.values()].sort((a, b) => a.name.localeCompare(b.name));
  }

  byOutletName(name: string): Outlet | null {
    return this.byName.get(normName(name)) ?? null;
  }

  /** The outlet of a host name: `www.bbc.co.uk` and `news.bbc.co.uk` both give the BBC. */
  byHost(host: string): Outlet | null {
    let h = host.toLowerCase().replace(/^www\./, '');
    while (h.includes('.')) {
      const o = this.byDomain.get(h);
      if (o) return o;
      h = h.slice(h.indexOf('.') + 1);
    }
    return null;
  }
}
