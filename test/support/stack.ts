import 'reflect-metadata';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { createApiApp } from '../../apps/api/src/app.factory';
import { loadApiConfig } from '../../apps/api/src/config/api-config';
import { loadWorkerConfig } from '../../apps/worker/src/config/worker-config';
import { startWorker, type RunningWorker } from '../../apps/worker/src/worker';
import { readTestEnv } from '../setup/test-env';
import { Api } from '@candor/testing';

export interface Stack {
  api: Api;
  app: NestFastifyApplication;
  worker: RunningWorker | null;
  webUrl: string;
  close(): Promise<void>;
}

/** The test stacks' JWT and data-encryption secret (tests unseal outbox secrets with it). */
export const SECRET = 'e2e-secret-that-is-long-enough-0123456789';

/** The real API (on a free port) and, unless told otherwise, the real worker, in this process. */
export async function startStack(
  options: { env?: Record<string, string>; worker?: boolean; beforeListen?: (app: NestFastifyApplication) => void } = {},
): Promise<Stack> {
  const env = readTestEnv();
  // Uploads land in a temporary folder, never in the checkout; removed when the stack stops.
  const uploadDir = options.env?.['UPLOAD_DIR'] ? null : mkdtempSync(join(tmpdir(), 'candor-e2e-uploads-'));
  const shared = {
    DATABASE_URL: env.appUrl,
    REDIS_URL: env.redisUrl,
    DATA_ENCRYPTION_KEY: SECRET,
    LOG_LEVEL: process.env['E2E_LOG_LEVEL'] ?? 'silent',
    // Webhook host names resolve from this list alone: no DNS query leaves the machine for a name a test (or the fuzz) made up.
    WEBHOOK_HOSTS: 'localhost=127.0.0.1,hooks.e2e.test=127.0.0.1',
    // Stacks live through many files' lulls: connections close after 10 s idle, as before the 600-s default, so that
    // two jest workers' stacks straight to PostgreSQL (TEST_PGBOUNCER=0) stay far from max_connections.
    DATABASE_POOL_IDLE_SECONDS: '10',
    ...(uploadDir ? { UPLOAD_DIR: uploadDir } : {}),
    ...options.env,
  };
  const webUrl = 'http://candor.test';
  const app = await createApiApp(
    loadApiConfig({
      NODE_ENV: 'test',
      DATABASE_PREPARED_STATEMENTS: String(!env.pooled),
      WEB_URL: webUrl,
      JWT_SECRET: SECRET,
      LOGIN_LIMIT_PER_IP: '10000',
      AUTH_LIMIT_PER_IP: '10000',
      // argon2 at 4 MiB: the suite hashes and checks hundreds of passwords (a stack told to run as
      // production keeps the defaults: the config refuses a lower cost there).
      ...(options.env?.['NODE_ENV'] && options.env['NODE_ENV'] !== 'test' ? {} : { PASSWORD_HASH_MEMORY_KIB: '4096' }),
      // Each stack counts its own attempts in the shared Redis, unless a test shares counters on purpose.
      RATE_LIMIT_REDIS_PREFIX: `${env.queuePrefix}:rl:${randomUUID().slice(0, 8)}:`,
      ...shared,
      ...options.env,
    }),
  );
  options.beforeListen?.(app);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const worker =
    options.worker === false
      ? null
      : await startWorker(
          loadWorkerConfig({
            SMTP_URL: `smtp://127.0.0.1:${env.smtpPort}`,
            RELAY_INTERVAL_MS: '50',
            QUEUE_PREFIX: env.queuePrefix,
            ...shared,
          }),
          pino({ level: shared.LOG_LEVEL }),
        );
  return {
    api: new Api(await app.getUrl()),
    app,
    worker,
    webUrl,
    async close() {
      await worker?.close();
      await app.close();
      if (uploadDir) rmSync(uploadDir, { recursive: true, force: true });
    },
  };
}
