/**
 * The PostgreSQL store, for collections and worker fleets that outgrow one SQLite file. Same
 * contract as the SQLite store (test/store/contract.ts runs against both); full-text search uses
 * PostgreSQL's own tsvector with ranking.
 *
 * The SQL runs through a two-method {@link Sql} interface so that the same code serves a `pg`
 * connection pool and an embedded engine (PGlite) in tests.
 *
 * @module
 */
import type { Article, ClusterDoc, Story } from '../types.js';
import { GROUPING_KEY, type GroupingCheckpoint, type GroupingCheckpointToSave, type GroupingState, type GroupingStep, type SearchHit, type Store, type StoredStory, type UpsertResult } from './types.js';
import { UserError } from '../errors.js';
import { checkpointParts } from './checkpoint-parts.js';
import { centralTitle } from './title.js';

/** The least a PostgreSQL connection must do for the store. */
export interface Sql {
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  /** Runs `fn` in one transaction on one connection. */
  transaction<R>(fn: (tx: Pick<Sql, 'query'>) => Promise<R>): Promise<R>;
  close(): Promise<void>;
}

/** Ordered schema migrations; `parallax_migrations` records which have run. Append only. */
const MIGRATIONS: string[] = [
  `CREATE TABLE articles (
     id TEXT PRIMARY KEY,
     content_hash TEXT NOT NULL,
     source TEXT,
     url TEXT,
     title TEXT,
     published TEXT,
     language TEXT,
     text TEXT NOT NULL,
     doc TEXT NOT NULL,
     story TEXT,
     ingested_at TIMESTAMPTZ NOT NULL DEFAULT now(),
     updated_at TIMESTAMPTZ NOT NULL DEFAULT now(),
     tsv TSVECTOR GENERATED ALWAYS AS (
       setweight(to_tsvector('simple', coalesce(title, '')), 'A') || setweight(to_tsvector('simple', text), 'B')
     ) STORED
   );
   CREATE INDEX articles_story ON articles(story);
   CREATE INDEX articles_source ON articles(source);
   CREATE INDEX articles_published ON articles(published);
   CREATE INDEX articles_tsv ON articles USING GIN (tsv);
   CREATE TABLE analyses (story TEXT PRIMARY KEY, doc TEXT NOT NULL, created_at TIMESTAMPTZ NOT NULL DEFAULT now());
   CREATE TABLE state (key TEXT PRIMARY KEY, value TEXT NOT NULL, updated_at TIMESTAMPTZ NOT NULL DEFAULT now());`,
  // Incremental grouping: the step of the grouping that fed each article (null: awaiting grouping).
  `ALTER TABLE articles ADD COLUMN grouped INTEGER;
   CREATE INDEX articles_grouped ON articles(grouped);`,
  // The clusterer's state after a grouping step, so that a new process need not replay them all.
  `CREATE TABLE grouping_checkpoints (seq INTEGER PRIMARY KEY, version TEXT NOT NULL, articles INTEGER NOT NULL, data BYTEA NOT NULL, made_at TIMESTAMPTZ NOT NULL DEFAULT now())`,
  // A checkpoint's bytes after its first mebibyte, in order (see checkpoint-parts.ts).
  `CREATE TABLE grouping_checkpoint_parts (seq INTEGER NOT NULL, part INTEGER NOT NULL, data BYTEA NOT NULL, PRIMARY KEY (seq, part))`,
];

/** Opens a store on a PostgreSQL server by URL, with a connection pool. */
export async function openPostgresStore(url: string): Promise<Store> {
  return openSqlStore(await connectPostgres(url), 'postgres');
}

