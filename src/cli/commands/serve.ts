import type { Command } from 'commander';
import { UserError } from '../../errors.js';
import { dbOption } from '../options.js';

export function register(program: Command): void {
  dbOption(
    program
      .command('serve')
      .description('serve the web page and the HTTP API over the store')
      .option('--host <host>', 'address to bind', '127.0.0.1')
      .option('--port <port>', 'port (0 picks a free one)', (v) => parseInt(v, 10), 8747)
      .option('--allow-ingest', 'enable POST /api/articles (requires --token or $PARALLAX_TOKEN)')
      .option('--token <token>', 'bearer token for the ingest endpoint'),
  ).action(async (opts: { db?: string; host: string; port: number; allowIngest?: boolean; token?: string }) => {
    const token = opts.token ?? process.env.PARALLAX_TOKEN;
    if (opts.allowIngest && (!token || token.length < 16)) throw new UserError('--allow-ingest needs a token of at least 16 characters (--token or $PARALLAX_TOKEN)');
    const { openStore } = await import('../../store/index.js');
    const { startServer } = await import('../../present/web/server.js');
    const store = await openStore(opts.db);
    let server;
    try {
      server = await startServer({ store, host: opts.host, port: opts.port, allowIngest: opts.allowIngest ? { token: token! } : undefined });
    } catch (err) {
      await store.close();
      throw new UserError(`cannot listen on ${opts.host}:${opts.port}: ${(err as Error).message}`);
    }
    console.log(`Parallax is serving at ${server.url}/  (Ctrl-C to stop)`);
    await new Promise<void>((resolve) => {
      for (const sig of ['SIGINT', 'SIGTERM'] as const) process.once(sig, () => resolve());
    });
    await server.close();
    await store.close();
  });
}
