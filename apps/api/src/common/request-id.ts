import type { IncomingMessage } from 'node:http';
import { randomUUID } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';

/** What a caller's X-Request-Id may look like to be kept (a proxy's or a client's trace id); anything else is replaced. */
const SANE_REQUEST_ID = /^[A-Za-z0-9._-]{1,100}$/;

/** The request's id: the caller's X-Request-Id when sane, else a fresh UUID. Fastify's id, and so every log line's. */
export function requestIdOf(req: IncomingMessage): string {
  const given = req.headers['x-request-id'];
  return typeof given === 'string' && SANE_REQUEST_ID.test(given) ? given : randomUUID();
}

/** Every answer names its request (X-Request-Id), so a person reporting a problem can quote it and support can find its logs. */
export function echoRequestId(app: NestFastifyApplication): void {
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onRequest', (request, reply, done) => {
      void reply.header('x-request-id', request.id);
      done();
    });
}
