import helmet from '@fastify/helmet';
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
 * Security headers on every answer (nosniff, frame-ancestors, the CSP above, no referrer across
 * origins), and `Cache-Control: no-store` on JSON, whose answers are a signed-in person's data and
 * must not stay in a shared or browser cache.
 */
export async function registerSecurityHeaders(app: NestFastifyApplication): Promise<void> {
  await app.register(helmet, {
    contentSecurityPolicy: { useDefaults: false, directives: API_CSP },
    crossOriginEmbedderPolicy: false,
    referrerPolicy: { policy: 'no-referrer' },
  });
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onSend', async (_request, reply, payload) => {
      const type = String(reply.getHeader('content-type') ?? '');
      if (type.includes('json') && !reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
      return payload;
    });
}
