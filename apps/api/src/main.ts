import 'reflect-metadata';
import { createApiApp } from './app.factory';
import { loadApiConfig } from './config/api-config';

async function main() {
  const config = loadApiConfig();
  const app = await createApiApp(config);
  // SIGTERM closes the app (enableShutdownHooks). A backstop: should closing itself hang (a pool or a
  // client that never answers), the process still leaves a little after the grace period.
  process.once('SIGTERM', () => setTimeout(() => process.exit(1), config.SHUTDOWN_GRACE_MS + 5000).unref());
  await app.listen({ port: config.API_PORT, host: config.API_HOST });
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
