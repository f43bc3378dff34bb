import 'reflect-metadata';
import pino from 'pino';
import { loadWorkerConfig } from './config/worker-config';
import { lowerPriority } from './cpu-priority';
import { startWorker } from './worker';

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
