#!/usr/bin/env node
// `npm start`: the main job on the embedded default. Ingests the bundled sample corpus
// (corpus/sample: five reports of one event from five outlets) into the SQLite store
// (./parallax.db or $PARALLAX_DB), prints the story side by side, then serves the web page.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const bin = join(root, 'bin', 'parallax');
const run = (args, opts = {}) => spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: 'utf8', ...opts });

const ingest = run(['ingest', join(root, 'corpus', 'sample')], { stdio: 'inherit' });
if (ingest.status !== 0) process.exit(ingest.status ?? 1);
const list = run(['stories', '--json', '--limit', '1']);
if (list.status !== 0) { process.stderr.write(list.stderr); process.exit(list.status ?? 1); }
const [top] = JSON.parse(list.stdout);
if (!top) { console.error('no story in the store'); process.exit(1); }
const show = run(['show', top.id], { stdio: 'inherit' });
if (show.status !== 0) process.exit(show.status ?? 1);

// The web page takes over when it is there; PARALLAX_NO_SERVE=1 stops after the terminal view.
if (process.env.PARALLAX_NO_SERVE !== '1' && existsSync(join(root, 'src', 'cli', 'commands', 'serve.ts'))) {
  console.log('');
  const serve = spawnSync(process.execPath, [bin, 'serve'], { cwd: root, stdio: 'inherit' });
  process.exit(serve.status ?? 0);
}
