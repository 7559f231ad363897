/** A real HTTP server on 127.0.0.1 serving fixture feeds and pages, its routes set by each test. */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FetchOptions } from '../../src/ingest/web/http.js';

export type Route = (req: http.IncomingMessage, res: http.ServerResponse) => void;

export interface FixtureServer {
  url: string;
  port: number;
  routes: Map<string, Route>;
  /** Request paths in arrival order. */
  hits: string[];
  /** Request headers in arrival order. */
  headers: http.IncomingHttpHeaders[];
  /** Requests in flight right now, and the most seen at once. */
  inFlight: { now: number; max: number };
  close(): Promise<void>;
}

export async function fixtureServer(): Promise<FixtureServer> {
  const routes = new Map<string, Route>();
  const hits: string[] = [];
  const headers: http.IncomingHttpHeaders[] = [];
  const inFlight = { now: 0, max: 0 };
  const server = http.createServer((req, res) => {
    hits.push(req.url ?? '');
    headers.push(req.headers);
    inFlight.now++;
    inFlight.max = Math.max(inFlight.max, inFlight.now);
    res.on('close', () => inFlight.now--);
    const route = routes.get((req.url ?? '').split('?')[0]);
    if (route) route(req, res);
    else { res.writeHead(404, { 'content-type': 'text/plain' }); res.end('not found'); }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    routes,
    hits,
    headers,
    inFlight,
    close: () => new Promise((r) => { server.closeAllConnections(); server.close(() => r()); }),
  };
}

/** A news page with chrome around the article, as outlets serve them. */
export const page = (title: string, body: string, extraHead = '') =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title} | Test Herald</title><meta property="og:site_name" content="Test Herald">${extraHead}</head><body><nav><a href="/">Home</a> <a href="/world">World</a></nav><article><h1>${title}</h1>${body.split('\n').map((p) => `<p>${p}</p>`).join('')}</article><footer>Subscribe to our newsletter</footer></body></html>`;

/** Options for fetching from the test server: its address permitted, no politeness delay. */
export const LOCAL = { allowPrivate: ['127.0.0.1'], hostDelayMs: 0 } satisfies FetchOptions;
