import 'reflect-metadata';
import { loadWorkerConfig } from './config/worker-config';
import { startWorker } from './worker';

async function main() {
  const worker = await startWorker(loadWorkerConfig());
  const stop = async () => {
    await worker.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
