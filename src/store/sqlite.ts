/**
 * The embedded default store: one SQLite file (better-sqlite3) in WAL mode, with FTS5 over
 * articles. Every write is a transaction, so a process killed mid-ingest leaves what it committed
 * and nothing half-written.
 *
 * @module
 */
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Article, ClusterDoc, Story } from '../types.js';
import { GROUPING_KEY, type GroupingCheckpoint, type GroupingCheckpointToSave, type GroupingState, type GroupingStep, type SearchHit, type Store, type StoredStory, type UpsertResult } from './types.js';
import { UserError } from '../errors.js';
import { centralTitle } from './title.js';
import { checkpointParts } from './checkpoint-parts.js';

/** Ordered schema migrations; `user_version` records how many have run. Append only. */
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
     doc TEXT NOT NULL,            -- the whole Article as JSON
     story TEXT,
     ingested_at TEXT NOT NULL,
     updated_at TEXT NOT NULL
   );
   CREATE INDEX articles_story ON articles(story);
   CREATE INDEX articles_source ON articles(source);
   CREATE INDEX articles_published ON articles(published);
   CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, content='articles', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2');
   CREATE TRIGGER articles_ai AFTER INSERT ON articles BEGIN
     INSERT INTO articles_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
   END;
   CREATE TRIGGER articles_ad AFTER DELETE ON articles BEGIN
     INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text);
   END;
   CREATE TRIGGER articles_au AFTER UPDATE OF title, text ON articles BEGIN
     INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text);
     INSERT INTO articles_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
   END;
   CREATE TABLE analyses (
     story TEXT PRIMARY KEY,
     doc TEXT NOT NULL,
     created_at TEXT NOT NULL
   );
   CREATE TABLE state (
     key TEXT PRIMARY KEY,
     value TEXT NOT NULL,
     updated_at TEXT NOT NULL
   );`,
  // Incremental grouping: the step of the grouping that fed each article (null: awaiting grouping).
  `ALTER TABLE articles ADD COLUMN grouped INTEGER;
   CREATE INDEX articles_grouped ON articles(grouped);`,
  // The clusterer's state after a grouping step, so that a new process need not replay them all.
  `CREATE TABLE grouping_checkpoints (
     seq INTEGER PRIMARY KEY,
     version TEXT NOT NULL,
     articles INTEGER NOT NULL,
     data BLOB NOT NULL,
     made_at TEXT NOT NULL
   );`,
  // A checkpoint's bytes after its first mebibyte, in order (see checkpoint-parts.ts).
  `CREATE TABLE grouping_checkpoint_parts (
     seq INTEGER NOT NULL,
     part INTEGER NOT NULL,
     data BLOB NOT NULL,
     PRIMARY KEY (seq, part)
   );`,
];

/** How long a write waits for another process's to end before giving up. */
const BUSY_MS = 60_000;

/** A write transaction (BEGIN IMMEDIATE), its lock contention reported as the user's problem it is. */
function writing<T>(path: string, run: () => T): T {
  try {
    return run();
  } catch (err) {
    if ((err as { code?: string }).code?.startsWith('SQLITE_BUSY')) {
      throw new UserError(`database ${path} is busy: another process has held its write lock for over ${BUSY_MS / 1000} s; nothing of this write was saved, try again`);
    }
    throw err;
  }
}

export async function openSqliteStore(path: string): Promise<Store> {
  return new SqliteStore(path);
}

class SqliteStore implements Store {
  readonly kind = 'sqlite';
  private db!: Database.Database;
  private saves = 0;

  constructor(readonly path: string) {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    try {
      this.db = new Database(path);
      this.db.pragma('journal_mode = WAL');
      this.db.pragma('synchronous = NORMAL');
      // Another process's write (a batch, a grouping step) is waited for, up to a minute.
      this.db.pragma(`busy_timeout = ${BUSY_MS}`);
      this.migrate();
    } catch (err) {
      if (err instanceof UserError) throw err;
      throw new UserError(`cannot open database ${path}: ${(err as Error).message}`);
    }
  }

  private migrate(): void {
    // The version is read inside a write transaction (BEGIN IMMEDIATE): two processes opening a
    // new file at once take turns, and the second finds the schema the first made.
    this.db.transaction(() => {
      const version = this.db.pragma('user_version', { simple: true }) as number;
      if (version > MIGRATIONS.length) {
        throw new UserError(`database ${this.path} has schema version ${version}, newer than this Parallax (${MIGRATIONS.length})`);
      }
      for (let v = version; v < MIGRATIONS.length; v++) {
        this.db.exec(MIGRATIONS[v]);
        this.db.pragma(`user_version = ${v + 1}`);
      }
    }).immediate();
  }

  /** The upsert's statements, prepared once rather than for every article of every batch. */
  private upsertStatements?: { find: Database.Statement; update: Database.Statement; dropAnalysis: Database.Statement; insert: Database.Statement };

  private upsertOne(a: Article, now: string): UpsertResult {
    const q = (this.upsertStatements ??= {
      find: this.db.prepare('SELECT content_hash, story FROM articles WHERE id = ?'),
      update: this.db.prepare(`UPDATE articles SET content_hash=?, source=?, url=?, title=?, published=?, language=?, text=?, doc=?, updated_at=? WHERE id=?`),
      dropAnalysis: this.db.prepare('DELETE FROM analyses WHERE story = ?'),
      insert: this.db.prepare(
        `INSERT INTO articles (id, content_hash, source, url, title, published, language, text, doc, ingested_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
    });
    const row = q.find.get(a.id) as { content_hash: string; story: string | null } | undefined;
    if (row && row.content_hash === a.contentHash) return 'unchanged';
    const doc = JSON.stringify(a);
    if (row) {
      q.update.run(a.contentHash, a.source, a.url, a.title, a.published, a.language, a.text, doc, now, a.id);
      // The story's cached analysis no longer matches its articles.
      if (row.story) q.dropAnalysis.run(row.story);
      return 'updated';
    }
    q.insert.run(a.id, a.contentHash, a.source, a.url, a.title, a.published, a.language, a.text, doc, now, now);
    return 'inserted';
  }

  async upsertArticle(article: Article): Promise<UpsertResult> {
    return (await this.upsertArticles([article]))[0];
  }

  async upsertArticles(articles: Article[]): Promise<UpsertResult[]> {
    const now = new Date().toISOString();
    // IMMEDIATE: the write lock is taken before the first read, so a concurrent writer makes this
    // one wait (busy_timeout) instead of failing it with SQLITE_BUSY_SNAPSHOT half-way.
    return writing(this.path, () => this.db.transaction(() => articles.map((a) => this.upsertOne(a, now))).immediate());
  }

  async getArticle(id: string): Promise<Article | null> {
    const row = this.db.prepare('SELECT doc FROM articles WHERE id = ?').get(id) as { doc: string } | undefined;
    return row ? (JSON.parse(row.doc) as Article) : null;
  }

  async listArticles(options: { story?: string; source?: string; limit?: number; offset?: number } = {}): Promise<Article[]> {
    const where: string[] = [];
    const args: unknown[] = [];
    if (options.story) { where.push('story = ?'); args.push(options.story); }
    if (options.source) { where.push('source = ?'); args.push(options.source); }
    const sql = `SELECT doc FROM articles ${where.length ? 'WHERE ' + where.join(' AND ') : ''}
                 ORDER BY published IS NULL, published, id LIMIT ? OFFSET ?`;
    args.push(options.limit ?? -1, options.offset ?? 0);
    return (this.db.prepare(sql).all(...args) as { doc: string }[]).map((r) => JSON.parse(r.doc) as Article);
  }

  async *iterateForGrouping(): AsyncIterable<ClusterDoc> {
    // A snapshot first (ids in order), then rows by id in pages: the iteration holds no
    // statement open across awaits, so writers are never blocked by a long regrouping.
    const ids = (this.db.prepare('SELECT id FROM articles ORDER BY published IS NULL, published, id').pluck().all() as string[]);
    const get = this.db.prepare('SELECT id, title, text, published, source, url FROM articles WHERE id = ?');
    for (const id of ids) {
      const row = get.get(id) as ClusterDoc | undefined;
      if (row) yield row;
    }
  }

  async groupingState(): Promise<GroupingState> {
    return this.readGroupingState();
  }

  private readGroupingState(): GroupingState {
    const row = this.db.prepare('SELECT value FROM state WHERE key = ?').get(GROUPING_KEY) as { value: string } | undefined;
    const pending = (this.db.prepare('SELECT count(*) AS n FROM articles WHERE grouped IS NULL').get() as { n: number }).n;
    const saved = row ? (JSON.parse(row.value) as { seq: number; base: number; version?: string }) : { seq: 0, base: 0 };
    return { seq: saved.seq, base: saved.base, version: saved.version ?? null, pending };
  }

  async *iteratePending(): AsyncIterable<ClusterDoc> {
    const ids = this.db.prepare('SELECT id FROM articles WHERE grouped IS NULL ORDER BY published IS NULL, published, id').pluck().all() as string[];
    const get = this.db.prepare('SELECT id, title, text, published, source, url FROM articles WHERE id = ? AND grouped IS NULL');
    for (const id of ids) {
      const row = get.get(id) as ClusterDoc | undefined;
      if (row) yield row;
    }
  }

  async *iterateGrouped(after: number): AsyncIterable<{ doc: ClusterDoc; seq: number }> {
    const rows = this.db
      .prepare('SELECT id, grouped FROM articles WHERE grouped > ? ORDER BY grouped, published IS NULL, published, id')
      .all(after) as { id: string; grouped: number }[];
    const get = this.db.prepare('SELECT id, title, text, published, source, url FROM articles WHERE id = ?');
    for (const { id, grouped } of rows) {
      const doc = get.get(id) as ClusterDoc | undefined;
      if (doc) yield { doc, seq: grouped };
    }
  }

  async commitGrouping(step: GroupingStep): Promise<boolean> {
    const mark = this.db.prepare('UPDATE articles SET grouped = ? WHERE id = ?');
    return writing(this.path, () => this.db.transaction(() => {
      const now = this.readGroupingState();
      if (now.seq !== step.expect) return false;
      for (const id of step.fed) mark.run(step.seq, id);
      this.applyAssignments(step.assignments);
      this.db
        .prepare('INSERT OR REPLACE INTO state (key, value, updated_at) VALUES (?, ?, ?)')
        .run(GROUPING_KEY, JSON.stringify({ seq: step.seq, base: step.base ? step.seq : now.base, version: step.version }), new Date().toISOString());
      return true;
    }).immediate());
  }

  async storiesWithoutAnalysis(limit: number): Promise<string[]> {
    return this.db
      .prepare(
        `SELECT story FROM articles a WHERE story IS NOT NULL AND NOT EXISTS (SELECT 1 FROM analyses n WHERE n.story = a.story)
         GROUP BY story ORDER BY count(DISTINCT coalesce(source, id)) DESC, count(*) DESC, max(published) DESC, story LIMIT ?`,
      )
      .pluck()
      .all(limit) as string[];
  }

  async groupingCheckpoint(): Promise<GroupingCheckpoint | null> {
    const row = this.db.prepare('SELECT seq, version, articles, data FROM grouping_checkpoints ORDER BY seq DESC LIMIT 1').get() as GroupingCheckpoint | undefined;
    if (!row) return null;
    const rest = this.db.prepare('SELECT data FROM grouping_checkpoint_parts WHERE seq = ? ORDER BY part').pluck().all(row.seq) as Buffer[];
    return rest.length ? { ...row, data: Buffer.concat([row.data, ...rest]) } : row;
  }

  async saveGroupingCheckpoint(c: GroupingCheckpointToSave): Promise<void> {
    writing(this.path, () => this.db.transaction(() => {
      this.db.prepare('DELETE FROM grouping_checkpoint_parts WHERE seq <= ?').run(c.seq);
      const head = this.db.prepare('INSERT OR REPLACE INTO grouping_checkpoints (seq, version, articles, data, made_at) VALUES (?, ?, ?, ?, ?)');
      const part = this.db.prepare('INSERT INTO grouping_checkpoint_parts (seq, part, data) VALUES (?, ?, ?)');
      let i = 0;
      for (const bytes of checkpointParts(c.data)) {
        if (i === 0) head.run(c.seq, c.version, c.articles, bytes, new Date().toISOString());
        else part.run(c.seq, i, bytes);
        i++;
      }
      this.db.prepare('DELETE FROM grouping_checkpoints WHERE seq < ?').run(c.seq);
    }).immediate());
  }

  async countArticles(): Promise<number> {
    return (this.db.prepare('SELECT count(*) AS n FROM articles').get() as { n: number }).n;
  }

  async assignStories(assignments: Map<string, string> | [string, string][]): Promise<void> {
    writing(this.path, () => this.db.transaction(() => this.applyAssignments(assignments)).immediate());
  }

  /** Sets each article's story, dropping the cached analyses of the stories it left and joined. */
  private applyAssignments(assignments: Iterable<[string, string]>): void {
    const get = this.db.prepare('SELECT story FROM articles WHERE id = ?');
    const set = this.db.prepare('UPDATE articles SET story = ? WHERE id = ?');
    const drop = this.db.prepare('DELETE FROM analyses WHERE story = ?');
    for (const [id, story] of assignments) {
      const row = get.get(id) as { story: string | null } | undefined;
      if (!row || row.story === story) continue;
      set.run(story, id);
      if (row.story) drop.run(row.story);
      drop.run(story);
    }
  }

  async storyOf(articleId: string): Promise<string | null> {
    const row = this.db.prepare('SELECT story FROM articles WHERE id = ?').get(articleId) as { story: string | null } | undefined;
    return row?.story ?? null;
  }

  async listStories(options: { limit?: number; offset?: number } = {}): Promise<StoredStory[]> {
    const rows = this.db
      .prepare(
        `SELECT story AS id, count(*) AS articleCount, count(DISTINCT coalesce(source, id)) AS sourceCount,
                min(CASE WHEN published GLOB '[0-9]*' THEN published END) AS first, max(CASE WHEN published GLOB '[0-9]*' THEN published END) AS last
         FROM articles a WHERE story IS NOT NULL GROUP BY story
         ORDER BY count(DISTINCT coalesce(source, id)) DESC, count(*) DESC, max(published) DESC, story
         LIMIT ? OFFSET ?`,
      )
      .all(options.limit ?? -1, options.offset ?? 0) as Omit<StoredStory, 'title'>[];
    // Each story's headlines in publication order, for the one title rule (`centralTitle`).
    const titles = new Map<string, string[]>();
    const all = options.limit === undefined && !options.offset;
    const select = `SELECT story, title FROM articles WHERE title IS NOT NULL AND story IS NOT NULL`;
    const order = `ORDER BY story, published IS NULL, published, id`;
    const found = all
      ? this.db.prepare(`${select} ${order}`).all()
      : rows.length
        ? this.db.prepare(`${select} AND story IN (SELECT value FROM json_each(?)) ${order}`).all(JSON.stringify(rows.map((r) => r.id)))
        : [];
    for (const { story, title } of found as { story: string; title: string }[]) {
      const list = titles.get(story);
      if (list) list.push(title);
      else titles.set(story, [title]);
    }
    return rows.map((r) => ({ ...r, title: centralTitle(titles.get(r.id) ?? []) ?? '(untitled)' }));
  }

  async saveEnrichments(articles: Article[]): Promise<void> {
    const update = this.db.prepare('UPDATE articles SET doc = ? WHERE id = ? AND content_hash = ?');
    this.db.transaction(() => {
      for (const a of articles) update.run(JSON.stringify(a), a.id, a.contentHash);
    })();
  }

  async saveAnalysis(story: Story): Promise<void> {
    this.db
      .prepare('INSERT OR REPLACE INTO analyses (story, doc, created_at) VALUES (?, ?, ?)')
      .run(story.id, JSON.stringify(story), `${new Date().toISOString()}#${++this.saves}`);
  }

  async getAnalysis(storyId: string): Promise<Story | null> {
    const row = this.db.prepare('SELECT doc FROM analyses WHERE story = ?').get(storyId) as { doc: string } | undefined;
    return row ? (JSON.parse(row.doc) as Story) : null;
  }

  async analysisStamp(storyId: string): Promise<string | null> {
    const row = this.db.prepare('SELECT created_at FROM analyses WHERE story = ?').get(storyId) as { created_at: string } | undefined;
    return row?.created_at ?? null;
  }

  async clearAnalyses(): Promise<void> {
    this.db.prepare('DELETE FROM analyses').run();
  }

  async search(query: string, options: { limit?: number } = {}): Promise<SearchHit[]> {
    const match = toFtsQuery(query);
    if (!match) return [];
    return this.db
      .prepare(
        `SELECT a.id, a.title, a.source, a.story, snippet(articles_fts, 1, '[', ']', '…', 12) AS snippet
         FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid
         WHERE articles_fts MATCH ? ORDER BY bm25(articles_fts, 5.0, 1.0) LIMIT ?`,
      )
      .all(match, options.limit ?? 20) as SearchHit[];
  }

  async getState<T = unknown>(key: string): Promise<T | null> {
    const row = this.db.prepare('SELECT value FROM state WHERE key = ?').get(key) as { value: string } | undefined;
    return row ? (JSON.parse(row.value) as T) : null;
  }

  async setState(key: string, value: unknown): Promise<void> {
    this.db
      .prepare('INSERT OR REPLACE INTO state (key, value, updated_at) VALUES (?, ?, ?)')
      .run(key, JSON.stringify(value), new Date().toISOString());
  }

  async listState<T = unknown>(prefix: string): Promise<{ key: string; value: T }[]> {
    // Range scan instead of LIKE, so `_` and `%` in keys (URLs) are taken literally.
    const rows = this.db
      .prepare('SELECT key, value FROM state WHERE key >= ? AND key < ? ORDER BY key')
      .all(prefix, prefix + '\uffff') as { key: string; value: string }[];
    return rows.map((r) => ({ key: r.key, value: JSON.parse(r.value) as T }));
  }

  async close(): Promise<void> {
    this.db.close();
  }
}

/**
 * Turns a user's query into an FTS5 expression: words are ANDed, "quoted phrases" kept, and
 * FTS syntax characters neutralised so that a query like `C++ (draft)` cannot error.
 */
export function toFtsQuery(query: string): string {
  const parts: string[] = [];
  const re = /"([^"]+)"|([\p{L}\p{N}][\p{L}\p{N}'’.-]*)/gu;
  for (const m of query.matchAll(re)) {
    const text = (m[1] ?? m[2]).replace(/"/g, '').trim();
    if (text) parts.push(`"${text}"`);
  }
  return parts.join(' AND ');
}
