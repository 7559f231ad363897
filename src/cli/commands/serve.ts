import type { Command } from 'commander';
import { UserError } from '../../errors.js';
import { dbOption } from '../options.js';

/** The ingest token must not be guessable in a few tries. */
const MIN_TOKEN = 16;

function portOf(v: string): number {
  const n = Number(v);
  if (!/^\d+$/.test(v) || n > 65535) throw new UserError(`--port "${v}" is not a port number (0 to 65535; 0 picks a free one)`);
  return n;
}

export function register(program: Command): void {
  dbOption(
    program
      .command('serve')
      .description('serve the web page and the HTTP API over the store (127.0.0.1 only, unless --host says otherwise)')
      .option('--host <host>', 'address to bind', '127.0.0.1')
      .option('--port <port>', 'port (0 picks a free one)', portOf, 8747)
      .option('--public', 'answer requests whatever host name they were sent to (behind a reverse proxy, or reached by a domain name); without it only the bound address and localhost, with the port, are answered, so that no web page can read the server through DNS rebinding')
      .option('--allow-ingest', `enable POST /api/articles, for requests bearing the token (--token or $PARALLAX_TOKEN, at least ${MIN_TOKEN} characters)`)
      .option('--token <token>', 'bearer token for the ingest endpoint (or $PARALLAX_TOKEN)')
      .option('--json', 'print {"url": …} when listening'),
  ).action(async (opts: { db?: string; host: string; port: number; public?: boolean; allowIngest?: boolean; token?: string; json?: boolean }) => {
    const token = opts.token ?? process.env.PARALLAX_TOKEN;
    if (opts.allowIngest && (!token || token.length < MIN_TOKEN)) throw new UserError(`--allow-ingest needs a token of at least ${MIN_TOKEN} characters (--token or $PARALLAX_TOKEN)`);
    if (!opts.allowIngest && opts.token) throw new UserError('--token is only used with --allow-ingest');
    const { openStore, resolveDbSpec } = await import('../../store/index.js');
    const { startServer } = await import('../../present/web/server.js');
    const store = await openStore(opts.db);
    let server;
    try {
      // The analysis threads open the same store by the same spec (a SQLite path or a PostgreSQL URL).
      server = await startServer({ store, host: opts.host, port: opts.port, public: !!opts.public, allowIngest: opts.allowIngest ? { token: token! } : undefined, analysis: { spec: resolveDbSpec(opts.db) }, prepare: true });
    } catch (err) {
      await store.close();
      throw new UserError(`cannot listen on ${opts.host}:${opts.port}: ${(err as Error).message}`);
    }
    // Listen for the stop before saying where we serve: whoever reads the address may stop us at once.
    const stopped = new Promise<void>((resolve) => {
      for (const sig of ['SIGINT', 'SIGTERM'] as const) process.once(sig, () => resolve());
    });
    // The biggest story's own address, so that the first thing to open is one click closer.
    const [top] = await store.listStories({ limit: 1 });
    const story = top ? `${server.url}/story/${encodeURIComponent(top.id)}` : null;
    if (opts.json) process.stdout.write(JSON.stringify({ url: `${server.url}/`, story, ingest: !!opts.allowIngest }) + '\n');
    else {
      console.log(`Parallax is serving at ${server.url}/  (Ctrl-C to stop)${opts.allowIngest ? '; POST /api/articles is open to the token' : ''}`);
      // A title is untrusted text: no control characters or bidi overrides reach the terminal.
      if (top && story) console.log(`The biggest story, "${top.title.replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, '')}": ${story}`);
    }
    await stopped;
    await server.close();
    await store.close();
  });
}
