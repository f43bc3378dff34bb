import 'reflect-metadata';
import { createApiApp } from './app.factory';
import { loadApiConfig } from './config/api-config';

async function main() {
  const config = loadApiConfig();
  const app = await createApiApp(config);
  await app.listen({ port: config.API_PORT, host: config.API_HOST });
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
