/**
 * robots.txt: fetched once per host and honoured for our user agent (or `*`), longest matching
 * rule wins, Allow over Disallow on a tie. A robots.txt that cannot be fetched allows everything,
 * as the convention has it; one that says 401/403 disallows everything.
 *
 * @module
 */
import { fetchUrl, FetchError, type FetchOptions } from './http.js';

interface Rule { allow: boolean; path: string }
const cache = new Map<string, Rule[]>();

export function parseRobots(text: string, agent = 'parallax'): Rule[] {
  const groups: { agents: string[]; rules: Rule[] }[] = [];
  let cur: { agents: string[]; rules: Rule[] } | null = null;
  let lastWasAgent = false;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.replace(/#.*/, '').trim();
    const m = /^([\w-]+)\s*:\s*(.*)$/.exec(line);
    if (!m) continue;
    const key = m[1].toLowerCase();
    const val = m[2].trim();
    if (key === 'user-agent') {
      if (!cur || !lastWasAgent) groups.push((cur = { agents: [], rules: [] }));
      cur.agents.push(val.toLowerCase());
      lastWasAgent = true;
      continue;
    }
    lastWasAgent = false;
    if (!cur) continue;
    if (key === 'allow' || key === 'disallow') if (val || key === 'allow') cur.rules.push({ allow: key === 'allow', path: val });
  }
  const mine = groups.filter((g) => g.agents.some((a) => a !== '*' && agent.toLowerCase().includes(a)));
  return (mine.length ? mine : groups.filter((g) => g.agents.includes('*'))).flatMap((g) => g.rules);
}

function matches(rule: string, path: string): boolean {
  const re = new RegExp('^' + rule.split('*').map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*').replace(/\\\$$/, '$'));
  return re.test(path);
}

export function allowedBy(rules: Rule[], path: string): boolean {
  let best: Rule | null = null;
  for (const r of rules) {
    if (!r.path || !matches(r.path, path)) continue;
    if (!best || r.path.length > best.path.length || (r.path.length === best.path.length && r.allow)) best = r;
  }
  return !best || best.allow;
}

export async function robotsAllow(url: string, options: FetchOptions = {}): Promise<boolean> {
  const u = new URL(url);
  let rules = cache.get(u.origin);
  if (!rules) {
    try {
      const res = await fetchUrl(`${u.origin}/robots.txt`, { ...options, retries: 0, maxBytes: 512 * 1024, accept: 'text/plain' });
      rules = parseRobots(res.body.toString('utf8'));
    } catch (err) {
      const status = err instanceof FetchError ? err.status : undefined;
      rules = status === 401 || status === 403 ? [{ allow: false, path: '/' }] : [];
    }
    cache.set(u.origin, rules);
  }
  return allowedBy(rules, u.pathname + u.search);
}
