import type { Command } from 'commander';
import { UserError } from '../../errors.js';

export function register(program: Command): void {
  program
    .command('cluster')
    .description('group the articles of a JSONL file into stories and print {"id", "story"} per article (no store)')
    .requiredOption('--jsonl <file>', 'articles, one a line: {id, url, source, title, published, text}')
    .option('--why', 'add the explanation of each assignment')
    .action(async (opts: { jsonl: string; why?: boolean }) => {
      const { readJsonl } = await import('../jsonl.js');
      const { createClusterer } = await import('../../cluster/index.js');
      type Rec = { id?: string | number; title?: string; text?: string; published?: string; source?: string; url?: string };
      const recs = readJsonl<Rec>(opts.jsonl);
      recs.forEach((r, i) => { if (r.id == null) throw new UserError(`${opts.jsonl}:${i + 1}: a record needs an "id"`); });
      // Streaming in publication order, as news arrives; the file's own order is kept for output.
      const order = recs.map((r, i) => ({ r, i })).sort((a, b) => (a.r.published ?? '9999').localeCompare(b.r.published ?? '9999') || a.i - b.i);
      const clusterer = createClusterer();
      for (const { r } of order) {
        clusterer.add({ id: String(r.id), title: r.title ?? null, text: r.text ?? '', published: r.published ?? null, source: r.source ?? null, url: r.url ?? null });
      }
      const story = clusterer.assignments();
      const out: string[] = [];
      for (const r of recs) {
        const id = String(r.id);
        out.push(JSON.stringify(opts.why ? { id: r.id, story: story.get(id), why: clusterer.explain(id) } : { id: r.id, story: story.get(id) }));
      }
      process.stdout.write(out.join('\n') + '\n');
    });
}
