import multipart from '@fastify/multipart';
import { ValidationPipe, VersioningType } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { useFastTimestamps } from '@candor/db';
import { AppModule } from './app.module';
import { API_KEY_SECURITY } from './common/access.decorators';
import { AllExceptionsFilter } from './common/errors/all-exceptions.filter';
import { ApiErrorBody, ApiErrorItem } from './common/errors/api-error';
import { HostileInputPipe } from './common/errors/hostile-input.pipe';
import { validationException } from './common/errors/validation-errors';
import { cacheValidationMetadata } from './common/validation/metadata-cache';
import { echoRequestId, requestIdOf } from './common/request-id';
import { applyResponseSchemas } from './common/response-schema';
import { registerSecurityHeaders } from './common/security-headers';
import type { ApiConfig } from './config/api-config';
import { usePasswordHashMemory } from './modules/auth/password-hash.util';
import { webhookOperations } from './webhook-docs';

/** Builds the API (not listening yet); used by main.ts, the OpenAPI exporter and the e2e tests. */
export async function createApiApp(config: ApiConfig, options: { connectDatabase?: boolean } = {}): Promise<NestFastifyApplication> {
  usePasswordHashMemory(config.PASSWORD_HASH_MEMORY_KIB);
  // Every list page reads several timestamps a row: read by their fixed shape, not by regular expressions.
  useFastTimestamps();
  // X-Forwarded-For counts only from the proxies named in TRUST_PROXY; with none, the peer address is the client.
  const trustProxy = config.TRUST_PROXY.length ? config.TRUST_PROXY : false;
  const adapter = new FastifyAdapter({ trustProxy, genReqId: requestIdOf, bodyLimit: 1_048_576 });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config, options), adapter, { bufferLogs: true });
  app.useLogger(app.get(Logger));
  echoRequestId(app);
  registerSecurityHeaders(app);
  // Multipart bodies are read by the route that wants them (deliverable versions), within these limits.
  await app.register(multipart, {
    preservePath: true,
    limits: { fileSize: config.UPLOAD_MAX_FILE_BYTES, files: config.UPLOAD_MAX_FILES, fields: 10, fieldSize: 20_000 },
  });
  app.setGlobalPrefix('api', { exclude: ['health', 'metrics'] });
  app.enableVersioning({ type: VersioningType.URI, defaultVersion: '1' });
  app.useGlobalFilters(new AllExceptionsFilter());
  cacheValidationMetadata();
  app.useGlobalPipes(
    new HostileInputPipe(),
    new ValidationPipe({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      stopAtFirstError: false,
      exceptionFactory: validationException,
    }),
  );
  app.enableShutdownHooks();
  const document = buildOpenApiDocument(app);
  applyResponseSchemas(document, config.RESPONSE_SCHEMAS);
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
  return app;
}

export function buildOpenApiDocument(app: NestFastifyApplication): OpenAPIObject {
  const options = new DocumentBuilder()
    .setTitle('Candor API')
    .setDescription('Client portal for virtual assistants: work logs, disclosures, remedies and offers.')
    .setVersion('1')
    .addBearerAuth()
    .addApiKey(
      {
        type: 'apiKey',
        in: 'header',
        name: 'X-Api-Key',
        description:
          "An integration's API key (`cnd_live_…`), created by an owner or manager under Settings > API keys. Send it as " +
          "`X-Api-Key: <key>` or `Authorization: Bearer <key>`. It acts within its workspace with its scope's rights " +
          '(403 beyond them), is limited per key (429 with Retry-After), and a revoked key answers 401 at once.',
      },
      API_KEY_SECURITY,
    )
    .build();
  // Every error answers ApiErrorBody (see AllExceptionsFilter); published so clients can type it.
  const document = SwaggerModule.createDocument(app, options, { extraModels: [ApiErrorBody, ApiErrorItem] });
  // The webhooks Candor sends: OpenAPI 3.1's `webhooks`, as an extension of this 3.0 document (see webhook-docs.ts).
  return { ...document, 'x-webhooks': webhookOperations() } as OpenAPIObject;
}