/** A connection pool to a PostgreSQL server, behind the {@link Sql} interface. */
export async function connectPostgres(url: string, poolSize = 4): Promise<Sql> {
  const { default: pg } = await import('pg');
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  // An idle client that loses its server must not crash the process; the next query reports it.
  pool.on('error', () => {});
  const sql: Sql = {
    async query<T>(text: string, params: unknown[] = []) {
      return (await pool.query(text, params)).rows as T[];
    },
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const out = await fn({ query: async <T>(t: string, p: unknown[] = []) => (await client.query(t, p)).rows as T[] });
        await client.query('COMMIT');
        return out;
      } catch (err) {
        await client.query('ROLLBACK').catch(() => {});
        throw err;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
  try {
    await sql.query('SELECT 1');
  } catch (err) {
    await pool.end().catch(() => {});
    throw new UserError(`cannot connect to PostgreSQL at ${redact(url)}: ${(err as Error).message}`);
  }
  return sql;
}

/** A store over any {@link Sql} connection (a pool, or an embedded engine in tests). */
export async function openSqlStore(sql: Sql, kind = 'postgres'): Promise<Store> {
  await migrate(sql);
  return new PostgresStore(sql, kind);
}

function redact(url: string): string {
  return url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
}

async function migrate(sql: Sql): Promise<void> {
  // One migrator at a time across processes: workers starting together must not race. The lock
  // comes before even the migrations table: two concurrent CREATE TABLE IF NOT EXISTS of one new
  // table can both pass the check, and the second fails on PostgreSQL's catalogue index.
  await sql.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock(7242019)');
    await tx.query('CREATE TABLE IF NOT EXISTS parallax_migrations (version INTEGER PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())');
    const rows = await tx.query<{ v: number | null }>('SELECT max(version) AS v FROM parallax_migrations');
    const done = Number(rows[0]?.v ?? 0);
    if (done > MIGRATIONS.length) throw new UserError(`database schema version ${done} is newer than this Parallax (${MIGRATIONS.length})`);
    for (let v = done; v < MIGRATIONS.length; v++) {
      for (const stmt of MIGRATIONS[v].split(/;\s*(?=CREATE|ALTER|DROP|INSERT)/)) await tx.query(stmt);
      await tx.query('INSERT INTO parallax_migrations (version) VALUES ($1)', [v + 1]);
    }
  });
}

class PostgresStore implements Store {
  constructor(private sql: Sql, readonly kind: string) {}

  async upsertArticle(article: Article): Promise<UpsertResult> {
    return (await this.upsertArticles([article]))[0];
  }

  async upsertArticles(articles: Article[]): Promise<UpsertResult[]> {
    return this.sql.transaction(async (tx) => {
      const out: UpsertResult[] = [];
      for (const a of articles) {
        const doc = JSON.stringify(a);
        const prev = await tx.query<{ content_hash: string; story: string | null }>(
          'SELECT content_hash, story FROM articles WHERE id = $1 FOR UPDATE',
          [a.id],
        );
        if (prev[0]?.content_hash === a.contentHash) { out.push('unchanged'); continue; }
        if (prev[0]) {
          await tx.query(
            `UPDATE articles SET content_hash=$2, source=$3, url=$4, title=$5, published=$6, language=$7, text=$8, doc=$9, updated_at=now() WHERE id=$1`,
            [a.id, a.contentHash, a.source, a.url, a.title, a.published, a.language, a.text, doc],
          );
          if (prev[0].story) await tx.query('DELETE FROM analyses WHERE story = $1', [prev[0].story]);
          out.push('updated');
          continue;
        }
        // ON CONFLICT: a concurrent worker may insert the same id between our SELECT and INSERT.
        const ins = await tx.query<{ id: string }>(
          `INSERT INTO articles (id, content_hash, source, url, title, published, language, text, doc)
           VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9) ON CONFLICT (id) DO NOTHING RETURNING id`,
          [a.id, a.contentHash, a.source, a.url, a.title, a.published, a.language, a.text, doc],
        );
        out.push(ins.length ? 'inserted' : 'unchanged');
      }
      return out;
    });
  }

  async getArticle(id: string): Promise<Article | null> {
    const rows = await this.sql.query<{ doc: string }>('SELECT doc FROM articles WHERE id = $1', [id]);
    return rows[0] ? (JSON.parse(rows[0].doc) as Article) : null;
  }

  async listArticles(options: { story?: string; source?: string; limit?: number; offset?: number } = {}): Promise<Article[]> {
    const where: string[] = [];
    const args: unknown[] = [];
    if (options.story) { args.push(options.story); where.push(`story = $${args.length}`); }
    if (options.source) { args.push(options.source); where.push(`source = $${args.length}`); }
    args.push(options.limit ?? null, options.offset ?? 0);
    const rows = await this.sql.query<{ doc: string }>(
      `SELECT doc FROM articles ${where.length ? 'WHERE ' + where.join(' AND ') : ''}
       ORDER BY published IS NULL, published, id COLLATE "C" LIMIT $${args.length - 1} OFFSET $${args.length}`,
      args,
    );
    return rows.map((r) => JSON.parse(r.doc) as Article);
  }

