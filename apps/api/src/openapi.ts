import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildOpenApiDocument, createApiApp } from './app.factory';
import { loadApiConfig } from './config/api-config';
import { webhooksDocument } from './webhook-docs';

/** Writes apps/api/openapi.json, from which the web app's typed client is generated. */
async function main() {
  const placeholder = 'p'.repeat(32);
  const config = loadApiConfig({
    DATABASE_URL: 'postgres://unused@127.0.0.1:1/none',
    REDIS_URL: 'redis://127.0.0.1:1',
    WEB_URL: 'http://localhost',
    JWT_SECRET: placeholder,
    DATA_ENCRYPTION_KEY: placeholder,
    LOG_LEVEL: 'silent',
    ...process.env,
  });
  const app = await createApiApp(config, { connectDatabase: false });
  const file = join(__dirname, '..', 'openapi.json');
  const document = buildOpenApiDocument(app);
  writeFileSync(file, JSON.stringify(document, null, 2) + '\n');
  const webhooksFile = join(__dirname, '..', 'openapi-webhooks.json');
  writeFileSync(webhooksFile, JSON.stringify(webhooksDocument(document), null, 2) + '\n');
  await app.close();
  console.log(`wrote ${file} and ${webhooksFile}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
