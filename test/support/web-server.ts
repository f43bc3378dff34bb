import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, request, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { securityHeaders } from '../../apps/web/build-tools/security-headers';

/** The built web app (apps/web/dist), as production serves it. */
export const WEB_DIST = resolve(__dirname, '..', '..', 'apps', 'web', 'dist');

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

export interface WebServer {
  url: string;
  /** Where /api and /health go; set once the API has a port (it needs this server's URL first, for email links). */
  proxyTo(apiUrl: string): void;
  close(): Promise<void>;
}

function sendFile(response: ServerResponse, file: string) {
  // The production headers (strict CSP): the browser tests run the app under the policy it ships with.
  response.writeHead(200, { ...securityHeaders, 'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream' });
  createReadStream(file).pipe(response);
}

/** A file of dist/ for the path, or index.html for the app's own routes (client-side routing). */
function resolveFile(root: string, pathname: string): string | null {
  const candidate = normalize(join(root, decodeURIComponent(pathname)));
  if (!candidate.startsWith(root + sep)) return null;
  if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  return extname(pathname) ? null : join(root, 'index.html');
}

function proxy(target: URL, incoming: IncomingMessage, response: ServerResponse) {
  const outgoing = request(
    new URL(incoming.url ?? '/', target),
    // The Host is kept, as the production proxies do (nginx `proxy_set_header Host $host`, Caddy): the API
    // tells an agency's address (custom domain, subdomain) by it.
    { method: incoming.method, headers: { ...incoming.headers } },
    (answer) => {
      response.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(response);
    },
  );
  outgoing.on('error', () => {
    if (!response.headersSent) response.writeHead(502);
    response.end();
  });
  incoming.pipe(outgoing);
}

/** A tiny static server for the browser tests: dist/ with a fallback to index.html, and /api proxied to the API. */
export async function startWebServer(root = WEB_DIST): Promise<WebServer> {
  if (!existsSync(join(root, 'index.html'))) {
    throw new Error(`${root}/index.html is missing: build the web app first (npx nx build @candor/web)`);
  }
  let api: URL | null = null;
  const server = createServer((incoming, response) => {
    const { pathname } = new URL(incoming.url ?? '/', 'http://web.invalid');
    if (pathname.startsWith('/api/') || pathname === '/health') {
      if (api) return proxy(api, incoming, response);
      response.writeHead(503).end();
      return;
    }
    const file = resolveFile(root, pathname);
    if (!file) {
      response.writeHead(404).end();
      return;
    }
    sendFile(response, file);
  });
  await new Promise<void>((resolveListen) => server.listen(0, '127.0.0.1', resolveListen));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    proxyTo(apiUrl) {
      api = new URL(apiUrl);
    },
    close: () =>
      new Promise<void>((resolveClose) => {
        server.closeAllConnections();
        server.close(() => resolveClose());
      }),
  };
}