  async *iterateForGrouping(): AsyncIterable<ClusterDoc> {
    yield* this.pages('TRUE');
  }

  /** The articles matching `where`, in publication order, in keyset pages: constant memory, no long-lived cursor. */
  private async *pages(where: string): AsyncIterable<ClusterDoc> {
    let after: [number, string, string] = [0, '', ''];
    for (;;) {
      const rows = await this.sql.query<ClusterDoc & { nulls: number }>(
        `SELECT id, title, text, published, source, url, (published IS NULL)::int AS nulls FROM articles
         WHERE ${where} AND ((published IS NULL)::int, coalesce(published, ''), id COLLATE "C") > ($1, $2, $3 COLLATE "C")
         ORDER BY (published IS NULL)::int, coalesce(published, ''), id COLLATE "C" LIMIT 1000`,
        after,
      );
      for (const { nulls: _n, ...r } of rows) yield r;
      if (rows.length < 1000) return;
      const last = rows[rows.length - 1];
      after = [last.nulls, last.published ?? '', last.id];
    }
  }

  async countArticles(): Promise<number> {
    return Number((await this.sql.query<{ n: string }>('SELECT count(*) AS n FROM articles'))[0].n);
  }

  async groupingState(): Promise<GroupingState> {
    return readGroupingState(this.sql);
  }

  async *iteratePending(): AsyncIterable<ClusterDoc> {
    yield* this.pages('grouped IS NULL');
  }

  async *iterateGrouped(after: number): AsyncIterable<{ doc: ClusterDoc; seq: number }> {
    // Keyset pages by (step, publication order): constant memory, no long-lived cursor.
    let key: [number, number, string, string] = [after, 1, '', ''];
    for (;;) {
      const rows = await this.sql.query<ClusterDoc & { nulls: number; grouped: number }>(
        `SELECT id, title, text, published, source, url, grouped, (published IS NULL)::int AS nulls FROM articles
         WHERE grouped IS NOT NULL AND (grouped, (published IS NULL)::int, coalesce(published, ''), id COLLATE "C") > ($1, $2, $3, $4 COLLATE "C")
         ORDER BY grouped, (published IS NULL)::int, coalesce(published, ''), id COLLATE "C" LIMIT 1000`,
        key,
      );
      for (const { nulls: _n, grouped, ...doc } of rows) yield { doc, seq: grouped };
      if (rows.length < 1000) return;
      const last = rows[rows.length - 1];
      key = [last.grouped, last.nulls, last.published ?? '', last.id];
    }
  }

  async commitGrouping(step: GroupingStep): Promise<boolean> {
    return this.sql.transaction(async (tx) => {
      // One grouping commit at a time across processes; the step counter is checked under it.
      await tx.query('SELECT pg_advisory_xact_lock(7242020)');
      const now = await readGroupingState(tx);
      if (now.seq !== step.expect) return false;
      if (step.fed.length) await tx.query('UPDATE articles SET grouped = $1 WHERE id = ANY($2::text[])', [step.seq, step.fed]);
      await applyAssignments(tx, step.assignments);
      await tx.query(
        `INSERT INTO state (key, value, updated_at) VALUES ($1, $2, now())
         ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, updated_at = now()`,
        [GROUPING_KEY, JSON.stringify({ seq: step.seq, base: step.base ? step.seq : now.base, version: step.version })],
      );
      return true;
    });
  }

  async storiesWithoutAnalysis(limit: number): Promise<string[]> {
    const rows = await this.sql.query<{ story: string }>(
      `SELECT story FROM articles a WHERE story IS NOT NULL AND NOT EXISTS (SELECT 1 FROM analyses n WHERE n.story = a.story)
       GROUP BY story ORDER BY count(DISTINCT coalesce(source, id)) DESC, count(*) DESC, max(published) DESC, story COLLATE "C" LIMIT $1`,
      [limit],
    );
    return rows.map((r) => r.story);
  }

