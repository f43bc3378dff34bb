import pino from 'pino';
import { loadWorkerConfig } from '../../apps/worker/src/config/worker-config';
import { startWorker, type RunningWorker } from '../../apps/worker/src/worker';
import { readTestEnv } from '../setup/test-env';

/** One more real worker in this process, on this run's queue, sending through `smtpUrl` (the sink by default). */
export function startMailWorker(smtpUrl?: string): Promise<RunningWorker> {
  const env = readTestEnv();
  const level = process.env['E2E_LOG_LEVEL'] ?? 'silent';
  return startWorker(
    loadWorkerConfig({
      DATABASE_URL: env.appUrl,
      REDIS_URL: env.redisUrl,
      DATA_ENCRYPTION_KEY: 'e2e-secret-that-is-long-enough-0123456789',
      LOG_LEVEL: level,
      SMTP_URL: smtpUrl ?? `smtp://127.0.0.1:${env.smtpPort}`,
      RELAY_INTERVAL_MS: '50',
      QUEUE_PREFIX: env.queuePrefix,
    }),
    pino({ level }),
  );
}
