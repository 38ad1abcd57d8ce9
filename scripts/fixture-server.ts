/** A local web server for the demo and the end-to-end tests: fixture pages on 127.0.0.1 only. */
import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { join, normalize } from 'node:path';
import type { AddressInfo } from 'node:net';

export const PAGES_DIR = join(import.meta.dirname, '..', 'tests', 'fixtures', 'pages');

export interface FixtureServer {
  origin: string;
  url(path: string): string;
  /** Serve generated content at a path (hostile and huge pages made by the tests). */
  route(path: string, body: string | Buffer, contentType?: string, headers?: Record<string, string>): void;
  close(): Promise<void>;
}

export async function startFixtureServer(): Promise<FixtureServer> {
  const routes = new Map<
    string,
    { body: string | Buffer; contentType: string; headers: Record<string, string> }
  >();
  const server: Server = createServer((request, response) => {
    void (async () => {
      const path = decodeURIComponent(new URL(request.url ?? '/', 'http://127.0.0.1').pathname);
      const routed = routes.get(path);
      if (routed) {
        response.writeHead(200, {
          ...routed.headers,
          'content-type': routed.contentType,
          'cache-control': 'no-store',
        });
        response.end(routed.body);
        return;
      }
      const file = normalize(join(PAGES_DIR, path.replace(/^\/pages\//, '')));
      if (!path.startsWith('/pages/') || !file.startsWith(PAGES_DIR)) {
        response.writeHead(404, { 'content-type': 'text/plain' });
        response.end('not found');
        return;
      }
      try {
        const body = await readFile(file);
        response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
        response.end(body);
      } catch {
        response.writeHead(404, { 'content-type': 'text/plain' });
        response.end('not found');
      }
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    url: (path) => `${origin}${path}`,
    route: (path, body, contentType = 'text/html; charset=utf-8', headers = {}) =>
      routes.set(path, { body, contentType, headers }),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
