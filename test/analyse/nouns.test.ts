import { test } from 'node:test';
import assert from 'node:assert/strict';
import { nounSenses, relatedNouns } from '../../src/analyse/similarity/nouns.js';

const here = '[analyse/nouns] ';

test(`${here}nouns that share a sense or one names the broader kind of the other`, () => {
  const cases: [string, string, boolean][] = [
    ['magazines', 'clips', true], // one sense shared: a cartridge holder
    ['factory', 'plant', true], // a factory is a plant
    ['war', 'conflict', true],
    ['army', 'navy', false], // siblings are different things
    ['forces', 'people', false],
    ['levee', 'qzxvwplk', false], // a word WordNet lacks relates to nothing
  ];
  for (const [a, b, want] of cases) assert.equal(relatedNouns(a, b), want, `${a} / ${b}`);
});

test(`${here}plurals are read as their singular`, () => {
  assert.deepEqual(nounSenses('factories'), nounSenses('factory'));
  assert.deepEqual(nounSenses('boxes'), nounSenses('box'));
  assert.ok(nounSenses('clips').length > 0);
});
