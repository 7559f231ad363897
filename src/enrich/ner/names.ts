/**
 * People's names as parts: given names (with middle names and initials) and surname (with its
 * particles, without a generational suffix), and whether two sets of given names can belong to
 * one person: "Todd" and "Byron Todd", "B. Todd" and "Byron Todd", "J.D." and "JD", "Joe" and
 * "Joseph R.", "Alex" and "Alexander" can; "Todd" and "Byron" cannot.
 *
 * @module
 */
import { nameParticles } from '../../lang/titles.js';

/** A person's name as written, in parts. */
export interface PersonName {
  /** Given names, middle names and initials, in order ("Byron", "Todd"; "J.D."). */
  given: string[];
  /** The last word of the surname ("Leyen" of "von der Leyen"): what the name is known by. */
  surname: string;
  /** A generational suffix, lower case without its dot ("jr", "iii"), or "" when none is written. */
  suffix: string;
}

/** Lower-case particles of surnames ("von der Leyen", "bin Salman", "da Silva"; data/lang/en/name-particles.txt). */
const PARTICLES = nameParticles('en');

/** A generational suffix after a surname ("Jr.", "III"). */
const SUFFIX = /^(?:jr|sr|ii|iii|iv)\.?$/i;

/** The parts of a person's name (titles already removed): "Thomas R. Hale Jr." → Thomas, R. / Hale. */
export function personName(name: string): PersonName {
  const ws = name.replace(/,/g, ' ').split(/\s+/).filter(Boolean);
  let suffix = '';
  while (ws.length > 1 && SUFFIX.test(ws[ws.length - 1])) suffix = ws.pop()!.replace(/\./g, '').toLowerCase();
  const surname = ws.pop() ?? '';
  while (ws.length && PARTICLES.has(ws[ws.length - 1])) ws.pop();
  return { given: ws, surname, suffix };
}

/**
 * Familiar forms of given names that are not simply the start of the formal one (those, like
 * Tom and Thomas, are matched as prefixes): general English usage.
 */
const FAMILIAR: Record<string, string[]> = {
  bill: ['william'], billy: ['william'], will: ['william'], willy: ['william'], liam: ['william'],
  bob: ['robert'], bobby: ['robert'], robbie: ['robert'], bert: ['robert', 'albert', 'herbert'],
  dick: ['richard'], rick: ['richard', 'frederick', 'eric'], ricky: ['richard'], richie: ['richard'],
  jim: ['james'], jimmy: ['james'], jamie: ['james'], joe: ['joseph'], joey: ['joseph'],
  jack: ['john'], johnny: ['john'], mike: ['michael'], mikey: ['michael'], mick: ['michael'], mickey: ['michael'],
  ted: ['edward', 'theodore'], ed: ['edward', 'edwin', 'edmund'], eddie: ['edward'], ned: ['edward'],
  tony: ['anthony', 'antonio'], larry: ['lawrence', 'laurence'], harry: ['henry', 'harold'], hank: ['henry'],
  chuck: ['charles'], charlie: ['charles'], andy: ['andrew'], drew: ['andrew'], sandy: ['alexander', 'sandra'],
  kate: ['katherine', 'catherine', 'kathleen'], katie: ['katherine', 'catherine'], kathy: ['katherine', 'kathleen'], cathy: ['catherine'],
  liz: ['elizabeth'], beth: ['elizabeth'], betsy: ['elizabeth'], betty: ['elizabeth'], lizzie: ['elizabeth'],
  peggy: ['margaret'], maggie: ['margaret'], meg: ['margaret'], sue: ['susan', 'suzanne'], susie: ['susan'],
  jenny: ['jennifer'], becky: ['rebecca'], patty: ['patricia'], patsy: ['patricia'], jerry: ['gerald', 'jerome'],
  danny: ['daniel'], donnie: ['donald'], ronnie: ['ronald'], nate: ['nathan', 'nathaniel'], zach: ['zachary'],
  freddie: ['frederick'], walt: ['walter'], gene: ['eugene'], kenny: ['kenneth'], lenny: ['leonard'],
  vince: ['vincent'], abe: ['abraham'], manny: ['manuel'], josh: ['joshua'], jon: ['jonathan'], debbie: ['deborah'],
  vicky: ['victoria'], mandy: ['amanda'], cindy: ['cynthia'], tina: ['christina', 'christine'], misha: ['mikhail'],
  sasha: ['alexander', 'aleksandr', 'alexandra'], dima: ['dmitry'], kolya: ['nikolai'],
};

/** How two given names relate: one spelling (or transliteration), a familiar form or initial, or none. */
type Fit = 'same' | 'loose' | null;

const bare = (w: string) => w.replace(/\./g, '').toLowerCase();

/** Initials written together ("J.D.", "JD"): a name a person goes by, as such. */
const isCluster = (g: string) => /^(?:\p{Lu}\.){2,}$/u.test(g) || /^\p{Lu}{2,3}$/u.test(g);

/** Initials written together as one initial each; other names as they are. */
function expand(given: string[]): string[] {
  return given.flatMap((g) => (isCluster(g) ? [...bare(g)] : [bare(g)]));
}

function fit(a: string, b: string, same: (x: string, y: string) => boolean): Fit {
  if (a === b || (a.length > 1 && b.length > 1 && same(a, b))) return 'same';
  if (a.length === 1 || b.length === 1) return a[0] === b[0] ? 'loose' : null;
  const [s, l] = a.length <= b.length ? [a, b] : [b, a];
  if (s.length >= 3 && l.startsWith(s)) return 'loose';
  if (FAMILIAR[s]?.includes(l) || FAMILIAR[l]?.includes(s)) return 'loose';
  return null;
}

/**
 * Whether two people's given names can be one person's: each name of the shorter list fits a
 * name of the longer one, in order ("Todd" in "Byron Todd"; "B." and "Todd" in "Byron Todd").
 * 'same' when every pair is one spelling of one name, 'loose' when an initial, a familiar form or
 * a shortening was needed, null when they cannot be one person's.
 */
export function givenFit(a: string[], b: string[], same: (x: string, y: string) => boolean): Fit {
  // Someone who goes by initials ("T.J.") is not someone with one of those names ("Tony"): the
  // other must have those initials, all of them.
  for (const [x, y] of [[a, b], [b, a]]) {
    if (x.length === 1 && isCluster(x[0]) && bare(x[0]) !== y.map((g) => (isCluster(g) ? bare(g) : bare(g)[0])).join('')) return null;
  }
  const [s, l] = expand(a).length <= expand(b).length ? [expand(a), expand(b)] : [expand(b), expand(a)];
  if (!s.length) return null;
  let result: Fit = 'same';
  let j = 0;
  for (const name of s) {
    let found: Fit = null;
    while (j < l.length && !(found = fit(name, l[j], same))) j++;
    if (!found) return null;
    if (found === 'loose') result = 'loose';
    j++;
  }
  // A name skipped before the first match ("Todd" for "Byron Todd"): the person goes by a middle
  // name, which must then be written out in both ("Louis" is not "Vincent L.").
  if (fit(s[0], l[0], same) === null) {
    const k = l.findIndex((x) => fit(s[0], x, same) !== null);
    if (s[0].length === 1 || l[k].length === 1) return null;
    result = 'loose';
  }
  return result;
}
