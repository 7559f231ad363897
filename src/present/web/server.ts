/**
 * Serves the app on a real port: 127.0.0.1 by default, so nothing outside the machine can reach
 * it unless the user asks for another address.
 *
 * Binding to the loopback address is not enough on its own: a web page can make its own domain
 * name resolve to 127.0.0.1 (DNS rebinding) and then read this server as if it were its own. Such
 * requests carry the page's domain in their Host header, so a server that is not started public
 * answers only the Host values that name the address it is bound to (or localhost) with its port,
 * and refuses every other one with a 421 and a one-line reason.
 *
 * @module
 */
import { serve } from '@hono/node-server';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { networkInterfaces } from 'node:os';
import type { Store } from '../../store/types.js';
import { createAnalysisPool, storeSpecOf, type AnalysisPoolOptions } from '../../pipeline/analysis-pool.js';
import { createApp, type AppOptions } from './app.js';
import { startPreparer, type Preparer, type PreparerOptions } from './preparer.js';

export interface ServerOptions extends AppOptions {
  store: Store;
  /**
   * How story analyses are run: on `threads` worker threads (2 by default), each opening its own
   * connection to `spec` (the SQLite file's path, found from the store itself; a PostgreSQL
   * store's URL must be given), at most `queue` waiting (8), each within `budgetMs` (60 s). A
   * request beyond the queue is answered 503 with Retry-After. Without a store to open, analyses
   * run on the server's thread.
   */
  analysis?: AnalysisPoolOptions;
  /**
   * Analyse stories ahead of the readers while the analysis pool stands idle (see `preparer.ts`);
   * off by default, on in `parallax serve`.
   */
  prepare?: boolean | PreparerOptions;
  /** Address to bind; 127.0.0.1 by default. */
  host?: string;
  /** Port; 8747 by default, 0 for a free one. */
  port?: number;
  /**
   * Answers requests whatever their Host header names (behind a reverse proxy, or reached by a
   * domain name). Off by default: only the bound address and localhost, with the port, are answered.
   */
  public?: boolean;
}

/** A running server: its base URL (no trailing slash) and how to stop it. */
export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

/** A Host value's name, lower case, without brackets, port or trailing dot; and its port ('' for none). */
function splitHost(value: string): { name: string; port: string } | null {
  const m = /^(?:\[([0-9a-f:.]+(?:%[\w.-]+)?)\]|([^:[\]]+))(?::(\d{1,5}))?$/i.exec(value.trim());
  if (!m) return null;
  return { name: (m[1] ?? m[2]).toLowerCase().replace(/\.$/, ''), port: m[3] ?? '' };
}

/** The names a request may give in its Host header to reach a server bound to `bound`. */
function namesFor(bound: string): Set<string> {
  const names = new Set(['localhost', '127.0.0.1', '::1', bound.toLowerCase().replace(/^\[|\]$/g, '').replace(/\.$/, '')]);
  // A wildcard address listens on every interface: each of the machine's own addresses names it.
  if (bound === '0.0.0.0' || bound === '::' || bound === '') {
    for (const list of Object.values(networkInterfaces())) for (const i of list ?? []) names.add(i.address.toLowerCase());
  }
  return names;
}

/** Why a request's Host header does not name this server, or null when it does. */
export function hostRefusal(value: string | null, names: Set<string>, port: number): string | null {
  // Browsers always send a Host; a request without one is no page's.
  if (value === null) return null;
  const h = splitHost(value);
  if (!h) return 'the Host header is malformed';
  if (!names.has(h.name)) return `the Host header "${value.slice(0, 100).replace(/[^\x20-\x7e]/g, '?')}" names neither this server's address nor localhost (serve --public answers any name)`;
  if (h.port ? Number(h.port) !== port : port !== 80) return `this server listens on port ${port}, not ${h.port || 80}`;
  return null;
}

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  // The first view of a story analyses it, which takes seconds on a big one: on threads, the
  // server meanwhile answers every other request.
  const analyses = createAnalysisPool(options.store, { ...options.analysis, spec: options.analysis?.spec ?? storeSpecOf(options.store) });
  let preparer: Preparer | null = null;
  const app = createApp(options.store, { warm: true, ...options, analyses, onCollectionChange: () => preparer?.nudge() });
  const host = options.host ?? '127.0.0.1';
  const names = namesFor(host);
  let port = -1;
  const fetch = (req: Request, env: unknown): Response | Promise<Response> => {
    if (!options.public) {
      const refusal = hostRefusal(req.headers.get('host'), names, port);
      if (refusal) {
        const message = `misdirected request: ${refusal}`;
        return new URL(req.url).pathname.startsWith('/api/')
          ? Response.json({ status: 421, message }, { status: 421 })
          : new Response(message + '\n', { status: 421, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
      }
    }
    return app.fetch(req, env);
  };
  return new Promise((resolve, reject) => {
    const server = serve({ fetch, hostname: host, port: options.port ?? 8747 }, (info: AddressInfo) => {
      port = info.port;
      if (options.prepare) preparer = startPreparer(options.store, analyses, options.prepare === true ? {} : options.prepare);
      const shown = info.family === 'IPv6' ? `[${info.address}]` : info.address;
      resolve({ url: `http://${shown}:${info.port}`, close: () => stop(server as Server).then(() => {
          preparer?.stop();
          return analyses.close();
        }) });
    });
    server.once('error', (err) => {
      void analyses.close();
      reject(err);
    });
  });
}

/** Stops accepting, lets requests in flight finish for a moment, then drops what is left (keep-alive clients). */
function stop(server: Server): Promise<void> {
  return new Promise((resolve) => {
    const force = setTimeout(() => server.closeAllConnections(), 2000);
    server.close(() => {
      clearTimeout(force);
      resolve();
    });
    server.closeIdleConnections();
  });
}
