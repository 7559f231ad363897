/**
 * Serves the app on a real port: 127.0.0.1 by default, so nothing outside the machine can reach
 * it unless the user asks for another address.
 *
 * @module
 */
import { serve } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import type { Store } from '../../store/types.js';
import { createApp, type AppOptions } from './app.js';

export interface ServerOptions extends AppOptions {
  store: Store;
  host?: string;
  port?: number;
}

export async function startServer(options: ServerOptions): Promise<{ url: string; close(): Promise<void> }> {
  const app = createApp(options.store, options);
  const host = options.host ?? '127.0.0.1';
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, hostname: host, port: options.port ?? 8747 }, (info: AddressInfo) => {
      const shown = info.family === 'IPv6' ? `[${info.address}]` : info.address;
      resolve({ url: `http://${shown}:${info.port}`, close: () => new Promise((r) => server.close(() => r())) });
    });
    server.on('error', reject);
  });
}
