import helmet from 'helmet';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';

/**
 * The API's Content-Security-Policy: its own scripts only (the docs page loads swagger-ui's files from
 * /api/docs), inline styles and data: images (swagger-ui draws its icons that way), never framed.
 */
const API_CSP = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  fontSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'none'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

/**
 * The printable timesheet reports: their inline styles and the one `window.print()` button, by hash,
 * and nothing else (no scripts, no connections). Set by the report routes over the API's policy.
 */
export const REPORT_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-hashes' 'sha256-MguIPR6qNR8D3B+eAlK+bIRTZe8t3wkOY4B/56Me9FU='; " +
  "img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/**
 * The headers helmet sets under these options. They depend on no request, so helmet runs once, at boot,
 * into this map (its per-request middleware would build the same policy again for every answer).
 */
export function securityHeaders(): Readonly<Record<string, string>> {
  const headers = new Map<string, string>();
  const response = {
    setHeader: (name: string, value: string | number | readonly string[]) => headers.set(name.toLowerCase(), String(value)),
    removeHeader: (name: string) => headers.delete(name.toLowerCase()),
  };
  helmet({
    contentSecurityPolicy: { useDefaults: false, directives: API_CSP },
    crossOriginEmbedderPolicy: false,
    referrerPolicy: { policy: 'no-referrer' },
  })({} as IncomingMessage, response as unknown as ServerResponse, (error?: unknown) => {
    if (error instanceof Error) throw error;
  });
  return Object.freeze(Object.fromEntries(headers));
}

/**
 * Security headers on every answer (nosniff, frame-ancestors, the CSP above, no referrer across
 * origins), and `Cache-Control: no-store` on JSON, whose answers are a signed-in person's data and
 * must not stay in a shared or browser cache.
 */
export function registerSecurityHeaders(app: NestFastifyApplication): void {
  const headers = securityHeaders();
  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onRequest', (_request, reply, done) => {
    void reply.headers(headers);
    done();
  });
  fastify.addHook('onSend', (_request, reply, payload, done) => {
    const type = String(reply.getHeader('content-type') ?? '');
    if (type.includes('json') && !reply.hasHeader('cache-control')) void reply.header('cache-control', 'no-store');
    done(null, payload);
  });
}
