#!/usr/bin/env node
// Writes models/lang/eld-extrasmall.bin: the n-gram database of the `eld` package (Efficient
// Language Detector by Nito T.M., Apache-2.0; the data is the package's src/ngrams/extrasmall.js)
// as typed arrays, which src/lang/identify.ts reads with one readFileSync instead of compiling the
// package's 0.9 MB JavaScript object literal (0.1–0.2 s and tens of MB of heap at every start).
// The detection itself stays eld's own: only where its database comes from changes, and the file
// records the eld version it was made from, so that another version of the package is used as it
// ships until this is run again. Usage: node scripts/build-language-table.mjs
//
// Layout, little-endian: the magic `PXELD\0\0\x01`, the header's length (u32), a JSON header (the
// package version, database name and type, its languages, counts, each section's byte offset),
// then, each aligned to 8 bytes: `text` every n-gram back to back in Latin-1 (eld writes each
// UTF-8 byte as one character below 256); `offsets` Uint32 × (n-grams + 1) where each starts;
// `pairs` Uint32 × (n-grams + 1) where each one's scores start; `langs` and `scores` Uint8 ×
// scores: a language's index and its score, in the order eld's object enumerates them; `slots`
// Int32 × a power of two: n-gram + 1 by FNV-1a hash of its characters, linear probing, 0 empty.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = new URL('..', import.meta.url).pathname;
const DATABASE = 'extrasmall';
// The package's `exports` hide its files; its entry (src/entries/dynamic.js) tells where it is.
const pkgDir = fileURLToPath(new URL('../../', import.meta.resolve('eld')));
const version = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8')).version;
const { ngramsData } = await import(pathToFileURL(join(pkgDir, 'src', 'ngrams', `${DATABASE}.js`)).href);

const fnv = (s) => { let h = 0x811c9dc5; for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193); return h | 0; };
const align = (n) => (n + 7) & ~7;

const grams = Object.keys(ngramsData.ngrams);
const N = grams.length;
const offsets = new Uint32Array(N + 1);
const pairs = new Uint32Array(N + 1);
const langs = [];
const scores = [];
let size = 1;
while (size < N * 2) size <<= 1;
const slots = new Int32Array(size);
grams.forEach((g, i) => {
  if (/[^\u0000-\u00ff]/.test(g)) throw new Error(`n-gram ${JSON.stringify(g)} has a character above U+00FF`);
  offsets[i + 1] = offsets[i] + g.length;
  // for…in order, as eld's scoring reads each n-gram's object.
  const o = ngramsData.ngrams[g];
  for (const lang in o) {
    const l = Number(lang);
    const v = o[lang];
    if (!Number.isInteger(l) || l < 0 || l > 255 || !Number.isInteger(v) || v < 0 || v > 255) throw new Error(`n-gram ${JSON.stringify(g)}: ${lang} → ${v} does not fit a byte`);
    langs.push(l);
    scores.push(v);
  }
  pairs[i + 1] = langs.length;
  let slot = fnv(g) & (size - 1);
  while (slots[slot]) slot = (slot + 1) & (size - 1);
  slots[slot] = i + 1;
});
const text = Buffer.from(grams.join(''), 'latin1');
const u8 = (a) => new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
const sections = [['text', text], ['offsets', u8(offsets)], ['pairs', u8(pairs)], ['langs', Uint8Array.from(langs)], ['scores', Uint8Array.from(scores)], ['slots', u8(slots)]];
const MAGIC = Buffer.from('PXELD\0\0\x01', 'latin1');
const header = {
  package: 'eld', version, database: DATABASE, type: ngramsData.type, languages: ngramsData.languages,
  ...(ngramsData.isSubset !== undefined ? { isSubset: ngramsData.isSubset } : {}),
  ngrams: N, scores: langs.length, slots: size, textBytes: text.length, at: {},
};
let json = '';
for (let pass = 0; pass < 4; pass++) {
  let pos = align(MAGIC.length + 4 + Buffer.byteLength(JSON.stringify(header)));
  for (const [name, bytes] of sections) { header.at[name] = pos; pos = align(pos + bytes.length); }
  const next = JSON.stringify(header);
  if (next === json) break;
  json = next;
}
const head = Buffer.from(json, 'utf8');
let total = align(MAGIC.length + 4 + head.length);
if (total !== header.at.text) throw new Error('layout did not settle');
for (const [, bytes] of sections) total = align(total + bytes.length);
const out = Buffer.alloc(total);
MAGIC.copy(out, 0);
out.writeUInt32LE(head.length, MAGIC.length);
head.copy(out, MAGIC.length + 4);
for (const [name, bytes] of sections) out.set(bytes, header.at[name]);
const file = join(root, 'models', 'lang', `eld-${DATABASE}.bin`);
mkdirSync(dirname(file), { recursive: true });
writeFileSync(file, out);
console.log(`wrote ${file}: eld ${version} ${DATABASE} (${ngramsData.type}), ${N} n-grams, ${langs.length} scores, ${(out.length / 2 ** 20).toFixed(2)} MiB`);
