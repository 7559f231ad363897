/** A real HTTP server on 127.0.0.1 serving fixture feeds and pages, its routes set by each test. */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export type Route = (req: http.IncomingMessage, res: http.ServerResponse) => void;

export async function fixtureServer(): Promise<{ url: string; routes: Map<string, Route>; hits: string[]; close(): Promise<void> }> {
  const routes = new Map<string, Route>();
  const hits: string[] = [];
  const server = http.createServer((req, res) => {
    hits.push(req.url ?? '');
    const route = routes.get((req.url ?? '').split('?')[0]);
    if (route) route(req, res);
    else { res.writeHead(404); res.end('not found'); }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, routes, hits, close: () => new Promise((r) => { server.closeAllConnections(); server.close(() => r()); }) };
}

export const page = (title: string, body: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title} | Test Herald</title><meta property="og:site_name" content="Test Herald"></head><body><nav><a href="/">Home</a> <a href="/world">World</a></nav><article><h1>${title}</h1>${body.split('\n').map((p) => `<p>${p}</p>`).join('')}</article><footer>Subscribe to our newsletter</footer></body></html>`;
