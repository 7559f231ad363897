/**
 * The architecture, checked: no import cycle under src/ (the same answer as
 * `npx madge --circular --extensions ts src`), each stage importing only from stages before it
 * and from the shared bottom layer, and no source file over 600 lines.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const src = fileURLToPath(new URL('../../src/', import.meta.url));

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
}

/** Every module a file imports, re-exports or imports at run time, as paths relative to src/. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const out: string[] = [];
  const re = /(?:^|\n)\s*(?:import|export)\b[^'"]*?\bfrom\s*['"](\.[^'"]+)['"]|\bimport\s*\(\s*['"](\.[^'"]+)['"]\s*\)/g;
  for (const m of text.matchAll(re)) {
    const spec = (m[1] ?? m[2]).replace(/\.js$/, '.ts');
    out.push(relative(src, resolve(dirname(file), spec)));
  }
  return out;
}

const graph = new Map(files(src).map((f) => [relative(src, f), importsOf(f)]));

test('[structure] no import cycle under src/', () => {
  const state = new Map<string, 'open' | 'done'>();
  const cycles: string[] = [];
  const visit = (node: string, path: string[]): void => {
    if (state.get(node) === 'done') return;
    if (state.get(node) === 'open') {
      cycles.push([...path.slice(path.indexOf(node)), node].join(' > '));
      return;
    }
    state.set(node, 'open');
    for (const next of graph.get(node) ?? []) if (graph.has(next)) visit(next, [...path, node]);
    state.set(node, 'done');
  };
  for (const node of graph.keys()) visit(node, []);
  assert.deepEqual(cycles, []);
});

/**
 * The layers, bottom first. A module may import from its own layer and the ones below it.
 * Stages follow the flow of an article: read and decode, extract, enrich, store, group, analyse;
 * the pipeline composes them, and the entries (CLI, web, workers) drive the pipeline.
 */
const LAYERS: [string, RegExp][] = [
  ['shared bottom layer', /^(types|errors|code-hash)\.ts$|^lang\//],
  // Knowledge of outlets (the registry), read by extraction (site names) and analysis (coverage).
  ['outlets', /^outlets\//],
  ['ingest (read, decode)', /^ingest\//],
  ['extract', /^extract\//],
  ['enrich', /^enrich\//],
  ['store', /^store\//],
  ['group', /^cluster\//],
  ['analyse', /^analyse\//],
  ['pipeline', /^pipeline\//],
  ['entries', /^(present|queue|cli)\/|^index\.ts$/],
];

const layerOf = (path: string): number => LAYERS.findIndex(([, re]) => re.test(path));

test('[structure] each stage imports only from the stages before it and the shared bottom layer', () => {
  const wrong: string[] = [];
  for (const [from, imports] of graph) {
    const a = layerOf(from);
    assert.ok(a >= 0, `${from} belongs to no layer`);
    for (const to of imports) {
      const b = layerOf(to);
      if (b > a) wrong.push(`${from} (${LAYERS[a][0]}) imports ${to} (${LAYERS[b][0]})`);
    }
  }
  assert.deepEqual(wrong, []);
});

test('[structure] no source file over 600 lines', () => {
  const long = [...graph.keys()].map((f) => [f, readFileSync(join(src, f), 'utf8').split('\n').length] as const).filter(([, n]) => n > 600);
  assert.deepEqual(long, []);
});