  async groupingCheckpoint(): Promise<GroupingCheckpoint | null> {
    const rows = await this.sql.query<GroupingCheckpoint>('SELECT seq, version, articles, data FROM grouping_checkpoints ORDER BY seq DESC LIMIT 1');
    const row = rows[0];
    if (!row) return null;
    const rest = await this.sql.query<{ data: Buffer }>('SELECT data FROM grouping_checkpoint_parts WHERE seq = $1 ORDER BY part', [row.seq]);
    return rest.length ? { ...row, data: Buffer.concat([row.data, ...rest.map((r) => r.data)]) } : row;
  }

  async saveGroupingCheckpoint(c: GroupingCheckpointToSave): Promise<void> {
    await this.sql.transaction(async (tx) => {
      await tx.query('DELETE FROM grouping_checkpoint_parts WHERE seq <= $1', [c.seq]);
      let i = 0;
      for (const bytes of checkpointParts(c.data)) {
        if (i === 0) {
          await tx.query(
            `INSERT INTO grouping_checkpoints (seq, version, articles, data) VALUES ($1, $2, $3, $4)
             ON CONFLICT (seq) DO UPDATE SET version = EXCLUDED.version, articles = EXCLUDED.articles, data = EXCLUDED.data, made_at = now()`,
            [c.seq, c.version, c.articles, bytes],
          );
        } else await tx.query('INSERT INTO grouping_checkpoint_parts (seq, part, data) VALUES ($1, $2, $3)', [c.seq, i, bytes]);
        i++;
      }
      await tx.query('DELETE FROM grouping_checkpoints WHERE seq < $1', [c.seq]);
    });
  }

  async assignStories(assignments: Map<string, string> | [string, string][]): Promise<void> {
    const pairs = [...assignments];
    if (!pairs.length) return;
    await this.sql.transaction((tx) => applyAssignments(tx, pairs));
  }

  async storyOf(articleId: string): Promise<string | null> {
    const rows = await this.sql.query<{ story: string | null }>('SELECT story FROM articles WHERE id = $1', [articleId]);
    return rows[0]?.story ?? null;
  }

  async listStories(options: { limit?: number; offset?: number } = {}): Promise<StoredStory[]> {
    const rows = await this.sql.query<{ id: string; articlecount: string; sourcecount: string; first: string | null; last: string | null }>(
      `SELECT story AS id, count(*) AS articlecount, count(DISTINCT coalesce(source, id)) AS sourcecount,
              min(published) FILTER (WHERE published ~ '^[0-9]') AS first, max(published) FILTER (WHERE published ~ '^[0-9]') AS last
       FROM articles a WHERE story IS NOT NULL GROUP BY story
       ORDER BY count(DISTINCT coalesce(source, id)) DESC, count(*) DESC, max(published) DESC, story COLLATE "C"
       LIMIT $1 OFFSET $2`,
      [options.limit ?? null, options.offset ?? 0],
    );
    // Each story's headlines in publication order, for the one title rule (`centralTitle`).
    const titles = new Map<string, string[]>();
    if (rows.length) {
      const found = await this.sql.query<{ story: string; title: string }>(
        `SELECT story, title FROM articles WHERE title IS NOT NULL AND story = ANY($1::text[])
         ORDER BY story, published IS NULL, published, id COLLATE "C"`,
        [rows.map((r) => r.id)],
      );
      for (const { story, title } of found) titles.set(story, [...(titles.get(story) ?? []), title]);
    }
    return rows.map((r) => ({
      id: r.id, title: centralTitle(titles.get(r.id) ?? []) ?? '(untitled)', articleCount: Number(r.articlecount), sourceCount: Number(r.sourcecount), first: r.first, last: r.last,
    }));
  }

  async saveEnrichments(articles: Article[]): Promise<void> {
    if (!articles.length) return;
    await this.sql.transaction(async (tx) => {
      for (const a of articles) await tx.query('UPDATE articles SET doc = $1 WHERE id = $2 AND content_hash = $3', [JSON.stringify(a), a.id, a.contentHash]);
    });
  }

  async saveAnalysis(story: Story): Promise<void> {
    await this.sql.query(
      `INSERT INTO analyses (story, doc) VALUES ($1, $2) ON CONFLICT (story) DO UPDATE SET doc = EXCLUDED.doc, created_at = now()`,
      [story.id, JSON.stringify(story)],
    );
  }

  async getAnalysis(storyId: string): Promise<Story | null> {
    const rows = await this.sql.query<{ doc: string }>('SELECT doc FROM analyses WHERE story = $1', [storyId]);
    return rows[0] ? (JSON.parse(rows[0].doc) as Story) : null;
  }

