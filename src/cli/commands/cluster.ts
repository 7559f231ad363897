import type { Command } from 'commander';
import { UserError } from '../../errors.js';
import { stdinText, warn } from '../options.js';

interface ClusterOptions {
  jsonl: string;
  why?: boolean;
  json?: boolean;
  state?: string;
}

/** One input record as the evaluation files have it; `story`, if present, is never read. */
interface Rec {
  id?: unknown;
  title?: unknown;
  text?: unknown;
  published?: unknown;
  source?: unknown;
  url?: unknown;
}

const str = (v: unknown): string | null => (typeof v === 'string' && v ? v : null);

export function register(program: Command): void {
  program
    .command('cluster')
    .description('group the articles of a JSONL file into stories and print {"id", "story"} per article (no store)')
    .requiredOption('--jsonl <file>', 'articles, one a line: {id, url, source, title, published, text} ("-" for stdin)')
    .option('--why', 'add each assignment\'s explanation (shared terms, similarity) and the copy it repeats')
    .option('--state <file>', 'go on from the grouping saved in this file, and save it there afterwards')
    .option('--json', 'JSON lines (the only output format; accepted for uniformity)')
    .action(async (opts: ClusterOptions) => {
      const { readFileSync, writeFileSync, existsSync, renameSync } = await import('node:fs');
      const { createClusterer } = await import('../../cluster/index.js');
      let text: string;
      try {
        text = opts.jsonl === '-' ? stdinText() : readFileSync(opts.jsonl, 'utf8');
      } catch (err) {
        throw new UserError(`${opts.jsonl}: cannot read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
      }
      // A bad line is reported and skipped; the rest are grouped, and the exit code says so.
      const recs: { r: Rec; i: number; id: string }[] = [];
      const seen = new Set<string>();
      let bad = 0;
      text.split('\n').forEach((line, i) => {
        if (!line.trim()) return;
        const where = `${opts.jsonl}:${i + 1}`;
        let r: unknown;
        try {
          r = JSON.parse(line);
        } catch (err) {
          warn(`parallax: ${where}: invalid JSON (${(err as Error).message}); skipped`);
          bad++;
          return;
        }
        if (!r || typeof r !== 'object' || Array.isArray(r)) {
          warn(`parallax: ${where}: not a JSON object; skipped`);
          bad++;
          return;
        }
        const rec = r as Rec;
        if ((typeof rec.id !== 'string' && typeof rec.id !== 'number') || rec.id === '') {
          warn(`parallax: ${where}: a record needs an "id" (string or number); skipped`);
          bad++;
          return;
        }
        const id = String(rec.id);
        if (seen.has(id)) {
          warn(`parallax: ${where}: id ${JSON.stringify(id)} repeats an earlier line; skipped`);
          bad++;
          return;
        }
        seen.add(id);
        recs.push({ r: rec, i, id });
      });

      let state: unknown;
      if (opts.state && existsSync(opts.state)) {
        try {
          state = JSON.parse(readFileSync(opts.state, 'utf8'));
        } catch (err) {
          throw new UserError(`${opts.state}: not a saved grouping (${(err as Error).message})`);
        }
      }
      let clusterer;
      try {
        clusterer = createClusterer(state === undefined ? {} : { state });
      } catch (err) {
        throw new UserError(`${opts.state}: ${(err as Error).message}`);
      }
      // News arrives roughly in publication order: the file is fed in that order (undated last,
      // ties in file order); the output keeps the file's order.
      const order = [...recs].sort((a, b) => (str(a.r.published) ?? '9999').localeCompare(str(b.r.published) ?? '9999') || a.i - b.i);
      const duplicateOf = new Map<string, string>();
      for (const { r, id } of order) {
        const a = clusterer.add({ id, title: str(r.title), text: str(r.text) ?? '', published: str(r.published), source: str(r.source), url: str(r.url) });
        if (a.duplicateOf) duplicateOf.set(id, a.duplicateOf);
      }
      clusterer.settle();
      const out: string[] = [];
      for (const { r, id } of recs) {
        const story = clusterer.storyOfArticle(id);
        if (opts.why) out.push(JSON.stringify({ id: r.id, story, duplicateOf: duplicateOf.get(id) ?? null, why: clusterer.explain(id) }));
        else out.push(JSON.stringify({ id: r.id, story }));
      }
      if (out.length) process.stdout.write(out.join('\n') + '\n');
      if (opts.state) {
        // Written beside and renamed, so an interrupted run leaves the old state whole.
        const tmp = `${opts.state}.tmp-${process.pid}`;
        writeFileSync(tmp, JSON.stringify(clusterer.snapshot()));
        renameSync(tmp, opts.state);
      }
      if (bad) {
        warn(`parallax: ${bad} bad line${bad === 1 ? '' : 's'} in ${opts.jsonl} skipped`);
        process.exitCode = 1;
      }
    });
}
