import 'reflect-metadata';
import { setPriority } from 'node:os';
import pino from 'pino';
import { loadWorkerConfig } from './config/worker-config';
import { startWorker } from './worker';

/**
 * Emails can wait a few hundred milliseconds; the API's requests should not. On a host shared with
 * the API, a burst of sends would otherwise take CPU from requests (p95 x3.7 in the bench).
 */
function lowerPriority(nice: number, logger: pino.Logger): void {
  try {
    setPriority(nice);
  } catch (error) {
    // Raising priority (nice < 0) needs privileges; the worker runs anyway.
    logger.warn({ err: error, nice }, "could not set the worker's CPU priority");
  }
}

async function main() {
  const config = loadWorkerConfig();
  const logger = pino({ level: config.LOG_LEVEL });
  lowerPriority(config.WORKER_NICE, logger);
  const worker = await startWorker(config, logger);
  // SIGTERM (a deploy, docker stop): stop claiming, let in-flight sends finish and be recorded, exit.
  const stop = (signal: NodeJS.Signals) => {
    logger.info({ signal }, 'stopping: no new claims, finishing in-flight jobs');
    worker.close().then(
      () => {
        logger.info('worker stopped');
        process.exit(0);
      },
      (error: unknown) => {
        logger.error({ err: error }, 'worker did not stop cleanly');
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