  async analysisStamp(storyId: string): Promise<string | null> {
    const rows = await this.sql.query<{ stamp: string }>("SELECT created_at::text || '#' || xmin::text AS stamp FROM analyses WHERE story = $1", [storyId]);
    return rows[0]?.stamp ?? null;
  }

  async clearAnalyses(): Promise<void> {
    await this.sql.query('DELETE FROM analyses');
  }

  async search(query: string, options: { limit?: number } = {}): Promise<SearchHit[]> {
    // Words ANDed, "quoted phrases" as phrases: the same reading of a query as the SQLite store.
    const terms: string[] = [];
    for (const m of query.matchAll(/"([^"]+)"|([\p{L}\p{N}][\p{L}\p{N}'’.-]*)/gu)) {
      const words = (m[1] ?? m[2]).toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
      if (words.length) terms.push(words.join(' <-> '));
    }
    if (!terms.length) return [];
    const tsquery = terms.map((t) => `(${t})`).join(' & ');
    const rows = await this.sql.query<SearchHit>(
      `SELECT id, title, source, story,
              ts_headline('simple', text, q, 'StartSel=[, StopSel=], MaxWords=24, MinWords=8') AS snippet
       FROM articles, to_tsquery('simple', $1) AS q
       WHERE tsv @@ q ORDER BY ts_rank(tsv, q) DESC, id LIMIT $2`,
      [tsquery, options.limit ?? 20],
    );
    return rows;
  }

  async getState<T = unknown>(key: string): Promise<T | null> {
    const rows = await this.sql.query<{ value: string }>('SELECT value FROM state WHERE key = $1', [key]);
    return rows[0] ? (JSON.parse(rows[0].value) as T) : null;
  }

  async setState(key: string, value: unknown): Promise<void> {
    await this.sql.query(
      `INSERT INTO state (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, updated_at = now()`,
      [key, JSON.stringify(value)],
    );
  }

  async listState<T = unknown>(prefix: string): Promise<{ key: string; value: T }[]> {
    const rows = await this.sql.query<{ key: string; value: string }>(
      `SELECT key, value FROM state WHERE key COLLATE "C" >= $1 AND key COLLATE "C" < $2 ORDER BY key COLLATE "C"`,
      [prefix, prefix + '\uffff'],
    );
    return rows.map((r) => ({ key: r.key, value: JSON.parse(r.value) as T }));
  }

  async close(): Promise<void> {
    await this.sql.close();
  }
}

type Query = Pick<Sql, 'query'>;

async function readGroupingState(q: Query): Promise<GroupingState> {
  const rows = await q.query<{ value: string }>('SELECT value FROM state WHERE key = $1', [GROUPING_KEY]);
  const pending = Number((await q.query<{ n: string }>('SELECT count(*) AS n FROM articles WHERE grouped IS NULL'))[0].n);
  const saved = rows[0] ? (JSON.parse(rows[0].value) as { seq: number; base: number; version?: string }) : { seq: 0, base: 0 };
  return { seq: saved.seq, base: saved.base, version: saved.version ?? null, pending };
}

/** Sets each article's story in one statement; the cached analyses of the stories changed are dropped. */
async function applyAssignments(tx: Query, pairs: [string, string][]): Promise<void> {
  if (!pairs.length) return;
  // The changed rows report their old story, whose cached analysis (and the new story's) is then dropped.
  const changed = await tx.query<{ old: string | null; story: string }>(
    `WITH input AS (SELECT * FROM unnest($1::text[], $2::text[]) AS t(id, story)),
          prev AS (SELECT a.id, a.story AS old FROM articles a JOIN input i ON a.id = i.id FOR UPDATE OF a)
     UPDATE articles a SET story = i.story FROM input i JOIN prev p ON p.id = i.id
     WHERE a.id = i.id AND a.story IS DISTINCT FROM i.story
     RETURNING p.old, i.story`,
    [pairs.map((p) => p[0]), pairs.map((p) => p[1])],
  );
  const stale = new Set<string>();
  for (const c of changed) { stale.add(c.story); if (c.old) stale.add(c.old); }
  if (stale.size) await tx.query('DELETE FROM analyses WHERE story = ANY($1::text[])', [[...stale]]);
}
