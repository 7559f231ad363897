/**
 * Serves the app on a real port: 127.0.0.1 by default, so nothing outside the machine can reach
 * it unless the user asks for another address.
 *
 * @module
 */
import { serve } from '@hono/node-server';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Store } from '../../store/types.js';
import { createApp, type AppOptions } from './app.js';

export interface ServerOptions extends AppOptions {
  store: Store;
  /** Address to bind; 127.0.0.1 by default. */
  host?: string;
  /** Port; 8747 by default, 0 for a free one. */
  port?: number;
}

/** A running server: its base URL (no trailing slash) and how to stop it. */
export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const app = createApp(options.store, { warm: true, ...options });
  const host = options.host ?? '127.0.0.1';
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, hostname: host, port: options.port ?? 8747 }, (info: AddressInfo) => {
      const shown = info.family === 'IPv6' ? `[${info.address}]` : info.address;
      resolve({ url: `http://${shown}:${info.port}`, close: () => stop(server as Server) });
    });
    server.once('error', reject);
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
